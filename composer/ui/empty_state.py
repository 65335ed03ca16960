# SPDX-License-Identifier: GPL-3.0-or-later
"""What the centre of the window shows while there is no incident at all: how to start.

It stands in for the editor (which would only be disabled) in a stack that takes the editor's
place in the window's splitter, and follows the incident list: gone as soon as an incident is
listed, back when none is.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

if TYPE_CHECKING:
    from PySide6.QtGui import QAction
    from PySide6.QtWidgets import QSplitter

    from composer.ui.incident_list import IncidentList
    from composer.ui.window_actions import WindowActions

GUIDE_WIDTH = 520  # the guide reads as one column, however wide the window


def shortcut_text(action: QAction) -> str:
    """The action's shortcut as the system writes it ("Ctrl+N"), or "" when it has none."""
    return action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)


def with_shortcut(text: str, action: QAction) -> str:
    keys = shortcut_text(action)
    return f"{text} — {keys}" if keys else text


class EmptyState(QWidget):
    """The guide: "No incident yet", a button that starts one, and what else to do first. The
    buttons trigger the window's own actions, and their texts show those actions' shortcuts."""

    def __init__(self, new_incident: QAction, import_file: QAction, profile: QAction, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("emptyState")
        self._actions = (new_incident, import_file, profile)
        self._stack: QStackedWidget | None = None
        self._centre: QWidget | None = None

        self.heading = QLabel(self.tr("No incident yet"))
        self.heading.setObjectName("emptyHeading")
        font = self.heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.6)
        font.setBold(True)
        self.heading.setFont(font)
        self.intro = self._line(
            self.tr(
                "When customers notice something wrong, start an incident here. You write its updates "
                "in this window; the checklist reads them as you type, and they go out to your channels."
            )
        )
        self.start = QPushButton()
        self.start.setObjectName("startIncident")
        self.start.setAutoDefault(True)  # Enter starts an incident when the button has the focus
        font = self.start.font()
        font.setPointSizeF(font.pointSizeF() * 1.15)
        self.start.setFont(font)
        self.start.setMinimumHeight(self.start.sizeHint().height() + 12)
        self.import_hint = self._line(self.tr("Written elsewhere? Import an update from its Markdown file."))
        self.import_button = QPushButton()
        self.import_button.setObjectName("importFile")
        self.profile_hint = self._line(
            self.tr("New here? Fill in your organisation and the people who sign updates first.")
        )
        self.profile_button = QPushButton()
        self.profile_button.setObjectName("editProfile")

        column = QWidget()
        column.setMaximumWidth(GUIDE_WIDTH)
        layout = QVBoxLayout(column)
        layout.setContentsMargins(24, 24, 24, 24)
        layout.setSpacing(10)
        layout.addWidget(self.heading, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addWidget(self.intro)
        layout.addSpacing(8)
        layout.addWidget(self.start, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addSpacing(16)
        others = QGridLayout()  # one column of buttons, as wide as the widest
        others.setHorizontalSpacing(16)
        others.setVerticalSpacing(10)
        others.setColumnStretch(0, 1)
        for row, (hint, button) in enumerate(
            ((self.import_hint, self.import_button), (self.profile_hint, self.profile_button))
        ):
            hint.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
            others.addWidget(hint, row, 0)
            others.addWidget(button, row, 1, Qt.AlignmentFlag.AlignVCenter)
        layout.addLayout(others)
        # Stretches, not alignment flags: an aligned item gets its size hint, not the height its
        # wrapped lines need at its width.
        middle = QHBoxLayout()
        middle.addStretch(1)
        middle.addWidget(column, 8)  # as wide as it may be; what is left goes either side
        middle.addStretch(1)
        outer = QVBoxLayout(self)
        outer.addStretch(2)
        outer.addLayout(middle)
        outer.addStretch(3)

        for button, action in zip((self.start, self.import_button, self.profile_button), self._actions, strict=True):
            button.clicked.connect(action.trigger)
            action.changed.connect(self._show_actions)  # a shortcut or an enabled state that changes
        self._show_actions()

    def tab_stops(self) -> list[QWidget]:
        return [self.start, self.import_button, self.profile_button]

    @staticmethod
    def _line(text: str) -> QLabel:
        label = QLabel(text)
        label.setWordWrap(True)
        label.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        return label

    def _show_actions(self) -> None:
        new_incident, import_file, profile = self._actions
        self.start.setText(with_shortcut(self.tr("Start an incident"), new_incident))
        self.import_button.setText(with_shortcut(self.tr("Import a file…"), import_file))
        self.profile_button.setText(with_shortcut(self.tr("Organisation and people…"), profile))
        for button, action in zip((self.start, self.import_button, self.profile_button), self._actions, strict=True):
            button.setEnabled(action.isEnabled())
            button.setToolTip(action.statusTip())

    @classmethod
    def place(cls, split: QSplitter, centre: QWidget, incidents: IncidentList, actions: WindowActions) -> EmptyState:
        """Put the guide beside `centre` in a stack that takes its place in `split`, shown while
        `incidents` lists nothing."""
        guide = cls(actions.new_incident, actions.import_file, actions.profile)
        stack = QStackedWidget()
        stack.setObjectName("centreStack")
        split.replaceWidget(split.indexOf(centre), stack)  # keeps the splitter's sizes
        stack.addWidget(centre)
        stack.addWidget(guide)
        guide._stack, guide._centre = stack, centre
        incidents.incidents_shown.connect(guide.follow)
        guide.follow(incidents.incident_count())
        return guide

    @property
    def showing(self) -> bool:
        """Whether the guide is what the centre shows (rather than the editor)."""
        return self._stack is not None and self._stack.currentWidget() is self

    def follow(self, count: int) -> None:
        """The incident list now holds `count` incidents: the guide while it is none, else the editor."""
        if self._stack is None or self._centre is None:
            return
        empty = count == 0
        if empty == self.showing:
            return
        self._stack.setCurrentWidget(self if empty else self._centre)
        focus = QApplication.focusWidget()
        if empty and (focus is None or focus.window() is self.window()):
            # Nothing in this window to work on but starting (a dialog keeps its focus).
            self.start.setFocus(Qt.FocusReason.OtherFocusReason)
