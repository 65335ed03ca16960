# SPDX-License-Identifier: GPL-3.0-or-later
"""Edit → Review updates…: the updates that wait for a second person. For the one picked: its
text as readers would get it, what changed since the last review (removed words struck through,
added ones underlined), the checklist's findings on it, and Approve / Request changes (which
needs a comment). The verdict is recorded in this copy and sent to the team at once."""

from __future__ import annotations

import difflib
import html
import re
from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

if TYPE_CHECKING:
    from collections.abc import Callable

    from composer.core.workspace.review import Review

    Decide = Callable[[int, bool, str], str]


class Waiting:
    """One update waiting for a reviewer, as the dialog lists it."""

    def __init__(self, update_id: int, title: str, body: str, review: Review, findings: list[tuple[str, str, str]]):
        self.update_id = update_id
        self.title = title
        self.body = body
        self.review = review
        self.findings = findings  # (verdict in words, "" when it passes; rule title; message)


def changes_html(before: str, after: str) -> str:
    """`after`, with what differs from `before` marked word by word (colour is never the only sign:
    removed words are struck through, added ones underlined). Spaces and line breaks are words of
    their own, so paragraphs stay where they are."""
    old, new = re.findall(r"\s+|\S+", before), re.findall(r"\s+|\S+", after)
    out: list[str] = []
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(a=old, b=new, autojunk=False).get_opcodes():
        if op == "equal":
            out.append(html.escape("".join(new[j1:j2])))
            continue
        removed, added = "".join(old[i1:i2]), "".join(new[j1:j2])
        if removed.strip():
            out.append(f"<s style='color:#c62828'>{html.escape(removed)}</s>")
        if added.strip():
            out.append(f"<u style='color:#2e7d32'>{html.escape(added)}</u>")
        elif added:
            out.append(html.escape(added))
    return "<div style='white-space: pre-wrap'>" + "".join(out) + "</div>"


class ReviewDialog(QDialog):
    def __init__(self, waiting: list[Waiting], decide: Decide, parent: QWidget | None = None):
        """`decide(update_id, approved, comment)` records a verdict and returns "" or why it was refused."""
        super().__init__(parent)
        self.setObjectName("reviewDialog")
        self.setWindowTitle(self.tr("Review updates"))
        self.resize(900, 600)
        self._waiting = waiting
        self._decide = decide
        self.list = QListWidget()
        self.list.setObjectName("reviewList")
        self.list.setAccessibleName(self.tr("Updates waiting for a reviewer"))
        for item in waiting:
            row = QListWidgetItem(f"#{item.update_id} {item.title}\n{self._standing_words(item.review)}")
            self.list.addItem(row)
        self.text = QTextBrowser()
        self.text.setObjectName("reviewText")
        self.text.setAccessibleName(self.tr("The update, with the changes since the last review"))
        self.since = QLabel()
        self.since.setObjectName("reviewSince")
        self.since.setWordWrap(True)
        self.findings = QLabel()
        self.findings.setWordWrap(True)
        self.findings.setObjectName("reviewFindings")
        self.comment = QPlainTextEdit()
        self.comment.setObjectName("reviewComment")
        self.comment.setPlaceholderText(self.tr("What should change (needed to request changes)"))
        self.comment.setAccessibleName(self.tr("Comment"))
        self.comment.setTabChangesFocus(True)  # Tab goes on to the buttons
        self.comment.setMaximumHeight(80)
        self.outcome = QLabel()
        self.outcome.setWordWrap(True)
        self.approve_button = QPushButton(self.tr("&Approve"))
        self.changes_button = QPushButton(self.tr("Request &changes"))
        self.approve_button.clicked.connect(lambda: self._verdict(approved=True))
        self.changes_button.clicked.connect(lambda: self._verdict(approved=False))
        right = QWidget()
        layout = QVBoxLayout(right)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.since)
        layout.addWidget(self.text, 1)
        layout.addWidget(self.findings)
        layout.addWidget(QLabel(self.tr("Comment:")))
        layout.addWidget(self.comment)
        buttons = QHBoxLayout()
        buttons.addWidget(self.outcome, 1)
        buttons.addWidget(self.changes_button)
        buttons.addWidget(self.approve_button)
        layout.addLayout(buttons)
        split = QSplitter()
        split.addWidget(self.list)
        split.addWidget(right)
        split.setSizes([260, 640])
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        outer = QVBoxLayout(self)
        outer.addWidget(split, 1)
        outer.addWidget(close)
        self.list.currentRowChanged.connect(self._show)
        if waiting:
            self.list.setCurrentRow(0)
        else:
            self.text.setPlainText(self.tr("Nothing waits for a reviewer."))
            self._enable(False)

    def _standing_words(self, review: Review) -> str:
        words = {
            "draft": self.tr("draft"),
            "awaiting-review": self.tr("awaiting review"),
            "approved": self.tr("approved"),
            "changes-requested": self.tr("changes requested"),
        }
        return words.get(review.standing.value, review.standing.value)

    def _enable(self, on: bool) -> None:
        for widget in (self.approve_button, self.changes_button, self.comment):
            widget.setEnabled(on)

    def current(self) -> Waiting | None:
        row = self.list.currentRow()
        return self._waiting[row] if 0 <= row < len(self._waiting) else None

    def _show(self, _row: int) -> None:
        item = self.current()
        if item is None:
            return
        last = item.review.last
        if last is not None and last.text.get("body") is not None:
            self.text.setHtml(changes_html(str(last.text["body"]), item.body))
            said = self.tr("Changes since %1's review: removed words struck through, new ones underlined.")
            said = said.replace("%1", last.by)
            if last.comment:
                said += "\n" + self.tr("%1 asked: %2").replace("%1", last.by).replace("%2", last.comment)
            self.since.setText(said)
        else:
            self.text.setPlainText(item.body)
            self.since.setText(self.tr("Not reviewed before."))
        failing = [f"{verdict}: {title} — {message}" for verdict, title, message in item.findings if verdict]
        self.findings.setText("\n".join(failing) if failing else self.tr("Every check passes."))
        self.outcome.clear()
        self._enable(True)

    def _verdict(self, *, approved: bool) -> None:
        item = self.current()
        if item is None:
            return
        problem = self._decide(item.update_id, approved, self.comment.toPlainText())
        if problem:
            self.outcome.setText(problem)
            return
        self.outcome.setText(self.tr("Approved.") if approved else self.tr("Changes requested."))
        self.comment.clear()
        self._enable(False)
