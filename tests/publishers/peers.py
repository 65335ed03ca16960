# SPDX-License-Identifier: GPL-3.0-or-later
"""Starting a real test server: when it cannot start, the test fails saying which and why.

Never a skip: `./dev test` installs everything the servers need, so a server that does not
start is a broken machine or a broken test, and CI must say so.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

import pytest

T = TypeVar("T")


def start_peer(name: str, start: Callable[[], T]) -> T:
    """`start()`, or fail the test with "the NAME test server could not start: REASON"."""
    try:
        return start()
    except Exception as error:  # any reason: a missing program, a busy port, a crash at start
        reason = " ".join(str(error).split()) or type(error).__name__
        pytest.fail(f"the {name} test server could not start: {reason}", pytrace=False)
