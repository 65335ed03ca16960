# SPDX-License-Identifier: GPL-3.0-or-later
"""Who speaks for the organisation: its contact details and the people who may sign."""

from __future__ import annotations

from functools import cache

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from composer.core.contacts import organisation_problem
from composer.core.model import Organisation, Person
from composer.core.store import SaveFailed, Store
from composer.ui.accessibility import without_mnemonic

PEOPLE_COLUMNS = ("name", "role", "email", "phone")


@cache
def zone_names() -> tuple[str, ...]:
    """The IANA time zone names this system knows, sorted."""
    from zoneinfo import available_timezones  # noqa: PLC0415

    return tuple(sorted(available_timezones()))


def _with_help(editor: QWidget, help_text: str) -> QWidget:
    """The editor with its help text beneath it, in a smaller, muted line."""
    box = QWidget()
    layout = QVBoxLayout(box)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.setSpacing(2)
    layout.addWidget(editor)
    note = QLabel(help_text)
    note.setWordWrap(True)
    note.setEnabled(False)  # drawn muted
    layout.addWidget(note)
    editor.setToolTip(help_text)
    return box


class ProfileDialog(QDialog):
    def __init__(self, store: Store, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Organisation and people"))
        self.resize(720, 680)
        self._store = store
        self._people = store.people()
        org = store.organisation()

        self.org_name = QLineEdit(org.name)
        self.contact_url = QLineEdit(org.contact_url)
        self.contact_url.setPlaceholderText("https://example.com/contact")
        self.phone = QLineEdit(org.phone)
        self.phone.setPlaceholderText("+34 930 000 000")
        self.email = QLineEdit(org.email)
        self.email.setPlaceholderText("support@example.com")
        self.status_page = QLineEdit(org.status_page_url)
        self.alternate_contact_url = QLineEdit(org.alternate_contact_url)
        self.alternate_contact_url.setPlaceholderText("https://example-status.pages.dev/contact")
        self.backup_email = QLineEdit(org.backup_email)
        self.backup_email.setPlaceholderText("example.support@gmail.com")
        self.phone_hours = QLineEdit(org.phone_hours)
        self.phone_hours.setPlaceholderText(self.tr("24/7, or 08:00–20:00 CET"))
        self.timezone = QComboBox()
        self.timezone.setEditable(True)
        self.timezone.addItem("")
        self.timezone.addItems(list(zone_names()))
        self.timezone.setCurrentText(org.timezone)
        line = self.timezone.lineEdit()
        if line is not None:
            line.setPlaceholderText(self.tr("This computer's time zone"))
        org_box = QGroupBox(self.tr("Organisation"))
        form = QFormLayout(org_box)
        form.addRow(self.tr("&Name"), self.org_name)
        form.addRow(self.tr("&Contact page"), self.contact_url)
        form.addRow(self.tr("&Phone"), self.phone)
        form.addRow(self.tr("&Email"), self.email)
        form.addRow(self.tr("&Status page"), self.status_page)
        form.addRow(
            self.tr("&Alternate contact page"),
            _with_help(
                self.alternate_contact_url,
                self.tr("A contact page hosted outside your own infrastructure: given when your website is down"),
            ),
        )
        form.addRow(
            self.tr("&Backup email"),
            _with_help(
                self.backup_email,
                self.tr("An address on another domain than your own: given when your email is down"),
            ),
        )
        form.addRow(
            self.tr("Phone &hours"),
            _with_help(self.phone_hours, self.tr("When the phone is answered, with the time zone")),
        )
        form.addRow(
            self.tr("Readers' &time zone"),
            _with_help(self.timezone, self.tr("Times in updates are shown in it (empty: this computer's)")),
        )

        for editor in (self.alternate_contact_url, self.backup_email, self.phone_hours, self.timezone):
            # The row's label names the box that holds the editor and its help: it names the editor too.
            box = editor.parentWidget()
            label = form.labelForField(box) if box is not None else None
            if isinstance(label, QLabel):
                label.setBuddy(editor)
                editor.setAccessibleName(without_mnemonic(label.text()))
                editor.setAccessibleDescription(editor.toolTip())

        self.table = QTableWidget(0, len(PEOPLE_COLUMNS))
        self.table.setTabKeyNavigation(False)  # Tab leaves the table; the arrows move in it, F2 edits
        self.table.setHorizontalHeaderLabels([self.tr("Name"), self.tr("Role"), self.tr("Email"), self.tr("Phone")])
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        for person in self._people:
            self._add_row(person)
        add = QPushButton(self.tr("&Add person"))
        remove = QPushButton(self.tr("&Remove person"))
        add.clicked.connect(lambda: self._add_row(Person(name="")))
        remove.clicked.connect(self._remove_row)
        people_box = QGroupBox(self.tr("People who may sign updates"))
        self.table.setAccessibleName(people_box.title())
        people_layout = QVBoxLayout(people_box)
        people_layout.addWidget(self.table)
        row = QHBoxLayout()
        row.addWidget(add)
        row.addWidget(remove)
        row.addStretch(1)
        people_layout.addLayout(row)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self._save_and_close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(org_box)
        layout.addWidget(people_box, 1)
        layout.addWidget(buttons)
        self.error = ""

    def _add_row(self, person: Person) -> None:
        row = self.table.rowCount()
        self.table.insertRow(row)
        for col, field in enumerate(PEOPLE_COLUMNS):
            item = QTableWidgetItem(getattr(person, field))
            if col == 0:
                item.setData(256, person.id)  # 256: Qt.ItemDataRole.UserRole
            self.table.setItem(row, col, item)

    def _remove_row(self) -> None:
        row = self.table.currentRow()
        if row >= 0:
            self.table.removeRow(row)

    def people_in_table(self) -> list[Person]:
        people = []
        for row in range(self.table.rowCount()):
            items = [self.table.item(row, col) for col in range(len(PEOPLE_COLUMNS))]
            name, role, email, phone = ((item.text() if item is not None else "").strip() for item in items)
            if not name or items[0] is None:
                continue  # a row without a name is not a signer
            people.append(Person(name, role, email, phone, id=items[0].data(256)))
        return people

    def organisation(self) -> Organisation:
        """The organisation as typed."""
        return Organisation(
            name=self.org_name.text().strip(),
            contact_url=self.contact_url.text().strip(),
            phone=self.phone.text().strip(),
            email=self.email.text().strip(),
            status_page_url=self.status_page.text().strip(),
            alternate_contact_url=self.alternate_contact_url.text().strip(),
            backup_email=self.backup_email.text().strip(),
            phone_hours=self.phone_hours.text().strip(),
            timezone=self.timezone.currentText().strip(),
        )

    def problem(self) -> str:
        """Why the organisation as typed cannot be saved ("" when it can)."""
        return organisation_problem(self.organisation())

    def save(self) -> None:
        """Write the organisation and the roster; raises ValueError for what cannot be saved and
        SaveFailed, changing nothing on screen."""
        problem = self.problem()
        if problem:
            raise ValueError(problem)
        self._store.save_organisation(self.organisation())
        kept = self.people_in_table()
        kept_ids = {p.id for p in kept if p.id is not None}
        for person in self._people:
            if person.id not in kept_ids and person.id is not None:
                self._store.remove_person(person.id)
        for person in kept:
            self._store.save_person(person)
        self._people = self._store.people()

    def _save_and_close(self) -> None:
        try:
            self.save()
        except (SaveFailed, ValueError) as error:
            self.error = str(error)
            self.setWindowTitle(self.tr("Organisation and people — not saved"))
            self.org_name.setToolTip(self.error)
            from PySide6.QtWidgets import QMessageBox  # noqa: PLC0415

            QMessageBox.warning(self, self.tr("Not saved"), self.error)
            return
        self.accept()
