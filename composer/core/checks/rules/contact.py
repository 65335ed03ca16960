# SPDX-License-Identifier: GPL-3.0-or-later
"""Give contact info: a phone number, an email address or a contact page."""

from __future__ import annotations

from composer.core.checks.base import Draft, Finding, Fix, Verdict
from composer.core.checks.rules.signature import closing_block_start
from composer.core.checks.text import Span, emails, phone_numbers, urls

# Regions tried for numbers written without +country, by the update's language.
_REGIONS = {"ca": ("ES",), "es": ("ES",), "en": ("US", "GB")}


def phone_spans(draft: Draft) -> list[Span]:
    regions = ((draft.config.phone_region,) if draft.config.phone_region else ()) + _REGIONS.get(draft.language, ())
    found: set[Span] = set()
    for region in regions or ("",):
        found.update(phone_numbers(draft.body, region))
    if not regions:
        found.update(phone_numbers(draft.body, ""))
    return sorted(found)


def contact_url_spans(draft: Draft) -> list[Span]:
    pattern = draft.words.pattern("contact_url", every_language=True)
    status_page = draft.config.organisation.status_page_url.rstrip("/").lower()
    found = []
    for start, end in urls(draft.body):
        url = draft.body[start:end].lower()
        if status_page and url.rstrip("/") == status_page:
            continue
        if pattern is not None and pattern.search(url.replace("/", " ").replace(".", " ").replace("-", " ")):
            found.append((start, end))
    return found


def contact_block(draft: Draft) -> str:
    org = draft.config.organisation
    parts = [p for p in (org.phone, org.email, org.contact_url) if p]
    if not parts:
        return ""
    lead = {"ca": "Per parlar amb nosaltres", "es": "Para hablar con nosotros"}.get(draft.language, "To reach us")
    return f"{lead}: {' · '.join(parts)}"


class GiveContactInfo:
    id = "give-contact-info"
    title = "Give contact info"

    def check(self, draft: Draft) -> Finding:
        found = sorted(phone_spans(draft) + emails(draft.body) + contact_url_spans(draft))
        if found:
            return Finding(self.id, Verdict.PASS, "Gives a way to reach a person.", tuple(found))
        block = contact_block(draft)
        fix = None
        if block:
            at = closing_block_start(draft)
            text = f"{block}\n\n" if at < len(draft.body.rstrip()) else f"\n\n{block}"
            fix = Fix("Insert the organisation's contact details", at, at, text)
        return Finding(
            self.id,
            Verdict.FAIL,
            "No way to reach a person: add a phone number, an email address or a contact page.",
            (),
            fix,
        )
