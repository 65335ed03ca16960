# SPDX-License-Identifier: GPL-3.0-or-later
"""Template filters: times, dates and durations in the reader's language and zone, and text
clipped to fit a post. Dates and durations come from Babel (CLDR data), not hand-made tables."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, timedelta, tzinfo
from typing import Protocol

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
    raise FilterError(f"expected a time, got {value!r}")


def _zone_abbreviation(local: datetime) -> str:
    """'CET', 'EDT'; zones without a letter abbreviation get 'UTC-3' rather than a bare '-03'."""
    name = local.tzname() or ""
    if name and name[0].isalpha():
        return name
    minutes = int((local.utcoffset() or timedelta(0)).total_seconds() // 60)
    hours, rest = divmod(abs(minutes), 60)
    return f"UTC{'+' if minutes >= 0 else '-'}{hours}" + (f":{rest:02d}" if rest else "")


def clock(context: Context, value: object) -> str:
    """'15:30 CET (14:30 UTC)': the readers' zone first, UTC beside it."""
    moment = _as_datetime(value)
    local = moment.astimezone(_zone(context))
    text = f"{local:%H:%M} {_zone_abbreviation(local)}"
    if local.utcoffset() != timedelta(0):
        text += f" ({moment.astimezone(UTC):%H:%M} UTC)"
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
        raise FilterError(f"expected a duration, got {value!r}")
    lang = str(context.get("lang", "en"))
    hours, minutes = divmod(round(value.total_seconds() / 60), 60)
    parts: list[str] = []
    if hours:
        parts.append(format_unit(hours, "duration-hour", length="long", locale=lang))
    if minutes or not hours:
        parts.append(format_unit(minutes, "duration-minute", length="long", locale=lang))
    return format_list(parts, locale=lang)


def clip(value: object, limit: int | None = None) -> str:
    """Text as a finished sentence, at most `limit` characters: cut after a sentence when one
    ends in the last two thirds, else at a word with '…'. Adds the full stop when missing."""
    text = " ".join(str(value or "").split())
    if limit is not None and len(text) > limit:
        cut = text[: limit - 1].rstrip()
        stop = max(cut.rfind(". "), cut.rfind("; "), cut.rfind("! "), cut.rfind("? "))
        if stop > limit // 3:
            text = cut[: stop + 1].rstrip(";") + ("" if cut[stop] in ".!?" else ".")
        else:
            space = cut.rfind(" ")
            text = (cut[:space] if space > limit // 2 else cut).rstrip(",;:–- ") + "…"
    if text and not text.endswith(_SENTENCE_ENDS):
        text += "."
    return text


FILTERS: dict[str, Callable[..., str]] = {
    "clock": clock,
    "clock_with_article": clock_with_article,
    "date": long_date,
    "date_with_article": date_with_article,
    "day_and_clock": day_and_clock,
    "duration": duration,
    "clip": clip,
}
CONTEXT_FILTERS = {"clock", "clock_with_article", "date", "date_with_article", "day_and_clock", "duration"}
