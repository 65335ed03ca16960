# SPDX-License-Identifier: GPL-3.0-or-later
"""The incident, its updates, the people who may sign and the organisation."""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from datetime import UTC, datetime


def utc_now() -> datetime:
    """The current time, timezone-aware in UTC (never naive)."""
    return datetime.now(UTC).replace(microsecond=0)


class Severity(enum.StrEnum):
    CRITICAL = "critical"
    MAJOR = "major"
    MINOR = "minor"
    MAINTENANCE = "maintenance"


class Status(enum.StrEnum):
    """Lifecycle of an outage, and of a planned maintenance."""

    INVESTIGATING = "investigating"
    IDENTIFIED = "identified"
    MONITORING = "monitoring"
    RESOLVED = "resolved"
    SCHEDULED = "scheduled"
    IN_PROGRESS = "in_progress"
    COMPLETED = "completed"

    @property
    def is_maintenance(self) -> bool:
        return self in MAINTENANCE_LIFECYCLE

    @property
    def is_closed(self) -> bool:
        return self in (Status.RESOLVED, Status.COMPLETED)

    @property
    def label(self) -> str:
        return self.value.replace("_", " ").capitalize()


OUTAGE_LIFECYCLE = (Status.INVESTIGATING, Status.IDENTIFIED, Status.MONITORING, Status.RESOLVED)
MAINTENANCE_LIFECYCLE = (Status.SCHEDULED, Status.IN_PROGRESS, Status.COMPLETED)


def lifecycle_of(status: Status) -> tuple[Status, ...]:
    """The ordered statuses an incident in `status` moves through."""
    return MAINTENANCE_LIFECYCLE if status.is_maintenance else OUTAGE_LIFECYCLE


def parse_status(text: str) -> Status:
    """Accept 'in progress', 'In-Progress' and 'in_progress' alike."""
    key = text.strip().lower().replace("-", "_").replace(" ", "_")
    try:
        return Status(key)
    except ValueError:
        known = ", ".join(s.value for s in Status)
        raise ValueError(f"unknown status {text!r} (expected one of: {known})") from None


def parse_severity(text: str) -> Severity:
    try:
        return Severity(text.strip().lower())
    except ValueError:
        known = ", ".join(s.value for s in Severity)
        raise ValueError(f"unknown severity {text!r} (expected one of: {known})") from None


@dataclass
class Incident:
    """Something customers notice: an outage or a planned maintenance."""

    title: str
    status: Status = Status.INVESTIGATING
    severity: Severity = Severity.MAJOR
    started_at: datetime = field(default_factory=utc_now)
    affected_services: list[str] = field(default_factory=list)
    customer_impact: str = ""
    workaround: str = ""
    region: str = ""
    id: int | None = None
    created_at: datetime = field(default_factory=utc_now)


@dataclass
class Publication:
    """Where one update went out on one channel (filled by the publishers)."""

    channel: str
    published_at: datetime
    remote_id: str = ""
    url: str = ""


@dataclass
class Update:
    incident_id: int | None
    body: str = ""
    status: Status = Status.INVESTIGATING
    signer: str = ""
    language: str = "en"
    next_update_at: datetime | None = None
    created_at: datetime = field(default_factory=utc_now)
    edited_at: datetime = field(default_factory=utc_now)
    # Time of the previous public update when it is known from outside (an imported file).
    previous_update_at: datetime | None = None
    # Front-matter keys we do not understand: kept so an export gives them back.
    extra: dict[str, object] = field(default_factory=dict)
    publications: list[Publication] = field(default_factory=list)
    id: int | None = None

    @property
    def published_at(self) -> datetime | None:
        return min((p.published_at for p in self.publications), default=None)


@dataclass
class Revision:
    """An earlier text of an update."""

    update_id: int
    body: str
    saved_at: datetime
    id: int | None = None


@dataclass
class Event:
    """Something that happened to an update: a check overridden, a publication."""

    update_id: int
    kind: str
    detail: dict[str, object] = field(default_factory=dict)
    at: datetime = field(default_factory=utc_now)
    id: int | None = None


@dataclass
class Person:
    """Someone who may sign an update."""

    name: str
    role: str = ""
    email: str = ""
    phone: str = ""
    id: int | None = None

    @property
    def signature(self) -> str:
        return f"{self.name}, {self.role}" if self.role else self.name


@dataclass
class Organisation:
    """Who speaks, and where customers can reach them."""

    name: str = ""
    contact_url: str = ""
    phone: str = ""
    email: str = ""
    status_page_url: str = ""
