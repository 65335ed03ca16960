# SPDX-License-Identifier: GPL-3.0-or-later
"""A new incident asks when customers first noticed: the checklist's lateness runs from there."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from PySide6.QtCore import QDateTime
from PySide6.QtWidgets import QDateTimeEdit, QDialog, QLineEdit

from composer.core.checks import Verdict, run_checks
from composer.core.model import utc_now
from composer.ui.interaction import Prompter
from composer.ui.new_incident_dialog import LONG_AGO, NewIncident, NewIncidentDialog, as_new_incident
from composer.ui.update_editor import DEFAULT_CADENCE


@pytest.fixture
def dialog(qtbot):
    widget = NewIncidentDialog()
    qtbot.addWidget(widget)
    widget.show()
    return widget


def _set_started(dialog, when: datetime) -> None:
    dialog.started.setDateTime(QDateTime.fromSecsSinceEpoch(int(when.timestamp())))


def _type_started(qtbot, dialog, digits: str) -> None:
    """As a user does: click the year, type the digits (each section moves on when full)."""
    dialog.started.setFocus()
    dialog.started.setSelectedSection(QDateTimeEdit.Section.YearSection)
    qtbot.keyClicks(dialog.started, digits)


# The dialog


def test_the_start_defaults_to_now_and_is_editable(dialog):
    assert abs(dialog.started_at() - utc_now()) < timedelta(minutes=1)
    assert dialog.started_at().tzinfo is UTC
    assert dialog.started.calendarPopup()
    assert not dialog.started.isReadOnly() and dialog.started.isEnabled()
    assert not dialog.problem.isVisible()


def test_ok_waits_for_a_title(dialog, qtbot):
    assert not dialog.ok.isEnabled()
    qtbot.keyClicks(dialog.title, "   ")
    assert not dialog.ok.isEnabled()
    qtbot.keyClicks(dialog.title, "Checkout down")
    assert dialog.ok.isEnabled()
    dialog.title.clear()
    assert not dialog.ok.isEnabled()


def test_a_future_start_is_refused_inline(dialog, qtbot):
    qtbot.keyClicks(dialog.title, "Checkout down")
    _type_started(qtbot, dialog, f"{utc_now().year + 1}01011000")
    assert not dialog.ok.isEnabled()
    assert dialog.problem.isVisible() and "future" in dialog.problem.text()
    dialog.accept()  # Return cannot get past it either
    assert dialog.result() != QDialog.DialogCode.Accepted and dialog.isVisible()

    _set_started(dialog, utc_now() - timedelta(minutes=5))
    assert dialog.ok.isEnabled()
    assert not dialog.problem.isVisible()


def test_a_start_long_ago_is_allowed_with_a_note(dialog, qtbot):
    qtbot.keyClicks(dialog.title, "Checkout down")
    _set_started(dialog, utc_now() - timedelta(days=40))
    assert dialog.ok.isEnabled()
    assert dialog.problem.isVisible() and f"{LONG_AGO.days} days" in dialog.problem.text()


def test_a_typed_local_time_comes_back_in_utc(dialog, qtbot):
    qtbot.keyClicks(dialog.title, "  Checkout down ")
    _type_started(qtbot, dialog, "202403050930")
    assert dialog.started.findChild(QLineEdit).text() == "2024-03-05 09:30"
    dialog.own_site_down.setChecked(True)
    answer = dialog.answer()
    expected = datetime(2024, 3, 5, 9, 30).astimezone().astimezone(UTC)  # 09:30 in this machine's zone
    assert answer == NewIncident("Checkout down", expected, own_site_down=True, own_email_down=False)
    assert answer.started_at.tzinfo is UTC


def test_ask_returns_the_answers_or_none(qtbot, monkeypatch):
    def accepted(self):
        self.title.setText("Checkout down")
        self.own_email_down.setChecked(True)
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(NewIncidentDialog, "exec", accepted)
    answer = NewIncidentDialog.ask(None, "New incident")
    assert answer is not None and answer.title == "Checkout down" and answer.own_email_down
    assert abs(answer.started_at - utc_now()) < timedelta(minutes=1)

    monkeypatch.setattr(NewIncidentDialog, "exec", lambda self: QDialog.DialogCode.Rejected)
    assert NewIncidentDialog.ask(None, "New incident") is None


def test_the_real_prompter_asks_with_the_dialog(monkeypatch):
    asked = []
    monkeypatch.setattr(
        NewIncidentDialog, "ask", classmethod(lambda cls, parent, title: asked.append(title) or "answer")
    )
    assert Prompter().ask_new_incident("New incident") == "answer"
    assert asked == ["New incident"]

    class TitleOnly(Prompter):  # scripted through ask_text alone, as older drivers are
        def ask_text(self, title, label, default=""):
            return "Email delivery delayed"

    answer = TitleOnly().ask_new_incident("New incident")
    assert answer.title == "Email delivery delayed"
    assert abs(answer.started_at - utc_now()) < timedelta(minutes=1)


def test_scripted_answers():
    now = datetime(2024, 3, 5, 9, 30, tzinfo=UTC)
    earlier = now - timedelta(minutes=40)
    assert as_new_incident("  Checkout down ", now) == NewIncident("Checkout down", now)
    assert as_new_incident("   ", now) is None
    assert as_new_incident(None, now) is None
    assert as_new_incident({"title": "Checkout down", "started_at": earlier.astimezone()}, now) == NewIncident(
        "Checkout down", earlier
    )
    assert as_new_incident({"title": "X", "own_site_down": True}, now) == NewIncident("X", now, own_site_down=True)
    given = NewIncident("Checkout down", earlier, own_email_down=True)
    assert as_new_incident(given, now) == given
    with pytest.raises(TypeError):
        as_new_incident(42, now)


# The window


def _timely(window):
    draft = window.current_draft()
    return next(f for f in run_checks(draft) if f.rule == "be-timely"), draft


def test_first_update_lateness_runs_from_the_start_given(make_window, prompter):
    window = make_window()
    started = utc_now() - timedelta(minutes=40)
    prompter.answers.append({"title": "Checkout down", "started_at": started})
    window.menu_actions.new_incident.trigger()

    finding, draft = _timely(window)
    assert draft.started == started
    assert finding.verdict is Verdict.FAIL
    assert "The first update goes out 40 minutes after the start" in finding.message
    window.live_checks.run_now()  # what the checklist shows
    shown = window.checklist.rows["be-timely"].finding
    assert shown.verdict is Verdict.FAIL and "40 minutes after the start" in shown.message

    # The promise runs from now, not from the start.
    update = window.editor.current_update
    assert abs(update.next_update_at - (utc_now() + DEFAULT_CADENCE)) < timedelta(minutes=1)


def test_a_start_twenty_minutes_ago_warns(make_window, prompter):
    window = make_window()
    prompter.answers.append({"title": "Checkout down", "started_at": utc_now() - timedelta(minutes=20)})
    window.menu_actions.new_incident.trigger()
    finding, _ = _timely(window)
    assert "The first update goes out 20 minutes after the start" in finding.message


def test_a_plain_title_starts_now(make_window, prompter):
    window = make_window()
    prompter.answers.append("Email delivery delayed")
    window.menu_actions.new_incident.trigger()
    finding, draft = _timely(window)
    assert abs(draft.started - utc_now()) < timedelta(minutes=1)
    assert "after the start" not in finding.message


def test_the_list_and_form_show_the_start_given(make_window, prompter):
    window = make_window()
    started = utc_now() - timedelta(minutes=40)
    prompter.answers.append(NewIncident("Checkout down", started, own_site_down=True))
    window.menu_actions.new_incident.trigger()

    assert window.incident_list.incident_text(window.incident_list.current_incident_id()).startswith("Checkout down")
    assert window.incident_list.incident_text(window.incident_list.current_incident_id()).endswith(" 40 min")
    assert window.form.title.text() == "Checkout down"
    assert window.form.started.dateTime().toSecsSinceEpoch() == int(started.timestamp())
    assert window.form.own_site_down.isChecked() and not window.form.own_email_down.isChecked()
    incident = window.store.incidents()[0]
    assert incident.started_at == started and incident.own_site_down


def test_cancelling_creates_nothing(make_window, prompter):
    window = make_window()
    prompter.answers.append(None)
    window.menu_actions.new_incident.trigger()
    assert window.store.incidents() == []
    assert window.incident_list.incident_count() == 0
