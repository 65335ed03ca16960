# SPDX-License-Identifier: GPL-3.0-or-later
"""Which contacts to give: never a page or an address on what the incident takes down.

The lesson this app is built on: when our own website and mail are down, customers need a
contact page hosted elsewhere and an address on another domain. `contacts_for` chooses them for
one incident; `down_domains` names the domains whose pages (or mail) cannot be reached.
"""

from __future__ import annotations

from typing import Protocol
from urllib.parse import urlsplit

from composer.core.model import Organisation
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
