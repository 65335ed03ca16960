# SPDX-License-Identifier: GPL-3.0-or-later
"""Shared fixtures. Qt runs offscreen; every test gets its own data folder."""

from __future__ import annotations

import os

# Before any QApplication exists: without a display Qt would abort.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest

from composer.core.store import Store


@pytest.fixture
def home(tmp_path, monkeypatch):
    """A fresh INCIDENT_COMPOSER_HOME for this test."""
    folder = tmp_path / "home"
    folder.mkdir()
    monkeypatch.setenv("INCIDENT_COMPOSER_HOME", str(folder))
    return folder


@pytest.fixture
def store(home):
    opened, report = Store.open(home / "composer.db")
    assert report.message == ""
    yield opened
    opened.close()
