# SPDX-License-Identifier: GPL-3.0-or-later
"""Failing checks stop publishing unless the person publishing types why."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QPlainTextEdit, QVBoxLayout, QWidget

from composer.core.checks import MIN_REASON_LENGTH, Finding

__all__ = ["MIN_REASON_LENGTH", "OverrideDialog"]


class OverrideDialog(QDialog):
    def __init__(self, failures: list[Finding], parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Publish with failing checks?"))
        self.resize(520, 360)
        listing = "".join(f"<li><b>{f.rule}</b>: {f.message}</li>" for f in failures)
        intro = QLabel(
            self.tr("These checks fail:")
            + f"<ul>{listing}</ul>"
            + self.tr("To publish anyway, say why. The reason is kept in this update's history.")
        )
        intro.setWordWrap(True)
        self.reason = QPlainTextEdit()
        self.reason.setPlaceholderText(self.tr("e.g. “Legal asked us not to name the supplier yet”"))
        self.reason.setAccessibleName(self.tr("Why publish anyway"))
        self.reason.setTabChangesFocus(True)  # Tab goes on to the buttons
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.publish = self.buttons.addButton(self.tr("Publish anyway"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.publish.setEnabled(False)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.reason.textChanged.connect(self._on_reason)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.reason, 1)
        layout.addWidget(self.buttons)

    def _on_reason(self) -> None:
        self.publish.setEnabled(len(self.reason.toPlainText().strip()) >= MIN_REASON_LENGTH)

    @classmethod
    def ask(cls, failures: list[Finding], parent: QWidget | None = None) -> str | None:
        """The typed reason, or None when the user backs out. Tests patch this."""
        dialog = cls(failures, parent)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return dialog.reason.toPlainText().strip()
