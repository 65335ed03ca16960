# SPDX-License-Identifier: GPL-3.0-or-later
"""Sign your name: the closing lines must name a person, not a team or an office."""

from __future__ import annotations

import re
from dataclasses import dataclass

from composer.core.checks.base import Draft, Finding, Fix, Verdict
from composer.core.checks.text import Span, emails, lines, phone_numbers, plain_line, urls

_NAME_WORD = re.compile(
    r"^(?:[A-ZÀ-ÖØ-Þ](?:[a-zà-öø-ÿ]+|['’](?=[A-ZÀ-ÖØ-Þ]))(?:[-'’]?[A-ZÀ-ÖØ-Þa-zà-öø-ÿ][a-zà-öø-ÿ]+)*|[A-ZÀ-ÖØ-Þ]\.)$"
)
_ROLE_SPLIT = re.compile(r"\s*(?:,|\(|\s[-–—|/]\s|:)\s*")
_SIGNED_PREFIX = re.compile(
    r"^(?:signed|signat|firmado|firma|posted by|written by|publicat per|publicado por|de part de|de parte de|"
    r"on behalf of|from)[:,]?\s+",
    re.IGNORECASE,
)
# How far up from the end a signature may start.
_CLOSING_LINES = 5


@dataclass(frozen=True)
class Signature:
    kind: str  # "person", "team" or "none"
    span: Span | None
    name: str = ""


def _is_contact_line(line: str, draft: Draft) -> bool:
    return bool(urls(line) or emails(line) or phone_numbers(line, "ES") or phone_numbers(line, "US")) or bool(
        re.search(r"(?:tel|phone|telèfon|teléfono|email|e-mail|correu|correo)\s*[:.]", line, re.I)
    )


def _person_name(text: str, particles: re.Pattern[str] | None) -> str:
    """The name at the start of a signature line ('Marta Vidal, Head of Support' -> 'Marta Vidal')."""
    head = _ROLE_SPLIT.split(text, maxsplit=1)[0].strip().rstrip(".")
    words = head.split()
    if not 2 <= len(words) <= 5:
        return ""
    capitalised = 0
    for word in words:
        if _NAME_WORD.match(word):
            capitalised += 1
        elif not (particles and particles.fullmatch(word)):
            return ""
    if capitalised < 2 or not _NAME_WORD.match(words[0]) or not _NAME_WORD.match(words[-1]):
        return ""
    return head


def _looks_like_role(text: str) -> bool:
    """A short title line ("Head of Digital Banking, Harbour Bank"), not a sentence."""
    return len(text.split()) <= 10 and not re.search(r"[.!?]\s", text + " ")


def _clean(draft: Draft, raw: str) -> str:
    """A closing line without Markdown, 'Signed:' or a leading 'Regards,'."""
    text = _SIGNED_PREFIX.sub("", plain_line(raw)).strip().rstrip(".!")
    sign_off = draft.words.pattern("sign_off", every_language=True)
    match = sign_off.match(text) if sign_off is not None else None
    if match:
        text = text[match.end() :].strip(" ,:;-–—!.")
    return text


def find_signature(draft: Draft) -> Signature:
    """The signature in the closing lines: a person, a team/office/company, or none."""
    words = draft.words
    particles = words.pattern("name_particles", every_language=True)
    org = draft.config.organisation.name.lower()
    candidates = lines(draft.body)[-_CLOSING_LINES:]
    texts = [_clean(draft, draft.body[start:end]) for start, end in candidates]
    for index in range(len(candidates) - 1, -1, -1):
        start, end = candidates[index]
        raw, text = draft.body[start:end], texts[index]
        if not text:
            continue  # "Regards," on its own line, or only markup
        name = _person_name(text, particles)
        head = _ROLE_SPLIT.split(text, maxsplit=1)[0]
        is_team = words.has("team", head, every_language=True) or bool(org and org in head.lower())
        if name and not is_team:
            return Signature("person", (start, end), name)
        above = _person_name(texts[index - 1], particles) if index > 0 else ""
        if above and _looks_like_role(text):
            # "Ana García / Responsable de operaciones": a role under a name, not a team.
            return Signature("person", candidates[index - 1], above)
        if is_team and len(head.split()) <= 6:
            return Signature("team", (start, end), head)
        if _is_contact_line(raw, draft) or len(text.split()) <= 4:
            continue  # a contact line, or a role line under the name ("Head of Support")
        break  # a sentence of the body: nobody signed below it
    return Signature("none", None)


def closing_block_start(draft: Draft) -> int:
    """Where the sign-off starts, so fixes can insert text above it (else the end of the body)."""
    signature = find_signature(draft)
    if signature.span is None:
        return len(draft.body.rstrip())
    start = signature.span[0]
    # Include a "Regards," line right above the name.
    before = lines(draft.body[:start])
    if before:
        prev = plain_line(draft.body[before[-1][0] : before[-1][1]])
        sign_off = draft.words.pattern("sign_off", every_language=True)
        if sign_off and sign_off.fullmatch(prev.rstrip(",.:;!")):
            return before[-1][0]
    return start


class SignYourName:
    id = "sign-your-name"
    title = "Sign your name"

    def _signature_text(self, draft: Draft) -> str:
        people = draft.config.people
        if draft.signer:
            return draft.signer
        return people[0].signature if people else ""

    def check(self, draft: Draft) -> Finding:
        signature = find_signature(draft)
        spans = (signature.span,) if signature.span else ()
        wanted = self._signature_text(draft)
        if signature.kind == "person":
            roster = [p.name.casefold() for p in draft.config.people]
            if roster and signature.name.casefold() not in roster:
                return Finding(
                    self.id, Verdict.WARN, f"{signature.name} is not on the roster of people who may sign.", spans
                )
            return Finding(self.id, Verdict.PASS, f"Signed by {signature.name}.", spans)
        fix = None
        if wanted:
            if signature.span is not None:
                fix = Fix(f"Sign as {wanted}", signature.span[0], signature.span[1], wanted)
            else:
                end = len(draft.body.rstrip())
                fix = Fix(f"Sign as {wanted}", end, end, f"\n\n{wanted}")
        if signature.kind == "team":
            return Finding(
                self.id,
                Verdict.FAIL,
                f"Signed by “{signature.name}”, not a person: a named person shows someone owns this.",
                spans,
                fix,
            )
        return Finding(
            self.id, Verdict.FAIL, "Unsigned: end with the name (and role) of the person speaking.", spans, fix
        )
