# SPDX-License-Identifier: GPL-3.0-or-later
"""A new incident: what customers notice, and since when.

"Started" is when customers first noticed, not when someone pressed Ctrl+N: the checklist
measures "the first update is late" from it, so it is asked up front (default: now).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace
from datetime import UTC, datetime, timedelta

from PySide6.QtCore import QDateTime
from PySide6.QtWidgets import (
    QCheckBox,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from composer.core.model import Incident, utc_now
from composer.ui.incident_list import alert_color

LONG_AGO = timedelta(days=30)  # further back is allowed; the dialog only asks to check the date


@dataclass(frozen=True)
class NewIncident:
    """The answers: `started_at` is aware, in UTC."""

    title: str
    started_at: datetime
    own_site_down: bool = False
    own_email_down: bool = False

    def incident(self) -> Incident:
        return Incident(
            title=self.title.strip(),
            started_at=self.started_at,
            own_site_down=self.own_site_down,
            own_email_down=self.own_email_down,
        )


def as_new_incident(answer: object, now: datetime | None = None) -> NewIncident | None:
    """A scripted answer as a NewIncident: a plain title (started now), a NewIncident, or a
    mapping of its fields (`started_at` defaults to now). None or a blank title: cancelled."""
    now = now or utc_now()
    if answer is None:
        return None
    if isinstance(answer, str):
        answer = NewIncident(answer, now)
    elif isinstance(answer, Mapping):
        answer = NewIncident(**{"started_at": now, **answer})
    if not isinstance(answer, NewIncident):
        raise TypeError(f"not an answer for a new incident: {answer!r}")
    if not answer.title.strip():
        return None
    return replace(answer, title=answer.title.strip(), started_at=answer.started_at.astimezone(UTC))


class NewIncidentDialog(QDialog):
    """Asks the title (required) and the start (local time, not in the future)."""

    def __init__(self, parent: QWidget | None = None, window_title: str = ""):
        super().__init__(parent)
        self.setWindowTitle(window_title or self.tr("New incident"))
        self.title = QLineEdit()
        self.title.setObjectName("newIncidentTitle")
        self.title.setPlaceholderText(self.tr("e.g. “Email delivery delayed”"))
        # Now, to the minute shown: seconds hidden in the edit would stay in a time typed over it.
        minute = utc_now().replace(second=0)
        self.started = QDateTimeEdit(QDateTime.fromSecsSinceEpoch(int(minute.timestamp())))
        self.started.setObjectName("newIncidentStarted")
        self.started.setDisplayFormat("yyyy-MM-dd HH:mm")
        self.started.setCalendarPopup(True)
        zone = datetime.now().astimezone().tzname() or ""
        self.started.setToolTip(self.tr("Your local time (%1)").replace("%1", zone))
        self.problem = QLabel()  # why OK is disabled, or a note on a start long ago
        self.problem.setObjectName("newIncidentProblem")
        self.problem.setWordWrap(True)
        self.problem.setVisible(False)
        self.own_site_down = QCheckBox(self.tr("Our own web&site is down"))
        self.own_site_down.setToolTip(self.tr("Updates then give the alternate contact page, not our own"))
        self.own_email_down = QCheckBox(self.tr("Our own e&mail is down"))
        self.own_email_down.setToolTip(self.tr("Updates then give the backup email, not our own address"))
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        assert ok is not None
        self.ok = ok
        self.ok.setText(self.tr("Create"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

        form = QFormLayout()
        form.addRow(self.tr("What are customers &noticing?"), self.title)
        form.addRow(self.tr("&When did customers first notice?"), self.started)
        form.addRow("", self.problem)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.own_site_down)
        layout.addWidget(self.own_email_down)
        layout.addWidget(self.buttons)
        self.title.textChanged.connect(self.validate)
        self.started.dateTimeChanged.connect(self.validate)
        self.validate()

    def started_at(self) -> datetime:
        """The start shown, aware in UTC."""
        return datetime.fromtimestamp(self.started.dateTime().toSecsSinceEpoch(), UTC)

    def validate(self, *_args: object) -> bool:
        """Enables OK when the answers are usable; says inline what is wrong with the start."""
        now = utc_now()
        started = self.started_at()
        future = started > now
        if future:
            message = self.tr("That is in the future: give the time customers first noticed.")
        elif now - started > LONG_AGO:
            message = self.tr("That is more than %1 days ago: is the date right?").replace("%1", str(LONG_AGO.days))
        else:
            message = ""
        self.problem.setText(message)
        self.problem.setVisible(bool(message))
        color = alert_color(self.palette()).name() if future else ""
        self.problem.setStyleSheet(f"color: {color}" if color else "")
        usable = bool(self.title.text().strip()) and not future
        self.ok.setEnabled(usable)
        return usable

    def accept(self) -> None:
        if self.validate():  # time moves on: check again when OK is pressed (or Return)
            super().accept()

    def answer(self) -> NewIncident:
        return NewIncident(
            title=self.title.text().strip(),
            started_at=self.started_at(),
            own_site_down=self.own_site_down.isChecked(),
            own_email_down=self.own_email_down.isChecked(),
        )

    @classmethod
    def ask(cls, parent: QWidget | None = None, window_title: str = "") -> NewIncident | None:
        """The answers, or None when the user cancels."""
        dialog = cls(parent, window_title)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return dialog.answer()
