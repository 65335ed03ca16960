# SPDX-License-Identifier: GPL-3.0-or-later
"""Which contacts to give: never a page or an address on what the incident takes down.

The lesson this app is built on: when our own website and mail are down, customers need a
contact page hosted elsewhere and an address on another domain. `contacts_for` chooses them for
one incident; `down_domains` names the domains whose pages (or mail) cannot be reached.
`template_values` is what the app knows for a template (the window's form and `render` alike);
`organisation_problem` is why an organisation cannot be saved (the dialog and the command alike).
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache
from typing import Protocol
from urllib.parse import urlsplit

from composer.core.i18n import _
from composer.core.model import Organisation, Person
from composer.core.record import FrozenRecord


class DownFlags(Protocol):
    """What an incident says about our own infrastructure (an Incident, an UpdateDocument)."""

    @property
    def own_site_down(self) -> bool: ...

    @property
    def own_email_down(self) -> bool: ...


class Contacts(FrozenRecord):
    """Where customers can reach a person during one incident ("" where there is nothing to give)."""

    __slots__ = ("email", "phone", "phone_hours", "url")
    url: str
    email: str
    phone: str
    phone_hours: str

    def __init__(self, url: str = "", email: str = "", phone: str = "", phone_hours: str = ""):
        self._set(url=url, email=email, phone=phone, phone_hours=phone_hours)

    def parts(self) -> tuple[str, ...]:
        """The phone (with its hours), the email and the page, those that are given."""
        phone = f"{self.phone} ({self.phone_hours})" if self.phone and self.phone_hours else self.phone
        return tuple(p for p in (phone, self.email, self.url) if p)


def domain_of(contact: str) -> str:
    """The domain of a URL ('https://www.example.net/contact', 'example.net/x') or an address
    ('support@example.net'), lower-case and without 'www.'; "" when there is none."""
    text = contact.strip().lower()
    if not text:
        return ""
    if "@" in text and "/" not in text.partition("@")[0]:
        host = text.rpartition("@")[2]
    else:
        host = urlsplit(text if "//" in text else f"//{text}").hostname or ""
    host = host.strip(".").removeprefix("www.")
    return host if "." in host else ""


def on_domain(contact: str, domains: set[str] | frozenset[str]) -> bool:
    """Whether a URL or address is on one of `domains` or a subdomain of one."""
    domain = domain_of(contact)
    return bool(domain) and any(domain == d or domain.endswith(f".{d}") for d in domains)


def own_domains(org: Organisation) -> set[str]:
    """The organisation's own domains: those of its normal contact page and support address."""
    return {d for d in (domain_of(org.contact_url), domain_of(org.email)) if d}


def down_domains(org: Organisation, incident: DownFlags | None) -> set[str]:
    """The domains the incident takes down: the website's when our own site is down, the mail
    domain's when our own email is down (the other one too when they are not known apart)."""
    if incident is None:
        return set()
    site, mail = domain_of(org.contact_url), domain_of(org.email)
    down = set()
    if incident.own_site_down:
        down.add(site or mail)
    if incident.own_email_down:
        down.add(mail or site)
    return {d for d in down if d}


def contacts_for(org: Organisation, incident: DownFlags | None) -> Contacts:
    """The contacts to give readers of `incident`: the alternate contact page instead of the normal
    one when our own site is down, the backup address when our own email is down. An alternate on
    our own domain is no alternate: then no page (or address) is given rather than a dead one."""
    url, email = org.contact_url, org.email
    own = own_domains(org)
    if incident is not None and incident.own_site_down:
        url = "" if on_domain(org.alternate_contact_url, own) else org.alternate_contact_url
    if incident is not None and incident.own_email_down:
        email = "" if on_domain(org.backup_email, own) else org.backup_email
    return Contacts(url=url.strip(), email=email.strip(), phone=org.phone.strip(), phone_hours=org.phone_hours.strip())


# The template fields `template_values` can fill (those it leaves out have no value).
TEMPLATE_KEYS = (
    "org_name",
    "org_phone",
    "org_email",
    "contact_url",
    "phone_hours",
    "status_url",
    "long_url",
    "signer_name",
    "signer_role",
    "signer_email",
    "signer_phone",
    "zone",
)


def template_values(
    org: Organisation,
    people: Sequence[Person],
    incident: DownFlags | None,
    *,
    local_zone: str,
    signer: str = "",
) -> dict[str, object]:
    """What the app knows for a template, by field name: the organisation, its contacts for
    `incident` (never on what it takes down: `contacts_for`), who signs (`signer`, "Name, Role",
    else the first of `people`) and the readers' zone (the organisation's, else `local_zone`).
    Empty values are left out, so a template's default or example can fill them."""
    contacts = contacts_for(org, incident)
    if signer:
        name, _sep, role = signer.partition(",")
    elif people:
        name, role = people[0].name, people[0].role
    else:
        name = role = ""
    # The signer's own address and phone (a personal apology gives them), never an address on
    # our own mail when the incident takes it down.
    person = next((p for p in people if p.name.strip().casefold() == name.strip().casefold()), None)
    personal_email = person.email if person is not None else ""
    if incident is not None and incident.own_email_down and on_domain(personal_email, own_domains(org)):
        personal_email = ""
    values = {
        "org_name": org.name,
        "org_phone": contacts.phone,
        "org_email": contacts.email,
        "contact_url": contacts.url,
        "phone_hours": contacts.phone_hours,
        "status_url": org.status_page_url,
        "long_url": org.status_page_url,
        "signer_name": name,
        "signer_role": role,
        "signer_email": personal_email,
        "signer_phone": person.phone if person is not None else "",
        "zone": org.timezone.strip() or local_zone,
    }
    return {key: value.strip() for key, value in values.items() if value.strip()}


@cache
def _zone_names() -> frozenset[str]:
    from zoneinfo import available_timezones  # noqa: PLC0415 - only when an organisation is checked

    return frozenset(available_timezones())


def organisation_problem(org: Organisation) -> str:
    """Why `org` cannot be saved, in one line ("" when it can): a time zone that is not an IANA
    name, or an alternate contact page or backup address on our own domain (down with it)."""
    if org.timezone and org.timezone not in _zone_names():
        return _("“{timezone}” is not a time zone name (like Europe/Madrid).").format(timezone=org.timezone)
    own = own_domains(org)
    if on_domain(org.alternate_contact_url, own):
        return _("The alternate contact page is on your own domain: when your site is down, so is it.")
    if on_domain(org.backup_email, own):
        return _("The backup email is on your own domain: when your email is down, so is it.")
    return ""
