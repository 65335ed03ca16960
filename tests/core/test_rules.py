# SPDX-License-Identifier: GPL-3.0-or-later
"""Each rule on small, targeted texts, in the three languages."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest

from composer.core.checks import CheckConfig, Verdict, check_document, parse_config
from composer.core.interchange import UpdateDocument
from composer.core.model import Status

NOW = datetime.fromisoformat("2026-11-24T10:00:00+01:00")
SIGNED = "\n\nMarta Vidal, Head of Support"


def verdicts(body: str, config: CheckConfig | None = None, **fields) -> dict[str, Verdict]:
    fields.setdefault("language", "en")
    fields.setdefault("started", NOW - timedelta(minutes=10))
    doc = UpdateDocument(body=body, **fields)
    return {f.rule: f.verdict for f in check_document(doc, NOW, config)}


def finding(rule: str, body: str, **fields):
    fields.setdefault("language", "en")
    fields.setdefault("started", NOW - timedelta(minutes=10))
    doc = UpdateDocument(body=body, **fields)
    return next(f for f in check_document(doc, NOW) if f.rule == rule)


# -- be-timely ---------------------------------------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "Next update by 10:30 CET.",
        "We will post the next update within 30 minutes.",
        "Next update within the hour.",
        "We'll update this page again in 20 minutes.",
    ],
)
def test_next_update_statements(sentence):
    assert verdicts(f"We are sorry. {sentence}")["be-timely"] is Verdict.PASS


def test_next_update_needs_a_zone_or_the_field():
    assert verdicts("Sorry. Next update at 10:30.")["be-timely"] is Verdict.FAIL
    assert verdicts("Sorry. Nothing else.")["be-timely"] is Verdict.FAIL
    assert verdicts("Sorry.", next_update=NOW + timedelta(minutes=30))["be-timely"] is Verdict.PASS


def test_closed_updates_need_no_next_update():
    assert verdicts("It is fixed.", status=Status.RESOLVED)["be-timely"] is Verdict.PASS


def test_first_update_lateness_thresholds():
    body = "Sorry. Next update within 30 minutes."
    assert verdicts(body, started=NOW - timedelta(minutes=14))["be-timely"] is Verdict.PASS
    assert verdicts(body, started=NOW - timedelta(minutes=20))["be-timely"] is Verdict.WARN
    assert verdicts(body, started=NOW - timedelta(minutes=45))["be-timely"] is Verdict.FAIL


def test_cadence_and_configured_thresholds():
    body = "Sorry. Next update within 30 minutes."
    late = dict(started=NOW - timedelta(hours=3), last_update=NOW - timedelta(minutes=40))
    assert verdicts(body, **late)["be-timely"] is Verdict.FAIL
    relaxed = parse_config("[timeliness]\ncadence_minutes = 60\n")
    assert verdicts(body, relaxed, **late)["be-timely"] is Verdict.PASS


def test_a_promise_already_past_fails():
    # Was a warning; a broken promise now fails (tests/core/test_promise_rule.py has the cases).
    assert verdicts("Sorry.", next_update=NOW - timedelta(minutes=5))["be-timely"] is Verdict.FAIL


def test_future_maintenance_is_never_late():
    body = "Sorry for the short notice. Next update by 02:00 UTC."
    assert verdicts(body, status=Status.SCHEDULED, started=NOW + timedelta(days=2))["be-timely"] is Verdict.PASS


def test_timely_fix_inserts_a_next_update_line_above_the_signature():
    found = finding("be-timely", "We are sorry, mail is down." + SIGNED)
    assert found.fix is not None
    fixed = found.fix.apply("We are sorry, mail is down." + SIGNED)
    assert fixed.index("Next update by") < fixed.index("Marta Vidal")
    assert verdicts(fixed)["be-timely"] is Verdict.PASS


# -- dont-hide ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("body", "language"),
    [
        ("We apologise for any inconvenience this may have caused. Email is delayed.", "en"),
        ("The outage was caused by circumstances beyond our control. You cannot log in. Sorry.", "en"),
        ("Disculpeu les molèsties que això us pugui ocasionar. El correu va amb retard.", "ca"),
        ("El fallo se debe a un proveedor externo. No podéis acceder. Lo sentimos.", "es"),
    ],
)
def test_deflection_and_non_apologies_fail(body, language):
    assert verdicts(body, language=language)["dont-hide"] is Verdict.FAIL


def test_no_apology_and_no_ownership_fails():
    assert verdicts("Email is delayed. Engineers are working.")["dont-hide"] is Verdict.FAIL


def test_ownership_without_impact_warns():
    assert verdicts("We are sorry. This was our fault.")["dont-hide"] is Verdict.WARN


def test_technical_wall_warns():
    body = (
        "We are sorry. The utility feed tripped, the transfer switch failed, both generators stalled, "
        "the UPS batteries drained and the breakers in rack 4 opened; the chillers stopped. Sites are down."
    )
    assert verdicts(body)["dont-hide"] is Verdict.WARN


@pytest.mark.parametrize(
    ("body", "language"),
    [
        ("We are sorry: you cannot send email since 09:12 CET.", "en"),
        ("Ens sap greu: des de les 09:12 CET no podeu enviar correu.", "ca"),
        ("Lo sentimos: desde las 09:12 CET no podéis enviar correo.", "es"),
    ],
)
def test_owning_and_plain_impact_passes(body, language):
    assert verdicts(body, language=language)["dont-hide"] is Verdict.PASS


# -- sign-your-name ----------------------------------------------------------------


@pytest.mark.parametrize(
    "closing",
    [
        "Marta Vidal, Head of Support",
        "— Jordi Puig",
        "Ana García\nResponsable de operaciones",
        "Pere Soler (on-call engineer)",
        "Regards,\nMarta Vidal",
        "Marta Vidal\nHead of Support\n+34 930 000 000",
        "Jean-Luc O'Brien de la Fuente",
    ],
)
def test_named_people_sign(closing):
    assert verdicts(f"We are sorry.\n\n{closing}")["sign-your-name"] is Verdict.PASS


@pytest.mark.parametrize(
    "closing",
    [
        "The Support Team",
        "Building Office",
        "Oficina de l'edifici",
        "El equipo de soporte",
        "Example Hosting Inc.",
        "Management",
        "La Direcció",
        "— Customer Care",
    ],
)
def test_teams_offices_and_companies_fail(closing):
    found = finding("sign-your-name", f"We are sorry.\n\n{closing}")
    assert found.verdict is Verdict.FAIL
    assert found.spans


def test_unsigned_fails_and_the_fix_signs_with_the_signer_field():
    found = finding("sign-your-name", "We are sorry, email is delayed.", signer="Marta Vidal, Head of Support")
    assert found.verdict is Verdict.FAIL
    assert found.fix.apply("We are sorry, email is delayed.").endswith("Marta Vidal, Head of Support")


def test_roster_warns_about_strangers():
    config = parse_config('[[people]]\nname = "Marta Vidal"\n')
    assert verdicts("Sorry.\n\nJordi Puig", config)["sign-your-name"] is Verdict.WARN
    assert verdicts("Sorry.\n\nMarta Vidal", config)["sign-your-name"] is Verdict.PASS


# -- give-contact-info -------------------------------------------------------------


@pytest.mark.parametrize(
    ("body", "language"),
    [
        ("Call us on +34 930 000 000.", "en"),
        ("Call (415) 555-0132 any time.", "en"),
        ("Truqueu al 930 00 00 00.", "ca"),
        ("Escríbenos a soporte@example.es.", "es"),
        ("Reach us at https://example.com/contact", "en"),
        ("Open a request at https://help.example.net/new", "en"),
    ],
)
def test_ways_to_reach_a_person(body, language):
    assert verdicts(body, language=language)["give-contact-info"] is Verdict.PASS


@pytest.mark.parametrize(
    "body",
    [
        "See https://status.example.com for details.",
        "Call us on 12345.",
        "Write to support@ with questions.",
        "Nothing to see.",
    ],
)
def test_no_way_to_reach_a_person(body):
    assert verdicts(body)["give-contact-info"] is Verdict.FAIL


# -- further rules -----------------------------------------------------------------


def test_times_need_zones():
    found = finding("times-have-zone", "Down since 09:12. Back at 10:00 CET. From 2pm to 3pm PST. At 15 h.")
    assert found.verdict is Verdict.FAIL
    body = "Down since 09:12. Back at 10:00 CET. From 2pm to 3pm PST. At 15 h."
    assert [body[s:e] for s, e in found.spans] == ["09:12", "15 h"]
    assert verdicts("Between 09:12 and 09:40 CET mail was late.")["times-have-zone"] is Verdict.PASS
    assert verdicts("Server 10.0.0.12 and version 2.14 are not times.")["times-have-zone"] is Verdict.PASS


def test_fix_promises():
    assert verdicts("It will be fixed within 10 minutes.")["no-fix-promises"] is Verdict.FAIL
    assert verdicts("ETA 15:00 CET.")["no-fix-promises"] is Verdict.FAIL
    assert verdicts("Next update within 30 minutes.")["no-fix-promises"] is Verdict.PASS


@pytest.mark.parametrize(
    "detail",
    [
        "db-prod-03.internal",
        "10.20.0.5",
        "192.168.1.20",
        "OPS-1234",
        "INC0012345",
        "Traceback (most recent call last)",
        "a NullPointerException",
        "mx02.corp",
    ],
)
def test_internal_details(detail):
    assert verdicts(f"Sorry, {detail} failed.")["no-internal-details"] is Verdict.FAIL


def test_public_details_are_fine():
    assert (
        verdicts("Sorry, www.example.com and 8.8.8.8 are fine; see COVID-19 notes.")["no-internal-details"]
        is Verdict.PASS
    )


def test_resolution_says_whether_data_was_lost():
    assert verdicts("Fixed. Sorry.", status=Status.RESOLVED)["says-data-impact"] is Verdict.FAIL
    assert verdicts("Fixed. No data was lost. Sorry.", status=Status.RESOLVED)["says-data-impact"] is Verdict.PASS
    assert (
        verdicts("Resolt. No s'ha perdut cap correu.", status=Status.RESOLVED, language="ca")["says-data-impact"]
        is Verdict.PASS
    )
    assert verdicts("Investigating.")["says-data-impact"] is Verdict.PASS


def test_apologies_where_required():
    assert verdicts("Email is late.")["apologise"] is Verdict.FAIL  # first update
    assert verdicts("Email is late.", last_update=NOW - timedelta(minutes=20))["apologise"] is Verdict.PASS
    assert (
        verdicts("Sorry for any inconvenience.", status=Status.RESOLVED, last_update=NOW - timedelta(minutes=20))[
            "apologise"
        ]
        is Verdict.FAIL
    )


def test_plain_language_only_warns():
    long = " ".join(["word"] * 45) + "."
    assert verdicts(long)["plain-language"] is Verdict.WARN
    assert verdicts("Short. Clear. Done.")["plain-language"] is Verdict.PASS


def test_status_words_match():
    assert verdicts("The issue has been resolved.", status=Status.INVESTIGATING)["status-consistent"] is Verdict.FAIL
    assert verdicts("We are still investigating.", status=Status.RESOLVED)["status-consistent"] is Verdict.FAIL
    assert verdicts("We will tell you once it has been fixed.")["status-consistent"] is Verdict.PASS


def test_extra_deny_words_from_config():
    config = parse_config('[words]\ndeflection = ["force majeure"]\n')
    assert verdicts("Sorry: force majeure. You cannot log in.", config)["dont-hide"] is Verdict.FAIL


def test_language_is_detected_when_missing():
    doc = UpdateDocument(
        body="Ens sap greu: no podeu enviar correu. Us informarem d'aquí a 30 minuts.",
        started=NOW - timedelta(minutes=5),
    )
    from composer.core.checks import make_draft

    assert make_draft(doc, NOW).language == "ca"


def test_a_broken_rule_does_not_hide_the_others(monkeypatch):
    from composer.core.checks.rules.wording import PlainLanguage

    monkeypatch.setattr(PlainLanguage, "check", lambda self, draft: 1 / 0)
    result = verdicts("Sorry.")
    assert result["plain-language"] is Verdict.WARN
    assert len(result) == 12


def test_cadence_runs_from_the_start_of_announced_work():
    body = "Sorry: the control panel is unavailable while we work. Next update within 30 minutes."
    fields = dict(status=Status.IN_PROGRESS, started=NOW - timedelta(minutes=10), last_update=NOW - timedelta(days=3))
    assert verdicts(body, **fields)["be-timely"] is Verdict.PASS
