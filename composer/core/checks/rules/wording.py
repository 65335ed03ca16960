# SPDX-License-Identifier: GPL-3.0-or-later
"""How things are said: time zones, no fix promises, nothing internal, plain language."""

from __future__ import annotations

import re

from composer.core.checks.base import Draft, Finding, Verdict
from composer.core.checks.text import by_paragraph, clock_times, sentences, word_count
from composer.core.i18n import _, ngettext
from composer.core.model import Status


class TimesHaveZone:
    id = "times-have-zone"

    @property
    def title(self) -> str:
        return _("Every time has a zone")

    def check(self, draft: Draft) -> Finding:
        bare = [(t.start, t.end) for t in clock_times(draft.body) if not t.zoned]
        if bare:
            shown = ", ".join(draft.body[s:e] for s, e in bare[:3])
            return Finding(
                self.id,
                Verdict.FAIL,
                _("Times without a zone ({times}): readers in other zones cannot act on them.").format(times=shown),
                tuple(bare),
            )
        return Finding(self.id, Verdict.PASS, _("Every time carries its zone."))


def _reported(draft: Draft, start: int) -> bool:
    """Whether the sentence passes on, in the past, what someone said before `start`."""
    sentence = next((s for s, e in sentences(draft.body) if s <= start < e), start)
    return draft.words.find("reported_past", draft.body[sentence:start]) != []


class NoFixPromises:
    id = "no-fix-promises"

    @property
    def title(self) -> str:
        return _("No promised fix times")

    def check(self, draft: Draft) -> Finding:
        found = draft.words.find("fix_promise", draft.body)
        if draft.status in (Status.SCHEDULED, Status.COMPLETED):
            # Ahead of planned work or after it, the end of the work is its announced window ("available
            # again at 6pm"), not a repair time; a repair promised in the notice still is one.
            repair = draft.words.pattern("fix_words")
            found = [(s, e) for s, e in found if repair is not None and repair.search(draft.body[s:e])]
        elif draft.status.is_closed:
            # After the resolution, an estimate someone gave then and told as such is history.
            found = [(s, e) for s, e in found if not _reported(draft, s)]
        if found:
            return Finding(
                self.id,
                Verdict.FAIL,
                _("Promises when the fix comes: if you miss it, trust goes. Promise the next update instead."),
                tuple(found),
            )
        return Finding(self.id, Verdict.PASS, _("Makes no promise about when the fix comes."))


_PRIVATE_IP = r"\b(?:10(?:\.\d{1,3}){3}|192\.168(?:\.\d{1,3}){2}|172\.(?:1[6-9]|2\d|3[01])(?:\.\d{1,3}){2})\b"
_INTERNAL_HOST = (
    r"\b[a-z0-9][a-z0-9-]*(?:\.[a-z0-9-]+)*\.(?:internal|corp|lan|local|intranet|localdomain|priv)\b"
    r"|\b(?!(?:covid|utf|iso|sha|mp|rfc|gdpr|cve|ipv|tls|ssl|http|win|wi|e|x)-\d)"
    r"[a-z][a-z0-9]*(?:-[a-z0-9]+)*-\d{1,3}[a-z]?\b"
)
# Generated names (Kubernetes pods, containers): a segment of mixed letters and digits.
_GENERATED_NAME = r"\b[a-z][a-z0-9]*(?:-[a-z0-9]+)*-(?=[a-z0-9]*\d)(?=[a-z0-9]*[a-z])[a-z0-9]{5,}\b"
_NOT_TICKETS = "COVID|ISO|SHA|UTF|RFC|MP|PCI|TLS|SSL|IPV|HTTP|GDPR|CVE|EN|ES|CA|RGPD"
_TICKET = (
    rf"\b(?!(?:{_NOT_TICKETS})-)[A-Z][A-Z0-9]{{1,9}}-\d{{2,6}}\b"
    r"|\b(?:INC|CHG|PRB|RITM|REQ|TASK|SR)\d{5,10}\b"
    r"|(?i:\b(?:ticket|case|tiquet|incidència|incidencia|caso)\s*#\s*\d{3,})"
)
_TRACE = (
    r"Traceback \(most recent call last\)|\bat [\w$.]+\([\w.]+:\d+\)|File \"[^\"]+\", line \d+"
    r"|\b[A-Z][a-z]+(?:[A-Z][a-z]+)+(?:Exception|Error)\b|\bcore dumped\b|\bsegmentation fault\b|\bOOMKilled\b"
)
_INTERNAL = re.compile("|".join(f"(?:{p})" for p in (_PRIVATE_IP, _INTERNAL_HOST, _GENERATED_NAME, _TICKET, _TRACE)))


class NoInternalDetails:
    id = "no-internal-details"

    @property
    def title(self) -> str:
        return _("Nothing internal")

    def check(self, draft: Draft) -> Finding:
        found = by_paragraph(_INTERNAL, lambda chunk: [m.span() for m in _INTERNAL.finditer(chunk)], draft.body)
        # Equipment tags ("PDU-B3"): the per-language resources name the kinds of equipment.
        found = sorted(set(found) | set(draft.words.find("equipment_tag", draft.body, every_language=True)))
        if found:
            shown = ", ".join(dict.fromkeys(draft.body[s:e] for s, e in found[:3]))
            return Finding(
                self.id,
                Verdict.FAIL,
                _("Internal details ({details}) mean nothing to customers and help attackers.").format(details=shown),
                tuple(found),
            )
        return Finding(self.id, Verdict.PASS, _("No internal hostnames, addresses, tickets or traces."))


def _sentence_words(chunk: str) -> list[tuple[int, int, int]]:
    return [(s, e, word_count(chunk[s:e])) for s, e in sentences(chunk)]


class PlainLanguage:
    id = "plain-language"

    @property
    def title(self) -> str:
        return _("Plain language")

    def check(self, draft: Draft) -> Finding:
        config = draft.config
        counted = [((s, e), n) for s, e, n in by_paragraph("sentence-words", _sentence_words, draft.body) if n > 0]
        if not counted:
            return Finding(self.id, Verdict.PASS, _("Nothing to read yet."))
        long = [span for span, n in counted if n > config.max_sentence_words]
        average = sum(n for _, n in counted) / len(counted)
        # Power and data-center equipment (ATS, PDUs, gensets…) is jargon to readers too.
        jargon = sorted(set(draft.words.find("jargon", draft.body)) | set(draft.words.find("equipment", draft.body)))
        # Dense means many different terms: one word said four times ("the generator") is learnt once,
        # in the singular or the plural ("node", "nodes"; "nodo", "nodos").
        terms = {re.sub(r"e?s?$", "", draft.body[s:e].lower()) for s, e in jargon}
        words = sum(n for _, n in counted)
        problems = []  # a list of what makes it hard, each item whole
        if long:
            over = ngettext("{count} sentence over {limit} words", "{count} sentences over {limit} words", len(long))
            problems.append(over.format(count=len(long), limit=config.max_sentence_words))
        if average > config.max_average_sentence_words:
            problems.append(_("sentences average {average:.0f} words").format(average=average))
        if len(jargon) >= 4 and len(terms) >= 3 and len(jargon) * 100 > 2 * words:
            problems.append(_("heavy on jargon"))
        if problems:
            return Finding(
                self.id,
                Verdict.WARN,
                _("Hard to read under stress: {problems}. Short sentences, everyday words.").format(
                    problems="; ".join(problems)
                ),
                tuple(long or jargon),
            )
        return Finding(self.id, Verdict.PASS, _("Short sentences, everyday words."))
