# SPDX-License-Identifier: GPL-3.0-or-later
"""Every built-in template, filled in with real-looking values of every shape (lowercase and capital
starts, with '.', '!' or no final punctuation, short, long and several sentences), reads as prose:

- a value never starts with a capital in the middle of a sentence (the templates put values at the
  start of a sentence or after a line's label, never after words they continue);
- no sentence starts with a lowercase letter, and a value that starts one is capitalised;
- every sentence ends once: no missing full stop after a value, no '..', no '!.';
- a role and an organisation are never run together ('Head of Support Pinewood Hosting');
- social posts are cut at a sentence or a clause, never mid-phrase, never with '…';
- the short post carries a phone or an email when they fit; the contact pages carry the same fields.

The checks are plain functions returning the glitches they find; a failure names the template, the
shape of the values and the exact glitch with the text around it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, datetime
from html.parser import HTMLParser

import pytest

from composer.core.templates import TemplateLibrary, render_template
from composer.core.templates.filters import clip, first_fitting, full_stop, headline, role_at, sentence, signature
from composer.core.templates.filters import upper_first as capitalised
from composer.core.templates.library import TemplateInfo

LIBRARY = TemplateLibrary().load()
BUILTIN = sorted((t for t in LIBRARY.all() if t.builtin), key=lambda t: t.id)
FIXED_NOW = datetime(2026, 11, 24, 9, 30, tzinfo=UTC)
SOCIAL = ("social-short", "social-medium")

# ---------------------------------------------------------------------------------------------
# The values


# Prose fields: what a user types as a clause or a few sentences. Each has its own words, so its
# place in the text can be found; every shape below is built from them.
PROSE = {
    "impact": ("hosted websites do not load", "pages time out after thirty seconds"),
    "customer_impact": ("your shop could not take card payments", "buyers saw an error at the checkout"),
    "cause": ("a disk on the storage server failed", "the spare disk was missing from its slot"),
    "fix": ("we replaced the broken disk", "the storage array rebuilt itself overnight"),
    "workaround": ("urgent messages can go through webmail", "the mobile app keeps working as usual"),
    "data_loss": ("no data was lost or exposed", "every message waited in the queue"),
    "next_steps": ("we will keep a spare disk in every server", "a second person checks each change"),
    "remedy": ("we have credited a month of service to your account", "it is on your next bill"),
    "reason": ("we are moving mailboxes to faster storage", "the old disks are six years old"),
    "result": ("webmail opens twice as fast now", "searches take a second"),
    "changes": ("mail now runs on brand new servers", "they have twice the room"),
    "plan": ("we are restoring the backups one by one", "the oldest mailboxes go first"),
    "progress": ("half of the mailboxes have moved", "the rest follow within the hour"),
    "services": ("webmail, IMAP and the control panel", "SMTP"),
    "phone_hours": ("every day, 08:00 to 22:00 CET", "weekends too"),
}
# A long tail for the "long" shape: clauses a clip can stop at, then a long last sentence.
LONG_TAIL = (
    ", and customers on the older plans see the same error in the control panel; we are checking every "
    "server in the cluster one by one because the fault may have spread before we caught it"
)
# Text fields written once and placed anywhere: names are capitalised by whoever types them.
NAMES = {
    "signer_name": "Marta Vidal",
    "signer_role": "Head of Support",
    "org_name": "Pinewood Hosting",
    "customer_name": "Laura",
    "org_phone": "+34 930 000 000",
    "signer_phone": "+34 930 000 001",
    "org_email": "support@pinewood.example",
    "signer_email": "marta.vidal@pinewood.example",
    "long_url": "https://status.pinewood.example/incidents/42",
    "status_url": "https://status.pinewood.example",
    "contact_url": "https://pinewood.example/contact",
    "zone": "Europe/Madrid",
}
TIMES = {
    "started": "2026-11-24T09:12:00+01:00",
    "resolved_at": "2026-11-24T10:05:00+01:00",
    "next_update": "2026-11-24T10:30:00+01:00",
    "window_start": "2026-11-28T23:00:00+01:00",
    "window_end": "2026-11-29T00:30:00+01:00",
    "postmortem_by": "2026-11-27T18:00:00+01:00",
    "report_by": "2026-11-27T18:00:00+01:00",
}
TIMELINE = "- 09:05 CET: we changed a setting.\n- 10:05 CET: everything worked again."
TITLES = {
    "plain": "hosted websites down",
    "proper": "Hosted websites down.",
    "bang": "Websites down!",
    "multi": "websites down",
    "long": "Hosted websites and the control panel down for customers in Madrid",
    "brand": "iPhone app down",
}


def shaped(field: str, shape: str) -> str:
    """One prose value in one shape."""
    first, second = PROSE[field]
    if shape == "plain":  # lowercase, no final punctuation
        return first
    if shape == "proper":  # a finished sentence
        return capitalised(first) + "."
    if shape == "bang":
        return capitalised(first) + "!"
    if shape == "multi":  # two sentences, the last without its full stop
        return f"{first}. {capitalised(second)}"
    if shape == "long":
        return capitalised(first) + LONG_TAIL + ". " + capitalised(second) + "."
    if shape == "brand":  # a first word written in its own case
        return f"iPhone: {first}"
    raise ValueError(shape)


SHAPES = ("plain", "proper", "bang", "multi", "long", "brand")


def values_for(info: TemplateInfo, shape: str) -> dict[str, object]:
    values: dict[str, object] = {}
    for spec in info.fields:
        if spec.name in PROSE:
            values[spec.name] = shaped(spec.name, shape)
        elif spec.name == "title":
            values[spec.name] = TITLES[shape]
        elif spec.name == "timeline":
            values[spec.name] = TIMELINE
        elif spec.name in NAMES:
            values[spec.name] = NAMES[spec.name]
        elif spec.name in TIMES:
            values[spec.name] = TIMES[spec.name]
        else:  # a field this test does not know yet: its example
            values[spec.name] = spec.example_for(info.language)
    return values


# ---------------------------------------------------------------------------------------------
# The text as a reader sees it


class _VisibleText(HTMLParser):
    """The text of a page as it shows: no head, no style, a line break per block."""

    BLOCKS = frozenset({"p", "h1", "h2", "h3", "li", "div", "header", "footer", "ul", "br", "small", "main"})

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._hidden = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("head", "style", "script"):
            self._hidden += 1
        elif tag in self.BLOCKS:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in ("head", "style", "script"):
            self._hidden -= 1
        elif tag in self.BLOCKS:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if not self._hidden:
            self.parts.append(data)


def reader_text(channel: str, text: str) -> str:
    """Lines of prose: a page's visible text, Markdown without its emphasis; paragraphs apart."""
    if channel == "page":
        parser = _VisibleText()
        parser.feed(text)
        lines = [" ".join(line.split()) for line in "".join(parser.parts).split("\n")]
        return "\n\n".join(line for line in lines if line)
    text = text.replace("**", "").replace("__", "")
    return "\n".join(line.rstrip() for line in text.splitlines())


# ---------------------------------------------------------------------------------------------
# Where a piece of text sits in its sentence

_ENDS = ".!?…"
_CLOSING = ")]\"'»”’*"
_OPENING = "\"'«“‘(¿¡*_"
_LINE_MARK = re.compile(r"^\s*(?:#+|[-•*–]|\d+\.)\s+")


def _ends_sentence(text: str) -> bool:
    return text.rstrip().rstrip(_CLOSING).endswith(tuple(_ENDS))


def context_at(text: str, position: int) -> str:
    """'start' (a sentence starts here), 'label' (right after a label that starts a line or a
    sentence: "What we did: ") or 'mid' (inside a sentence)."""
    line_start = text.rfind("\n", 0, position) + 1
    before = _LINE_MARK.sub("", text[line_start:position]).rstrip(" \t" + _OPENING)
    if not before:
        previous = text[:line_start].rstrip(" \t")
        if not previous.strip() or previous.endswith("\n\n") or previous == "\n":
            return "start"  # the first line of a paragraph
        last_line = previous.rstrip("\n").rsplit("\n", 1)[-1]
        if last_line.lstrip().startswith("#") or _ends_sentence(last_line):
            return "start"
        return "mid"  # a wrapped line, or a list after a colon
    if _ends_sentence(before):
        return "start"
    if before.endswith(":"):  # a label: the line's, or a sentence's first words ("Sorry. What we did: ")
        label = re.split(r"[.!?…][)\]\"'»”’*]*\s+", before[:-1])[-1]
        if ": " not in label and len(label.split()) <= 12:
            return "label"
    return "mid"


def _exempt_word(word: str) -> bool:
    """Words whose case is theirs: addresses, links, 'iPhone'."""
    return "@" in word or "://" in word or word.startswith(("www.", "<")) or any(c.isupper() for c in word[1:])


def _around(text: str, start: int, end: int | None = None, width: int = 30) -> str:
    end = start if end is None else end
    return repr(text[max(0, start - width) : end + width])


# ---------------------------------------------------------------------------------------------
# The checks: each returns the glitches it finds, one line each


def doubled_punctuation(text: str) -> list[str]:
    """'..' (not an ellipsis '...'), a full stop after '!', '?', '…', ',' ';' or ':'; a comma after '!' or '?'."""
    glitches = []
    for match in re.finditer(r"(?<!\.)\.\.(?!\.)|[!?…,;:]\.(?![\w.])|\.\s+\.(?!\.)", text):
        glitches.append(f"doubled full stop {match.group()!r} in {_around(text, match.start(), match.end())}")
    for match in re.finditer(r"[!?][,;]", text):
        glitches.append(f"punctuation clash {match.group()!r} in {_around(text, match.start(), match.end())}")
    return glitches


def lowercase_sentence_starts(text: str) -> list[str]:
    """A sentence that starts with a lowercase letter (after '. ', at a paragraph's start)."""
    glitches = []
    for match in re.finditer(r"\S+", text):
        word = match.group().lstrip(_OPENING)
        if not word or not word[0].islower() or _exempt_word(word):
            continue
        if context_at(text, match.start()) == "start":
            glitches.append(f"sentence starts in lowercase: {_around(text, match.start())}")
    return glitches


@dataclass
class Found:
    start: int  # where the value starts in the text
    end: int  # where the part of it that is there ends
    matched: int  # how many of the value's characters (its words, spaces as one) are there
    whole: bool  # the value is all there (but maybe its final punctuation)


def _core(value: str) -> str:
    return " ".join(value.split()).rstrip(_ENDS)


def find_value(text: str, value: str) -> list[Found]:
    """Every place `value` appears, whatever the case of its first letter, whole or cut short."""
    core = _core(value)
    if len(core) < 3:
        return []
    head = core[:20]
    pattern = (
        "[" + re.escape(head[0].lower() + head[0].upper()) + "]" + r"\s+".join(map(re.escape, head[1:].split(" ")))
    )
    found = []
    for match in re.finditer(pattern, text):
        i, j = 1, match.start() + 1
        while i < len(core) and j < len(text):
            if core[i] == " " and text[j].isspace():
                i += 1
                while j < len(text) and text[j].isspace():
                    j += 1
            elif core[i] == text[j]:
                i += 1
                j += 1
            else:
                break
        if i < len(core):  # stopped inside a word ("Pa" of "Pages" and "Passa"): back to its start
            while core[i - 1].isalnum() and core[i].isalnum():
                i, j = i - 1, j - 1
            while core[i - 1] == " ":
                i -= 1
                while text[j - 1].isspace():
                    j -= 1
        found.append(Found(match.start(), j, i, i == len(core)))
    return found


def value_case(text: str, field: str, value: str) -> list[str]:
    """A capital at a value that sits mid-sentence; a lowercase value that starts a sentence."""
    glitches = []
    acronym = value.split(maxsplit=1)[0].isupper()
    for place in find_value(text, value):
        first = text[place.start]
        where = context_at(text, place.start)
        if where == "mid" and first.isupper() and not acronym and field != "title":
            glitches.append(f"{field} starts with a capital mid-sentence: {_around(text, place.start)}")
        word = text[place.start :].split(maxsplit=1)[0]
        if where in ("start", "label") and first.islower() and not _exempt_word(word):
            glitches.append(f"{field} starts a sentence in lowercase: {_around(text, place.start)}")
    return glitches


def value_stop(text: str, field: str, value: str, heading_ok: bool) -> list[str]:
    """A value that ends a sentence without its full stop: the next sentence follows on the same
    line, or the line (a paragraph, a post's line) ends there."""
    glitches = []
    for place in find_value(text, value):
        if not place.whole or text[place.end : place.end + 1] in tuple(_ENDS):
            continue
        rest = text[place.end :]
        following = rest.lstrip(" \t" + _CLOSING)
        line_start = text.rfind("\n", 0, place.start) + 1
        heading = text[line_start:].lstrip().startswith("#")
        if following[:1].isupper():
            glitches.append(f"missing full stop between {field} and the next sentence: {_around(text, place.end)}")
        elif (not following or following.startswith("\n")) and not (heading_ok or heading):
            glitches.append(f"missing full stop after {field} at the end of a line: {_around(text, place.end)}")
    return glitches


_CLAUSE_ENDS = (".", "!", "?", ";", ":", ",", " –", " —")


def value_cut(text: str, field: str, value: str) -> list[str]:
    """A value shortened anywhere but at the end of a sentence or a clause, or not with a stop."""
    glitches = []
    core = _core(value)
    for place in find_value(text, value):
        if place.whole or place.matched < 12:
            continue
        kept = core[: place.matched]
        left = core[place.matched :]
        end_mark = text[place.end : place.end + 1]
        if not left.startswith(_CLAUSE_ENDS) and not kept.endswith(tuple(_ENDS)):
            glitches.append(f"{field} cut mid-phrase: {_around(text, place.end)} (it went on {left[:25]!r})")
        elif end_mark not in (".", "!", "?") and not kept.endswith(tuple(_ENDS)):
            glitches.append(f"{field} cut without a full stop: {_around(text, place.end)}")
    return glitches


def run_together(text: str, values: dict[str, object]) -> list[str]:
    """A name, a role and an organisation next to each other with nothing between."""
    glitches = []
    parts = [str(values[k]) for k in ("signer_name", "signer_role", "org_name") if values.get(k)]
    for first in parts:
        for second in parts:
            if first != second and re.search(re.escape(first) + r"[ \t]+" + re.escape(second), text):
                glitches.append(f"{first!r} and {second!r} run together without a separator")
    return glitches


def cut_post(text: str, signer: str) -> list[str]:
    """A social post with an ellipsis, or a line that stops mid-clause (no final punctuation)."""
    glitches = []
    if "…" in text or "..." in text:
        at = text.find("…") if "…" in text else text.find("...")
        glitches.append(f"post cut with an ellipsis: {_around(text, at)}")
    for line in text.splitlines():
        words = line.strip()
        if not words or words.startswith(("–", "—")):
            continue  # the signature line
        words = words.split(" – " + signer)[0]
        words = re.sub(r"https?://\S+", "", words).strip()
        if words and not words.rstrip(_CLOSING).endswith((*_ENDS, ":")):
            glitches.append(f"post line ends mid-clause: {words[-40:]!r}")
    return glitches


def glitches_in(info: TemplateInfo, shape: str) -> list[str]:
    values = values_for(info, shape)
    rendered = render_template(info, values, now=FIXED_NOW)
    blocks = [("text", reader_text(info.channel, rendered.text))]
    if rendered.subject:
        blocks.append(("subject", rendered.subject))
    report: list[str] = []
    for name, text in blocks:
        found = doubled_punctuation(text)
        found += lowercase_sentence_starts(text)
        found += run_together(text, values)
        for field, value in values.items():
            if field in PROSE or field == "title":
                found += value_case(text, field, str(value))
                found += value_stop(text, field, str(value), heading_ok=field == "title" or name == "subject")
                if info.channel in SOCIAL:
                    found += value_cut(text, field, str(value))
                elif field != "title":
                    found += [
                        g.replace("cut", "shortened in a long form", 1) for g in value_cut(text, field, str(value))
                    ]
        if info.channel in SOCIAL:
            found += cut_post(text, str(values.get("signer_name", "")))
        report += [f"{name}: {glitch}" if name != "text" else glitch for glitch in found]
    return list(dict.fromkeys(report))


# ---------------------------------------------------------------------------------------------
# The tests


@pytest.mark.parametrize("info", BUILTIN, ids=lambda t: t.id)
def test_filled_in_template_reads_as_prose(info):
    assert info.usable, info.error
    report = [f"{info.id} [{shape} values]: {glitch}" for shape in SHAPES for glitch in glitches_in(info, shape)]
    assert not report, "\n" + "\n".join(report)


@pytest.mark.parametrize("info", [t for t in BUILTIN if t.channel == "social-short"], ids=lambda t: t.id)
def test_short_post_carries_a_phone_or_an_email_when_it_fits(info):
    names = {f.name for f in info.fields}
    assert names & {"org_phone", "org_email"}, f"{info.id}: no phone or email field"
    for shape in ("plain", "proper"):
        values = values_for(info, shape)
        rendered = render_template(info, values, now=FIXED_NOW)
        reach = [str(values[k]) for k in ("org_phone", "org_email") if k in values]
        assert rendered.fits, f"{info.id} [{shape}]: {rendered.length} > 280"
        assert any(r in rendered.text for r in reach), f"{info.id} [{shape}]: no phone or email in {rendered.text!r}"
        values.pop("org_phone", None)
        rendered = render_template(info, values, now=FIXED_NOW)
        if "org_email" in values:
            assert values["org_email"] in rendered.text, f"{info.id} [{shape}]: no email when there is no phone"


@pytest.mark.parametrize("info", [t for t in BUILTIN if t.channel in SOCIAL], ids=lambda t: t.id)
def test_social_posts_with_short_values_fit(info):
    for shape in ("plain", "proper", "bang", "multi"):
        rendered = render_template(info, values_for(info, shape), now=FIXED_NOW)
        assert rendered.fits, f"{info.id} [{shape}]: {rendered.length} > {rendered.channel.limit}"


def test_contact_pages_ask_for_the_same_fields_and_show_phone_hours_with_the_phone():
    pages = {lang: LIBRARY.find("contact-page", "page", lang) for lang in ("en", "ca", "es")}
    fields = {lang: [(f.name, f.type, f.required) for f in info.fields] for lang, info in pages.items()}
    assert sorted(fields["ca"]) == sorted(fields["en"]) == sorted(fields["es"]), fields
    for lang, info in pages.items():
        values = values_for(info, "proper")
        html = render_template(info, values, now=FIXED_NOW).text
        call = re.search(r'<a [^>]*href="tel:[^"]*"[^>]*>(.*?)</a>', html, re.DOTALL)
        assert call, f"contact-page-page-{lang}: no call link"
        assert "Every day, 08:00 to 22:00 CET" in call.group(1), f"contact-page-page-{lang}: hours not on the call link"
        del values["phone_hours"]
        html = render_template(info, values, now=FIXED_NOW).text
        assert "<small></small>" not in html


# ---------------------------------------------------------------------------------------------
# The filters on their own


def test_upper_first_capitalises_only_the_first_letter():
    assert capitalised("hosted websites do not load") == "Hosted websites do not load"
    assert capitalised("EU customers") == "EU customers"
    assert capitalised("iPhone users") == "iPhone users"  # a name written in its own case
    assert capitalised("«webmail» works") == "«Webmail» works"
    assert capitalised("¿qué pasa?") == "¿Qué pasa?"
    assert capitalised("support@example.net is down") == "support@example.net is down"
    assert capitalised("40 minutes") == "40 minutes"


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("we are on it", "we are on it."),
        ("we are on it.", "we are on it."),
        ("we are on it..", "we are on it."),
        ("we are on it...", "we are on it..."),
        ("we are on it!", "we are on it!"),
        ("are we?", "are we?"),
        ("and then…", "and then…"),
        ("see webmail:", "see webmail."),
        ("(see webmail)", "(see webmail)."),
        ('he said "stop."', 'he said "stop."'),
        ("  ", ""),
    ],
)
def test_full_stop_ends_a_sentence_exactly_once(value, expected):
    assert full_stop(value) == expected


def test_sentence_and_headline():
    assert sentence("you cannot send email") == "You cannot send email."
    assert sentence("EU customers cannot log in!") == "EU customers cannot log in!"
    assert headline("email delayed.") == "Email delayed"
    assert headline("Is email down?") == "Is email down?"
    assert headline("Websites down!") == "Websites down"


def test_clip_cuts_at_sentences_and_clauses_never_mid_phrase():
    assert clip("we are on it") == "we are on it."
    assert clip("Done!") == "Done!"
    long = "Mail is late. Queues are long and we are moving them to the old relays now"
    assert clip(long, 30) == "Mail is late."
    clause = "you cannot send email: messages wait in the queue for up to 40 minutes, and we are on it"
    assert clip(clause, 40) == "you cannot send email."
    assert clip(clause, 80) == "you cannot send email: messages wait in the queue for up to 40 minutes."
    # no boundary fits: the whole sentence, or nothing when the value may be left out
    assert clip("one two three four five six seven eight", 20) == "one two three four five six seven eight."
    assert clip("one two three four five six seven eight", 20, required=False) == ""
    assert "…" not in clip("x " * 200, 50)


def test_signature_and_role_at_join_roles_and_organisations():
    assert (
        signature("Marta Vidal", "Head of Support", "Pinewood Hosting")
        == "Marta Vidal, Head of Support, Pinewood Hosting"
    )
    assert signature("Marta Vidal", None, "Pinewood Hosting") == "Marta Vidal, Pinewood Hosting"
    assert signature("Marta Vidal", "Head of Support at Pinewood Hosting", "Pinewood Hosting") == (
        "Marta Vidal, Head of Support at Pinewood Hosting"
    )
    assert role_at({"lang": "en"}, "Head of Support", "Pinewood Hosting") == "Head of Support at Pinewood Hosting"
    assert role_at({"lang": "ca"}, "cap de suport", "Pinewood Hosting") == "cap de suport de Pinewood Hosting"
    assert role_at({"lang": "ca"}, "cap de suport", "Example Hosting") == "cap de suport d'Example Hosting"
    assert role_at({"lang": "es"}, "Responsable de soporte", "Pinewood") == "Responsable de soporte de Pinewood"


def test_first_fitting_picks_the_first_option_that_fits():
    options = ["Need a person? Call +34 930 000 000.", "Need a person? Write to help@example.net."]
    assert first_fitting(options, "x" * 100) == options[0]
    assert first_fitting(["", options[1]], "x" * 100) == options[1]
    assert first_fitting(options, "x" * 270) == ""


# ---------------------------------------------------------------------------------------------
# The checks catch what they are for


def test_the_checks_catch_the_glitches_of_the_issue():
    assert value_case(
        "We are sorry: since 01:33 UTC Hosted websites do not load.", "impact", "Hosted websites do not load"
    )
    assert value_stop(
        "We have credited a month to your account It does not undo",
        "remedy",
        "We have credited a month to your account",
        False,
    )
    assert doubled_punctuation("It is down.. We are on it.")
    assert doubled_punctuation("It is down!. We are on it.")
    assert not doubled_punctuation("Wait... and see.")
    assert lowercase_sentence_starts("It is down. we are on it.")
    assert lowercase_sentence_starts("Hello,\n\nwe are on it.")
    assert not lowercase_sentence_starts("Write to me directly\nat marta@example.net.")
    assert run_together(
        "Head of Support Pinewood Hosting", {"signer_role": "Head of Support", "org_name": "Pinewood Hosting"}
    )
    assert cut_post("We're sorry: mail is late and our…\nhttps://x.example", "Marta")
    assert cut_post("We're sorry: mail is late and our", "Marta")
    assert value_cut(
        "Sorry. Hosted websites do not load and our.", "impact", "Hosted websites do not load and our pages"
    )
    assert not value_cut("Sorry. Hosted websites do not load.", "impact", "Hosted websites do not load, and the panel")
    assert context_at("What we did: We", len("What we did: ")) == "label"
    assert context_at("Sorry. What we did: We", len("Sorry. What we did: ")) == "label"
    assert context_at("We are sorry: since 09:12 CET: We", len("We are sorry: since 09:12 CET: ")) == "mid"
