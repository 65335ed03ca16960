# SPDX-License-Identifier: GPL-3.0-or-later
"""The wheel carries the code and the resources (icons, word lists) as composer.resources."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_wheel_ships_resources(tmp_path):
    result = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(tmp_path), str(ROOT)],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    wheel = next(tmp_path.glob("incident_composer-*.whl"))
    names = set(zipfile.ZipFile(wheel).namelist())
    for language in ("en", "ca", "es"):
        assert f"composer/resources/checks/{language}.toml" in names
    assert "composer/resources/icons/org.incidentcomposer.IncidentComposer.svg" in names
    assert "composer/resources/templates/fields.toml" in names
    assert "composer/resources/templates/en/investigating-blog.j2" in names
    assert "composer/core/checks/rules/signature.py" in names
    assert {f"composer/cli/{group}.py" for group in ("check", "incidents", "templates", "accounts", "publish")} <= names
    entry_points = next(n for n in names if n.endswith(".dist-info/entry_points.txt"))
    assert "incident-composer = composer.entry:main" in zipfile.ZipFile(wheel).read(entry_points).decode()
    assert not any(name.startswith(("tests/", "resources/")) for name in names)
