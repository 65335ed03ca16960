# SPDX-License-Identifier: GPL-3.0-or-later
"""The left pane: incidents, newest first, and the updates of the selected one."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QLabel, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from composer.core.model import Incident, Update, utc_now
from composer.ui.clock import format_duration

ID_ROLE = Qt.ItemDataRole.UserRole


def alert_color(palette: QPalette) -> QColor:
    """A red that reads on both light and dark palettes."""
    dark = palette.color(QPalette.ColorRole.Window).lightness() < 128
    return QColor("#ff6b6b") if dark else QColor("#c62828")


class IncidentList(QWidget):
    incident_selected = Signal(int)
    update_selected = Signal(int)

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
        self.incidents.currentItemChanged.connect(self._on_incident)
        self.updates.currentItemChanged.connect(self._on_update)

    def current_incident_id(self) -> int | None:
        item = self.incidents.currentItem()
        return item.data(ID_ROLE) if item else None

    def show_incidents(self, incidents: list[tuple[Incident, Update | None]], select: int | None) -> None:
        """Fill the list; `select` keeps (or moves) the selection without re-emitting needlessly."""
        self.incidents.blockSignals(True)
        self.incidents.clear()
        chosen = None
        for incident, latest in incidents:
            item = QListWidgetItem()
            item.setData(ID_ROLE, incident.id)
            self._paint_incident(item, incident, latest)
            self.incidents.addItem(item)
            if incident.id == select:
                chosen = item
        self.incidents.blockSignals(False)
        if chosen is not None:
            self.incidents.setCurrentItem(chosen)

    def refresh_incident(self, incident: Incident, latest: Update | None) -> None:
        for row in range(self.incidents.count()):
            item = self.incidents.item(row)
            if item.data(ID_ROLE) == incident.id:
                self._paint_incident(item, incident, latest)

    def _paint_incident(self, item: QListWidgetItem, incident: Incident, latest: Update | None) -> None:
        now = utc_now()
        age = format_duration(now - incident.started_at)
        item.setText(f"{incident.title or self.tr('Untitled incident')}\n"
                     f"{incident.status.label} · {incident.severity.value} · {age}")
        overdue = (
            not incident.status.is_closed and latest is not None
            and latest.next_update_at is not None and latest.next_update_at < now
        )
        item.setData(Qt.ItemDataRole.ForegroundRole, alert_color(self.palette()) if overdue else None)
        item.setToolTip(self.tr("The promised next update is overdue") if overdue else incident.title)

    def show_updates(self, updates: list[Update], select: int | None) -> None:
        self.updates.blockSignals(True)
        self.updates.clear()
        chosen = None
        for number, update in enumerate(updates, start=1):
            item = QListWidgetItem(self.update_label(number, update))
            item.setData(ID_ROLE, update.id)
            self.updates.addItem(item)
            if update.id == select:
                chosen = item
        self.updates.blockSignals(False)
        if chosen is not None:
            self.updates.setCurrentItem(chosen)

    def relabel_update(self, update: Update) -> None:
        for row in range(self.updates.count()):
            item = self.updates.item(row)
            if item.data(ID_ROLE) == update.id:
                item.setText(self.update_label(row + 1, update))

    def update_label(self, number: int, update: Update) -> str:
        when = update.created_at.astimezone().strftime("%H:%M")
        published = self.tr(" · published") if update.publications else ""
        return f"#{number} {update.status.label} · {when}{published}"

    def _on_incident(self, current: QListWidgetItem | None, _previous: object) -> None:
        if current is not None:
            self.incident_selected.emit(current.data(ID_ROLE))

    def _on_update(self, current: QListWidgetItem | None, _previous: object) -> None:
        if current is not None:
            self.update_selected.emit(current.data(ID_ROLE))


