# SPDX-License-Identifier: GPL-3.0-or-later
"""The `incident-composer` command line: one module per command group, one error type, one
set of exit codes (`composer.cli.base`).

This package never imports the window (`composer.ui`, `composer.app`): with no command,
`main` calls the `open_window` it is given, which the entry point (`composer.entry`) supplies.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from typing import TYPE_CHECKING, NoReturn

from composer import __version__
from composer.cli.base import EXIT_BAD_INPUT, EXIT_FAILED, EXIT_OK, PROG, CommandError, say
from composer.core.i18n import _, set_language

if TYPE_CHECKING:
    import argparse

__all__ = ["EXIT_BAD_INPUT", "EXIT_FAILED", "EXIT_OK", "CommandError", "build_parser", "main"]


def build_parser() -> argparse.ArgumentParser:
    import argparse  # noqa: PLC0415 - not on the path to the window

    from composer.cli import (  # noqa: PLC0415
        accounts,
        check,
        incidents,
        organisation,
        outbox,
        outreach,
        publish,
        review,
        statuspage,
        templates,
        workspace,
    )

    class Parser(argparse.ArgumentParser):
        """Usage errors in one line, as every other error of the command (no usage block)."""

        def error(self, message: str) -> NoReturn:
            line = _("{message} (see `{command} --help`)").format(message=message, command=self.prog)
            self.exit(EXIT_BAD_INPUT, f"{PROG}: {line}\n")

    parser: argparse.ArgumentParser = Parser(
        prog=PROG,
        description=_(
            "Write outage updates that are timely, signed, honest and reachable. With no command, opens the app."
        ),
    )
    parser.add_argument(
        "--version", action="version", version=f"%(prog)s {__version__}", help=_("show the version and exit")
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    # In this order in --help: the store, the checks, the templates, who speaks, publishing.
    incidents.add_parsers(commands)
    check.add_parsers(commands)
    templates.add_parsers(commands)
    organisation.add_parsers(commands)
    accounts.add_parsers(commands)
    publish.add_parsers(commands)
    outbox.add_parsers(commands)
    outreach.add_parsers(commands)
    statuspage.add_parsers(commands)
    workspace.add_parsers(commands)
    review.add_parsers(commands)
    return parser


def run(args: argparse.Namespace) -> int:
    """Run the parsed command; every expected failure becomes one line and an exit code."""
    from composer.core.errors import InterchangeError  # noqa: PLC0415
    from composer.core.store import NotFound, SaveFailed, StoreError  # noqa: PLC0415

    handler: Callable[[argparse.Namespace], int] = args.handler
    try:
        return handler(args)
    except (InterchangeError, NotFound) as error:
        say(str(error))
        return EXIT_BAD_INPUT
    except SaveFailed as error:  # the command line has no editor holding the text
        say(error.reason)
        return EXIT_FAILED
    except StoreError as error:
        say(str(error))
        return EXIT_FAILED
    except CommandError as error:
        say(str(error))
        return error.code


def main(argv: list[str] | None = None, *, open_window: Callable[[], int] | None = None) -> int:
    """`incident-composer ARGS`. With no command: `open_window()`, else a usage error.

    A command speaks the system's language (LANGUAGE, LC_ALL, LC_MESSAGES, LANG: `LANGUAGE=ca
    incident-composer check FILE`); its JSON output is the same in every language."""
    argv = sys.argv[1:] if argv is None else argv
    if argv:  # the window sets its own language (Preferences); a command follows the environment
        set_language()
    args = build_parser().parse_args(argv) if argv else None
    if args is None or args.command is None:
        if open_window is None:
            say(_("no command given (see --help)"))
            return EXIT_BAD_INPUT
        return open_window()
    try:
        return run(args)
    except BrokenPipeError:  # `incident-composer ... | head`: the reader has what it wanted
        import os  # noqa: PLC0415

        devnull = os.open(os.devnull, os.O_WRONLY)  # Python flushes stdout at exit: not into the closed pipe
        os.dup2(devnull, sys.stdout.fileno())
        return EXIT_OK
