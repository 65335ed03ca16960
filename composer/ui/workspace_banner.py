# SPDX-License-Identifier: GPL-3.0-or-later
"""The bar above the update in workspace mode: says when the workspace cannot be reached (drafting
goes on here), when changes conflict, when updates wait for a reviewer, and who else is editing the
update on screen; hidden when there is nothing to say."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget


class WorkspaceBanner(QFrame):
    resolve = Signal()
    review = Signal()
    edit_anyway = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("workspaceBanner")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAutoFillBackground(True)
        palette = self.palette()
        palette.setColor(QPalette.ColorRole.Window, palette.color(QPalette.ColorRole.ToolTipBase))
        palette.setColor(QPalette.ColorRole.WindowText, palette.color(QPalette.ColorRole.ToolTipText))
        self.setPalette(palette)
        self.text = QLabel()
        self.text.setObjectName("workspaceBannerText")
        self.text.setWordWrap(True)
        self.resolve_button = QPushButton(self.tr("Resolve…"))
        self.resolve_button.setToolTip(self.tr("See both versions and choose the one to keep"))
        self.resolve_button.clicked.connect(self.resolve)
        self.review_button = QPushButton(self.tr("Review…"))
        self.review_button.setToolTip(self.tr("Read the updates that wait for a second person, and approve them"))
        self.review_button.clicked.connect(self.review)
        self.edit_button = QPushButton(self.tr("Edit anyway"))
        self.edit_button.setToolTip(self.tr("Edit this update although someone else is editing it"))
        self.edit_button.clicked.connect(self.edit_anyway)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 4, 4, 4)
        layout.addWidget(self.text, 1)
        for button in (self.edit_button, self.resolve_button, self.review_button):
            layout.addWidget(button)
        self.setVisible(False)

    def tab_stops(self) -> list[QWidget]:
        return [self.edit_button, self.resolve_button, self.review_button]  # as laid out

    def show_state(
        self, *, offline: str, waiting: int, conflicts: int, to_review: int, editor: str, refused: int
    ) -> None:
        """`offline`: why the workspace cannot be reached ("" when it can); `editor`: who else edits
        the update on screen ("" for nobody)."""
        lines = []
        if offline:
            if waiting:
                lines.append(
                    self.tr(
                        "Workspace unreachable: drafting goes on here; %n changes will be sent when it answers.",
                        "",
                        waiting,
                    )
                    if waiting != 1
                    else self.tr("Workspace unreachable: drafting goes on here; 1 change will be sent when it answers.")
                )
            else:
                lines.append(self.tr("Workspace unreachable: drafting goes on here."))
        if editor:
            lines.append(self.tr("%1 is editing this update.").replace("%1", editor))
        if conflicts:
            lines.append(
                self.tr(
                    "%n changes conflict: two people changed the same thing. Both versions are kept.", "", conflicts
                )
                if conflicts != 1
                else self.tr("1 change conflicts: two people changed the same thing. Both versions are kept.")
            )
        if refused:
            lines.append(
                self.tr("%n changes were refused by the workspace (your role does not allow them).", "", refused)
                if refused != 1
                else self.tr("1 change was refused by the workspace (your role does not allow it).")
            )
        if to_review:
            lines.append(
                self.tr("%n updates wait for a reviewer.", "", to_review)
                if to_review != 1
                else self.tr("1 update waits for a reviewer.")
            )
        self.text.setText("\n".join(lines))
        self.edit_button.setVisible(bool(editor))
        self.resolve_button.setVisible(bool(conflicts))
        self.review_button.setVisible(bool(to_review))
        self.setVisible(bool(lines))
