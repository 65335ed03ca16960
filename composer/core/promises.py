# SPDX-License-Identifier: GPL-3.0-or-later
"""The promise made in the last published update: when the next one is due, and how close that is."""

from __future__ import annotations

import enum
from datetime import datetime, timedelta

from composer.core.model import Incident, Update
from composer.core.record import FrozenRecord

DEFAULT_WARN_BEFORE = timedelta(minutes=10)


class PromiseState(enum.StrEnum):
    NOT_PUBLISHED = "not_published"  # nothing has gone out yet
    NO_PROMISE = "no_promise"  # the last published update named no next-update time
    KEPT = "kept"  # due later
    DUE_SOON = "due_soon"  # within the warning window
    OVERDUE = "overdue"  # the promised time has passed with no newer update out
    CLOSED = "closed"  # resolved or completed: nothing more is owed


class Promise(FrozenRecord):
    __slots__ = ("deadline", "published_at", "state")
    state: PromiseState
    deadline: datetime | None
    published_at: datetime | None

    def __init__(self, state: PromiseState, deadline: datetime | None = None, published_at: datetime | None = None):
        self._set(state=state, deadline=deadline, published_at=published_at)


def last_published(updates: list[Update]) -> Update | None:
    """The newest update that went out, in the incident's order: a correction of an older update,
    sent later, does not bring its old promise back (as the incident's status, `Store.add_publication`)."""
    published = [u for u in updates if u.published_at is not None]
    # Times have one-second resolution: the id breaks ties between updates of the same second.
    return max(published, key=lambda u: (u.created_at, u.id or 0), default=None)


def promise_for(
    incident: Incident, updates: list[Update], now: datetime, warn_before: timedelta = DEFAULT_WARN_BEFORE
) -> Promise:
    """Where the incident stands against the last public promise of a next update."""
    last = last_published(updates)
    return promise_after(
        incident, last.next_update_at if last else None, last.published_at if last else None, now, warn_before
    )


def promise_after(
    incident: Incident,
    deadline: datetime | None,
    published_at: datetime | None,
    now: datetime,
    warn_before: timedelta = DEFAULT_WARN_BEFORE,
) -> Promise:
    """The promise from what the last published update said (`deadline`, its next-update time) and
    when it went out (None: nothing has): what the incident list has without reading the updates."""
    if incident.status.is_closed:
        return Promise(PromiseState.CLOSED)
    if published_at is None:
        return Promise(PromiseState.NOT_PUBLISHED)
    if deadline is None:
        return Promise(PromiseState.NO_PROMISE, None, published_at)
    if now >= deadline:
        state = PromiseState.OVERDUE
    elif deadline - now <= warn_before:
        state = PromiseState.DUE_SOON
    else:
        state = PromiseState.KEPT
    return Promise(state, deadline, published_at)
