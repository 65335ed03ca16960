# SPDX-License-Identifier: GPL-3.0-or-later
"""Opening the store's SQLite file: private to this user, in WAL mode, waiting for other processes."""

from __future__ import annotations

import contextlib
import sqlite3
from typing import TYPE_CHECKING

from composer.core.i18n import _

if TYPE_CHECKING:
    from pathlib import Path


def private(path: Path) -> None:
    """The data folder (0700) and the database (0600), created for this user only: updates
    being drafted and the outbox are nobody else's to read. Existing ones are left as they are."""
    import os  # noqa: PLC0415

    path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    with contextlib.suppress(FileExistsError):
        os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))


def _write_ahead(conn: sqlite3.Connection) -> None:
    """Switch to WAL. On a fresh database another process may be switching at the same moment:
    SQLite then answers "locked" at once, without waiting its busy timeout; wait here instead."""
    import time  # noqa: PLC0415

    for _attempt in range(100):  # at most ~5 s
        try:
            conn.execute("PRAGMA journal_mode = WAL")
            return
        except sqlite3.OperationalError as error:
            if "locked" not in str(error) and "busy" not in str(error):
                raise
            time.sleep(0.05)
    conn.execute("PRAGMA journal_mode = WAL")


def _read_only(path: Path) -> sqlite3.Connection:
    """Read-only, even where the folder cannot be written: a WAL database read with `mode=ro`
    needs its shared-memory file, which a read-only folder cannot hold. Then it is read
    `immutable` (no locks, no WAL): as it was last checkpointed, which is how a cleanly closed
    store is left, and nobody can be writing in a folder that cannot be written."""
    conn = sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True, check_same_thread=False)
    try:
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except sqlite3.OperationalError:
        conn.close()
        conn = sqlite3.connect(f"{path.as_uri()}?immutable=1", uri=True, check_same_thread=False)
    return conn


def unwritable_folder(path: Path) -> str:
    """Why the database's folder cannot be written, or "" when it can."""
    import os  # noqa: PLC0415

    folder = path.parent
    if not folder.is_dir() or os.access(folder, os.W_OK):
        return ""
    try:
        read_only_mount = bool(os.statvfs(folder).f_flag & os.ST_RDONLY)
    except OSError:
        read_only_mount = False
    return (
        _("{folder} is on a read-only disk").format(folder=folder)
        if read_only_mount
        else _("{folder} is read-only for this user").format(folder=folder)
    )


def connect(path: Path, read_only: bool = False) -> sqlite3.Connection:
    conn = _read_only(path) if read_only else sqlite3.connect(path, check_same_thread=False)
    conn.row_factory = sqlite3.Row
    conn.execute("PRAGMA busy_timeout = 3000")
    if not read_only:
        _write_ahead(conn)
        conn.execute("PRAGMA synchronous = NORMAL")  # WAL + NORMAL survives a killed process
        conn.execute("PRAGMA foreign_keys = ON")
    return conn
