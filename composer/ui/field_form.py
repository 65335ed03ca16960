# SPDX-License-Identifier: GPL-3.0-or-later
"""A form built from template fields: one editor per field, typed by the field's type.

A field's label and help are interface text in English wherever they are written (the field
catalogue, a template's header): shown through gettext, whose catalogues hold the built-in ones
(tools/extract_messages.py); a user's own template's words show as they are written."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateTimeEdit,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)

from composer.core.i18n import _
from composer.core.templates import Field
from composer.ui.update_editor import from_qdatetime, to_qdatetime


class _TimeEdit(QWidget):
    """A date-time editor that can also be left empty (for optional times). Both its box and its
    date-time are named for the field (`name`): the form's label is the whole widget's, which
    takes no focus."""

    changed = Signal()

    def __init__(self, required: bool, name: str):
        super().__init__()
        self.required = required
        self.enabled = QCheckBox()
        self.enabled.setAccessibleName(name)
        self.edit = QDateTimeEdit()
        self.edit.setAccessibleName(name)
        self.edit.setDisplayFormat("yyyy-MM-dd HH:mm")
        self.edit.setCalendarPopup(True)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        if not required:
            layout.addWidget(self.enabled)
        layout.addWidget(self.edit, 1)
        self.enabled.setChecked(required)
        self.edit.setEnabled(required)
        self.enabled.toggled.connect(self.edit.setEnabled)
        self.enabled.toggled.connect(self.changed)
        self.edit.dateTimeChanged.connect(self.changed)

    def tab_stops(self) -> list[QWidget]:
        return [self.edit] if self.required else [self.enabled, self.edit]

    def value(self) -> datetime | None:
        return from_qdatetime(self.edit.dateTime()) if self.enabled.isChecked() else None

    def set_value(self, value: object) -> None:
        if isinstance(value, datetime):
            self.edit.setDateTime(to_qdatetime(value))
            self.enabled.setChecked(True)


class FieldForm(QWidget):
    """Editors for a list of fields. `values()` gives what the template renderer takes."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self._layout = QFormLayout(self)
        self._editors: dict[str, QWidget] = {}
        self._fields: dict[str, Field] = {}

    def set_fields(self, fields: list[Field], values: dict[str, object]) -> None:
        """Rebuild for these fields, keeping what the user already typed where names match."""
        kept = {**values, **{k: v for k, v in self.values().items() if v not in (None, "")}}
        while self._layout.rowCount():
            self._layout.removeRow(0)
        self._editors, self._fields = {}, {}
        for spec in fields:
            editor = self._editor_for(spec)
            self._editors[spec.name] = editor
            self._fields[spec.name] = spec
            label = _(spec.label) + (" *" if spec.required else "")
            self._layout.addRow(label, editor)
            editor.setToolTip(_(spec.help))
            self._set(spec.name, kept.get(spec.name, spec.default))

    def _editor_for(self, spec: Field) -> QWidget:
        editor: QWidget
        if spec.type == "datetime":
            time_edit = _TimeEdit(spec.required, _(spec.label))
            time_edit.changed.connect(self.changed)
            editor = time_edit
        elif spec.type == "multiline":
            text = QPlainTextEdit()
            text.setMaximumHeight(70)
            text.setTabChangesFocus(True)
            text.textChanged.connect(self.changed)
            editor = text
        elif spec.type == "choice":
            choice = QComboBox()
            choice.addItems(list(spec.choices))
            choice.currentTextChanged.connect(self.changed)
            editor = choice
        else:
            line = QLineEdit()
            line.setPlaceholderText(_(spec.help))
            line.textChanged.connect(self.changed)
            editor = line
        editor.setObjectName(f"field-{spec.name}")
        return editor

    def _set(self, name: str, value: object) -> None:
        editor = self._editors[name]
        if isinstance(editor, _TimeEdit):
            editor.set_value(value)
        elif isinstance(editor, QPlainTextEdit):
            editor.setPlainText("" if value is None else str(value))
        elif isinstance(editor, QComboBox):
            editor.setCurrentText("" if value is None else str(value))
        elif isinstance(editor, QLineEdit):
            editor.setText("" if value is None else str(value))

    def set_value(self, name: str, value: object) -> None:
        if name in self._editors:
            self._set(name, value)

    def editor(self, name: str) -> QWidget:
        return self._editors[name]

    def tab_stops(self) -> list[QWidget]:
        """What Tab visits here, top to bottom (an optional time's box, then its date-time)."""
        stops: list[QWidget] = []
        for editor in self._editors.values():
            stops += editor.tab_stops() if isinstance(editor, _TimeEdit) else [editor]
        return stops

    def values(self) -> dict[str, object]:
        result: dict[str, object] = {}
        for name, editor in self._editors.items():
            if isinstance(editor, _TimeEdit):
                result[name] = editor.value()
            elif isinstance(editor, QPlainTextEdit):
                result[name] = editor.toPlainText().strip()
            elif isinstance(editor, QComboBox):
                result[name] = editor.currentText()
            elif isinstance(editor, QLineEdit):
                result[name] = editor.text().strip()
        return result
