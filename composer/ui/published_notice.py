# SPDX-License-Identifier: GPL-3.0-or-later
"""The bar above an update's text that says it went out: publishing it again sends a correction."""

from __future__ import annotations

from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget


class PublishedNotice(QFrame):
    """Non-modal: shown when the text of a published update is edited; Close hides it for that update."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("publishedNotice")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAutoFillBackground(True)  # a palette, as the outbox banner
        palette = self.palette()
        palette.setColor(QPalette.ColorRole.Window, palette.color(QPalette.ColorRole.ToolTipBase))
        palette.setColor(QPalette.ColorRole.WindowText, palette.color(QPalette.ColorRole.ToolTipText))
        self.setPalette(palette)
        self.text = QLabel(
            self.tr(
                "This update has been published. Publishing it again sends a correction "
                "(its own email, a dated note on the blog, a reply on social networks)."
            )
        )
        self.text.setObjectName("publishedNoticeText")
        self.text.setWordWrap(True)
        self.close_button = QPushButton(self.tr("Close"))
        self.close_button.setToolTip(self.tr("Hide this note for this update"))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 4, 4, 4)
        layout.addWidget(self.text, 1)
        layout.addWidget(self.close_button)
        self.dismissed_for: int | None = None  # the update whose note the user closed
        self.close_button.clicked.connect(self._dismiss)
        self.setVisible(False)
        self._update_id: int | None = None

    def follow(self, update_id: int | None) -> None:
        """A different update is shown: no note until its text is edited."""
        if update_id != self._update_id:
            self._update_id = update_id
            self.setVisible(False)

    def edited(self, update_id: int | None, published: bool) -> None:
        """The text of the update on screen changed."""
        self._update_id = update_id
        if published and update_id != self.dismissed_for and not self.isVisible():
            self.setVisible(True)

    def _dismiss(self) -> None:
        self.dismissed_for = self._update_id
        self.setVisible(False)
