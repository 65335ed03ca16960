# SPDX-License-Identifier: GPL-3.0-or-later
"""Revision history of one update: pick an earlier text and restore it; where it was published."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from composer.core.model import Event, Revision
from composer.core.workspace.history import TeamVersion

EVENT_WORDS = {  # what happened to the update, as the list names it; marked for Qt Linguist
    "published": QT_TRANSLATE_NOOP("HistoryDialog", "published"),
    "override": QT_TRANSLATE_NOOP("HistoryDialog", "published despite failing checks"),
    "published-from-file": QT_TRANSLATE_NOOP("HistoryDialog", "imported as published"),
}


class HistoryDialog(QDialog):
    def __init__(
        self,
        revisions: list[Revision],
        parent: QWidget | None = None,
        events: list[Event] | None = None,
        team: list[TeamVersion] | None = None,
    ):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Revision history"))
        self.resize(760, 460)
        self.list = QListWidget()
        self.preview = QPlainTextEdit()
        self.preview.setReadOnly(True)
        self.list.setAccessibleName(self.tr("Revisions"))
        self.preview.setAccessibleName(self.tr("The revision's text"))
        for revision in revisions:
            when = revision.saved_at.astimezone().strftime("%Y-%m-%d %H:%M:%S")
            words = len(revision.body.split())
            item = QListWidgetItem(self.tr("%1 · %2 words").replace("%1", when).replace("%2", str(words)))
            item.setData(Qt.ItemDataRole.UserRole, revision)
            self.list.addItem(item)
        for version in team or []:  # in a team's workspace: each version as its author saved it
            when = version.at.astimezone().strftime("%Y-%m-%d %H:%M:%S")
            words = len(version.body.split())
            text = self.tr("%1 · by %2 · %3 words").replace("%1", when).replace("%2", version.author)
            item = QListWidgetItem(text.replace("%3", str(words)))
            item.setData(
                Qt.ItemDataRole.UserRole, Revision(revisions[0].update_id if revisions else 0, version.body, version.at)
            )
            item.setToolTip(self.tr("A version from the team's workspace"))
            self.list.addItem(item)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.restore = buttons.addButton(self.tr("&Restore this revision"), QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        panes = QHBoxLayout()
        panes.addWidget(self.list, 1)
        panes.addWidget(self.preview, 2)
        self.events = QListWidget()
        self.events.setMaximumHeight(120)
        self.events.setAccessibleName(self.tr("What happened to this update"))
        for event in events or []:
            when = event.at.astimezone().strftime("%Y-%m-%d %H:%M:%S")
            detail = event.detail.get("reason") or event.detail.get("channel") or ""
            listed = event.detail.get("rules")
            rules = ", ".join(str(r) for r in listed) if isinstance(listed, list) else ""
            kind = QCoreApplication.translate("HistoryDialog", str(EVENT_WORDS.get(event.kind, event.kind)))
            text = f"{when} · {kind}" + (f" ({rules})" if rules else "") + (f": {detail}" if detail else "")
            self.events.addItem(text)
        self.publications = QLabel(publications_html(events or []))
        self.publications.setTextFormat(Qt.TextFormat.RichText)
        self.publications.setTextInteractionFlags(Qt.TextInteractionFlag.TextBrowserInteraction)
        self.publications.setOpenExternalLinks(False)  # mid: links too, through the desktop's handlers
        self.publications.linkActivated.connect(lambda url: QDesktopServices.openUrl(QUrl(url)))
        self.publications.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addLayout(panes)
        if self.publications.text():
            layout.addWidget(self.publications)
        if self.events.count():
            layout.addWidget(self.events)
        layout.addWidget(buttons)
        self.list.currentItemChanged.connect(self._show)
        if self.list.count():
            self.list.setCurrentRow(0)
        self.restore.setEnabled(self.list.count() > 0)

    def _show(self, item: QListWidgetItem | None, _previous: object) -> None:
        self.preview.setPlainText(item.data(Qt.ItemDataRole.UserRole).body if item else "")

    def chosen(self) -> Revision | None:
        item = self.list.currentItem()
        return item.data(Qt.ItemDataRole.UserRole) if item else None

    @classmethod
    def ask(
        cls,
        revisions: list[Revision],
        parent: QWidget | None = None,
        events: list[Event] | None = None,
        team: list[TeamVersion] | None = None,
    ) -> Revision | None:
        """The revision to restore (one of the team's versions has no id: its text is saved as a new
        revision), or None. Tests patch this."""
        dialog = cls(revisions, parent, events, team)
        return dialog.chosen() if dialog.exec() == QDialog.DialogCode.Accepted else None


def publications_html(events: list[Event]) -> str:
    """Where the update went: channel, account, time and a link to each post ("" if nowhere yet)."""
    lines = []
    for event in events:
        if event.kind != "published":
            continue
        when = event.at.astimezone().strftime("%Y-%m-%d %H:%M")
        channel = escape(str(event.detail.get("channel", "")))
        account = escape(str(event.detail.get("account", "")))
        url = str(event.detail.get("url") or "")
        where = f'<a href="{escape(url, quote=True)}">{escape(url)}</a>' if url else ""
        lines.append(" · ".join(part for part in (when, channel, account, where) if part))
    if not lines:
        return ""
    return "<b>Published</b><br>" + "<br>".join(lines)
