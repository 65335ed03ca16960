# SPDX-License-Identifier: GPL-3.0-or-later
"""The incident's own facts: what broke, for whom, since when."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateTimeEdit,
    QGridLayout,
    QLabel,
    QLineEdit,
    QWidget,
)

from composer.core.model import Incident, Severity
from composer.core.store import SaveFailed, Store
from composer.ui.save_scheduler import SaveScheduler
from composer.ui.update_editor import from_qdatetime, to_qdatetime
from composer.ui.vocabulary import severity_text


class IncidentForm(QWidget):
    """Edits one incident; saves itself shortly after each change."""

    saved = Signal()
    save_failed = Signal(str)
    changed = Signal()

    def __init__(self, store: Store, parent: QWidget | None = None):
        super().__init__(parent)
        self._store = store
        self._incident: Incident | None = None
        self._loading = False
        self._saver = SaveScheduler(self._save, self)

        self.title = QLineEdit()
        self.title.setObjectName("incidentTitle")
        self.title.setPlaceholderText(self.tr("What customers notice, e.g. “Email delivery delayed”"))
        self.severity = QComboBox()
        for severity in Severity:
            self.severity.addItem(severity_text(severity), severity.value)
        self.started = QDateTimeEdit()
        self.started.setDisplayFormat("yyyy-MM-dd HH:mm")
        self.started.setCalendarPopup(True)
        self.services = QLineEdit()
        self.services.setPlaceholderText(self.tr("Affected services, comma separated"))
        self.region = QLineEdit()
        self.region.setPlaceholderText(self.tr("Region or site"))
        self.impact = QLineEdit()
        self.impact.setPlaceholderText(self.tr("What customers cannot do"))
        self.workaround = QLineEdit()
        self.workaround.setPlaceholderText(self.tr("What they can do meanwhile"))
        # The contacts given (templates, the checklist's Fix) never point at what is down.
        self.own_site_down = QCheckBox(self.tr("Our own web&site is down"))
        self.own_site_down.setObjectName("ownSiteDown")
        self.own_site_down.setToolTip(self.tr("Updates then give the alternate contact page, not our own"))
        self.own_email_down = QCheckBox(self.tr("Our own e&mail is down"))
        self.own_email_down.setObjectName("ownEmailDown")
        self.own_email_down.setToolTip(self.tr("Updates then give the backup email, not our own address"))

        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        rows = (
            ((self.tr("&Title"), self.title), (self.tr("Se&verity"), self.severity)),
            ((self.tr("Ser&vices"), self.services), (self.tr("Started"), self.started)),
            ((self.tr("&Impact"), self.impact), (self.tr("Re&gion"), self.region)),
            ((self.tr("&Workaround"), self.workaround), None),
        )
        for row, pair in enumerate(rows):
            for col, cell in enumerate(pair):
                if cell is None:
                    continue
                label = QLabel(cell[0])
                label.setBuddy(cell[1])
                grid.addWidget(label, row, col * 2)
                grid.addWidget(cell[1], row, col * 2 + 1)
        grid.addWidget(self.own_site_down, len(rows) - 1, 2)
        grid.addWidget(self.own_email_down, len(rows) - 1, 3)
        grid.setColumnStretch(1, 3)
        grid.setColumnStretch(3, 1)

        for edit in (self.title, self.services, self.region, self.impact, self.workaround):
            edit.textChanged.connect(self._on_changed)
        self.severity.currentIndexChanged.connect(self._on_changed)
        self.started.dateTimeChanged.connect(self._on_changed)
        for box in (self.own_site_down, self.own_email_down):
            box.toggled.connect(self._on_changed)
        self.load(None)

    def tab_stops(self) -> list[QWidget]:
        """Row by row, as laid out."""
        fields = (self.title, self.severity, self.services, self.started, self.impact, self.region, self.workaround)
        return [*fields, self.own_site_down, self.own_email_down]

    @property
    def incident(self) -> Incident | None:
        return self._incident

    def load(self, incident: Incident | None) -> None:
        self.flush()
        self._incident = incident
        self._loading = True
        try:
            self.setEnabled(incident is not None)
            if incident is None:
                for edit in (self.title, self.services, self.region, self.impact, self.workaround):
                    edit.clear()
                self.own_site_down.setChecked(False)
                self.own_email_down.setChecked(False)
                return
            self.title.setText(incident.title)
            self.severity.setCurrentIndex(self.severity.findData(incident.severity.value))
            self.started.setDateTime(to_qdatetime(incident.started_at))
            self.services.setText(", ".join(incident.affected_services))
            self.region.setText(incident.region)
            self.impact.setText(incident.customer_impact)
            self.workaround.setText(incident.workaround)
            self.own_site_down.setChecked(incident.own_site_down)
            self.own_email_down.setChecked(incident.own_email_down)
        finally:
            self._loading = False

    def flush(self) -> bool:
        return self._saver.flush()

    def _on_changed(self, *_args: object) -> None:
        if self._loading or self._incident is None:
            return
        incident = self._incident
        incident.title = self.title.text()
        incident.severity = Severity(self.severity.currentData())
        started = from_qdatetime(self.started.dateTime())
        if started.replace(second=0) != incident.started_at.replace(second=0):
            incident.started_at = started
        incident.affected_services = [s.strip() for s in self.services.text().split(",") if s.strip()]
        incident.region = self.region.text()
        incident.customer_impact = self.impact.text()
        incident.workaround = self.workaround.text()
        incident.own_site_down = self.own_site_down.isChecked()
        incident.own_email_down = self.own_email_down.isChecked()
        self._saver.changed()
        self.changed.emit()

    def _save(self) -> bool:
        if self._incident is None:
            return True
        try:
            self._store.save_incident(self._incident)
        except SaveFailed as error:
            self.save_failed.emit(str(error))
            return False
        self.saved.emit()
        return True
