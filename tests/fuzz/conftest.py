# SPDX-License-Identifier: GPL-3.0-or-later
"""The fuzz harness's figures: printed at the end of the run, and written as JSON to
$FUZZ_FIGURES when set."""

from __future__ import annotations

import sys


def _figures():
    runner = sys.modules.get("fuzz_runner")
    return None if runner is None or not runner.FIGURES.inputs_tried else runner


def pytest_sessionfinish(session, exitstatus):
    runner = _figures()
    if runner is not None:
        runner.write_figures()


def pytest_terminal_summary(terminalreporter, exitstatus, config):
    runner = _figures()
    if runner is not None:
        terminalreporter.write_sep("-", "fuzz figures")
        terminalreporter.write_line(runner.summary())
