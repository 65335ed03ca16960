# SPDX-License-Identifier: GPL-3.0-or-later
"""Guard against PySide6 6.12.0 on Python 3.11, which corrupts None's refcount and aborts."""

from __future__ import annotations

import subprocess
import sys

CALLS = """
from PySide6.QtCore import QObject
obj = QObject()
for _ in range(20_000):
    obj.setObjectName("x")
print("ok")
"""


def test_twenty_thousand_void_calls_exit_cleanly():
    result = subprocess.run([sys.executable, "-c", CALLS], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, f"PySide6 aborted (exit {result.returncode}): {result.stderr[-500:]}"
    assert result.stdout.strip() == "ok"
