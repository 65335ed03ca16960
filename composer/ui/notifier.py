# SPDX-License-Identifier: GPL-3.0-or-later
"""System notifications (a tray message), when the desktop has a tray."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject

if TYPE_CHECKING:
    from PySide6.QtWidgets import QSystemTrayIcon


class Notifier(QObject):
    """Shows a tray message where a system tray exists; always records what it said."""

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self.sent: list[tuple[str, str]] = []
        self._tray: QSystemTrayIcon | None = None

    def notify(self, title: str, text: str) -> None:
        from PySide6.QtGui import QIcon  # noqa: PLC0415
        from PySide6.QtWidgets import QSystemTrayIcon  # noqa: PLC0415

        from composer.ui.icons import app_icon_path  # noqa: PLC0415

        self.sent.append((title, text))
        if not QSystemTrayIcon.isSystemTrayAvailable():
            return  # the window's own warning (status bar, alert) still shows
        tray = self._tray
        if tray is None:
            tray = self._tray = QSystemTrayIcon(QIcon(str(app_icon_path())), self)
            tray.show()
        tray.showMessage(title, text, QSystemTrayIcon.MessageIcon.Warning, 30_000)
