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
