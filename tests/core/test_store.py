# SPDX-License-Identifier: GPL-3.0-or-later
from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
from datetime import timedelta

import pytest

from composer.core import schema
from composer.core.model import Incident, Organisation, Person, Publication, Status, Update, utc_now
from composer.core.store import NotFound, SaveFailed, Store


def _incident_with_update(store: Store, body: str = "We are sorry.") -> tuple[Incident, Update]:
    incident = store.add_incident(Incident(title="Email delayed", affected_services=["mail"]))
    update = store.add_update(Update(incident_id=incident.id, body=body, signer="Marta Vidal"))
    return incident, update


def test_store_is_wal_and_versioned(store):
    assert store._conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert schema.schema_version(store._conn) == schema.SCHEMA_VERSION


def test_incident_and_update_round_trip(store):
    incident, update = _incident_with_update(store)
    again = store.incident(incident.id)
    assert again.title == "Email delayed"
    assert again.affected_services == ["mail"]
    assert again.started_at == incident.started_at
    stored = store.update(update.id)
    assert stored.body == "We are sorry."
    assert stored.signer == "Marta Vidal"
    with pytest.raises(NotFound):
        store.incident(999)


def test_saved_fields_come_back(store):
    incident, update = _incident_with_update(store)
    incident.status = Status.IDENTIFIED
    incident.customer_impact = "Mail arrives late"
    store.save_incident(incident)
    update.next_update_at = utc_now() + timedelta(minutes=30)
    update.extra = {"x-team": "mail"}
    store.save_update(update)
    assert store.incident(incident.id).customer_impact == "Mail arrives late"
    stored = store.update(update.id)
    assert stored.next_update_at == update.next_update_at
    assert stored.extra == {"x-team": "mail"}


def test_revisions_coalesce_within_a_minute_and_restore(store):
    _incident, update = _incident_with_update(store, "first")
    start = utc_now()
    store.save_body(update.id, "first draft", start + timedelta(seconds=5))
    store.save_body(update.id, "first draft, longer", start + timedelta(seconds=20))
    store.save_body(update.id, "second version", start + timedelta(seconds=90))
    texts = [r.body for r in store.revisions(update.id)]
    assert texts == ["second version", "first draft, longer"]
    older = store.revisions(update.id)[1]
    restored = store.restore_revision(older.id)
    assert restored.body == "first draft, longer"
    # The text that was replaced is still in the history.
    assert "second version" in [r.body for r in store.revisions(update.id)]


def test_previous_public_update_comes_from_publications(store):
    incident, first = _incident_with_update(store)
    published = utc_now() - timedelta(minutes=20)
    store.add_publication(first.id, Publication(channel="blog", published_at=published, url="https://x/1"))
    second = store.add_update(Update(incident_id=incident.id, body="next"))
    assert store.previous_public_update_at(store.update(first.id)) is None
    assert store.previous_public_update_at(second) == published


def test_roster_and_organisation(store):
    person = store.save_person(Person("Marta Vidal", "Support lead", "marta@example.com", "+34 600 000 000"))
    assert [p.name for p in store.people()] == ["Marta Vidal"]
    person.role = "Head of support"
    store.save_person(person)
    assert store.people()[0].role == "Head of support"
    store.remove_person(person.id)
    assert store.people() == []
    store.save_organisation(Organisation(name="Example Hosting", phone="+34 930 000 000"))
    assert store.organisation().phone == "+34 930 000 000"


def test_migrating_an_empty_version_zero_database(tmp_path):
    path = tmp_path / "old.db"
    sqlite3.connect(path).close()
    store, report = Store.open(path)
    assert report.message == ""
    assert schema.schema_version(store._conn) == schema.SCHEMA_VERSION
    store.close()


def test_newer_schema_opens_read_only_and_keeps_the_file(tmp_path):
    path = tmp_path / "future.db"
    store, _ = Store.open(path)
    _incident_with_update(store, "written by a newer app")
    store._conn.execute(f"PRAGMA user_version = {schema.SCHEMA_VERSION + 1}")
    store.close()
    store, report = Store.open(path)
    assert report.read_only
    assert "newer" in report.message or "schema version" in report.message
    assert store.update(1).body == "written by a newer app"
    with pytest.raises(SaveFailed, match="read-only"):
        store.save_body(1, "edit")
    store.close()
    assert path.exists()


def test_garbage_file_is_moved_aside_and_a_new_store_starts(tmp_path):
    path = tmp_path / "composer.db"
    path.write_bytes(b"this is not a database at all" * 200)
    store, report = Store.open(path)
    assert report.moved_aside is not None and report.moved_aside.exists()
    assert report.moved_aside.read_bytes().startswith(b"this is not a database")
    assert "was damaged" in report.message and str(report.moved_aside) in report.message
    assert store.incidents() == []
    _incident_with_update(store)  # the new store works
    store.close()


def _with_late_revisions_wrecked(path):
    """A store closed cleanly with an update to keep and 40 long revisions of another; its bytes
    with the last pages (where the late revisions live) wrecked, the first pages intact."""
    store, _ = Store.open(path)
    incident, update = _incident_with_update(store, "The text that must survive.")
    other = store.add_update(Update(incident_id=incident.id, body="filler " * 3000))
    for n in range(40):
        store.save_body(other.id, f"revision {n} " + "x" * 4000, utc_now() + timedelta(minutes=2 * n))
    store.close()
    data = bytearray(path.read_bytes())
    page = 4096
    for offset in range(len(data) - 6 * page, len(data) - page, page):
        data[offset : offset + 64] = b"\xff" * 64
    return incident, update, data


def test_damaged_pages_keep_every_readable_row(tmp_path):
    path = tmp_path / "composer.db"
    incident, update, data = _with_late_revisions_wrecked(path)
    before = path.stat()
    path.write_bytes(bytes(data))
    # The file changed since the app closed it: its stamp no longer matches the clean-close mark.
    # (Written within the same clock tick, the times could read the same: move them on.)
    os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns + 1_000_000_000))

    store, report = Store.open(path)
    assert report.moved_aside is not None
    assert report.recovered["incidents"] == 1
    assert report.recovered["updates"] >= 1
    assert store.update(update.id).body == "The text that must survive."
    assert store.incident(incident.id).title == "Email delayed"
    store.close()


def test_full_disk_raises_a_plain_message_and_keeps_the_old_text(tmp_path):
    store, _ = Store.open(tmp_path / "composer.db")
    _incident, update = _incident_with_update(store, "short")
    pages = store._conn.execute("PRAGMA page_count").fetchone()[0]
    store._conn.execute(f"PRAGMA max_page_count = {pages}")  # SQLite's own "disk full" condition
    with pytest.raises(SaveFailed) as caught:
        store.save_body(update.id, "y" * 200_000)
    assert "disk is full" in str(caught.value)
    assert "still in the editor" in str(caught.value)
    assert store.update(update.id).body == "short"
    store.close()


def test_read_only_database_raises_a_plain_message(tmp_path):
    store, _ = Store.open(tmp_path / "composer.db")
    _incident, update = _incident_with_update(store)
    # Tests run as root, where file modes do not stop writes; query_only gives SQLite's
    # own read-only error, the same one a read-only mount produces.
    store._conn.execute("PRAGMA query_only = 1")
    with pytest.raises(SaveFailed, match="read-only"):
        store.save_body(update.id, "edit")
    store.close()


def test_unusable_folder_opens_in_memory_and_says_so(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    store, report = Store.open(blocker / "sub" / "composer.db")
    assert report.read_only
    assert "cannot be written" in report.message
    assert store.incidents() == []
    with pytest.raises(SaveFailed):
        store.add_incident(Incident(title="x"))
    store.close()


def test_an_import_that_fails_halfway_leaves_no_incident_behind(store):
    import pytest

    from composer.core.exchange import import_document
    from composer.core.interchange import UpdateDocument

    doc = UpdateDocument(body="text with a lone surrogate \udcff", title="Email delivery delayed")
    with pytest.raises(UnicodeEncodeError):  # the update cannot be stored: neither is the incident
        import_document(store, doc)
    assert store.incidents() == []
    with store.transaction(), store.transaction():  # nested: the outermost commits
        store.add_incident(UpdateDocument(body="ok", title="Two").to_incident())
    assert [i.title for i in store.incidents()] == ["Two"]


KILLED_WHILE_OPEN = """
import os, signal, sys
from pathlib import Path
from composer.core.model import Incident
from composer.core.store import Store
store, _ = Store.open(Path(sys.argv[1]))
store.add_incident(Incident(title="written before the kill"))
os.kill(os.getpid(), signal.SIGKILL)
"""


def test_a_clean_close_spares_the_next_opening_the_whole_file_check(tmp_path, monkeypatch):
    """PRAGMA quick_check reads every page (~30 ms for a year of incidents): it runs when the file
    is not exactly as a clean close left it, after a kill, and once a day regardless (bit rot)."""
    from composer.core import recovery

    checks = []
    real = recovery.integrity_problem
    monkeypatch.setattr(recovery, "integrity_problem", lambda conn: checks.append(1) or real(conn))
    path = tmp_path / "composer.db"
    store, _ = Store.open(path)
    _incident_with_update(store, "kept")
    store.close()
    assert len(checks) == 1 and (tmp_path / "composer.db.clean").exists()

    marked = (tmp_path / "composer.db.clean").stat().st_mtime_ns
    store, _ = Store.open(path)
    assert len(checks) == 1  # untouched since a clean close: not read again
    store.incidents()
    store.close()
    assert (tmp_path / "composer.db.clean").stat().st_mtime_ns == marked  # only read: nothing rewritten
    # Killed while it had the file open (here, while writing): its WAL stays beside the file.
    killed = subprocess.run([sys.executable, "-c", KILLED_WHILE_OPEN, str(path)], capture_output=True, timeout=60)
    assert killed.returncode == -signal.SIGKILL, killed.stderr
    assert (tmp_path / "composer.db-wal").exists()
    store, _ = Store.open(path)
    assert len(checks) == 2 and store.incident(2).title == "written before the kill"
    store.close()

    # A day later, an untouched file is checked again: damage the file system never noticed.
    marker = tmp_path / "composer.db.clean"
    mark = json.loads(marker.read_text())
    marker.write_text(json.dumps({**mark, "checked": mark["checked"] - recovery.RECHECK_AFTER - 1}))
    store, _ = Store.open(path)
    assert len(checks) == 3
    store.close()

    # A mark that does not describe the file (another program wrote it, or it is garbage): checked.
    marker.write_text("{not json")
    store, _ = Store.open(path)
    assert len(checks) == 4 and store.update(1).body == "kept"
    store.close()


def test_bit_rot_under_an_unchanged_stamp_is_found_by_the_daily_check(tmp_path):
    from composer.core import recovery

    path = tmp_path / "composer.db"
    _incident, update, data = _with_late_revisions_wrecked(path)
    marker = tmp_path / "composer.db.clean"
    mark = json.loads(marker.read_text())
    path.write_bytes(bytes(data))
    # The disk changed the bytes and the file system noticed nothing: the stamp is the old one.
    marker.write_text(json.dumps({"stamp": recovery._stamp(path), "checked": mark["checked"] - recovery.RECHECK_AFTER}))
    store, report = Store.open(path)
    assert report.moved_aside is not None
    assert store.update(update.id).body == "The text that must survive."
    store.close()
