# SPDX-License-Identifier: GPL-3.0-or-later
"""The filter above the incident list: words of the title or services, a status, a period."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import QComboBox, QLineEdit, QVBoxLayout, QWidget

from composer.core.listing import IncidentSummary, incident_filter
from composer.core.model import Status, utc_now
from composer.ui.vocabulary import status_text

PERIODS = (0, 7, 30, 365)  # days back; 0: any time
TYPING_PAUSE_MS = 150


class IncidentFilter(QWidget):
    """Says `changed` with the predicate the list applies (None: show everything)."""

    changed = Signal(object)  # Callable[[IncidentSummary], bool] | None

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.text = QLineEdit()
        self.text.setObjectName("incidentFilter")
        self.text.setPlaceholderText(self.tr("Filter by title or service"))
        self.text.setClearButtonEnabled(True)
        self.text.setAccessibleName(self.tr("Filter incidents"))
        self.status = QComboBox()
        self.status.setAccessibleName(self.tr("Status"))
        self.status.addItem(self.tr("Any status"), "")
        self.status.addItem(self.tr("Open"), "open")
        self.status.addItem(self.tr("Closed"), "closed")
        for status in Status:
            self.status.addItem(status_text(status), status.value)
        self.period = QComboBox()
        self.period.setAccessibleName(self.tr("Started"))
        for days, label in zip(
            PERIODS,
            (self.tr("Any time"), self.tr("Last 7 days"), self.tr("Last 30 days"), self.tr("Last 12 months")),
            strict=True,
        ):
            self.period.addItem(label, days)
        # One above the other: side by side, a longer language's "Any status" no longer fits.
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.text)
        layout.addWidget(self.status)
        layout.addWidget(self.period)
        self._pause = QTimer(self)
        self._pause.setSingleShot(True)
        self._pause.setInterval(TYPING_PAUSE_MS)
        self._pause.timeout.connect(self.apply)
        self.text.textChanged.connect(self._pause.start)
        self.status.currentIndexChanged.connect(self.apply)
        self.period.currentIndexChanged.connect(self.apply)

    def tab_stops(self) -> list[QWidget]:
        return [self.text, self.status, self.period]

    def predicate(self) -> Callable[[IncidentSummary], bool] | None:
        days = int(self.period.currentData() or 0)
        since = utc_now() - timedelta(days=days) if days else None
        return incident_filter(self.text.text(), str(self.status.currentData() or ""), since)

    def apply(self) -> None:
        self._pause.stop()
        self.changed.emit(self.predicate())

    def clear(self) -> None:
        """Show every incident again (quietly; then once `changed`)."""
        for widget in (self.text, self.status, self.period):
            widget.blockSignals(True)
        self.text.clear()
        self.status.setCurrentIndex(0)
        self.period.setCurrentIndex(0)
        for widget in (self.text, self.status, self.period):
            widget.blockSignals(False)
        self.apply()

    @property
    def active(self) -> bool:
        return self.predicate() is not None
