# SPDX-License-Identifier: GPL-3.0-or-later
"""Watches every open incident's promised next update; warns before it lapses."""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtCore import QObject, QTimer, Signal

from composer.core.model import utc_now
from composer.core.promises import DEFAULT_WARN_BEFORE, Promise, PromiseState
from composer.core.store import Store

TICK_MS = 15_000


class PromiseWatch(QObject):
    """Emits `due_soon` once per promise, `states_changed` whenever any incident's state moves."""

    due_soon = Signal(object, object)  # Incident, Promise
    states_changed = Signal()

    def __init__(self, store: Store, parent: QObject | None = None, warn_before: timedelta = DEFAULT_WARN_BEFORE):
        super().__init__(parent)
        self._store = store
        self.warn_before = warn_before
        self.states: dict[int, Promise] = {}
        self._warned: set[tuple[int, object]] = set()
        self._timer = QTimer(self)
        self._timer.timeout.connect(self.refresh)
        self._timer.start(TICK_MS)

    def refresh(self) -> None:
        states = {}
        now = utc_now()
        for summary in self._store.incident_summaries(open_only=True):  # one query, however long the history
            incident = summary.incident
            promise = summary.promise(now, self.warn_before)
            states[incident.id or 0] = promise
            key = (incident.id or 0, promise.deadline)
            if promise.state is PromiseState.DUE_SOON and key not in self._warned:
                self._warned.add(key)
                self.due_soon.emit(incident, promise)
        if states != self.states:
            self.states = states
            self.states_changed.emit()
