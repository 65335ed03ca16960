# SPDX-License-Identifier: GPL-3.0-or-later
"""The template editor: the user's own templates beside the built-ins.

Built-ins are read-only; "Duplicate" copies one into the user's folder to change it. The
header and Jinja syntax are checked as you type; an error shows with its line and the line
is marked. Import copies a .j2 file in; export writes one out.
"""

from __future__ import annotations

import re
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtGui import QColor, QTextCursor, QTextFormat
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)

from composer.core.files import write_atomic
from composer.core.templates import FieldError, TemplateError, TemplateLibrary
from composer.core.templates.library import SUFFIX, USER_PREFIX, parse_template
from composer.core.templates.render import render_template
from composer.ui.interaction import Prompter

TEMPLATE_FILTER = "Templates (*.j2);;All files (*)"
NEW_TEMPLATE = """{#-
[template]
stage = "investigating"
channel = "blog"
language = "en"
title = "My template"
fields = ["title", "impact", "started", "next_update", "zone", "signer_name", "org_phone"]
-#}
We are sorry: since {{ started|clock }} {{ impact }}.

Next update by {{ next_update|clock }}. Call us on {{ org_phone }}.

{{ signer_name }}
"""
_LINE = re.compile(r"line (\d+)")


class TemplateEditor(QDialog):
    def __init__(self, library: TemplateLibrary, prompter: Prompter, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Templates"))
        self.resize(1100, 700)
        self.library = library
        self.prompter = prompter
        assert library.user_folder is not None
        self.folder: Path = library.user_folder
        self.list = QListWidget()
        self.list.setAccessibleName(self.tr("Templates"))
        self.source = QPlainTextEdit()
        self.source.setObjectName("templateSource")
        self.source.setAccessibleName(self.tr("The template's text"))
        self.source.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        self.source.setTabChangesFocus(True)  # Tab moves on, never a trap (a template indents with spaces)
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.preview = QPlainTextEdit()
        self.preview.setReadOnly(True)
        rendered_label = QLabel(self.tr("Rendered with its example values:"))
        rendered_label.setBuddy(self.preview)
        self.new_button = QPushButton(self.tr("&New"))
        self.duplicate_button = QPushButton(self.tr("&Duplicate"))
        self.save_button = QPushButton(self.tr("&Save"))
        self.delete_button = QPushButton(self.tr("De&lete"))
        self.import_button = QPushButton(self.tr("&Import…"))
        self.export_button = QPushButton(self.tr("E&xport…"))
        buttons = QHBoxLayout()
        for button in (
            self.new_button,
            self.duplicate_button,
            self.save_button,
            self.delete_button,
            self.import_button,
            self.export_button,
        ):
            buttons.addWidget(button)
        buttons.addStretch(1)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.source, 3)
        right_layout.addWidget(self.status)
        right_layout.addWidget(rendered_label)
        right_layout.addWidget(self.preview, 2)
        split = QSplitter()
        split.addWidget(self.list)
        split.addWidget(right)
        split.setSizes([320, 780])
        layout = QVBoxLayout(self)
        layout.addWidget(split, 1)
        layout.addLayout(buttons)

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.validate)
        self.source.textChanged.connect(lambda: self._timer.start(300))
        self.list.currentRowChanged.connect(self._show)
        self.new_button.clicked.connect(lambda: self.create_template(NEW_TEMPLATE))
        self.duplicate_button.clicked.connect(self.duplicate)
        self.save_button.clicked.connect(self.save)
        self.delete_button.clicked.connect(self.delete)
        self.import_button.clicked.connect(self.import_file)
        self.export_button.clicked.connect(self.export_file)
        self.refresh()

    # -- listing -------------------------------------------------------------------

    def refresh(self, select: str | None = None) -> None:
        self.library.load()
        self._ids = [t.id for t in sorted(self.library.all(), key=lambda t: (t.builtin, t.id))]
        self.list.blockSignals(True)
        self.list.clear()
        for template_id in self._ids:
            info = self.library.get(template_id)
            mark = "⚠ " if info.error else ""
            kind = self.tr("built-in") if info.builtin else self.tr("yours")
            item = QListWidgetItem(f"{mark}{template_id}  ({kind})")
            item.setToolTip(info.error or info.title)
            self.list.addItem(item)
        self.list.blockSignals(False)
        row = self._ids.index(select) if select in self._ids else 0
        self.list.setCurrentRow(row)
        self._show(row)

    def current(self):
        row = self.list.currentRow()
        return self.library.get(self._ids[row]) if 0 <= row < len(self._ids) else None

    def _show(self, _row: int) -> None:
        info = self.current()
        if info is None:
            return
        self.source.blockSignals(True)
        self.source.setPlainText(info.source)
        self.source.blockSignals(False)
        editable = not info.builtin
        self.source.setReadOnly(not editable)
        for button in (self.save_button, self.delete_button):
            button.setEnabled(editable)
        self.validate()

    # -- checking as you type -------------------------------------------------------

    def validate(self) -> str:
        """Parse and render the text on screen; show the first problem and mark its line."""
        self._timer.stop()
        info = self.current()
        template_id = info.id if info else "user:new"
        parsed = parse_template(template_id, self.source.toPlainText(), template_id, builtin=False)
        problem = parsed.error
        if not problem:
            try:
                rendered = render_template(parsed, {}, sample=True)
                self.preview.setPlainText(rendered.text)
            except (FieldError, TemplateError) as error:
                problem = str(error)
        self.status.setText(problem or self.tr("No problems found."))
        self._mark_line(problem)
        return problem

    def _mark_line(self, problem: str) -> None:
        match = _LINE.search(problem)
        if not match:
            self.source.setExtraSelections([])
            return
        block = self.source.document().findBlockByNumber(int(match.group(1)) - 1)
        selection = QTextEdit.ExtraSelection()
        selection.format.setBackground(QColor(255, 80, 80, 70))
        selection.format.setProperty(QTextFormat.Property.FullWidthSelection, True)
        selection.cursor = QTextCursor(block)
        self.source.setExtraSelections([selection])

    # -- commands ---------------------------------------------------------------------

    def _user_path(self, name: str) -> Path:
        stem = re.sub(r"[^A-Za-z0-9_.-]+", "-", name.removeprefix(USER_PREFIX)).strip("-") or "template"
        path = self.folder / f"{stem}{SUFFIX}"
        n = 2
        while path.exists():
            path = self.folder / f"{stem}-{n}{SUFFIX}"
            n += 1
        return path

    def _write(self, path: Path, text: str) -> bool:
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            write_atomic(path, text)
        except OSError as error:
            self.prompter.warn(self.tr("Templates"), f"{path}: {error.strerror or error}")
            return False
        return True

    def create_template(self, text: str, name: str = "my-template") -> None:
        path = self._user_path(name)
        if self._write(path, text):
            self.refresh(select=USER_PREFIX + path.stem)

    def duplicate(self) -> None:
        info = self.current()
        if info is not None:
            self.create_template(self.source.toPlainText(), f"{info.id}-copy")

    def save(self) -> None:
        info = self.current()
        if info is None or info.builtin:
            return
        if self._write(Path(info.path), self.source.toPlainText()):
            self.refresh(select=info.id)

    def delete(self) -> None:
        info = self.current()
        if info is None or info.builtin:
            return
        if self.prompter.confirm(self.tr("Delete template"), self.tr("Delete %1?").replace("%1", info.id)):
            Path(info.path).unlink(missing_ok=True)
            self.refresh()

    def import_file(self) -> None:
        path = self.prompter.open_file(self.tr("Import a template"), TEMPLATE_FILTER)
        if path is None:
            return
        try:
            text = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as error:
            self.prompter.warn(self.tr("Import"), f"{path}: {error}")
            return
        self.create_template(text, path.stem)

    def export_file(self) -> None:
        info = self.current()
        if info is None:
            return
        path = self.prompter.save_file(
            self.tr("Export the template"), f"{info.id.removeprefix(USER_PREFIX)}{SUFFIX}", TEMPLATE_FILTER
        )
        if path is not None:
            try:
                write_atomic(path, self.source.toPlainText())
            except OSError as error:
                self.prompter.warn(self.tr("Export"), f"{path}: {error.strerror or error}")
