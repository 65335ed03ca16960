# SPDX-License-Identifier: GPL-3.0-or-later
"""The checklist dock: one row per rule, coloured, with its message and a Fix button.

Keyboard: each row is a Tab stop, its Fix button (when it has one) the next; Up and Down move
between rows. Enter or Space on a row does what a click does, marking the evidence in the text;
Enter or Space on a Fix applies it. A screen reader reads a row as its title and verdict, then
its message; the verdict is written out beside the title too, never left to the colour alone.
"""

from __future__ import annotations

import html
import re

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor, QFocusEvent, QKeyEvent, QMouseEvent, QPalette
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from composer.core.checks.base import Finding, Fix, Verdict
from composer.ui.vocabulary import verdict_text

_LIGHT = {Verdict.PASS: "#2e7d32", Verdict.WARN: "#b26a00", Verdict.FAIL: "#c62828"}
_DARK = {Verdict.PASS: "#81c784", Verdict.WARN: "#ffb74d", Verdict.FAIL: "#ff6b6b"}
_SYMBOL = {Verdict.PASS: "✔", Verdict.WARN: "!", Verdict.FAIL: "✘"}

_ZWSP = "\u200b"  # an invisible place where a line may break
_LONGEST = 20  # a run of this many characters or fewer is a word; longer ones may break
_CHUNK = 16  # what is left unbroken is cut every so many characters
_BREAK_AFTER = re.compile(r"([/\\.,:;=&?@_)\]-])(?=\w)")
_LONG_RUN = re.compile(rf"\S{{{_LONGEST + 1},}}")
_LONG_WORD = re.compile(rf"\w{{{_LONGEST + 1},}}")


def _cut(match: re.Match[str]) -> str:
    word = match.group()
    return _ZWSP.join(word[start : start + _CHUNK] for start in range(0, len(word), _CHUNK))


def _soften(match: re.Match[str]) -> str:
    return _LONG_WORD.sub(_cut, _BREAK_AFTER.sub(rf"\1{_ZWSP}", match.group()))


def breakable(text: str) -> str:
    """The text with invisible break points in its long runs (host names, paths, trace lines):
    a narrow panel then wraps them instead of growing wider than the dock. Words stay whole."""
    return _LONG_RUN.sub(_soften, text)


def verdict_color(verdict: Verdict, palette: QPalette) -> QColor:
    dark = palette.color(QPalette.ColorRole.Window).lightness() < 128
    return QColor((_DARK if dark else _LIGHT)[verdict])


class RuleRow(QFrame):
    """One rule: badge, title and verdict, message; click (or Enter, Space) to see the evidence,
    Fix to mend it."""

    clicked = Signal(str)
    fix_clicked = Signal(str)
    focused = Signal(object)  # this row: the panel scrolls it into view
    step = Signal(object, int)  # this row, -1 or +1: Up or Down was pressed on it

    def __init__(self, rule_id: str, title: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.rule_id = rule_id
        self.rule_title = title
        self.finding: Finding | None = None
        self.setObjectName(f"rule-{rule_id}")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.badge = QLabel("…")
        self.badge.setFixedWidth(18)
        self.title = QLabel(f"<b>{html.escape(title)}</b>")
        self.title.setWordWrap(True)
        self.message = QLabel()
        self.message.setTextFormat(Qt.TextFormat.PlainText)  # a message quoting "<b>" shows it as typed
        self.message.setWordWrap(True)
        # A Tab stop of its own (and it takes the focus from a Fix that hides).
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setAccessibleName(title)
        self.fix = QPushButton(self.tr("Fix"))
        self.fix.setObjectName(f"fix-{rule_id}")
        self.fix.setAutoDefault(True)  # Enter presses it, as Space does
        self.fix.setVisible(False)
        grid = QGridLayout(self)
        grid.setContentsMargins(6, 4, 6, 4)
        grid.addWidget(self.badge, 0, 0)
        grid.addWidget(self.title, 0, 1)
        grid.addWidget(self.fix, 0, 2)
        grid.addWidget(self.message, 1, 1, 1, 2)
        grid.setColumnStretch(1, 1)
        self.fix.clicked.connect(lambda: self.fix_clicked.emit(self.rule_id))

    def show_finding(self, finding: Finding) -> None:
        self.finding = finding
        color = verdict_color(finding.verdict, self.palette()).name()
        verdict = verdict_text(finding.verdict)
        self.badge.setText(f"<span style='color:{color}; font-weight:bold'>{_SYMBOL[finding.verdict]}</span>")
        self.title.setText(
            f"<b>{html.escape(self.rule_title)}</b> <span style='color:{color}'>· {html.escape(verdict)}</span>"
        )
        self.message.setText(breakable(finding.message))
        self.setToolTip(f"{finding.rule}: {verdict}")
        # Read out as "Sign your name: fails", then the message.
        name = self.tr("%1: %2", "a checklist row for a screen reader: the rule's title, then its verdict")
        self.setAccessibleName(name.replace("%1", self.rule_title).replace("%2", verdict))
        self.setAccessibleDescription(finding.message)
        self.setStyleSheet(f"#rule-{self.rule_id} {{ border-left: 4px solid {color}; }}")
        if finding.fix is None and self.fix.hasFocus():
            # Hiding the focused button would pass the focus on, and the scroll area would
            # scroll to wherever it lands: keep it on this row instead.
            self.setFocus(Qt.FocusReason.OtherFocusReason)
        self.fix.setVisible(finding.fix is not None)
        if finding.fix is not None:
            self.fix.setToolTip(finding.fix.label)
            self.fix.setAccessibleName(self.tr("Fix: %1").replace("%1", finding.fix.label))

    def clear(self) -> None:
        """Nothing known: no verdict, no message, no Fix."""
        self.badge.setText("·")
        self.title.setText(f"<b>{html.escape(self.rule_title)}</b>")
        self.message.setText("")
        self.setAccessibleName(self.rule_title)
        self.setAccessibleDescription("")
        if self.fix.hasFocus():
            self.setFocus(Qt.FocusReason.OtherFocusReason)
        self.fix.setVisible(False)
        self.setStyleSheet("")

    def mousePressEvent(self, event: QMouseEvent) -> None:
        self.clicked.emit(self.rule_id)
        super().mousePressEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space) and not event.modifiers():
            self.clicked.emit(self.rule_id)
        elif key in (Qt.Key.Key_Up, Qt.Key.Key_Down) and not event.modifiers():
            self.step.emit(self, -1 if key == Qt.Key.Key_Up else 1)
        else:
            super().keyPressEvent(event)

    def focusInEvent(self, event: QFocusEvent) -> None:
        super().focusInEvent(event)
        self.focused.emit(self)


class ChecklistPanel(QWidget):
    """Shows the latest findings. Emits what the user asks for; it changes no text itself."""

    evidence_requested = Signal(object)  # tuple of (start, end) spans
    fix_requested = Signal(str)  # rule id

    def __init__(self, rules: list[tuple[str, str]], parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("checklistPanel")
        self.summary = QLabel(self.tr("Checking…"))
        self.summary.setWordWrap(True)
        self.rows: dict[str, RuleRow] = {}
        inner = QWidget()
        # Exactly the viewport's width, whatever the rows would like: the text wraps and nothing
        # scrolls sideways, so the ✔/✘ marks at the left edge stay in view (after a Fix too).
        inner.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        rows_layout = QVBoxLayout(inner)
        rows_layout.setContentsMargins(0, 0, 0, 0)
        rows_layout.setSpacing(4)
        for rule_id, title in rules:
            row = RuleRow(rule_id, title)
            row.clicked.connect(self._on_row_clicked)
            row.fix_clicked.connect(self.fix_requested)
            row.focused.connect(self._scroll_to)
            row.step.connect(self._step)
            self.rows[rule_id] = row
            rows_layout.addWidget(row)
        rows_layout.addStretch(1)
        self.rows_area = QScrollArea()
        self.rows_area.setWidgetResizable(True)
        self.rows_area.setWidget(inner)
        self.rows_area.setFrameShape(QFrame.Shape.NoFrame)
        # The rows wrap their text to the dock's width: never a sideways scroll that clips it.
        self.rows_area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.rows_area.setObjectName("checklistRows")
        self.rows_area.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the rows are the Tab stops
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.summary)
        layout.addWidget(self.rows_area, 1)
        self.setMinimumWidth(220)

    def show_findings(self, findings: list[Finding]) -> None:
        """Update the rows where they are: the list keeps its scroll position (e.g. after a Fix)."""
        bar = self.rows_area.verticalScrollBar()
        position = bar.value()
        for finding in findings:
            row = self.rows.get(finding.rule)
            if row is not None:
                row.show_finding(finding)
        bar.setValue(position)
        self.rows_area.horizontalScrollBar().setValue(0)
        fails = sum(f.verdict is Verdict.FAIL for f in findings)
        warns = sum(f.verdict is Verdict.WARN for f in findings)
        # English has no catalogue: one of a count is its own message ("1 check fails").
        if fails == 1:
            text = self.tr("1 check fails, %1 to look at: publishing needs a reason") if warns else ""
            text = text or self.tr("1 check fails: publishing needs a reason")
        elif fails and warns:
            text = self.tr("%n checks fail, %1 to look at: publishing needs a reason", "", fails)
        elif fails:
            text = self.tr("%n checks fail: publishing needs a reason", "", fails)
        elif warns:
            text = self.tr("No check fails; %n to look at", "", warns)
        else:
            text = self.tr("All checks pass")
        worst = Verdict.FAIL if fails else Verdict.WARN if warns else Verdict.PASS
        color = verdict_color(worst, self.palette()).name()
        self.summary.setText(f"<b style='color:{color}'>{text.replace('%1', str(warns))}</b>")

    def clear(self, message: str) -> None:
        self.summary.setText(message)
        for row in self.rows.values():
            row.clear()

    def _on_row_clicked(self, rule_id: str) -> None:
        finding = self.rows[rule_id].finding
        if finding is not None:
            self.evidence_requested.emit(finding.spans)

    def tab_stops(self) -> list[QWidget]:
        """Each row, then its Fix (skipped by Tab while hidden)."""
        return [stop for row in self.rows.values() for stop in (row, row.fix)]

    def _scroll_to(self, row: RuleRow) -> None:
        self.rows_area.ensureWidgetVisible(row, 0, 4)

    def _step(self, row: RuleRow, direction: int) -> None:
        """Up or Down on a row: the focus goes to the row above or below (the last and the first stay)."""
        rows = [each for each in self.rows.values() if not each.isHidden()]
        index = rows.index(row) + direction
        if 0 <= index < len(rows):
            rows[index].setFocus(Qt.FocusReason.TabFocusReason if direction > 0 else Qt.FocusReason.BacktabFocusReason)

    def fix_for(self, rule_id: str) -> Fix | None:
        finding = self.rows[rule_id].finding
        return finding.fix if finding else None
