# SPDX-License-Identifier: GPL-3.0-or-later
"""The checklist dock: one row per rule, coloured, with its message and a Fix button."""

from __future__ import annotations

import re

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor, QMouseEvent, QPalette
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
    """One rule: badge, title, message; click to see the evidence, Fix to mend it."""

    clicked = Signal(str)
    fix_clicked = Signal(str)

    def __init__(self, rule_id: str, title: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.rule_id = rule_id
        self.finding: Finding | None = None
        self.setObjectName(f"rule-{rule_id}")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.badge = QLabel("…")
        self.badge.setFixedWidth(18)
        self.title = QLabel(f"<b>{title}</b>")
        self.title.setWordWrap(True)
        self.message = QLabel()
        self.message.setTextFormat(Qt.TextFormat.PlainText)  # a message quoting "<b>" shows it as typed
        self.message.setWordWrap(True)
        self.setFocusPolicy(Qt.FocusPolicy.ClickFocus)  # takes the focus from a Fix that hides
        self.fix = QPushButton(self.tr("Fix"))
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
        self.badge.setText(f"<span style='color:{color}; font-weight:bold'>{_SYMBOL[finding.verdict]}</span>")
        self.message.setText(breakable(finding.message))
        self.setToolTip(f"{finding.rule}: {verdict_text(finding.verdict)}")
        self.setStyleSheet(f"#rule-{self.rule_id} {{ border-left: 4px solid {color}; }}")
        if finding.fix is None and self.fix.hasFocus():
            # Hiding the focused button would pass the focus on, and the scroll area would
            # scroll to wherever it lands: keep it on this row instead.
            self.setFocus(Qt.FocusReason.OtherFocusReason)
        self.fix.setVisible(finding.fix is not None)
        if finding.fix is not None:
            self.fix.setToolTip(finding.fix.label)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        self.clicked.emit(self.rule_id)
        super().mousePressEvent(event)


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
            row.badge.setText("·")
            row.message.setText("")
            row.fix.setVisible(False)
            row.setStyleSheet("")

    def _on_row_clicked(self, rule_id: str) -> None:
        finding = self.rows[rule_id].finding
        if finding is not None:
            self.evidence_requested.emit(finding.spans)

    def fix_for(self, rule_id: str) -> Fix | None:
        finding = self.rows[rule_id].finding
        return finding.fix if finding else None
