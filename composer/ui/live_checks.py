# SPDX-License-Identifier: GPL-3.0-or-later
"""Runs the checklist shortly after typing stops and shows the result in the panel."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtGui import QColor, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import QPlainTextEdit, QTextEdit

from composer.core.checks import Draft, Finding, Verdict, run_checks
from composer.ui.checklist_panel import ChecklistPanel, verdict_color

CHECK_DELAY_MS = 200


class LiveChecks(QObject):
    """Keeps `findings` current for the draft that `draft_source()` describes."""

    checked = Signal(list)

    def __init__(
        self,
        panel: ChecklistPanel,
        body: QPlainTextEdit,
        draft_source: Callable[[], Draft | None],
        parent: QObject | None = None,
    ):
        super().__init__(parent)
        self.panel = panel
        self.body = body
        self._draft_source = draft_source
        self.findings: list[Finding] = []
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.run_now)
        panel.evidence_requested.connect(self.highlight)
        panel.fix_requested.connect(self.apply_fix)

    def schedule(self) -> None:
        """Called on every edit; the check runs once typing pauses."""
        self._timer.start(CHECK_DELAY_MS)

    def run_now(self) -> list[Finding]:
        self._timer.stop()
        draft = self._draft_source()
        if draft is None:
            self.findings = []
            self.panel.clear(self.tr("No update selected"))
        else:
            self.findings = run_checks(draft)
            self.panel.show_findings(self.findings)
        self.checked.emit(self.findings)
        return self.findings

    def failures(self) -> list[Finding]:
        return [f for f in self.run_now() if f.verdict is Verdict.FAIL]

    def highlight(self, spans: tuple[tuple[int, int], ...]) -> None:
        """Mark the evidence in the editor and bring the first piece into view."""
        selections = []
        color = QColor(verdict_color(Verdict.WARN, self.body.palette()))
        color.setAlpha(90)
        length = len(self.body.toPlainText())
        for start, end in spans:
            if end > length:
                continue
            selection = QTextEdit.ExtraSelection()
            fmt = QTextCharFormat()
            fmt.setBackground(color)
            selection.format = fmt
            cursor = QTextCursor(self.body.document())
            cursor.setPosition(start)
            cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
            selection.cursor = cursor
            selections.append(selection)
        self.body.setExtraSelections(selections)
        if selections:
            cursor = QTextCursor(self.body.document())
            cursor.setPosition(spans[0][0])
            self.body.setTextCursor(cursor)
            self.body.ensureCursorVisible()

    def apply_fix(self, rule_id: str) -> None:
        """Re-check first (offsets must match the text as it is now), then edit as one undo step."""
        fix = next((f.fix for f in self.run_now() if f.rule == rule_id and f.fix is not None), None)
        if fix is None:
            return
        cursor = QTextCursor(self.body.document())
        cursor.beginEditBlock()
        cursor.setPosition(fix.start)
        cursor.setPosition(fix.end, QTextCursor.MoveMode.KeepAnchor)
        cursor.insertText(fix.text)
        cursor.endEditBlock()
        self.body.setExtraSelections([])
        self.run_now()
