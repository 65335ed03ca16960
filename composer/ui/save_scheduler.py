# SPDX-License-Identifier: GPL-3.0-or-later
"""Saves while the user types: shortly after they pause, and at least once a second."""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer


class SaveScheduler(QObject):
    """Calls `save` `debounce_ms` after the last change, but never later than `max_delay_ms`
    after the first unsaved one. A failed save (`save` returns False) is retried."""

    def __init__(
        self,
        save: Callable[[], bool],
        parent: QObject | None = None,
        *,
        debounce_ms: int = 300,
        max_delay_ms: int = 900,
        retry_ms: int = 5000,
    ):
        super().__init__(parent)
        self._save = save
        self._debounce_ms = debounce_ms
        self._max_delay_ms = max_delay_ms
        self._retry_ms = retry_ms
        self._dirty_since: float | None = None
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.flush)

    @property
    def pending(self) -> bool:
        return self._dirty_since is not None

    def changed(self) -> None:
        now = time.monotonic()
        if self._dirty_since is None:
            self._dirty_since = now
        left_ms = self._max_delay_ms - int((now - self._dirty_since) * 1000)
        self._timer.start(max(0, min(self._debounce_ms, left_ms)))

    def flush(self) -> bool:
        """Save now if anything is pending; True when nothing is left unsaved."""
        self._timer.stop()
        if self._dirty_since is None:
            return True
        if self._save():
            self._dirty_since = None
            return True
        self._timer.start(self._retry_ms)
        return False

    def discard(self) -> None:
        """Forget pending changes (the caller has saved them some other way)."""
        self._timer.stop()
        self._dirty_since = None
