# SPDX-License-Identifier: GPL-3.0-or-later
"""Revisions: what the team's copies exchange, and what a set of them means.

Every shared thing (an incident, an update, a person of the roster, the organisation profile, a
template, an account's settings, a review) is an *object* with a stable name such as
"update:8c1f…". Each save makes a *revision* of it: a new id, the revision(s) it was made from
(its parents), who made it, when, and the whole content (JSON; None when the object was deleted).

A copy's knowledge is a set of revisions, and sets only grow: syncing is a union, which is why it
converges whatever the order of pushes, pulls and disconnects. What a set means for one object:

- its *leaves*: the revisions no other revision was made from. One leaf: everyone agrees.
- two or more leaves: two people changed the same thing without seeing each other's change. That
  is a *conflict*: both versions are kept, one is shown (the latest; the same one on every copy)
  and the conflict is shown until someone resolves it, never silently overwritten.
- resolving makes a revision whose parents are all the leaves: one leaf again.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

Content = Mapping[str, Any] | None


def new_id() -> str:
    return uuid.uuid4().hex


@dataclass(frozen=True)
class Revision:
    id: str
    object: str
    parents: tuple[str, ...]
    author: str
    at: datetime
    content: Content

    @property
    def kind(self) -> str:
        """The object's kind: "update" for "update:8c1f…"."""
        return self.object.split(":", 1)[0]

    @property
    def deleted(self) -> bool:
        return self.content is None

    def order(self) -> tuple[datetime, str]:
        """Which of two concurrent revisions is shown: the later one, then the greater id."""
        return (self.at, self.id)

    # -- as stored and sent -------------------------------------------------------------------

    def as_row(self) -> tuple[str, str, str, str, str, str | None]:
        content = None if self.content is None else json.dumps(self.content, sort_keys=True, ensure_ascii=False)
        return (self.id, self.object, json.dumps(list(self.parents)), self.author, self.at.isoformat(), content)

    @classmethod
    def from_row(cls, row: Iterable[Any]) -> Revision:
        rev_id, obj, parents, author, at, content = row
        when = at if isinstance(at, datetime) else datetime.fromisoformat(at)
        if isinstance(parents, str):
            parents = json.loads(parents)
        if isinstance(content, str):
            content = json.loads(content)
        return cls(rev_id, obj, tuple(parents), author, when.astimezone(UTC), content)


def make(
    obj: str, content: Content, author: str, parents: Iterable[str] = (), *, at: datetime | None = None
) -> Revision:
    return Revision(new_id(), obj, tuple(sorted(parents)), author, (at or datetime.now(UTC)).astimezone(UTC), content)


@dataclass(frozen=True)
class State:
    """What one object's revisions mean."""

    object: str
    shown: Revision
    leaves: tuple[Revision, ...]  # newest first; shown is leaves[0]

    @property
    def conflict(self) -> bool:
        """Two or more leaves that differ (two people who made the same change agree)."""
        return any(leaf.content != self.shown.content for leaf in self.leaves[1:])

    @property
    def others(self) -> tuple[Revision, ...]:
        """The versions not shown while in conflict."""
        return self.leaves[1:]


def leaves(revisions: Iterable[Revision]) -> list[Revision]:
    """The revisions of one object that no other of them was made from, newest first."""
    known = list(revisions)
    parents = {parent for revision in known for parent in revision.parents}
    return sorted((r for r in known if r.id not in parents), key=Revision.order, reverse=True)


def state(revisions: Iterable[Revision]) -> State | None:
    found = leaves(revisions)
    if not found:
        return None
    return State(found[0].object, found[0], tuple(found))


def states(revisions: Iterable[Revision]) -> dict[str, State]:
    """Every object's state, from a mixed set of revisions."""
    by_object: dict[str, list[Revision]] = {}
    for revision in revisions:
        by_object.setdefault(revision.object, []).append(revision)
    return {obj: found for obj, revs in by_object.items() if (found := state(revs)) is not None}


def resolve(current: State, content: Content, author: str, *, at: datetime | None = None) -> Revision:
    """The revision that ends a conflict (or simply follows the one leaf): made from all leaves."""
    return make(current.object, content, author, (leaf.id for leaf in current.leaves), at=at)
