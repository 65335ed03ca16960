# SPDX-License-Identifier: GPL-3.0-or-later
"""Who was reached, per incident, as CSV for a spreadsheet; the rows themselves (schema migration
12: what a row keeps, how its state is read from the outbox, `Contact`, the `Store` mixin) are in
`composer.core.outreach_contacts`, light enough for the first paint, and re-exported here.
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
