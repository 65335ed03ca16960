# SPDX-License-Identifier: GPL-3.0-or-later
"""The message of a personal outreach: the template, who signs, which column fills each of the
template's fields, and a preview of the first customers' messages as they will go out.

Each field gets a combo of the list's columns, first chosen as `map_columns` does (header names
in English, Catalan or Spanish), and a value for everyone, used when the customer's cell is empty
or the field has no column (what `--set` is on the command line). "(no column)" is a choice too:
it is given to `plan_messages` as a column no row has (`NO_COLUMN`), since an explicit mapping is
the only way to keep a field from being mapped by its name.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from html import escape
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QScrollArea,
    QSplitter,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from composer.core.i18n import _

if TYPE_CHECKING:
    from composer.core.outreach import CustomerList
    from composer.core.outreach.messages import Message, Skipped
    from composer.core.templates import TemplateInfo

NO_COLUMN = "\u2063(no column)"  # a column no list has: "this field takes no column"
ROLE_COLUMNS = ("email", "language", "phone")  # used by the import itself, never offered as ignored
PREVIEWED = 3  # customers whose messages the preview shows


class FieldRow:
    """One template field's widgets: its name, its column, its value for everyone."""

    def __init__(self, name: str, label: QLabel, column: QComboBox, everyone: QLineEdit, required: bool):
        self.name = name
        self.label = label
        self.column = column
        self.everyone = everyone
        self.required = required


class MappingPage(QWidget):
    """Step 2: the template, who signs, the columns of each field, and the live preview."""

    changed = Signal()  # the template, the signer, a column or a value for everyone changed

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.template = QComboBox()
        self.template.setObjectName("outreachTemplate")
        self.signer = QComboBox()
        self.signer.setObjectName("outreachSigner")
        self.template.currentIndexChanged.connect(self.changed)
        self.signer.currentIndexChanged.connect(self.changed)
        choose = QFormLayout()
        choose.addRow(self.tr("&Template:"), self.template)
        choose.addRow(self.tr("&Signed by:"), self.signer)
        languages = QLabel(
            self.tr(
                "A customer whose language the list gives (ca, es, en) gets this template in their language "
                "when it exists; the others get it as chosen."
            )
        )
        languages.setWordWrap(True)
        languages.setStyleSheet("color: palette(placeholder-text);")

        self._grid_holder = QWidget()
        self.grid = QGridLayout(self._grid_holder)
        self.grid.setColumnStretch(2, 1)
        self.grid.setColumnMinimumWidth(0, 170)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(self._grid_holder)
        self.ignored = QLabel()
        self.ignored.setObjectName("ignoredColumns")
        self.ignored.setWordWrap(True)
        fields_box = QGroupBox(self.tr("Columns of the list for the template's fields"))
        fields_layout = QVBoxLayout(fields_box)
        fields_layout.addWidget(scroll, 1)
        fields_layout.addWidget(self.ignored)
        self.everyone_note = QLabel()
        self.everyone_note.setObjectName("everyoneNote")
        self.everyone_note.setWordWrap(True)
        self.everyone_note.setStyleSheet("color: #9a6700;")
        fields_layout.addWidget(self.everyone_note)

        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addLayout(choose)
        left_layout.addWidget(languages)
        left_layout.addWidget(fields_box, 1)

        self.preview = QTextBrowser()
        self.preview.setObjectName("outreachPreview")
        self.preview.setOpenLinks(False)
        self.stopped = QListWidget()
        self.stopped.setObjectName("stoppedCustomers")
        self.stopped.setWordWrap(True)
        self.stopped.setMaximumHeight(90)
        self.stopped_title = QLabel()
        self.stopped_title.setWordWrap(True)
        preview_box = QGroupBox(self.tr("Preview: the first customers' messages"))
        preview_layout = QVBoxLayout(preview_box)
        preview_layout.addWidget(self.preview, 1)
        preview_layout.addWidget(self.stopped_title)
        preview_layout.addWidget(self.stopped)

        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(left)
        split.addWidget(preview_box)
        split.setStretchFactor(0, 5)
        split.setStretchFactor(1, 4)
        split.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.addWidget(split)
        self.split = split

        self.rows: dict[str, FieldRow] = {}
        self._columns: tuple[str, ...] = ()
        self._auto: dict[str, str] = {}  # field -> the column `map_columns` chose
        self._chosen: dict[str, str] = {}  # field -> what the user chose (NO_COLUMN: none)
        self._everyone: dict[str, str] = {}  # field -> the value typed for everyone
        self._languages: list[str] = []  # the customers' languages ("?" where the list gives none)
        self._shared: Mapping[str, object] = {}
        self._used: list[str] = []
        self._info: TemplateInfo | None = None

    # -- choices -----------------------------------------------------------------

    def set_templates(self, templates: Sequence[TemplateInfo], chosen: str) -> None:
        self.template.blockSignals(True)
        self.template.clear()
        for info in templates:
            self.template.addItem(f"{info.title} ({info.id})", info.id)
        index = self.template.findData(chosen)
        self.template.setCurrentIndex(max(0, index))
        self.template.blockSignals(False)

    def set_signers(self, signatures: Sequence[str], chosen: str) -> None:
        self.signer.blockSignals(True)
        self.signer.clear()
        for signature in signatures:
            self.signer.addItem(signature, signature)
        if not signatures:
            self.signer.addItem(self.tr("(nobody yet: Edit → Organisation and people…)"), "")
        index = self.signer.findData(chosen)
        self.signer.setCurrentIndex(max(0, index))
        self.signer.blockSignals(False)

    def template_id(self) -> str:
        return str(self.template.currentData() or "")

    def signature(self) -> str:
        return str(self.signer.currentData() or "")

    # -- the fields --------------------------------------------------------------

    def show_fields(self, info: TemplateInfo, customers: CustomerList | None, shared: Mapping[str, object]) -> None:
        """A row per field of `info` (the address excepted), columns auto-mapped unless chosen."""
        from composer.core.outreach import map_columns  # noqa: PLC0415
        from composer.core.outreach.messages import RECIPIENT_FIELDS  # noqa: PLC0415

        self._info, self._shared = info, shared
        self._columns = customers.columns if customers is not None else ()
        self._languages = sorted({c.language or "?" for c in customers.rows}) if customers is not None else []
        roles = customers.roles if customers is not None else {}
        self._used = [roles[role] for role in ROLE_COLUMNS if role in roles]
        wanted = [spec.name for spec in info.fields if spec.name not in RECIPIENT_FIELDS]
        self._auto, _notes = map_columns(self._columns, wanted, {}, used=self._used)
        self._save_rows()
        while self.grid.count():
            item = self.grid.takeAt(0)
            if item is not None and (widget := item.widget()) is not None:
                widget.deleteLater()
        self.rows = {}
        for column, text in enumerate(
            (self.tr("Field"), self.tr("Column of the list"), self.tr("Or for everyone (when the cell is empty)"))
        ):
            header = QLabel(f"<b>{escape(text, quote=False)}</b>")
            self.grid.addWidget(header, 0, column)
        for line, spec in enumerate((s for s in info.fields if s.name not in RECIPIENT_FIELDS), start=1):
            self._add_row(line, spec.name, _(spec.label) or spec.name, _(spec.help), spec.required)
        self.grid.setRowStretch(len(self.rows) + 1, 1)
        self._show_ignored()
        self._show_everyone_note()

    def _add_row(self, line: int, name: str, label_text: str, help_text: str, required: bool) -> None:
        label = QLabel(escape(label_text, quote=False) + (" <span style='color:#b3261e'>*</span>" if required else ""))
        label.setWordWrap(True)
        label.setMaximumWidth(210)
        label.setToolTip(f"{name}: {help_text}" if help_text else name)
        combo = QComboBox()
        combo.setObjectName(f"column:{name}")
        combo.setAccessibleName(self.tr("Column for %1").replace("%1", label_text))
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        combo.setMinimumContentsLength(12)
        combo.addItem(self.tr("(no column)"), NO_COLUMN)
        for column in self._columns:
            combo.addItem(column, column)
        chosen = self._chosen.get(name, self._auto.get(name, NO_COLUMN))
        combo.setCurrentIndex(max(0, combo.findData(chosen)))
        everyone = QLineEdit(self._everyone.get(name, ""))
        everyone.setObjectName(f"everyone:{name}")
        everyone.setAccessibleName(self.tr("%1 for everyone").replace("%1", label_text))
        everyone.setPlaceholderText(self._placeholder(name, required))
        everyone.setClearButtonEnabled(True)
        combo.currentIndexChanged.connect(lambda _i, n=name: self._column_chosen(n))
        everyone.textChanged.connect(lambda text, n=name: self._typed(n, text))
        self.grid.addWidget(label, line, 0)
        self.grid.addWidget(combo, line, 1)
        self.grid.addWidget(everyone, line, 2)
        self.rows[name] = FieldRow(name, label, combo, everyone, required)

    def _placeholder(self, name: str, required: bool) -> str:
        value = self._shared.get(name)
        if value not in (None, ""):
            text = " ".join(str(value).split())
            return self.tr("Already known: %1").replace("%1", text[:80])
        return self.tr("Needed: a column or a value") if required else self.tr("Optional")

    def _column_chosen(self, name: str) -> None:
        self._chosen[name] = str(self.rows[name].column.currentData())
        self._show_ignored()
        self.changed.emit()

    def _typed(self, name: str, text: str) -> None:
        self._everyone[name] = text
        self._show_everyone_note()
        self.changed.emit()

    def _show_everyone_note(self) -> None:
        """A value typed for everyone goes into every message as typed: say so when the list's
        customers read more than one language (each gets the template in theirs, not this text)."""
        typed = any(text.strip() for text in self._everyone.values())
        if typed and len(self._languages) > 1:
            languages = ", ".join(language for language in self._languages if language != "?")
            self.everyone_note.setText(
                self.tr(
                    "The values typed for everyone go into every message as typed, whatever its language (this "
                    "list has %1): map a column the list fills in each customer's language instead, or check them "
                    "in the preview."
                ).replace("%1", languages)
            )
        else:
            self.everyone_note.setText("")

    def _save_rows(self) -> None:
        for name, row in self.rows.items():
            self._everyone[name] = row.everyone.text()

    def choose_column(self, field: str, column: str) -> None:
        """Choose `column` for `field` (NO_COLUMN: none), as the user would in its combo."""
        combo = self.rows[field].column
        combo.setCurrentIndex(combo.findData(column))

    def explicit(self) -> dict[str, str]:
        """Every field's column as chosen (NO_COLUMN for none): `plan_messages`' `explicit`."""
        return {name: str(row.column.currentData()) for name, row in self.rows.items()}

    def everyone(self) -> dict[str, str]:
        """The values typed for everyone: given to `plan_messages` with what the store knows."""
        return {name: row.everyone.text().strip() for name, row in self.rows.items() if row.everyone.text().strip()}

    def _show_ignored(self) -> None:
        taken = {column for column in self.explicit().values()} | set(self._used)
        ignored = [column for column in self._columns if column not in taken]
        if ignored:
            names = ", ".join(f"“{column}”" for column in ignored)
            self.ignored.setText(self.tr("Not used by this template (ignored): %1").replace("%1", names))
        else:
            self.ignored.setText("")

    # -- the preview -------------------------------------------------------------

    def show_preview(self, messages: Sequence[Message], skipped: Sequence[Skipped], error: str = "") -> None:
        """The first customers' messages as they go out: To, subject and text."""
        from composer.core.social_text import plain_text  # noqa: PLC0415

        if error:
            self.preview.setHtml(f"<p style='color:#b3261e'>{escape(error)}</p>")
            return
        blocks = []
        for message in messages[:PREVIEWED]:
            customer = message.customer
            to = f"{customer.name} <{customer.email}>" if customer.name else customer.email
            text = plain_text(message.text, keep_lines=True)
            heading = (
                f"<b>{escape(self.tr('To:'))}</b> {escape(to)}<br>"
                f"<b>{escape(self.tr('Subject:'))}</b> {escape(message.subject)}<br>"
                f"<span style='color:#666'>{escape(self.tr('Language:'))} {escape(message.language)}"
                f" · {escape(message.template_id)}</span>"
            )
            blocks.append(f"<p>{heading}</p><p style='white-space: pre-wrap'>{escape(text)}</p>")
        for stop in skipped[: max(0, PREVIEWED - len(messages))]:
            who = stop.customer.name or stop.customer.email
            blocks.append(
                f"<p style='color:#b3261e'><b>{escape(who)}</b>: "
                f"{escape(self.tr('no message'))} — {escape(stop.reason)}</p>"
            )
        if not blocks:
            blocks.append(f"<p>{escape(self.tr('Import the list of customers first (step 1).'))}</p>")
        self.preview.setHtml("<hr>".join(blocks))

    def show_stopped(self, skipped: Sequence[Skipped], total: int) -> None:
        """Every customer a missing field stops (from the whole list), with the reason."""
        self.stopped.clear()
        for stop in skipped:
            who = f"{stop.customer.name} <{stop.customer.email}>" if stop.customer.name else stop.customer.email
            self.stopped.addItem(f"{who} — {stop.reason}")
        if skipped:
            self.stopped_title.setText(
                self.tr("No message for %1 of %2 customers (a field they need has no value):")
                .replace("%1", str(len(skipped)))
                .replace("%2", str(total))
            )
        else:
            self.stopped_title.setText(
                self.tr("Every customer of the list gets a message.") if total else self.tr("No customer yet.")
            )
        self.stopped.setVisible(bool(skipped))

    def preview_text(self) -> str:
        """The preview as plain text (tests)."""
        return self.preview.toPlainText()
