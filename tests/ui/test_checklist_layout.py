# SPDX-License-Identifier: GPL-3.0-or-later
"""The checklist panel wraps its text and keeps its place when a Fix changes the rows."""

from __future__ import annotations

from PySide6.QtWidgets import QScrollArea

from composer.core.checks.base import Finding, Fix, Verdict
from composer.ui.checklist_panel import ChecklistPanel

RULES = [(f"rule-{n}", f"A rule with a fairly long title, number {n}") for n in range(12)]
LONG = "This message is long enough to need several lines in a narrow dock, " * 4


def _findings(fixed: set[str] = frozenset()) -> list[Finding]:
    return [
        Finding(rule, Verdict.FAIL, LONG, fix=None if rule in fixed else Fix("Fix it", 0, 0, "x"))
        for rule, _title in RULES
    ]


def _scroll(panel: ChecklistPanel) -> QScrollArea:
    return panel.findChild(QScrollArea)


def _panel(qtbot) -> ChecklistPanel:
    panel = ChecklistPanel(RULES)
    qtbot.addWidget(panel)
    panel.resize(260, 400)
    panel.show()
    qtbot.waitExposed(panel)
    panel.show_findings(_findings())
    qtbot.wait(10)
    return panel


def test_messages_wrap_without_a_sideways_scroll(qtbot):
    panel = _panel(qtbot)
    assert not _scroll(panel).horizontalScrollBar().isVisible()
    inner = _scroll(panel).widget()
    assert inner.width() <= _scroll(panel).viewport().width()
    row = panel.rows["rule-0"]
    assert row.message.height() > row.message.fontMetrics().height() * 2  # wrapped onto lines


def test_a_fix_keeps_the_scroll_position_and_its_mark_in_view(qtbot):
    panel = _panel(qtbot)
    bar = _scroll(panel).verticalScrollBar()
    assert bar.maximum() > 0
    row = panel.rows["rule-6"]
    _scroll(panel).ensureWidgetVisible(row)
    qtbot.wait(10)
    position = bar.value()
    row.fix.setFocus()
    row.fix.click()
    panel.show_findings(_findings({"rule-6"}))  # what the window does after applying the fix
    qtbot.wait(50)
    assert bar.value() == position
    top = row.badge.mapTo(_scroll(panel).viewport(), row.badge.rect().topLeft()).y()
    assert 0 <= top < _scroll(panel).viewport().height()  # the ✓/✗ mark is still on screen
