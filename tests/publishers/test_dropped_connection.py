# SPDX-License-Identifier: GPL-3.0-or-later
"""A connection dropped after the request was sent: the post reached the server, its answer never
reached the app. Counted on the real servers: never a duplicate, never a lost post.

How: the command line as a user runs it (`python -m composer publish|outbox ...` subprocesses,
the accounts' secrets in a real Secret Service on a private D-Bus, see outbox_cli.py), against the
real peers: aiosmtpd, WordPress (php + MariaDB), the Bluesky PDS, and the Mastodon stand-in checked
against Mastodon's API description. Each account points at a port of its own where
benchmarks/latency_proxy.py runs in cut mode: it passes the whole "create the post" request
(the end of the SMTP message; WordPress's POST /wp/v2/posts; Bluesky's createRecord; Mastodon's
POST /api/v1/statuses), lets the server carry it out and answer, then resets the connection
before the answer reaches the app (once: the next connection passes).

- WordPress, Bluesky and Mastodon can find their own post (slug and marker; record key;
  Idempotency-Key): the job is 'uncertain', then `outbox send` looks, finds the post and the job
  ends 'sent' with the post still there once.
- Email cannot be asked: the job stays 'uncertain' (`outbox send` never sends it again on its
  own); `outbox resolve --sent` settles it without a second mail, and `--resend` delivers a second
  copy, only because the user asked.
"""

from __future__ import annotations

import pytest
from outbox_cli import CUT_ANSWER_AFTER, Composer, KeyringSession, Peers, new_marker, update_file
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


def _publish_and_lose_the_answer(composer, peers, tmp_path, channel, marker):
    """Publish through a proxy that lets the request through and drops the answer; the job after it."""
    update = update_file(tmp_path, marker)
    with peers.open([channel], cut_answer_after=CUT_ANSWER_AFTER[channel], cut_count=1) as proxy:
        published = composer.run("publish", str(update), "--to", channel)
    assert len(proxy.cuts) == 1 and proxy.cuts[0]["to_server"] > 0, proxy.cuts  # the answer really was cut
    assert published.returncode == 1, published.stdout + published.stderr  # "may have gone out" is not success
    assert f"{channel} (job " in published.stdout and "UNCERTAIN" in published.stdout, published.stdout
    assert peers.delivered(channel, marker) == 1  # the request reached the server, which carried it out
    [job] = composer.jobs()
    assert job["state"] == "uncertain" and job["attempts"] == 1, job
    return update, job


@pytest.mark.parametrize("channel", ["wordpress", "bluesky", "mastodon"])
def test_a_channel_that_finds_its_post_completes_without_a_duplicate(composer, peers, tmp_path, channel):
    marker = new_marker(channel)
    update, job = _publish_and_lose_the_answer(composer, peers, tmp_path, channel, marker)
    with peers.open([channel]):  # the network is fine again
        sent = composer.run("outbox", "send")
        assert sent.returncode == 0, sent.stdout + sent.stderr
        assert f"{channel} (job {job['id']}): sent" in sent.stdout, sent.stdout
        [after] = composer.jobs()
        assert after["state"] == "sent" and after["error"] == "", after
        assert peers.delivered(channel, marker) == 1  # found, not posted again
        again = composer.run("publish", str(update), "--to", channel)  # and publishing the file again …
        assert again.returncode == 0 and "not sent again" in again.stdout, again.stdout
    assert peers.delivered(channel, marker) == 1  # … still sends nothing


def test_email_stays_uncertain_until_the_user_says_sent(composer, peers, tmp_path):
    marker = new_marker("email")
    update, job = _publish_and_lose_the_answer(composer, peers, tmp_path, "email", marker)
    with peers.open(["email"]):
        waited = composer.run("outbox", "send")  # the sender never mails it again on its own
        assert waited.returncode == 1 and "1 uncertain" in waited.stdout, waited.stdout
        again = composer.run("publish", str(update), "--to", "email")  # nor does publishing the file again
        assert again.returncode == 1 and "may already have gone out" in again.stdout, again.stdout
        assert peers.delivered("email", marker) == 1
        resolved = composer.run("outbox", "resolve", str(job["id"]), "--sent")
        assert resolved.returncode == 0 and "sent" in resolved.stdout, resolved.stdout + resolved.stderr
        [after] = composer.jobs()
        assert after["state"] == "sent", after
        settled = composer.run("outbox", "send")
        assert settled.returncode == 0, settled.stdout + settled.stderr
        assert composer.run("publish", str(update), "--to", "email").returncode == 0
    assert peers.delivered("email", marker) == 1  # settled by the user: one mail, never a second


def test_email_resend_delivers_a_second_copy_only_when_asked(composer, peers, tmp_path):
    marker = new_marker("resend")
    _update, job = _publish_and_lose_the_answer(composer, peers, tmp_path, "email", marker)
    with peers.open(["email"]):
        assert composer.run("outbox", "send").returncode == 1
        assert peers.delivered("email", marker) == 1  # waiting for the user: nothing more went out
        resolved = composer.run("outbox", "resolve", str(job["id"]), "--resend")
        assert resolved.returncode == 0 and "pending" in resolved.stdout, resolved.stdout + resolved.stderr
        sent = composer.run("outbox", "send")
        assert sent.returncode == 0 and f"email (job {job['id']}): sent" in sent.stdout, sent.stdout
    assert peers.delivered("email", marker) == 2  # the second copy the user asked for
    [after] = composer.jobs()
    assert after["state"] == "sent" and after["attempts"] == 2, after
