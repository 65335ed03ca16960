# SPDX-License-Identifier: GPL-3.0-or-later
"""Channel previews: the update as readers will see it, refreshed shortly after typing stops."""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QPlainTextEdit, QTabWidget, QTextBrowser, QWidget

RENDER_DELAY_MS = 250


class PreviewTabs(QTabWidget):
    """One tab per channel. Markdown is rendered with markdown-it-py (CommonMark, no raw HTML)."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("previews")
        self.blog = QTextBrowser()
        self.blog.setOpenExternalLinks(True)
        self.email = QPlainTextEdit()
        self.email.setReadOnly(True)
        self.addTab(self.blog, self.tr("Blog"))
        self.addTab(self.email, self.tr("Email (plain text)"))
        self._text = ""
        self._markdown = None
        self._social: dict[str, QPlainTextEdit] = {}
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.render_now)

    def show_social(self, renderings: dict[str, object]) -> None:
        """Social posts rendered from the update's template, with their count by the channel's rule."""
        for channel_id in list(self._social):
            if channel_id not in renderings:
                self.removeTab(self.indexOf(self._social.pop(channel_id)))
        for channel_id, rendered in renderings.items():
            view = self._social.get(channel_id)
            if view is None:
                view = self._social[channel_id] = QPlainTextEdit()
                view.setReadOnly(True)
                self.addTab(view, "")
            index = self.indexOf(view)
            if isinstance(rendered, str):  # the template could not render: say why
                view.setPlainText(rendered)
                self.setTabText(index, self.tr("%1 ⚠").replace("%1", channel_id))
                continue
            view.setPlainText(rendered.text)
            channel = rendered.channel
            over = " ⚠" if not rendered.fits else ""
            self.setTabText(index, f"{channel.label} · {rendered.length}/{channel.limit}{over}")
            self.setTabToolTip(index, self.tr("Counted as %1").replace("%1", channel.counter))

    def show_text(self, text: str) -> None:
        self._text = text
        self._timer.start(RENDER_DELAY_MS)

    def render_now(self) -> None:
        self._timer.stop()
        if self._markdown is None:
            from markdown_it import MarkdownIt  # noqa: PLC0415 - off the path to the first window

            # "js-default": CommonMark with raw HTML disabled, so a draft cannot inject markup.
            self._markdown = MarkdownIt("js-default").enable("table")
        self.blog.setHtml(self._markdown.render(self._text))
        self.email.setPlainText(self._text)
        words, chars = len(self._text.split()), len(self._text)
        self.setTabText(0, self.tr("Blog · %n words", "", words) if words != 1 else self.tr("Blog · 1 word"))
        self.setTabText(1, self.tr("Email (plain text) · %n characters", "", chars))
