# SPDX-License-Identifier: GPL-3.0-or-later
"""What the incident list shows, in one query: each incident with its number of updates, its
newest update's promised next-update time, and its newest *published* update's promise (for the
countdown and the overdue colour). Updates themselves are read only when an incident is opened.

A mixin of `Store` (it reads through the store's connection), kept here so the store stays small.
"""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Callable
from datetime import datetime, timedelta

from composer.core.model import Incident, Status
from composer.core.model import parse_time as _dt
from composer.core.promises import DEFAULT_WARN_BEFORE, Promise, promise_after

# One row per incident: its list figures are kept beside it by triggers (schema migrations 11 and
# 13), so a year of incidents is one row each, never their twenty thousand updates.
SUMMARY_SQL = """
SELECT i.*,{month}
    coalesce(s.update_count, 0) AS update_count,
    s.latest_next_update_at,
    s.last_published_next_at,
    s.last_published_at
FROM incidents i
LEFT JOIN incident_summary s ON s.incident_id = i.id
"""
_CLOSED = ",".join(f"'{status.value}'" for status in Status if status.is_closed)
SUMMARY_SQL = SUMMARY_SQL.replace(
    "{month}",
    f"\n    CASE WHEN i.status IN ({_CLOSED}) THEN strftime('%Y-%m', i.started_at, 'localtime') END AS closed_month,",
)
_NEWEST = " ORDER BY i.started_at DESC, i.id DESC"
# The list's order: open incidents, then closed ones by month of start, newest first.
# (A closed incident's month follows its start: ordering by the start orders the months too, so
# the local month is worked out only for the rows returned, not for every row the sort looks at.)
LIST_ORDER = f" ORDER BY i.status IN ({_CLOSED}), i.started_at DESC, i.id DESC"


OPEN_GROUP = (1, 0, 0)  # the list's group of open incidents: sorts before every (0, year, month)


def group_of(incident: Incident) -> tuple[int, int, int]:
    """The list's group: OPEN_GROUP for an open incident, (0, year, month) of a closed one's start
    in local time (as SQLite's 'localtime', which `incident_summaries` orders by)."""
    if not incident.status.is_closed:
        return OPEN_GROUP
    local = incident.started_at.astimezone()
    return (0, local.year, local.month)


class IncidentSummary:
    """One row of the incident list: the incident, and what its updates say without reading them.

    Made from a store row, it builds its `Incident` and parses its times only when asked (a list
    of a thousand shows a screenful), and knows its group from the query."""

    __slots__ = ("_build", "_group", "_incident", "_row", "_times", "incident_id", "update_count")

    def __init__(
        self,
        incident: Incident,
        update_count: int = 0,
        latest_next_update_at: datetime | None = None,
        promised_next_at: datetime | None = None,
        last_published_at: datetime | None = None,
    ):
        self._incident: Incident | None = incident
        self._row: sqlite3.Row | None = None
        self._build: Callable[[sqlite3.Row], Incident] | None = None
        self._times: tuple[datetime | None, ...] | None = (latest_next_update_at, promised_next_at, last_published_at)
        self.incident_id = incident.id or 0
        self.update_count = update_count
        self._group: tuple[int, int, int] | None = group_of(incident)

    @classmethod
    def from_row(cls, row: sqlite3.Row, build: Callable[[sqlite3.Row], Incident]) -> IncidentSummary:
        summary = cls.__new__(cls)
        summary._incident, summary._row, summary._build, summary._times = None, row, build, None
        summary.incident_id = row["id"]
        summary.update_count = row["update_count"]
        month = row["closed_month"]
        summary._group = (0, int(month[:4]), int(month[5:7])) if month else OPEN_GROUP
        return summary

    @property
    def group(self) -> tuple[int, int, int]:
        """The list's group: OPEN_GROUP, or (0, year, month) of a closed incident's start."""
        if self._group is None:
            self._group = group_of(self.incident)
        return self._group

    @property
    def incident(self) -> Incident:
        if self._incident is None:
            assert self._build is not None and self._row is not None
            self._incident = self._build(self._row)
        return self._incident

    def stored(self, name: str) -> object:
        """The incident's column as stored (text, numbers), or a figure's (`latest_next_update_at`):
        what a listing prints, without building the incident or parsing a time."""
        if self._row is not None:
            return self._row[name]
        value = getattr(self.incident, name) if hasattr(self.incident, name) else getattr(self, name)
        return value.isoformat() if isinstance(value, datetime) else getattr(value, "value", value)

    def _time(self, which: int) -> datetime | None:
        if self._times is None:
            assert self._row is not None
            names = ("latest_next_update_at", "last_published_next_at", "last_published_at")
            self._times = tuple(_dt(self._row[name]) for name in names)
        return self._times[which]

    @property
    def latest_next_update_at(self) -> datetime | None:
        """The newest update's (draft or not) next-update time."""
        return self._time(0)

    @property
    def promised_next_at(self) -> datetime | None:
        """The newest published update's next-update time."""
        return self._time(1)

    @property
    def last_published_at(self) -> datetime | None:
        """When that update first went out (None: nothing has)."""
        return self._time(2)

    def __repr__(self) -> str:
        return f"IncidentSummary({self.incident_id}, group={self.group}, updates={self.update_count})"

    def with_incident(self, incident: Incident) -> IncidentSummary:
        """The same figures for the incident as edited on screen (its title, its fields)."""
        return IncidentSummary(
            incident, self.update_count, self.latest_next_update_at, self.promised_next_at, self.last_published_at
        )

    def promise(
        self, now: datetime, warn_before: timedelta = DEFAULT_WARN_BEFORE, incident: Incident | None = None
    ) -> Promise:
        """The promise as `promise_for` computes it from all the updates (`incident`: the one on
        screen, which may hold unsaved edits of its status)."""
        return promise_after(incident or self.incident, self.promised_next_at, self.last_published_at, now, warn_before)


class ListingQueries:
    """The store's read-only queries for lists; `_conn` and `_incident_from` are the store's."""

    _conn: sqlite3.Connection

    @staticmethod
    def _incident_from(row: sqlite3.Row) -> Incident:
        raise NotImplementedError

    def incident_summaries(
        self, incident_id: int | None = None, *, open_only: bool = False, limit: int = -1
    ) -> list[IncidentSummary]:
        """Every incident (or just `incident_id`, or the open ones; the first `limit`) in the list's
        order (LIST_ORDER), with its list figures."""
        if incident_id is not None:
            rows = self._conn.execute(SUMMARY_SQL + " WHERE i.id = ?", (incident_id,))
        elif open_only:
            rows = self._conn.execute(SUMMARY_SQL + f" WHERE i.status NOT IN ({_CLOSED})" + LIST_ORDER)
        else:
            rows = self._conn.execute(SUMMARY_SQL + LIST_ORDER + " LIMIT ?", (limit,))
        return [IncidentSummary.from_row(row, self._incident_from) for row in rows]

    def incident_listing(self) -> list[tuple[int, str, str, str, str, int, str | None]]:
        """What `incidents list` prints, newest start first, as plain tuples: (id, title, status,
        severity, started_at, number of updates, newest update's next-update time), stored text as
        is: no objects per row, no time parsed (a thousand incidents in ~2 ms)."""
        cursor = self._conn.cursor()
        cursor.row_factory = None
        return cursor.execute(
            "SELECT i.id, i.title, i.status, i.severity, i.started_at, coalesce(s.update_count, 0),"
            " s.latest_next_update_at FROM incidents i LEFT JOIN incident_summary s ON s.incident_id = i.id" + _NEWEST
        ).fetchall()


def incident_filter(
    text: str = "", status: str = "", since: datetime | None = None
) -> Callable[[IncidentSummary], bool] | None:
    """What the list's filter lets through (None: everything): every word of `text` in the title
    or the affected services (accents and case folded, as search folds them; a word matches from
    its start), `status` 'open', 'closed' or a status value, started at or after `since`."""
    from composer.core.search import fold, query_terms  # noqa: PLC0415 (only when a filter is set)

    words = [fold(word) for word in query_terms(text)]
    if not words and not status and since is None:
        return None

    def accepts(summary: IncidentSummary) -> bool:
        incident = summary.incident
        if status in ("open", "closed") and incident.status.is_closed != (status == "closed"):
            return False
        if status not in ("", "open", "closed") and incident.status.value != status:
            return False
        if since is not None and incident.started_at < since:
            return False
        if words:
            haystack = fold(" ".join([incident.title, *incident.affected_services]))
            found = set(_WORD.findall(haystack))
            return all(any(have.startswith(word) for have in found) for word in words)
        return True

    return accepts


_WORD = re.compile(r"\w+")
