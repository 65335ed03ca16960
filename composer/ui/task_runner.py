# SPDX-License-Identifier: GPL-3.0-or-later
"""Runs plain functions off the UI thread; their progress and results come back through Qt signals.

Threading rules (obey them):

- the work is a plain function `work(report, cancel)`: it may call `report(*values)` from its
  thread and should stop early when `cancel.is_set()`; it never touches a widget;
- `report`, the result and any exception travel to the UI thread as queued signals of a
  `Task`, which lives on the UI thread; the callbacks given to `run` run there, so they may
  update widgets;
- a task's callbacks run at most once each for the result (`done`) or the error (`failed`).
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

Work = Callable[[Callable[..., None], threading.Event], Any]


class Task(QObject):
    """One piece of work: its signals arrive on the UI thread. `cancel()` asks the work to stop."""

    progressed = Signal(object)  # the tuple of values given to report()
    finished = Signal(object)  # the work's return value
    failed = Signal(object)  # the exception it raised

    def __init__(self, name: str = "", parent: QObject | None = None):
        super().__init__(parent)
        self.name = name
        self.cancel_event = threading.Event()
        self.running = True

    def cancel(self) -> None:
        self.cancel_event.set()


class _Job(QRunnable):
    """The QRunnable a worker thread runs: calls the work, sends everything back as signals."""

    def __init__(self, task: Task, work: Work):
        super().__init__()
        self.setAutoDelete(True)
        self._task = task
        self._work = work

    def run(self) -> None:
        task = self._task

        def report(*values: object) -> None:
            task.progressed.emit(values)

        try:
            result = self._work(report, task.cancel_event)
        except Exception as error:  # handed to the UI thread, which decides what to say
            task.failed.emit(error)
            return
        task.finished.emit(result)


class TaskRunner(QObject):
    """A small thread pool for the UI. Keeps each task alive until its result has arrived."""

    def __init__(self, parent: QObject | None = None, max_threads: int = 8):
        super().__init__(parent)
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(max_threads)
        self._tasks: set[Task] = set()

    def run(self, work: Work, *, done: Callable[[Any], None] | None = None,
            failed: Callable[[Exception], None] | None = None,
            progress: Callable[..., None] | None = None, name: str = "") -> Task:
        """Start `work` in a worker thread; `done`, `failed` and `progress` run on the UI thread."""
        task = Task(name, self)  # created here, so it lives on the UI thread and its slots run there
        if progress is not None:
            task.progressed.connect(lambda values: progress(*values))

        def finish(callback: Callable[[Any], None] | None, value: object) -> None:
            task.running = False
            self._tasks.discard(task)
            if callback is not None:
                callback(value)
            task.deleteLater()

        task.finished.connect(lambda value: finish(done, value))
        task.failed.connect(lambda error: finish(failed, error))
        self._tasks.add(task)
        self.pool.start(_Job(task, work))
        return task

    @property
    def busy(self) -> bool:
        return bool(self._tasks)

    def cancel_all(self) -> None:
        for task in list(self._tasks):
            task.cancel()

    def wait(self, msecs: int = 30_000) -> bool:
        """Block until every worker has returned (closing the app, tests). Signals still queue."""
        return self.pool.waitForDone(msecs)
