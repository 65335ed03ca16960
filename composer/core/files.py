# SPDX-License-Identifier: GPL-3.0-or-later
"""The one way the app and the command line write a file: atomically.

A temporary file in the same folder, flushed and fsynced, then renamed over the target, then
the folder fsynced: a crash, a full disk or a killed process leaves either the old file or the
new one, never half of one. On failure the temporary file is removed and the `OSError` raised.
"""

from __future__ import annotations

import contextlib
import errno
import os
import stat
from pathlib import Path

from composer.core.i18n import _


def write_atomic(
    path: Path | str, data: str | bytes, *, encoding: str = "utf-8", mode: int | None = None, durable: bool = True
) -> None:
    """Replace `path` with `data`. Keeps the file's permissions if it exists, else uses `mode` or 0o644.
    `durable=False` skips the fsyncs, for a file whose loss in a power cut costs nothing (a hint
    that is checked when read): the rename still shows the old file or the new one, never half.

    Only a regular file is replaced: a folder, a device, a pipe or a symbolic link at `path` is
    refused (an OSError whose `strerror` says which), so a planted link cannot send the write
    elsewhere and `-o /dev/stdout` cannot replace a device node."""
    target = Path(path)
    _refuse_unless_regular(target)
    payload = data.encode(encoding) if isinstance(data, str) else data
    folder = target.parent if str(target.parent) else Path(".")
    fd, tmp_name = _temporary(folder, target.name)
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
            if durable:
                os.fsync(handle.fileno())
        os.replace(tmp_name, target)
    except BaseException:
        if fd >= 0:
            os.close(fd)
        with contextlib.suppress(OSError):
            os.unlink(tmp_name)
        raise
    if durable:
        _fsync_folder(folder)


def _temporary(folder: Path, name: str) -> tuple[int, str]:
    """A new file only this process can have made (O_EXCL, mode 0600) beside the target, as
    `tempfile.mkstemp` makes one, without importing `tempfile` (and `random`) on every command."""
    for _attempt in range(100):
        tmp_name = str(folder / f".{name}.{os.getpid()}-{os.urandom(6).hex()}.tmp")
        try:
            return os.open(
                tmp_name, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_CLOEXEC", 0), 0o600
            ), tmp_name
        except FileExistsError:
            continue
    raise FileExistsError(errno.EEXIST, _("cannot make a temporary file in {folder}").format(folder=folder))


def _refuse_unless_regular(target: Path) -> None:
    if not str(target) or str(target) in (".", ".."):
        raise IsADirectoryError(errno.EISDIR, _("is a folder: name a file"))
    try:
        status = os.lstat(target)
    except FileNotFoundError:
        return  # a new file
    if stat.S_ISLNK(status.st_mode):
        raise OSError(errno.ELOOP, _("is a symbolic link: name the file it points to"))
    if stat.S_ISDIR(status.st_mode):
        raise IsADirectoryError(errno.EISDIR, _("is a folder: name a file"))
    if not stat.S_ISREG(status.st_mode):
        raise OSError(errno.EINVAL, _("is not a regular file (a device or a pipe): name a file"))


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


class ReadRefused(ValueError):
    """A file that cannot be read as text within its limit; the message is one line saying why."""


def read_bytes(path: Path, limit: int, too_long: str) -> bytes:
    """The bytes of `path`, reading at most `limit` (a hostile file never fills the memory).
    ReadRefused when it cannot be read or is longer (`too_long` says why that is too long)."""
    try:
        with path.open("rb") as file:
            data = file.read(limit + 1)
    except OSError as error:
        raise ReadRefused(_("cannot read {path}: {reason}").format(path=path, reason=error.strerror or error)) from None
    if len(data) > limit:
        raise ReadRefused(
            _("{path}: over {limit:,} bytes; {too_long}").format(path=path, limit=limit, too_long=too_long)
        )
    return data


def read_text(path: Path, limit: int, too_long: str) -> str:
    """The UTF-8 text of `path` (`read_bytes`); ReadRefused also when it is not UTF-8. The one
    way update files, settings, data files and user templates are read."""
    data = read_bytes(path, limit, too_long)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        raise ReadRefused(_("{path}: not UTF-8 text").format(path=path)) from None
