# SPDX-License-Identifier: GPL-3.0-or-later
"""Who was reached, for one incident: one row per customer, marks by hand, the call list, CSV.

The rows are the store's (`Store.outreach_contacts`: the state is read through each customer's
outbox job, never copied). "Replied" and "Needs a call" are marked on the selected rows with who
did it; the call list shows only who must be phoned, and a click on a number copies it. Export
writes `contacts_csv` atomically, with a byte-order mark so spreadsheets read the accents.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QCheckBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from composer.ui.table_model import RowsModel

if TYPE_CHECKING:
    from datetime import datetime

    from composer.core.outreach import Contact
    from composer.core.store import Store
    from composer.ui.interaction import Prompter

Index = QModelIndex | QPersistentModelIndex
CSV_FILTER = "CSV (*.csv *.txt *.tsv);;All files (*)"
STATE_WORDS = {  # marked for Qt Linguist; translated where shown
    "contacted": QT_TRANSLATE_NOOP("ContactsModel", "Contacted"),
    "failed": QT_TRANSLATE_NOOP("ContactsModel", "Failed"),
    "uncertain": QT_TRANSLATE_NOOP("ContactsModel", "Uncertain: check in the outbox"),
    "replied": QT_TRANSLATE_NOOP("ContactsModel", "Replied"),
    "needs-call": QT_TRANSLATE_NOOP("ContactsModel", "Needs a call"),
    "pending": QT_TRANSLATE_NOOP("ContactsModel", "Not sent yet"),
    "sending": QT_TRANSLATE_NOOP("ContactsModel", "Being sent"),
    "cancelled": QT_TRANSLATE_NOOP("ContactsModel", "Cancelled"),
}
STATE_COLOURS = {"failed": "#b3261e", "uncertain": "#a15c00", "needs-call": "#7b3fa0", "replied": "#1d6b35"}


def state_words(state: str) -> str:
    return QCoreApplication.translate("ContactsModel", str(STATE_WORDS.get(state, state)))


def _when(moment: datetime | None) -> str:
    return moment.astimezone().strftime("%Y-%m-%d %H:%M") if moment is not None else ""


class ContactsModel(RowsModel["Contact"]):
    """The customers of one incident's outreach, in the order they were first added."""

    HEADERS = (
        QT_TRANSLATE_NOOP("ContactsModel", "Customer"),
        QT_TRANSLATE_NOOP("ContactsModel", "Email"),
        QT_TRANSLATE_NOOP("ContactsModel", "State"),
        QT_TRANSLATE_NOOP("ContactsModel", "Sent"),
        QT_TRANSLATE_NOOP("ContactsModel", "Phone"),
        QT_TRANSLATE_NOOP("ContactsModel", "Marked by"),
        QT_TRANSLATE_NOOP("ContactsModel", "Why"),
    )
    STATE, PHONE, WHY = 2, 4, 6

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        contact, column = self.rows[index.row()], index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self.text(contact, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tip(contact, column)
        if role == Qt.ItemDataRole.ForegroundRole and column == self.STATE and contact.state in STATE_COLOURS:
            return QColor(STATE_COLOURS[contact.state])
        return None

    def text(self, contact: Contact, column: int) -> str:
        """What a cell shows (tests read the table through this)."""
        if column == 0:
            return contact.name
        if column == 1:
            return contact.email
        if column == self.STATE:
            return state_words(contact.state)
        if column == 3:
            return _when(contact.sent_at)
        if column == self.PHONE:
            return contact.phone
        if column == 5:
            return contact.replied_by if contact.replied_at else contact.call_by if contact.call_at else ""
        if column == self.WHY:
            return contact.call_note if contact.state == "needs-call" and contact.call_note else contact.error
        return ""

    def _tip(self, contact: Contact, column: int) -> str:
        if column == self.PHONE and contact.phone:
            return QCoreApplication.translate("ContactsModel", "Click to copy the number")
        lines = [self.text(contact, column)] if column != self.PHONE else []
        if column in (self.STATE, 5):
            if contact.replied_at:
                lines.append(
                    QCoreApplication.translate("ContactsModel", "Replied (marked by %1 at %2)")
                    .replace("%1", contact.replied_by)
                    .replace("%2", _when(contact.replied_at))
                )
            if contact.call_at:
                lines.append(
                    QCoreApplication.translate("ContactsModel", "Needs a call (marked by %1 at %2)")
                    .replace("%1", contact.call_by)
                    .replace("%2", _when(contact.call_at))
                )
            if contact.added_by:
                lines.append(QCoreApplication.translate("ContactsModel", "Sent by %1").replace("%1", contact.added_by))
            if contact.state == "uncertain" and contact.job_id is not None:
                lines.append(
                    QCoreApplication.translate("ContactsModel", "Outbox job %1: File → Outbox… to decide").replace(
                        "%1", str(contact.job_id)
                    )
                )
        return "\n".join(line for line in lines if line)


class TrackingPage(QWidget):
    """The tracking table with its marks, the call list, copying a number and the export."""

    def __init__(
        self,
        store: Store,
        incident_id: int,
        prompter: Prompter,
        actor: Callable[[], str],
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        self._store = store
        self._incident_id = incident_id
        self._prompter = prompter
        self._actor = actor
        self.model = ContactsModel(self)
        self._count = 0  # customers of the incident's outreach, whatever is shown

        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.call_list = QCheckBox(self.tr("Only the call list: who must be phoned"))
        self.call_list.toggled.connect(self.refresh)
        top = QHBoxLayout()
        top.addWidget(self.summary, 1)
        top.addWidget(self.call_list)

        self.table = QTableView()
        self.table.setObjectName("outreachTable")
        self.table.setAccessibleName(self.tr("Customers and whether they were reached"))
        self.table.setTabKeyNavigation(False)  # Tab leaves the table; the arrows move in it
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)  # one line a customer; the whole text is in the tooltip
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        for column, width in enumerate((150, 210, 150, 120, 130, 100)):
            self.table.setColumnWidth(column, width)
        self.table.clicked.connect(self._clicked)
        self.table.selectionModel().selectionChanged.connect(self._enable)

        self.replied = QPushButton(self.tr("Mark &replied"))
        self.replied.setToolTip(self.tr("The selected customers answered"))
        self.needs_call = QPushButton(self.tr("Needs a &call…"))
        self.needs_call.setToolTip(self.tr("The selected customers must be phoned"))
        self.clear_marks = QPushButton(self.tr("C&lear marks"))
        self.copy_number = QPushButton(self.tr("Copy &number"))
        self.export = QPushButton(self.tr("&Export CSV…"))
        self.reload = QPushButton(self.tr("Re&fresh"))
        self.replied.clicked.connect(self.mark_replied)
        self.needs_call.clicked.connect(self.mark_needs_call)
        self.clear_marks.clicked.connect(self.clear)
        self.copy_number.clicked.connect(self._copy_selected)
        self.export.clicked.connect(self.export_csv)
        self.reload.clicked.connect(self.refresh)
        buttons = QHBoxLayout()
        for button in (self.replied, self.needs_call, self.clear_marks, self.copy_number):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.reload)
        buttons.addWidget(self.export)
        self.note = QLabel()
        self.note.setObjectName("trackingNote")

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        layout.addWidget(self.note)
        self.refresh()

    # -- reading -----------------------------------------------------------------

    def refresh(self) -> None:
        """Read the rows again (a run going on, marks made elsewhere), keeping the selection."""
        chosen = set(self.selected_emails())
        everyone = self._store.outreach_contacts(self._incident_id)
        calls = [c for c in everyone if c.call_at is not None]
        self._count = len(everyone)
        shown = self._store.call_list(self._incident_id) if self.call_list.isChecked() else everyone
        self.model.set_rows(shown)
        selection = self.table.selectionModel()
        for row, contact in enumerate(shown):
            if contact.email in chosen:
                selection.select(
                    self.model.index(row, 0),
                    selection.SelectionFlag.Select | selection.SelectionFlag.Rows,
                )
        self.summary.setText(self._summary(everyone, len(calls)))
        self._enable()

    def _summary(self, contacts: list[Contact], calls: int) -> str:
        if not contacts:
            return self.tr("No customer has been written to for this incident yet.")
        counts: dict[str, int] = {}
        for contact in contacts:
            counts[contact.state] = counts.get(contact.state, 0) + 1
        parts = [self._counted(state, counts[state]) for state in STATE_WORDS if counts.get(state)]
        text = self.tr("Customers: %1 — %2.").replace("%1", str(len(contacts))).replace("%2", ", ".join(parts))
        if calls:
            text += " " + self.tr("To phone: %1 (tick the call list).").replace("%1", str(calls))
        return text

    def _counted(self, state: str, n: int) -> str:
        """How many customers are in `state`, for the summary line ("3 contacted")."""
        counted = {
            "contacted": lambda: self.tr("%n contacted", "", n),
            "failed": lambda: self.tr("%n failed", "", n),
            "uncertain": lambda: self.tr("%n uncertain (see the outbox)", "", n),
            "replied": lambda: self.tr("%n replied", "", n),
            "needs-call": lambda: self.tr("%n to phone", "", n),
            "pending": lambda: self.tr("%n not sent yet", "", n),
            "sending": lambda: self.tr("%n being sent", "", n),
            "cancelled": lambda: self.tr("%n cancelled", "", n),
        }
        say = counted.get(state)
        return say() if say is not None else f"{n} {state}"

    def selected_emails(self) -> list[str]:
        rows = sorted({index.row() for index in self.table.selectionModel().selectedRows()})
        return [self.model.rows[row].email for row in rows if row < len(self.model.rows)]

    def select_email(self, email: str) -> None:
        """Select one customer's row (tests, and after a copy)."""
        for row, contact in enumerate(self.model.rows):
            if contact.email == email:
                self.table.selectRow(row)
                return

    def _enable(self) -> None:
        chosen = bool(self.table.selectionModel().selectedRows())
        for button in (self.replied, self.needs_call, self.clear_marks):
            button.setEnabled(chosen)
        self.copy_number.setEnabled(chosen and any(self._phone_of(e) for e in self.selected_emails()))
        self.export.setEnabled(self._count > 0)

    def _phone_of(self, email: str) -> str:
        return next((c.phone for c in self.model.rows if c.email == email), "")

    # -- marking -----------------------------------------------------------------

    def mark_replied(self) -> None:
        self._mark(lambda email, by: self._store.mark_replied(self._incident_id, email, by=by))

    def mark_needs_call(self) -> None:
        note = self._prompter.ask_text(self.tr("Needs a call"), self.tr("Why the call (optional):"))
        if note is None:
            return
        self._mark(lambda email, by: self._store.mark_needs_call(self._incident_id, email, by=by, note=note.strip()))

    def clear(self) -> None:
        def both(email: str, by: str) -> None:
            self._store.mark_replied(self._incident_id, email, by=by, replied=False)
            self._store.mark_needs_call(self._incident_id, email, by=by, needed=False)

        self._mark(both)

    def _mark(self, change: Callable[[str, str], object]) -> None:
        from composer.core.outreach import UnknownContact  # noqa: PLC0415
        from composer.core.store import SaveFailed  # noqa: PLC0415

        by = self._actor()
        for email in self.selected_emails():
            try:
                change(email, by)
            except (UnknownContact, SaveFailed) as error:
                self._prompter.warn(self.tr("Who was reached"), str(error))
                break
        self.refresh()

    # -- copying and exporting ---------------------------------------------------

    def _clicked(self, index: QModelIndex) -> None:
        if index.column() == ContactsModel.PHONE:
            self.copy_phone(self.model.rows[index.row()])

    def _copy_selected(self) -> None:
        numbers = [c for c in self.model.rows if c.email in set(self.selected_emails()) and c.phone]
        if numbers:
            self.copy_phone(numbers[0])

    def copy_phone(self, contact: Contact) -> None:
        if not contact.phone:
            return
        QApplication.clipboard().setText(contact.phone)
        who = contact.name or contact.email
        self.note.setText(self.tr("Copied %1 (%2) to the clipboard.").replace("%1", contact.phone).replace("%2", who))

    def export_csv(self) -> None:
        from composer.core.files import write_atomic  # noqa: PLC0415
        from composer.core.outreach import contacts_csv  # noqa: PLC0415

        suggested = f"outreach-incident-{self._incident_id}.csv"
        path = self._prompter.save_file(self.tr("Export who was reached"), suggested, CSV_FILTER)
        if path is None:
            return
        contacts = self._store.outreach_contacts(self._incident_id)
        try:
            write_atomic(path, contacts_csv(contacts), encoding="utf-8-sig")
        except OSError as error:
            self._prompter.warn(
                self.tr("Export"),
                self.tr("Could not write %1: %2").replace("%1", str(path)).replace("%2", error.strerror or str(error)),
            )
            return
        self.note.setText(
            self.tr("Wrote %1 (customers: %2).").replace("%1", str(path)).replace("%2", str(len(contacts)))
        )
