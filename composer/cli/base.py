# SPDX-License-Identifier: GPL-3.0-or-later
"""What every command group shares: the exit codes, the one error type, the store, output files.

Exit codes: 0 success; 1 the work failed or the checks found a failing rule (a channel
failed, the store or a file cannot be written, no keyring); 2 bad usage or bad input
(unreadable file, invalid front matter, unknown id or name). A failure prints one line on
standard error, `incident-composer: <reason>`, never a traceback.
"""

from __future__ import annotations

import errno
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from composer.core.i18n import _

if TYPE_CHECKING:
    import argparse

    from composer.core.store import Store

EXIT_OK, EXIT_FAILED, EXIT_BAD_INPUT = 0, 1, 2
PROG = "incident-composer"


class CommandError(Exception):
    """Stops a command: `message` is the one line the user sees, `code` the exit code."""

    def __init__(self, message: str, code: int = EXIT_BAD_INPUT):
        super().__init__(message)
        self.code = code


def say(message: str) -> None:
    """One line on standard error, as every error and warning of the command is said."""
    print(f"{PROG}: {message}", file=sys.stderr)


def open_store(*, strict: bool = False) -> Store:
    """The data folder's store. `strict`: a store that cannot be written stops the command;
    otherwise what recovery said about it is printed and the command goes on (reading works)."""
    from composer.core.paths import database_path  # noqa: PLC0415
    from composer.core.store import Store  # noqa: PLC0415

    store, report = Store.open(database_path())
    if strict:
        if report.read_only:
            store.close()
            raise CommandError(report.message, EXIT_FAILED)
    elif report.message:
        say(report.message)
    return store


def write_output(path: Path | None, text: str) -> None:
    """`text` to standard output, or atomically to `path` (an existing file is replaced whole or not at all)."""
    if path is None:
        sys.stdout.write(text)
        return
    from composer.core.files import write_atomic  # noqa: PLC0415

    try:
        write_atomic(path, text)
    except OSError as error:  # a folder, a link or a device named: bad input; a full disk: the work failed
        code = EXIT_BAD_INPUT if error.errno in (errno.EISDIR, errno.ELOOP, errno.EINVAL) else EXIT_FAILED
        raise CommandError(
            _("cannot write {path}: {reason}").format(path=path, reason=error.strerror or error), code
        ) from None


def add_format(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--format", choices=("text", "json"), default="text")


def print_json(data: object) -> None:
    """Indented JSON; a list of objects (a listing, maybe thousands of rows) compact on one line:
    the C encoder writes a thousand rows in a millisecond where indenting them takes twenty."""
    import json  # noqa: PLC0415

    if isinstance(data, list) and data and all(isinstance(item, dict) for item in data):
        print(json.dumps(data, ensure_ascii=False))
        return
    print(json.dumps(data, indent=2, ensure_ascii=False))


MAX_ID = 2**63 - 1  # SQLite's largest integer: a larger "id" cannot name anything


def record_id(text: str) -> int:
    """An argparse type: a stored record's id (a whole number from 1), refused in one line otherwise."""
    import argparse  # noqa: PLC0415

    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(_("{text!r} is not an id (a whole number)").format(text=text)) from None
    if not 1 <= value <= MAX_ID:
        raise argparse.ArgumentTypeError(
            _("{text} is not an id: ids are whole numbers from 1 to {largest}").format(text=text, largest=MAX_ID)
        )
    return value


def account_name(text: str) -> str:
    """An argparse type: an account's name, as `--to` can name it (not blank, no comma)."""
    import argparse  # noqa: PLC0415

    name = text.strip()
    if not name or "," in name or any(not c.isprintable() for c in name):
        raise argparse.ArgumentTypeError(
            _("{text!r} cannot name an account: give a name without commas or control characters").format(text=text)
        )
    return name
