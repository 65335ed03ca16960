# SPDX-License-Identifier: GPL-3.0-or-later
"""The next-update promise as readers see it: the sentence that states it, the times a body
already states, and the body with the sentence added when it states none.

One implementation for both sides: the checklist's `be-timely` rule judges the text that will be
published with `stated_promise`, and publishing adds the `next_update` field's time with
`with_promise`, so what the rule says will be added is what is added.

    promise_sentence(14:30+01:00, "ca", ZoneInfo("Europe/Madrid"))
        -> "Propera actualització abans de les 14:30 CET."
    stated_promise("… Next update by 02:15 CET. …", "en", now=…)
        -> [StatedTime(label="02:15 CET", when=02:15+01:00, …)]

Pure Python, no Qt. The checks' text helpers are imported where used: the checks package imports
this module (be-timely), so importing them here at load time would be a cycle.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta, timezone, tzinfo
from functools import lru_cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from composer.core.checks.language import WordLists
    from composer.core.model import Status

Span = tuple[int, int]

# Zone names readers know and that name one offset; any other zone is written "UTC+05:30".
SHORT_ZONE_NAMES = frozenset({"UTC", "GMT", "CET", "CEST", "WET", "WEST", "EET", "EEST"})

_SENTENCES = {
    "en": "Next update by {time}{date}.",
    "ca": "Propera actualització abans de {article} {time}{date}.",
    "es": "Próxima actualización antes de {article} {time}{date}.",
}
# The article a clock time takes: "les 14:30", "la 01:30" ("la una"); "las 14:30", "la 01:30".
_ARTICLES = {"ca": ("la", "les"), "es": ("la", "las")}

# A clock time without a date, and no next-update field to go by: the day that puts it between
# this long before "now" (a promise copied from an earlier update) and a day after that.
_STALE_WINDOW = timedelta(hours=6)


# -- the sentence ------------------------------------------------------------------------


def zone_label(local: datetime) -> str:
    """'CET', 'CEST', 'UTC'; other zones as their offset: 'UTC+05:30', 'UTC-03:00'."""
    name = local.tzname() or ""
    if name in SHORT_ZONE_NAMES:
        return name
    offset = local.utcoffset() or timedelta(0)
    if not offset:
        return "UTC"
    minutes = int(offset.total_seconds() // 60)
    hours, rest = divmod(abs(minutes), 60)
    return f"UTC{'+' if minutes >= 0 else '-'}{hours:02d}:{rest:02d}"


def _aware(moment: datetime) -> datetime:
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=UTC)


def local_time(moment: datetime, zone: tzinfo | None = None) -> datetime:
    """`moment` in the readers' zone: `zone`, else the moment's own offset."""
    moment = _aware(moment)
    return moment.astimezone(zone) if zone is not None else moment


def clock_label(moment: datetime, zone: tzinfo | None = None) -> str:
    """'14:30 CET': the time in the readers' zone with its short name."""
    local = local_time(moment, zone)
    return f"{local:%H:%M} {zone_label(local)}"


def _date_text(day: date, language: str, with_year: bool) -> str:
    from babel.dates import format_date  # noqa: PLC0415 - CLDR data, loaded only when a date is written

    if language == "ca":
        text = format_date(day, "d MMMM", locale="ca").replace("’", "'")  # "25 de novembre", "1 d'abril"
        text += f" de {day.year}" if with_year else ""
        return (" de l'" if day.day in (1, 11) else " del ") + text
    if language == "es":
        text = format_date(day, "d 'de' MMMM", locale="es") + (f" de {day.year}" if with_year else "")
        return " del " + text
    return " on " + format_date(day, "MMMM d, y" if with_year else "MMMM d", locale="en")


def promise_sentence(
    next_update: datetime, language: str, zone: tzinfo | None = None, today: date | None = None
) -> str:
    """The sentence readers get for the next-update time, in their language and zone:
    "Next update by 14:30 CET.", "Propera actualització abans de les 14:30 CET.",
    "Próxima actualización antes de las 14:30 CET.". With `today` (the readers' day, in `zone`)
    a time on another day carries its date ("… by 09:00 CET on November 25.")."""
    language = language if language in _SENTENCES else "en"
    local = local_time(next_update, zone)
    day = local.date()
    when = "" if today is None or day == today else _date_text(day, language, day.year != today.year)
    singular, plural = _ARTICLES.get(language, ("", ""))
    return _SENTENCES[language].format(
        time=clock_label(local), date=when, article=singular if local.hour == 1 else plural
    )


# -- reading the zones written in a body -----------------------------------------------------

# Abbreviations name the civil time of a region ("CET" written in July means Madrid's time, as
# writers use it); offsets and UTC are fixed. "IST" (India? Ireland? Israel?) is left unread.
_ZONE_REGIONS = {
    "CET": "Europe/Paris",
    "CEST": "Europe/Paris",
    "WET": "Europe/Lisbon",
    "WEST": "Europe/Lisbon",
    "EET": "Europe/Athens",
    "EEST": "Europe/Athens",
    "MSK": "Europe/Moscow",
    "ET": "America/New_York",
    "EST": "America/New_York",
    "EDT": "America/New_York",
    "CT": "America/Chicago",
    "CST": "America/Chicago",
    "CDT": "America/Chicago",
    "MT": "America/Denver",
    "MST": "America/Denver",
    "MDT": "America/Denver",
    "PT": "America/Los_Angeles",
    "PST": "America/Los_Angeles",
    "PDT": "America/Los_Angeles",
    "AKST": "America/Anchorage",
    "AKDT": "America/Anchorage",
    "HST": "Pacific/Honolulu",
    "JST": "Asia/Tokyo",
    "KST": "Asia/Seoul",
    "SGT": "Asia/Singapore",
    "HKT": "Asia/Hong_Kong",
    "AEST": "Australia/Sydney",
    "AEDT": "Australia/Sydney",
    "ACST": "Australia/Adelaide",
    "AWST": "Australia/Perth",
    "NZST": "Pacific/Auckland",
    "NZDT": "Pacific/Auckland",
    "BRT": "America/Sao_Paulo",
    "ART": "America/Argentina/Buenos_Aires",
}
_FIXED = {"UTC": UTC, "Z": UTC, "GMT": timezone(timedelta(0), "GMT"), "BST": timezone(timedelta(hours=1), "BST")}
# Zones written out ("hora peninsular", "Madrid time", "Eastern Standard Time"), by a word in them.
_ZONE_WORDS = (
    ("peninsular", "Europe/Madrid"),
    ("madrid", "Europe/Madrid"),
    ("barcelona", "Europe/Madrid"),
    ("canari", "Atlantic/Canary"),
    ("canàri", "Atlantic/Canary"),
    ("lisboa", "Europe/Lisbon"),
    ("londres", "Europe/London"),
    ("london", "Europe/London"),
    ("paris", "Europe/Paris"),
    ("berlin", "Europe/Berlin"),
    ("europa central", "Europe/Paris"),
    ("new york", "America/New_York"),
    ("eastern", "America/New_York"),
    ("pacific", "America/Los_Angeles"),
    ("central", "America/Chicago"),
    ("mountain", "America/Denver"),
    ("greenwich", "UTC"),
    ("coordinated universal", "UTC"),
)
_OFFSET = re.compile(r"^(?:UTC|GMT|Z)?\s?([+-])\s?(\d{1,2})(?::?(\d{2}))?$", re.IGNORECASE)


@lru_cache(maxsize=64)
def _region(name: str) -> tzinfo:
    from zoneinfo import ZoneInfo  # noqa: PLC0415

    return UTC if name == "UTC" else ZoneInfo(name)


def written_zone(text: str) -> tzinfo | None:
    """The zone a body names next to a time ("CET", "UTC+1", "+01:00", "hora peninsular"); None
    when it is not one we can place."""
    text = " ".join(text.replace("−", "-").split())
    offset = _OFFSET.match(text)
    if offset:
        minutes = int(offset.group(2)) * 60 + int(offset.group(3) or 0)
        return timezone(timedelta(minutes=-minutes if offset.group(1) == "-" else minutes))
    upper = text.upper()
    if upper in _FIXED:
        return _FIXED[upper]
    if upper in _ZONE_REGIONS:
        return _region(_ZONE_REGIONS[upper])
    lower = text.lower()
    return next((_region(region) for word, region in _ZONE_WORDS if word in lower), None)


def readers_zone(extra: Mapping[str, object]) -> tzinfo | None:
    """The readers' zone of an update made from a template (its `zone` value), else None (the
    caller's default: the checks use the zone of "now")."""
    from composer.core.outgoing import template_spec  # noqa: PLC0415

    spec = template_spec(extra)
    name = spec[1].get("zone") if spec else None
    if not name:
        return None
    try:
        return _region(str(name))
    except (ValueError, LookupError):  # ZoneInfoNotFoundError is a KeyError
        return None


# -- reading the dates written next to a time ----------------------------------------------------


@lru_cache(maxsize=8)
def _calendar_words(language: str) -> tuple[re.Pattern[str], dict[str, int], re.Pattern[str], dict[str, int]]:
    """Month and weekday names of a language (CLDR, through Babel): patterns and their numbers."""
    from babel.dates import get_day_names, get_month_names  # noqa: PLC0415

    months: dict[str, int] = {}
    for width in ("wide", "abbreviated"):
        for number, name in get_month_names(width, "stand-alone", language).items():
            months[name.lower().rstrip(".")] = number
    if language == "es":
        months["setiembre"] = 9
    days = {name.lower(): number for number, name in get_day_names("wide", "format", language).items()}
    month_names = "|".join(re.escape(m) for m in sorted(months, key=len, reverse=True))
    month = rf"(?P<month>{month_names})\.?"
    day = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th|r|º|ª)?"
    year = r"(?:,?\s+(?:de\s+|del\s+)?(?P<year>\d{4}))?"
    # English also writes the month first: "November 25".
    month_first = (
        rf"|(?P<month2>{month_names})\.?\s+(?P<day2>[0-3]?\d)(?:st|nd|rd|th)?{year.replace('year', 'year2')}"
        if language == "en"
        else ""
    )
    dates = re.compile(
        rf"(?<![\w/:.-])(?:(?P<iso>\d{{4}}-\d{{2}}-\d{{2}})|{day}\s+(?:de\s+|d['’]\s*)?{month}{year}{month_first}"
        r"|(?P<numeric>\d{1,2}/\d{1,2}(?:/\d{2,4})?))(?![\w/:])",
        re.IGNORECASE,
    )
    weekday = re.compile(rf"(?<![\w])(?:{'|'.join(sorted(days, key=len, reverse=True))})(?![\w])", re.IGNORECASE)
    return dates, months, weekday, days


def _nearest_year(month: int, day: int, ref: date) -> date | None:
    found = []
    for year in (ref.year - 1, ref.year, ref.year + 1):
        try:
            found.append(date(year, month, day))
        except ValueError:
            continue
    return min(found, key=lambda d: abs(d - ref), default=None)


# What a sentence says about the day: ("none",), ("unreadable",), ("shift", days) for
# today/tomorrow, ("date", year or 0, month, day), ("weekday", 0-6).
DayCue = tuple[str | int, ...]


@lru_cache(maxsize=512)
def _day_cue(sentence: str, words: WordLists) -> DayCue:
    """The day a promise sentence names, read once per sentence text (drafts are re-checked on
    every keystroke, with a new "now" each time)."""
    if words.has("tomorrow", sentence):
        return ("shift", 1)
    if words.has("today", sentence):
        return ("shift", 0)
    dates, months, weekday, days = _calendar_words(words.language)
    found = dates.search(sentence)
    if found:
        groups = found.groupdict()
        if groups["numeric"]:
            return ("unreadable",)  # "11/12": day first or month first?
        if groups["iso"]:
            year, month, day = (int(part) for part in groups["iso"].split("-"))
            return ("date", year, month, day)
        month = months[(groups["month"] or groups.get("month2") or "").lower()]
        day = int(groups["day"] or groups.get("day2") or 0)
        return ("date", int(groups["year"] or groups.get("year2") or 0), month, day)
    named = weekday.search(sentence)
    if named:
        return ("weekday", days[named.group(0).lower()])
    return ("none",)


def _day_of(cue: DayCue, ref: date) -> date | bool:
    """The day a cue names, counted from `ref` (the day of "now"): a date, True when the sentence
    names none, False when it names one that cannot be placed."""
    kind = cue[0]
    if kind == "none":
        return True
    if kind == "shift":
        return ref + timedelta(days=int(cue[1]))
    if kind == "weekday":
        return ref + timedelta(days=(int(cue[1]) - ref.weekday()) % 7)
    if kind == "date":
        year, month, day = (int(part) for part in cue[1:4])
        if not year:
            return _nearest_year(month, day, ref) or False
        try:
            return date(year, month, day)
        except ValueError:
            return False
    return False


def _at(day: date, hour: int, minute: int, zone: tzinfo) -> datetime:
    return datetime(day.year, day.month, day.day, hour, minute, tzinfo=zone)


@dataclass(frozen=True)
class _Reading:
    """What placing a body's times goes by (see `stated_promise`)."""

    words: WordLists
    now: datetime | None
    zone: tzinfo | None
    near: datetime | None


_UTC_ASIDE = re.compile(r"\(\s*\d{1,2}[:.h]\d{2}\s*(?:UTC|GMT|Z)\b[^()]*\)", re.IGNORECASE)


def _resolve_clock(hour: int, minute: int, zone: tzinfo, sentence: str, reading: _Reading) -> datetime | None:
    now, near = reading.now, reading.near
    anchor = now or near  # "tomorrow" counts from when the update goes out
    if anchor is None or not 0 <= hour <= 23:
        return None
    # "00:30 CET (23:30 UTC, 23 Nov)": the date in the aside is UTC's day, not the promise's.
    sentence = _UTC_ASIDE.sub("", sentence)
    day = _day_of(_day_cue(sentence, reading.words), _aware(anchor).astimezone(zone).date())
    if day is False:
        return None
    if isinstance(day, date):
        return _at(day, hour, minute, zone)
    # Nearest the next-update field when there is one; else the day that makes it due between a
    # few hours ago (a promise copied from an earlier update) and later today or tomorrow.
    target = _aware(near) if near is not None else _aware(anchor) + timedelta(hours=12) - _STALE_WINDOW
    around = target.astimezone(zone).date()
    candidates = [_at(around + timedelta(days=shift), hour, minute, zone) for shift in (-1, 0, 1)]
    return min(candidates, key=lambda c: abs(c - target))


# -- reading the promise in a body ---------------------------------------------------------------

_NUMBER_WORDS = {
    "half an": 0.5, "half": 0.5, "mitja": 0.5, "media": 0.5,
    "a": 1, "an": 1, "one": 1, "un": 1, "una": 1, "two": 2, "dues": 2, "dos": 2,
    "fifteen": 15, "quinze": 15, "quince": 15, "twenty": 20, "vint": 20, "veinte": 20,
    "thirty": 30, "trenta": 30, "treinta": 30, "sixty": 60, "seixanta": 60, "sesenta": 60,
}  # fmt: skip
_DURATION = re.compile(
    r"(?<![\w])(?:(?P<number>\d+(?:[.,]\d+)?|"
    + "|".join(sorted(_NUMBER_WORDS, key=len, reverse=True))
    + r")\s*)?(?P<unit>minutes?|mins?|minuts?|minutos?|hours?|hrs?|hores|horas?|h)(?![\w])",
    re.IGNORECASE,
)


def duration_of(phrase: str) -> timedelta | None:
    """How long a relative promise gives: "within 30 minutes" 30 min, "d'aquí a mitja hora" 30 min,
    "within the hour" 1 h; None for "no later than", which needs a time after it."""
    found = _DURATION.search(phrase)
    if found is None:
        return None
    number = found.group("number")
    if number is None:
        amount = 1.0
    elif number[0].isdigit():
        amount = float(number.replace(",", "."))
    else:
        amount = float(_NUMBER_WORDS[number.lower()])
    minutes = amount if found.group("unit").lower().startswith("m") else amount * 60
    return timedelta(minutes=minutes)


@dataclass(frozen=True)
class StatedTime:
    """A next-update time a body states."""

    sentence: Span  # the sentence that makes the promise
    span: Span  # the time in it, as written: "09:45", "2 p.m." (its zone is in `label`), "within 30 minutes"
    label: str  # how messages name it: "09:45 CET", "14:00 PST", "10:30" (no zone), "within 30 minutes"
    relative: bool  # "within 30 minutes", counted from when the update goes out
    zoned: bool  # a clock time with its zone (a relative time is always understood)
    when: datetime | None  # the moment promised, when it can be placed
    within: timedelta | None = None  # a relative promise's length
    zone: tzinfo | None = None  # the zone the time is read in


@dataclass(frozen=True)
class _Candidate:
    start: int
    end: int
    relative: bool
    hour: int = -1
    minute: int = 0
    zoned: bool = True
    zone: Span | None = None
    within: timedelta | None = None


def _pick(candidates: list[_Candidate], phrases: list[Span]) -> _Candidate | None:
    """The time a promise sentence promises: the first one after the last next-update phrase
    that has one after it ("We posted an update at 09:30 CET; the next update is at 10:30 CET"),
    else the last one before the phrase ("By 10:30 CET we will post another update")."""
    for _, phrase_end in reversed(phrases):
        after = [c for c in candidates if c.start >= phrase_end]
        if after:
            return after[0]
    before = [c for c in candidates if c.start < phrases[0][0]]
    return before[-1] if before else (candidates[0] if candidates else None)


def stated_promise(
    body: str,
    language: str,
    *,
    now: datetime | None = None,
    zone: tzinfo | None = None,
    near: datetime | None = None,
    words: WordLists | None = None,
) -> list[StatedTime]:
    """The next-update times `body` states, one per sentence that promises one: a clock time
    ("Next update by 10:00 CET", "Propera actualització a les 10:00 CET") or a relative time
    ("within 30 minutes", "d'aquí a mitja hora", "en una hora").

    `when` places each: a relative time from `now`; a clock time in its written zone (or `zone`,
    the readers', when it has none), on the day the sentence names ("tomorrow", "dilluns",
    "25 de noviembre"), else on the day nearest `near` (the next-update field), else due between
    6 hours before `now` and 18 hours after. `words` are the checks' word lists (with the
    organisation's extra phrases); by default the language's own."""
    from composer.core.checks.language import word_lists  # noqa: PLC0415 - see the module docstring
    from composer.core.checks.text import clock_times, sentences  # noqa: PLC0415

    words = words or word_lists(language)
    announced = words.find("next_update", body)
    if not announced:
        return []
    relative = words.find("relative_time", body)
    clocks = clock_times(body)
    reading = _Reading(words, now, zone, near)
    announced_at = [s for s, _ in announced]
    relative_at = [s for s, _ in relative]
    clocks_at = [t.start for t in clocks]
    stated: list[StatedTime] = []
    for start, end in sentences(body):
        # Hits come in text order: each sentence takes its own by bisection (a long draft is
        # checked on every keystroke).
        phrases = announced[bisect_left(announced_at, start) : bisect_left(announced_at, end)]
        if not phrases:
            continue
        rel = [
            _Candidate(s, e, True, within=duration_of(body[s:e]))
            for s, e in relative[bisect_left(relative_at, start) : bisect_left(relative_at, end)]
        ]
        times = [
            _Candidate(t.start, t.end, False, t.hour, t.minute, t.zoned, t.zone)
            for t in clocks[bisect_left(clocks_at, start) : bisect_left(clocks_at, end)]
            if not any(r.start < t.end and t.start < r.end for r in rel)
        ]
        valued = sorted([c for c in rel if c.within is not None] + times, key=lambda c: c.start)
        chosen = _pick(valued, phrases) if valued else (rel[0] if rel else None)
        if chosen is None:
            continue
        stated.append(_stated(body, (start, end), chosen, reading))
    return stated


def _stated(body: str, sentence: Span, chosen: _Candidate, reading: _Reading) -> StatedTime:
    now = reading.now
    if chosen.relative:
        text = body[chosen.start : chosen.end]
        when = _aware(now) + chosen.within if now is not None and chosen.within is not None else None
        return StatedTime(sentence, (chosen.start, chosen.end), text, True, True, when, chosen.within)
    clock = f"{chosen.hour:02d}:{chosen.minute:02d}"
    label, read_in = clock, reading.zone
    if chosen.zone is not None:
        zone_text = body[chosen.zone[0] : chosen.zone[1]]
        label, read_in = f"{clock} {zone_text}", written_zone(zone_text)
    when = None
    if read_in is not None:
        text = body[sentence[0] : sentence[1]]
        when = _resolve_clock(chosen.hour, chosen.minute, read_in, text, reading)
    return StatedTime(sentence, (chosen.start, chosen.end), label, False, chosen.zoned, when, None, read_in)


# -- the body with the promise ------------------------------------------------------------------


def insertion(body: str, at: int, sentence: str) -> tuple[int, int, str]:
    """Where and how to put `sentence` in `body` as a paragraph of its own, just before offset `at`
    (the sign-off) or, when `at` is at the end of the text, after the last paragraph:
    (start, end, text) replacing body[start:end]."""
    end_of_text = len(body.rstrip())
    if not body.strip():
        return 0, len(body), sentence
    if at >= end_of_text:
        return end_of_text, end_of_text, f"\n\n{sentence}"
    return at, at, f"{sentence}\n\n"


def with_promise(
    body: str,
    next_update: datetime | None,
    language: str,
    zone: tzinfo | None = None,
    *,
    today: date | None = None,
    status: Status | None = None,
    words: WordLists | None = None,
) -> str:
    """The body readers get: with the next-update sentence added above the sign-off (else at the
    end) when the body states no next-update time of its own; unchanged when it states one, when
    there is no `next_update`, or for a closed update (`status` resolved/completed owes none).
    `today` is the publishing day in the readers' zone: a time on another day gets its date.
    `words`: the checks' word lists when the organisation adds phrases (as the checks see them)."""
    if next_update is None or (status is not None and status.is_closed):
        return body
    from composer.core.checks.language import word_lists  # noqa: PLC0415 - see the module docstring

    words = words or word_lists(language)
    if stated_promise(body, language, words=words):
        return body
    sentence = promise_sentence(next_update, language, zone, today)
    start, end, text = insertion(body, sign_off_start(body, words), sentence)
    return body[:start] + text + body[end:]


def sign_off_start(body: str, words: WordLists) -> int:
    """Where the signature block starts, found as the sign-your-name rule finds it (else the end)."""
    from composer.core.checks.base import Draft  # noqa: PLC0415 - see the module docstring
    from composer.core.checks.config import CheckConfig  # noqa: PLC0415
    from composer.core.checks.rules.signature import closing_block_start  # noqa: PLC0415

    # Finding the sign-off does not look at the time: any fixed moment will do.
    any_time = datetime(2000, 1, 1, tzinfo=UTC)
    draft = Draft(body=body, now=any_time, language=words.language, config=CheckConfig(), words=words)
    return closing_block_start(draft)
