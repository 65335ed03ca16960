# SPDX-License-Identifier: GPL-3.0-or-later
"""Between the store's rows and the workspace's revisions.

**Capture**: while a copy is in a workspace, triggers on the shared tables note every row that
changes (`ws_changes`), in the transaction of the change itself — the window, the command line,
an import, a restore: whoever writes. `capture` turns the notes into revisions (the row's whole
content, its references as the referenced rows' uids) and clears them, in one transaction.

**Apply**: after a pull, each changed object's shown version is written into its row (a
tombstone deletes it). In the same transaction as a capture of whatever was saved meanwhile, so
a local edit is recorded as a revision before any remote version can be written over its row;
the notes that applying itself causes are then cleared, so nothing echoes back as a change.
"""

from __future__ import annotations

import sqlite3
from typing import Any

from composer.core.workspace import local
from composer.core.workspace.revisions import Revision, state
from composer.core.workspace.schema import BY_KIND, SHARED, Shared

_LOCAL_ONLY = {"id", "uid"}  # columns that are this copy's own: its numbers, and the uid (the object name)


def drop_triggers(conn: sqlite3.Connection) -> None:
    """Leaving the workspace: no more notes."""
    for shared in SHARED:
        for event in ("insert", "update", "delete"):
            conn.execute(f"DROP TRIGGER IF EXISTS ws_note_{shared.table}_{event}")


def _key_of(shared: Shared, row: sqlite3.Row) -> str:
    if shared.key.startswith("'"):
        return shared.key.strip("'")
    return str(row[shared.key])


def _uid_of(conn: sqlite3.Connection, kind: str, row_id: object) -> str | None:
    if row_id is None:
        return None
    shared = BY_KIND[kind]
    found = conn.execute(f"SELECT {shared.key} FROM {shared.table} WHERE rowid = ?", (row_id,)).fetchone()
    return None if found is None else str(found[0])


def _row_id_of(conn: sqlite3.Connection, kind: str, uid: object) -> int | None:
    if uid is None:
        return None
    shared = BY_KIND[kind]
    if shared.key.startswith("'"):
        found = conn.execute(f"SELECT rowid FROM {shared.table} LIMIT 1").fetchone()
    else:
        found = conn.execute(f"SELECT rowid FROM {shared.table} WHERE {shared.key} = ?", (uid,)).fetchone()
    return None if found is None else int(found[0])


def content_of(conn: sqlite3.Connection, shared: Shared, row: sqlite3.Row) -> dict[str, Any]:
    """A row as a revision's content: every column but the copy's own numbers, references as uids."""
    content: dict[str, Any] = {}
    for column in row.keys():  # noqa: SIM118 - sqlite3.Row is not a mapping
        if column in _LOCAL_ONLY or column in shared.left_out:
            continue
        if column in shared.refs:
            content[shared.refs[column]] = _uid_of(conn, shared.refs[column], row[column])
        else:
            content[column] = row[column]
    return content


def capture(conn: sqlite3.Connection, author: str) -> list[Revision]:
    """The noted changes as revisions, notes cleared; inside the caller's transaction."""
    notes = conn.execute("SELECT seq, kind, row, uid FROM ws_changes ORDER BY seq").fetchall()
    made: list[Revision] = []
    done: set[tuple[str, object, object]] = set()
    for _seq, kind, row_id, gone_uid in notes:
        if (kind, row_id, gone_uid) in done:
            continue  # an autosave noted ten times is one revision
        done.add((kind, row_id, gone_uid))
        shared = BY_KIND[kind]
        if gone_uid is not None:
            if _row_id_of(conn, kind, gone_uid) is None:
                made.append(local.record(conn, f"{kind}:{gone_uid}", None, author))
            continue
        cursor = conn.cursor()
        cursor.row_factory = sqlite3.Row
        row = cursor.execute(f"SELECT * FROM {shared.table} WHERE rowid = ?", (row_id,)).fetchone()
        if row is None:
            continue  # inserted and deleted before this capture: its delete note says so
        made.append(local.record(conn, f"{kind}:{_key_of(shared, row)}", content_of(conn, shared, row), author))
    if notes:
        conn.execute("DELETE FROM ws_changes WHERE seq <= ?", (notes[-1][0],))
    return made


def apply(conn: sqlite3.Connection, author: str) -> int:
    """Writes the shown version of each object pulled since the last apply (`ws_dirty`) into its
    row, after capturing what was saved here meanwhile; how many rows changed. Inside the
    caller's (immediate) transaction. An object whose parent row is not here yet (a reference
    to an update this copy has not got) stays in `ws_dirty` for the next apply."""
    capture(conn, author)
    by_object: dict[str, list[Revision]] = {}
    rows = conn.execute(
        f"SELECT {local.COLUMNS} FROM ws_revisions r WHERE r.object IN (SELECT object FROM ws_dirty)"
    )  # fmt: skip
    for row in rows:
        revision = Revision.from_row(row)
        by_object.setdefault(revision.object, []).append(revision)
    writer = _Writer(conn)
    changed, waiting = 0, []
    for shared in SHARED:
        if not shared.applied:
            continue
        for obj in sorted(o for o in by_object if o.split(":", 1)[0] == shared.kind):
            current = state(by_object[obj])
            if current is None:
                continue
            done = writer.write(shared, obj.split(":", 1)[1], current.shown.content)
            if done is None:
                waiting.append(obj)
            else:
                changed += done
    conn.execute("DELETE FROM ws_changes")  # the notes our own writes made
    conn.execute("DELETE FROM ws_dirty")
    conn.executemany("INSERT INTO ws_dirty (object) VALUES (?)", [(obj,) for obj in waiting])
    return changed


class _Writer:
    """Writes objects into rows, remembering each table's columns and the rows it found by uid."""

    def __init__(self, conn: sqlite3.Connection):
        self.conn = conn
        self._columns: dict[str, set[str]] = {}
        self._rows: dict[tuple[str, str], int | None] = {}

    def columns(self, table: str) -> set[str]:
        if table not in self._columns:
            self._columns[table] = {row[1] for row in self.conn.execute(f"PRAGMA table_info({table})")}
        return self._columns[table]

    def row_id(self, kind: str, uid: object) -> int | None:
        if uid is None:
            return None
        key = (kind, str(uid))
        if key not in self._rows:
            self._rows[key] = _row_id_of(self.conn, kind, uid)
        return self._rows[key]

    def write(self, shared: Shared, uid: str, content: Any) -> int | None:
        """1 when the row was written or deleted, 0 when nothing was to do, None when it must wait."""
        conn = self.conn
        row_id = self.row_id(shared.kind, uid)
        if content is None:
            if row_id is None:
                return 0
            conn.execute(f"DELETE FROM {shared.table} WHERE rowid = ?", (row_id,))
            self._rows[(shared.kind, uid)] = None
            return 1
        values: dict[str, Any] = {}
        columns = self.columns(shared.table)
        for name, value in content.items():
            column = next((c for c, kind in shared.refs.items() if kind == name), name)
            if column not in columns or column in _LOCAL_ONLY:
                continue  # a column a newer copy has and this one does not
            values[column] = self.row_id(shared.refs[column], value) if column in shared.refs else value
        if any(column in shared.refs and value is None for column, value in values.items()):
            return None  # its parent is not here (not yet pulled, or deleted meanwhile)
        if row_id is None:
            if not shared.key.startswith("'"):
                values[shared.key] = uid
            if shared.kind == "organisation":
                values["id"] = 1
            names = ", ".join(values)
            cursor = conn.execute(
                f"INSERT INTO {shared.table} ({names}) VALUES ({', '.join('?' for _ in values)})",
                tuple(values.values()),
            )
            self._rows[(shared.kind, uid)] = cursor.lastrowid
        else:
            assignments = ", ".join(f"{column} = ?" for column in values)
            conn.execute(f"UPDATE {shared.table} SET {assignments} WHERE rowid = ?", (*values.values(), row_id))
        return 1
