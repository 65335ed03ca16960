# SPDX-License-Identifier: GPL-3.0-or-later
"""Who was reached, per incident: one row per customer (schema migration 12).

Whether a customer's message went out is the outbox's to say, never a copy of it: a row names
the outbox job of the customer's newest message (`job_key`), and its state is read through it
(so a crash between sending and recording cannot make the two disagree). A row also keeps why no
message could be made for the customer (a missing field), and what people mark by hand: replied,
needs a call (with a note) — each with when and who did it.

`Contact.state`, the one word shown per customer, is the first that applies of: `replied`,
`needs-call`, then the message's: `contacted` (sent), `failed`, `uncertain` (it may or may not
have gone out: the user decides), `sending`, `pending` (not sent yet), `cancelled`.

The store's side (`Contact`, `OutreachQueries`, the mixin of `Store`) is in
`composer.core.outreach_contacts`, light enough for the first paint; this module adds the CSV.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable
from datetime import datetime

from composer.core.outreach_contacts import DELIVERY, STATES, Contact, OutreachQueries, UnknownContact

__all__ = [
    "CSV_COLUMNS",
    "DELIVERY",
    "STATES",
    "Contact",
    "OutreachQueries",
    "UnknownContact",
    "contacts_csv",
    "default_actor",
]

CSV_COLUMNS = (
    "email",
    "name",
    "phone",
    "language",
    "state",
    "sent_at",
    "error",
    "replied_at",
    "replied_by",
    "call_at",
    "call_by",
    "call_note",
    "added_at",
    "added_by",
    "template",
    "account",
)


def _time(value: datetime | None) -> str:
    return value.isoformat() if value is not None else ""


def contacts_csv(contacts: Iterable[Contact]) -> str:
    """The tracking table as CSV (UTF-8 text, a header row), for a spreadsheet."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(CSV_COLUMNS)
    for c in contacts:
        writer.writerow(
            [
                _safe_cell(value)
                for value in (
                    c.email,
                    c.name,
                    c.phone,
                    c.language,
                    c.state,
                    _time(c.sent_at),
                    c.error,
                    _time(c.replied_at),
                    c.replied_by,
                    _time(c.call_at),
                    c.call_by,
                    c.call_note,
                    _time(c.added_at),
                    c.added_by,
                    c.template,
                    c.account,
                )
            ]
        )
    return out.getvalue()


def _safe_cell(value: str) -> str:
    """A cell a spreadsheet shows as text: one starting with = + - @ would run as a formula."""
    return "'" + value if value[:1] in ("=", "+", "-", "@", "\t", "\r") and not value[1:2].isdigit() else value


def default_actor() -> str:
    """Who is doing it, when the caller does not say: this computer's user name."""
    import getpass  # noqa: PLC0415

    try:
        return getpass.getuser()
    except (OSError, KeyError):  # no user name in the environment nor the password database
        return ""
