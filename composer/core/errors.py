# SPDX-License-Identifier: GPL-3.0-or-later
"""Errors that callers catch without loading the modules that raise them (the command line's
`run` catches these around every command: importing the file reader for its error alone cost
every command ~10 ms)."""

from __future__ import annotations


class InterchangeError(ValueError):
    """The file cannot be read as an update; the message is one line, for the user."""
