# SPDX-License-Identifier: GPL-3.0-or-later
"""The `incident-composer` entry point: no command opens the window, a command runs headless.

The only module that knows both: the command line (`composer.cli`) never imports the window.
"""

from __future__ import annotations

import sys


def open_window() -> int:
    from composer.app import run_gui  # noqa: PLC0415 - Qt only for the window

    return run_gui()


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if not argv:  # the window: straight there, without building the command-line parser
        return open_window()
    from composer.cli import main as command  # noqa: PLC0415

    return command(argv, open_window=open_window)
