# SPDX-License-Identifier: GPL-3.0-or-later
"""Sign your name: the closing lines must name a person, not a team or an office."""

from __future__ import annotations

import re
from dataclasses import dataclass

from composer.core.checks.base import Draft, Finding, Fix, Verdict
from composer.core.checks.text import Span, emails, lines, phone_numbers, plain_line, urls
from composer.core.i18n import _

_INITIAL = re.compile(r"^[^\W\d_]\.$")
_BRAND = re.compile(r"[A-Z]{2}")
_PART_SPLIT = re.compile(r"[-'’]")
_LOWER_PREFIX = re.compile(r"^(?:d|l|o|dell|dall)['’](?=\w)")  # "d'Alòs", "dell'Acqua"
_ROLE_SPLIT = re.compile(r"\s*(?:,|\(|\s[-–—|/]\s|:)\s*")
_SIGNED_PREFIX = re.compile(
    r"^(?:signed|signat|firmado|firma|posted by|written by|publicat per|publicado por|de part de|de parte de|"
    r"on behalf of|from)[:,]?\s+",
    re.IGNORECASE,
)
# How far up from the end a signature may start.
_CLOSING_LINES = 5
# A line longer than this is a sentence of the body, not a signature ("Name, Role, Company, phone, email").
_SIGNATURE_WORDS = 16


@dataclass(frozen=True)
class Signature:
    kind: str  # "person", "team" or "none"
    span: Span | None
    name: str = ""


def _is_contact_line(line: str, draft: Draft) -> bool:
    return bool(urls(line) or emails(line) or phone_numbers(line, "ES") or phone_numbers(line, "US")) or bool(
        re.search(r"(?:tel|phone|telèfon|teléfono|email|e-mail|correu|correo)\s*[:.]", line, re.I)
    )


def _name_word(word: str) -> bool:
    """A capitalised word of a person's name in any script with cases: "Núñez", "O'Brien",
    "McDonald", "Łukasiewicz", "Jean-Luc", "J."; not an acronym ("PDU", "ATS")."""
    if _INITIAL.match(word):
        return word[0].isupper()
    word = _LOWER_PREFIX.sub("", word)
    parts = _PART_SPLIT.split(word)
    for index, part in enumerate(parts):
        if not part.isalpha() or not part[0].isupper():
            return False
        if len(part) == 1 and index == len(parts) - 1:
            return False  # "O'" leads a name ("O'Brien"); a lone capital does not end one
        if len(part) > 1 and not any(c.islower() for c in part[1:]):
            return False
        if _BRAND.search(part[1:]):
            return False  # "FreeBSD", "PowerDNS": a product, not a person
    return True


class _Words:
    """The word lists that tell a name from a role or a label, in every language at once."""

    def __init__(self, draft: Draft):
        words = draft.words
        self.particles = words.pattern("name_particles", every_language=True)
        self.not_names = [
            words.pattern("role_words", every_language=True),
            words.pattern("label_words", every_language=True),
            words.pattern("function_words", every_language=True),  # "Porque Aquí Construimos Futuro"
        ]

    def role(self, word: str) -> bool:
        return bool(self.not_names[0] and self.not_names[0].fullmatch(word))

    def not_a_name(self, word: str) -> bool:
        return any(p is not None and p.fullmatch(word) for p in self.not_names)

    def particle(self, word: str) -> bool:
        return bool(self.particles and self.particles.fullmatch(word))


def _name_of(words: list[str], known: _Words) -> bool:
    capitalised = 0
    for word in words:
        if word.islower() and known.particle(word):
            continue  # "de", "van", "i": lowercase inside a name
        if known.not_a_name(word):
            return False
        if _name_word(word):
            capitalised += 1
        elif not known.particle(word):
            return False
    return capitalised >= 2 and _name_word(words[0]) and _name_word(words[-1])


_FIELD = re.compile(r"^(?:[^\s,(:]+\s){0,3}[^\s,(:]+:\s*\S")  # "Affected Applications: Exchange": a label, a value


def _person_name(text: str, known: _Words) -> str:
    """The name at the start of a signature line ('Marta Vidal, Head of Support' -> 'Marta Vidal')."""
    if _FIELD.match(text):
        return ""
    head = _ROLE_SPLIT.split(text, maxsplit=1)[0].strip().rstrip(".")
    words = head.split()
    return head if 2 <= len(words) <= 5 and _name_of(words, known) else ""


def _leading_name(text: str, known: _Words) -> str:
    """A name followed by its role with no comma, as a flattened signature has it
    ("Marta Vidal Head of Support, Example Hosting" -> "Marta Vidal")."""
    name = _person_name(text, known)
    if name or _FIELD.match(text):
        return name
    words = _ROLE_SPLIT.split(text, maxsplit=1)[0].split()
    for size in range(min(5, len(words) - 1), 1, -1):
        after = words[size]
        boundary = known.not_a_name(after) or _BRAND.search(after[1:]) or "@" in after or after.startswith("www.")
        if boundary and _name_of(words[:size], known):
            return " ".join(words[:size])
    return ""


def _looks_like_role(text: str) -> bool:
    """A short title line ("Head of Digital Banking, Harbour Bank"), not a sentence."""
    return len(text.split()) <= 10 and not re.search(r"[.!?]\s", text + " ")


# "Manton Reece @manton", "Colin Watson   [cjwatson at]", "Ana Puig <ana@…>": a name, then how to reach them
_HANDLES = re.compile(r"(?:\s+(?:@[\w.]+(?:@[\w.-]+)?|\[[^\]]*\]|<[^>]*>))+\s*$")


def _clean(draft: Draft, raw: str) -> str:
    """A closing line without Markdown, 'Signed:', a leading 'Regards,' or a trailing @handle."""
    text = _HANDLES.sub("", _SIGNED_PREFIX.sub("", plain_line(raw)).strip()).rstrip(".!")
    sign_off = draft.words.pattern("sign_off", every_language=True)
    match = sign_off.match(text) if sign_off is not None else None
    if match:
        text = text[match.end() :].strip(" ,:;-–—!.")
    return text


_MONTHS = (
    "jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec|january|february|march|april|june|july|august|"
    "september|october|november|december|gener|febrer|març|abril|maig|juny|juliol|agost|setembre|octubre|"
    "novembre|desembre|enero|febrero|marzo|mayo|junio|julio|agosto|septiembre|setiembre|octubre|noviembre|diciembre"
)
# "Sant Boi de Llobregat, 10 de desembre de 2020": where and when it was written, not who.
_DATELINE = re.compile(
    rf"^[^,]+,\s*(?:\w+,?\s+)?(?:\d{{1,2}}(?:st|nd|rd|th|º)?\s+(?:de\s+|d['’])?(?:{_MONTHS})|(?:{_MONTHS})\.?\s+\d{{1,2}})"
    r"\b.*$",
    re.IGNORECASE,
)
_LIST_ITEM = re.compile(r"^\s*(?:[-*+•]|\d+[.)])\s+\S")
_FLAT_DELIMITER = re.compile(r"(?:^|\s)--\s+(?=\S)")
_BELOW_DELIMITER = 8  # lines of a signature block under "-- " looked at


def _is_team(draft: Draft, head: str) -> bool:
    org = draft.config.organisation.name.lower()
    return draft.words.has("team", head, every_language=True) or bool(org and org in head.lower())


def _list_item(body: str, start: int, end: int) -> bool:
    """An item of a list: "- Request Demo" under another item, or a line of a run of lines right
    under one that ends with a colon ("The nearest libraries are:"); it signs nothing."""
    above = body[:start].rstrip().rsplit("\n", 1)[-1]
    if _LIST_ITEM.match(body[start:end]) and _LIST_ITEM.match(above):
        return True
    bulleted = bool(_LIST_ITEM.match(body[start:end]))
    run = body[:start].rstrip("\n").split("\n")
    for line in reversed(run[-_CLOSING_LINES:]):
        if not line.strip():
            return False  # a blank line: a block of its own, as signatures are
        if line.rstrip().endswith(":"):
            return True
        if bool(_LIST_ITEM.match(line)) != bulleted:
            return False  # a name under a bulleted list is not one of its items
    return False


def _signed_below(draft: Draft, block: list[Span], known: _Words) -> Signature:
    """The signature block under an RFC 3676 delimiter ("-- "): a name, roles, organisations,
    contacts, in any order; the first person named signs."""
    team = None
    for start, end in block[:_BELOW_DELIMITER]:
        text = _clean(draft, draft.body[start:end])
        if not text:
            continue
        head = _ROLE_SPLIT.split(text, maxsplit=1)[0]
        name = _leading_name(text, known)
        if name and not _is_team(draft, name):
            return Signature("person", (start, end), name)
        if team is None and _is_team(draft, head) and len(head.split()) <= 6:
            team = Signature("team", (start, end), head)
    return team or Signature("none", None)


_LAST_SENTENCE = re.compile(r"[.!?]\s+(?=\S)")


def _flattened(draft: Draft, span: Span, known: _Words) -> Signature | None:
    """A whole message in one paragraph that ends "… -- Name Role, Org" (as archives store mail),
    or, with no delimiter, whose last sentence is a name and its role ("… Bárbara García
    Alcaldesa - Presidencia")."""
    line = draft.body[span[0] : span[1]]
    every = list(_FLAT_DELIMITER.finditer(line))
    if every:
        found = every[-1].end()
    else:
        sentences = list(_LAST_SENTENCE.finditer(line))
        if not sentences:
            return None
        found = sentences[-1].end()
        head = _ROLE_SPLIT.split(_clean(draft, line[found:]), maxsplit=1)[0]
        name = _leading_name(head, known) if len(head.split()) <= 8 else ""
        rest = head.split()[len(name.split()) :]
        # Only a name, or a name then a role word: a sentence of the body is neither.
        if not name or (rest and not known.role(rest[0])):
            return None
    tail = line[found:]
    if len(tail.split()) > 15:
        if not every:
            return None
        # Under "-- " a signature block may run on (roles, a company, its slogan): its start signs.
        tail = " ".join(tail.split()[:12])
    text = _clean(draft, tail)
    where = (span[0] + found, span[1])
    name = _leading_name(text, known)
    head = _ROLE_SPLIT.split(text, maxsplit=1)[0]
    if name and not _is_team(draft, name):
        return Signature("person", where, name)
    if _is_team(draft, head) and len(head.split()) <= 6:
        return Signature("team", where, head)
    return None


def _closing(draft: Draft, candidates: list[Span], known: _Words) -> Signature:
    """The closing lines read upwards: a name (with its role and contacts under it), a team, or none."""
    texts = [_clean(draft, draft.body[start:end]) for start, end in candidates]
    team = None
    for index in range(len(candidates) - 1, -1, -1):
        start, end = candidates[index]
        raw, text = draft.body[start:end], texts[index]
        if not text or _DATELINE.match(text):
            continue  # "Regards," on its own line, only markup, or a dateline ("Girona, 3 de maig")
        if _list_item(draft.body, start, end):
            break  # the end of a list in the body: nobody signed below it
        # "Larry Silverman Chief Technology Officer TrackAbout Inc"; a long line is a sentence of the body
        # whose subject opens it ("L'Ajuntament de Cubelles, seguint les recomanacions …, suspèn …").
        name = _leading_name(text, known) if len(text.split()) <= _SIGNATURE_WORDS else ""
        head = _ROLE_SPLIT.split(text, maxsplit=1)[0]
        is_team = _is_team(draft, head)
        if name and not _is_team(draft, name):
            return Signature("person", (start, end), name)
        above = _person_name(texts[index - 1], known) if index > 0 else ""
        if above and _looks_like_role(text):
            # "Ana García / Responsable de operaciones": a role under a name, not a team.
            return Signature("person", candidates[index - 1], above)
        if is_team and len(head.split()) <= 6:
            # An organisation's line may sit under the person's name and role: look further up.
            team = team or Signature("team", (start, end), head)
            continue
        if _is_contact_line(raw, draft) or len(text.split()) <= 4:
            continue  # a contact line, or a role line under the name ("Head of Support")
        break  # a sentence of the body: nobody signed below it
    return team or Signature("none", None)


def find_signature(draft: Draft) -> Signature:
    """The signature in the closing lines: a person, a team/office/company, or none."""
    known = _Words(draft)
    every = lines(draft.body)
    delimiters = [i for i, (start, end) in enumerate(every) if draft.body[start:end] == "--"]
    if delimiters:
        below = _signed_below(draft, every[delimiters[-1] + 1 :], known)
        if below.kind != "none":
            return below
        every = every[: delimiters[-1]]
    if not every:
        return Signature("none", None)
    flat = _flattened(draft, every[-1], known)
    return flat if flat is not None else _closing(draft, every[-_CLOSING_LINES:], known)


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

    @property
    def title(self) -> str:
        return _("Sign your name")

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
                message = _("{name} is not on the roster of people who may sign.").format(name=signature.name)
                return Finding(self.id, Verdict.WARN, message, spans)
            return Finding(self.id, Verdict.PASS, _("Signed by {name}.").format(name=signature.name), spans)
        fix = None
        if wanted:
            label = _("Sign as {signer}").format(signer=wanted)
            if signature.span is not None:
                fix = Fix(label, signature.span[0], signature.span[1], wanted)
            else:
                end = len(draft.body.rstrip())
                fix = Fix(label, end, end, f"\n\n{wanted}")
        if signature.kind == "team":
            return Finding(
                self.id,
                Verdict.FAIL,
                _("Signed by “{name}”, not a person: a named person shows someone owns this.").format(
                    name=signature.name
                ),
                spans,
                fix,
            )
        return Finding(
            self.id, Verdict.FAIL, _("Unsigned: end with the name (and role) of the person speaking."), spans, fix
        )
