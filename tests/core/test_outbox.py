# SPDX-License-Identifier: GPL-3.0-or-later
"""The durable outbox: one job per post and account, never sent twice, honest after a crash."""

from __future__ import annotations

from composer.core.outbox import job_key
from composer.core.store import Store


def test_the_same_post_is_one_job(store):
    outbox = store.outbox()
    key = job_key("blog", "1/2", "We are sorry.")
    first = outbox.enqueue(key, "blog", None, {"parts": ["We are sorry."]})
    again = outbox.enqueue(key, "blog", None, {"parts": ["We are sorry."]})
    assert first.id == again.id and again.state == "pending"
    assert job_key("blog", "1/2", "We are sorry!") != key
    assert job_key("mail", "1/2", "We are sorry.") != key


def test_a_sent_job_keeps_its_receipt(store):
    outbox = store.outbox()
    key = job_key("blog", "1/2", "text")
    outbox.enqueue(key, "blog", None, {})
    outbox.mark_sending(key)
    outbox.mark_sent(key, {"remote_id": "42", "url": "https://example.net/42"})
    job = outbox.enqueue(key, "blog", None, {})
    assert job.state == "sent" and job.receipt["remote_id"] == "42" and job.attempts == 1


def test_failures_are_kept_and_can_be_retried(store):
    outbox = store.outbox()
    key = job_key("blog", "1/2", "text")
    outbox.enqueue(key, "blog", None, {})
    outbox.mark_sending(key)
    outbox.mark_failed(key, "the server refused the user name or password")
    assert outbox.get(key).last_error.startswith("the server refused")
    outbox.retry(key)
    assert outbox.get(key).state == "pending"


def test_a_crash_while_sending_is_never_resent_blindly(home):
    path = home / "composer.db"
    store, _ = Store.open(path)
    key = job_key("mail", "1/2", "text")
    store.outbox().enqueue(key, "mail", None, {})
    store.outbox().mark_sending(key)
    store.close()  # the process dies here, mid-send
    store, _ = Store.open(path)
    interrupted = store.outbox().recover_interrupted()
    assert [job.key for job in interrupted] == [key]
    job = store.outbox().get(key)
    assert job.state == "uncertain" and "may or may not" in job.last_error
    store.close()


def _sent(outbox, account, incident, number):
    key = job_key(account, f"{incident}/{number}", f"text {number}")
    outbox.enqueue(key, account, number, {"incident_key": incident, "parts": [f"text {number}"]})
    outbox.mark_sending(key)
    outbox.mark_sent(key, {"remote_id": f"{account}-{number}"})


def test_last_sent_is_the_accounts_newest_post_for_that_incident(store):
    outbox = store.outbox()
    _sent(outbox, "blog", "7", 1)
    _sent(outbox, "blog", "8", 2)
    _sent(outbox, "blog", "7", 3)
    _sent(outbox, "toots", "7", 4)
    failed = job_key("blog", "7/5", "text 5")
    outbox.enqueue(failed, "blog", 5, {"incident_key": "7"})
    outbox.mark_failed(failed, "down")
    assert outbox.last_sent("blog", "7")["remote_id"] == "blog-3"
    assert outbox.last_sent("blog", "8")["remote_id"] == "blog-2"
    assert outbox.last_sent("toots", "8") is None


def test_jobs_from_before_migration_4_keep_their_incident(tmp_path):
    import sqlite3

    from composer.core import schema

    path = tmp_path / "composer.db"
    conn = sqlite3.connect(path)
    for version, script in enumerate(schema.MIGRATIONS[:3], 1):
        conn.executescript(f"BEGIN;\n{script}\nPRAGMA user_version = {version};\nCOMMIT;")
    conn.execute(
        "INSERT INTO outbox (key, account, post, state, receipt, created_at, updated_at) VALUES "
        "('k', 'blog', '{\"incident_key\": \"7\"}', 'sent', '{\"remote_id\": \"42\"}', 'x', 'x')"
    )
    conn.commit()
    conn.close()
    store, report = Store.open(path)
    try:
        assert not report.message
        assert store.outbox().last_sent("blog", "7") == {"remote_id": "42"}
    finally:
        store.close()
