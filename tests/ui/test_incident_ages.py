# SPDX-License-Identifier: GPL-3.0-or-later
"""The incident list's ages move on by themselves, without asking the store."""

from __future__ import annotations

from datetime import timedelta

from composer.core.listing import IncidentSummary
from composer.core.model import Incident, utc_now
from composer.ui import incident_list
from composer.ui.incident_list import AGE_TICK_MS, IncidentList


def test_ages_tick_on_a_timer(qtbot, monkeypatch):
    start = utc_now()
    monkeypatch.setattr(incident_list, "utc_now", lambda: start)
    widget = IncidentList()
    qtbot.addWidget(widget)
    incident = Incident(id=7, title="Email delivery delayed", started_at=start - timedelta(minutes=4))
    widget.show_summaries([IncidentSummary(incident)], 7)
    assert widget.incident_text(7).endswith("4 min")
    assert widget.age_timer.isActive() and widget.age_timer.interval() == AGE_TICK_MS <= 60_000

    monkeypatch.setattr(incident_list, "utc_now", lambda: start + timedelta(minutes=3))
    widget.age_timer.setInterval(20)  # the 30 s tick, quickened
    qtbot.waitUntil(lambda: widget.incident_text(7).endswith("7 min"), timeout=5_000)
    assert widget.incident_text(7).startswith("Email delivery delayed")
    assert widget.current_incident_id() == 7  # the selection is untouched


def test_the_window_ticks_without_store_queries(make_window, prompter, monkeypatch):
    window = make_window()
    prompter.answers.append("Email delivery delayed")
    window.menu_actions.new_incident.trigger()
    calls: list[str] = []
    for name in ("incidents", "incident", "updates", "latest_update", "update"):
        original = getattr(window.store, name)
        monkeypatch.setattr(window.store, name, lambda *a, _n=name, _o=original, **k: calls.append(_n) or _o(*a, **k))
    later = utc_now() + timedelta(minutes=5)
    monkeypatch.setattr(incident_list, "utc_now", lambda: later)
    window.incident_list.tick_ages()
    assert window.incident_list.incident_text(window.incident.id).endswith("5 min")
    assert calls == []
