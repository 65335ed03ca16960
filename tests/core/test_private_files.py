# SPDX-License-Identifier: GPL-3.0-or-later
"""The data folder and the database are this user's only; the command line's save errors do not
speak of an editor it does not have."""

from __future__ import annotations

import argparse
import sqlite3
import stat

from composer.cli import run
from composer.core.store import SaveFailed, Store, _save_failure


def _mode(path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_a_fresh_data_folder_is_private(tmp_path):
    home = tmp_path / "parent" / "home"
    store, _report = Store.open(home / "composer.db")
    store.close()
    assert _mode(home) == 0o700
    assert _mode(home / "composer.db") == 0o600


def test_an_existing_folder_keeps_its_permissions(tmp_path):
    home = tmp_path / "shared"
    home.mkdir(mode=0o750)
    home.chmod(0o750)
    Store.open(home / "composer.db")[0].close()
    assert _mode(home) == 0o750


def test_the_window_is_told_its_text_is_safe_the_command_line_is_not(capsys):
    error = _save_failure(sqlite3.OperationalError("database or disk is full"))
    assert str(error).endswith("Your text is still in the editor.")
    assert isinstance(error, SaveFailed) and "editor" not in error.reason

    def handler(_args: argparse.Namespace) -> int:
        raise error

    assert run(argparse.Namespace(handler=handler)) == 1
    said = capsys.readouterr().err.strip()
    assert said.endswith("Not saved: the disk is full. Free some space; saving retries by itself.")
    assert "editor" not in said and len(said.splitlines()) == 1
