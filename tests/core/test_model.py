# SPDX-License-Identifier: GPL-3.0-or-later
from __future__ import annotations

import pytest

from composer.core.model import (
    MAINTENANCE_LIFECYCLE,
    OUTAGE_LIFECYCLE,
    Person,
    Severity,
    Status,
    Update,
    lifecycle_of,
    parse_severity,
    parse_status,
    utc_now,
)


def test_lifecycles_are_ordered():
    outage = ["investigating", "identified", "monitoring", "resolved", "postmortem"]
    assert [s.value for s in OUTAGE_LIFECYCLE] == outage
    assert [s.value for s in MAINTENANCE_LIFECYCLE] == ["scheduled", "in_progress", "completed"]
    assert lifecycle_of(Status.IN_PROGRESS) == MAINTENANCE_LIFECYCLE
    assert lifecycle_of(Status.IDENTIFIED) == OUTAGE_LIFECYCLE


@pytest.mark.parametrize("text", ["in progress", "In-Progress", "in_progress", " IN PROGRESS "])
def test_status_spellings(text):
    assert parse_status(text) is Status.IN_PROGRESS


def test_unknown_status_and_severity_name_the_choices():
    with pytest.raises(ValueError, match="investigating"):
        parse_status("on fire")
    with pytest.raises(ValueError, match="critical"):
        parse_severity("huge")
    assert parse_severity("Minor") is Severity.MINOR


def test_closed_statuses():
    assert Status.RESOLVED.is_closed and Status.COMPLETED.is_closed
    assert not Status.MONITORING.is_closed


def test_times_are_aware():
    assert utc_now().tzinfo is not None


def test_signature_and_first_publication():
    assert Person("Marta Vidal", "Support lead").signature == "Marta Vidal, Support lead"
    assert Person("Marta Vidal").signature == "Marta Vidal"
    assert Update(incident_id=1).published_at is None
