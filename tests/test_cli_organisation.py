# SPDX-License-Identifier: GPL-3.0-or-later
"""`incident-composer organisation|people`, and `render` filling from them: run as users run it."""

from __future__ import annotations

import json
import subprocess
import sys

from composer.cli.templates import local_zone
from composer.core.interchange import parse_update

ORG = {
    "--name": "Example Hosting",
    "--contact-url": "https://www.example.net/contact",
    "--phone": "+34 930 000 000",
    "--email": "support@example.net",
    "--status-page": "https://status.example.net",
    "--alternate-contact-url": "https://example-hosting.pages.dev/contact",
    "--backup-email": "example.hosting@gmail.com",
    "--phone-hours": "24/7",
    "--timezone": "Europe/Madrid",
}
AS_JSON = {
    "name": "Example Hosting",
    "contact_url": "https://www.example.net/contact",
    "phone": "+34 930 000 000",
    "email": "support@example.net",
    "status_page_url": "https://status.example.net",
    "alternate_contact_url": "https://example-hosting.pages.dev/contact",
    "backup_email": "example.hosting@gmail.com",
    "phone_hours": "24/7",
    "timezone": "Europe/Madrid",
}
# The first update of an incident that takes our own website down (as `import` reads it).
SITE_DOWN = """\
---
title: Website down
status: investigating
started: 2026-11-24T10:00:00Z
next_update: 2026-11-24T10:30:00Z
signer: Jordi Puig, On-call engineer
impact: you cannot reach our website or the control panel
own_site_down: true
---
We are sorry: our website has been down since 10:00 UTC.
"""


def run(home, *args):
    env = {"INCIDENT_COMPOSER_HOME": str(home), "PATH": "/usr/bin:/bin"}
    return subprocess.run(
        [sys.executable, "-m", "composer", *args], capture_output=True, text=True, env=env, timeout=60
    )


def ok(home, *args):
    result = run(home, *args)
    assert result.returncode == 0, (args, result.stderr)
    return result


def organisation(home) -> dict[str, str]:
    return json.loads(ok(home, "organisation", "show", "--format", "json").stdout)


def set_up(home):
    ok(home, "organisation", "set", *(part for item in ORG.items() for part in item))
    ok(home, "people", "add", "Marta Vidal", "--role", "Head of Support", "--email", "marta@example.net")


def rendered_values(path):
    doc = parse_update(path.read_text(encoding="utf-8"))
    return doc, doc.extra["template"]["values"]


# -- organisation ---------------------------------------------------------------------------


def test_set_then_show_as_text_and_json(home):
    assert organisation(home) == dict.fromkeys(AS_JSON, "")  # nothing yet
    set_up(home)
    assert organisation(home) == AS_JSON
    text = ok(home, "organisation", "show").stdout
    assert "alternate-contact-url  https://example-hosting.pages.dev/contact" in text
    assert "timezone               Europe/Madrid" in text

    # Only the fields given change; an empty value clears one.
    ok(home, "organisation", "set", "--phone-hours", "08:00–20:00 CET", "--timezone", "")
    assert organisation(home) == {**AS_JSON, "phone_hours": "08:00–20:00 CET", "timezone": ""}
    assert "(this computer's)" in ok(home, "organisation", "show").stdout


def test_refusals_exit_2_in_one_line_and_save_nothing(home):
    set_up(home)
    cases = [
        ("--timezone", "Mars/Olympus"),  # no such zone
        ("--alternate-contact-url", "https://help.example.net/contact"),  # down with our own site
        ("--backup-email", "backup@example.net"),  # down with our own mail
        ("--contact-url", "https://example-hosting.pages.dev/x"),  # the alternate would be on our own domain
        ("--name", "Example\nHosting"),
        (),  # nothing to change
    ]
    for args in cases:
        result = run(home, "organisation", "set", *(("--phone", "+34 600 000 000", *args) if args else ()))
        assert result.returncode == 2, (args, result.stderr)
        assert result.stderr.count("\n") == 1 and result.stderr.startswith("incident-composer: "), result.stderr
        assert "Traceback" not in result.stderr
    assert "is not a time zone name" in run(home, "organisation", "set", "--timezone", "Mars/Olympus").stderr
    assert "on your own domain" in run(home, "organisation", "set", "--backup-email", "b@example.net").stderr
    assert organisation(home) == AS_JSON  # not even the valid --phone given beside a refused value


# -- people ---------------------------------------------------------------------------------


def test_people_add_list_replace_remove(home):
    assert "Nobody may sign yet" in ok(home, "people", "list").stdout
    assert json.loads(ok(home, "people", "list", "--format", "json").stdout) == []
    ok(home, "people", "add", "Marta Vidal", "--role", "Head of Support", "--email", "marta@example.net")
    ok(home, "people", "add", "Jordi Puig", "--role", "On-call engineer", "--phone", "+34 600 000 000")
    people = json.loads(ok(home, "people", "list", "--format", "json").stdout)
    assert [(p["name"], p["role"], p["email"], p["phone"]) for p in people] == [
        ("Jordi Puig", "On-call engineer", "", "+34 600 000 000"),
        ("Marta Vidal", "Head of Support", "marta@example.net", ""),
    ]
    assert people[1]["signature"] == "Marta Vidal, Head of Support"
    assert "Marta Vidal, Head of Support" in ok(home, "people", "list").stdout

    # The same name again replaces that person (same id), as `accounts add` replaces an account.
    ok(home, "people", "add", "Marta Vidal", "--role", "Support lead")
    again = json.loads(ok(home, "people", "list", "--format", "json").stdout)
    assert len(again) == 2 and again[1]["role"] == "Support lead" and again[1]["id"] == people[1]["id"]

    ok(home, "people", "remove", "Jordi Puig")
    ok(home, "people", "remove", str(people[1]["id"]))
    assert json.loads(ok(home, "people", "list", "--format", "json").stdout) == []

    for args in (
        ("remove", "Nobody"),
        ("remove", "99"),
        ("add", "Vidal, Marta", "--role", "x"),
        ("add", " ", "--role", "x"),
    ):
        result = run(home, "people", *args)
        assert result.returncode == 2, (args, result.stderr)
        assert result.stderr.count("\n") == 1 and result.stderr.startswith("incident-composer: ")
    assert run(home, "people", "add", "Ana García").returncode == 2  # --role is required


# -- render, filled from the store ----------------------------------------------------------


def test_render_for_a_stored_incident_that_takes_our_site_down(home, tmp_path):
    set_up(home)
    source = tmp_path / "site-down.md"
    source.write_text(SITE_DOWN, encoding="utf-8")
    incident_id = int(ok(home, "import", str(source)).stdout.strip())
    out = tmp_path / "update.md"
    ok(
        home,
        "render",
        "investigating-email-en",
        "--incident",
        str(incident_id),
        "--set",
        "next_update=2026-11-24T11:00:00Z",
        "--output",
        str(out),
    )
    doc, values = rendered_values(out)
    assert doc.incident_id == incident_id
    assert doc.own_site_down is True and doc.own_email_down is False  # the incident's own flags
    assert "own_site_down: true" in out.read_text(encoding="utf-8")
    assert values["contact_url"] == "https://example-hosting.pages.dev/contact"  # the alternate page
    assert values["org_email"] == "support@example.net"  # only the site is down
    assert values["org_name"] == "Example Hosting" and values["zone"] == "Europe/Madrid"
    assert (values["signer_name"], values["signer_role"]) == ("Marta Vidal", "Head of Support")
    assert values["title"] == "Website down"  # from the incident
    assert doc.signer == "Marta Vidal, Head of Support"
    assert "https://www.example.net/contact" not in doc.body
    assert "https://example-hosting.pages.dev/contact" in doc.body
    # The file passes the checks, which judge it as an update of an incident that took our site down.
    checked = run(home, "check", str(out), "--now", "2026-11-24T10:20:00Z")
    assert checked.returncode == 0, checked.stdout


def test_render_own_site_down_uses_the_alternates_and_set_still_wins(home, tmp_path):
    set_up(home)
    out = tmp_path / "update.md"
    ok(home, "render", "investigating-email-en", "--sample", "--own-site-down", "--own-email-down", "-o", str(out))
    doc, values = rendered_values(out)
    assert doc.own_site_down and doc.own_email_down
    assert values["contact_url"] == "https://example-hosting.pages.dev/contact"
    assert values["org_email"] == "example.hosting@gmail.com"
    assert values["org_name"] == "Example Hosting"  # the store, not the template's example
    assert values["signer_name"] == "Marta Vidal"

    ok(
        home,
        "render",
        "investigating-email-en",
        "--sample",
        "--own-site-down",
        "--set",
        "contact_url=https://help.example.org/contact",
        "--set",
        "signer_name=Jordi Puig",
        "-o",
        str(out),
    )
    doc, values = rendered_values(out)
    assert values["contact_url"] == "https://help.example.org/contact"
    assert values["signer_name"] == "Jordi Puig"
    assert values["org_email"] == "support@example.net"  # our email is up


def test_render_without_flags_gives_the_normal_contacts_and_the_local_zone(home, tmp_path):
    set_up(home)
    ok(home, "organisation", "set", "--timezone", "")
    out = tmp_path / "update.md"
    ok(home, "render", "investigating-email-en", "--sample", "-o", str(out))
    doc, values = rendered_values(out)
    assert not doc.own_site_down and not doc.own_email_down
    assert "own_site_down" not in out.read_text(encoding="utf-8")
    assert values["contact_url"] == "https://www.example.net/contact"
    assert values["zone"] == local_zone()  # this computer's, as the window's form gives it


def test_render_warns_when_our_site_is_down_and_there_is_no_alternate(home):
    ok(home, "organisation", "set", "--name", "Shop", "--contact-url", "https://shop.example/contact")
    result = run(home, "render", "investigating-email-en", "--sample", "--own-site-down")
    assert result.returncode == 0, result.stderr
    assert "https://shop.example/contact" not in result.stdout  # never the page that is down
    assert result.stderr.count("\n") == 1 and "--alternate-contact-url" in result.stderr
