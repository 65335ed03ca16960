# SPDX-License-Identifier: GPL-3.0-or-later
"""accounts add/list/test/remove and publish, as a user runs them: the secret goes to a real
Secret Service (gnome-keyring on a private D-Bus), the mail to a real SMTP server."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from keyring_session import run_session
from outbox_cli import passing_update
from smtp_peer import SMTP_PASSWORD, SMTP_USER

UPDATE = passing_update("Email delivery delayed", "at most 40 minutes")  # passes every check now


def test_accounts_and_publish_end_to_end(session_env, tmp_path, starttls_server, smtp_certificate):
    update = tmp_path / "update.md"
    update.write_text(UPDATE, encoding="utf-8")
    add = [
        "accounts",
        "add",
        "email",
        "outage-list",
        "--host",
        "127.0.0.1",
        "--port",
        str(starttls_server.port),
        "--security",
        "starttls",
        "--username",
        SMTP_USER,
        "--from",
        "status@example.net",
        "--to",
        "customers@example.net",
        "--ca-file",
        str(smtp_certificate.cert),
        "--password-stdin",
    ]
    bad = [*add[:3], "wrong-pass", *add[4:]]
    results = run_session(
        session_env,
        tmp_path,
        [
            {"args": add, "stdin": SMTP_PASSWORD + "\n"},
            {"args": ["accounts", "list", "--format", "json"]},
            {"args": ["accounts", "test", "outage-list"]},
            {"args": ["publish", str(update), "--to", "outage-list"]},
            {"args": ["publish", str(update), "--to", "outage-list"]},
            {"args": bad, "stdin": "not-the-password\n"},
            {"args": ["publish", str(update), "--to", "outage-list,wrong-pass"]},
            {"args": ["publish", str(update), "--to", "nobody"]},
            {"args": ["accounts", "remove", "outage-list"]},
            {"args": ["accounts", "test", "outage-list"]},
        ],
    )
    added, listed, tested, first, second, _bad_added, mixed, unknown, removed, gone = results
    assert added["rc"] == 0, added["stderr"]
    assert "keyring" in added["stdout"].lower()
    settings = json.loads(listed["stdout"])[0]["settings"]
    assert settings["username"] == SMTP_USER and "password" not in settings
    assert tested["rc"] == 0 and "Connected" in tested["stdout"]
    # A file without `incident:` is stored as a new incident (never matched by its title) …
    assert first["rc"] == 0 and first["stdout"].startswith("Stored as incident 1: add `incident: 1`")
    assert "outage-list (job 1): sent <incident-1@example.net>" in first["stdout"]
    # … and the same file published again is the same update: found, not stored or sent twice.
    assert second["rc"] == 0 and "not sent again" in second["stdout"] and "Stored as" not in second["stdout"]
    assert len(starttls_server.deliveries) == 1  # published twice, sent once
    assert mixed["rc"] == 1
    lines = dict(line.split(" (job", 1)[0:1] + line.split(": ", 1)[1:] for line in mixed["stdout"].splitlines())
    assert "not sent again" in lines["outage-list"]
    assert lines["wrong-pass"].startswith("ERROR") and "user name or password" in lines["wrong-pass"]
    assert unknown["rc"] == 2 and "no account named 'nobody'" in unknown["stderr"]
    assert removed["rc"] == 0 and gone["rc"] == 2
    # The secret went to the keyring and nowhere else.
    for result in results:
        assert SMTP_PASSWORD not in result["stdout"] + result["stderr"]
    data = Path(session_env["INCIDENT_COMPOSER_HOME"])
    for path in data.rglob("*"):
        if path.is_file():
            assert SMTP_PASSWORD.encode() not in path.read_bytes(), path


def test_without_a_keyring_the_command_says_so(tmp_path):
    env = {k: v for k, v in os.environ.items() if k not in ("DBUS_SESSION_BUS_ADDRESS", "PYTHON_KEYRING_BACKEND")}
    env.update(HOME=str(tmp_path), INCIDENT_COMPOSER_HOME=str(tmp_path / "data"))
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "composer",
            "accounts",
            "add",
            "email",
            "x",
            "--host",
            "127.0.0.1",
            "--from",
            "a@example.net",
            "--to",
            "b@example.net",
            "--username",
            "u",
            "--password-stdin",
        ],
        input="secret-value\n",
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert done.returncode == 1
    assert "No system keyring is available" in done.stderr
    assert "secret-value" not in done.stderr + done.stdout


def _composer(tmp_path, *args, keyring=True):
    """Runs the command; `keyring=False`: as on a machine with no D-Bus session (no keyring at all)."""
    env = {**os.environ, "INCIDENT_COMPOSER_HOME": str(tmp_path / "data"), "HOME": str(tmp_path)}
    if not keyring:
        env = {k: v for k, v in env.items() if k not in ("DBUS_SESSION_BUS_ADDRESS", "PYTHON_KEYRING_BACKEND")}
    return subprocess.run(
        [sys.executable, "-m", "composer", *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
        stdin=subprocess.DEVNULL,
    )


def test_set_takes_the_kinds_other_settings_and_never_a_secret(tmp_path):
    base = [
        "accounts",
        "add",
        "email",
        "relay",
        "--host",
        "127.0.0.1",
        "--security",
        "none",
        "--from",
        "status@example.net",
        "--to",
        "all@example.net",
    ]
    added = _composer(tmp_path, *base, "--set", "list_unsubscribe=https://example.net/unsubscribe")
    assert added.returncode == 0, added.stderr
    listed = json.loads(_composer(tmp_path, "accounts", "list", "--format", "json").stdout)
    assert listed[0]["settings"]["list_unsubscribe"] == "https://example.net/unsubscribe"
    secret = _composer(tmp_path, *base, "--set", "password=hunter2")
    assert secret.returncode == 2 and "--password-stdin" in secret.stderr and "hunter2" not in secret.stderr
    unknown = _composer(tmp_path, *base, "--set", "colour=blue")
    assert unknown.returncode == 2 and "list_unsubscribe" in unknown.stderr


def test_kinds_lists_each_kinds_settings(tmp_path):
    kinds = _composer(tmp_path, "accounts", "kinds")
    assert kinds.returncode == 0
    assert "email" in kinds.stdout and "  password" in kinds.stdout and "--password-stdin" in kinds.stdout


def test_an_account_without_a_secret_never_needs_a_keyring(tmp_path, smtp_certificate):
    """A local relay that takes no login: added and published to with no keyring on the machine."""
    from smtp_peer import SmtpPeer

    update = tmp_path / "update.md"
    update.write_text(UPDATE, encoding="utf-8")
    with SmtpPeer(smtp_certificate, mode="plain", username="", password="") as relay:
        added = _composer(
            tmp_path,
            "accounts",
            "add",
            "email",
            "relay",
            "--host",
            "127.0.0.1",
            "--port",
            str(relay.port),
            "--security",
            "none",
            "--from",
            "status@example.net",
            "--to",
            "all@example.net",
            keyring=False,
        )
        assert added.returncode == 0, added.stderr
        published = _composer(tmp_path, "publish", str(update), "--to", "relay", keyring=False)
        assert published.returncode == 0, published.stderr
        assert "keyring" not in (published.stdout + published.stderr).lower()
        assert len(relay.deliveries) == 1
