# SPDX-License-Identifier: GPL-3.0-or-later
"""An incident's lifecycle as published: what comes next is decided by what went out, never by
a draft (a draft's status is only a proposal)."""

from __future__ import annotations

from composer.core.model import Incident, Status, Update
from composer.core.templates.render import STAGE_STATUS

# The stage that follows the last one published (a postmortem follows a resolution).
NEXT_STAGE = {
    "investigating": "identified",
    "identified": "monitoring",
    "monitoring": "resolved",
    "resolved": "postmortem",
    "postmortem": "postmortem",
    "maintenance-scheduled": "maintenance-in-progress",
    "maintenance-in-progress": "maintenance-completed",
    "maintenance-completed": "maintenance-completed",
}
_STATUS_STAGE = {
    "investigating": "investigating",
    "identified": "identified",
    "monitoring": "monitoring",
    "resolved": "resolved",
    "scheduled": "maintenance-scheduled",
    "in_progress": "maintenance-in-progress",
    "completed": "maintenance-completed",
    "postmortem": "postmortem",
}


def next_stage(incident: Incident, updates: list[Update]) -> str:
    """The stage after the incident's last published update; the first stage when none went out."""
    published = [u for u in updates if u.publications]
    if not published:
        return "maintenance-scheduled" if incident.status.is_maintenance else "investigating"
    last = published[-1]
    made_from = last.extra.get("template")
    stage = str(made_from.get("stage", "")) if isinstance(made_from, dict) else ""
    if stage not in NEXT_STAGE:
        stage = _STATUS_STAGE[last.status.value]
    return NEXT_STAGE[stage]


def next_status(incident: Incident, updates: list[Update]) -> Status:
    """The status a new update of `incident` starts at: the stage after its last published one."""
    return Status(STAGE_STATUS[next_stage(incident, updates)])
