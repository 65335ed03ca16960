# SPDX-License-Identifier: GPL-3.0-or-later
"""The left pane: incidents, newest first, and the updates of the selected one."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import QLabel, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from composer.core.model import Incident, Update, utc_now
from composer.core.promises import Promise, PromiseState
from composer.ui.clock import format_duration

if TYPE_CHECKING:
    from PySide6.QtGui import QColor, QPalette

AGE_TICK_MS = 30_000  # the ages ("4 min") are repainted at least this often
AGE_MARGIN_MS = 100  # ... and just after a shown age changes, so they move with the status bar's
FOREGROUND_ROLE = 9  # Qt.ItemDataRole.ForegroundRole, without loading Qt's enum namespace


def alert_color(palette: QPalette) -> QColor:
    """A red that reads on both light and dark palettes."""
    # Imported here: a Qt class first used costs startup time, and alerts are rare.
    from PySide6.QtGui import QColor, QPalette  # noqa: PLC0415

    dark = palette.color(QPalette.ColorRole.Window).lightness() < 128
    return QColor("#ff6b6b") if dark else QColor("#c62828")


def ms_to_next_age(age: timedelta) -> int:
    """How long until `format_duration(age)` reads differently: '45 s' moves each second, '12 min'
    and '3 h 05 min' each minute, '2 d 4 h' each hour (the same clock the status bar reads)."""
    ms = int(age.total_seconds() * 1000)
    size = abs(ms)
    unit = 1000 if size < 60_000 else 60_000 if size < 48 * 3_600_000 else 3_600_000
    if ms >= 0:
        return unit - ms % unit
    return size % unit  # counting down to a start in the future: the value shown shrinks


class IncidentList(QWidget):
    incident_selected = Signal(int)
    update_selected = Signal(int)
    incidents_shown = Signal(int)  # the list was filled: how many incidents it holds

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.incidents = QListWidget()
        self.incidents.setObjectName("incidentList")
        self.incidents.setAlternatingRowColors(True)
        self.incidents.setWordWrap(True)
        self.updates = QListWidget()
        self.updates.setObjectName("updateList")
        incidents_label = QLabel(self.tr("&Incidents"))
        incidents_label.setBuddy(self.incidents)
        updates_label = QLabel(self.tr("U&pdates"))
        updates_label.setBuddy(self.updates)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(incidents_label)
        layout.addWidget(self.incidents, 3)
        layout.addWidget(updates_label)
        layout.addWidget(self.updates, 2)
        self._incident_ids: list[int] = []
        self._update_ids: list[int] = []
        self._shown: dict[int, tuple[Incident, Promise]] = {}  # what each row shows, to repaint its age
        # Repaints the ages. It restarts itself for the next moment a shown age changes (at most
        # AGE_TICK_MS away): tests drive it by patching utc_now and calling tick_ages().
        self.age_timer = QTimer(self)
        self.age_timer.setInterval(AGE_TICK_MS)
        self.age_timer.timeout.connect(self.tick_ages)
        self.age_timer.start()
        self.incidents.currentRowChanged.connect(self._on_incident)
        self.updates.currentRowChanged.connect(self._on_update)

    # Ids live in Python lists, row for row: item data roles would load Qt's enum namespace
    # (~12 ms) before the first paint.
    def current_incident_id(self) -> int | None:
        row = self.incidents.currentRow()
        return self._incident_ids[row] if 0 <= row < len(self._incident_ids) else None

    def show_incidents(self, incidents: list[tuple[Incident, Promise]], select: int | None) -> None:
        """Fill the list; `select` keeps (or moves) the selection without re-emitting needlessly."""
        self.incidents.blockSignals(True)
        self.incidents.clear()
        self._incident_ids = [incident.id or 0 for incident, _ in incidents]
        self._shown = {}
        chosen = None
        now = utc_now()
        for incident, promise in incidents:
            item = QListWidgetItem()
            self._paint_incident(item, incident, promise, now)
            self.incidents.addItem(item)
            if incident.id == select:
                chosen = item
        self.incidents.blockSignals(False)
        if chosen is not None:
            self.incidents.setCurrentItem(chosen)
        self._schedule_tick(now)
        self.incidents_shown.emit(len(incidents))

    def refresh_incident(self, incident: Incident, promise: Promise) -> None:
        if incident.id in self._incident_ids:
            self._paint_incident(self.incidents.item(self._incident_ids.index(incident.id)), incident, promise)

    def tick_ages(self) -> None:
        """Repaint each row's age from what it shows: no store query, nothing re-sorted. Then wait
        for the next moment one of them changes, so the ages move when the status bar's does."""
        now = utc_now()
        for row, incident_id in enumerate(self._incident_ids):
            shown = self._shown.get(incident_id)
            if shown is not None:
                self._paint_incident(self.incidents.item(row), *shown, now=now)
        self._schedule_tick(now)

    def _schedule_tick(self, now: datetime) -> None:
        wait = AGE_TICK_MS
        for incident, _promise in self._shown.values():
            wait = min(wait, ms_to_next_age(now - incident.started_at) + AGE_MARGIN_MS)
        self.age_timer.start(wait)

    def _paint_incident(
        self, item: QListWidgetItem, incident: Incident, promise: Promise, now: datetime | None = None
    ) -> None:
        self._shown[incident.id or 0] = (incident, promise)
        age = format_duration((now or utc_now()) - incident.started_at)
        title = incident.title or self.tr("Untitled incident")
        text = f"{title}\n{incident.status.label} · {incident.severity.value} · {age}"
        if item.text() != text:  # most ticks change no row, or one
            item.setText(text)
        overdue = promise.state is PromiseState.OVERDUE
        if overdue:
            item.setForeground(alert_color(self.palette()))
        elif item.data(FOREGROUND_ROLE) is not None:
            item.setData(FOREGROUND_ROLE, None)
        item.setToolTip(self.tr("The promised next update is overdue") if overdue else incident.title)

    def show_updates(self, updates: list[Update], select: int | None) -> None:
        """Fill the list and select `select` quietly: the caller shows that update itself."""
        self.updates.blockSignals(True)
        self.updates.clear()
        self._update_ids = [update.id or 0 for update in updates]
        for number, update in enumerate(updates, start=1):
            self.updates.addItem(QListWidgetItem(self.update_label(number, update)))
            if update.id == select:
                self.updates.setCurrentRow(number - 1)
        self.updates.blockSignals(False)

    def relabel_update(self, update: Update) -> None:
        if update.id in self._update_ids:
            row = self._update_ids.index(update.id)
            self.updates.item(row).setText(self.update_label(row + 1, update))

    def update_label(self, number: int, update: Update) -> str:
        when = update.created_at.astimezone().strftime("%H:%M")
        published = self.tr(" · published") if update.publications else ""
        return f"#{number} {update.status.label} · {when}{published}"

    def _on_incident(self, row: int) -> None:
        if 0 <= row < len(self._incident_ids):
            self.incident_selected.emit(self._incident_ids[row])

    def _on_update(self, row: int) -> None:
        if 0 <= row < len(self._update_ids):
            self.update_selected.emit(self._update_ids[row])
