# SPDX-License-Identifier: GPL-3.0-or-later
"""kill -9 of `publish` after the post reached WordPress, Bluesky or Mastodon but before the answer
came back: `outbox send` looks for the post (each of these channels can find its own) and
finishes the job as 'sent', without a duplicate — as when the answer is lost on the network
(test_dropped_connection.py).

Until 4c2b2fe this failed: the interrupted job became 'uncertain' when the store was next
opened (`Outbox.recover_interrupted`) with no `next_attempt`, and `Outbox.due`/`Outbox.wake` only
take uncertain jobs that have one, so `outbox send` never looked and the job waited for the user
(nothing duplicated, nothing lost silently: the kill benchmark's counts stayed 0).

How: the command line as a user runs it (subprocesses, secrets in a real Secret Service, see
outbox_cli.py), the real peers behind benchmarks/latency_proxy.py with a 0.5 s one-way delay: the
post is on the server (counted there) while its answer is still on its way, and the command is
killed then; the job is 'sending' in the database at that moment (read without opening the Store,
which would already turn it 'uncertain').
"""

from __future__ import annotations

import signal
import sqlite3
import time

import pytest
from outbox_cli import Composer, KeyringSession, Peers, new_marker, update_file
from peers import start_peer

DELAY_MS = 500.0  # one way: the answer takes this long to come back, time enough to kill the command


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
    assert started.violations() == []


def raw_state(database, marker: str) -> tuple[str, int] | None:
    """A job's state and tries as the database holds them, without Store.open's recovery."""
    with sqlite3.connect(f"file:{database}?mode=ro", uri=True) as conn:
        row = conn.execute("SELECT state, attempts FROM outbox WHERE post LIKE ?", (f"%{marker}%",)).fetchone()
    return None if row is None else (row[0], row[1])


@pytest.mark.parametrize("channel", ["wordpress", "bluesky", "mastodon"])
def test_outbox_send_finds_the_post_of_a_publish_killed_while_waiting_for_its_answer(
    tmp_path, keyring_env, peers, channel
):
    composer = Composer(keyring_env, tmp_path / "data")
    peers.add_accounts(composer, [channel])
    marker = new_marker(f"killed{channel}")
    update = update_file(tmp_path, marker)
    with peers.open([channel], delay_ms=DELAY_MS):
        process = composer.popen("publish", str(update), "--to", channel)
        deadline = time.monotonic() + 60
        while peers.delivered(channel, marker) == 0 and process.poll() is None and time.monotonic() < deadline:
            time.sleep(0.02)
        process.send_signal(signal.SIGKILL)
        process.wait(30)
    assert process.returncode == -signal.SIGKILL  # killed, not finished: its answer was still on the way
    assert peers.delivered(channel, marker) == 1
    assert raw_state(tmp_path / "data" / "composer.db", marker) == ("sending", 1)
    with peers.open([channel]):
        sent = composer.run("outbox", "send")
        [job] = composer.jobs()
    assert peers.delivered(channel, marker) == 1  # never a duplicate
    assert job["state"] == "sent", (job, sent.stdout)  # found, not left 'uncertain' for the user
    assert sent.returncode == 0, sent.stdout
