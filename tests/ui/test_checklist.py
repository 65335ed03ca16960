# SPDX-License-Identifier: GPL-3.0-or-later
"""The checklist dock in the real window: live verdicts, evidence, fixes, the publish gate."""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtCore import Qt

from composer.core.checks import Verdict
from composer.core.model import Organisation, Person, utc_now
from composer.core.promises import PromiseState
from composer.ui.publish_gate import MIN_REASON_LENGTH, OverrideDialog

GOOD = (
    "We are sorry: since this morning you cannot send email. A change we made went wrong.\n\n"
    "Next update within 30 minutes. Call us on +34 930 000 000 or write to support@example.net.\n\n"
    "Marta Vidal, Head of Support"
)


def _start(window, qtbot, prompter):
    prompter.answers.append("Email delivery delayed")
    window.menu_actions.new_incident.trigger()


def _row(window, rule):
    return window.checklist.rows[rule]


def test_rows_follow_typing(make_window, qtbot, prompter):
    window = make_window()
    _start(window, qtbot, prompter)
    qtbot.waitUntil(lambda: _row(window, "sign-your-name").finding is not None, timeout=10_000)
    assert _row(window, "sign-your-name").finding.verdict is Verdict.FAIL
    for number, line in enumerate(GOOD.split("\n")):  # QTest cannot type "\n": press Return
        if number:
            qtbot.keyClick(window.editor.body, Qt.Key.Key_Return)
        qtbot.keyClicks(window.editor.body, line)
    qtbot.waitUntil(lambda: _row(window, "sign-your-name").finding.verdict is Verdict.PASS, timeout=10_000)
    assert all(row.finding.verdict is not Verdict.FAIL for row in window.checklist.rows.values())
    assert "pass" in window.checklist.summary.text().lower() or "met" in window.checklist.summary.text()


def test_clicking_a_row_highlights_its_evidence(make_window, qtbot, prompter):
    window = make_window()
    _start(window, qtbot, prompter)
    window.editor.body.setPlainText("Since 14:30 the site is down. Sorry.\n\nThe Support Team")
    window.live_checks.run_now()
    row = _row(window, "times-have-zone")
    assert row.finding.verdict is Verdict.FAIL
    row.clicked.emit("times-have-zone")
    selections = window.editor.body.extraSelections()
    assert len(selections) == 1
    assert selections[0].cursor.selectedText() == "14:30"


def test_fix_signs_with_the_roster_and_adds_contact_details(make_window, qtbot, prompter):
    window = make_window()
    window.store.save_person(Person("Marta Vidal", "Head of Support", "marta@example.net"))
    window.store.save_organisation(Organisation(name="Example Hosting", phone="+34 930 000 000"))
    window.check_config = window._load_check_config()
    _start(window, qtbot, prompter)
    window.editor.body.setPlainText("We are sorry: you cannot send email right now.\n\nThe Support Team")
    window.live_checks.run_now()
    assert window.checklist.fix_for("sign-your-name") is not None
    window.checklist.rows["sign-your-name"].fix.click()
    assert window.editor.body.toPlainText().endswith("Marta Vidal, Head of Support")
    assert _row(window, "sign-your-name").finding.verdict is Verdict.PASS
    window.checklist.rows["give-contact-info"].fix.click()
    assert "+34 930 000 000" in window.editor.body.toPlainText()
    assert _row(window, "give-contact-info").finding.verdict is Verdict.PASS
    window.editor.body.undo()  # a fix is one undo step
    assert "+34 930 000 000" not in window.editor.body.toPlainText()


def test_failing_checks_gate_publishing_until_a_reason_is_given(make_window, qtbot, prompter, monkeypatch):
    window = make_window()
    _start(window, qtbot, prompter)
    window.editor.body.setPlainText("Something is broken.")
    asked = []
    monkeypatch.setattr(OverrideDialog, "ask", classmethod(lambda cls, failures, parent=None: asked.append(failures)))
    assert not window.mark_published()  # backed out: nothing recorded
    update = window.editor.current_update
    assert window.store.update(update.id).publications == []
    assert {f.rule for f in asked[0]} >= {"sign-your-name", "give-contact-info"}

    monkeypatch.setattr(
        OverrideDialog, "ask", classmethod(lambda cls, failures, parent=None: "Posted by phone to the press desk")
    )
    assert window.mark_published()
    events = window.store.events(update.id)
    override = next(e for e in events if e.kind == "override")
    assert override.detail["reason"] == "Posted by phone to the press desk"
    assert "sign-your-name" in override.detail["rules"]
    assert window.store.update(update.id).publications[0].channel == "manual"


def test_override_dialog_needs_a_real_reason(qtbot):
    from composer.core.checks import Finding

    dialog = OverrideDialog([Finding("sign-your-name", Verdict.FAIL, "Unsigned")])
    qtbot.addWidget(dialog)
    assert not dialog.publish.isEnabled()
    dialog.reason.setPlainText("x" * (MIN_REASON_LENGTH - 1))
    assert not dialog.publish.isEnabled()
    dialog.reason.setPlainText("Legal asked us to hold the names")
    assert dialog.publish.isEnabled()


def test_a_clean_update_publishes_without_asking(make_window, qtbot, prompter, monkeypatch):
    window = make_window()
    _start(window, qtbot, prompter)
    window.editor.body.setPlainText(GOOD)
    monkeypatch.setattr(OverrideDialog, "ask", classmethod(lambda cls, failures, parent=None: 1 / 0))
    assert window.mark_published()


def test_promise_due_soon_warns_once(make_window, qtbot, prompter, monkeypatch):
    window = make_window()
    _start(window, qtbot, prompter)
    window.editor.body.setPlainText(GOOD)
    window.editor.has_next.setChecked(True)
    window.editor.next_update.setDateTime(window.editor.next_update.dateTime().addSecs(-25 * 60))  # ~5 min left
    assert window.mark_published()
    window.promise_watch.refresh()
    incident_id = window.store.incidents()[0].id
    assert window.promise_watch.states[incident_id].state is PromiseState.DUE_SOON
    assert len(window.notifier.sent) == 1
    assert "due at" in window.notifier.sent[0][1]
    window.promise_watch.refresh()
    assert len(window.notifier.sent) == 1  # once per promise
    assert "Next update due in" in window.status_panel.countdown.text()
    assert utc_now() < window.promise_watch.states[incident_id].deadline < utc_now() + timedelta(minutes=10)
