# SPDX-License-Identifier: GPL-3.0-or-later
"""`tools/screenshot.py --all` takes every image the README and the AppStream metainfo show, and
docs/screenshots/README.md says what each image it takes shows. Reads the list only: no
display, no screenshot is taken."""

from __future__ import annotations

import importlib.util
import re
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
README = ROOT / "README.md"
METAINFO = ROOT / "packaging" / "org.incidentcomposer.IncidentComposer.metainfo.xml"
DESCRIBED = ROOT / "docs" / "screenshots" / "README.md"

MARKDOWN_IMAGE = re.compile(r"!\[[^\]]*\]\(\s*([^)\s]+)")
HTML_IMAGE = re.compile(r"<img\b[^>]*\bsrc=\"([^\"]+)\"")


@pytest.fixture(scope="module")
def shots():
    spec = importlib.util.spec_from_file_location("screenshot_tool", ROOT / "tools" / "screenshot.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # its dataclass looks itself up there
    spec.loader.exec_module(module)
    return module.SHOTS


def taken(shots) -> set[str]:
    return {output for shot in shots for output in shot.outputs}


def readme_images() -> set[str]:
    text = README.read_text(encoding="utf-8")
    found = set(MARKDOWN_IMAGE.findall(text)) | set(HTML_IMAGE.findall(text))
    return {path for path in found if "://" not in path}


def metainfo_images() -> set[str]:
    component = ET.parse(METAINFO).getroot()
    homepage = (component.findtext("url[@type='homepage']") or "").rstrip("/")
    prefix = homepage.replace("https://github.com/", "https://raw.githubusercontent.com/") + "/main/"
    urls = [(image.text or "").strip() for image in component.iter("image")]
    assert all(url.startswith(prefix) for url in urls), urls
    return {url.removeprefix(prefix) for url in urls}


def test_the_readme_and_metainfo_show_images_of_this_repository():
    """Guards the parsing below: finding nothing would make every other test pass."""
    assert {"docs/screenshot.png", "docs/publish.png"} <= readme_images()
    assert "docs/screenshots/main-window-ca.png" in metainfo_images()


def test_every_image_shown_is_taken_by_all(shots):
    shown = readme_images() | metainfo_images()
    missing = sorted(shown - taken(shots))
    assert not missing, f"shown but taken by no entry of SHOTS in tools/screenshot.py: {missing}"


def test_every_image_taken_is_described(shots):
    described = DESCRIBED.read_text(encoding="utf-8")
    undescribed = sorted(o for o in taken(shots) if Path(o).name not in described)
    assert not undescribed, f"docs/screenshots/README.md does not say what these show: {undescribed}"


def test_no_stale_image_in_docs(shots):
    """An image in docs/ that no script takes would silently go out of date."""
    images = {str(p.relative_to(ROOT)) for p in [*ROOT.glob("docs/*.png"), *ROOT.glob("docs/screenshots/*.png")]}
    stale = sorted(images - taken(shots))
    assert not stale, f"in docs/ but taken by no entry of SHOTS: {stale}"


def test_each_entry_names_what_its_script_writes(shots):
    for shot in shots:
        script = ROOT / "tools" / shot.script
        assert script.is_file(), shot.script
        if shot.folder:
            assert len({Path(o).parent for o in shot.outputs}) == 1, f"{shot.script}: one folder per entry"
            source = script.read_text(encoding="utf-8")
            for output in shot.outputs:
                assert f'"{Path(output).name}"' in source, f"{shot.script} does not write {Path(output).name}"
        else:
            assert len(shot.outputs) == 1, f"{shot.script} {shot.arguments}: given one path, writes one image"
    outputs = [o for shot in shots for o in shot.outputs]
    assert len(outputs) == len(set(outputs)), "two entries write the same image"
