# SPDX-License-Identifier: GPL-3.0-or-later
"""Joining a workspace, where this copy stands in it, and leaving it.

The workspace is named by a PostgreSQL URL (`postgresql://ana@db.example.net/comms`). Its
password never stays in the URL: it goes to the keyring like every other secret (account
`workspace:<URL without password>`), and the store keeps only the URL and the user. Joining
checks that the database answers as that person and was set up for Incident Composer
(`set_up`, by its administrator), then shares everything this copy already has.
"""

from __future__ import annotations

import sqlite3
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any
from urllib.parse import quote, unquote, urlsplit, urlunsplit

from composer.core.credentials import CredentialStore
from composer.core.i18n import _
from composer.core.workspace import capture, schema
from composer.core.workspace.local import LocalCopy
from composer.core.workspace.remote import RemoteWorkspace, connect, schema_version
from composer.core.workspace.review import policy
from composer.core.workspace.sync import WorkspaceUnreachable


class WorkspaceError(Exception):
    """A workspace cannot be joined or used as asked; the message says why, in one line."""


@dataclass(frozen=True)
class Address:
    url: str  # without the password
    user: str
    password: str | None  # from the URL, when it carried one

    @property
    def secret_account(self) -> str:
        return f"workspace:{self.url}"


def parse(url: str) -> Address:
    """A PostgreSQL URL, split into what is kept (the URL without password, the user) and the password."""
    parts = urlsplit(url.strip())
    if parts.scheme not in ("postgresql", "postgres"):
        raise WorkspaceError(_("not a PostgreSQL URL: {url!r} (it starts with postgresql://)").format(url=url))
    if not parts.hostname or not parts.path.strip("/"):
        raise WorkspaceError(_("the URL needs a host and a database: postgresql://USER@HOST/DATABASE"))
    if not parts.username:
        raise WorkspaceError(_("the URL needs your user name: postgresql://USER@HOST/DATABASE"))
    user = unquote(parts.username)
    host = parts.hostname if ":" not in parts.hostname else f"[{parts.hostname}]"
    netloc = f"{quote(user, safe='')}@{host}" + (f":{parts.port}" if parts.port else "")
    clean = urlunsplit(("postgresql", netloc, parts.path, parts.query, ""))
    return Address(clean, user, unquote(parts.password) if parts.password is not None else None)


def _state(conn: sqlite3.Connection, key: str) -> str | None:
    try:
        row = conn.execute("SELECT value FROM ws_state WHERE key = ?", (key,)).fetchone()
    except sqlite3.OperationalError:
        return None  # never joined: no table
    return None if row is None else str(row[0])


def _set_state(conn: sqlite3.Connection, **values: str) -> None:
    conn.executemany("INSERT OR REPLACE INTO ws_state (key, value) VALUES (?, ?)", list(values.items()))


def joined(conn: sqlite3.Connection) -> Address | None:
    url, user = _state(conn, "url"), _state(conn, "user")
    return Address(url, user, None) if url and user else None


def open_workspace(conn: sqlite3.Connection, secrets: CredentialStore) -> tuple[Address, RemoteWorkspace]:
    address = joined(conn)
    if address is None:
        raise WorkspaceError(_("this data folder is not in a workspace: `incident-composer workspace join URL`"))
    return address, RemoteWorkspace(address.url, secrets.get(address.secret_account))


def join(path: Path, url: str, secrets: CredentialStore, password: str | None = None) -> Address:
    """Joins the workspace at `url` as the user it names; the password (from the URL, or
    given) goes to the keyring. Checks the database first; nothing is changed if it fails."""
    address = parse(url)
    secret = password if password is not None else address.password
    try:
        with connect(address.url, secret) as conn:
            version = schema_version(conn)
            who = conn.execute("SELECT session_user").fetchone()
    except WorkspaceUnreachable as error:
        raise WorkspaceError(str(error)) from None
    if version == 0:
        raise WorkspaceError(
            _(
                "that database is not set up as a workspace: its administrator runs "
                "`incident-composer workspace setup URL` once"
            )
        )
    if version > schema.VERSION:
        raise WorkspaceError(_("that workspace was set up by a newer Incident Composer: update this one to join it"))
    from composer.core.connection import connect as connect_store  # noqa: PLC0415

    store = connect_store(path)
    try:
        current = joined(store) if _state(store, "schema") else None
        if current is not None and current.url != address.url:
            raise WorkspaceError(_("this data folder is already in {url}: leave it first").format(url=current.url))
        LocalCopy(store)  # the copy's tables and the change notes
        with store:
            _set_state(store, url=address.url, user=str(who[0]) if who else address.user)
            _set_state(store, joined_at=datetime.now(UTC).isoformat())
            # Everything this copy already has is shared: a note for every shared row.
            for shared in schema.SHARED:
                store.execute(f"INSERT INTO ws_changes (kind, row) SELECT '{shared.kind}', rowid FROM {shared.table}")
    finally:
        store.close()
    if secret:
        secrets.set(address.secret_account, secret)
    return address


def leave(path: Path, secrets: CredentialStore) -> Address | None:
    """Leaves the workspace: the rows stay in this store; the revision log, the notes and the
    password go. Changes not yet pushed are lost to the team: the caller warns first."""
    from composer.core.connection import connect as connect_store  # noqa: PLC0415

    store = connect_store(path)
    try:
        address = joined(store)
        if address is None:
            return None
        with store:
            capture.drop_triggers(store)
            for table in ("ws_changes", "ws_dirty", "ws_local", "ws_revisions", "ws_state"):
                store.execute(f"DROP TABLE IF EXISTS {table}")
    finally:
        store.close()
    secrets.delete(address.secret_account)
    return address


@dataclass
class Status:
    joined: bool
    url: str = ""
    user: str = ""
    reachable: bool | None = None  # None: not asked
    error: str = ""
    roles: list[str] = field(default_factory=list)
    waiting: int = 0  # changes made here the workspace has not acknowledged
    conflicts: int = 0
    refused: int = 0
    approval: str = "none"
    last_sync: str = ""
    # Other people's outboxes: who queued jobs and where those stand ({"bo": {"queued": 2}}). Each
    # copy sends only what it queued; a job waiting on another copy waits for that person.
    team_outbox: dict[str, dict[str, int]] = field(default_factory=dict)

    def as_json(self) -> dict[str, Any]:
        return asdict(self)


def status(conn: sqlite3.Connection, workspace: RemoteWorkspace | None = None) -> Status:
    """Where this copy stands; with `workspace`, whether it answers and this person's roles."""
    address = joined(conn)
    if address is None:
        return Status(joined=False)
    copy = LocalCopy(conn)
    found = Status(
        joined=True,
        url=address.url,
        user=address.user,
        waiting=copy.pending() + int(conn.execute("SELECT count(DISTINCT kind || row) FROM ws_changes").fetchone()[0]),
        conflicts=len(copy.conflicts()),
        refused=len(copy.refused()),
        approval=policy(conn),
        last_sync=_state(conn, "last_sync") or "",
        team_outbox=team_outbox(conn, address.user),
    )
    if workspace is not None:
        try:
            found.roles = workspace.roles()
            found.reachable = True
        except WorkspaceUnreachable as error:
            found.reachable, found.error = False, str(error)
    return found


def team_outbox(conn: sqlite3.Connection, me: str) -> dict[str, dict[str, int]]:
    """How the jobs other people's copies queued stand, by person and state (sent ones left out)."""
    from composer.core.workspace.revisions import Revision, states  # noqa: PLC0415

    rows = conn.execute("SELECT id, object, parents, author, at, content FROM ws_revisions WHERE object LIKE 'job:%'")
    found: dict[str, dict[str, int]] = {}
    for job in states(Revision.from_row(row) for row in rows).values():
        content = job.shown.content
        if content is None or job.shown.author == me:
            continue
        state = str(content.get("state", ""))
        if state in ("sent", "cancelled"):
            continue
        counts = found.setdefault(job.shown.author, {})
        counts[state] = counts.get(state, 0) + 1
    return found


def synced(conn: sqlite3.Connection) -> None:
    with conn:
        _set_state(conn, last_sync=datetime.now(UTC).isoformat(timespec="seconds"))
