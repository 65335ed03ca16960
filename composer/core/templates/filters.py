# SPDX-License-Identifier: GPL-3.0-or-later
"""Template filters: times, dates and durations in the reader's language and zone; prose around
filled-in values (capitals, full stops, roles and organisations); text clipped to fit a post at a
sentence or clause boundary. Dates and durations come from Babel (CLDR data), not hand-made tables."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import UTC, datetime, timedelta, tzinfo
from typing import Protocol

from composer.core.i18n import _

# The article a clock time takes after "a" in each language: "a les 15:30", "a la 1:30".
_TIME_ARTICLES = {"ca": ("la", "les"), "es": ("la", "las")}
# Catalan contracts "de"/"a" + "el" and elides before a vowel sound: "del 24", "de l'1", "a l'11".
_CA_ARTICLES = {"": ("el ", "l'"), "El": ("El ", "L'"), "de": ("del ", "de l'"), "a": ("al ", "a l'")}
_ES_ARTICLES = {"": "el ", "El": "El ", "de": "del ", "a": "al "}
_SENTENCE_ENDS = (".", "!", "?", "…")


class FilterError(ValueError):
    pass


class Context(Protocol):
    """What a filter reads of the template's context (Jinja's Context, or a dict): `lang` and `zone`."""

    def get(self, key: str, default: object = None, /) -> object: ...


def _zone(context: Context) -> tzinfo:
    from zoneinfo import ZoneInfo  # noqa: PLC0415

    return ZoneInfo(str(context.get("zone") or "UTC"))


def _as_datetime(value: object) -> datetime:
    if isinstance(value, datetime):
        return value
    raise FilterError(_("expected a time, got {value!r}").format(value=value))


def _zone_abbreviation(local: datetime) -> str:
    """'CET', 'EDT'; zones without a letter abbreviation get 'UTC-3' rather than a bare '-03'."""
    name = local.tzname() or ""
    if name and name[0].isalpha():
        return name
    minutes = int((local.utcoffset() or timedelta(0)).total_seconds() // 60)
    hours, rest = divmod(abs(minutes), 60)
    return f"UTC{'+' if minutes >= 0 else '-'}{hours}" + (f":{rest:02d}" if rest else "")


COMPACT_TIMES = "_compact_times"  # set by render() for channels with a length limit


def clock(context: Context, value: object) -> str:
    """'15:30 CET (14:30 UTC)': the readers' zone first, UTC beside it, with UTC's day when it is
    another ('00:30 CET (23:30 UTC, 23 Nov)'): a reader who goes by UTC must not read the wrong day.
    Not in a post with a length limit (COMPACT_TIMES in the context): it links to the full update."""
    moment = _as_datetime(value)
    local = moment.astimezone(_zone(context))
    text = f"{local:%H:%M} {_zone_abbreviation(local)}"
    if local.utcoffset() != timedelta(0):
        utc = moment.astimezone(UTC)
        day = ""
        if utc.date() != local.date() and not context.get(COMPACT_TIMES):
            from babel.dates import format_date  # noqa: PLC0415

            day = ", " + format_date(utc.date(), "d MMM", locale=str(context.get("lang", "en"))).replace("’", "'")
        text += f" ({utc:%H:%M} UTC{day})"
    return text


def clock_with_article(context: Context, value: object) -> str:
    """The clock time with the article it takes in Catalan and Spanish ('les 15:30 CET', 'la 01:15 CET')."""
    articles = _TIME_ARTICLES.get(str(context.get("lang", "en")))
    text = clock(context, value)
    if articles is None:
        return text
    hour = _as_datetime(value).astimezone(_zone(context)).hour
    return f"{articles[0] if hour in (1, 13) else articles[1]} {text}"


def long_date(context: Context, value: object, year: bool = True) -> str:
    """The date as the reader's language writes it ('24 de novembre del 2026')."""
    from babel.dates import format_date  # noqa: PLC0415

    lang = str(context.get("lang", "en"))
    local = _as_datetime(value).astimezone(_zone(context))
    pattern = "long" if year else {"ca": "d MMMM", "es": "d 'de' MMMM"}.get(lang, "MMMM d")
    text = format_date(local, pattern, locale=lang)
    if lang == "ca" and not year:
        text = format_date(local, "long", locale=lang).rsplit(" ", 2)[0]  # "24 de novembre", "1 d'abril"
    return text.replace("’", "'")


def date_with_article(context: Context, value: object, before: str = "", year: bool = True) -> str:
    """The date with its article, contracted as the language wants: 'del 24 de novembre',
    "de l'1 de desembre", 'al 3 de marzo'. `before` is '', 'El', 'de' or 'a'."""
    lang = str(context.get("lang", "en"))
    text = long_date(context, value, year)
    if lang == "ca":
        plain, elided = _CA_ARTICLES.get(before, _CA_ARTICLES[""])
        return (elided if text[:2] in ("1 ", "11") else plain) + text
    if lang == "es":
        return _ES_ARTICLES.get(before, "") + text
    return text


def day_and_clock(context: Context, value: object) -> str:
    return f"{long_date(context, value)}, {clock(context, value)}"


def duration(context: Context, value: object, end: object = None) -> str:
    """'1 hour and 15 minutes', '1 hora i 15 minuts'; `a|duration(b)` is the time from a to b."""
    from babel.lists import format_list  # noqa: PLC0415
    from babel.units import format_unit  # noqa: PLC0415

    if end is not None:
        value = _as_datetime(end) - _as_datetime(value)
    if not isinstance(value, timedelta):
        raise FilterError(_("expected a duration, got {value!r}").format(value=value))
    lang = str(context.get("lang", "en"))
    hours, minutes = divmod(round(value.total_seconds() / 60), 60)
    parts: list[str] = []
    if hours:
        parts.append(format_unit(hours, "duration-hour", length="long", locale=lang))
    if minutes or not hours:
        parts.append(format_unit(minutes, "duration-minute", length="long", locale=lang))
    return format_list(parts, locale=lang)


# Prose around filled-in values. Values are never lowercased (a value may start with a name: "EU
# customers", "Pinewood"); a template puts a value either at the start of a sentence (or after a
# line-initial label, "What we did: ..."), where `sentence` capitalises its first letter and ends it
# with one full stop, or mid-sentence only when it is a name, an address or a time.
_CLOSERS = ")]\"'»”’"
_OPENERS = "\"'«“‘([¿¡"
_SENTENCE_BREAK = re.compile(r"[.!?…]+[)\]\"'»”’]*\s+")
# Where a clause ends inside a sentence: ";", ":", a dash, or a comma before a conjunction (en, ca, es).
_CLAUSE_BREAK = re.compile(
    r"(?:[;:]|\s[–—]|,(?=\s+(?:and|but|so|or|which|while|because|then|i|però|perquè|o|mentre|mentre que|ja que|"
    r"y|e|pero|porque|mientras|así que|aunque)\s))\s"
)
_MIN_CLAUSE = 12  # characters: a shorter head is not a clause that stands on its own


def upper_first(value: object) -> str:
    """The first letter in capitals, the rest untouched ('eU' stays, 'EU customers' stays). A value
    whose first word is an address or a name written in its own case ('iPhone', 'eBay') is kept."""
    text = str(value or "")
    start = 0
    while start < len(text) and (text[start].isspace() or text[start] in _OPENERS):
        start += 1
    if start == len(text) or not text[start].islower():
        return text
    word = text[start:].split(maxsplit=1)[0]
    if "@" in word or "://" in word or word.startswith("www.") or any(c.isupper() for c in word[1:]):
        return text
    return text[:start] + text[start].upper() + text[start + 1 :]


def full_stop(value: object) -> str:
    """The text ending a sentence exactly once: a full stop added when missing, '..' made one, a
    trailing ',', ';' or ':' replaced; '!', '?', '…' and '...' kept."""
    text = str(value or "").rstrip()
    core = text.rstrip(_CLOSERS)
    if not core:
        return text
    closers = text[len(core) :]
    if core.endswith("...") or core.endswith(_SENTENCE_ENDS[1:]) or (core.endswith(".") and not core.endswith("..")):
        return text
    if core.endswith(".."):
        return core.rstrip(".") + "." + closers
    if closers:
        return text + "."
    return core.rstrip(",;:–—- ") + "."


def no_stop(value: object) -> str:
    """The text without a final full stop, for a value the template continues ('{{ title|no_stop }}: ...')."""
    text = " ".join(str(value or "").split())
    return text if text.endswith("...") else text.rstrip(".,;: ")


def headline(value: object) -> str:
    """A title as a heading or where the template goes on after it ('{{ title|headline }}: we are on
    it'): capitalised, without a final full stop or '!' ('?' stays: a question is still one)."""
    return upper_first(no_stop(value).rstrip("!").rstrip())


def sentence(value: object, limit: int | None = None, required: bool = True) -> str:
    """A value that starts a sentence: capitalised, ending with one full stop, `clip`ped to `limit`."""
    return upper_first(clip(value, limit, required))


def _sentences(text: str) -> list[str]:
    pieces: list[str] = []
    start = 0
    for match in _SENTENCE_BREAK.finditer(text):
        pieces.append(text[start : match.end()].rstrip())
        start = match.end()
    if start < len(text):
        pieces.append(text[start:])
    return pieces


def _first_clause(text: str, limit: int) -> str:
    """The longest head of `text` that ends at a clause boundary and fits `limit` with its full stop."""
    best = ""
    for match in _CLAUSE_BREAK.finditer(text):
        head = text[: match.start()].rstrip(" ,;:–—")
        if len(head) >= _MIN_CLAUSE and len(head) + 1 <= limit:
            best = head
    return best + "." if best else ""


def clip(value: object, limit: int | None = None, required: bool = True) -> str:
    """Text as finished sentences, at most `limit` characters: whole sentences while they fit, else
    the first sentence up to a clause boundary (';', ':', a dash, ', and'), with a full stop. Never
    cut inside a phrase and never an ellipsis: when not even a clause fits, the whole first sentence
    (over `limit`) or, with `required=False`, nothing. Without `limit`, only the full stop."""
    if limit is None:
        return full_stop(str(value or "").strip())
    text = full_stop(" ".join(str(value or "").split()))
    if len(text) <= limit:
        return text
    pieces = _sentences(text)
    kept = ""
    for piece in pieces:
        candidate = f"{kept} {piece}" if kept else piece
        if len(candidate) > limit:
            break
        kept = candidate
    if kept:
        return kept
    clause = _first_clause(pieces[0], limit)
    if clause:
        return clause
    return pieces[0] if required else ""


def _bare(value: object) -> str:
    return " ".join(str(value or "").split()).strip(",;")


def signature(name: object, role: object = None, org: object = None) -> str:
    """'Marta Vidal, Head of Support, Pinewood Hosting': the parts there are, joined by commas in
    every language; the organisation once, when the role already names it."""
    parts = [_bare(name), _bare(role)]
    organisation = _bare(org)
    if organisation and organisation.lower() not in parts[1].lower():
        parts.append(organisation)
    return ", ".join(part for part in parts if part)


def role_at(context: Context, role: object, org: object) -> str:
    """A role and its organisation inside a sentence: 'Head of Support at Pinewood Hosting',
    'cap de suport de Pinewood Hosting', "cap de suport d'Example Hosting", 'Responsable de soporte
    de Pinewood Hosting'. Without a role, the organisation alone."""
    role_text, organisation = _bare(role), _bare(org)
    if not role_text or not organisation or organisation.lower() in role_text.lower():
        return role_text or organisation
    lang = str(context.get("lang", "en"))
    if lang == "ca":
        joiner = "d'" if _ca_elides(organisation) else "de "
        return f"{role_text} {joiner}{organisation}"
    if lang == "es":
        return f"{role_text} de {organisation}"
    return f"{role_text} at {organisation}"


def _ca_elides(word: str) -> bool:
    """Catalan 'de' becomes "d'" before a vowel sound, not before a semivowel ('de iogurt', 'de Huelva')."""
    import unicodedata  # noqa: PLC0415

    plain = unicodedata.normalize("NFD", word.lower())
    plain = "".join(c for c in plain if not unicodedata.combining(c))
    if plain.startswith("h"):
        plain = plain[1:]
    vowels = "aeiou"
    if not plain or plain[0] not in vowels:
        return False
    return not (plain[0] in "iu" and len(plain) > 1 and plain[1] in vowels)


def first_fitting(options: object, beside: object = "", limit: int = 280, channel: str = "social-short") -> str:
    """The first non-empty option that still fits the post beside the rest of it (`beside`), as
    `channel` counts length; '' when none does. Short posts use it for a phone or an address."""
    from composer.core.templates.channels import CHANNELS  # noqa: PLC0415

    measure = CHANNELS[channel].length
    rest = str(beside or "").strip()
    for option in options if isinstance(options, (list, tuple)) else [options]:
        text = str(option or "").strip()
        # measured as the post is rendered and counted: ending with its line break
        if text and measure(f"{rest} {text}".strip() + "\n") <= limit:
            return text
    return ""


FILTERS: dict[str, Callable[..., str]] = {
    "clock": clock,
    "clock_with_article": clock_with_article,
    "date": long_date,
    "date_with_article": date_with_article,
    "day_and_clock": day_and_clock,
    "duration": duration,
    "clip": clip,
    "upper_first": upper_first,
    "full_stop": full_stop,
    "no_stop": no_stop,
    "headline": headline,
    "sentence": sentence,
    "signature": signature,
    "role_at": role_at,
    "first_fitting": first_fitting,
}
CONTEXT_FILTERS = {
    "clock",
    "clock_with_article",
    "date",
    "date_with_article",
    "day_and_clock",
    "duration",
    "role_at",
}
