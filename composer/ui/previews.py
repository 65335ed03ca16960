# SPDX-License-Identifier: GPL-3.0-or-later
"""Channel previews: the update as readers will see it, refreshed shortly after typing stops."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt, QTimer
from PySide6.QtWidgets import QLabel, QPlainTextEdit, QTabWidget, QTextBrowser, QVBoxLayout, QWidget

from composer.core.i18n import _
from composer.core.templates import CHANNELS
from composer.ui.accessibility import chain_tab_order

if TYPE_CHECKING:
    from markdown_it import MarkdownIt

    from composer.core.templates import Rendered
    from composer.publishers.preview import ChannelPreview

RENDER_DELAY_MS = 250


@dataclass(frozen=True)
class EmailView:
    """The email as it will be mailed: its subject and both parts."""

    subject: str
    text: str
    html: str


class PreviewTabs(QTabWidget):
    """One tab per channel. Markdown is rendered with markdown-it-py (CommonMark, no raw HTML)."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("previews")
        self.blog = QTextBrowser()
        self.blog.setOpenExternalLinks(True)
        self.blog.setAccessibleName(self.tr("The update as a blog post"))
        # The email as mailed: its subject, then its plain-text and HTML parts.
        self.email = QPlainTextEdit()
        self.email.setReadOnly(True)
        self.email.setAccessibleName(self.tr("The email as plain text"))
        self.email_html = QTextBrowser()
        self.email_html.setOpenExternalLinks(True)
        self.email_html.setAccessibleName(self.tr("The email as HTML"))
        self.email_subject = QLabel()
        self.email_subject.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.email_subject.setWordWrap(True)
        self.email_parts = parts = QTabWidget()
        parts.setDocumentMode(True)
        parts.addTab(self.email, self.tr("Plain text"))
        parts.addTab(self.email_html, self.tr("HTML"))
        email_page = QWidget()
        email_layout = QVBoxLayout(email_page)
        email_layout.setContentsMargins(4, 4, 4, 4)
        email_layout.addWidget(self.email_subject)
        email_layout.addWidget(parts, 1)
        self.addTab(self.blog, self.tr("Blog"))
        self.addTab(email_page, self.tr("Email"))
        # body -> the email the update would be; set by the window (None: the text as typed)
        self.email_source: Callable[[str], EmailView | None] | None = None
        self._text = ""
        self._markdown: MarkdownIt | None = None
        self._social: dict[str, QPlainTextEdit] = {}
        self._channels: dict[str, QPlainTextEdit] = {}  # publisher id -> what its accounts will post
        # body -> what each limited channel would post; set by the window once accounts are known
        self.channel_source: Callable[[str], list[ChannelPreview]] | None = None
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.render_now)

    def show_social(self, renderings: Mapping[str, Rendered | str]) -> None:
        """Social posts rendered from the update's template, with their count by the channel's rule."""
        for channel_id in list(self._social):
            if channel_id not in renderings:
                self.removeTab(self.indexOf(self._social.pop(channel_id)))
        added = False
        for channel_id, rendered in renderings.items():
            view = self._social.get(channel_id)
            if view is None:
                view = self._social[channel_id] = QPlainTextEdit()
                view.setReadOnly(True)
                self.addTab(view, "")
                added = True
            known = CHANNELS.get(channel_id)
            name = _(known.label) if known is not None else channel_id
            view.setAccessibleName(self.tr("%1, from the template").replace("%1", name))
            index = self.indexOf(view)
            if isinstance(rendered, str):  # the template could not render: say why
                view.setPlainText(rendered)
                self.setTabText(index, self.tr("%1 ⚠").replace("%1", channel_id))
                continue
            view.setPlainText(rendered.text)
            channel = rendered.channel
            over = " ⚠" if not rendered.fits else ""
            self.setTabText(index, f"{_(channel.label)} · {rendered.length}/{channel.limit}{over}")
            self.setTabToolTip(index, self.tr("Counted as %1").replace("%1", _(channel.counter)))
        if added:
            self._chain_pages()

    def show_channels(self, channel_previews: list[ChannelPreview]) -> None:
        """What each account's channel will post (publishers' ChannelPreview): every part of a
        thread with its count, or a shortened post, so a split is seen before publishing."""
        wanted = {item.channel for item in channel_previews}
        for channel_id in list(self._channels):
            if channel_id not in wanted:
                self.removeTab(self.indexOf(self._channels.pop(channel_id)))
        added = False
        for item in channel_previews:
            view = self._channels.get(item.channel)
            if view is None:
                view = self._channels[item.channel] = QPlainTextEdit()
                view.setReadOnly(True)
                view.setObjectName(f"preview-{item.channel}")
                self.addTab(view, "")
                added = True
            index = self.indexOf(view)
            view.setAccessibleName(self.tr("What %1 will post").replace("%1", item.title))
            self.setTabText(index, f"{item.title} · {item.summary}" + (" ⚠" if item.error else ""))
            self.setTabToolTip(index, self.tr("Counted as %1").replace("%1", item.counter) if item.counter else "")
            view.setPlainText(thread_text(item))
        if added:
            self._chain_pages()

    def _chain_pages(self) -> None:
        """Pages added after the window's Tab order was set would come last in it: Tab goes from
        the tab bar to the page shown, then on to what follows the previews."""
        pages = [*self._social.values(), *self._channels.values()]
        chain_tab_order([self.tabBar(), self.blog, self.email_parts, *pages])  # the email parts: one stop

    def show_text(self, text: str) -> None:
        self._text = text
        self._timer.start(RENDER_DELAY_MS)

    def flush(self) -> None:
        """Render now if a render is waiting on its timer."""
        if self._timer.isActive():
            self.render_now()

    def render_now(self) -> None:
        self._timer.stop()
        markdown = self._markdown
        if markdown is None:
            from markdown_it import MarkdownIt  # noqa: PLC0415 - off the path to the first window

            # "js-default": CommonMark with raw HTML disabled, so a draft cannot inject markup.
            markdown = self._markdown = MarkdownIt("js-default").enable("table")
        self.blog.setHtml(markdown.render(self._text))
        mail = self.email_source(self._text) if self.email_source is not None else None
        if mail is None:
            mail = EmailView(subject="", text=self._text, html=markdown.render(self._text))
        self.email_subject.setText(self.tr("Subject: %1").replace("%1", mail.subject) if mail.subject else "")
        self.email_subject.setVisible(bool(mail.subject))
        self.email.setPlainText(mail.text)
        self.email_html.setHtml(mail.html)
        words, chars = len(self._text.split()), len(mail.text)
        self.setTabText(0, self.tr("Blog · %n words", "", words) if words != 1 else self.tr("Blog · 1 word"))
        self.setTabText(
            1, self.tr("Email · %n characters", "", chars) if chars != 1 else self.tr("Email · 1 character")
        )
        if self.channel_source is not None:
            self.show_channels(self.channel_source(self._text))


def thread_text(item: ChannelPreview) -> str:
    """A channel preview as text: the parts one after another, each headed by its number and count."""
    if item.error:
        return item.error
    if len(item.parts) == 1:
        return item.parts[0]
    blocks = []
    for number, part in enumerate(item.parts, 1):
        count = f" · {item.counts[number - 1]}/{item.limit}" if item.counts else ""
        heading = QCoreApplication.translate("PreviewTabs", "post %1 of %2").replace("%1", str(number))
        blocks.append(f"── {heading.replace('%2', str(len(item.parts)))}{count} ──\n{part}")
    return "\n\n".join(blocks)
