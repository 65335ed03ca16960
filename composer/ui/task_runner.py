# SPDX-License-Identifier: GPL-3.0-or-later
"""Runs plain functions off the UI thread; their progress and results come back through Qt signals.

Threading rules (obey them):

- the work is a plain function `work(report, cancel)`: it may call `report(*values)` from its
  thread and should stop early when `cancel.is_set()`; it never touches a widget;
- `report`, the result and any exception travel to the UI thread as queued signals of a
  `Task`, which lives on the UI thread; the callbacks given to `run` run there, so they may
  update widgets;
- a task's callbacks run at most once each for the result (`done`) or the error (`failed`);
- progress is a display, not a log: reports that arrive faster than the UI thread takes them are
  folded into the latest one (one queued signal per task at a time), so a chatty worker cannot
  flood the event loop; the last report still arrives before the result;
- `shutdown()` (closing the window) cancels every task, waits for the workers, then delivers
  their last signals at once, so a post that went out is still recorded before the store
  closes; nothing can be started afterwards.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QRunnable, QThreadPool, Signal

Work = Callable[[Callable[..., None], threading.Event], Any]


class Task(QObject):
    """One piece of work: its signals arrive on the UI thread. `cancel()` asks the work to stop."""

    progressed = Signal()  # a report is waiting: take it with take_report()
    finished = Signal(object)  # the work's return value
    failed = Signal(object)  # the exception it raised

    def __init__(self, name: str = "", parent: QObject | None = None):
        super().__init__(parent)
        self.name = name
        self.cancel_event = threading.Event()
        self.running = True
        self._report_lock = threading.Lock()
        self._report: tuple[object, ...] | None = None  # the latest report not yet taken

    def cancel(self) -> None:
        self.cancel_event.set()

    def put_report(self, values: tuple[object, ...]) -> None:
        """Worker side: keep the latest values; signal only when none was waiting already."""
        with self._report_lock:
            waiting = self._report is not None
            self._report = values
        if not waiting:
            self.progressed.emit()

    def take_report(self) -> tuple[object, ...] | None:
        """UI side: the latest report, once."""
        with self._report_lock:
            values, self._report = self._report, None
        return values


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
            task.put_report(values)

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
        self._closed = False  # shut down: nothing new starts
        self._silenced = False  # shut down and delivered: a late worker's signals are dropped

    def run(
        self,
        work: Work,
        *,
        done: Callable[[Any], None] | None = None,
        failed: Callable[[Exception], None] | None = None,
        progress: Callable[..., None] | None = None,
        name: str = "",
    ) -> Task:
        """Start `work` in a worker thread; `done`, `failed` and `progress` run on the UI thread."""
        if self._closed:
            raise RuntimeError(f"task {name!r} started after the task runner was shut down")
        task = Task(name, self)  # created here, so it lives on the UI thread and its slots run there

        def show_progress() -> None:
            values = task.take_report()
            if values is not None and progress is not None and not self._silenced:
                progress(*values)

        task.progressed.connect(show_progress)

        def finish(callback: Callable[[Any], None] | None, value: object) -> None:
            task.running = False
            self._tasks.discard(task)
            if callback is not None and not self._silenced:
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

    @property
    def closed(self) -> bool:
        return self._closed

    def shutdown(self, msecs: int = 30_000) -> bool:
        """Cancel everything, wait for the workers, then deliver what they sent (UI thread).

        After this no task runs and no callback is left pending. False if a worker was still
        running after `msecs`: its callbacks will not run.
        """
        self._closed = True
        self.cancel_all()
        drained = self.pool.waitForDone(msecs)
        for task in list(self._tasks):
            QCoreApplication.sendPostedEvents(task, QEvent.Type.MetaCall)  # queued signals are MetaCall events
        self._silenced = True
        return drained
