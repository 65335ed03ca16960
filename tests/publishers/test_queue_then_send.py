# SPDX-License-Identifier: GPL-3.0-or-later
"""Queue while the network is down, deliver once when it is back; and two `publish` commands on
one file at once send one mail. Counted on the real servers.

How: the command line as a user runs it (`python -m composer ...` subprocesses, the secrets in a
real Secret Service on a private D-Bus, see outbox_cli.py). Each account points at a port of its
own in front of its real peer (aiosmtpd, WordPress, the Bluesky PDS, the Mastodon stand-in):
"down" is that port closed (nothing listens: connection refused, nothing was sent), "back" is
benchmarks/latency_proxy.py listening there and passing everything to the peer.
"""

from __future__ import annotations

import sqlite3
import subprocess
import time
from datetime import UTC, datetime

import pytest
from outbox_cli import CHANNELS, Composer, KeyringSession, Peers, new_marker, update_file
from peers import start_peer


@pytest.fixture(scope="module")
def keyring_env(tmp_path_factory):
    session = start_peer("Secret Service (dbus + gnome-keyring)", KeyringSession(tmp_path_factory.mktemp("kr")).start)
    yield session.env
    session.stop()


@pytest.fixture(scope="module")
def peers(smtp_certificate):
    started = start_peer(
        "outbox peers (aiosmtpd, WordPress, Bluesky PDS, Mastodon stand-in)",
        Peers(smtp_certificate).start,
    )
    yield started
    started.stop()
    assert started.violations() == []  # the stand-in saw only requests Mastodon's description allows


@pytest.fixture
def composer(tmp_path, keyring_env, peers):
    """A fresh data folder with one account per channel, named after it."""
    app = Composer(keyring_env, tmp_path / "data")
    peers.add_accounts(app)
    return app


@pytest.mark.parametrize("channel", CHANNELS)
def test_queued_while_down_then_delivered_once_when_back(composer, peers, tmp_path, channel):
    marker = new_marker(channel)
    update = update_file(tmp_path, marker)
    queued = composer.run("publish", str(update), "--to", channel, "--queue")  # nothing listens on its port
    assert queued.returncode == 0, queued.stdout + queued.stderr
    assert f"{channel} (job 1): QUEUED, next try at" in queued.stdout, queued.stdout
    [job] = composer.jobs()
    assert job["state"] == "pending" and job["attempts"] == 1, job
    assert datetime.fromisoformat(job["next_attempt"]) > datetime.now(UTC)  # tried again later, on its own
    assert "refused" in job["error"] or "Could not connect" in job["error"], job["error"]
    assert peers.delivered(channel, marker) == 0
    with peers.open([channel]):  # the network is back
        sent = composer.run("outbox", "send", "--wait", "30")
        assert sent.returncode == 0, sent.stdout + sent.stderr
        assert f"{channel} (job 1): sent" in sent.stdout, sent.stdout
        [after] = composer.jobs()
        assert after["state"] == "sent" and after["attempts"] == 2 and after["next_attempt"] is None, after
        assert peers.delivered(channel, marker) == 1
        again = composer.run("outbox", "send")  # nothing is left, and nothing goes twice
        assert again.returncode == 0 and "Nothing to send." in again.stdout, again.stdout
        assert composer.run("publish", str(update), "--to", channel).returncode == 0
    assert peers.delivered(channel, marker) == 1


def test_every_channel_queued_in_one_publish_goes_out_once_in_one_send(composer, peers, tmp_path):
    marker = new_marker("all")
    update = update_file(tmp_path, marker)
    queued = composer.run("publish", str(update), "--to", ",".join(CHANNELS), "--queue")
    assert queued.returncode == 0, queued.stdout + queued.stderr
    jobs = composer.jobs()
    assert sorted(job["account"] for job in jobs) == sorted(CHANNELS)
    assert {job["state"] for job in jobs} == {"pending"} and all(job["next_attempt"] for job in jobs), jobs
    with peers.open():
        sent = composer.run("outbox", "send", "--wait", "30")
    assert sent.returncode == 0, sent.stdout + sent.stderr
    assert {job["state"] for job in composer.jobs()} == {"sent"}
    assert {channel: peers.delivered(channel, marker) for channel in CHANNELS} == dict.fromkeys(CHANNELS, 1)


def test_without_queue_an_unreachable_channel_fails_and_sends_nothing(composer, peers, tmp_path):
    marker = new_marker("noqueue")
    published = composer.run("publish", str(update_file(tmp_path, marker)), "--to", "mastodon")
    assert published.returncode == 1 and "ERROR" in published.stdout, published.stdout
    [job] = composer.jobs()
    assert job["state"] == "failed", job
    with peers.open(["mastodon"]):
        assert composer.run("outbox", "send").returncode == 1  # a failed job waits for the user (retry)
    assert peers.delivered("mastodon", marker) == 0


ROUNDS = 3
HOLD = 1.5  # seconds the database's write lock is held while the commands start (theirs wait up to 3 s)


def test_two_publish_commands_on_one_file_at_once_send_one_mail(composer, peers, tmp_path):
    """Two `publish` commands on the same file at once: one mail.

    To make "at once" happen every time, another writer (as the open window's sender may be) holds
    the database's write lock while both commands start, for 1.5 s: both read the database (WAL:
    reading does not wait) and then wait their turn to write, as two commands a moment apart do.
    Without the lock the same race still lost up to 9 rounds in 10 here, depending on the load.

    This failed before looking and storing were one step under the write lock
    (`Store.transaction(immediate=True)` in `stored_for_publishing`): each command stored the file
    as an incident of its own and two mails went out.
    """
    database = composer.data / "composer.db"
    assert composer.run("outbox", "list").returncode == 0  # the database exists before the lock is taken
    rounds = []
    with peers.open(["email"]):
        for number in range(ROUNDS):
            marker = new_marker(f"twice{number}")
            update = update_file(tmp_path, marker)
            other_writer = sqlite3.connect(database, isolation_level=None)
            try:
                other_writer.execute("BEGIN IMMEDIATE")
                both = [
                    subprocess.Popen(
                        composer.command("publish", str(update), "--to", "email"),
                        env=composer.env,
                        stdin=subprocess.DEVNULL,
                        stdout=subprocess.PIPE,
                        stderr=subprocess.PIPE,
                        text=True,
                    )
                    for _ in range(2)
                ]
                time.sleep(HOLD)
                other_writer.execute("COMMIT")
            finally:
                other_writer.close()
            results = [(process.wait(60), *process.communicate()) for process in both]
            rounds.append((number, peers.delivered("email", marker), results))
    for _number, _mails, results in rounds:
        for code, stdout, stderr in results:
            assert "Traceback" not in stderr and "locked" not in stdout + stderr, (stdout, stderr)
            # Each command says it sent the mail, or that it was sent or being sent (never a silent success).
            assert ("sent <" in stdout and code == 0) or ("already being sent" in stdout and code == 1), results
    twice = [(number, mails, [stdout for _c, stdout, _e in results]) for number, mails, results in rounds if mails != 1]
    assert twice == [], f"{len(twice)} of {ROUNDS} rounds mailed the update more than once: {twice}"
    jobs = composer.jobs()
    assert len(jobs) == ROUNDS and {job["state"] for job in jobs} == {"sent"}, jobs  # one job per file
