# SPDX-License-Identifier: GPL-3.0-or-later
"""The task runner: work off the UI thread, callbacks on it, progress folded, a clean shutdown."""

from __future__ import annotations

import threading

import pytest

from composer.ui.task_runner import TaskRunner


@pytest.fixture
def runner(qapp):
    runner = TaskRunner()
    yield runner
    runner.shutdown()


def on_ui_thread() -> bool:
    return threading.current_thread() is threading.main_thread()


def test_task_runner_calls_back_on_the_ui_thread(qtbot, runner):
    seen = {}

    def work(report, cancel):
        seen["worker"] = threading.current_thread().name
        report(0.5, "half")
        return 42

    progress = []
    results = []
    runner.run(
        work,
        progress=lambda f, t: progress.append((f, t, on_ui_thread())),
        done=lambda value: results.append((value, on_ui_thread())),
    )
    qtbot.waitUntil(lambda: bool(results), timeout=15_000)
    assert results == [(42, True)]
    assert progress == [(0.5, "half", True)]
    assert seen["worker"] != threading.main_thread().name

    errors = []
    runner.run(lambda report, cancel: 1 / 0, failed=lambda error: errors.append(type(error)))
    qtbot.waitUntil(lambda: bool(errors), timeout=15_000)
    assert errors == [ZeroDivisionError]
    assert not runner.busy


def test_a_flood_of_reports_is_folded_into_the_latest_before_the_result(qtbot, runner):
    """A worker reporting faster than the UI thread takes reports cannot flood the event loop."""
    progress, results = [], []
    reported = threading.Event()

    def work(report, cancel):
        for step in range(1, 1001):
            report(step / 1000, f"step {step}")
        reported.set()
        return "done"

    runner.run(work, progress=lambda f, t: progress.append(t), done=results.append)
    assert reported.wait(15)  # the UI thread has not turned meanwhile: every report is waiting
    qtbot.waitUntil(lambda: bool(results), timeout=15_000)
    assert progress == ["step 1000"]  # one delivery, the latest, and before the result
    assert results == ["done"]


def test_shutdown_cancels_waits_and_delivers_the_last_results(qtbot, runner):
    started, results, stopped = threading.Event(), [], []

    def work(report, cancel):
        started.set()
        cancel.wait(15)  # a worker that stops only when asked
        return "stopped" if cancel.is_set() else "timed out"

    runner.run(work, done=results.append)
    assert started.wait(15)
    assert runner.shutdown()
    assert results == ["stopped"]  # delivered by shutdown itself, not by a later turn of the loop
    assert not runner.busy
    with pytest.raises(RuntimeError, match="shut down"):
        runner.run(lambda report, cancel: None, done=stopped.append)
    qtbot.wait(50)
    assert stopped == []
