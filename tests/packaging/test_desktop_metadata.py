# SPDX-License-Identifier: GPL-3.0-or-later
"""The desktop entry, AppStream metainfo and icon under packaging/ are valid and agree.

The validators are required, not optional: CI installs them with
`apt-get install desktop-file-utils appstream`, and a missing tool fails the test.
"""

from __future__ import annotations

import os
import shutil
import struct
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from composer import APP_ID

ROOT = Path(__file__).resolve().parents[2]
PACKAGING = ROOT / "packaging"
DESKTOP_FILES = sorted(PACKAGING.glob("*.desktop"))
METAINFO_FILES = sorted(PACKAGING.glob("*.metainfo.xml"))
DESKTOP_FILE = PACKAGING / f"{APP_ID}.desktop"
METAINFO_FILE = PACKAGING / f"{APP_ID}.metainfo.xml"
PACKAGED_ICON = PACKAGING / "icons" / "hicolor" / "scalable" / "apps" / f"{APP_ID}.svg"
RESOURCE_ICON = ROOT / "resources" / "icons" / f"{APP_ID}.svg"


def _tool(name: str, apt_package: str) -> str:
    path = shutil.which(name)
    if path is None:
        pytest.fail(
            f"`{name}` is not installed; install it with "
            f"`apt-get install {apt_package}` (CI does this before running the tests)",
            pytrace=False,
        )
    return path


def _run(*command: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(command, capture_output=True, text=True, check=False, timeout=60)


def _output(result: subprocess.CompletedProcess[str]) -> str:
    return f"exit code {result.returncode}\n{result.stdout}{result.stderr}"


def test_desktop_file_is_valid():
    validate = _tool("desktop-file-validate", "desktop-file-utils")
    result = _run(validate, str(DESKTOP_FILE))
    # desktop-file-validate exits 0 even with some complaints; it prints nothing when clean.
    assert result.returncode == 0, _output(result)
    assert not (result.stdout + result.stderr).strip(), _output(result)


def test_metainfo_is_valid():
    appstreamcli = _tool("appstreamcli", "appstream")
    result = _run(appstreamcli, "validate", "--no-net", str(METAINFO_FILE))
    assert result.returncode == 0, _output(result)


def test_app_id_is_the_same_everywhere():
    assert [p.name for p in DESKTOP_FILES] == [f"{APP_ID}.desktop"]
    assert [p.name for p in METAINFO_FILES] == [f"{APP_ID}.metainfo.xml"]

    component = ET.parse(METAINFO_FILE).getroot()
    assert component.findtext("id") == APP_ID
    assert component.findtext("launchable[@type='desktop-id']") == f"{APP_ID}.desktop"

    entry = dict(
        line.split("=", 1)
        for line in DESKTOP_FILE.read_text(encoding="utf-8").splitlines()
        if "=" in line and not line.startswith("#")
    )
    assert entry["Icon"] == APP_ID


def test_packaged_icon_is_the_app_icon():
    assert PACKAGED_ICON.read_bytes() == RESOURCE_ICON.read_bytes(), (
        f"{PACKAGED_ICON.relative_to(ROOT)} differs from {RESOURCE_ICON.relative_to(ROOT)}; "
        "copy the resources icon over it"
    )


def _homepage_raw_prefix(component: ET.Element) -> str:
    """https://github.com/OWNER/REPO -> the raw-file URL prefix of its main branch."""
    homepage = component.findtext("url[@type='homepage']") or ""
    assert homepage.startswith("https://github.com/"), homepage
    return homepage.replace("https://github.com/", "https://raw.githubusercontent.com/").rstrip("/") + "/main/"


def test_metainfo_screenshots_are_the_readme_screenshots():
    component = ET.parse(METAINFO_FILE).getroot()
    prefix = _homepage_raw_prefix(component)
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    screenshots = component.findall("screenshots/screenshot")
    assert len(screenshots) >= 2
    assert [s.get("type") for s in screenshots].count("default") == 1
    for screenshot in screenshots:
        assert (screenshot.findtext("caption") or "").strip(), "every screenshot has a caption"
        for image in screenshot.findall("image"):
            url = (image.text or "").strip()
            assert url.startswith(prefix), url
            path = url.removeprefix(prefix)
            assert (ROOT / path).is_file(), f"{path} is not in the repository"
            assert path in readme, f"{path} is not one of the README's screenshots"
            assert (ROOT / path).read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_metainfo_release_notes_are_for_this_version():
    from composer import __version__

    releases = ET.parse(METAINFO_FILE).getroot().findall("releases/release")
    assert releases, "the metainfo lists no release"
    newest = releases[0]
    assert newest.get("version") == __version__
    assert len(newest.findall("description/ul/li")) >= 5, "the release notes say what the release does"


def test_icons_are_drawn_at_every_size(tmp_path):
    result = subprocess.run(
        [sys.executable, str(ROOT / "tools" / "build_icons.py"), "--out", str(tmp_path)],
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )
    assert result.returncode == 0, _output(result)
    for size in (16, 24, 32, 48, 64, 128, 256):
        png = (tmp_path / f"{size}x{size}" / "apps" / f"{APP_ID}.png").read_bytes()
        assert png[:8] == b"\x89PNG\r\n\x1a\n"
        width, height = struct.unpack(">II", png[16:24])  # the IHDR chunk
        assert (width, height) == (size, size)
    # Not blank: the icon's red square reaches the middle of the 48 px one.
    assert len((tmp_path / "48x48" / "apps" / f"{APP_ID}.png").read_bytes()) > 200


def test_app_sets_the_desktop_file_name_to_the_app_id(qapp):
    from PySide6.QtGui import QGuiApplication

    from composer.app import create_application

    app = create_application([])
    assert app is qapp
    assert QGuiApplication.desktopFileName() == APP_ID
