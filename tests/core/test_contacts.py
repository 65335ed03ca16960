# SPDX-License-Identifier: GPL-3.0-or-later
"""Contacts that do not point at what is down: the choice, its storage and its file keys."""

from __future__ import annotations

import sqlite3

import pytest

from composer.core import schema
from composer.core.contacts import Contacts, contacts_for, domain_of, down_domains, on_domain
from composer.core.exchange import export_document, import_document
from composer.core.interchange import InterchangeError, UpdateDocument, dump_update, parse_update
from composer.core.model import Incident, Organisation
from composer.core.store import Store

ORG = Organisation(
    name="Example Hosting",
    contact_url="https://www.example.net/contact",
    phone="+34 930 000 000",
    email="support@example.net",
    status_page_url="https://status.example.net",
    alternate_contact_url="https://example-hosting.pages.dev/contact",
    backup_email="example.hosting@gmail.com",
    phone_hours="24/7",
    timezone="Europe/Madrid",
)


def _incident(site: bool = False, mail: bool = False) -> Incident:
    return Incident("Website and email down", own_site_down=site, own_email_down=mail)


@pytest.mark.parametrize(
    ("text", "domain"),
    [
        ("https://www.example.net/contact", "example.net"),
        ("example.net/contact", "example.net"),
        ("HTTPS://Help.Example.NET", "help.example.net"),
        ("support@example.net", "example.net"),
        ("mailto:support@mail.example.net", "mail.example.net"),
        ("", ""),
        ("localhost", ""),
    ],
)
def test_domain_of(text, domain):
    assert domain_of(text) == domain


def test_on_domain_counts_subdomains_only():
    assert on_domain("https://help.example.net/x", {"example.net"})
    assert on_domain("support@example.net", {"example.net"})
    assert not on_domain("https://notexample.net/contact", {"example.net"})
    assert not on_domain("", {"example.net"})


def test_nothing_down_gives_the_normal_contacts():
    assert contacts_for(ORG, _incident()) == Contacts(
        "https://www.example.net/contact", "support@example.net", "+34 930 000 000", "24/7"
    )
    assert contacts_for(ORG, None).url == ORG.contact_url
    assert down_domains(ORG, _incident()) == set()
    assert down_domains(ORG, None) == set()


def test_site_down_gives_the_alternate_page_and_keeps_the_mail():
    contacts = contacts_for(ORG, _incident(site=True))
    assert contacts.url == "https://example-hosting.pages.dev/contact"
    assert contacts.email == "support@example.net"
    assert down_domains(ORG, _incident(site=True)) == {"example.net"}


def test_email_down_gives_the_backup_address():
    contacts = contacts_for(ORG, _incident(mail=True))
    assert contacts.email == "example.hosting@gmail.com"
    assert contacts.url == ORG.contact_url
    both = contacts_for(ORG, _incident(site=True, mail=True))
    assert (both.url, both.email, both.phone) == (ORG.alternate_contact_url, ORG.backup_email, ORG.phone)


def test_site_and_mail_on_different_domains():
    org = Organisation(contact_url="https://shop.example.com/help", email="help@example.org")
    assert down_domains(org, _incident(site=True)) == {"shop.example.com"}
    assert down_domains(org, _incident(mail=True)) == {"example.org"}
    assert down_domains(org, _incident(site=True, mail=True)) == {"shop.example.com", "example.org"}


def test_an_alternate_on_our_own_domain_is_never_given():
    org = Organisation(
        contact_url="https://www.example.net/contact",
        email="support@example.net",
        alternate_contact_url="https://backup.example.net/contact",
        backup_email="other@example.net",
    )
    contacts = contacts_for(org, _incident(site=True, mail=True))
    assert contacts.url == ""
    assert contacts.email == ""


def test_no_alternates_gives_no_dead_contacts():
    org = Organisation(contact_url="https://example.net/contact", email="support@example.net", phone="112")
    contacts = contacts_for(org, _incident(site=True, mail=True))
    assert contacts.parts() == ("112",)


def test_parts_put_the_hours_beside_the_phone():
    assert Contacts("https://a.example/c", "x@a.example", "+34 930", "24/7").parts() == (
        "+34 930 (24/7)",
        "x@a.example",
        "https://a.example/c",
    )


# -- storage -------------------------------------------------------------------------


def test_organisation_and_incident_flags_round_trip(store):
    store.save_organisation(ORG)
    assert store.organisation() == ORG
    incident = store.add_incident(_incident(site=True))
    assert store.incident(incident.id).own_site_down is True
    assert store.incident(incident.id).own_email_down is False
    incident.own_site_down, incident.own_email_down = False, True
    store.save_incident(incident)
    again = store.incident(incident.id)
    assert (again.own_site_down, again.own_email_down) == (False, True)


def _version_of_this_migration() -> int:
    return next(n for n, script in enumerate(schema.MIGRATIONS, 1) if "own_site_down" in script)


def test_an_older_database_opens_with_the_new_fields_empty(tmp_path):
    path = tmp_path / "old.db"
    before = _version_of_this_migration() - 1
    conn = sqlite3.connect(path)
    for version in range(1, before + 1):
        conn.executescript(f"BEGIN;\n{schema.MIGRATIONS[version - 1]}\nPRAGMA user_version = {version};\nCOMMIT;")
    conn.execute("INSERT INTO organisation (id, name, contact_url, email) VALUES (1, 'Old', 'https://o.example/c', '')")
    conn.execute(
        "INSERT INTO incidents (title, status, severity, started_at, created_at)"
        " VALUES ('Old outage', 'investigating', 'major', '2026-11-24T09:00:00+00:00', '2026-11-24T09:00:00+00:00')"
    )
    conn.commit()
    conn.close()
    store, report = Store.open(path)
    try:
        assert report.message == ""
        assert schema.schema_version(store._conn) == schema.SCHEMA_VERSION
        org = store.organisation()
        assert (org.name, org.contact_url) == ("Old", "https://o.example/c")
        assert (org.alternate_contact_url, org.backup_email, org.phone_hours, org.timezone) == ("", "", "", "")
        incident = store.incidents()[0]
        assert (incident.title, incident.own_site_down, incident.own_email_down) == ("Old outage", False, False)
    finally:
        store.close()


# -- interchange files ---------------------------------------------------------------

FILE = """\
---
title: Website and email down
status: investigating
own_site_down: true
own_email_down: true
x-tool: kept
---
We are sorry.
"""


def test_front_matter_flags_are_read_and_written():
    doc = parse_update(FILE)
    assert (doc.own_site_down, doc.own_email_down) == (True, True)
    assert doc.extra == {"x-tool": "kept"}
    text = dump_update(doc)
    assert "own_site_down: true\n" in text
    assert "own_email_down: true\n" in text
    assert "x-tool: kept\n" in text
    assert parse_update(text) == doc


def test_flags_left_out_when_false():
    text = dump_update(UpdateDocument(body="Sorry.", title="Slow"))
    assert "own_" not in text
    doc = parse_update(text)
    assert (doc.own_site_down, doc.own_email_down) == (False, False)


def test_a_flag_must_be_a_boolean():
    with pytest.raises(InterchangeError, match="own_site_down"):
        parse_update("---\nown_site_down: maybe\n---\nSorry.\n")


def test_flags_travel_through_the_store(store):
    incident, update = import_document(store, parse_update(FILE))
    assert (incident.own_site_down, incident.own_email_down) == (True, True)
    assert store.incident(incident.id).own_site_down is True
    doc = export_document(store, incident.id, update.id)
    assert (doc.own_site_down, doc.own_email_down) == (True, True)
