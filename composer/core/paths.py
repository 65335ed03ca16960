# SPDX-License-Identifier: GPL-3.0-or-later
"""Where Incident Composer keeps its data."""

from __future__ import annotations

import os
from pathlib import Path

HOME_ENV = "INCIDENT_COMPOSER_HOME"
DATABASE_NAME = "composer.db"


def data_home() -> Path:
    """The data folder: $INCIDENT_COMPOSER_HOME, else the platform's user data folder."""
    override = os.environ.get(HOME_ENV)
    if override:
        return Path(override).expanduser()
    import platformdirs  # noqa: PLC0415 - only needed when no override is set

    return Path(platformdirs.user_data_dir("incident-composer", appauthor=False))


def database_path(home: Path | None = None) -> Path:
    return (home or data_home()) / DATABASE_NAME


TEMPLATES_FOLDER = "templates"


def user_templates(home: Path | None = None) -> Path:
    """The folder of the user's own templates (the window and the command line share it)."""
    return (home or data_home()) / TEMPLATES_FOLDER
