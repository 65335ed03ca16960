# SPDX-License-Identifier: GPL-3.0-or-later
"""The store's side of outreach tracking (schema migration 12): a mixin of `Store`, light enough to
import on the way to the window's first paint and on every command (no csv, no dataclasses: the
rest is in `composer.core.outreach.tracking`, which re-exports these).

Whether a customer's message went out is the outbox's to say, never a copy of it: a row names
the outbox job of the customer's newest message (`job_key`), and its state is read through it
(so a crash between sending and recording cannot make the two disagree). A row also keeps why no
message could be made for the customer (a missing field), and what people mark by hand: replied,
needs a call (with a note) — each with when and who did it.

`Contact.state`, the one word shown per customer, is the first that applies of: `replied`,
`needs-call`, then the message's: `contacted` (sent), `failed`, `uncertain` (it may or may not
have gone out: the user decides), `sending`, `pending` (not sent yet), `cancelled`.
"""

from __future__ import annotations

import sqlite3
from contextlib import AbstractContextManager
from datetime import datetime
from typing import TYPE_CHECKING

from composer.core.i18n import _
from composer.core.model import parse_time, utc_now
from composer.core.record import FrozenRecord

DELIVERY = {
    "pending": "pending",
    "sending": "sending",
    "sent": "contacted",
    "failed": "failed",
    "uncertain": "uncertain",
    "cancelled": "cancelled",
}
STATES = ("replied", "needs-call", "contacted", "failed", "uncertain", "sending", "pending", "cancelled")
_SELECT = """
SELECT c.*, o.id AS job_id, o.state AS job_state, o.last_error AS job_error,
    json_extract(o.receipt, '$.published_at') AS sent_at
FROM outreach_contacts c LEFT JOIN outbox o ON o.key = c.job_key
"""


class UnknownContact(LookupError):
    """No such customer in an incident's outreach; the message is one line for the user."""


class Contact(FrozenRecord):
    """One customer of an incident's outreach, as the tracking table shows them."""

    __slots__ = (
        "account",
        "added_at",
        "added_by",
        "call_at",
        "call_by",
        "call_note",
        "delivery",
        "email",
        "error",
        "incident_id",
        "job_id",
        "language",
        "name",
        "phone",
        "replied_at",
        "replied_by",
        "sent_at",
        "state",
        "template",
    )

    incident_id: int
    email: str
    name: str
    phone: str
    language: str
    template: str
    account: str
    state: str  # see the module's docstring
    delivery: str  # the message's own state: contacted, failed, uncertain, sending, pending, cancelled
    sent_at: datetime | None
    error: str  # why it failed, or why it may not have gone out
    job_id: int | None  # the outbox job of the newest message (`outbox resolve JOB` for an uncertain one)
    added_at: datetime | None
    added_by: str  # who ran the send that wrote to them
    replied_at: datetime | None
    replied_by: str
    call_at: datetime | None  # when someone said they need a call
    call_by: str
    call_note: str

    def __init__(
        self,
        *,
        incident_id: int,
        email: str,
        name: str,
        phone: str,
        language: str,
        template: str,
        account: str,
        state: str,
        delivery: str,
        sent_at: datetime | None,
        error: str,
        job_id: int | None,
        added_at: datetime | None,
        added_by: str,
        replied_at: datetime | None = None,
        replied_by: str = "",
        call_at: datetime | None = None,
        call_by: str = "",
        call_note: str = "",
    ):
        self._set(
            incident_id=incident_id,
            email=email,
            name=name,
            phone=phone,
            language=language,
            template=template,
            account=account,
            state=state,
            delivery=delivery,
            sent_at=sent_at,
            error=error,
            job_id=job_id,
            added_at=added_at,
            added_by=added_by,
            replied_at=replied_at,
            replied_by=replied_by,
            call_at=call_at,
            call_by=call_by,
            call_note=call_note,
        )

    def as_json(self) -> dict[str, object]:
        """The row as `outreach status --format json` gives it (these keys, no others)."""
        return {
            "email": self.email,
            "name": self.name,
            "state": self.state,
            "sent_at": self.sent_at.isoformat() if self.sent_at else None,
            "error": self.error or None,
        }


class OutreachQueries:
    """The store's outreach rows; `_conn` and `_write` are the store's."""

    _conn: sqlite3.Connection
    if TYPE_CHECKING:

        def _write(self) -> AbstractContextManager[sqlite3.Connection]: ...

    def outreach_contacts(self, incident_id: int) -> list[Contact]:
        """Every customer of the incident's outreach, in the order they were first added."""
        rows = self._conn.execute(_SELECT + " WHERE c.incident_id=? ORDER BY c.id", (incident_id,)).fetchall()
        return [_contact(row) for row in rows]

    def outreach_contact(self, incident_id: int, email: str) -> Contact:
        """One customer (the address in any case); UnknownContact when the incident has none such."""
        row = self._conn.execute(
            _SELECT + " WHERE c.incident_id=? AND c.email=?", (incident_id, email.strip())
        ).fetchone()
        if row is None:
            raise UnknownContact(
                _("incident {incident} has no customer {email} in its outreach").format(
                    incident=incident_id, email=email.strip()
                )
            )
        return _contact(row)

    def call_list(self, incident_id: int) -> list[Contact]:
        """The customers someone said need a call, with their numbers, oldest request first."""
        return sorted(
            (c for c in self.outreach_contacts(incident_id) if c.call_at is not None),
            key=lambda c: (c.call_at or utc_now(), c.email),
        )

    def record_outreach_contact(
        self,
        incident_id: int,
        email: str,
        *,
        name: str = "",
        phone: str = "",
        language: str = "",
        template: str = "",
        account: str = "",
        job_key: str = "",
        error: str = "",
        by: str = "",
    ) -> None:
        """Add the customer or bring their row up to date (their newest message, or why none could be
        made this time: an earlier message's job stays named); what was marked by hand is kept."""
        now = utc_now().isoformat()
        with self._write() as conn:
            conn.execute(
                "INSERT INTO outreach_contacts (incident_id, email, name, phone, language, template, account,"
                " job_key, error, added_at, added_by, updated_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)"
                " ON CONFLICT(incident_id, email) DO UPDATE SET name=excluded.name, phone=excluded.phone,"
                " language=excluded.language, template=excluded.template, account=excluded.account,"
                " job_key=CASE WHEN excluded.job_key='' THEN job_key ELSE excluded.job_key END,"
                " error=excluded.error, added_by=excluded.added_by,"
                " updated_at=excluded.updated_at",
                (incident_id, email, name, phone, language, template, account, job_key, error, now, by, now),
            )

    def mark_replied(
        self, incident_id: int, email: str, *, by: str, replied: bool = True, when: datetime | None = None
    ) -> Contact:
        """The customer answered (`replied=False` takes the mark back); who marked it and when."""
        at = (when or utc_now()).isoformat() if replied else None
        return self._mark(incident_id, email, "replied_at=?, replied_by=?", (at, by if replied else ""))

    def mark_needs_call(
        self,
        incident_id: int,
        email: str,
        *,
        by: str,
        needed: bool = True,
        note: str = "",
        when: datetime | None = None,
    ) -> Contact:
        """The customer must be phoned (`needed=False`: no longer); who said so, when, and why."""
        at = (when or utc_now()).isoformat() if needed else None
        values = (at, by if needed else "", note if needed else "")
        return self._mark(incident_id, email, "call_at=?, call_by=?, call_note=?", values)

    def _mark(self, incident_id: int, email: str, columns: str, values: tuple[object, ...]) -> Contact:
        with self._write() as conn:
            changed = conn.execute(
                f"UPDATE outreach_contacts SET {columns}, updated_at=? WHERE incident_id=? AND email=?",
                (*values, utc_now().isoformat(), incident_id, email.strip()),
            ).rowcount
        if not changed:
            raise UnknownContact(
                _("incident {incident} has no customer {email} in its outreach").format(
                    incident=incident_id, email=email.strip()
                )
            )
        return self.outreach_contact(incident_id, email)


def _contact(row: sqlite3.Row) -> Contact:
    job_state = row["job_state"]
    delivery = DELIVERY.get(job_state or "", "failed" if row["error"] else "pending")
    error = row["error"] if not job_state else (row["job_error"] or "")
    if delivery == "contacted":
        error = ""
    state = delivery
    if row["call_at"]:
        state = "needs-call"
    if row["replied_at"]:
        state = "replied"
    return Contact(
        incident_id=row["incident_id"],
        email=row["email"],
        name=row["name"],
        phone=row["phone"],
        language=row["language"],
        template=row["template"],
        account=row["account"],
        state=state,
        delivery=delivery,
        sent_at=parse_time(row["sent_at"]) if delivery == "contacted" else None,
        error=error,
        job_id=row["job_id"],
        added_at=parse_time(row["added_at"]),
        added_by=row["added_by"],
        replied_at=parse_time(row["replied_at"]),
        replied_by=row["replied_by"],
        call_at=parse_time(row["call_at"]),
        call_by=row["call_by"],
        call_note=row["call_note"],
    )
