# SPDX-License-Identifier: GPL-3.0-or-later
"""The incident, its updates, the people who may sign and the organisation."""

from __future__ import annotations

import enum
from datetime import UTC, datetime

from composer.core.i18n import _
from composer.core.record import Record


def utc_now() -> datetime:
    """The current time, timezone-aware in UTC (never naive)."""
    return datetime.now(UTC).replace(microsecond=0)


def parse_time(value: object) -> datetime | None:
    """A stored time; None when empty or unreadable (a damaged row must not hide the others)."""
    try:
        return datetime.fromisoformat(str(value)) if value else None
    except ValueError:
        return None


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
    POSTMORTEM = "postmortem"  # the post-incident report, after the resolution

    @property
    def is_maintenance(self) -> bool:
        return self in MAINTENANCE_LIFECYCLE

    @property
    def is_closed(self) -> bool:
        return self in (Status.RESOLVED, Status.COMPLETED, Status.POSTMORTEM)

    @property
    def label(self) -> str:
        return self.value.replace("_", " ").capitalize()


OUTAGE_LIFECYCLE = (Status.INVESTIGATING, Status.IDENTIFIED, Status.MONITORING, Status.RESOLVED, Status.POSTMORTEM)
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
        raise ValueError(
            _("unknown status {text!r} (expected one of: {known})").format(text=text, known=known)
        ) from None


def parse_severity(text: str) -> Severity:
    try:
        return Severity(text.strip().lower())
    except ValueError:
        known = ", ".join(s.value for s in Severity)
        raise ValueError(
            _("unknown severity {text!r} (expected one of: {known})").format(text=text, known=known)
        ) from None


class Incident(Record):
    """Something customers notice: an outage or a planned maintenance."""

    __slots__ = (
        "affected_services",
        "created_at",
        "customer_impact",
        "id",
        "own_email_down",
        "own_site_down",
        "region",
        "severity",
        "started_at",
        "status",
        "title",
        "workaround",
    )
    title: str
    status: Status
    severity: Severity
    started_at: datetime
    affected_services: list[str]
    customer_impact: str
    workaround: str
    region: str
    own_site_down: bool  # the incident takes down our own website (its contact page with it)
    own_email_down: bool  # ... our own email (the support address with it)
    id: int | None
    created_at: datetime

    def __init__(
        self,
        title: str,
        status: Status = Status.INVESTIGATING,
        severity: Severity = Severity.MAJOR,
        started_at: datetime | None = None,
        affected_services: list[str] | None = None,
        *,
        customer_impact: str = "",
        workaround: str = "",
        region: str = "",
        own_site_down: bool = False,
        own_email_down: bool = False,
        id: int | None = None,
        created_at: datetime | None = None,
    ):
        self.title = title
        self.status = status
        self.severity = severity
        self.started_at = started_at if started_at is not None else utc_now()
        self.affected_services = affected_services if affected_services is not None else []
        self.customer_impact = customer_impact
        self.workaround = workaround
        self.region = region
        self.own_site_down = own_site_down
        self.own_email_down = own_email_down
        self.id = id
        self.created_at = created_at if created_at is not None else utc_now()


class Publication(Record):
    """Where one update went out on one channel (filled by the publishers)."""

    __slots__ = ("channel", "published_at", "remote_id", "url")
    channel: str
    published_at: datetime
    remote_id: str
    url: str

    def __init__(self, channel: str, published_at: datetime, remote_id: str = "", url: str = ""):
        self.channel = channel
        self.published_at = published_at
        self.remote_id = remote_id
        self.url = url


class Update(Record):
    __slots__ = (
        "body",
        "created_at",
        "edited_at",
        "extra",
        "id",
        "incident_id",
        "language",
        "next_update_at",
        "previous_update_at",
        "publications",
        "signer",
        "status",
    )
    incident_id: int | None
    body: str
    status: Status
    signer: str
    language: str
    next_update_at: datetime | None
    created_at: datetime
    edited_at: datetime
    # Time of the previous public update when it is known from outside (an imported file).
    previous_update_at: datetime | None
    # Front-matter keys we do not understand: kept so an export gives them back.
    extra: dict[str, object]
    publications: list[Publication]
    id: int | None

    def __init__(
        self,
        incident_id: int | None,
        body: str = "",
        status: Status = Status.INVESTIGATING,
        signer: str = "",
        language: str = "en",
        *,
        next_update_at: datetime | None = None,
        created_at: datetime | None = None,
        edited_at: datetime | None = None,
        previous_update_at: datetime | None = None,
        extra: dict[str, object] | None = None,
        publications: list[Publication] | None = None,
        id: int | None = None,
    ):
        self.incident_id = incident_id
        self.body = body
        self.status = status
        self.signer = signer
        self.language = language
        self.next_update_at = next_update_at
        self.created_at = created_at if created_at is not None else utc_now()
        self.edited_at = edited_at if edited_at is not None else utc_now()
        self.previous_update_at = previous_update_at
        self.extra = extra if extra is not None else {}
        self.publications = publications if publications is not None else []
        self.id = id

    @property
    def published_at(self) -> datetime | None:
        return min((p.published_at for p in self.publications), default=None)


class Revision(Record):
    """An earlier text of an update."""

    __slots__ = ("body", "id", "saved_at", "update_id")
    update_id: int
    body: str
    saved_at: datetime
    id: int | None

    def __init__(self, update_id: int, body: str, saved_at: datetime, id: int | None = None):
        self.update_id = update_id
        self.body = body
        self.saved_at = saved_at
        self.id = id


class Event(Record):
    """Something that happened to an update: a check overridden, a publication."""

    __slots__ = ("at", "detail", "id", "kind", "update_id")
    update_id: int
    kind: str
    detail: dict[str, object]
    at: datetime
    id: int | None

    def __init__(
        self,
        update_id: int,
        kind: str,
        detail: dict[str, object] | None = None,
        at: datetime | None = None,
        id: int | None = None,
    ):
        self.update_id = update_id
        self.kind = kind
        self.detail = detail if detail is not None else {}
        self.at = at if at is not None else utc_now()
        self.id = id


class Person(Record):
    """Someone who may sign an update."""

    __slots__ = ("email", "id", "name", "phone", "role")
    name: str
    role: str
    email: str
    phone: str
    id: int | None

    def __init__(self, name: str, role: str = "", email: str = "", phone: str = "", id: int | None = None):
        self.name = name
        self.role = role
        self.email = email
        self.phone = phone
        self.id = id

    @property
    def signature(self) -> str:
        return f"{self.name}, {self.role}" if self.role else self.name


class Organisation(Record):
    """Who speaks, and where customers can reach them (also when our own site or mail is down)."""

    __slots__ = (
        "alternate_contact_url",
        "backup_email",
        "contact_url",
        "email",
        "name",
        "phone",
        "phone_hours",
        "status_page_url",
        "timezone",
    )
    name: str
    contact_url: str
    phone: str
    email: str
    status_page_url: str
    alternate_contact_url: str  # a contact page hosted outside our own infrastructure
    backup_email: str  # an address on another domain than our own
    phone_hours: str  # when the phone is answered ("24/7", "08:00–20:00 CET")
    timezone: str  # the readers' IANA zone ("Europe/Madrid"); "": this computer's

    def __init__(
        self,
        name: str = "",
        contact_url: str = "",
        phone: str = "",
        email: str = "",
        status_page_url: str = "",
        *,
        alternate_contact_url: str = "",
        backup_email: str = "",
        phone_hours: str = "",
        timezone: str = "",
    ):
        self.name = name
        self.contact_url = contact_url
        self.phone = phone
        self.email = email
        self.status_page_url = status_page_url
        self.alternate_contact_url = alternate_contact_url
        self.backup_email = backup_email
        self.phone_hours = phone_hours
        self.timezone = timezone
