# SPDX-License-Identifier: GPL-3.0-or-later
"""Finding things in an update's text: sentences, clock times, closing lines, contact data."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import TypeVar, cast

Span = tuple[int, int]
Hit = TypeVar("Hit", bound=tuple[int, ...])  # (start, end, *what else the finder says)

# Finders run per paragraph and remember their results by the paragraph's text: a keystroke
# changes one paragraph, so re-checking a long draft re-scans only that one. Nothing a finder
# looks for (a phrase, a time, a phone number) crosses a blank line, so this is exact.
_MEMO: dict[tuple[object, str], tuple[tuple[int, ...], ...]] = {}
_MEMO_LIMIT = 50_000
_BLANK_LINE = re.compile(r"\n[ \t]*\n")


def paragraph_bounds(text: str) -> list[Span]:
    bounds: list[Span] = []
    start = 0
    for match in _BLANK_LINE.finditer(text):
        bounds.append((start, match.start()))
        start = match.end()
    bounds.append((start, len(text)))
    return bounds


def by_paragraph(key: object, finder: Callable[[str], Iterable[Hit]], text: str) -> list[Hit]:
    """Run `finder(paragraph) -> [(start, end, *rest)]` over each paragraph, with offsets into `text`."""
    found: list[Hit] = []
    for start, end in paragraph_bounds(text):
        chunk = text[start:end]
        if not chunk.strip():
            continue
        memo_key = (key, chunk)
        hits = _MEMO.get(memo_key)
        if hits is None:
            if len(_MEMO) >= _MEMO_LIMIT:
                _MEMO.clear()
            hits = _MEMO[memo_key] = tuple(tuple(hit) for hit in finder(chunk))
        # Shifted, a hit keeps the shape the finder gave it (the memo holds every finder's hits).
        found.extend(cast(Hit, (hit[0] + start, hit[1] + start, *hit[2:])) for hit in hits)
    return found


# Clock times: 14:30, 9:05, 14h30, 15 h, 15h, 13:44hrs, 15 hores, 2pm, 2:30 p.m., 9.00am, the 4pm of
# "9am-4pm", a log's 10:13:21, and an hour that ends a clause ("fins a les 20h:"; "- 12:33:" heads a
# timeline's line and is read as before). Not inside IPs, dates ("2026-11-24"), versions or UTC
# offsets ("GMT-4:00").
_CLOCK = re.compile(
    r"(?<![\w.:/+−])(?<!\d[-−])(?<!(?:GMT|UTC|gmt|utc)[-+−])(?:"
    r"(?P<hm>(?:[01]?\d|2[0-3])[:h][0-5]\d(?::[0-5]\d)?)(?:\s?(?P<ampm1>[ap]\.?\s?m\.?))?(?:\s?(?:hrs?|hores|horas|h)\b)?"
    r"|(?P<hd>(?:[01]?\d|2[0-3])[.,][0-5]\d)\s?(?:h|hrs?|hores|horas)\b"  # "7.30 horas", "16,55 h"
    r"|(?P<hda>(?:1[0-2]|0?[1-9])\.[0-5]\d)\s?(?P<ampm3>[ap]\.?\s?m\.?)"  # "9.00am"
    r"|(?P<h12>(?:1[0-2]|0?[1-9]))\s?(?P<ampm2>[ap]\.?\s?m\.?)"
    r"|(?P<hh>(?:[01]?\d|2[0-3]))\s?(?:h|hrs|hores|horas)(?![\w])"
    r")(?!\w|:\d|\.\d)",
    re.IGNORECASE,
)
_ZONE = (
    # Abbreviations are matched in capitals only: "et", "at" and "pt" are words too.
    r"(?:(?-i:UTC|GMT|Z|CET|CEST|WET|WEST|EET|EEST|BST|IST|PST|PDT|MST|MDT|CST|CDT|EST|EDT|AKST|AKDT|HST|"
    r"JST|KST|AEST|AEDT|ACST|AWST|NZST|NZDT|SGT|HKT|BRT|ART|MSK|ET|PT|CT|MT)|utc|gmt"
    # in lower case too where no word is spelt the same ("5:00am pst")
    r"|(?-i:pst|pdt|edt|cdt|mdt|cest|bst))"
    r"(?:\s?[+-−]\s?\d{1,2}(?::?\d{2})?)?"
    r"|[+-−]\d{2}:?\d{2}"
    r"|(?:hora|horario) (?:peninsular|de (?:Madrid|Barcelona|Canarias|Lisboa|Londres|Europa central))"
    r"|hora (?:canària|canaria|local de (?:Madrid|Barcelona))"
    r"|(?:Madrid|Barcelona|London|Paris|Berlin|New York|Pacific|Eastern|Central|Mountain) time"
    r"|(?:Pacific|Eastern|Central|Mountain|Greenwich Mean|Coordinated Universal) (?:Standard |Daylight )?Time"
)
# What makes "15 h" / "15 hores" a clock time rather than a duration.
_HOUR_ONLY_LEAD = re.compile(
    r"(?:\b(?:a|at|de|from|to|until|till|entre|fins|hasta|hacia|sobre|les|las|la)\s+)$", re.IGNORECASE
)
# A zone right after the time ("14:30 CET", "14:30 (UTC+1)") or right before it ("UTC 14:30").
_ZONE_AFTER = re.compile(rf"^[\s,]*\(?\s*(?P<zone>{_ZONE})(?![\w])", re.IGNORECASE)
_ZONE_BEFORE = re.compile(rf"(?<![\w])(?P<zone>{_ZONE})\s*$", re.IGNORECASE)
# "between 09:12 and 09:40 CET": the zone after the second time covers the first.
_RANGE_JOIN = re.compile(
    r"^\s*(?:-|–|—|to|until|and|till|i|a|y|fins a|fins les|hasta|hasta las)\s*(?:les\s|las\s)?$", re.IGNORECASE
)


@dataclass(frozen=True)
class ClockTime:
    start: int
    end: int
    zoned: bool
    hour: int = -1  # 0-23, as read ("2pm" -> 14)
    minute: int = 0
    zone: Span | None = None  # where its zone is written (after it, before it, or after the time it is joined to)


def clock_times(text: str) -> list[ClockTime]:
    found = []
    for start, end, zoned, hour, minute, zone_from, zone_to in by_paragraph("clock", _clock_times, text):
        # The zone is kept relative to the time (paragraph offsets shift only a hit's own span).
        zone = (start + zone_from, start + zone_to) if zoned else None
        found.append(ClockTime(start, end, zoned, hour, minute, zone))
    return found


def _hour_minute(match: re.Match[str]) -> tuple[int, int]:
    if match.group("hm"):
        hour, minute = (int(part) for part in re.split("[:h]", match.group("hm").lower())[:2])
        ampm = match.group("ampm1")
    elif match.group("hd"):
        hour, minute, ampm = (*(int(part) for part in re.split("[.,]", match.group("hd"))), None)
    elif match.group("hda"):
        hour, minute, ampm = (*(int(part) for part in match.group("hda").split(".")), match.group("ampm3"))
    elif match.group("h12"):
        hour, minute, ampm = int(match.group("h12")), 0, match.group("ampm2")
    else:
        hour, minute, ampm = int(match.group("hh")), 0, None
    if ampm and hour <= 12:
        hour = hour % 12 + (12 if ampm.lower().startswith("p") else 0)
    return hour, minute


# Times people write without a colon, taken only where nothing else can be meant: four digits
# in a range or with an hour word ("between 1730 and 1830", "0800-2000", "1730hrs"; two years
# such as "2019-2020" are not), and "16.40" after "at", "from", "until"… (not a version).
_HHMM = r"(?:[01]\d|2[0-3])[0-5]\d"
_MILITARY = re.compile(
    rf"(?<![\w.:/-])(?P<a>{_HHMM})(?:\s?(?:-|–|to|and|until)\s?(?:approximately\s)?(?P<b>{_HHMM})|\s?(?:hrs|hours|h)\b)"
    r"(?![\w:]|\.\d)",
    re.IGNORECASE,
)
_DOTTED = re.compile(
    r"(?<![\w.:/-])(?:[01]?\d|2[0-3])\.[0-5]\d(?![\w:%]|\.\d|\s?(?:%|€|£|\$|(?:[kmgt]b|ms|s|kg|km|m|mm|v|kw|kwh|mbps|gbps)\b))",
    re.IGNORECASE,
)
_DOTTED_LEAD = re.compile(
    r"\b(?:at|from|until|till|by|between|after|before|to|and|approximately|around)\s+$", re.IGNORECASE
)
_VERSION_LEAD = re.compile(r"\b(?:version|v|release|python|php|kernel|ubuntu|debian|node|mysql|postgresql)\b", re.I)


def _written_times(text: str) -> list[tuple[int, int, int, int]]:
    """(start, end, hour, minute) of every clock time in `text`, in order."""
    times: list[tuple[int, int, int, int]] = []
    for match in _CLOCK.finditer(text):
        start, end = match.span()
        if match.group("hh") and not _HOUR_ONLY_LEAD.search(text[max(0, start - 16) : start]):
            continue  # "12 horas" is a duration; "a las 12 horas", "de 8 a 15 hores" are times
        if text.startswith(":", end) and not re.search(r"[^\W\d]$", match.group()):
            continue  # "- 12:33: The machine failed": a timeline's label, not "fins a les 20h:"
        times.append((start, end, *_hour_minute(match)))
    for match in _MILITARY.finditer(text):
        found = [match.group("a")] + ([match.group("b")] if match.group("b") else [])
        if len(found) == 2 and all(1900 <= int(value) <= 2099 for value in found):
            continue  # "2019-2020": years
        for name, value in zip(("a", "b"), found, strict=False):
            times.append((match.start(name), match.end(name), int(value[:2]), int(value[2:])))
    for match in _DOTTED.finditer(text):
        before = text[max(0, match.start() - 30) : match.start()]
        if _DOTTED_LEAD.search(before) and not _VERSION_LEAD.search(before):
            hour, minute = match.group().split(".")
            times.append((match.start(), match.end(), int(hour), int(minute)))
    times.sort(key=lambda time: (time[0], -time[1]))  # at one place, the longest reading ("9.30 p.m.")
    # One reading of each place.
    kept: list[tuple[int, int, int, int]] = []
    for time in times:
        if not kept or time[0] >= kept[-1][1]:
            kept.append(time)
    return kept


def _clock_times(text: str) -> list[tuple[int, int, bool, int, int, int, int]]:
    found: list[tuple[int, int, bool, int, int, int, int]] = []
    written = _written_times(text)
    for index, (start, end, hour, minute) in enumerate(written):
        after = _ZONE_AFTER.match(text[end : end + 40])
        if after and index + 1 < len(written) and written[index + 1][0] < end + after.end("zone"):
            after = None  # "0800-2000", "14:30-15:30": the next time of a range, not a UTC offset
        before = None if after else _ZONE_BEFORE.search(text[max(0, start - 12) : start])
        if after:
            zone = (end - start + after.start("zone"), end - start + after.end("zone"))
        elif before:
            back = min(start, 12)
            zone = (before.start("zone") - back, before.end("zone") - back)
        else:
            zone = (0, 0)
        found.append((start, end, bool(after or before), hour, minute, *zone))
    # A time joined to a zoned time by "to"/"and"/"-" shares its zone.
    for i in range(len(found) - 2, -1, -1):
        start, end, zoned, hour, minute, _, _ = found[i]
        nxt = found[i + 1]
        if not zoned and nxt[2] and _RANGE_JOIN.match(text[end : nxt[0]]):
            found[i] = (start, end, True, hour, minute, nxt[0] - start + nxt[5], nxt[0] - start + nxt[6])
    return found


_SENTENCE_END = re.compile(r"(?<=[.!?…])[\"”»)]*\s+|\n\s*\n|\n(?=\s*(?:[-*+]|\d+[.)])\s)")


def sentences(text: str) -> list[Span]:
    """Sentence spans, splitting at end punctuation, blank lines and list items."""
    return by_paragraph("sentences", _sentences, text)


def _sentences(text: str) -> list[Span]:
    spans: list[Span] = []
    start = 0
    for match in _SENTENCE_END.finditer(text):
        if text[start : match.start()].strip():
            spans.append(_trim(text, start, match.start()))
        start = match.end()
    if text[start:].strip():
        spans.append(_trim(text, start, len(text)))
    return spans


def _trim(text: str, start: int, end: int) -> Span:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def lines(text: str) -> list[Span]:
    """Non-empty lines, as spans without surrounding white space."""
    spans: list[Span] = []
    offset = 0
    for line in text.splitlines(keepends=True):
        if line.strip():
            spans.append(_trim(text, offset, offset + len(line)))
        offset += len(line)
    return spans


_MARKDOWN_LINE = re.compile(r"^(?:[#>*_\-–—~=\s]|\d+[.)]\s)+|[*_~`\s]+$")


def plain_line(line: str) -> str:
    """A line without Markdown markers, leading dashes or trailing emphasis."""
    return _MARKDOWN_LINE.sub("", line).strip()


def word_count(text: str) -> int:
    return len(re.findall(r"[^\W\d_]+(?:['’-][^\W\d_]+)*", text))


URL = re.compile(r"\b(?:https?://|www\.)[^\s<>()\[\]]+[^\s<>()\[\].,;:!?'\"”]", re.IGNORECASE)
EMAIL_CANDIDATE = re.compile(r"(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)+", re.UNICODE)


def urls(text: str) -> list[Span]:
    return by_paragraph(URL, lambda chunk: [m.span() for m in URL.finditer(chunk)], text)


def emails(text: str) -> list[Span]:
    """Email addresses that are valid by email-validator's syntax rules (no DNS lookups)."""
    return by_paragraph("emails", _emails, text)


def _emails(text: str) -> list[Span]:
    from email_validator import EmailNotValidError, validate_email  # noqa: PLC0415

    found: list[Span] = []
    for match in EMAIL_CANDIDATE.finditer(text):
        try:
            validate_email(match.group(0), check_deliverability=False)
        except EmailNotValidError:
            continue
        found.append(match.span())
    return found


def phone_numbers(text: str, region: str) -> list[Span]:
    """Valid phone numbers (Google's libphonenumber rules); `region` for numbers without +country."""
    return by_paragraph(("phones", region), lambda chunk: _phone_numbers(chunk, region), text)


def _phone_numbers(text: str, region: str) -> list[Span]:
    import phonenumbers  # noqa: PLC0415

    matcher = phonenumbers.PhoneNumberMatcher(text, region or None, leniency=phonenumbers.Leniency.VALID)
    found = [(m.start, m.end) for m in matcher]
    # Numbers with letters for digits ("214-768-HELP", "1-800-FLOWERS"): valid once the letters
    # are read as the keypad digits, as libphonenumber does for a number it is given whole.
    for vanity in _VANITY.finditer(text):
        if any(start < vanity.end() and vanity.start() < end for start, end in found):
            continue
        try:
            number = phonenumbers.parse(phonenumbers.convert_alpha_characters_in_number(vanity.group()), region or None)
        except phonenumbers.NumberParseException:
            continue
        if phonenumbers.is_valid_number(number):
            found.append(vanity.span())
    return sorted(found)


_VANITY = re.compile(
    r"(?<![\w+])\+?(?:\d[ .-]?)?\(?\d{3}\)?[ .-]?(?:\d{3}[ .-]?[A-Z]{4}|[A-Z]{3}[ .-]?[A-Z]{4}|[A-Z0-9]{7})(?!\w)"
)
