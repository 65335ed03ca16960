# SPDX-License-Identifier: GPL-3.0-or-later
"""`incident-composer outbox …` and what `publish` stores, run as users run them (a process each),
against a real SMTP server (aiosmtpd) that is down, then up. The relay needs no login, so
nothing here touches a keyring."""

from __future__ import annotations

import contextlib
import email
import email.policy
import json
import os
import subprocess
import sys

import pytest
from outbox_cli import passing_update
from peers import start_peer
from smtp_peer import SmtpPeer

MONDAY = """\
---
title: Email delivery delayed
status: investigating
started: 2026-11-23T09:12:00+01:00
---
We are sorry: since 09:12 CET on Monday, email you send waits in a queue.

Marta Vidal, Head of Support, +34 930 000 000
"""
FRIDAY = MONDAY.replace("2026-11-23", "2026-11-27").replace("Monday", "Friday")
LIST_KEYS = {"id", "account", "incident", "update", "state", "attempts", "next_attempt", "error", "link"}


def run(home, *args):
    env = {k: v for k, v in os.environ.items() if k not in ("DBUS_SESSION_BUS_ADDRESS", "PYTHON_KEYRING_BACKEND")}
    env["INCIDENT_COMPOSER_HOME"] = str(home)
    return subprocess.run(
        [sys.executable, "-m", "composer", *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=90,
        check=False,
        stdin=subprocess.DEVNULL,
    )


def add_relay(home, port, *more):
    added = run(home, "accounts", "add", "email", "relay", "--host", "127.0.0.1", "--port", str(port),
                "--security", "none", "--from", "status@example.net", "--to", "all@example.net", *more)  # fmt: skip
    assert added.returncode == 0, added.stderr


def listed(home):
    result = run(home, "outbox", "list", "--format", "json")
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


@pytest.fixture
def relay(smtp_certificate):
    peer = SmtpPeer(smtp_certificate, mode="plain", username="", password="")
    yield peer
    with contextlib.suppress(AssertionError):  # aiosmtpd: "SMTP daemon not running" (the test kept it down)
        peer.stop()


def test_queued_while_the_server_is_down_then_sent_once_when_it_is_back(home, tmp_path, relay):
    add_relay(home, relay.port)  # not listening yet: the mail server is down
    update = tmp_path / "update.md"
    update.write_text(passing_update("Email delivery delayed", "a relay that is down"), encoding="utf-8")

    failed = run(home, "publish", str(update), "--to", "relay")
    assert failed.returncode == 1 and "relay (job 1): ERROR" in failed.stdout and "refused" in failed.stdout
    assert run(home, "outbox", "retry", "1").returncode == 0

    queued = run(home, "publish", str(update), "--to", "relay", "--queue")
    assert queued.returncode == 0, queued.stdout + queued.stderr
    assert "relay (job 1): QUEUED, next try at" in queued.stdout
    [job] = listed(home)
    assert set(job) >= LIST_KEYS and job["state"] == "pending" and job["attempts"] == 2
    assert job["account"] == "relay" and job["incident"] == 1 and job["update"] == 1 and job["link"] == ""
    assert job["next_attempt"] and "refused the connection" in job["error"]

    still_down = run(home, "outbox", "send")
    assert still_down.returncode == 1 and "Not done: 1 pending" in still_down.stdout

    start_peer("SMTP relay", relay.start)
    sent = run(home, "outbox", "send", "--wait", "60")  # sends as soon as the server answers
    assert sent.returncode == 0, sent.stdout + sent.stderr
    assert "relay (job 1): sent <incident-1@example.net>" in sent.stdout
    assert len(relay.deliveries) == 1
    [job] = listed(home)
    assert job["state"] == "sent" and job["error"] == ""
    assert run(home, "outbox", "send").stdout.strip() == "Nothing to send."
    again = run(home, "publish", str(update), "--to", "relay", "--queue")
    assert again.returncode == 0 and "not sent again" in again.stdout and len(relay.deliveries) == 1


def test_the_users_actions_and_their_one_line_refusals(home, tmp_path, relay, closed_port):
    add_relay(home, closed_port)
    update = tmp_path / "update.md"
    update.write_text(passing_update("Email delivery delayed", "a relay that is down"), encoding="utf-8")
    assert run(home, "publish", str(update), "--to", "relay", "--queue").returncode == 0

    cancelled = run(home, "outbox", "cancel", "1")
    assert cancelled.returncode == 0 and cancelled.stdout.strip() == "job 1 (relay): cancelled."
    assert run(home, "outbox", "send").stdout.strip() == "Nothing to send."  # a cancelled job is done
    resolved = run(home, "outbox", "resolve", "1", "--sent")
    assert resolved.returncode == 2 and resolved.stderr.count("\n") == 1
    assert "job 1 is cancelled: only an uncertain job is resolved" in resolved.stderr
    missing = run(home, "outbox", "retry", "7")
    assert (
        missing.returncode == 2 and "there is no outbox job 7" in missing.stderr and "Traceback" not in missing.stderr
    )
    both = run(home, "outbox", "resolve", "1", "--sent", "--resend")
    assert both.returncode == 2 and "not allowed with argument" in both.stderr
    retried = run(home, "outbox", "retry", "1")
    assert retried.returncode == 0 and "pending" in retried.stdout and "outbox send" in retried.stdout
    text = run(home, "outbox", "list")
    assert text.returncode == 0 and "pending" in text.stdout and "relay" in text.stdout


def test_an_uncertain_email_waits_for_the_user(home, tmp_path, relay):
    """The relay stores the mail, then answers after the account's timeout: it may have gone out."""
    relay.handler.reply_delay = 4.0
    start_peer("SMTP relay", relay.start)
    add_relay(home, relay.port, "--set", "timeout=1")
    update = tmp_path / "update.md"
    update.write_text(passing_update("Email delivery delayed", "a relay that is down"), encoding="utf-8")

    first = run(home, "publish", str(update), "--to", "relay", "--queue")
    assert first.returncode == 1 and "relay (job 1): UNCERTAIN This email may already have gone out at" in first.stdout
    assert listed(home)[0]["state"] == "uncertain"
    assert run(home, "outbox", "send").returncode == 1  # not sent on its own
    assert run(home, "publish", str(update), "--to", "relay").returncode == 1
    assert len(relay.deliveries) == 1
    assert run(home, "outbox", "retry", "1").returncode == 2  # resolved, not retried

    relay.handler.reply_delay = 0.0
    assert run(home, "outbox", "resolve", "1", "--resend").returncode == 0
    assert run(home, "outbox", "send").returncode == 0
    assert len(relay.deliveries) == 2  # sent again because the user said so, and only then


def test_two_incidents_with_the_same_title_are_two_incidents(home, tmp_path, relay):
    start_peer("SMTP relay", relay.start)
    add_relay(home, relay.port)
    monday, friday = tmp_path / "monday.md", tmp_path / "friday.md"
    monday.write_text(MONDAY, encoding="utf-8")
    friday.write_text(FRIDAY, encoding="utf-8")
    backfill = ("--override", "Backfilling last week's incidents")  # their times are long past: checks fail
    first = run(home, "publish", str(monday), "--to", "relay", *backfill)
    second = run(home, "publish", str(friday), "--to", "relay", *backfill)
    assert "Stored as incident 1" in first.stdout and "Stored as incident 2" in second.stdout
    ids = [email.message_from_bytes(d.raw, policy=email.policy.default)["Message-ID"] for d in relay.deliveries]
    assert len(ids) == 2 and ids[0] != ids[1]

    # The next update of Friday's incident, rendered for it, is an update of incident 2.
    rendered = run(home, "render", "resolved-email-en", "--sample", "--incident", "2", "-o", str(tmp_path / "r.md"))
    assert rendered.returncode == 0, rendered.stderr
    text = (tmp_path / "r.md").read_text(encoding="utf-8")
    assert "\nincident: 2\n" in text and "title: Email delivery delayed" in text
    later = run(home, "publish", str(tmp_path / "r.md"), "--to", "relay", *backfill)
    assert later.returncode == 0 and "Stored as update" in later.stdout and "incident 2" in later.stdout
    replies = email.message_from_bytes(relay.deliveries[-1].raw, policy=email.policy.default)
    assert replies["In-Reply-To"] == "<incident-2@example.net>"
    incidents = json.loads(run(home, "incidents", "list", "--format", "json").stdout)
    assert sorted((i["id"], i["updates"]) for i in incidents) == [(1, 1), (2, 2)]
    unknown = run(home, "render", "resolved-email-en", "--sample", "--incident", "9")
    assert unknown.returncode == 2 and "no incident with id 9" in unknown.stderr


def test_publish_is_gated_by_the_checks_as_in_the_window(home, tmp_path, relay):
    start_peer("SMTP relay", relay.start)
    add_relay(home, relay.port)
    unsigned = tmp_path / "unsigned.md"
    unsigned.write_text(
        passing_update("Email delivery delayed", "the gate").replace(
            "Marta Vidal, Head of Support\n", "The Support Team\n"
        ),
        encoding="utf-8",
    )
    refused = run(home, "publish", str(unsigned), "--to", "relay")
    assert refused.returncode == 1 and refused.stdout.startswith("Not published: these checks fail.")
    assert "FAIL  sign-your-name" in refused.stdout and "--override" in refused.stdout
    assert relay.deliveries == [] and listed(home) == []  # nothing stored, nothing sent
    short = run(home, "publish", str(unsigned), "--to", "relay", "--override", "because")
    assert short.returncode == 2 and "10 characters or more" in short.stderr and relay.deliveries == []

    reason = "The signer is on a plane; Marta approved by phone"
    overridden = run(home, "publish", str(unsigned), "--to", "relay", "--override", reason)
    assert overridden.returncode == 0 and len(relay.deliveries) == 1
    from composer.core.store import Store

    store, _ = Store.open(home / "composer.db")
    try:
        [event] = [e for e in store.events(1) if e.kind == "override"]  # kept as the window keeps it
        assert event.detail == {"reason": reason, "rules": ["sign-your-name"]}
    finally:
        store.close()
