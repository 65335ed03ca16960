# SPDX-License-Identifier: GPL-3.0-or-later
"""The desktop entry, AppStream metainfo and icon under packaging/ are valid and agree.

The validators are required, not optional: CI installs them with
`apt-get install desktop-file-utils appstream`, and a missing tool fails the test.
"""

from __future__ import annotations

import shutil
import subprocess
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
