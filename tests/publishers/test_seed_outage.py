# SPDX-License-Identifier: GPL-3.0-or-later
"""The outage this project was born from, walked from the first update to the personal apology,
and judged by what customers received.

A power relay fault; the generators did not take over; hosted websites and email down, our own
with them. The comms person sets the organisation (its alternate contact page and backup email
on other domains) and the signer from the command line, renders each stage's template
(`render … --own-site-down --own-email-down` first, `--incident 1` after), publishes it to the
real SMTP server and the real WordPress, and at the end exports the resolution, edits it and
publishes it again as a correction. Asserted on what the servers got: every open update states
its next update time in the text; no Markdown syntax in any text/plain part; subjects follow the
stages; the correction is an email of its own replying to the original, and the blog's section
is corrected in place; every message gives a way to reach us that is up, none our own domain.

The CLI as a user runs it (subprocesses, the WordPress password in a real Secret Service; see
outbox_cli.py). Every update passes the checklist: nothing is published with --override.
"""

from __future__ import annotations

import email
import email.policy
import json
import re
from datetime import UTC, datetime, timedelta

import pytest
from outbox_cli import Composer, KeyringSession, Peers
from peers import start_peer

from composer.core.templates import TemplateLibrary

ALTERNATE = "https://pinewood-status.example.org/contact"  # hosted outside our own infrastructure
BACKUP = "help@pinewood-help.example.org"  # mail on another domain than ours
MARTA = ("--email", "marta.vidal@pinewood-help.example.org", "--phone", "+34 600 000 001")  # a person, reachable
DOWN = "pinewood.example"  # our own domain: its website and its mail are down
ORGANISATION = {
    "--name": "Pinewood Hosting",
    "--contact-url": f"https://www.{DOWN}/contact",
    "--email": f"support@{DOWN}",
    "--phone": "+34 930 000 000",
    "--phone-hours": "24/7",
    "--alternate-contact-url": ALTERNATE,
    "--backup-email": BACKUP,
    "--timezone": "Europe/Madrid",
}
# What only this incident knows; the organisation, the signer and the zone come from the store.
VALUES = {
    "title": "Websites and email down",
    "services": "Hosted websites, email",
    "impact": "hosted websites do not load and email is not delivered",
    "workaround": "",
    "customer_name": "Jordi",
}
MARKDOWN = re.compile(r"\*\*|^#{1,6} |<https?://|\]\(", re.MULTILINE)


@pytest.fixture(scope="module")
def keyring_env(tmp_path_factory):
    session = start_peer("Secret Service (dbus + gnome-keyring)", KeyringSession(tmp_path_factory.mktemp("kr")).start)
    yield session.env
    session.stop()


@pytest.fixture(scope="module")
def peers(smtp_certificate):
    started = start_peer("peers (aiosmtpd, WordPress, Bluesky PDS, Mastodon stand-in)", Peers(smtp_certificate).start)
    yield started
    started.stop()


def render(composer: Composer, tmp_path, template: str, incident: int | None, *more: str, **times: datetime) -> str:
    """`render TEMPLATE --sample --set …` for the fields this template has; the file's path."""
    info = TemplateLibrary().load().get(template)
    known = {spec.name for spec in info.fields}
    values = {**VALUES, **{name: when.isoformat() for name, when in times.items()}}
    sets = [arg for name, value in values.items() if name in known for arg in ("--set", f"{name}={value}")]
    target = tmp_path / f"{template}.md"
    which = ["--incident", str(incident)] if incident is not None else []
    done = composer.run("render", template, "--sample", *sets, *which, *more, "-o", str(target))
    assert done.returncode == 0, done.stderr
    return str(target)


def status(composer: Composer) -> str:
    [incident] = json.loads(composer.run("incidents", "list", "--format", "json").stdout)
    return incident["status"]


def publish(composer: Composer, path: str, to: str) -> str:
    done = composer.run("publish", path, "--to", to)
    assert done.returncode == 0, done.stdout + done.stderr
    return done.stdout


def test_the_seed_outage_as_customers_received_it(tmp_path, keyring_env, peers):
    composer = Composer(keyring_env, tmp_path / "data")
    peers.add_accounts(composer, ("email", "wordpress"))
    settings = [arg for option, value in ORGANISATION.items() for arg in (option, value)]
    assert composer.run("organisation", "set", *settings).returncode == 0
    assert composer.run("people", "add", "Marta Vidal", "--role", "Head of Support", *MARTA).returncode == 0
    now = datetime.now(UTC).replace(second=0, microsecond=0)
    started = now - timedelta(minutes=8)
    with peers.open(["email", "wordpress"]):
        first = render(composer, tmp_path, "investigating-blog-en", None, "--own-site-down", "--own-email-down",
                       started=started, next_update=now + timedelta(minutes=30))  # fmt: skip
        assert "own_site_down: true" in open(first, encoding="utf-8").read()  # noqa: SIM115
        assert "Stored as incident 1" in publish(composer, first, "email,wordpress")
        identified = render(composer, tmp_path, "identified-blog-en", 1, started=started,
                            next_update=now + timedelta(minutes=60))  # fmt: skip
        publish(composer, identified, "email,wordpress")
        assert status(composer) == "identified"  # what was published, as `incidents list` says it
        resolved = render(composer, tmp_path, "resolved-blog-en", 1, started=started, ended=now)
        publish(composer, resolved, "email,wordpress")
        publish(composer, render(composer, tmp_path, "postmortem-blog-en", 1, started=started), "email,wordpress")
        publish(composer, render(composer, tmp_path, "apology-email-en", 1, started=started), "email")
        # The resolution's apology was too thin: exported from the store (the file names its
        # update), fixed and published again, it goes out as a correction.
        text = open(resolved, encoding="utf-8").read()  # noqa: SIM115
        assert "Hello" not in text  # the blog's form: the email template's wording is what is mailed
        corrected_path = tmp_path / "resolved-corrected.md"
        exported = composer.run("export", "1", "--update", "3", "-o", str(corrected_path))
        assert exported.returncode == 0, exported.stderr
        text = corrected_path.read_text(encoding="utf-8")
        assert "\nupdate: 3\n" in text and "We are sorry" in text
        corrected_path.write_text(text.replace("We are sorry", "We are truly sorry", 1), encoding="utf-8")
        said = publish(composer, str(corrected_path), "email,wordpress")
        assert "goes out as a correction" in said, said

    assert status(composer) == "resolved"
    mails = [email.message_from_bytes(d.raw, policy=email.policy.default) for d in peers.smtp.deliveries]
    subjects = [m["Subject"] for m in mails]
    assert len(mails) == 6, subjects
    assert subjects[0] == "[Pinewood Hosting] Websites and email down: we are on it"
    assert subjects[1] == "[Pinewood Hosting] Websites and email down: we have found the cause"
    assert subjects[2] == "[Pinewood Hosting] Resolved: Websites and email down"
    assert subjects[3].startswith("[Pinewood Hosting] What went wrong")
    assert subjects[4].startswith("Jordi, I am sorry")
    assert subjects[5] == "Correction: " + subjects[2]
    plain = [m.get_body(("plain",)).get_content() for m in mails]
    for subject, body in zip(subjects, plain, strict=True):
        assert not MARKDOWN.search(body), (subject, body)  # plain text reads as plain text
        if not subject.startswith("Correction"):  # the email template's own wording
            assert body.startswith(("Hello", "Jordi", "Dear")), (subject, body[:80])
        assert "+34 930 000 000" in body or BACKUP in body, subject
        assert ALTERNATE in body or "@pinewood-help.example.org" in body, subject  # a way to reach us that is up
        assert DOWN not in body, subject  # never our own site or mail: they are down
    for body in plain[:2]:  # open updates say when the next one comes, in the text
        assert re.search(r"by \d\d:\d\d CES?T", body), body
    assert ALTERNATE in plain[0] and ALTERNATE in plain[1]
    ids = [m["Message-ID"] for m in mails]
    assert len(set(ids)) == 6
    # The text was edited by hand after the template wrote it: the person's words are mailed.
    assert mails[5]["In-Reply-To"] == ids[2] and "truly sorry" in plain[5]
    assert plain[5].startswith("Resolved: Websites and email down\r\n"), plain[5][:80]

    [post] = peers.wordpress_posts("Websites and email down")
    content = post["content"]["raw"]
    sections = re.findall(r"<!-- incident-composer:update 1/(\d+) -->", content)
    assert sorted(sections) == ["1", "2", "3", "4"], sections  # one section per stage, in one post
    assert "truly sorry" in content and "Corrected 20" in content
    assert "**" not in content and "<h2" in content
    assert ALTERNATE in content and DOWN not in content
