# SPDX-License-Identifier: GPL-3.0-or-later
"""What the incident list shows, in one query: each incident with its number of updates, its
newest update's promised next-update time, and its newest *published* update's promise (for the
countdown and the overdue colour). Updates themselves are read only when an incident is opened.

A mixin of `Store` (it reads through the store's connection), kept here so the store stays small.
"""

from __future__ import annotations

import sqlite3
from datetime import datetime, timedelta

from composer.core.model import Incident
from composer.core.model import parse_time as _dt
from composer.core.promises import DEFAULT_WARN_BEFORE, Promise, promise_after
from composer.core.record import FrozenRecord

# One row per incident. The newest published update is found through `updates_by_incident`
# (newest first) and `publications_by_update`: a few index probes per incident, whatever the
# history, instead of every update and every publication (schema migration 9).
SUMMARY_SQL = """
SELECT i.*,
    (SELECT count(*) FROM updates u WHERE u.incident_id = i.id) AS update_count,
    (SELECT u.next_update_at FROM updates u WHERE u.incident_id = i.id
        ORDER BY u.created_at DESC, u.id DESC LIMIT 1) AS latest_next_update_at,
    lp.next_update_at AS last_published_next_at,
    (SELECT min(p.published_at) FROM publications p WHERE p.update_id = lp.id) AS last_published_at
FROM incidents i
LEFT JOIN updates lp ON lp.id = (
    SELECT u.id FROM updates u
    WHERE u.incident_id = i.id AND EXISTS (SELECT 1 FROM publications p WHERE p.update_id = u.id)
    ORDER BY u.created_at DESC, u.id DESC LIMIT 1
)
"""


class IncidentSummary(FrozenRecord):
    """One row of the incident list: the incident, and what its updates say without reading them."""

    __slots__ = ("incident", "last_published_at", "latest_next_update_at", "promised_next_at", "update_count")
    incident: Incident
    update_count: int
    latest_next_update_at: datetime | None  # the newest update's (draft or not) next-update time
    promised_next_at: datetime | None  # the newest published update's next-update time
    last_published_at: datetime | None  # when that update first went out (None: nothing has)

    def __init__(
        self,
        incident: Incident,
        update_count: int = 0,
        latest_next_update_at: datetime | None = None,
        promised_next_at: datetime | None = None,
        last_published_at: datetime | None = None,
    ):
        self._set(
            incident=incident,
            update_count=update_count,
            latest_next_update_at=latest_next_update_at,
            promised_next_at=promised_next_at,
            last_published_at=last_published_at,
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

    def incident_summaries(self, incident_id: int | None = None) -> list[IncidentSummary]:
        """Every incident (or just `incident_id`), newest start first, with its list figures."""
        if incident_id is None:
            rows = self._conn.execute(SUMMARY_SQL + " ORDER BY i.started_at DESC, i.id DESC")
        else:
            rows = self._conn.execute(SUMMARY_SQL + " WHERE i.id = ?", (incident_id,))
        return [
            IncidentSummary(
                self._incident_from(row),
                row["update_count"],
                _dt(row["latest_next_update_at"]),
                _dt(row["last_published_next_at"]),
                _dt(row["last_published_at"]),
            )
            for row in rows
        ]
