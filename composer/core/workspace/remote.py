# SPDX-License-Identifier: GPL-3.0-or-later
"""The workspace's side: a PostgreSQL database the organisation runs, through psycopg 3.

Every failure to reach it is `WorkspaceUnreachable` (the caller keeps drafting locally and
tries again); a refusal by the database's own rules (row-level security: approving without being
a reviewer, changing the workspace's settings without being an admin) is `WorkspaceRefused`,
with what the person may not do in plain words.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any, TypeVar

from composer.core.i18n import _
from composer.core.workspace import schema
from composer.core.workspace.revisions import Revision
from composer.core.workspace.sync import WorkspaceRefused, WorkspaceUnreachable

if TYPE_CHECKING:
    import psycopg

T = TypeVar("T")
CONNECT_TIMEOUT_S = 5
STATEMENT_TIMEOUT_MS = 15_000


def _options(password: str | None) -> dict[str, Any]:
    options: dict[str, Any] = {
        "connect_timeout": CONNECT_TIMEOUT_S,
        "application_name": "incident-composer",
        # A dead network must end a statement, not hang it: the server's timeout, and the
        # client's keepalives to notice a peer that vanished.
        "options": f"-c statement_timeout={STATEMENT_TIMEOUT_MS}",
        "keepalives": 1,
        "keepalives_idle": 10,
        "keepalives_interval": 5,
        "keepalives_count": 3,
    }
    if password is not None:
        options["password"] = password
    return options


@contextmanager
def reachable() -> Iterator[None]:
    import psycopg  # noqa: PLC0415

    try:
        yield
    except psycopg.errors.InsufficientPrivilege as error:
        raise WorkspaceRefused(_refusal(error)) from None
    except psycopg.OperationalError as error:
        reason = " ".join(str(error).split()) or type(error).__name__
        raise WorkspaceUnreachable(_("the workspace cannot be reached: {reason}").format(reason=reason)) from None


def _refusal(error: Exception) -> str:
    text = str(error)
    if "row-level security" in text:
        return _("your role in the workspace does not allow it")
    return _("the workspace refused: {reason}").format(reason=" ".join(text.split()))


def connect(url: str, password: str | None = None, *, autocommit: bool = False) -> psycopg.Connection[Any]:
    import psycopg  # noqa: PLC0415

    with reachable():
        return psycopg.connect(url, autocommit=autocommit, **_options(password))


class RemoteWorkspace:
    """The `sync.Workspace` of one PostgreSQL database."""

    def __init__(self, url: str, password: str | None = None):
        self.url = url
        self._password = password
        self._conn: psycopg.Connection[Any] | None = None

    def _connection(self) -> psycopg.Connection[Any]:
        if self._conn is None or self._conn.closed:
            self._conn = connect(self.url, self._password)
        return self._conn

    def close(self) -> None:
        if self._conn is not None:
            self._conn.close()
            self._conn = None

    def _run(self, work: Callable[[psycopg.Connection[Any]], T]) -> T:
        """`work` on the connection. Every call here is safe to repeat (adding ignores ids it
        has; reading changes nothing), so a connection that went stale while idle (the server
        restarted, a NAT forgot it) is replaced and the call made once more on a fresh one."""
        import psycopg  # noqa: PLC0415

        with reachable():
            for attempt in (1, 2):
                fresh = self._conn is None or self._conn.closed
                conn = self._connection()
                try:
                    return work(conn)
                except psycopg.OperationalError:
                    if not (conn.closed or conn.broken):
                        conn.rollback()
                    self.close()  # a connection cut mid-statement is unusable
                    if fresh or attempt == 2:
                        raise
                except BaseException:
                    if conn.broken:
                        self.close()
                    elif not conn.closed:
                        conn.rollback()
                    raise
        raise AssertionError("unreachable")  # pragma: no cover

    def add(self, revisions: Sequence[Revision]) -> None:
        from psycopg.types.json import Jsonb  # noqa: PLC0415

        rows = [
            (
                r.id,
                r.object,
                Jsonb(list(r.parents)),
                r.author,
                r.at,
                None if r.content is None else Jsonb(dict(r.content)),
            )
            for r in revisions
        ]

        def insert(conn: psycopg.Connection[Any]) -> None:
            with conn.transaction():
                conn.execute("SELECT pg_advisory_xact_lock(%s)", (schema.SEQ_LOCK,))
                with conn.cursor() as cursor:
                    cursor.executemany(
                        "INSERT INTO ws_revisions (id, object, parents, author, at, content) "
                        "VALUES (%s, %s, %s, %s, %s, %s) ON CONFLICT (id) DO NOTHING",
                        rows,
                    )

        self._run(insert)

    def since(self, cursor: int, limit: int) -> tuple[list[Revision], int]:
        def read(conn: psycopg.Connection[Any]) -> list[Any]:
            found = conn.execute(
                "SELECT id, object, parents, author, at, content, seq FROM ws_revisions "
                "WHERE seq > %s ORDER BY seq LIMIT %s",
                (cursor, limit),
            ).fetchall()
            conn.rollback()  # end the read's transaction: a long-lived one would hold back vacuum
            return found

        rows = self._run(read)
        if not rows:
            return [], cursor
        return [Revision.from_row(row[:-1]) for row in rows], int(rows[-1][-1])

    def roles(self) -> list[str]:
        def ask(conn: psycopg.Connection[Any]) -> list[str]:
            found = roles_of(conn)
            conn.rollback()
            return found

        return self._run(ask)

    def who_am_i(self) -> str:
        def ask(conn: psycopg.Connection[Any]) -> str:
            row = conn.execute("SELECT session_user").fetchone()
            conn.rollback()
            return str(row[0]) if row else ""

        return self._run(ask)


def roles_of(conn: psycopg.Connection[Any]) -> list[str]:
    """What this person may do in the workspace: "draft", "review", "administer"."""
    names = (("draft", schema.DRAFTER), ("review", schema.REVIEWER), ("administer", schema.ADMIN))
    found = []
    for word, role in names:
        row = conn.execute(
            "SELECT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = %s) AND pg_has_role(session_user, "
            "(SELECT oid FROM pg_roles WHERE rolname = %s), 'member')",
            (role, role),
        ).fetchone()
        if row and row[0]:
            found.append(word)
    return found


def schema_version(conn: psycopg.Connection[Any]) -> int:
    row = conn.execute("SELECT to_regclass('ws_meta') IS NOT NULL").fetchone()
    if not row or not row[0]:
        return 0
    found = conn.execute("SELECT value FROM ws_meta WHERE key = 'schema'").fetchone()
    return int(found[0]) if found else 0


def set_up(conn: psycopg.Connection[Any]) -> int:
    """Creates or updates the workspace's tables and roles (run by its owner, once per version);
    the version reached. Roles are the cluster's: those that exist already are left alone."""
    from psycopg.types.json import Jsonb  # noqa: PLC0415

    with reachable(), conn.transaction():
        version = schema_version(conn)
        for step in range(version + 1, schema.VERSION + 1):
            for statement in schema.postgres_statements(step):
                conn.execute(statement.encode())
        if version == 0:
            existing = {row[0] for row in conn.execute("SELECT rolname FROM pg_roles").fetchall()}
            for statement in schema.ROLES:
                if statement.startswith("CREATE ROLE") and statement.split()[2] in existing:
                    continue
                conn.execute(statement.encode())
        conn.execute(
            "INSERT INTO ws_meta (key, value) VALUES ('schema', %s) ON CONFLICT (key) DO UPDATE SET value = %s",
            (Jsonb(schema.VERSION), Jsonb(schema.VERSION)),
        )
    return schema.VERSION
