# SPDX-License-Identifier: GPL-3.0-or-later
"""give-contact-info when the incident takes down our own website or email, in en/ca/es."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest

from composer.core.checks import CheckConfig, Verdict, check_document, make_draft
from composer.core.interchange import UpdateDocument, parse_update
from composer.core.model import Organisation

NOW = datetime.fromisoformat("2026-11-24T10:00:00+01:00")
ORG = Organisation(
    name="Example Hosting",
    contact_url="https://www.example.net/contact",
    phone="+34 930 000 000",
    email="support@example.net",
    alternate_contact_url="https://example-hosting.pages.dev/",
    backup_email="example.hosting@gmail.com",
    phone_hours="24/7",
)
ORG_WITHOUT_PHONE = Organisation(
    name=ORG.name,
    contact_url=ORG.contact_url,
    email=ORG.email,
    alternate_contact_url=ORG.alternate_contact_url,
    backup_email=ORG.backup_email,
)


def _finding(body: str, language: str = "en", org: Organisation = ORG, **flags):
    doc = UpdateDocument(body=body, language=language, started=NOW - timedelta(minutes=10), **flags)
    return next(f for f in check_document(doc, NOW, CheckConfig(organisation=org)) if f.rule == "give-contact-info")


DEAD_PAGE = {
    "en": "We are sorry: our website is down. Write to us at www.example.net/contact.\n\nMarta Vidal",
    "ca": "Ens sap greu: el nostre web no funciona. Escriviu-nos a www.example.net/contact.\n\nMarta Vidal",
    "es": "Lo sentimos: nuestra web no funciona. Escribidnos en www.example.net/contact.\n\nMarta Vidal",
}
DEAD_MAIL = {
    "en": "We are sorry: our email is down. Write to support@example.net.\n\nMarta Vidal",
    "ca": "Ens sap greu: el nostre correu no funciona. Escriviu a support@example.net.\n\nMarta Vidal",
    "es": "Lo sentimos: nuestro correo no funciona. Escribid a support@example.net.\n\nMarta Vidal",
}


@pytest.mark.parametrize("language", ["en", "ca", "es"])
def test_a_contact_page_on_the_site_that_is_down_warns(language):
    body = DEAD_PAGE[language]
    found = _finding(body, language, own_site_down=True)
    assert found.verdict is Verdict.WARN
    assert found.message.startswith("Your website is down: www.example.net/contact cannot be reached.")
    assert "alternate contact page" in found.message
    assert [body[s:e] for s, e in found.spans] == ["www.example.net/contact"]
    assert found.fix is not None
    assert "https://example-hosting.pages.dev/" in found.fix.text
    assert "www.example.net" not in found.fix.text
    assert _finding(found.fix.apply(body), language, own_site_down=True).verdict is Verdict.PASS


@pytest.mark.parametrize("language", ["en", "ca", "es"])
def test_the_same_page_passes_when_the_site_is_up(language):
    assert _finding(DEAD_PAGE[language], language).verdict is Verdict.PASS
    assert _finding(DEAD_PAGE[language], language, own_email_down=True).verdict is Verdict.PASS


@pytest.mark.parametrize("language", ["en", "ca", "es"])
def test_an_address_on_the_mail_that_is_down_warns(language):
    body = DEAD_MAIL[language]
    found = _finding(body, language, own_email_down=True)
    assert found.verdict is Verdict.WARN
    assert found.message.startswith("Your email is down: support@example.net cannot be reached.")
    assert found.fix is not None and "example.hosting@gmail.com" in found.fix.text
    assert "support@example.net" not in found.fix.text
    # Mail on the same domain as the website still works when only the website is down.
    assert _finding(body, language, own_site_down=True).verdict is Verdict.PASS


def test_a_working_contact_beside_the_dead_one_passes():
    body = "Sorry. See www.example.net/contact or call +34 930 000 000.\n\nMarta Vidal"
    assert _finding(body, own_site_down=True).verdict is Verdict.PASS
    alternate = "Sorry. Reach us at https://example-hosting.pages.dev/ while our site is down.\n\nMarta Vidal"
    assert _finding(alternate, own_site_down=True).verdict is Verdict.PASS


def test_the_fix_with_nothing_written_inserts_the_alternates():
    found = _finding("We are sorry.\n\nMarta Vidal", own_site_down=True, own_email_down=True)
    assert found.verdict is Verdict.FAIL
    assert found.fix is not None
    assert found.fix.label == "Insert the alternate contact details"
    assert found.fix.text == (
        "To reach us: +34 930 000 000 (24/7) · example.hosting@gmail.com · https://example-hosting.pages.dev/\n\n"
    )
    normal = _finding("We are sorry.\n\nMarta Vidal", "es")
    assert normal.fix is not None
    assert normal.fix.text.startswith("Para hablar con nosotros: +34 930 000 000 (24/7) · support@example.net · ")


def test_no_alternates_set_warns_without_a_dead_fix():
    org = Organisation(contact_url="https://www.example.net/contact", email="support@example.net")
    found = _finding(DEAD_PAGE["en"], org=org, own_site_down=True)
    assert found.verdict is Verdict.WARN
    assert found.fix is not None  # the email still works: it is offered, never the dead page
    assert "www.example.net" not in found.fix.text
    both = _finding(DEAD_PAGE["en"], org=org, own_site_down=True, own_email_down=True)
    assert both.verdict is Verdict.WARN
    assert both.fix is None


def test_without_a_phone_the_fix_gives_only_what_works():
    found = _finding(DEAD_PAGE["ca"], "ca", org=ORG_WITHOUT_PHONE, own_site_down=True, own_email_down=True)
    assert found.fix is not None
    assert found.fix.text.startswith("Per parlar amb nosaltres: example.hosting@gmail.com · https://example-hosting")


def test_the_draft_carries_the_down_domains_from_the_file_keys():
    doc = parse_update("---\nown_site_down: true\nlanguage: en\n---\nSorry.\n")
    draft = make_draft(doc, NOW, CheckConfig(organisation=ORG))
    assert draft.own_site_down and not draft.own_email_down
    assert draft.down_domains == frozenset({"example.net"})
    assert make_draft(UpdateDocument(body="Sorry."), NOW, CheckConfig(organisation=ORG)).down_domains == frozenset()
