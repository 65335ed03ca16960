# SPDX-License-Identifier: GPL-3.0-or-later
"""The workspace's tables, on both sides, from one description.

`MIGRATIONS` lists, version by version, the tables and indexes of the revision log. The local
copy (SQLite, inside the store's own file) and the workspace (PostgreSQL) are both made from it
by `sqlite_statements` and `postgres_statements`; each side records the version it reached
(`ws_state.schema` locally, `ws_meta.schema` in the workspace). What only one side has is
listed apart: the local copy's bookkeeping columns (made here, pushed), the workspace's order of
arrival, its notification and its rules about who may write what (`POSTGRES_EXTRA`, `ROLES`).
"""

from __future__ import annotations

from dataclasses import dataclass, field

# Logical column types and how each side spells them.
TYPES = {
    "sqlite": {"text": "TEXT", "json": "TEXT", "time": "TEXT", "int": "INTEGER", "flag": "INTEGER"},
    "postgres": {"text": "text", "json": "jsonb", "time": "timestamptz", "int": "bigint", "flag": "boolean"},
}


@dataclass(frozen=True)
class Column:
    name: str
    type: str
    null: bool = False
    primary: bool = False
    default: str | None = None


@dataclass(frozen=True)
class Table:
    name: str
    columns: tuple[Column, ...]
    sides: tuple[str, ...] = ("sqlite", "postgres")


@dataclass(frozen=True)
class Index:
    name: str
    table: str
    columns: tuple[str, ...]
    unique: bool = False
    sides: tuple[str, ...] = ("sqlite", "postgres")


REVISION_COLUMNS = (
    Column("id", "text", primary=True),
    Column("object", "text"),
    Column("parents", "json"),
    Column("author", "text"),
    Column("at", "time"),
    Column("content", "json", null=True),
)


@dataclass(frozen=True)
class Shared:
    """A table whose rows the team shares: object kind, table, the row's key, references."""

    kind: str
    table: str
    key: str = "uid"  # the column that names a row on every copy ("name" for accounts)
    refs: dict[str, str] = field(default_factory=dict)  # column -> kind of the row it points to
    applied: bool = True  # False: told to the team, never written into their rows (the outbox)
    left_out: tuple[str, ...] = ()  # columns never shared


SHARED: tuple[Shared, ...] = (  # parents before children: the order rows are applied in
    Shared("incident", "incidents"),
    Shared("update", "updates", refs={"incident_id": "incident"}),
    Shared("publication", "publications", refs={"update_id": "update"}),
    Shared("event", "events", refs={"update_id": "update"}),
    Shared("person", "people"),
    Shared("organisation", "organisation", key="'profile'"),
    Shared("account", "accounts", key="name"),
    # The outbox's state: each copy sends only the jobs it queued (a job applied into another
    # copy's outbox would be sent twice); the others see where each stands. Not the post itself.
    Shared("job", "outbox", key="key", refs={"update_id": "update"}, applied=False, left_out=("post", "claimed_by")),
)
BY_KIND = {shared.kind: shared for shared in SHARED}


def _note_triggers() -> tuple[str, ...]:
    """Notes of every change to a shared row (`capture.py` turns them into revisions)."""
    made = ["CREATE TABLE ws_changes (seq INTEGER PRIMARY KEY, kind TEXT NOT NULL, row INTEGER, uid TEXT)"]
    for shared in SHARED:
        old_key = f"OLD.{shared.key}" if not shared.key.startswith("'") else shared.key
        for event, row, uid in (("INSERT", "NEW.rowid", "NULL"), ("UPDATE", "NEW.rowid", "NULL")):
            made.append(
                f"CREATE TRIGGER ws_note_{shared.table}_{event.lower()} AFTER {event} ON {shared.table} BEGIN "
                f"INSERT INTO ws_changes (kind, row, uid) VALUES ('{shared.kind}', {row}, {uid}); END"
            )
        made.append(
            f"CREATE TRIGGER ws_note_{shared.table}_delete AFTER DELETE ON {shared.table} BEGIN "
            f"INSERT INTO ws_changes (kind, row, uid) VALUES ('{shared.kind}', OLD.rowid, {old_key}); END"
        )
    return tuple(made)


MIGRATIONS: tuple[tuple[Table | Index, ...], ...] = (
    # 1: the revision log, and each side's bookkeeping.
    (
        Table("ws_revisions", REVISION_COLUMNS),
        Index("ws_revisions_by_object", "ws_revisions", ("object",)),
        # Local only: which revisions were made here and not yet acknowledged, in making order.
        Table(
            "ws_local",
            (
                Column("seq", "int", primary=True),
                Column("id", "text"),
                Column("pushed", "flag", default="0"),
            ),
            sides=("sqlite",),
        ),
        Index("ws_local_unpushed", "ws_local", ("pushed", "seq"), sides=("sqlite",)),
        Index("ws_local_by_id", "ws_local", ("id",), unique=True, sides=("sqlite",)),
        Table("ws_state", (Column("key", "text", primary=True), Column("value", "text")), sides=("sqlite",)),
        # The workspace's own settings (which updates need a second person, …), one JSON each.
        Table("ws_meta", (Column("key", "text", primary=True), Column("value", "json")), sides=("postgres",)),
        # Who is editing what now: short-lived, never synced into local copies.
        Table(
            "ws_editing",
            (
                Column("object", "text"),
                Column("who", "text"),
                Column("since", "time"),
                Column("seen", "time"),
            ),
            sides=("postgres",),
        ),
        Index("ws_editing_one_mark", "ws_editing", ("object", "who"), unique=True, sides=("postgres",)),
    ),
    # 2: the local copy's notes of changed rows (SQLITE_EXTRA), and the objects pulled but not
    # yet written into their rows (a crash between the two is finished at the next round).
    (Table("ws_dirty", (Column("object", "text", primary=True),), sides=("sqlite",)),),
)
VERSION = len(MIGRATIONS)

# The workspace numbers revisions in the order they arrive (`seq`): copies pull "after N".
# Writers take one lock for the insert and its commit, so numbers become visible in order and a
# pull never skips a revision committed late with a smaller number.
SEQ_LOCK = 7_201_017  # pg_advisory_xact_lock key for adding revisions
CHANNEL = "composer_revisions"

SQLITE_EXTRA: dict[int, tuple[str, ...]] = {2: _note_triggers()}
POSTGRES_EXTRA: dict[int, tuple[str, ...]] = {
    1: (
        "ALTER TABLE ws_revisions ADD COLUMN seq bigint GENERATED ALWAYS AS IDENTITY UNIQUE",
        "ALTER TABLE ws_revisions ALTER COLUMN author SET DEFAULT session_user",
        f"""CREATE FUNCTION ws_notify() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN PERFORM pg_notify('{CHANNEL}', NEW.seq::text); RETURN NULL; END $$""",
        "CREATE TRIGGER ws_revisions_notify AFTER INSERT ON ws_revisions FOR EACH ROW EXECUTE FUNCTION ws_notify()",
        f"""CREATE FUNCTION ws_editing_notify() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN PERFORM pg_notify('{CHANNEL}', 'editing'); RETURN NULL; END $$""",
        "CREATE TRIGGER ws_editing_changed AFTER INSERT OR UPDATE OR DELETE ON ws_editing "
        "FOR EACH STATEMENT EXECUTE FUNCTION ws_editing_notify()",
    ),
}

# Who may do what, enforced by the database itself (row-level security), so that no copy of the
# app, old or altered, can approve without being a reviewer or sign as someone else.
DRAFTER, REVIEWER, ADMIN = "composer_drafter", "composer_reviewer", "composer_admin"
ROLES = (
    f"CREATE ROLE {DRAFTER} NOLOGIN",
    f"CREATE ROLE {REVIEWER} NOLOGIN IN ROLE {DRAFTER}",
    f"CREATE ROLE {ADMIN} NOLOGIN IN ROLE {REVIEWER}",
    "ALTER TABLE ws_revisions ENABLE ROW LEVEL SECURITY",
    f"GRANT SELECT, INSERT ON ws_revisions TO {DRAFTER}",
    f"GRANT SELECT ON ws_meta TO {DRAFTER}",
    f"GRANT INSERT, UPDATE, DELETE ON ws_meta TO {ADMIN}",
    f"GRANT SELECT, INSERT, UPDATE, DELETE ON ws_editing TO {DRAFTER}",
    f"CREATE POLICY read_all ON ws_revisions FOR SELECT TO {DRAFTER} USING (true)",
    # Everyone signs as themselves; reviews need a reviewer; the workspace's settings an admin.
    f"""CREATE POLICY write_own ON ws_revisions FOR INSERT TO {DRAFTER} WITH CHECK (
        author = session_user
        AND (split_part(object, ':', 1) <> 'review' OR pg_has_role(session_user, '{REVIEWER}', 'member'))
        AND (split_part(object, ':', 1) <> 'settings' OR pg_has_role(session_user, '{ADMIN}', 'member'))
    )""",
)


def _column(column: Column, side: str) -> str:
    parts = [column.name, TYPES[side][column.type]]
    if column.primary:
        parts.append("PRIMARY KEY")
    elif not column.null:
        parts.append("NOT NULL")
    if column.default is not None:
        default = column.default
        if side == "postgres" and column.type == "flag":
            default = "false" if default == "0" else "true"
        parts.append(f"DEFAULT {default}")
    return " ".join(parts)


def _statement(item: Table | Index, side: str) -> str:
    if isinstance(item, Index):
        unique = "UNIQUE " if item.unique else ""
        return f"CREATE {unique}INDEX {item.name} ON {item.table} ({', '.join(item.columns)})"
    columns = ",\n    ".join(_column(column, side) for column in item.columns)
    return f"CREATE TABLE {item.name} (\n    {columns}\n)"


def statements(side: str, version: int) -> list[str]:
    """The statements that take `side` from `version - 1` to `version`."""
    made = [_statement(item, side) for item in MIGRATIONS[version - 1] if side in item.sides]
    made.extend((POSTGRES_EXTRA if side == "postgres" else SQLITE_EXTRA).get(version, ()))
    return made


def sqlite_statements(version: int) -> list[str]:
    return statements("sqlite", version)


def postgres_statements(version: int) -> list[str]:
    return statements("postgres", version)
