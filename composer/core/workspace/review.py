# SPDX-License-Identifier: GPL-3.0-or-later
"""Approval by a second person: which updates need it, where each one stands, and the gate.

The organisation decides which updates need a reviewer (`settings:approval`, written by an
admin: "none", "all", or "all-but-investigating"). Where an update stands comes from what the
team's copies exchanged, as revisions like any change:

- `submit:<id>`: someone asks for a review of the update as it reads now (anyone may);
- `review:<id>`: a reviewer approves it or asks for changes, with a comment (the workspace's
  row-level security lets only reviewers write these, so no copy can approve on its own).

Both name the update and a digest of what readers would get (body, status, signer, language,
next update time). An approval holds for that text only: edit the update after it and it is
awaiting review again, with the changes since the review to see. A person never approves their
own update: the second person is the point.
"""

from __future__ import annotations

import enum
import hashlib
import json
import sqlite3
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from composer.core.i18n import _
from composer.core.workspace import local
from composer.core.workspace.revisions import Revision, new_id, states

POLICIES = ("none", "all", "all-but-investigating")
SETTINGS_OBJECT = "settings:approval"
REVIEWED_FIELDS = ("body", "status", "signer", "language", "next_update_at")


class Standing(enum.StrEnum):
    NOT_NEEDED = "not-needed"
    DRAFT = "draft"
    AWAITING = "awaiting-review"
    APPROVED = "approved"
    CHANGES_REQUESTED = "changes-requested"


@dataclass(frozen=True)
class Verdict:
    by: str
    at: datetime
    approved: bool
    comment: str
    digest: str
    text: Mapping[str, Any]  # what was reviewed, to show the changes since


@dataclass(frozen=True)
class Review:
    """Where one update stands."""

    update: str  # the update's uid
    standing: Standing
    needed: bool
    last: Verdict | None = None  # the newest verdict, if any
    submitted_by: str = ""

    def refusal(self) -> str:
        """Why it may not be published now, or "" when it may."""
        if not self.needed or self.standing == Standing.APPROVED:
            return ""
        if self.standing == Standing.CHANGES_REQUESTED and self.last is not None:
            if self.last.comment:
                return _(
                    "{person} asked for changes: “{comment}”; it needs a reviewer's approval to be published"
                ).format(person=self.last.by, comment=self.last.comment)
            return _("{person} asked for changes; it needs a reviewer's approval to be published").format(
                person=self.last.by
            )
        if self.last is not None and self.last.approved:
            return _("it changed after {person} approved it; it needs a reviewer's approval again").format(
                person=self.last.by
            )
        return _("this workspace needs a second person to approve this update before it is published")


def digest(update: Mapping[str, Any]) -> str:
    """What readers would get, as one value: a change to any of it voids an approval."""
    reviewed = {name: update.get(name) for name in REVIEWED_FIELDS}
    return hashlib.sha256(json.dumps(reviewed, sort_keys=True, ensure_ascii=False).encode()).hexdigest()[:32]


def needs_review(policy: str, status: str) -> bool:
    if policy == "all":
        return True
    if policy == "all-but-investigating":
        return status != "investigating"
    return False


def standing(update_uid: str, update: Mapping[str, Any], policy: str, revisions: Iterable[Revision]) -> Review:
    """Where the update stands, from the submit and review revisions about it (any order)."""
    needed = needs_review(policy, str(update.get("status", "")))
    if not needed:
        return Review(update_uid, Standing.NOT_NEEDED, False)
    now = digest(update)
    verdicts: list[Verdict] = []
    submits: list[tuple[datetime, str]] = []
    for state in states(revisions).values():
        content = state.shown.content
        if content is None or content.get("update") != update_uid:
            continue
        if state.shown.kind == "review":
            verdicts.append(
                Verdict(
                    state.shown.author,
                    state.shown.at,
                    content.get("verdict") == "approved",
                    str(content.get("comment", "")),
                    str(content.get("digest", "")),
                    dict(content.get("text") or {}),
                )
            )
        elif state.shown.kind == "submit":
            submits.append((state.shown.at, state.shown.author))
    last = max(verdicts, key=lambda v: v.at, default=None)
    last_submit = max(submits, default=None)
    by = last_submit[1] if last_submit else ""
    if last is not None and (last_submit is None or last.at >= last_submit[0]):
        if last.approved and last.digest == now:
            return Review(update_uid, Standing.APPROVED, True, last, by)
        if not last.approved and last.digest == now:
            return Review(update_uid, Standing.CHANGES_REQUESTED, True, last, by)
        return Review(update_uid, Standing.AWAITING, True, last, by)  # edited since the verdict
    if last_submit is not None:
        return Review(update_uid, Standing.AWAITING, True, last, by)
    return Review(update_uid, Standing.DRAFT, True, last, by)


# -- on a local copy ---------------------------------------------------------------------------


def _revisions_about(conn: sqlite3.Connection, kinds: tuple[str, ...]) -> list[Revision]:
    clauses = " OR ".join("r.object LIKE ?" for _ in kinds)
    rows = conn.execute(f"SELECT {local.COLUMNS} FROM ws_revisions r WHERE {clauses}", [f"{k}:%" for k in kinds])
    return [Revision.from_row(row) for row in rows]


def policy(conn: sqlite3.Connection) -> str:
    found = states(_revisions_about(conn, ("settings",))).get(SETTINGS_OBJECT)
    value = found.shown.content.get("policy") if found and found.shown.content else None
    return value if value in POLICIES else "none"


def update_content(conn: sqlite3.Connection, update_id: int) -> tuple[str, dict[str, Any]] | None:
    cursor = conn.cursor()
    cursor.row_factory = sqlite3.Row
    row = cursor.execute("SELECT * FROM updates WHERE id = ?", (update_id,)).fetchone()
    if row is None:
        return None
    return str(row["uid"]), {key: row[key] for key in row.keys()}  # noqa: SIM118


def review_of(conn: sqlite3.Connection, update_id: int) -> Review | None:
    found = update_content(conn, update_id)
    if found is None:
        return None
    uid, content = found
    return standing(uid, content, policy(conn), _revisions_about(conn, ("review", "submit")))


def submit(conn: sqlite3.Connection, update_id: int, author: str) -> Revision:
    found = update_content(conn, update_id)
    if found is None:
        raise LookupError(_("no update {id}").format(id=update_id))
    uid, content = found
    return local.record(conn, f"submit:{new_id()}", {"update": uid, "digest": digest(content)}, author)


def decide(conn: sqlite3.Connection, update_id: int, author: str, *, approved: bool, comment: str = "") -> Revision:
    """A reviewer's verdict on the update as it reads now. Raises ValueError when not allowed
    here (their own update, changes asked without a comment); the workspace checks the role."""
    found = update_content(conn, update_id)
    if found is None:
        raise LookupError(_("no update {id}").format(id=update_id))
    uid, content = found
    rows = conn.execute("SELECT DISTINCT author FROM ws_revisions WHERE object = ?", (f"update:{uid}",))
    authors = {row[0] for row in rows}
    if author in authors and approved:
        raise ValueError(_("you wrote this update: approving it needs a second person"))
    if not approved and not comment.strip():
        raise ValueError(_("say what should change: asking for changes needs a comment"))
    text = {name: content.get(name) for name in REVIEWED_FIELDS}
    verdict = "approved" if approved else "changes-requested"
    body = {"update": uid, "verdict": verdict, "comment": comment.strip(), "digest": digest(content), "text": text}
    return local.record(conn, f"review:{new_id()}", body, author)


def set_policy(conn: sqlite3.Connection, value: str, author: str) -> Revision:
    if value not in POLICIES:
        raise ValueError(
            _("unknown approval policy {value!r}: one of {policies}").format(value=value, policies=", ".join(POLICIES))
        )
    return local.record(conn, SETTINGS_OBJECT, {"policy": value}, author)
