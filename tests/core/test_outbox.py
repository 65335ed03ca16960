# SPDX-License-Identifier: GPL-3.0-or-later
"""The durable outbox: one job per post and account, never sent twice, honest after a crash."""

from __future__ import annotations

import signal
import subprocess
import sys

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
    outbox.retry(outbox.get(key).id)
    assert outbox.get(key).state == "pending"


KILLED_MID_SEND = """
import os, signal, sys
from pathlib import Path
from composer.core.outbox import job_key
from composer.core.store import Store
store, _ = Store.open(Path(sys.argv[1]))
key = job_key("mail", "1/2", "text")
store.outbox().enqueue(key, "mail", None, {})
assert store.outbox().claim(key)
os.kill(os.getpid(), signal.SIGKILL)  # dies mid-send, as kill -9 would
"""


def test_a_job_left_sending_by_a_killed_process_becomes_uncertain_when_the_store_opens(home):
    path = home / "composer.db"
    done = subprocess.run([sys.executable, "-c", KILLED_MID_SEND, str(path)], capture_output=True, timeout=60)
    assert done.returncode == -signal.SIGKILL, done.stderr
    store, _ = Store.open(path)  # every opening recovers: the window, a command, a worker
    try:
        job = store.outbox().get(job_key("mail", "1/2", "text"))
        assert job.state == "uncertain" and "may or may not" in job.last_error
        assert not store.outbox().claim(job.key)  # never sent again without a check or the user
    finally:
        store.close()


def test_a_job_a_living_process_is_sending_is_left_alone(home):
    path = home / "composer.db"
    store, _ = Store.open(path)
    key = job_key("mail", "1/2", "text")
    store.outbox().enqueue(key, "mail", None, {})
    assert store.outbox().claim(key)  # this process is alive and sending
    other, _ = Store.open(path)  # another window or command opens the store meanwhile
    try:
        assert other.outbox().get(key).state == "sending"
        assert other.outbox().recover_interrupted() == []
        assert [job.key for job in other.outbox().recover_interrupted(all_claims=True)] == [key]
    finally:
        other.close()
        store.close()


def test_only_one_process_wins_a_claim(home):
    path = home / "composer.db"
    first, _ = Store.open(path)
    second, _ = Store.open(path)
    try:
        key = job_key("mail", "1/2", "text")
        first.outbox().enqueue(key, "mail", None, {})
        second.outbox().enqueue(key, "mail", None, {})
        assert [first.outbox().claim(key), second.outbox().claim(key)] == [True, False]
        first.outbox().mark_failed(key, "the server was down")
        assert second.outbox().claim(key)  # a failed job may be claimed again
        second.outbox().mark_sent(key, {"remote_id": "1"})
        assert not first.outbox().claim(key)  # a sent one never
    finally:
        first.close()
        second.close()


def test_claims_name_a_process_that_can_be_checked():
    from composer.core import claimer

    mine = claimer.this_process()
    assert claimer.is_alive(mine)
    host, pid, started = mine.rsplit(":", 2)
    assert not claimer.is_alive(f"{host}:999999999:{started}")  # no such process
    if started:  # /proc: the same id with another start time is a later process
        assert not claimer.is_alive(f"{host}:{pid}:{int(started) + 1}")
    assert claimer.is_alive(f"another-host.example:{pid}:1")  # only that host can tell
    assert not claimer.is_alive("")


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


# --- the queue: next tries, the user's actions (migration 6) ------------------------------------


def _job(outbox, text="text", account="blog"):
    key = job_key(account, "1/2", text)
    return outbox.enqueue(key, account, 2, {"channel": "wordpress", "parts": [text], "incident_key": "1"})


def test_backoff_doubles_with_jitter_up_to_a_cap_and_honours_retry_after():
    from composer.core.outbox import FIRST_DELAY, MAX_DELAY, next_delay

    assert next_delay(1, rand=lambda: 1.0) == FIRST_DELAY
    assert next_delay(1, rand=lambda: 0.0) == FIRST_DELAY / 2  # equal jitter: half to all
    assert next_delay(3, rand=lambda: 1.0) == 4 * FIRST_DELAY
    assert next_delay(40, rand=lambda: 1.0) == MAX_DELAY
    assert next_delay(1, retry_after=3600, rand=lambda: 0.0) == 3600  # the server asked for an hour
    assert next_delay(5, retry_after=1, rand=lambda: 1.0) == 16 * FIRST_DELAY  # never sooner than backoff


def test_a_deferred_job_is_due_at_its_time_and_wakes_when_the_network_returns(store):
    from datetime import timedelta

    from composer.core.model import utc_now

    outbox = store.outbox()
    job = _job(outbox)
    assert [j.id for j in outbox.due(utc_now())] == [job.id] and outbox.next_due() is not None
    assert outbox.claim(job.key)
    when = outbox.defer(job.key, "Could not connect to blog.example.net", 60)
    job = outbox.get(job.key)
    assert job.state == "pending" and job.next_attempt == when and job.attempts == 1
    assert outbox.due(utc_now()) == [] and outbox.waiting() == 1 and outbox.waiting_updates() == 1
    assert [j.id for j in outbox.due(utc_now() + timedelta(seconds=61))] == [job.id]
    assert outbox.wake("another account") == 0 and outbox.due(utc_now()) == []
    assert outbox.wake("blog") == 1 and [j.id for j in outbox.due(utc_now())] == [job.id]


def test_a_held_account_keeps_its_later_jobs_behind_the_first(store):
    from datetime import timedelta

    from composer.core.model import utc_now

    outbox = store.outbox()
    first, second = _job(outbox, "one"), _job(outbox, "two")
    other = _job(outbox, "three", account="mail")
    outbox.hold("blog", utc_now() + timedelta(minutes=5))
    assert [j.id for j in outbox.due(utc_now())] == [other.id]
    later = utc_now() + timedelta(minutes=6)
    assert [j.id for j in outbox.due(later)] == [first.id, second.id, other.id]  # in their order


def test_the_users_actions_apply_only_where_they_make_sense(store):
    import pytest

    from composer.core.outbox import OutboxError

    outbox = store.outbox()
    job = _job(outbox)
    assert outbox.cancel(job.id).state == "cancelled"
    assert outbox.claim(job.key) is False  # a cancelled job is not sent
    assert outbox.retry(job.id).state == "pending"
    assert outbox.claim(job.key)
    outbox.mark_uncertain(job.key, "the answer was lost")
    with pytest.raises(OutboxError, match=r"job \d+ is uncertain: only a waiting, failed or cancelled job"):
        outbox.retry(job.id)
    assert outbox.claim(job.key) is False  # uncertain: never taken without a check or the user
    resent = outbox.resolve(job.id, sent=False)
    assert resent.state == "pending" and resent.next_attempt is None
    assert outbox.claim(job.key)
    outbox.mark_uncertain(job.key, "the answer was lost")
    marked = outbox.resolve(job.id, sent=True)
    assert marked.state == "sent" and marked.receipt["meta"] == {"marked_sent_by_hand": True}
    for action in (outbox.cancel, outbox.retry, lambda n: outbox.resolve(n, sent=True)):
        with pytest.raises(OutboxError, match="is sent"):
            action(job.id)
    with pytest.raises(OutboxError, match="there is no outbox job 999"):
        outbox.cancel(999)


def test_an_uncertain_recheck_keeps_the_time_the_post_may_have_gone_out(store):
    outbox = store.outbox()
    job = _job(outbox)
    assert outbox.claim(job.key)
    first_try = outbox.get(job.key).attempted_at
    outbox.mark_uncertain(job.key, "the answer was lost")
    assert outbox.claim(job.key, uncertain=True)
    assert outbox.get(job.key).attempted_at == first_try and outbox.get(job.key).attempts == 2


def test_migration_6_keeps_older_jobs(home):
    import sqlite3

    from composer.core import schema

    path = home / "old.db"
    conn = sqlite3.connect(path)
    for version, script in enumerate(schema.MIGRATIONS[:5], 1):
        conn.executescript(f"BEGIN;\n{script}\nPRAGMA user_version = {version};\nCOMMIT;")
    conn.execute(
        "INSERT INTO outbox (key, account, post, state, created_at, updated_at) "
        "VALUES ('k', 'blog', '{\"parts\": [\"old\"]}', 'failed', '2026-01-01T00:00:00+00:00', 'x')"
    )
    conn.commit()
    conn.close()
    store, _ = Store.open(path)
    try:
        [job] = store.outbox().jobs()
        assert job.state == "failed" and job.next_attempt is None and job.attempted_at is None
        assert job.updated_at is None  # unreadable time: None, the job is still listed
        assert store.outbox().retry(job.id).state == "pending"
    finally:
        store.close()


def test_a_recovered_job_is_due_so_a_channel_that_can_look_looks(home):
    from composer.core.model import utc_now

    path = home / "composer.db"
    done = subprocess.run([sys.executable, "-c", KILLED_MID_SEND, str(path)], capture_output=True, timeout=60)
    assert done.returncode == -signal.SIGKILL
    store, _ = Store.open(path)
    try:
        [job] = store.outbox().jobs()
        assert job.state == "uncertain" and [j.id for j in store.outbox().due(utc_now())] == [job.id]
    finally:
        store.close()
