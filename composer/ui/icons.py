# SPDX-License-Identifier: GPL-3.0-or-later
"""Icons shipped in `composer.resources`."""

from __future__ import annotations

from importlib.resources import files
from pathlib import Path

from composer import APP_ID


def app_icon_path() -> Path:
    return Path(str(files("composer.resources").joinpath("icons", f"{APP_ID}.svg")))
