# SPDX-License-Identifier: GPL-3.0-or-later
"""The first window guides: an empty state that says how to start, a checklist that wraps its
text and keeps its marks in view, and incident ages that move with the status bar's."""

from __future__ import annotations

from datetime import timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence

from composer.core.checks.base import Finding, Fix, Verdict
from composer.core.listing import IncidentSummary
from composer.core.model import Incident, Organisation, Person, Update, utc_now
from composer.core.store import Store
from composer.ui import incident_list, status_panel
from composer.ui.checklist_panel import ChecklistPanel, breakable
from composer.ui.incident_list import AGE_MARGIN_MS, AGE_TICK_MS, IncidentList, ms_to_next_age

NATIVE = QKeySequence.SequenceFormat.NativeText


def _keys(action) -> str:
    return action.shortcut().toString(NATIVE)


# -- the empty state ---------------------------------------------------------------


def test_an_empty_data_folder_shows_how_to_start(make_window):
    window = make_window()
    guide = window.empty_state
    assert guide.showing and guide.isVisible()
    assert not window.editor.isVisible() and not window.form.isVisible()  # no disabled editor
    assert guide.heading.text() == "No incident yet"
    actions = window.menu_actions
    assert _keys(actions.new_incident) and _keys(actions.import_file)  # Ctrl+N, Ctrl+O on Linux
    assert guide.start.text() == f"Start an incident — {_keys(actions.new_incident)}"
    assert guide.import_button.text().endswith(f"— {_keys(actions.import_file)}")
    assert "Markdown" in guide.import_hint.text()
    assert guide.profile_button.text().startswith("Organisation and people")
    assert "organisation" in guide.profile_hint.text() and "people" in guide.profile_hint.text()
    assert window.focusWidget() is guide.start  # Enter or Space starts an incident


def test_the_texts_follow_the_actions_shortcuts(make_window):
    window = make_window()
    actions, guide = window.menu_actions, window.empty_state
    actions.new_incident.setShortcut(QKeySequence("Ctrl+Alt+I"))
    actions.profile.setShortcut(QKeySequence("Ctrl+Alt+P"))
    assert guide.start.text() == f"Start an incident — {QKeySequence('Ctrl+Alt+I').toString(NATIVE)}"
    assert guide.profile_button.text().endswith(QKeySequence("Ctrl+Alt+P").toString(NATIVE))
    actions.import_file.setEnabled(False)
    assert not guide.import_button.isEnabled()


def test_start_creates_an_incident_and_the_guide_gives_way_to_the_editor(make_window, prompter, qtbot):
    window = make_window()
    prompter.answers.append("Email delivery delayed")
    assert window.focusWidget() is window.empty_state.start
    qtbot.keyClick(window.empty_state.start, Qt.Key.Key_Return)  # as a click: the guide's one default
    assert window.incident is not None and window.incident.title == "Email delivery delayed"
    assert not window.empty_state.showing and not window.empty_state.isVisible()
    assert window.editor.isVisible() and window.form.isVisible()
    assert window.editor.isEnabled()


def test_the_other_buttons_trigger_their_actions(make_window, prompter, qtbot):
    window = make_window()
    guide, actions = window.empty_state, window.menu_actions
    prompter.answers.append(None)  # the import's file dialog, cancelled
    imported: list[bool] = []
    actions.import_file.triggered.connect(lambda *_: imported.append(True))
    guide.import_button.click()
    assert imported == [True] and not prompter.answers
    actions.profile.triggered.disconnect()  # the real slot opens a modal dialog
    profiled: list[bool] = []
    actions.profile.triggered.connect(lambda *_: profiled.append(True))
    guide.profile_button.click()
    assert profiled == [True]
    assert guide.showing  # nothing was made


def test_the_guide_returns_when_every_incident_is_gone(make_window, prompter):
    window = make_window()
    prompter.answers.append("Email delivery delayed")
    window.menu_actions.new_incident.trigger()
    assert not window.empty_state.showing
    window.editor.body.setFocus()
    window.store.delete_incident(window.incident.id)
    window.reload(select=None)
    assert window.empty_state.showing and window.empty_state.isVisible()
    assert not window.editor.isVisible()
    assert window.focusWidget() is window.empty_state.start  # not lost in the hidden editor


def test_a_window_with_incidents_shows_the_editor(make_window, home):
    store, _ = Store.open(home / "composer.db")
    incident = store.add_incident(Incident(title="Scheduled maintenance"))
    store.add_update(Update(incident_id=incident.id))
    store.close()
    window = make_window()
    assert not window.empty_state.showing and not window.empty_state.isVisible()
    assert window.editor.isVisible() and window.incident.title == "Scheduled maintenance"


# -- the checklist panel -----------------------------------------------------------

RULES = [(f"rule-{n}", f"A rule with a fairly long title, number {n}") for n in range(10)]
UNBROKEN = (
    "Internal details (db-master-01.eu-west-1.internal.corp.example.net, "
    'File "/usr/lib/python3/dist-packages/relay/smtp_queue_manager.py", line 12, '
    "a3f9c0d2e4b6a8c0d2e4f6a8b0c2d4e6f8a0b2c4) mean nothing to customers."
)


def _findings(fixed: frozenset[str] = frozenset()) -> list[Finding]:
    return [
        Finding(rule, Verdict.FAIL, UNBROKEN, fix=None if rule in fixed else Fix("Fix it", 0, 0, "x"))
        for rule, _title in RULES
    ]


@pytest.fixture
def narrow_panel(qtbot):
    panel = ChecklistPanel(RULES)
    qtbot.addWidget(panel)
    panel.resize(230, 420)  # about the panel's narrowest
    panel.show()
    qtbot.waitExposed(panel)
    panel.show_findings(_findings())
    qtbot.wait(20)
    return panel


def _within_viewport(panel: ChecklistPanel) -> None:
    area = panel.rows_area
    bar = area.horizontalScrollBar()
    assert not bar.isVisible() and bar.maximum() == 0 and bar.value() == 0
    width = area.viewport().width()
    inner = area.widget()
    assert inner is not None and inner.width() <= width
    for row in panel.rows.values():
        left = row.mapTo(area.viewport(), row.rect().topLeft()).x()
        assert left >= 0 and left + row.width() <= width, row.rule_id
        assert row.message.geometry().right() <= row.width()


def test_long_unbroken_messages_wrap_in_a_narrow_panel(narrow_panel):
    _within_viewport(narrow_panel)
    row = narrow_panel.rows["rule-0"]
    assert row.message.height() > row.message.fontMetrics().height() * 3  # wrapped onto lines


def test_a_fix_scrolls_nothing_sideways_and_keeps_the_marks_in_view(narrow_panel, qtbot):
    area = narrow_panel.rows_area
    row = narrow_panel.rows["rule-5"]
    area.ensureWidgetVisible(row.fix)
    area.horizontalScrollBar().setValue(40)  # nowhere to go: the rows are exactly as wide as the view
    qtbot.wait(10)
    position = area.verticalScrollBar().value()
    row.fix.setFocus()
    row.fix.click()
    narrow_panel.show_findings(_findings(frozenset({"rule-5"})))  # what the window does after a fix
    qtbot.wait(50)
    _within_viewport(narrow_panel)
    assert area.verticalScrollBar().value() == position
    badge = row.badge.mapTo(area.viewport(), row.badge.rect().topLeft())
    assert badge.x() >= 0 and 0 <= badge.y() < area.viewport().height()  # the ✘ is on screen
    assert row.badge.text() and "✘" in row.badge.text()


def test_messages_get_break_points_only_in_long_runs():
    prose = "Neither apologises nor takes responsibility: internationalization, organisation's words."
    assert breakable(prose) == prose
    broken = breakable(UNBROKEN)
    assert broken.replace("\u200b", "") == UNBROKEN  # invisible: the text reads the same
    assert all(len(run) <= 20 for word in broken.split() for run in word.split("\u200b"))


def test_a_message_is_shown_as_typed(qtbot):
    panel = ChecklistPanel(RULES[:1])
    qtbot.addWidget(panel)
    panel.show_findings([Finding("rule-0", Verdict.WARN, "Remove <b>this</b>")])
    assert panel.rows["rule-0"].message.textFormat() is Qt.TextFormat.PlainText


def test_the_window_checklist_keeps_its_marks_after_a_fix(make_window, prompter, qtbot):
    window = make_window()
    window.store.save_person(Person("Marta Vidal", "Head of Support", "marta@example.net"))
    window.store.save_organisation(Organisation(name="Example Hosting", phone="+34 930 000 000"))
    window.check_config = window._load_check_config()
    prompter.answers.append("Email delivery delayed")
    window.menu_actions.new_incident.trigger()
    window.resizeDocks([window.checklist_dock], [230], Qt.Orientation.Horizontal)
    window.editor.body.setPlainText(
        "Since 14:30 db-master-01.eu-west-1.internal.corp.example.net refuses mail (ConnectionRefusedError at "
        '"/usr/lib/python3/dist-packages/relay/smtp_queue_manager.py"). We are sorry.\n\nThe Support Team'
    )
    window.live_checks.run_now()
    qtbot.wait(50)
    _within_viewport(window.checklist)
    window.checklist.rows["sign-your-name"].fix.click()
    qtbot.wait(50)
    assert window.checklist.rows["sign-your-name"].finding.verdict is Verdict.PASS
    _within_viewport(window.checklist)


# -- incident ages -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("age", "ms"),
    [
        (timedelta(seconds=59.5), 500),  # "59 s" → "1 min"
        (timedelta(minutes=4, seconds=20), 40_000),  # "4 min" → "5 min"
        (timedelta(hours=3, minutes=5, seconds=10), 50_000),  # "3 h 05 min" → "3 h 06 min"
        (timedelta(days=2, hours=4, minutes=30), 30 * 60_000),  # "2 d 4 h" → "2 d 5 h"
        (-timedelta(minutes=4, seconds=20), 20_000),  # starts in "4 min" → "3 min"
    ],
)
def test_the_wait_until_an_age_reads_differently(age, ms):
    assert ms_to_next_age(age) == ms


def _frozen(monkeypatch, when):
    monkeypatch.setattr(incident_list, "utc_now", lambda: when)
    monkeypatch.setattr(status_panel, "utc_now", lambda: when)


def test_ages_tick_without_sleeping(qtbot, monkeypatch):
    start = utc_now()
    _frozen(monkeypatch, start)
    widget = IncidentList()
    qtbot.addWidget(widget)
    incident = Incident(id=3, title="Email delivery delayed", started_at=start - timedelta(minutes=4, seconds=50))
    widget.show_summaries([IncidentSummary(incident)], 3)
    assert widget.incident_text(3).endswith("4 min")
    # The next tick is due when "4 min" becomes "5 min", not up to 30 s later.
    assert widget.age_timer.isActive() and widget.age_timer.interval() == 10_000 + AGE_MARGIN_MS

    _frozen(monkeypatch, start + timedelta(minutes=2, seconds=20))  # the clock moves on: 7 min 10 s
    widget.tick_ages()  # what the timer calls
    assert widget.incident_text(3).endswith("7 min")
    assert widget.age_timer.interval() == AGE_TICK_MS  # the next change is 50 s away: the 30 s cap
    assert widget.current_incident_id() == 3


def test_the_list_and_the_status_bar_agree(make_window, prompter, monkeypatch):
    window = make_window()
    prompter.answers.append("Email delivery delayed")
    window.menu_actions.new_incident.trigger()
    started = window.incident.started_at
    assert window.incident_list.age_timer.interval() <= 1_000 + AGE_MARGIN_MS  # "12 s" moves each second
    for later in (timedelta(minutes=4, seconds=1), timedelta(minutes=7, seconds=59), timedelta(minutes=8)):
        _frozen(monkeypatch, started + later)
        window.status_panel.tick()
        window.incident_list.tick_ages()
        shown = window.incident_list.incident_text(window.incident.id).rsplit(" · ", 1)[1]
        assert window.status_panel.elapsed.text() == f"Started {shown} ago"
