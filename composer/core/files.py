# SPDX-License-Identifier: GPL-3.0-or-later
"""The one way the app and the command line write a file: atomically.

A temporary file in the same folder, flushed and fsynced, then renamed over the target, then
the folder fsynced: a crash, a full disk or a killed process leaves either the old file or the
new one, never half of one. On failure the temporary file is removed and the `OSError` raised.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path


def write_atomic(path: Path | str, data: str | bytes, *, encoding: str = "utf-8", mode: int | None = None) -> None:
    """Replace `path` with `data`. Keeps the file's permissions if it exists, else uses `mode` or 0o644."""
    target = Path(path)
    payload = data.encode(encoding) if isinstance(data, str) else data
    folder = target.parent if str(target.parent) else Path(".")
    fd, tmp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=folder)
    try:
        try:
            existing = os.stat(target).st_mode & 0o7777
        except OSError:
            existing = None
        os.fchmod(fd, existing if existing is not None else (mode if mode is not None else 0o644))
        with os.fdopen(fd, "wb") as handle:
            fd = -1
            handle.write(payload)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp_name, target)
    except BaseException:
        if fd >= 0:
            os.close(fd)
        with contextlib.suppress(OSError):
            os.unlink(tmp_name)
        raise
    _fsync_folder(folder)


def _fsync_folder(folder: Path) -> None:
    """Make the rename itself durable (where the platform allows opening a folder)."""
    try:
        fd = os.open(folder, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
    except OSError:
        return
    try:
        with contextlib.suppress(OSError):
            os.fsync(fd)
    finally:
        os.close(fd)
