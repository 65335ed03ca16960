# SPDX-License-Identifier: GPL-3.0-or-later
"""What the app knows for a template (`template_values`), and why an organisation cannot be saved
(`organisation_problem`): one implementation for the window and the command line."""

from __future__ import annotations

import pytest

from composer.core.contacts import TEMPLATE_KEYS, organisation_problem, template_values
from composer.core.model import Incident, Organisation, Person

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
PEOPLE = [
    Person("Marta Vidal", "Head of Support", "marta.vidal@example.net", "+34 600 000 001", id=1),
    Person("Jordi Puig", "On-call engineer", id=2),
]


def _incident(site: bool = False, mail: bool = False) -> Incident:
    return Incident("Website and email down", own_site_down=site, own_email_down=mail)


def test_everything_the_organisation_and_the_first_person_give():
    values = template_values(ORG, PEOPLE, _incident(), local_zone="Asia/Tokyo")
    assert values == {
        "org_name": "Example Hosting",
        "org_phone": "+34 930 000 000",
        "org_email": "support@example.net",
        "contact_url": "https://www.example.net/contact",
        "phone_hours": "24/7",
        "status_url": "https://status.example.net",
        "long_url": "https://status.example.net",
        "signer_name": "Marta Vidal",
        "signer_role": "Head of Support",
        "signer_email": "marta.vidal@example.net",
        "signer_phone": "+34 600 000 001",
        "zone": "Europe/Madrid",
    }
    assert set(values) == set(TEMPLATE_KEYS)


def test_the_signers_own_address_is_left_out_when_our_mail_is_down():
    values = template_values(ORG, PEOPLE, _incident(False, True), local_zone="UTC")
    assert "signer_email" not in values and values["signer_phone"] == "+34 600 000 001"
    jordi = template_values(ORG, PEOPLE, _incident(), local_zone="UTC", signer="Jordi Puig, On-call engineer")
    assert "signer_email" not in jordi and "signer_phone" not in jordi  # Jordi gave neither


@pytest.mark.parametrize(
    ("site", "mail", "url", "email"),
    [
        (False, False, "https://www.example.net/contact", "support@example.net"),
        (True, False, "https://example-hosting.pages.dev/contact", "support@example.net"),
        (False, True, "https://www.example.net/contact", "example.hosting@gmail.com"),
        (True, True, "https://example-hosting.pages.dev/contact", "example.hosting@gmail.com"),
    ],
)
def test_the_alternates_when_the_incident_takes_our_own_site_or_email_down(site, mail, url, email):
    values = template_values(ORG, PEOPLE, _incident(site, mail), local_zone="UTC")
    assert values["contact_url"] == url
    assert values["org_email"] == email
    assert values["org_phone"] == "+34 930 000 000"  # the phone does not depend on our site or mail


def test_no_incident_gives_the_normal_contacts():
    values = template_values(ORG, [], None, local_zone="UTC")
    assert values["contact_url"] == ORG.contact_url and values["org_email"] == ORG.email


def test_a_dead_alternate_is_left_out_rather_than_given():
    no_alternates = Organisation(
        name="Shop", contact_url="https://shop.example/contact", email="help@shop.example", phone="+1 555 0100"
    )
    values = template_values(no_alternates, [], _incident(site=True, mail=True), local_zone="UTC")
    assert "contact_url" not in values and "org_email" not in values
    assert values["org_phone"] == "+1 555 0100"


def test_the_zone_is_the_organisations_else_the_local_one():
    assert template_values(ORG, [], None, local_zone="Asia/Tokyo")["zone"] == "Europe/Madrid"
    no_zone = Organisation(name="Shop")
    assert template_values(no_zone, [], None, local_zone="Asia/Tokyo")["zone"] == "Asia/Tokyo"
    assert "zone" not in template_values(no_zone, [], None, local_zone="")


def test_empty_values_are_left_out():
    assert template_values(Organisation(), [], None, local_zone="") == {}
    values = template_values(Organisation(name="  Shop  ", phone="   "), [Person("Ana García")], None, local_zone="UTC")
    assert values == {"org_name": "Shop", "signer_name": "Ana García", "zone": "UTC"}  # no role, no phone


def test_a_given_signer_comes_before_the_first_person():
    values = template_values(ORG, PEOPLE, None, local_zone="UTC", signer="Jordi Puig, On-call engineer")
    assert (values["signer_name"], values["signer_role"]) == ("Jordi Puig", "On-call engineer")
    values = template_values(ORG, PEOPLE, None, local_zone="UTC", signer="Jordi Puig")
    assert values["signer_name"] == "Jordi Puig" and "signer_role" not in values


def test_an_organisation_that_can_be_saved():
    assert organisation_problem(ORG) == ""
    assert organisation_problem(Organisation()) == ""
    assert organisation_problem(Organisation(name="Shop", timezone="UTC")) == ""


@pytest.mark.parametrize(
    ("changes", "words"),
    [
        ({"timezone": "Mars/Olympus"}, "not a time zone name"),
        ({"timezone": "CET+1"}, "not a time zone name"),
        ({"alternate_contact_url": "https://help.example.net/contact"}, "alternate contact page"),
        ({"alternate_contact_url": "example.net/contact"}, "alternate contact page"),
        ({"backup_email": "backup@mail.example.net"}, "backup email"),
    ],
)
def test_what_the_profile_refuses(changes, words):
    org = Organisation(**{name: getattr(ORG, name) for name in Organisation.__slots__})
    for name, value in changes.items():
        setattr(org, name, value)
    problem = organisation_problem(org)
    assert words in problem
    assert "\n" not in problem
