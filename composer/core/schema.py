# SPDX-License-Identifier: GPL-3.0-or-later
"""The database schema and its migrations.

The schema version lives in `PRAGMA user_version`. Migration N takes a database
from version N-1 to N; never edit a released migration, append a new one.
"""

from __future__ import annotations

import sqlite3

from composer.core.i18n import _

# The incident's status is that of its newest published update (drafts only propose one).
_NEWEST_PUBLISHED_STATUS = """(
    SELECT u.status FROM updates u
    WHERE u.incident_id = incidents.id AND EXISTS (SELECT 1 FROM publications p WHERE p.update_id = u.id)
    ORDER BY u.created_at DESC, u.id DESC LIMIT 1
)"""
# A sent job's receipt as a publication row: an email's Message-ID becomes a `mid:` link (RFC 2392).
_RECEIPT_URL = """CASE
    WHEN coalesce(json_extract({row}.receipt, '$.url'), '') = ''
        AND json_extract({row}.receipt, '$.remote_id') LIKE '<%@%>'
    THEN 'mid:' || trim(json_extract({row}.receipt, '$.remote_id'), '<>')
    ELSE coalesce(json_extract({row}.receipt, '$.url'), '')
END"""
_RECEIPT_COLUMNS = (
    """{row}.update_id,
    coalesce(json_extract({row}.receipt, '$.channel'), ''),
    coalesce(json_extract({row}.receipt, '$.published_at'), {row}.updated_at),
    coalesce(json_extract({row}.receipt, '$.remote_id'), ''),
    """
    + _RECEIPT_URL
)

# An incident's list figures (migration 11): its number of updates, its newest update and its
# newest published one, in the incident's order (time, then id), as `last_published` reads them.
_SUMMARY_COLUMNS = """update_count = (SELECT count(*) FROM updates u WHERE u.incident_id = {incident}),
    latest_update_id = (
        SELECT u.id FROM updates u WHERE u.incident_id = {incident} ORDER BY u.created_at DESC, u.id DESC LIMIT 1
    ),
    last_published_id = (
        SELECT u.id FROM updates u WHERE u.incident_id = {incident}
        AND EXISTS (SELECT 1 FROM publications p WHERE p.update_id = u.id)
        ORDER BY u.created_at DESC, u.id DESC LIMIT 1
    )"""
_SUMMARY_OF = "UPDATE incident_summary SET " + _SUMMARY_COLUMNS + " WHERE incident_id = {incident};"
# ... and (migration 13) the times the list shows, read from the updates those figures name: a
# statement of its own, after the one above, so that it reads the ids that one just set.
_SUMMARY_TIMES = """latest_next_update_at = (SELECT u.next_update_at FROM updates u WHERE u.id = latest_update_id),
    last_published_next_at = (SELECT u.next_update_at FROM updates u WHERE u.id = last_published_id),
    last_published_at = (SELECT min(p.published_at) FROM publications p WHERE p.update_id = last_published_id)"""
_SUMMARY_TIMES_OF = "UPDATE incident_summary SET " + _SUMMARY_TIMES + " WHERE incident_id = {incident};"
_INCIDENT_OF = "(SELECT incident_id FROM updates WHERE id = {update})"

UID_TABLES = ("incidents", "updates", "revisions", "publications", "people", "events")
_NEW_UID = "lower(hex(randomblob(16)))"
_UID_COLUMNS = "\n".join(
    f"""
    ALTER TABLE {table} ADD COLUMN uid TEXT;
    UPDATE {table} SET uid = {_NEW_UID};
    CREATE UNIQUE INDEX {table}_by_uid ON {table}(uid);
    CREATE TRIGGER {table}_uid AFTER INSERT ON {table} WHEN NEW.uid IS NULL BEGIN
        UPDATE {table} SET uid = {_NEW_UID} WHERE rowid = NEW.rowid;
    END;"""
    for table in UID_TABLES
)

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
    # 8: what went out is recorded where it is decided. A job turning 'sent' (by any process:
    # the window, the command line, the background sender, the user's "it did go out") adds the
    # update's publication and its 'published' event in the same statement, so a crash never
    # leaves a post sent but unrecorded, nor recorded twice. A publication sets the incident's
    # status to that of its newest published update: a draft's status is only a proposal. Jobs
    # sent before this version are recorded once, and every incident's status recomputed.
    f"""
    CREATE TRIGGER publication_sets_status AFTER INSERT ON publications
    BEGIN
        UPDATE incidents SET status = coalesce({_NEWEST_PUBLISHED_STATUS}, status)
        WHERE id = (SELECT incident_id FROM updates WHERE id = NEW.update_id);
    END;
    CREATE TRIGGER sent_job_is_published AFTER UPDATE OF state ON outbox
    WHEN NEW.state = 'sent' AND OLD.state IS NOT 'sent' AND NEW.update_id IS NOT NULL
        AND EXISTS (SELECT 1 FROM updates WHERE id = NEW.update_id)
    BEGIN
        INSERT INTO publications (update_id, channel, published_at, remote_id, url)
        SELECT {_RECEIPT_COLUMNS.format(row="NEW")};
        INSERT INTO events (update_id, at, kind, detail)
        SELECT NEW.update_id, NEW.updated_at, 'published', json_object(
            'channel', coalesce(json_extract(NEW.receipt, '$.channel'), ''),
            'account', NEW.account,
            'remote_id', coalesce(json_extract(NEW.receipt, '$.remote_id'), ''),
            'url', {_RECEIPT_URL.format(row="NEW")},
            'published_at', coalesce(json_extract(NEW.receipt, '$.published_at'), NEW.updated_at)
        );
    END;
    INSERT INTO publications (update_id, channel, published_at, remote_id, url)
    SELECT {_RECEIPT_COLUMNS.format(row="o")} FROM outbox o
    WHERE o.state = 'sent' AND o.update_id IN (SELECT id FROM updates) AND NOT EXISTS (
        SELECT 1 FROM publications p WHERE p.update_id = o.update_id
        AND p.remote_id = coalesce(json_extract(o.receipt, '$.remote_id'), '')
        AND p.channel = coalesce(json_extract(o.receipt, '$.channel'), '')
    );
    UPDATE incidents SET status = coalesce(
        {_NEWEST_PUBLISHED_STATUS},
        (SELECT u.status FROM updates u WHERE u.incident_id = incidents.id ORDER BY u.created_at, u.id LIMIT 1),
        status
    );
    """,
    # 9: the incident list in one query (`composer/core/listing.py`): each incident's newest
    # published update is found through its updates by time (updates_by_incident) and, for each,
    # whether it has a publication, which until now meant reading every publication.
    """
    CREATE INDEX publications_by_update ON publications(update_id, published_at);
    """,
    # 10: full-text search (`composer/core/search.py`): updates' bodies and incidents' titles, each
    # in an external-content FTS5 index over its own table (no second copy of the text), kept in
    # step by triggers that hand FTS5 the exact old text to forget — a trigger on the row's own
    # table always has it, deletions through ON DELETE CASCADE included. Accents and case are
    # folded; the modifier letter apostrophe (U+02BC, "lʼaccés") separates words as ' and ’ do;
    # the Catalan middle dot stays a separator, so "col·lecció", "col.lecció" and "col" find it.
    # Existing rows are indexed here: a year of history is searchable on the first start. Hits come
    # newest first: updates_by_time lets a search stop after the newest matches.
    """
    CREATE VIRTUAL TABLE update_text USING fts5(
        body, content='updates', content_rowid='id', tokenize="unicode61 remove_diacritics 2 separators 'ʼ'"
    );
    CREATE VIRTUAL TABLE incident_text USING fts5(
        title, content='incidents', content_rowid='id', tokenize="unicode61 remove_diacritics 2 separators 'ʼ'"
    );
    CREATE TRIGGER update_text_insert AFTER INSERT ON updates BEGIN
        INSERT INTO update_text (rowid, body) VALUES (NEW.id, NEW.body);
    END;
    CREATE TRIGGER update_text_change AFTER UPDATE OF id, body ON updates
    WHEN OLD.body IS NOT NEW.body OR OLD.id IS NOT NEW.id BEGIN
        INSERT INTO update_text (update_text, rowid, body) VALUES ('delete', OLD.id, OLD.body);
        INSERT INTO update_text (rowid, body) VALUES (NEW.id, NEW.body);
    END;
    CREATE TRIGGER update_text_delete AFTER DELETE ON updates BEGIN
        INSERT INTO update_text (update_text, rowid, body) VALUES ('delete', OLD.id, OLD.body);
    END;
    CREATE TRIGGER incident_text_insert AFTER INSERT ON incidents BEGIN
        INSERT INTO incident_text (rowid, title) VALUES (NEW.id, NEW.title);
    END;
    CREATE TRIGGER incident_text_change AFTER UPDATE OF id, title ON incidents
    WHEN OLD.title IS NOT NEW.title OR OLD.id IS NOT NEW.id BEGIN
        INSERT INTO incident_text (incident_text, rowid, title) VALUES ('delete', OLD.id, OLD.title);
        INSERT INTO incident_text (rowid, title) VALUES (NEW.id, NEW.title);
    END;
    CREATE TRIGGER incident_text_delete AFTER DELETE ON incidents BEGIN
        INSERT INTO incident_text (incident_text, rowid, title) VALUES ('delete', OLD.id, OLD.title);
    END;
    CREATE INDEX updates_by_time ON updates(created_at, status);
    INSERT INTO update_text (update_text) VALUES ('rebuild');
    INSERT INTO incident_text (incident_text) VALUES ('rebuild');
    """,
    # 11: the incident list's figures kept beside each incident (`composer/core/listing.py`): how
    # many updates, the newest update and the newest published one, maintained by triggers as
    # updates and publications come and go, so that listing a year of incidents reads one row
    # each instead of counting and searching twenty thousand updates (~12 ms at 1,000 × 20).
    f"""
    CREATE TABLE incident_summary (
        incident_id INTEGER PRIMARY KEY REFERENCES incidents(id) ON DELETE CASCADE,
        update_count INTEGER NOT NULL DEFAULT 0,
        latest_update_id INTEGER,
        last_published_id INTEGER
    );
    CREATE TRIGGER summary_new_incident AFTER INSERT ON incidents BEGIN
        INSERT OR IGNORE INTO incident_summary (incident_id) VALUES (NEW.id);
    END;
    CREATE TRIGGER summary_new_update AFTER INSERT ON updates BEGIN
        {_SUMMARY_OF.format(incident="NEW.incident_id")}
    END;
    CREATE TRIGGER summary_update_moved AFTER UPDATE OF incident_id, created_at ON updates BEGIN
        {_SUMMARY_OF.format(incident="OLD.incident_id")}
        {_SUMMARY_OF.format(incident="NEW.incident_id")}
    END;
    CREATE TRIGGER summary_gone_update AFTER DELETE ON updates BEGIN
        {_SUMMARY_OF.format(incident="OLD.incident_id")}
    END;
    CREATE TRIGGER summary_new_publication AFTER INSERT ON publications BEGIN
        {_SUMMARY_OF.format(incident="(SELECT incident_id FROM updates WHERE id = NEW.update_id)")}
    END;
    CREATE TRIGGER summary_gone_publication AFTER DELETE ON publications BEGIN
        {_SUMMARY_OF.format(incident="(SELECT incident_id FROM updates WHERE id = OLD.update_id)")}
    END;
    INSERT INTO incident_summary (incident_id) SELECT id FROM incidents;
    UPDATE incident_summary SET {_SUMMARY_COLUMNS.format(incident="incident_summary.incident_id")};
    """,
    # 12: reaching every customer personally (`composer/core/outreach/tracking.py`): one row per
    # customer of an incident. Whether their message went out is the outbox's to say (`job_key`
    # names the job of their newest message); the row keeps who they are, why no message could be
    # made for them (`error`), and what people marked by hand: replied, needs a call — each with
    # when and who.
    """
    CREATE TABLE outreach_contacts (
        id INTEGER PRIMARY KEY,
        incident_id INTEGER NOT NULL REFERENCES incidents(id) ON DELETE CASCADE,
        email TEXT NOT NULL COLLATE NOCASE,
        name TEXT NOT NULL DEFAULT '',
        phone TEXT NOT NULL DEFAULT '',
        language TEXT NOT NULL DEFAULT '',
        template TEXT NOT NULL DEFAULT '',
        account TEXT NOT NULL DEFAULT '',
        job_key TEXT NOT NULL DEFAULT '',
        error TEXT NOT NULL DEFAULT '',
        added_at TEXT NOT NULL,
        added_by TEXT NOT NULL DEFAULT '',
        replied_at TEXT,
        replied_by TEXT NOT NULL DEFAULT '',
        call_at TEXT,
        call_by TEXT NOT NULL DEFAULT '',
        call_note TEXT NOT NULL DEFAULT '',
        updated_at TEXT NOT NULL,
        UNIQUE (incident_id, email)
    );
    """,
    # 13: the list's figures hold the times themselves (the newest update's next-update time, the
    # newest published one's, and when that went out), so that listing reads only incidents and
    # their figures: reaching into a year of updates for them read pages scattered over the whole
    # file (~10 ms of a cold `incidents list` at 1,000 x 20). The triggers of migration 11 are
    # made again with the times, and a change of a next-update time or a publication keeps them.
    f"""
    ALTER TABLE incident_summary ADD COLUMN latest_next_update_at TEXT;
    ALTER TABLE incident_summary ADD COLUMN last_published_next_at TEXT;
    ALTER TABLE incident_summary ADD COLUMN last_published_at TEXT;
    DROP TRIGGER summary_new_update;
    DROP TRIGGER summary_update_moved;
    DROP TRIGGER summary_gone_update;
    DROP TRIGGER summary_new_publication;
    DROP TRIGGER summary_gone_publication;
    CREATE TRIGGER summary_new_update AFTER INSERT ON updates BEGIN
        {_SUMMARY_OF.format(incident="NEW.incident_id")}
        {_SUMMARY_TIMES_OF.format(incident="NEW.incident_id")}
    END;
    CREATE TRIGGER summary_update_moved AFTER UPDATE OF incident_id, created_at ON updates BEGIN
        {_SUMMARY_OF.format(incident="OLD.incident_id")}
        {_SUMMARY_TIMES_OF.format(incident="OLD.incident_id")}
        {_SUMMARY_OF.format(incident="NEW.incident_id")}
        {_SUMMARY_TIMES_OF.format(incident="NEW.incident_id")}
    END;
    CREATE TRIGGER summary_next_update AFTER UPDATE OF next_update_at ON updates BEGIN
        {_SUMMARY_TIMES_OF.format(incident="NEW.incident_id")}
    END;
    CREATE TRIGGER summary_gone_update AFTER DELETE ON updates BEGIN
        {_SUMMARY_OF.format(incident="OLD.incident_id")}
        {_SUMMARY_TIMES_OF.format(incident="OLD.incident_id")}
    END;
    CREATE TRIGGER summary_new_publication AFTER INSERT ON publications BEGIN
        {_SUMMARY_OF.format(incident=_INCIDENT_OF.format(update="NEW.update_id"))}
        {_SUMMARY_TIMES_OF.format(incident=_INCIDENT_OF.format(update="NEW.update_id"))}
    END;
    CREATE TRIGGER summary_changed_publication AFTER UPDATE ON publications BEGIN
        {_SUMMARY_OF.format(incident=_INCIDENT_OF.format(update="OLD.update_id"))}
        {_SUMMARY_TIMES_OF.format(incident=_INCIDENT_OF.format(update="OLD.update_id"))}
        {_SUMMARY_OF.format(incident=_INCIDENT_OF.format(update="NEW.update_id"))}
        {_SUMMARY_TIMES_OF.format(incident=_INCIDENT_OF.format(update="NEW.update_id"))}
    END;
    CREATE TRIGGER summary_gone_publication AFTER DELETE ON publications BEGIN
        {_SUMMARY_OF.format(incident=_INCIDENT_OF.format(update="OLD.update_id"))}
        {_SUMMARY_TIMES_OF.format(incident=_INCIDENT_OF.format(update="OLD.update_id"))}
    END;
    UPDATE incident_summary SET {_SUMMARY_TIMES};
    """,
    # 14: a name for each row that stays the same on every copy of a team's workspace (issue 17,
    # `composer/core/workspace`): rows are numbered per file, so two copies' "incident 12" are
    # not the same incident. Given at insert (a trigger, whoever inserts) and to existing rows.
    _UID_COLUMNS,
)

SCHEMA_VERSION = len(MIGRATIONS)

# Tables in the order their rows can be copied (parents before children). Not the search indexes
# (update_text, incident_text, migration 10) nor the list's figures (incident_summary, 11): their
# triggers fill them as the rows are copied.
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
    "outreach_contacts",
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
            _(
                "the database has schema version {found}; this version of the app knows up to "
                "{known}. Update Incident Composer to open it."
            ).format(found=found, known=SCHEMA_VERSION)
        )
    version, tries = found, 0  # tries: waits for a lock another process holds
    while version < SCHEMA_VERSION:
        step = version + 1
        try:
            # executescript commits first; the version bump rides in the same script. IMMEDIATE:
            # a second process opening a fresh folder at the same moment waits for the lock.
            conn.executescript(f"BEGIN IMMEDIATE;\n{MIGRATIONS[step - 1]}\nPRAGMA user_version = {step};\nCOMMIT;")
        except sqlite3.OperationalError as error:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            now = schema_version(conn)
            if now >= step:  # another process took this step meanwhile: go on from where it is
                version = now
                continue
            tries += 1
            busy = "locked" in str(error) or "busy" in str(error)
            if not busy or tries > 5:  # a real failure, or the lock never came (5 x busy_timeout)
                raise
        version = step
    return found
