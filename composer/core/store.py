# SPDX-License-Identifier: GPL-3.0-or-later
"""The embedded store: one SQLite file (WAL) holding incidents, updates and their history.

Every write is its own short transaction, so a killed process loses at most the
keystrokes typed since the last save. Write failures (disk full, read-only
folder) raise SaveFailed with a message meant for the user; nothing in memory is
discarded by a failed save.
"""

from __future__ import annotations

import contextlib
import json
import sqlite3
import time
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

from composer.core import recovery, schema
from composer.core.connection import connect as _connect
from composer.core.connection import private as _private
from composer.core.connection import unwritable_folder
from composer.core.i18n import _
from composer.core.listing import ListingQueries
from composer.core.model import (
    Event,
    Incident,
    Organisation,
    Person,
    Publication,
    Revision,
    Update,
    parse_severity,
    parse_status,
    utc_now,
)
from composer.core.model import parse_time as _dt
from composer.core.outreach_contacts import OutreachQueries
from composer.core.recovery import OpenReport
from composer.core.search import SearchQueries
from composer.core.site_queries import SiteQueries

if TYPE_CHECKING:
    from composer.core.outbox import Outbox

# Saves closer together than this extend the newest revision instead of adding one.
REVISION_INTERVAL = timedelta(seconds=60)


class StoreError(Exception):
    """A store problem, worded for the person using the app."""


class SaveFailed(StoreError):
    """A write did not reach the disk. The caller still holds the data.

    `str()` speaks to the window's user (their text is still in the editor); `reason` is the
    same without that sentence, for the command line, which has no editor."""

    def __init__(self, reason: str, in_editor: str | None = None):
        in_editor = _("Your text is still in the editor.") if in_editor is None else in_editor
        super().__init__(f"{reason} {in_editor}".strip())
        self.reason = reason


class NotFound(StoreError):
    pass


def _inserted_id(cursor: sqlite3.Cursor) -> int:
    """The id an INSERT gave its row (sqlite3 leaves `lastrowid` None only before any INSERT)."""
    if cursor.lastrowid is None:
        raise StoreError(_("The database gave the new row no id."))
    return cursor.lastrowid


def _ts(value: datetime | None) -> str | None:
    return value.isoformat() if value is not None else None


def _save_failure(error: sqlite3.Error) -> SaveFailed:
    text = str(error).lower()
    if "full" in text:
        why = _("the disk is full. Free some space; saving retries by itself")
    elif "readonly" in text or "read-only" in text:
        why = _("the data folder is read-only. Make it writable or export your text")
    elif "locked" in text or "busy" in text:
        why = _("another program holds the database. Saving retries by itself")
    else:
        why = _("the database refused the write ({error})").format(error=error)
    return SaveFailed(_("Not saved: {why}.").format(why=why))


class Store(ListingQueries, SearchQueries, SiteQueries, OutreachQueries):
    """Incidents, updates, revisions, the roster and the organisation profile."""

    def __init__(self, conn: sqlite3.Connection, path: Path, read_only: bool = False):
        self._conn = conn
        self.path = path
        self.read_only = read_only
        self._depth = 0  # inside `transaction()`: writes wait for its end to commit
        self._checked: float | None = None  # when the file was last found undamaged (see close)

    # -- opening -----------------------------------------------------------------

    @classmethod
    def open(cls, path: Path) -> tuple[Store, OpenReport]:
        """Open (or create) the store at `path`. Never raises for a damaged file."""
        report = OpenReport(path=path)
        try:
            _private(path)
        except OSError as error:
            return cls._open_fallback(
                path, report, _("cannot create {folder}: {reason}").format(folder=path.parent, reason=error.strerror)
            )
        checked = recovery.known_clean(path)  # before connecting: a connection makes the WAL
        try:
            conn = _connect(path)
        except sqlite3.DatabaseError as error:
            if recovery.is_corruption(error):
                return cls._recover(path, report, str(error))
            return cls._open_fallback(path, report, unwritable_folder(path) or str(error))
        problem = recovery.integrity_problem(conn) if checked is None else ""
        if problem:
            conn.close()
            return cls._recover(path, report, problem)
        try:
            schema.migrate(conn)
        except schema.NewerSchemaError as error:
            conn.close()
            return cls._open_fallback(path, report, str(error))
        except sqlite3.OperationalError as error:
            conn.close()
            return cls._open_fallback(path, report, unwritable_folder(path) or str(error))
        store = cls(conn, path)
        store._checked = checked if checked is not None else time.time()
        # Every opening (window, command, worker connection): a send that a dead process left
        # half-done may have gone out; it becomes 'uncertain', never re-sent blindly. Almost
        # always nothing is being sent: one query, and the outbox stays off the startup path.
        with contextlib.suppress(sqlite3.Error):
            if conn.execute("SELECT EXISTS (SELECT 1 FROM outbox WHERE state = 'sending')").fetchone()[0]:
                store.outbox().recover_interrupted()
        return store, report

    @classmethod
    def open_memory(cls) -> Store:
        conn = sqlite3.connect(":memory:", check_same_thread=False)
        conn.row_factory = sqlite3.Row
        conn.execute("PRAGMA foreign_keys = ON")
        schema.migrate(conn)
        return cls(conn, Path(":memory:"))

    @classmethod
    def _recover(cls, path: Path, report: OpenReport, problem: str) -> tuple[Store, OpenReport]:
        report.problem = problem
        report.moved_aside = recovery.move_aside(path)
        conn = _connect(path)
        schema.migrate(conn)
        report.recovered = recovery.salvage(report.moved_aside, conn)
        return cls(conn, path), report

    @classmethod
    def _open_fallback(cls, path: Path, report: OpenReport, problem: str) -> tuple[Store, OpenReport]:
        """Unwritable folder or newer schema: read what exists, keep edits in memory."""
        report.read_only = True
        report.problem = problem
        store = cls.open_memory()
        store.read_only = True
        if path.exists():
            try:
                source = _connect(path, read_only=True)
                report.recovered = recovery.copy_all(source, store._conn)
                source.close()
            except sqlite3.Error:
                pass
        return store, report

    def close(self) -> None:
        self._conn.close()
        if self._checked is not None:  # a file store that opened cleanly: the next opening may skip the check
            recovery.mark_clean(self.path, self._checked)

    def data_version(self) -> tuple[int, int]:
        """Moves whenever the data may have changed: SQLite's data_version (commits by any other
        connection, other processes too), then the rows this connection changed. Cheap to poll."""
        return int(self._conn.execute("PRAGMA data_version").fetchone()[0]), self._conn.total_changes

    @contextmanager
    def transaction(self, *, immediate: bool = False) -> Iterator[None]:
        """Several writes as one: all of them are committed at the end, or none (an error or a
        kill -9 in between leaves nothing half-done). Nested: the outermost one commits.
        `immediate`: take the database's write lock first, so that what is read inside cannot be
        changed by another process before the writes (look up, then add if missing)."""
        with self._write() as conn:
            if immediate and not self._depth and not conn.in_transaction:
                conn.execute("BEGIN IMMEDIATE")
            self._depth += 1
            try:
                yield
            finally:
                self._depth -= 1

    @contextmanager
    def _write(self) -> Iterator[sqlite3.Connection]:
        if self._depth:  # part of an open transaction(): it commits or rolls back the whole
            yield self._conn
            return
        if self.read_only:
            raise SaveFailed(
                _("Not saved: the data folder is read-only."),
                _("Your text is still in the editor; use File → Export to keep a copy."),
            )
        try:
            with self._conn:
                yield self._conn
        except sqlite3.IntegrityError:
            raise
        except sqlite3.OperationalError as error:
            raise _save_failure(error) from error

    # -- incidents ---------------------------------------------------------------

    def add_incident(self, incident: Incident) -> Incident:
        with self._write() as conn:
            cursor = conn.execute(
                "INSERT INTO incidents (title, status, severity, started_at, affected_services, customer_impact,"
                " workaround, region, own_site_down, own_email_down, created_at) VALUES (?,?,?,?,?,?,?,?,?,?,?)",
                (*self._incident_values(incident), _ts(incident.created_at)),
            )
        incident.id = cursor.lastrowid
        return incident

    def save_incident(self, incident: Incident) -> None:
        """Save the incident's fields but its status, which follows what is published
        (`add_publication`): a window holding an older copy never turns it back."""
        values = self._incident_values(incident)
        with self._write() as conn:
            conn.execute(
                "UPDATE incidents SET title=?, severity=?, started_at=?,"
                " affected_services=?, customer_impact=?, workaround=?, region=?, own_site_down=?,"
                " own_email_down=? WHERE id=?",
                (values[0], *values[2:], incident.id),
            )
            row = conn.execute("SELECT status FROM incidents WHERE id=?", (incident.id,)).fetchone()
        if row is not None:
            incident.status = parse_status(row["status"])

    @staticmethod
    def _incident_values(incident: Incident) -> tuple[object, ...]:
        return (
            incident.title,
            incident.status.value,
            incident.severity.value,
            _ts(incident.started_at),
            json.dumps(incident.affected_services),
            incident.customer_impact,
            incident.workaround,
            incident.region,
            int(incident.own_site_down),
            int(incident.own_email_down),
        )

    def delete_incident(self, incident_id: int) -> None:
        with self._write() as conn:
            conn.execute("DELETE FROM incidents WHERE id=?", (incident_id,))

    def incident(self, incident_id: int) -> Incident:
        row = self._conn.execute("SELECT * FROM incidents WHERE id=?", (incident_id,)).fetchone()
        if row is None:
            raise NotFound(_("no incident with id {id}").format(id=incident_id))
        return self._incident_from(row)

    def incidents(self) -> list[Incident]:
        rows = self._conn.execute("SELECT * FROM incidents ORDER BY started_at DESC, id DESC")
        return [self._incident_from(row) for row in rows]

    @staticmethod
    def _incident_from(row: sqlite3.Row) -> Incident:
        return Incident(
            id=row["id"],
            title=row["title"],
            status=parse_status(row["status"]),
            severity=parse_severity(row["severity"]),
            started_at=_dt(row["started_at"]) or utc_now(),
            affected_services=list(json.loads(row["affected_services"] or "[]")),
            customer_impact=row["customer_impact"],
            workaround=row["workaround"],
            region=row["region"],
            own_site_down=bool(row["own_site_down"]),
            own_email_down=bool(row["own_email_down"]),
            created_at=_dt(row["created_at"]) or utc_now(),
        )

    # -- updates -----------------------------------------------------------------

    def add_update(self, update: Update) -> Update:
        with self._write() as conn:
            cursor = conn.execute(
                "INSERT INTO updates (incident_id, body, status, signer, language, next_update_at,"
                " previous_update_at, created_at, edited_at, extra) VALUES (?,?,?,?,?,?,?,?,?,?)",
                (
                    update.incident_id,
                    *self._update_values(update)[:-1],
                    _ts(update.created_at),
                    _ts(update.edited_at),
                    json.dumps(update.extra, default=str),
                ),
            )
            update.id = update_id = _inserted_id(cursor)
            self._insert_revision(conn, update_id, update.body, update.edited_at)
        return update

    def save_update(self, update: Update, *, new_revision: bool = False) -> None:
        """Save every field of an update (the body too, with its revision: a revision of its own
        with `new_revision`, as when a file replaces the text, never merged into the last)."""
        if update.id is None:
            raise ValueError("save_update takes a stored update; add_update stores a new one")
        update_id = update.id
        update.edited_at = utc_now()
        with self._write() as conn:
            conn.execute(
                "UPDATE updates SET body=?, status=?, signer=?, language=?, next_update_at=?,"
                " previous_update_at=?, extra=?, edited_at=? WHERE id=?",
                (*self._update_values(update), _ts(update.edited_at), update.id),
            )
            if new_revision:
                self._insert_revision(conn, update_id, update.body, update.edited_at)
            else:
                self._record_revision(conn, update_id, update.body, update.edited_at)

    @staticmethod
    def _update_values(update: Update) -> tuple[object, ...]:
        return (
            update.body,
            update.status.value,
            update.signer,
            update.language,
            _ts(update.next_update_at),
            _ts(update.previous_update_at),
            json.dumps(update.extra, default=str),
        )

    def save_body(self, update_id: int, body: str, when: datetime | None = None) -> None:
        """The autosave path: store the text and extend (or start) a revision."""
        when = when or utc_now()
        with self._write() as conn:
            conn.execute("UPDATE updates SET body=?, edited_at=? WHERE id=?", (body, _ts(when), update_id))
            self._record_revision(conn, update_id, body, when)

    def delete_update(self, update_id: int) -> None:
        with self._write() as conn:
            conn.execute("DELETE FROM updates WHERE id=?", (update_id,))

    def update(self, update_id: int) -> Update:
        row = self._conn.execute("SELECT * FROM updates WHERE id=?", (update_id,)).fetchone()
        if row is None:
            raise NotFound(_("no update with id {id}").format(id=update_id))
        return self._update_from(row)

    def updates(self, incident_id: int) -> list[Update]:
        """Updates of one incident, oldest first."""
        rows = self._conn.execute(
            "SELECT * FROM updates WHERE incident_id=? ORDER BY created_at, id", (incident_id,)
        ).fetchall()
        pubs: dict[int, list[sqlite3.Row]] = {row["id"]: [] for row in rows}  # all of them in one query
        for pub in self._conn.execute(
            "SELECT p.* FROM publications p JOIN updates u ON u.id = p.update_id WHERE u.incident_id=?"
            " ORDER BY p.published_at",
            (incident_id,),
        ):
            pubs.setdefault(pub["update_id"], []).append(pub)
        return [self._update_from(row, pubs[row["id"]]) for row in rows]

    def latest_update(self, incident_id: int) -> Update | None:
        row = self._conn.execute(
            "SELECT * FROM updates WHERE incident_id=? ORDER BY created_at DESC, id DESC LIMIT 1",
            (incident_id,),
        ).fetchone()
        return self._update_from(row) if row is not None else None

    def previous_public_update_at(self, update: Update) -> datetime | None:
        """When the incident's previous update went public (None: this is the first)."""
        if update.previous_update_at is not None:
            return update.previous_update_at
        earlier = [
            u.published_at
            for u in self.updates(update.incident_id or 0)
            if u.id != update.id and u.published_at is not None and u.created_at <= update.created_at
        ]
        return max(earlier, default=None)

    def _update_from(self, row: sqlite3.Row, pubs: list[sqlite3.Row] | None = None) -> Update:
        if pubs is None:
            pubs = self._conn.execute(
                "SELECT * FROM publications WHERE update_id=? ORDER BY published_at", (row["id"],)
            ).fetchall()
        return Update(
            id=row["id"],
            incident_id=row["incident_id"],
            body=row["body"],
            status=parse_status(row["status"]),
            signer=row["signer"],
            language=row["language"],
            next_update_at=_dt(row["next_update_at"]),
            previous_update_at=_dt(row["previous_update_at"]),
            created_at=_dt(row["created_at"]) or utc_now(),
            edited_at=_dt(row["edited_at"]) or utc_now(),
            extra=dict(json.loads(row["extra"] or "{}")),
            publications=[
                Publication(
                    channel=p["channel"],
                    published_at=_dt(p["published_at"]) or utc_now(),
                    remote_id=p["remote_id"],
                    url=p["url"],
                )
                for p in pubs
            ],
        )

    def add_publication(self, update_id: int, publication: Publication) -> None:
        """Record where an update went out by hand (the outbox records what it sends itself, see
        schema migration 8). The incident's status becomes that of its newest published update."""
        with self._write() as conn:
            conn.execute(
                "INSERT INTO publications (update_id, channel, published_at, remote_id, url) VALUES (?,?,?,?,?)",
                (update_id, publication.channel, _ts(publication.published_at), publication.remote_id, publication.url),
            )

    def add_event(self, event: Event) -> Event:
        with self._write() as conn:
            event.id = conn.execute(
                "INSERT INTO events (update_id, at, kind, detail) VALUES (?,?,?,?)",
                (event.update_id, _ts(event.at), event.kind, json.dumps(event.detail, default=str)),
            ).lastrowid
        return event

    def update_with_event(self, kind: str, detail: dict[str, object]) -> int | None:
        """The newest update with an event of `kind` whose detail is exactly `detail`, if any."""
        row = self._conn.execute(
            "SELECT update_id FROM events WHERE kind=? AND detail=? ORDER BY id DESC LIMIT 1",
            (kind, json.dumps(detail, default=str)),
        ).fetchone()
        return None if row is None else int(row["update_id"])

    def events(self, update_id: int) -> list[Event]:
        rows = self._conn.execute("SELECT * FROM events WHERE update_id=? ORDER BY id", (update_id,)).fetchall()
        return [
            Event(
                id=r["id"],
                update_id=r["update_id"],
                kind=r["kind"],
                detail=dict(json.loads(r["detail"])),
                at=_dt(r["at"]) or utc_now(),
            )
            for r in rows
        ]

    # -- publishing accounts (settings only: secrets live in the keyring) --------------

    def accounts(self) -> list[tuple[str, str, dict[str, str]]]:
        rows = self._conn.execute("SELECT name, kind, settings FROM accounts ORDER BY name").fetchall()
        return [(r["name"], r["kind"], dict(json.loads(r["settings"]))) for r in rows]

    def save_account(self, name: str, kind: str, settings: dict[str, str]) -> None:
        with self._write() as conn:
            conn.execute(
                "INSERT INTO accounts (name, kind, settings, created_at) VALUES (?,?,?,?)"
                " ON CONFLICT(name) DO UPDATE SET kind=excluded.kind, settings=excluded.settings",
                (name, kind, json.dumps(settings), _ts(utc_now())),
            )

    def remove_account(self, name: str) -> bool:
        with self._write() as conn:
            return conn.execute("DELETE FROM accounts WHERE name=?", (name,)).rowcount > 0

    def outbox(self) -> Outbox:
        from composer.core.outbox import Outbox  # noqa: PLC0415

        return Outbox(self._conn)

    # -- revisions ---------------------------------------------------------------

    @staticmethod
    def _insert_revision(conn: sqlite3.Connection, update_id: int, body: str, when: datetime) -> None:
        conn.execute(
            "INSERT INTO revisions (update_id, body, started_at, saved_at) VALUES (?,?,?,?)",
            (update_id, body, _ts(when), _ts(when)),
        )

    def _record_revision(self, conn: sqlite3.Connection, update_id: int, body: str, when: datetime) -> None:
        last = conn.execute(
            "SELECT id, body, started_at FROM revisions WHERE update_id=? ORDER BY id DESC LIMIT 1",
            (update_id,),
        ).fetchone()
        if last is not None and last["body"] == body:
            return
        started = _dt(last["started_at"]) if last is not None else None
        if started is not None and when - started < REVISION_INTERVAL:
            conn.execute("UPDATE revisions SET body=?, saved_at=? WHERE id=?", (body, _ts(when), last["id"]))
        else:
            self._insert_revision(conn, update_id, body, when)

    def revisions(self, update_id: int) -> list[Revision]:
        """Revisions of one update, newest first."""
        rows = self._conn.execute("SELECT * FROM revisions WHERE update_id=? ORDER BY id DESC", (update_id,)).fetchall()
        return [
            Revision(id=r["id"], update_id=r["update_id"], body=r["body"], saved_at=_dt(r["saved_at"]) or utc_now())
            for r in rows
        ]

    def restore_revision(self, revision_id: int) -> Update:
        """Make an earlier revision the current text; the text it replaces stays in history."""
        row = self._conn.execute("SELECT * FROM revisions WHERE id=?", (revision_id,)).fetchone()
        if row is None:
            raise NotFound(_("no revision with id {id}").format(id=revision_id))
        now = utc_now()
        with self._write() as conn:
            conn.execute("UPDATE updates SET body=?, edited_at=? WHERE id=?", (row["body"], _ts(now), row["update_id"]))
            self._insert_revision(conn, row["update_id"], row["body"], now)
        return self.update(row["update_id"])

    # -- roster and organisation -------------------------------------------------

    def people(self) -> list[Person]:
        rows = self._conn.execute("SELECT * FROM people ORDER BY name").fetchall()
        return [Person(id=r["id"], name=r["name"], role=r["role"], email=r["email"], phone=r["phone"]) for r in rows]

    def save_person(self, person: Person) -> Person:
        values = (person.name, person.role, person.email, person.phone)
        with self._write() as conn:
            if person.id is None:
                person.id = conn.execute(
                    "INSERT INTO people (name, role, email, phone) VALUES (?,?,?,?)", values
                ).lastrowid
            else:
                conn.execute("UPDATE people SET name=?, role=?, email=?, phone=? WHERE id=?", (*values, person.id))
        return person

    def remove_person(self, person_id: int) -> None:
        with self._write() as conn:
            conn.execute("DELETE FROM people WHERE id=?", (person_id,))

    def organisation(self) -> Organisation:
        row = self._conn.execute("SELECT * FROM organisation WHERE id=1").fetchone()
        return Organisation(**{name: row[name] for name in Organisation.__slots__}) if row else Organisation()

    def save_organisation(self, org: Organisation) -> None:
        names = Organisation.__slots__  # the columns are named as the fields
        with self._write() as conn:
            conn.execute(
                f"INSERT INTO organisation (id, {', '.join(names)}) VALUES (1{',?' * len(names)}) ON CONFLICT(id)"
                f" DO UPDATE SET {', '.join(f'{name}=excluded.{name}' for name in names)}",
                tuple(getattr(org, name) for name in names),
            )
