# SPDX-License-Identifier: GPL-3.0-or-later
"""What the status page reads of the published updates, in one lean query: only the columns a
page shows and the times of the update's publications, and its `extra` only when it may hold a
maintenance window (the page reads nothing else of it). A store with a year of history holds tens
of thousands of published updates and every publish rebuilds the page from all of them, so this
reads plain tuples, not `Update` and `Publication` objects (`published_updates` gives those).

A mixin of `Store` (it reads through the store's connection), kept here so the store stays small.
"""

from __future__ import annotations

import sqlite3
from datetime import datetime

from composer.core.model import Status, Update, parse_status, utc_now
from composer.core.model import parse_time as _dt

# One row per publication of an update, the rows of an update together, by incident, oldest
# first (through the index `updates_by_incident`: no sort of every body): one statement, so a
# publication added meanwhile by another process is seen with its update or not at all. `extra`
# is JSON written by the store: a key "window_start" or "window_end" appears in it as those very
# letters unless escaped (then the text holds a backslash, char 92).
SITE_UPDATES_SQL = """
SELECT u.id, u.incident_id, u.body, u.status, u.signer, u.language, u.next_update_at,
    CASE WHEN instr(u.extra, 'window_') OR instr(u.extra, char(92)) THEN u.extra END,
    p.published_at
FROM updates u JOIN publications p ON p.update_id = u.id
ORDER BY u.incident_id, u.created_at, u.id
"""

# id, incident id, body, status, signer, language (both as stored), next update, first published,
# extra (its JSON text, or None when it holds no window), and `source`: every column read but the
# body as stored, one text, which decides every value here but the body (for the build cache's keys).
SiteUpdate = tuple[int, int | None, str, Status, str, str, datetime | None, datetime, str | None, str]
_Row = tuple[int, int | None, str, str, str, str, str | None, str | None, str | None]


class SiteQueries:
    """The store's read-only queries for the status page; `_conn` and `_update_from` are the store's."""

    _conn: sqlite3.Connection

    def _update_from(self, row: sqlite3.Row, pubs: list[sqlite3.Row] | None = None) -> Update:
        raise NotImplementedError

    def published_updates(self) -> list[Update]:
        """Every update that went out (it has a publication), by incident, oldest first, whole
        (`site_updates` reads only what the page shows): one query, so a publication added
        meanwhile by another process is seen with its update or not at all."""
        grouped: dict[int, list[sqlite3.Row]] = {}
        for row in self._conn.execute(
            "SELECT u.*, p.channel, p.published_at, p.remote_id, p.url FROM updates u JOIN publications p"
            " ON p.update_id = u.id ORDER BY u.incident_id, u.created_at, u.id, p.published_at"
        ):
            grouped.setdefault(row["id"], []).append(row)  # the update's columns and one publication's
        return [self._update_from(rows[0], rows) for rows in grouped.values()]

    def site_updates(self) -> list[SiteUpdate]:
        """Every published update as the status page reads it (`SiteUpdate`), by incident, oldest
        first; its publication time is its first publication's (`Update.published_at`)."""
        cursor = self._conn.cursor()
        cursor.row_factory = None  # plain tuples
        statuses: dict[str, Status] = {}
        out: list[SiteUpdate] = []
        row: _Row | None = None
        times: list[str | None] = []
        for each in cursor.execute(SITE_UPDATES_SQL):
            if row is not None and each[0] == row[0]:  # the same update, on another channel
                times.append(each[8])
                continue
            if row is not None:
                out.append(_site_update(row, times, statuses))
            row, times = each, [each[8]]
        if row is not None:
            out.append(_site_update(row, times, statuses))
        return out


def _time(text: str | None) -> datetime | None:
    """`parse_time`, quicker for the times a store holds (one call for each of tens of thousands)."""
    try:
        return datetime.fromisoformat(text) if text else None
    except (TypeError, ValueError):  # a damaged row
        return _dt(text)


def _site_update(row: _Row, times: list[str | None], statuses: dict[str, Status]) -> SiteUpdate:
    id_, incident_id, body, status_text, signer, language, next_at, extra, _published = row
    status = statuses.get(status_text)
    if status is None:
        status = statuses[status_text] = parse_status(status_text)
    if len(times) == 1:
        first = _time(times[0])
        published, damaged = first or utc_now(), first is None
        stored = times[0] or ""
    else:  # published on several channels: the first time
        found = [_time(text) for text in times]
        published, damaged = min(moment or utc_now() for moment in found), None in found
        stored = repr(sorted(text or "" for text in times))
    fields = (str(id_), status_text, signer, language, next_at or "", stored, extra or "")
    source = "\x1f".join(fields)
    if source.count("\x1f") != len(fields) - 1:  # a separator in a field: unambiguous
        source = repr(fields)
    if damaged:  # a time that cannot be read is taken as now (as `Store` takes it): the value decides
        source = f"{source}\x1f{published}"
    return (id_, incident_id, body, status, signer, language, _time(next_at), published, extra, source)
