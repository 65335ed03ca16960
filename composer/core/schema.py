# SPDX-License-Identifier: GPL-3.0-or-later
"""The database schema and its migrations.

The schema version lives in `PRAGMA user_version`. Migration N takes a database
from version N-1 to N; never edit a released migration, append a new one.
"""

from __future__ import annotations

import sqlite3

MIGRATIONS: tuple[str, ...] = (
    # 1: the first schema.
    """
    CREATE TABLE incidents (
        id INTEGER PRIMARY KEY,
        title TEXT NOT NULL,
        status TEXT NOT NULL,
        severity TEXT NOT NULL,
        started_at TEXT NOT NULL,
        affected_services TEXT NOT NULL DEFAULT '[]',
        customer_impact TEXT NOT NULL DEFAULT '',
        workaround TEXT NOT NULL DEFAULT '',
        region TEXT NOT NULL DEFAULT '',
        created_at TEXT NOT NULL
    );
    CREATE TABLE updates (
        id INTEGER PRIMARY KEY,
        incident_id INTEGER NOT NULL REFERENCES incidents(id) ON DELETE CASCADE,
        body TEXT NOT NULL DEFAULT '',
        status TEXT NOT NULL,
        signer TEXT NOT NULL DEFAULT '',
        language TEXT NOT NULL DEFAULT 'en',
        next_update_at TEXT,
        previous_update_at TEXT,
        created_at TEXT NOT NULL,
        edited_at TEXT NOT NULL,
        extra TEXT NOT NULL DEFAULT '{}'
    );
    CREATE INDEX updates_by_incident ON updates(incident_id, created_at);
    CREATE TABLE revisions (
        id INTEGER PRIMARY KEY,
        update_id INTEGER NOT NULL REFERENCES updates(id) ON DELETE CASCADE,
        body TEXT NOT NULL,
        started_at TEXT NOT NULL,
        saved_at TEXT NOT NULL
    );
    CREATE INDEX revisions_by_update ON revisions(update_id, id);
    CREATE TABLE publications (
        id INTEGER PRIMARY KEY,
        update_id INTEGER NOT NULL REFERENCES updates(id) ON DELETE CASCADE,
        channel TEXT NOT NULL,
        published_at TEXT NOT NULL,
        remote_id TEXT NOT NULL DEFAULT '',
        url TEXT NOT NULL DEFAULT ''
    );
    CREATE TABLE people (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL,
        role TEXT NOT NULL DEFAULT '',
        email TEXT NOT NULL DEFAULT '',
        phone TEXT NOT NULL DEFAULT ''
    );
    CREATE TABLE organisation (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        name TEXT NOT NULL DEFAULT '',
        contact_url TEXT NOT NULL DEFAULT '',
        phone TEXT NOT NULL DEFAULT '',
        email TEXT NOT NULL DEFAULT '',
        status_page_url TEXT NOT NULL DEFAULT ''
    );
    """,
    # 2: the update's history of events (check overrides, later publication receipts).
    """
    CREATE TABLE events (
        id INTEGER PRIMARY KEY,
        update_id INTEGER NOT NULL REFERENCES updates(id) ON DELETE CASCADE,
        at TEXT NOT NULL,
        kind TEXT NOT NULL,
        detail TEXT NOT NULL DEFAULT '{}'
    );
    CREATE INDEX events_by_update ON events(update_id, id);
    """,
    # 3: publishing accounts (secrets are in the keyring, not here) and the durable outbox.
    """
    CREATE TABLE accounts (
        name TEXT PRIMARY KEY,
        kind TEXT NOT NULL,
        settings TEXT NOT NULL DEFAULT '{}',
        created_at TEXT NOT NULL
    );
    CREATE TABLE outbox (
        id INTEGER PRIMARY KEY,
        key TEXT NOT NULL UNIQUE,
        account TEXT NOT NULL,
        update_id INTEGER,
        post TEXT NOT NULL,
        state TEXT NOT NULL,
        attempts INTEGER NOT NULL DEFAULT 0,
        last_error TEXT NOT NULL DEFAULT '',
        receipt TEXT NOT NULL DEFAULT '{}',
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
    );
    """,
    # 4: find an account's last post for an incident without reading every job it ever sent.
    """
    ALTER TABLE outbox ADD COLUMN incident_key TEXT NOT NULL DEFAULT '';
    UPDATE outbox SET incident_key = coalesce(json_extract(post, '$.incident_key'), '');
    CREATE INDEX outbox_by_incident ON outbox(account, incident_key, state, id);
    """,
    # 5: who is sending a job (host, process id, process start), so that a claim is won by one
    # process only and a job left 'sending' by a process that died is known as such.
    """
    ALTER TABLE outbox ADD COLUMN claimed_by TEXT NOT NULL DEFAULT '';
    """,
    # 6: a queue that sends on its own: when a job is next due (NULL: now), when it was last
    # handed to its channel (an uncertain job "may have gone out at" that time), and the
    # 'cancelled' state; the sender finds due jobs by state and time.
    """
    ALTER TABLE outbox ADD COLUMN next_attempt TEXT;
    ALTER TABLE outbox ADD COLUMN attempted_at TEXT;
    CREATE INDEX outbox_by_state ON outbox(state, next_attempt);
    """,
    # 7: contacts for when the incident takes down our own site or mail: the organisation's
    # alternate contact page, backup email, phone hours and readers' zone; the incident's flags.
    """
    ALTER TABLE organisation ADD COLUMN alternate_contact_url TEXT NOT NULL DEFAULT '';
    ALTER TABLE organisation ADD COLUMN backup_email TEXT NOT NULL DEFAULT '';
    ALTER TABLE organisation ADD COLUMN phone_hours TEXT NOT NULL DEFAULT '';
    ALTER TABLE organisation ADD COLUMN timezone TEXT NOT NULL DEFAULT '';
    ALTER TABLE incidents ADD COLUMN own_site_down INTEGER NOT NULL DEFAULT 0;
    ALTER TABLE incidents ADD COLUMN own_email_down INTEGER NOT NULL DEFAULT 0;
    """,
)

SCHEMA_VERSION = len(MIGRATIONS)

# Tables in the order their rows can be copied (parents before children).
TABLES: tuple[str, ...] = (
    "incidents",
    "updates",
    "revisions",
    "publications",
    "people",
    "organisation",
    "events",
    "accounts",
    "outbox",
)


class NewerSchemaError(Exception):
    """The database was written by a newer version of the app."""


def schema_version(conn: sqlite3.Connection) -> int:
    return int(conn.execute("PRAGMA user_version").fetchone()[0])


def migrate(conn: sqlite3.Connection) -> int:
    """Bring the database up to SCHEMA_VERSION; returns the version it had."""
    found = schema_version(conn)
    if found > SCHEMA_VERSION:
        raise NewerSchemaError(
            f"the database has schema version {found}; this version of the app "
            f"knows up to {SCHEMA_VERSION}. Update Incident Composer to open it."
        )
    for version in range(found + 1, SCHEMA_VERSION + 1):
        # executescript commits first; the version bump rides in the same script.
        conn.executescript(f"BEGIN;\n{MIGRATIONS[version - 1]}\nPRAGMA user_version = {version};\nCOMMIT;")
    return found
