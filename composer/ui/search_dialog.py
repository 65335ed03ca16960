# SPDX-License-Identifier: GPL-3.0-or-later
"""Find in all updates: every update whose text (or incident title) holds the words typed, newest
first, the words in bold; open the one picked, or start a new draft of this incident from it."""

from __future__ import annotations

import html
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QSize, QTimer, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from composer.ui.vocabulary import status_text

if TYPE_CHECKING:
    from composer.core.search import SearchHit, Span

TYPING_PAUSE_MS = 200
LIMIT = 200


def highlighted(text: str, spans: tuple[Span, ...]) -> str:
    """`text` as escaped HTML with each span in bold."""
    out, at = [], 0
    for start, end in sorted(spans):
        if start < at:
            continue
        out += [html.escape(text[at:start]), "<b>", html.escape(text[start:end]), "</b>"]
        at = end
    out.append(html.escape(text[at:]))
    return "".join(out)


class SearchDialog(QDialog):
    """`open_update(incident_id, update_id)` and `start_from(update_id)` say what the person chose."""

    open_update = Signal(int, int)
    start_from = Signal(int)

    def __init__(self, search: Callable[[str], list[SearchHit]], parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Find in all updates"))
        self.setObjectName("searchDialog")
        self.resize(720, 520)
        self._search = search
        self.query = QLineEdit()
        self.query.setObjectName("searchQuery")
        self.query.setPlaceholderText(self.tr("Words from any update, in any language: “correu retard”, “caída”"))
        self.query.setClearButtonEnabled(True)
        label = QLabel(self.tr("&Find:"))
        label.setBuddy(self.query)
        self.summary = QLabel()
        self.summary.setObjectName("searchSummary")
        self.results = QListWidget()
        self.results.setObjectName("searchResults")
        self.results.setAlternatingRowColors(True)
        self.results.setAccessibleName(self.tr("Matching updates"))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.open_button = QPushButton(self.tr("&Open"))
        self.start_button = QPushButton(self.tr("&Start from this update"))
        self.start_button.setToolTip(self.tr("Copy this text into a new draft of the incident you are on"))
        buttons.addButton(self.open_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.start_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(label)
        layout.addWidget(self.query)
        layout.addWidget(self.summary)
        layout.addWidget(self.results, 1)
        layout.addWidget(buttons)
        self.hits: list[SearchHit] = []
        self._pause = QTimer(self)
        self._pause.setSingleShot(True)
        self._pause.setInterval(TYPING_PAUSE_MS)
        self._pause.timeout.connect(self.run)
        self.query.textChanged.connect(self._pause.start)
        self.query.returnPressed.connect(self.run)
        self.results.itemActivated.connect(lambda _item: self._open())
        self.results.currentRowChanged.connect(lambda _row: self._enable())
        self.open_button.clicked.connect(self._open)
        self.start_button.clicked.connect(self._start)
        self._enable()

    def run(self) -> None:
        """Search now for what is typed (the pause after typing calls this)."""
        self._pause.stop()
        text = self.query.text()
        self.hits = self._search(text) if text.strip() else []
        self.results.clear()
        for hit in self.hits:
            item = QListWidgetItem()
            view = QLabel(self._row_html(hit))
            view.setWordWrap(True)
            view.setContentsMargins(4, 3, 4, 3)
            self.results.addItem(item)
            width = max(self.results.viewport().width() - 8, 200)  # the label wraps at the list's width
            item.setSizeHint(QSize(width, view.heightForWidth(width)))
            item.setToolTip(hit.title)
            self.results.setItemWidget(item, view)
        if not text.strip():
            self.summary.setText("")
        elif not self.hits:
            self.summary.setText(self.tr("No update matches every word."))
        elif len(self.hits) >= LIMIT:
            self.summary.setText(self.tr("The newest %1 matches; add a word to narrow them.").replace("%1", str(LIMIT)))
        else:
            self.summary.setText(self.tr("%1 matching updates, newest first.").replace("%1", str(len(self.hits))))
        if self.hits:
            self.results.setCurrentRow(0)
        self._enable()

    def _row_html(self, hit: SearchHit) -> str:
        when = (hit.published_at or hit.created_at).astimezone().strftime("%Y-%m-%d %H:%M")
        state = (self.tr("published %1") if hit.published_at else self.tr("draft, %1")).replace("%1", when)
        title = highlighted(hit.title, hit.title_spans)
        head = f"<b>{title}</b> · {html.escape(status_text(hit.status))} · {html.escape(state)}"
        return f"{head}<br>{highlighted(hit.snippet, hit.spans)}"

    def current_hit(self) -> SearchHit | None:
        row = self.results.currentRow()
        return self.hits[row] if 0 <= row < len(self.hits) else None

    def _enable(self) -> None:
        chosen = self.current_hit() is not None
        self.open_button.setEnabled(chosen)
        self.start_button.setEnabled(chosen)

    def _open(self) -> None:
        hit = self.current_hit()
        if hit is not None:
            self.open_update.emit(hit.incident_id, hit.update_id)

    def _start(self) -> None:
        hit = self.current_hit()
        if hit is not None:
            self.start_from.emit(hit.update_id)
