# SPDX-License-Identifier: GPL-3.0-or-later
"""Give contact info: a phone number, an email address or a contact page, not on what is down."""

from __future__ import annotations

import re

from composer.core.checks.base import Draft, Finding, Fix, Verdict
from composer.core.checks.rules.signature import closing_block_start
from composer.core.checks.text import Span, emails, phone_numbers, urls
from composer.core.contacts import contacts_for, on_domain
from composer.core.i18n import _

# Regions tried last for numbers written without +country, by the update's language.
_REGIONS = {"ca": ("ES", "AD"), "es": ("ES", "MX", "AR", "CO", "CL", "PE"), "en": ("US", "GB", "IE", "CA", "AU")}


def _zone_region(zone: object) -> str:
    """The country of an IANA zone ("Europe/Madrid" -> "ES"), from CLDR's data (Babel)."""
    key = zone if isinstance(zone, str) else getattr(zone, "key", "")
    if not key:
        return ""
    from babel.core import get_global  # noqa: PLC0415

    return str(get_global("zone_territories").get(key, ""))


def _phone_region(number: str) -> str:
    """The country of the organisation's own number ("+34 930 000 000" -> "ES")."""
    import phonenumbers  # noqa: PLC0415

    try:
        return phonenumbers.region_code_for_number(phonenumbers.parse(number, None)) or ""
    except phonenumbers.NumberParseException:
        return ""


def phone_regions(draft: Draft) -> list[str]:
    """Where a number written without +country is read from, most telling first: the configured
    region, the organisation's own number, its readers' zone, the update's readers' zone (or that
    of "now"), then the countries of the update's language."""
    org = draft.config.organisation
    candidates = [
        draft.config.phone_region,
        _phone_region(org.phone) if org.phone.strip() else "",
        _zone_region(org.timezone),
        _zone_region(draft.zone if draft.zone is not None else draft.now.tzinfo),
        *_REGIONS.get(draft.language, ()),
    ]
    return list(dict.fromkeys(region.upper() for region in candidates if region and region != "001"))


# Said just before a number, these make it a phone number even without its area code.
_PHONE_WORD = r"(?:phones?|telephones?|tel|call|ring|dial|telèfons?|telefons?|teléfonos?|truc\w*|truq\w*|llam\w*)"
_PHONE_CUE = re.compile(rf"\b(?:{_PHONE_WORD}|contact|reach)\b[^.\n]{{0,30}}$", re.IGNORECASE)


# A number right after a phone word, in whatever form the readers dial it: a short service number
# ("el telèfon 1004", "trucant al 145", "El teléfono de atención es el 010", "call 311"), a campus
# extension ("call Heather at 6-8060"), a free-phone number of a country the language does not
# name ("a los teléfonos 08001930"). Written with separators, it has five digits at least (not a time);
# written bare, three or four (a service number) or seven and more ("Call us on 12345" is no number).
_SHORT_NUMBER = re.compile(
    rf"\b{_PHONE_WORD}\b[^.\n\d]{{0,25}}"
    r"(?<![\d:/.,-])(\d{3,12}|\d{1,4}(?:[-.]\d{2,4}){1,3})(?![\d:/h-]|[.,]\d|\s?(?:am|pm|h)\b|\s\d)",
    re.IGNORECASE,
)


def _dialled(number: str) -> bool:
    digits = sum(c.isdigit() for c in number)
    if digits == len(number):
        return digits <= 4 or digits >= 7
    return digits >= 5


def _local_numbers(draft: Draft, regions: list[str]) -> list[Span]:
    """Numbers a reader dials within their own area ("contact Donna at 966-1965"): possible in the
    readers' country, and introduced as a phone number."""
    import phonenumbers  # noqa: PLC0415

    for region in regions[:1]:
        matcher = phonenumbers.PhoneNumberMatcher(draft.body, region, leniency=phonenumbers.Leniency.POSSIBLE)
        found = [(m.start, m.end) for m in matcher if _PHONE_CUE.search(draft.body[max(0, m.start - 40) : m.start])]
        if found:
            return found
    return [m.span(1) for m in _SHORT_NUMBER.finditer(draft.body) if _dialled(m.group(1))]


def phone_spans(draft: Draft) -> list[Span]:
    found: set[Span] = set(phone_numbers(draft.body, ""))  # written with +country
    regions = phone_regions(draft)
    for region in regions:  # the first region that reads a number is the readers'
        numbers = phone_numbers(draft.body, region)
        if numbers:
            found.update(numbers)
            break
    if not found and any(c.isdigit() for c in draft.body):
        found.update(_local_numbers(draft, regions))
    # The public emergency numbers (112, 911, 999) reach the emergency services, not the organisation.
    emergency = draft.words.pattern("emergency_number", every_language=True)
    if emergency is not None:
        found = {s for s in found if not emergency.fullmatch(re.sub(r"\D", "", draft.body[s[0] : s[1]]))}
    return sorted(found)


def _bare_url(url: str) -> str:
    return url.strip().lower().split("//", 1)[-1].removeprefix("www.").rstrip("/")


def contact_url_spans(draft: Draft) -> list[Span]:
    """Contact pages in the text: URLs that read like one, and the organisation's own two."""
    pattern = draft.words.pattern("contact_url", every_language=True)
    org = draft.config.organisation
    status_page = _bare_url(org.status_page_url)
    known = {_bare_url(u) for u in (org.contact_url, org.alternate_contact_url) if u.strip()}
    found = []
    for start, end in urls(draft.body):
        url = draft.body[start:end].lower()
        if _bare_url(url) in known:
            found.append((start, end))
        elif status_page and _bare_url(url) == status_page:
            continue
        elif pattern is not None and pattern.search(url.replace("/", " ").replace(".", " ").replace("-", " ")):
            found.append((start, end))
    return found


def contact_block(draft: Draft) -> str:
    """A line with the contacts to give for this incident (alternates when our own are down), in
    the update's language: it goes to the readers."""
    parts = contacts_for(draft.config.organisation, draft).parts()
    if not parts:
        return ""
    lead = {"ca": "Per parlar amb nosaltres", "es": "Para hablar con nosotros"}.get(draft.language, "To reach us")
    return f"{lead}: {' · '.join(parts)}"


def _unreachable(draft: Draft, emails_found: list[Span], urls_found: list[Span]) -> tuple[list[Span], list[Span]]:
    """The addresses and pages in the text that are on what the incident takes down."""
    down = draft.down_domains
    dead_mail = [s for s in emails_found if draft.own_email_down and on_domain(draft.body[s[0] : s[1]], down)]
    dead_pages = [s for s in urls_found if draft.own_site_down and on_domain(draft.body[s[0] : s[1]], down)]
    return dead_mail, dead_pages


def _down_message(draft: Draft, dead_mail: list[Span], dead_pages: list[Span]) -> str:
    said = []
    if dead_pages:
        pages = ", ".join(draft.body[s:e] for s, e in dead_pages)
        said.append(_("Your website is down: {pages} cannot be reached.").format(pages=pages))
    if dead_mail:
        addresses = ", ".join(draft.body[s:e] for s, e in dead_mail)
        said.append(_("Your email is down: {addresses} cannot be reached.").format(addresses=addresses))
    said.append(
        _(
            "Give the alternate contact page, a backup email on another domain or a phone number"
            " (set them in Organisation and people)."
        )
    )
    return " ".join(said)


def _insert_contacts(draft: Draft, label: str) -> Fix | None:
    block = contact_block(draft)
    if not block:
        return None
    at = closing_block_start(draft)
    text = f"{block}\n\n" if at < len(draft.body.rstrip()) else f"\n\n{block}"
    return Fix(label, at, at, text)


class GiveContactInfo:
    id = "give-contact-info"

    @property
    def title(self) -> str:
        return _("Give contact info")

    def check(self, draft: Draft) -> Finding:
        phones, mail, pages = phone_spans(draft), emails(draft.body), contact_url_spans(draft)
        found = sorted(phones + mail + pages)
        down = draft.own_site_down or draft.own_email_down
        label = _("Insert the alternate contact details") if down else _("Insert the organisation's contact details")
        if not found:
            return Finding(
                self.id,
                Verdict.FAIL,
                _("No way to reach a person: add a phone number, an email address or a contact page."),
                (),
                _insert_contacts(draft, label),
            )
        dead_mail, dead_pages = _unreachable(draft, mail, pages)
        if set(found) <= set(dead_mail + dead_pages):
            spans = tuple(sorted(dead_mail + dead_pages))
            message = _down_message(draft, dead_mail, dead_pages)
            return Finding(self.id, Verdict.WARN, message, spans, _insert_contacts(draft, label))
        return Finding(self.id, Verdict.PASS, _("Gives a way to reach a person."), tuple(found))
