# SPDX-License-Identifier: GPL-3.0-or-later
"""The local copy's side of the revision log, in the store's own SQLite file.

Revisions made here are written with the save that made them (`record`), so a crash never
leaves a change saved but unknown to sync, nor the reverse; they wait in `ws_local` until the
workspace acknowledges them. Revisions pulled are added by id (`receive`), with the cursor, in
one transaction. An unpushed revision may be *amended* (replaced by the next save of the same
object by the same person) as long as sync never read it: nobody else has seen it, so autosaves do not become a flood of
revisions, while anything pushed is never changed again.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from datetime import UTC, datetime

from composer.core.workspace import schema
from composer.core.workspace.revisions import Content, Revision, State, make, state

INSERT = "INSERT OR IGNORE INTO ws_revisions (id, object, parents, author, at, content) VALUES (?, ?, ?, ?, ?, ?)"
COLUMNS = "r.id, r.object, r.parents, r.author, r.at, r.content"
# ws_local.pushed: made here and never read by sync (may be amended) / being sent (the workspace
# may have it) / acknowledged.
MADE, SENDING, PUSHED, REFUSED = 0, 2, 1, 3


def migrate(conn: sqlite3.Connection) -> None:
    """Creates or updates the local copy's tables (a no-op when they are current)."""
    try:
        row = conn.execute("SELECT value FROM ws_state WHERE key = 'schema'").fetchone()
        version = int(row[0]) if row else 0
    except sqlite3.OperationalError:
        version = 0
    if version >= schema.VERSION:
        return
    with conn:
        for step in range(version + 1, schema.VERSION + 1):
            for statement in schema.sqlite_statements(step):
                conn.execute(statement)
        conn.execute("INSERT OR REPLACE INTO ws_state (key, value) VALUES ('schema', ?)", (str(schema.VERSION),))


class LocalCopy:
    """The `sync.Copy` of one store file. `conn` is a connection of its own (sync runs off the
    UI thread); `record` takes the caller's connection so that it joins the caller's save."""

    def __init__(self, conn: sqlite3.Connection):
        self.conn = conn
        migrate(conn)

    # -- sync.Copy ---------------------------------------------------------------------------

    def outgoing(self, limit: int) -> list[Revision]:
        with self.conn:
            # A write first: the transaction holds the write lock from here, so a save cannot
            # amend a revision between our reading it and marking it as sent.
            self.conn.execute("UPDATE ws_state SET value = value WHERE key = 'schema'")
            rows = self.conn.execute(
                f"SELECT {COLUMNS}, l.seq FROM ws_local l JOIN ws_revisions r ON r.id = l.id "
                f"WHERE l.pushed IN ({MADE}, {SENDING}) ORDER BY l.seq LIMIT ?",
                (limit,),
            ).fetchall()
            self.conn.executemany(f"UPDATE ws_local SET pushed = {SENDING} WHERE seq = ?", [(row[-1],) for row in rows])
        return [Revision.from_row(row[:-1]) for row in rows]

    def mark_pushed(self, ids: Sequence[str]) -> None:
        with self.conn:
            self.conn.executemany(f"UPDATE ws_local SET pushed = {PUSHED} WHERE id = ?", [(i,) for i in ids])

    def mark_refused(self, revision_id: str, reason: str) -> None:
        with self.conn:
            self.conn.execute(f"UPDATE ws_local SET pushed = {REFUSED} WHERE id = ?", (revision_id,))
            self.conn.execute(
                "INSERT OR REPLACE INTO ws_state (key, value) VALUES (?, ?)", (f"refused:{revision_id}", reason)
            )

    def refused(self) -> list[tuple[Revision, str]]:
        """Changes made here that the workspace's rules refused, with why."""
        rows = self.conn.execute(
            f"SELECT {COLUMNS}, s.value FROM ws_local l JOIN ws_revisions r ON r.id = l.id "
            f"JOIN ws_state s ON s.key = 'refused:' || l.id WHERE l.pushed = {REFUSED} ORDER BY l.seq"
        ).fetchall()
        return [(Revision.from_row(row[:-1]), row[-1]) for row in rows]

    def cursor(self) -> int:
        row = self.conn.execute("SELECT value FROM ws_state WHERE key = 'cursor'").fetchone()
        return int(row[0]) if row else 0

    def receive(self, revisions: Sequence[Revision], cursor: int) -> set[str]:
        changed: set[str] = set()
        with self.conn:
            for revision in revisions:
                if self.conn.execute(INSERT, revision.as_row()).rowcount:
                    changed.add(revision.object)
            self.conn.executemany("INSERT OR IGNORE INTO ws_dirty (object) VALUES (?)", [(o,) for o in changed])
            self.conn.execute("INSERT OR REPLACE INTO ws_state (key, value) VALUES ('cursor', ?)", (str(cursor),))
        return changed

    # -- what the app asks -------------------------------------------------------------------

    def revisions(self, obj: str) -> list[Revision]:
        return revisions_of(self.conn, obj)

    def state(self, obj: str) -> State | None:
        return state(self.revisions(obj))

    def pending(self) -> int:
        """How many revisions made here wait for the workspace."""
        return int(
            self.conn.execute(f"SELECT count(*) FROM ws_local WHERE pushed IN ({MADE}, {SENDING})").fetchone()[0]
        )

    def conflicts(self) -> list[State]:
        """Every object with two or more leaves: changed on two copies that had not seen each other."""
        rows = self.conn.execute(
            "SELECT DISTINCT r.object FROM ws_revisions r WHERE (SELECT count(*) FROM ws_revisions o "
            "WHERE o.object = r.object) > 1"
        ).fetchall()
        found = [self.state(row[0]) for row in rows]
        return [s for s in found if s is not None and s.conflict]


def revisions_of(conn: sqlite3.Connection, obj: str) -> list[Revision]:
    """Every revision of one object this copy holds."""
    rows = conn.execute(f"SELECT {COLUMNS} FROM ws_revisions r WHERE r.object = ?", (obj,)).fetchall()
    return [Revision.from_row(row) for row in rows]


def record(
    conn: sqlite3.Connection, obj: str, content: Content, author: str, *, at: datetime | None = None
) -> Revision:
    """A save of `obj` made here, inside the caller's transaction: a new revision from the
    object's current leaves, or the amended last one when it is this person's and unpushed."""
    leaves = state(revisions_of(conn, obj))
    if leaves is not None and not leaves.conflict:
        mine = leaves.shown
        waiting = conn.execute(f"SELECT seq FROM ws_local WHERE id = ? AND pushed = {MADE}", (mine.id,)).fetchone()
        if waiting is not None and mine.author == author:
            amended = Revision(mine.id, obj, mine.parents, author, (at or datetime.now(UTC)).astimezone(UTC), content)
            conn.execute("DELETE FROM ws_revisions WHERE id = ?", (mine.id,))
            conn.execute(INSERT, amended.as_row())
            return amended
    # In a conflict a save continues the version shown; the other leaves stay until resolved.
    parents = () if leaves is None else (leaves.shown.id,)
    revision = make(obj, content, author, parents, at=at)
    conn.execute(INSERT, revision.as_row())
    conn.execute("INSERT INTO ws_local (id) VALUES (?)", (revision.id,))
    return revision


def resolve(conn: sqlite3.Connection, obj: str, content: Content, author: str) -> Revision:
    """Ends a conflict: a revision made from every leaf, with the content the person chose."""
    current = state(revisions_of(conn, obj))
    parents = () if current is None else tuple(leaf.id for leaf in current.leaves)
    revision = make(obj, content, author, parents)
    conn.execute(INSERT, revision.as_row())
    conn.execute("INSERT INTO ws_local (id) VALUES (?)", (revision.id,))
    return revision
