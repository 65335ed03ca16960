# SPDX-License-Identifier: GPL-3.0-or-later
"""The sync protocol between a local copy and the workspace, over revisions.

One round, `sync_once(copy, workspace)`:

1. **push**: the revisions this copy made that the workspace has not acknowledged, oldest first,
   in batches, each marked "sent, maybe" before it leaves (it is never amended again). The
   workspace adds a batch in one transaction and ignores ids it already has, so a batch whose
   acknowledgement was lost (the connection dropped after the commit) is simply sent again next
   round: it cannot be added twice. Only then does the copy mark it pushed.
2. **pull**: the workspace numbers revisions in the order it received them; the copy asks for
   those after the last number it applied and applies a batch and the new number in one local
   transaction, so a pull cut anywhere is re-asked from the same place. Its own revisions come
   back too and are ignored by id.

Nothing is ever overwritten: a set of revisions only grows, and what an object shows is
computed from its leaves (`revisions.state`), so two people's concurrent changes end as a
visible conflict on every copy, in whatever order the rounds ran.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Protocol

from composer.core.i18n import _
from composer.core.workspace.revisions import Revision

BATCH = 500


class WorkspaceUnreachable(Exception):
    """The workspace database cannot be reached now (network, server down, timeout)."""


class WorkspaceRefused(Exception):
    """The workspace's rules do not let this person make that change (a review by someone who
    is not a reviewer, a setting by someone who is not an admin)."""


class Workspace(Protocol):
    def add(self, revisions: Sequence[Revision]) -> None:
        """Adds the revisions it lacks, all in one transaction (ids it has are ignored)."""

    def since(self, cursor: int, limit: int) -> tuple[list[Revision], int]:
        """Revisions received after `cursor`, in order, at most `limit`, and the cursor after them."""


class Copy(Protocol):
    def outgoing(self, limit: int) -> list[Revision]:
        """Revisions made here that the workspace has not acknowledged, oldest first, marked as
        being sent in the same transaction: from then on a save makes a new revision after them
        instead of amending one (what may have left this machine is never changed)."""

    def mark_pushed(self, ids: Sequence[str]) -> None: ...

    def mark_refused(self, revision_id: str, reason: str) -> None:
        """The workspace will never take this revision: it stays here, shown as refused, and
        no longer holds back the ones after it."""

    def cursor(self) -> int: ...

    def receive(self, revisions: Sequence[Revision], cursor: int) -> set[str]:
        """Adds the revisions it lacks and sets the cursor, in one transaction; the objects changed."""


@dataclass
class Round:
    pushed: int = 0
    pulled: int = 0
    changed: set[str] = field(default_factory=set)


def push(copy: Copy, workspace: Workspace, *, batch: int = BATCH) -> int:
    sent = 0
    while True:
        pending = copy.outgoing(batch)
        if not pending:
            return sent
        try:
            workspace.add(pending)
        except WorkspaceRefused as refusal:
            # One revision the rules refuse must not hold back the others: one at a time.
            if len(pending) == 1:
                copy.mark_refused(pending[0].id, refusal_reason(pending[0], refusal))
                continue
            for revision in pending:
                sent += push_one(copy, workspace, revision)
            continue
        copy.mark_pushed([revision.id for revision in pending])
        sent += len(pending)


def push_one(copy: Copy, workspace: Workspace, revision: Revision) -> int:
    try:
        workspace.add([revision])
    except WorkspaceRefused as refusal:
        copy.mark_refused(revision.id, refusal_reason(revision, refusal))
        return 0
    copy.mark_pushed([revision.id])
    return 1


def pull(copy: Copy, workspace: Workspace, *, batch: int = BATCH) -> tuple[int, set[str]]:
    received, changed = 0, set[str]()
    while True:
        cursor = copy.cursor()
        found, after = workspace.since(cursor, batch)
        if not found and after == cursor:
            return received, changed
        changed |= copy.receive(found, after)
        received += len(found)


def sync_once(copy: Copy, workspace: Workspace, *, batch: int = BATCH) -> Round:
    """Push, then pull. Raises WorkspaceUnreachable when the workspace went away; whatever was
    done before stays done and the next round continues from there."""
    done = Round()
    done.pushed = push(copy, workspace, batch=batch)
    done.pulled, done.changed = pull(copy, workspace, batch=batch)
    return done


def refusal_reason(revision: Revision, refusal: WorkspaceRefused) -> str:
    """Why the workspace refused a revision, in the words of what the person tried to do."""
    if revision.kind == "review":
        return _("only reviewers may approve an update or ask for changes")
    if revision.kind == "settings":
        return _("only the workspace's administrators may change its settings")
    return _("the workspace refused this change ({reason})").format(reason=refusal)
