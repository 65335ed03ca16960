# SPDX-License-Identifier: GPL-3.0-or-later
"""`incident-composer outreach` against a real SMTP server on 127.0.0.1 (aiosmtpd): every customer
gets one message addressed to them alone, with their name and the signer's own contact; kill -9
half-way and again completes with no duplicate and no one missed; an uncertain message waits for
the user; malformed lists are refused in one line naming the line, bad rows listed and skipped."""

from __future__ import annotations

import json
from email import message_from_bytes, policy

import pytest
from outreach_kill import SIGNER_EMAIL, customer_csv, kill_and_rerun, received, send_args
from smtp_peer import SmtpPeer

from composer.cli import main
from composer.core.store import Store

KILLS = 10
SEED = 20261215


@pytest.fixture
def relay(smtp_certificate):
    with SmtpPeer(smtp_certificate, mode="plain", username="", password="") as peer:
        yield peer


@pytest.fixture
def ready(home, relay, tmp_path, capsys):
    """An incident (1), the organisation, a signer with their own address, a relay account with a
    subscriber list's To, Bcc and unsubscribe link (none of which a personal message may use)."""
    update = tmp_path / "incident.md"
    update.write_text(
        "---\ntitle: Card payments failing\nstatus: resolved\nstarted: 2026-11-21T11:00:00+01:00\nlanguage: en\n"
        "---\nCard payments work again.\n",
        encoding="utf-8",
    )
    assert main(["import", str(update)]) == 0
    assert main(["organisation", "set", "--name", "Example Hosting", "--phone", "+34 930 000 000"]) == 0
    assert main(["people", "add", "Marta Vidal", "--role", "Head of Support", "--email", SIGNER_EMAIL]) == 0
    assert main(["accounts", "add", "email", "relay", "--host", "127.0.0.1", "--port", str(relay.port),
                 "--security", "none", "--from", "Example Status <status@example.net>", "--to", "all@example.net",
                 "--bcc", "archive@example.net",
                 "--list-unsubscribe", "https://example.net/unsubscribe"]) == 0  # fmt: skip
    capsys.readouterr()
    return tmp_path


def send(csv_path, *extra):
    return main([*send_args(csv_path), *extra])


def test_500_customers_each_get_one_message_to_them_alone(ready, relay, capsys):
    csv_path = ready / "customers.csv"
    csv_path.write_text(customer_csv(500), encoding="utf-8")
    assert send(csv_path) == 0
    out = capsys.readouterr().out
    assert out.count("\nsent ") + out.startswith("sent ") == 500 and "500 customers: 500 sent." in out
    assert len(relay.deliveries) == 500
    counts = received(relay.deliveries)  # also: To is the envelope's one recipient
    assert counts == {f"customer{n}@example.com": 1 for n in range(500)}
    ids = set()
    for delivery in relay.deliveries:
        message = message_from_bytes(delivery.raw, policy=policy.default)
        [(name, to)] = [(a.display_name, a.addr_spec) for a in message["To"].addresses]
        number = to.removeprefix("customer").removesuffix("@example.com")
        assert name == f"Customer Nº{number}"
        text = message.get_body(("plain",)).get_content().replace("\r\n", "\n")
        assert text.startswith(f"Dear Customer Nº{number},\n")  # their own name in the greeting
        assert f"Your shop {number} could not take card payments" in text
        assert SIGNER_EMAIL in text and message["Reply-To"] == f"Marta Vidal <{SIGNER_EMAIL}>"
        assert message["From"] == f"Marta Vidal <{SIGNER_EMAIL}>" and delivery.mail_from == "status@example.net"
        for header in ("Bcc", "Cc", "List-Unsubscribe", "List-Unsubscribe-Post", "In-Reply-To", "References"):
            assert message[header] is None, header
        assert b"archive@example.net" not in delivery.raw and b"all@example.net" not in delivery.raw
        message_id = "".join(message["Message-ID"].split())
        assert message_id.startswith("<outreach-1.") and "incident-1" not in message_id
        ids.add(message_id)
    assert len(ids) == 500  # each its own
    # A second run sends nothing: everyone already has their message.
    assert send(csv_path) == 0
    assert "500 already sent earlier." in capsys.readouterr().out and len(relay.deliveries) == 500
    assert main(["outreach", "status", "--incident", "1", "--format", "json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert len(rows) == 500 and all(set(row) == {"email", "name", "state", "sent_at", "error"} for row in rows)
    assert {row["state"] for row in rows} == {"contacted"} and all(row["sent_at"] for row in rows)


def test_kill_9_at_random_points_then_again_no_duplicates_and_no_one_missed(tmp_path, relay):
    relay.handler.reply_delay = 0.02  # stored before the answer: kills land between storing and answering too
    figures = kill_and_rerun(tmp_path, relay, customers=150, kills=KILLS, seed=SEED)
    assert figures.kills >= KILLS // 2, figures  # the kills really landed while sending
    assert figures.worst_during <= 1, figures  # never twice, at any point
    assert figures.uncertain_resent == 0, figures  # an uncertain message waits for the user
    assert (figures.duplicates, figures.missed) == (0, 0), figures
    assert figures.exit_codes[-1] == 0 and figures.exit_codes[0] == (1 if figures.uncertain else 0), figures


def test_an_uncertain_message_waits_for_the_user(ready, relay, capsys):
    csv_path = ready / "customers.csv"
    csv_path.write_text(customer_csv(3), encoding="utf-8")
    assert send(csv_path, "--dry-run") == 0
    assert capsys.readouterr().out.count("would send") == 3 and relay.deliveries == []
    assert send(csv_path) == 0
    store, _ = Store.open(ready / "home" / "composer.db")
    try:
        contact = store.outreach_contact(1, "customer1@example.com")
        outbox = store.outbox()
        job = outbox.job(contact.job_id)
        store._conn.execute("UPDATE outbox SET state='sending', claimed_by='' WHERE id=?", (job.id,))
        store._conn.commit()
        outbox.recover_interrupted()  # as a kill -9 while sending it leaves it
    finally:
        store.close()
    relay.deliveries.clear()
    assert send(csv_path) == 1
    out = capsys.readouterr().out
    assert "UNCERTAIN Customer Nº1 <customer1@example.com>" in out and f"outbox resolve {job.id}" in out
    assert relay.deliveries == []
    assert main(["outbox", "resolve", str(job.id), "--resend"]) == 0
    assert send(csv_path) == 0
    assert received(relay.deliveries) == {"customer1@example.com": 1}


def test_a_list_with_bad_rows_sends_to_the_good_ones_and_lists_the_rest(ready, relay, capsys):
    csv_path = ready / "customers.csv"
    csv_path.write_text(
        "Name,Email,Impact\nLaura,laura@example.com,your shop was down\nNobody,not-an-address,x\n"
        "Twice,laura@example.com,again\nPau,pau@example.com,your site was down\n",
        encoding="utf-8",
    )
    assert send(csv_path) == 1
    out = capsys.readouterr().out
    assert "SKIPPED line 3" in out and "SKIPPED line 4" in out
    assert "2 customers: 2 sent, 2 rows of the list left out." in out
    assert received(relay.deliveries) == {"laura@example.com": 1, "pau@example.com": 1}


@pytest.mark.parametrize(
    ("content", "words"),
    [
        (b'Name,Email\nLaura,laura@example.com\n"Pau,pau@example.com\n', "line 3"),  # an unclosed quote
        (
            "Name,Email\nLaura,laura@example.com\nÀngel,a@example.com\n".encode() + b"Mar\xe7al,m@example.com\n",
            "line 4",
        ),
        (b"Name,Company\nLaura,Example\nPau,Example\n", "address"),  # no column of addresses
    ],
    ids=["bad-quoting", "wrong-encoding", "no-email-column"],
)
def test_a_malformed_list_is_one_line_naming_the_line(ready, relay, capsys, content, words):
    csv_path = ready / "customers.csv"
    csv_path.write_bytes(content)
    assert send(csv_path) == 2
    captured = capsys.readouterr()
    [line] = captured.err.strip().splitlines()
    assert line.startswith("incident-composer: ") and words in line and "Traceback" not in captured.err
    assert relay.deliveries == []


def test_bad_input_is_exit_2_in_one_line(ready, relay, capsys):
    csv_path = ready / "customers.csv"
    csv_path.write_text(customer_csv(2), encoding="utf-8")
    cases = [
        (["--template", "apology-email-xx"], "unknown template"),
        (["--map", "colour=Name"], "no field 'colour'"),
        (["--map", "customer_name=Surname"], "no column 'Surname'"),
        (["--account", "nobody"], "no account named 'nobody'"),
        (["--incident", "9"], "no incident with id 9"),
    ]
    for options, words in cases:
        args = send_args(csv_path)
        for option, value in zip(options[::2], options[1::2], strict=True):
            if option in args:
                args[args.index(option) + 1] = value
            else:
                args += [option, value]
        assert main(args) == 2
        err = capsys.readouterr().err
        assert words in err and len(err.strip().splitlines()) == 1, (options, err)
    args = send_args(csv_path)
    args[args.index("--rate") + 1] = "0/min"
    with pytest.raises(SystemExit) as stopped:
        main(args)
    assert stopped.value.code == 2 and "is not a rate" in capsys.readouterr().err
    assert relay.deliveries == []


def test_a_channel_that_cannot_send_personal_messages_is_refused(ready, capsys):
    csv_path = ready / "customers.csv"
    csv_path.write_text(customer_csv(1), encoding="utf-8")
    args = send_args(csv_path)
    args[args.index("--account") + 1] = "toots"
    store, _ = Store.open(ready / "home" / "composer.db")
    try:
        store.save_account("toots", "mastodon", {"url": "https://social.example"})
    finally:
        store.close()
    assert main(args) == 2
    assert "cannot send a personal message to one customer" in capsys.readouterr().err


def test_an_account_without_a_list_address_writes_to_customers_but_publishes_no_update(ready, relay, capsys):
    """To is the list's address for published updates; an account kept for writing to customers
    one by one needs none, and says so if an update is published to it."""
    assert main(["accounts", "add", "email", "personal", "--host", "127.0.0.1", "--port", str(relay.port),
                 "--security", "none", "--from", "Example Status <status@example.net>"]) == 0  # fmt: skip
    csv_path = ready / "customers.csv"
    csv_path.write_text(customer_csv(2), encoding="utf-8")
    args = send_args(csv_path)
    args[args.index("relay")] = "personal"
    assert main(args) == 0
    assert received(relay.deliveries) == {"customer0@example.com": 1, "customer1@example.com": 1}
    capsys.readouterr()
    relay.deliveries.clear()
    update = ready / "incident.md"
    assert main(["publish", str(update), "--to", "personal", "--override", "testing the account alone"]) == 1
    assert "no recipient (To): it writes to customers one by one only" in capsys.readouterr().out
    assert relay.deliveries == []
