# SPDX-License-Identifier: GPL-3.0-or-later
"""The bar above the update that says what waits in the outbox; hidden when nothing does."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget

if TYPE_CHECKING:
    from composer.ui.outbox_sender import Waiting


class OutboxBanner(QFrame):
    """ "Offline: 3 updates waiting" or "3 updates waiting to be sent (next try 10:42)", and Outbox…."""

    open_outbox = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("outboxBanner")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAutoFillBackground(True)  # a palette, not a style sheet (see status_panel._emphasise)
        palette = self.palette()
        palette.setColor(QPalette.ColorRole.Window, palette.color(QPalette.ColorRole.ToolTipBase))
        palette.setColor(QPalette.ColorRole.WindowText, palette.color(QPalette.ColorRole.ToolTipText))
        self.setPalette(palette)
        self.text = QLabel()
        self.text.setObjectName("outboxBannerText")
        self.text.setWordWrap(True)
        self.button = QPushButton(self.tr("Outbox…"))
        self.button.setToolTip(self.tr("What waits to be sent, what was sent, and what needs you"))
        self.button.clicked.connect(self.open_outbox)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 4, 4, 4)
        layout.addWidget(self.text, 1)
        layout.addWidget(self.button)
        self.setVisible(False)

    def tab_stops(self) -> list[QWidget]:
        return [self.button]

    def show_waiting(self, waiting: Waiting) -> None:
        if not waiting.updates:
            self.setVisible(False)
            return
        count = waiting.updates
        if waiting.offline:
            text = (
                self.tr("Offline: %n updates waiting", "", count)
                if count != 1
                else self.tr("Offline: 1 update waiting")
            )
        else:
            text = (
                self.tr("%n updates waiting to be sent", "", count)
                if count != 1
                else self.tr("1 update waiting to be sent")
            )
            if waiting.next_try is not None:
                at = waiting.next_try.astimezone().strftime("%H:%M")
                text = self.tr("%1 (next try %2)").replace("%1", text).replace("%2", at)
        self.text.setText(text)
        self.setVisible(True)
