# SPDX-License-Identifier: GPL-3.0-or-later
"""An incident's status follows what was published, never a draft; what the outbox sends is in
its update's history exactly once, whoever sent it; a new update starts at the next stage."""

from __future__ import annotations

import sqlite3
from datetime import timedelta

import pytest

from composer.core import schema
from composer.core.lifecycle import next_status
from composer.core.model import Incident, Publication, Status, Update, utc_now
from composer.core.outbox import job_key
from composer.core.store import Store


@pytest.fixture
def store():
    opened = Store.open_memory()
    yield opened
    opened.close()


def _sent(store: Store, update: Update, account: str = "mail", remote_id: str = "<a.1@example.net>") -> int:
    outbox = store.outbox()
    key = job_key(account, f"{update.incident_id}/{update.id}", remote_id)
    job = outbox.enqueue(key, account, update.id, {"channel": "email", "incident_key": str(update.incident_id)})
    assert outbox.claim(key)
    receipt = {"account": account, "channel": "email", "remote_id": remote_id, "url": ""}
    outbox.mark_sent(key, {**receipt, "published_at": utc_now().isoformat(), "meta": {}})
    return job.id or 0


def test_a_draft_proposes_and_a_publication_decides(store):
    incident = store.add_incident(Incident("Websites down"))
    first = store.add_update(Update(incident.id, "We are on it", Status.INVESTIGATING))
    draft = store.add_update(Update(incident.id, "All fine", Status.RESOLVED))
    assert store.incident(incident.id).status is Status.INVESTIGATING
    _sent(store, first)
    assert store.incident(incident.id).status is Status.INVESTIGATING
    # A window holding an older copy of the incident saves its title: the status is not turned back.
    stale = store.incident(incident.id)
    stale.status, stale.title = Status.RESOLVED, "Websites and email down"
    store.save_incident(stale)
    assert store.incident(incident.id).status is Status.INVESTIGATING
    assert stale.status is Status.INVESTIGATING  # the caller's copy now says what is stored
    store.add_publication(draft.id, Publication(channel="manual", published_at=utc_now()))
    assert store.incident(incident.id).status is Status.RESOLVED
    # A correction of an older update, published later, does not reopen the incident.
    _sent(store, first, remote_id="<a.1.correction-1@example.net>")
    assert store.incident(incident.id).status is Status.RESOLVED


def test_the_outbox_records_what_it_sent_once(store):
    incident = store.add_incident(Incident("Mail late"))
    update = store.add_update(Update(incident.id, "Mail is late", Status.IDENTIFIED))
    job_id = _sent(store, update)
    outbox = store.outbox()
    outbox.mark_sent(outbox.job(job_id).key, {"channel": "email", "remote_id": "<a.1@example.net>"})  # again
    [publication] = store.update(update.id).publications
    assert (publication.channel, publication.remote_id, publication.url) == (
        "email",
        "<a.1@example.net>",
        "mid:a.1@example.net",
    )
    published = [e for e in store.events(update.id) if e.kind == "published"]
    assert len(published) == 1 and published[0].detail["account"] == "mail"
    assert store.incident(incident.id).status is Status.IDENTIFIED


def test_marked_sent_by_hand_is_recorded_at_its_try(store):
    incident = store.add_incident(Incident("Mail late"))
    update = store.add_update(Update(incident.id, "Mail is late"))
    outbox = store.outbox()
    key = job_key("mail", f"{incident.id}/{update.id}", "x")
    outbox.enqueue(key, "mail", update.id, {"channel": "email"})
    assert outbox.claim(key)
    outbox.mark_uncertain(key, "the answer never came")
    tried = outbox.get(key).attempted_at
    outbox.resolve(outbox.get(key).id or 0, sent=True)
    [publication] = store.update(update.id).publications
    assert publication.published_at == tried


def test_a_job_whose_update_is_gone_is_still_marked_sent(store):
    incident = store.add_incident(Incident("Gone"))
    update = store.add_update(Update(incident.id, "text"))
    outbox = store.outbox()
    key = job_key("mail", f"{incident.id}/{update.id}", "x")
    outbox.enqueue(key, "mail", update.id, {"channel": "email"})
    assert outbox.claim(key)
    store.delete_incident(incident.id)
    outbox.mark_sent(key, {"channel": "email", "remote_id": "<b@example.net>"})
    assert outbox.get(key).state == "sent"


def test_an_older_store_is_recorded_once_and_its_statuses_recomputed(tmp_path):
    path = tmp_path / "composer.db"
    conn = sqlite3.connect(path)
    conn.row_factory = sqlite3.Row
    for version in range(1, 8):  # a store as version 7 left it
        conn.executescript(f"BEGIN;\n{schema.MIGRATIONS[version - 1]}\nPRAGMA user_version = {version};\nCOMMIT;")
    now = utc_now().isoformat()
    receipt = '{{"channel": "email", "remote_id": "<u{n}@example.net>", "published_at": "{now}"}}'
    sent = [receipt.format(n=n, now=now) for n in (1, 2)]
    conn.executescript(
        f"""
        INSERT INTO incidents (id, title, status, severity, started_at, created_at)
            VALUES (1, 'Sent from the command line', 'resolved', 'major', '{now}', '{now}'),
                   (2, 'A draft said resolved', 'resolved', 'major', '{now}', '{now}');
        INSERT INTO updates (id, incident_id, body, status, created_at, edited_at)
            VALUES (1, 1, 'on it', 'investigating', '{now}', '{now}'),
                   (2, 1, 'found it', 'identified', '{now}', '{now}'),
                   (3, 2, 'on it', 'investigating', '{now}', '{now}'),
                   (4, 2, 'fixed?', 'resolved', '{now}', '{now}');
        INSERT INTO publications (update_id, channel, published_at, remote_id)
            VALUES (1, 'email', '{now}', '<u1@example.net>');
        INSERT INTO outbox (key, account, update_id, post, state, receipt, created_at, updated_at)
            VALUES ('k1', 'mail', 1, '{{}}', 'sent', '{sent[0]}', '{now}', '{now}'),
                   ('k2', 'mail', 2, '{{}}', 'sent', '{sent[1]}', '{now}', '{now}');
        """
    )
    conn.close()
    store, _report = Store.open(path)
    try:
        assert [len(store.update(n).publications) for n in (1, 2)] == [1, 1]  # the CLI's send, recorded once
        assert store.incident(1).status is Status.IDENTIFIED
        assert store.incident(2).status is Status.INVESTIGATING  # nothing published: its first update's
    finally:
        store.close()


@pytest.mark.parametrize(
    ("published", "expected"),
    [
        ([], Status.INVESTIGATING),
        ([Status.INVESTIGATING], Status.IDENTIFIED),
        ([Status.INVESTIGATING, Status.IDENTIFIED], Status.MONITORING),
        ([Status.MONITORING], Status.RESOLVED),
        ([Status.RESOLVED], Status.POSTMORTEM),  # the post-incident report
        ([Status.RESOLVED, Status.POSTMORTEM], Status.POSTMORTEM),
        ([Status.SCHEDULED], Status.IN_PROGRESS),
    ],
)
def test_a_new_update_starts_at_the_next_stage(published, expected):
    incident = Incident("x", status=published[-1] if published else Status.INVESTIGATING)
    updates = [
        Update(1, status=status, publications=[Publication("manual", utc_now() - timedelta(minutes=5))])
        for status in published
    ]
    updates.append(Update(1, status=Status.RESOLVED))  # a draft proposes, it does not count
    assert next_status(incident, updates) is expected


def test_a_correction_sent_later_does_not_bring_an_old_promise_back():
    from composer.core.promises import PromiseState, promise_for

    now = utc_now()
    incident = Incident("Mail late", status=Status.IDENTIFIED)
    first = Update(1, status=Status.INVESTIGATING, next_update_at=now + timedelta(minutes=5), id=1)
    second = Update(1, status=Status.IDENTIFIED, next_update_at=now + timedelta(minutes=50), id=2)
    second.created_at = first.created_at + timedelta(minutes=20)
    first.publications = [Publication("email", now - timedelta(minutes=30)), Publication("email", now)]  # corrected
    second.publications = [Publication("email", now - timedelta(minutes=10))]
    promise = promise_for(incident, [first, second], now)
    assert (promise.state, promise.deadline) == (PromiseState.KEPT, second.next_update_at)
