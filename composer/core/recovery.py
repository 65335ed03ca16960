# SPDX-License-Identifier: GPL-3.0-or-later
"""What to do with a damaged database: move it aside and copy out every row still readable."""

from __future__ import annotations

import contextlib
import json
import sqlite3
import time
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

from composer.core.files import write_atomic
from composer.core.i18n import _, ngettext
from composer.core.record import Record
from composer.core.schema import TABLES

_CORRUPTION_WORDS = ("not a database", "malformed", "corrupt", "file is encrypted")
# Reading row by row stops after this many unreadable ids in a row.
_MAX_GAP = 1000


def is_corruption(error: sqlite3.Error) -> bool:
    return any(word in str(error).lower() for word in _CORRUPTION_WORDS)


def integrity_problem(conn: sqlite3.Connection) -> str:
    """'' when the database reads cleanly, else SQLite's own description of the damage."""
    try:
        rows = conn.execute("PRAGMA quick_check").fetchall()
    except sqlite3.DatabaseError as error:
        return str(error)
    findings = [str(row[0]) for row in rows]
    return "" if findings == ["ok"] else "; ".join(findings[:3])


# Where a clean close leaves the database's stamp, so that the next opening can skip the check.
CLEAN_SUFFIX = ".clean"
RECHECK_AFTER = 24 * 3600  # seconds: even an untouched file is checked again once a day (bit rot)


def _stamp(path: Path) -> list[int] | None:
    """The file as the file system describes it; None while a WAL is beside it (a connection is
    open, or one ended without closing: the file is not known to be at rest)."""
    try:
        if path.with_name(path.name + "-wal").exists():
            return None
        status = path.stat()
    except OSError:
        return None
    return [status.st_size, status.st_mtime_ns, status.st_ctime_ns, status.st_ino]


def known_clean(path: Path) -> float | None:
    """When `path` was last checked, if it is exactly as a clean close left it since a check less
    than a day ago (else None): then `PRAGMA quick_check` (which reads the whole file: ~30 ms for a
    year of incidents, on every opening) can be skipped. A process killed while it had the file
    open leaves its WAL beside it (only the last clean close removes it), and a change by anything
    else moves the file's stamp: either way the next opening checks."""
    try:
        mark = json.loads(path.with_name(path.name + CLEAN_SUFFIX).read_text(encoding="utf-8"))
        checked = float(mark["checked"])
    except (OSError, ValueError, TypeError, KeyError):
        return None
    stamp = _stamp(path)
    fresh = 0 <= time.time() - checked < RECHECK_AFTER
    return checked if stamp is not None and fresh and mark.get("stamp") == stamp else None


def mark_clean(path: Path, checked: float) -> None:
    """After the last connection closed: leave the stamp for the next opening (never an error;
    nothing written when the mark already says it, as after a command that only read)."""
    stamp = _stamp(path)
    if stamp is None:
        return
    marker = path.with_name(path.name + CLEAN_SUFFIX)
    text = json.dumps({"stamp": stamp, "checked": checked})
    with contextlib.suppress(OSError):
        if marker.read_text(encoding="utf-8") == text:
            return
    with contextlib.suppress(OSError):
        write_atomic(marker, text, durable=False)


def move_aside(path: Path) -> Path:
    """Rename the database and its WAL/SHM companions; returns the new database path."""
    stamp = datetime.now().strftime("%Y%m%dT%H%M%S")
    target = path.with_name(f"{path.name}.corrupt-{stamp}")
    n = 1
    while target.exists():
        n += 1
        target = path.with_name(f"{path.name}.corrupt-{stamp}-{n}")
    path.rename(target)
    for suffix in ("-wal", "-shm"):
        companion = path.with_name(path.name + suffix)
        if companion.exists():
            companion.rename(target.with_name(target.name + suffix))
    return target


def salvage(damaged: Path, target: sqlite3.Connection) -> dict[str, int]:
    """Copy every readable row of `damaged` into `target`; returns rows copied per table."""
    try:
        source = sqlite3.connect(f"{damaged.as_uri()}?mode=ro", uri=True)
    except sqlite3.Error:
        return {}
    try:
        return copy_all(source, target)
    finally:
        source.close()


def copy_all(source: sqlite3.Connection, target: sqlite3.Connection) -> dict[str, int]:
    """Copy rows table by table, skipping what cannot be read; keeps every update reachable."""
    counts: dict[str, int] = {}
    target.execute("PRAGMA foreign_keys = OFF")
    try:
        for table in TABLES:
            # The columns both have: an older file lacks later ones (the target's defaults, and
            # triggers such as the row's uid, fill them in).
            columns = _target_columns(target, table)
            try:
                present = set(_target_columns(source, table))
            except sqlite3.Error:
                present = set()
            columns = [column for column in columns if column in present] or columns
            rows = list(_readable_rows(source, table, columns))
            with target:
                target.executemany(
                    f"INSERT OR IGNORE INTO {table} ({', '.join(columns)}) VALUES ({', '.join('?' for _ in columns)})",
                    rows,
                )
            counts[table] = len(rows)
        with target:
            _adopt_orphans(target)
    finally:
        target.execute("PRAGMA foreign_keys = ON")
    return counts


def _target_columns(conn: sqlite3.Connection, table: str) -> list[str]:
    return [row[1] for row in conn.execute(f"PRAGMA table_info({table})")]


def _readable_rows(source: sqlite3.Connection, table: str, columns: list[str]) -> Iterator[tuple[object, ...]]:
    wanted = ", ".join(columns)
    try:
        yield from source.execute(f"SELECT {wanted} FROM {table}").fetchall()
        return
    except sqlite3.Error:
        pass
    # The table scan hit damage: read row by row and keep what answers.
    try:
        top = source.execute(f"SELECT max(rowid) FROM {table}").fetchone()[0] or 0
    except sqlite3.Error:
        top = None
    rowid, misses = 1, 0
    while (top is None and misses < _MAX_GAP) or (top is not None and rowid <= top):
        try:
            row = source.execute(f"SELECT {wanted} FROM {table} WHERE rowid=?", (rowid,)).fetchone()
        except sqlite3.Error:
            row = None
        if row is None:
            misses += 1
        else:
            misses = 0
            yield row
        rowid += 1


def _adopt_orphans(conn: sqlite3.Connection) -> None:
    """Give rows whose parent was lost a placeholder parent, so their text stays reachable."""
    lost_updates = conn.execute(
        "SELECT update_id, body, saved_at FROM revisions WHERE update_id NOT IN"
        " (SELECT id FROM updates) AND id IN (SELECT max(id) FROM revisions GROUP BY update_id)"
    ).fetchall()
    if lost_updates:
        when = min(row[2] for row in lost_updates)
        home = conn.execute(
            "INSERT INTO incidents (title, status, severity, started_at, created_at)"
            " VALUES ('Recovered text', 'investigating', 'major', ?, ?)",
            (when, when),
        ).lastrowid
        conn.executemany(
            "INSERT INTO updates (id, incident_id, body, status, created_at, edited_at)"
            " VALUES (?, ?, ?, 'investigating', ?, ?)",
            [(uid, home, body, saved, saved) for uid, body, saved in lost_updates],
        )
    orphans = conn.execute(
        "SELECT incident_id, min(created_at) FROM updates WHERE incident_id NOT IN"
        " (SELECT id FROM incidents) GROUP BY incident_id"
    ).fetchall()
    for incident_id, created_at in orphans:
        conn.execute(
            "INSERT INTO incidents (id, title, status, severity, started_at, created_at)"
            " VALUES (?, ?, 'investigating', 'major', ?, ?)",
            (incident_id, f"Recovered incident {incident_id}", created_at, created_at),
        )
    conn.execute("DELETE FROM publications WHERE update_id NOT IN (SELECT id FROM updates)")


class OpenReport(Record):
    """What happened while opening the store, for the app to tell the user."""

    __slots__ = ("moved_aside", "path", "problem", "read_only", "recovered")
    path: Path
    read_only: bool
    moved_aside: Path | None
    recovered: dict[str, int]
    problem: str

    def __init__(
        self,
        path: Path,
        read_only: bool = False,
        moved_aside: Path | None = None,
        recovered: dict[str, int] | None = None,
        problem: str = "",
    ):
        self.path = path
        self.read_only = read_only
        self.moved_aside = moved_aside
        self.recovered = recovered if recovered is not None else {}
        self.problem = problem

    @property
    def message(self) -> str:
        if self.moved_aside is not None:
            counts = ", ".join(f"{n} {table}" for table, n in self.recovered.items() if n)
            kept = (
                _("Recovered what could be read: {counts}.").format(counts=counts)
                if counts
                else _("Nothing could be read from it.")
            )
            return _(
                "The database {path} was damaged ({problem}). It was moved to {moved} and a new one started. {kept}"
            ).format(path=self.path, problem=self.problem, moved=self.moved_aside, kept=kept)
        if self.read_only:
            incidents = self.recovered.get("incidents", 0)
            shown = (
                ngettext(
                    "Your {count} incident is shown as it was saved. ",
                    "Your {count} incidents are shown as they were saved. ",
                    incidents,
                ).format(count=incidents)
                if incidents
                else ""
            )
            return _(
                "The data folder cannot be written ({problem}). {shown}You can read and edit, "
                "but nothing will be saved until it is writable: export what you write."
            ).format(problem=self.problem, shown=shown)
        return ""
