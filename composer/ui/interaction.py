# SPDX-License-Identifier: GPL-3.0-or-later
"""Every question the app asks the user goes through a Prompter, so tests can answer from a script."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    from composer.ui.new_incident_dialog import NewIncident

MARKDOWN_FILTER = "Markdown update (*.md *.markdown);;All files (*)"


class Prompter:
    """Asks with standard dialogs. Tests pass a subclass that answers without showing anything."""

    def __init__(self) -> None:
        self.parent: QWidget | None = None

    def warn(self, title: str, text: str) -> None:
        from PySide6.QtWidgets import QMessageBox  # noqa: PLC0415 - dialogs load on first use

        QMessageBox.warning(self.parent, title, text)

    def confirm(self, title: str, text: str) -> bool:
        from PySide6.QtWidgets import QMessageBox  # noqa: PLC0415

        answer = QMessageBox.question(self.parent, title, text)
        return answer == QMessageBox.StandardButton.Yes

    def ask_text(self, title: str, label: str, default: str = "") -> str | None:
        from PySide6.QtWidgets import QInputDialog  # noqa: PLC0415

        text, ok = QInputDialog.getText(self.parent, title, label, text=default)
        return text if ok else None

    def ask_new_incident(self, title: str) -> NewIncident | None:
        """What customers notice and since when (default: now); None when cancelled."""
        from composer.ui.new_incident_dialog import NewIncidentDialog, as_new_incident  # noqa: PLC0415

        if type(self).ask_text is not Prompter.ask_text:
            # A prompter scripted through ask_text alone (a test driver, a benchmark) names
            # the incident there, as before the start was asked: it started now.
            return as_new_incident(self.ask_text(title, "What are customers noticing?"))
        return NewIncidentDialog.ask(self.parent, title)

    def open_file(self, title: str, file_filter: str = MARKDOWN_FILTER) -> Path | None:
        from PySide6.QtWidgets import QFileDialog  # noqa: PLC0415

        name, _ = QFileDialog.getOpenFileName(self.parent, title, "", file_filter)
        return Path(name) if name else None

    def save_file(self, title: str, suggested: str, file_filter: str = MARKDOWN_FILTER) -> Path | None:
        from PySide6.QtWidgets import QFileDialog  # noqa: PLC0415

        name, _ = QFileDialog.getSaveFileName(self.parent, title, suggested, file_filter)
        return Path(name) if name else None
