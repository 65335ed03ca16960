# SPDX-License-Identifier: GPL-3.0-or-later
"""The template dialog opens on the stage that follows the incident's last published one."""

from __future__ import annotations

import pytest

from composer.core.lifecycle import next_stage
from composer.core.model import Event, Incident, Publication, Status, Update, utc_now
from composer.ui.template_dialog import TemplateDialog


def _published(status: Status, stage: str | None = None) -> Update:
    extra = {"template": {"stage": stage, "values": {}}} if stage else {}
    return Update(
        incident_id=1, status=status, extra=extra, publications=[Publication(channel="manual", published_at=utc_now())]
    )


@pytest.mark.parametrize(
    ("last", "expected"),
    [
        (_published(Status.INVESTIGATING), "identified"),
        (_published(Status.IDENTIFIED), "monitoring"),
        (_published(Status.MONITORING), "resolved"),
        (_published(Status.RESOLVED), "postmortem"),
        (_published(Status.RESOLVED, "postmortem"), "postmortem"),
        (_published(Status.RESOLVED, "apology"), "postmortem"),
        (_published(Status.SCHEDULED), "maintenance-in-progress"),
        (_published(Status.IN_PROGRESS), "maintenance-completed"),
        (_published(Status.COMPLETED), "maintenance-completed"),
    ],
)
def test_the_stage_after_the_last_published(last, expected):
    draft = Update(incident_id=1, status=Status.RESOLVED)  # a later draft, not published, does not count
    assert next_stage(Incident(title="x", status=last.status), [last, draft]) == expected


def test_nothing_published_starts_at_the_first_stage():
    assert next_stage(Incident(title="x"), [Update(incident_id=1, status=Status.MONITORING)]) == "investigating"
    maintenance = Incident(title="x", status=Status.SCHEDULED)
    assert next_stage(maintenance, [Update(incident_id=1, status=Status.SCHEDULED)]) == "maintenance-scheduled"


def test_the_window_opens_the_dialog_on_the_next_stage(make_window, prompter, monkeypatch):
    asked: list[str] = []
    monkeypatch.setattr(
        TemplateDialog, "ask", classmethod(lambda cls, lib, pre, lang, stage, parent: asked.append(stage))
    )
    window = make_window()
    prompter.answers.append("Email delivery delayed")
    window.menu_actions.new_incident.trigger()
    window.menu_actions.template.trigger()
    assert asked == ["investigating"]  # not "Alternate contact page"
    update = window.editor.current_update
    window.store.add_publication(update.id, Publication(channel="manual", published_at=utc_now()))
    window.store.add_event(Event(update.id, "published", {"channel": "manual"}))
    window.show_incident(window.incident.id)
    window.menu_actions.template.trigger()
    assert asked[-1] == "identified"
