# SPDX-License-Identifier: GPL-3.0-or-later
"""The team workspace on the command line, as people run it: a real PostgreSQL set up with
`workspace setup`, three people's data folders (Carla administers, Ana reviews, Bo drafts) with
their passwords in a real keyring, and Bo's mail account on a real SMTP server. Publishing an
update that needs approval is refused until Ana approves it: counted on the SMTP server."""

from __future__ import annotations

import email
import email.policy
import json

import pytest
from keyring_session import run_session
from outbox_cli import passing_update
from peers import start_peer
from postgres_peer import SUPERUSER_PASSWORD, PostgresPeer
from smtp_peer import SMTP_PASSWORD, SMTP_USER


@pytest.fixture
def server():
    peer = start_peer("PostgreSQL", PostgresPeer().start)
    yield peer
    peer.stop()


def test_approval_on_the_command_line_end_to_end(session_env, tmp_path, server, starttls_server, smtp_certificate):
    server.create_database("comms")
    homes = {name: {"INCIDENT_COMPOSER_HOME": str(tmp_path / name)} for name in ("carla", "ana", "bo")}
    update = tmp_path / "update.md"
    update.write_text(passing_update("Payments failing", "card payments fail"), encoding="utf-8")
    setup = run_session(
        session_env,
        tmp_path,
        [{"args": ["workspace", "setup", server.url("comms"), "--password-stdin"], "stdin": SUPERUSER_PASSWORD + "\n"}],
    )
    assert setup[0]["rc"] == 0, setup[0]["stderr"]
    server.add_person("carla", "carla-pass", "composer_admin")
    server.add_person("ana", "ana-pass", "composer_reviewer")
    server.add_person("bo", "bo-pass", "composer_drafter")

    def join(name):
        url = server.url("comms", name)
        return {"args": ["workspace", "join", url, "--password-stdin"], "stdin": f"{name}-pass\n", "env": homes[name]}

    add_account = [
        "accounts", "add", "email", "customers", "--host", "127.0.0.1", "--port", str(starttls_server.port),
        "--security", "starttls", "--username", SMTP_USER, "--from", "status@example.net",
        "--to", "customers@example.net", "--ca-file", str(smtp_certificate.cert), "--password-stdin",
    ]  # fmt: skip
    publish = {"args": ["publish", str(update), "--to", "customers"], "env": homes["bo"]}
    results = run_session(
        session_env,
        tmp_path,
        [
            join("carla"),
            join("ana"),
            join("bo"),
            {"args": ["review", "policy", "all"], "env": homes["bo"]},  # not an admin: refused
            {"args": ["review", "policy", "all"], "env": homes["carla"]},
            {"args": ["workspace", "sync"], "env": homes["bo"]},
            {"args": add_account, "stdin": SMTP_PASSWORD + "\n", "env": homes["bo"]},
            publish,  # stored, then refused: nobody approved it
            {"args": ["review", "submit", "1"], "env": homes["bo"]},
            {"args": ["workspace", "sync"], "env": homes["ana"]},
            {"args": ["review", "list", "--format", "json"], "env": homes["ana"]},
        ],
    )
    for result in results[:3]:
        assert result["rc"] == 0 and "Joined" in result["stderr"], result["stderr"]
    bo_policy, carla_policy, bo_sync, added, refused, submitted, ana_sync, listed = results[3:]
    assert bo_policy["rc"] == 0 and carla_policy["rc"] == 0
    assert bo_sync["rc"] == 0 and added["rc"] == 0, added["stderr"]
    assert refused["rc"] == 1
    assert "Not published: this workspace needs a second person to approve" in refused["stdout"]
    assert starttls_server.deliveries == []  # nothing reached the customers
    assert submitted["rc"] == 0 and ana_sync["rc"] == 0
    [waiting] = json.loads(listed["stdout"])
    assert waiting["standing"] == "awaiting-review" and waiting["submitted_by"] == "bo"
    assert waiting["incident_title"] == "Payments failing"
    ana_id = str(waiting["update"])

    results = run_session(
        session_env,
        tmp_path,
        [
            {"args": ["review", "request-changes", ana_id, "--comment", "Say which cards."], "env": homes["ana"]},
            {"args": ["workspace", "sync"], "env": homes["bo"]},
            publish,
        ],
    )
    changes, _sync1, still_refused = results
    assert changes["rc"] == 0, changes["stderr"]
    assert still_refused["rc"] == 1 and "ana asked for changes: “Say which cards.”" in still_refused["stdout"]
    assert starttls_server.deliveries == []

    results = run_session(
        session_env,
        tmp_path,
        [
            {"args": ["review", "approve", ana_id], "env": homes["ana"]},
            {"args": ["workspace", "sync"], "env": homes["bo"]},
            publish,
            {"args": ["workspace", "status", "--format", "json"], "env": homes["bo"]},
            {"args": ["review", "approve", "1"], "env": homes["bo"]},  # his own
        ],
    )
    approved, _sync2, published, status, own = results
    assert approved["rc"] == 0, approved["stderr"]
    assert published["rc"] == 0, published["stdout"] + published["stderr"]
    assert len(starttls_server.deliveries) == 1  # approved: it went out, once
    mail = email.message_from_bytes(starttls_server.deliveries[0].raw, policy=email.policy.default)
    assert "card payments fail" in mail.get_body(preferencelist=("plain",)).get_content()
    found = json.loads(status["stdout"])
    assert found["joined"] and found["user"] == "bo" and found["roles"] == ["draft"]
    assert found["approval"] == "all" and found["refused"] == 1  # his own policy change
    assert own["rc"] == 2 and "second person" in own["stderr"]
    for result in results:
        assert "bo-pass" not in result["stdout"] + result["stderr"]
