# SPDX-License-Identifier: GPL-3.0-or-later
"""What each stage of an incident must say: apologies, data loss, words that match the status."""

from __future__ import annotations

import re

from composer.core.checks.base import Draft, Finding, Verdict
from composer.core.checks.rules.lessons import plain_apologies
from composer.core.checks.text import Span, plain_line
from composer.core.i18n import _, pgettext
from composer.core.model import Status

# "until it is resolved", "once it has been fixed", "make sure that all issues have been resolved",
# "en el caso de que no se haya comunicado que … se ha resuelto": not a claim about now.
_CONDITIONAL = re.compile(
    r"(?:until|once|when|as soon as|after|if|before|ensure|make sure|check|verify|confirm|unless|"
    r"fins que|un cop|quan|tan aviat com|si|abans que|en cas que|en el cas que|assegureu-vos|comproveu|"
    r"hasta que|una vez|cuando|en cuanto|antes de que|en (?:el )?caso de que|asegúrese|asegúrense|compruebe)"
    r"\s+(?:[\w'’]+\s+){0,12}$",
    re.IGNORECASE,
)
# A claim told in the past ("VPN02 was still unavailable"), history, not the state now.
_PAST = re.compile(
    r"\b(?:was|were|had been|remained|stayed|estava|estaven|seguia|seguien|continuava|va continuar|"
    r"estaba|estaban|seguía|seguían|continuaba|siguió)\s+(?:\w+\s+)?$",
    re.IGNORECASE,
)
# A line of a timeline ("5/24/2020 : 8am – We are investigating…", "**10:32 UTC** Still down"):
# what was said then, kept as history in a later update.
_TIMELINE = re.compile(
    r"^\W*(?:\d{1,4}[/.-]\d{1,2}(?:[/.-]\d{2,4})?|\d{1,2}[:.h]\d{2}|\d{1,2}\s?(?:am|pm)\b|update\s+\d|"
    r"(?:mon|tue|wed|thu|fri|sat|sun)\w*\s+\d)",
    re.IGNORECASE,
)


def _under_status_label(draft: Draft, line_start: int) -> bool:
    """Whether the line starting at `line_start` is an entry of a status page's history kept below
    the update ("Investigating" on its own line, then what was said then, then "Posted …")."""
    if line_start == 0:
        return False
    above = draft.body[draft.body.rfind("\n", 0, line_start - 1) + 1 : line_start]
    label = plain_line(above).rstrip(":").strip()
    pattern = draft.words.pattern("status_label", every_language=True)
    return bool(label) and pattern is not None and pattern.fullmatch(label) is not None


def _about_now(draft: Draft, start: int) -> bool:
    before = draft.body[max(0, start - 80) : start]
    line_start = draft.body.rfind("\n", 0, start) + 1
    line = draft.body[line_start:start]
    return not (
        _CONDITIONAL.search(before)
        or _PAST.search(before)
        or _TIMELINE.match(line)
        or _under_status_label(draft, line_start)
    )


def _claims(draft: Draft, name: str) -> list[Span]:
    return [(s, e) for s, e in draft.words.find(name, draft.body) if _about_now(draft, s)]


def status_name(status: Status) -> str:
    """The status as the interface names it (docs/glossary.md: the incident's statuses)."""
    names = {
        Status.INVESTIGATING: pgettext("status", "Investigating"),
        Status.IDENTIFIED: pgettext("status", "Identified"),
        Status.MONITORING: pgettext("status", "Monitoring"),
        Status.RESOLVED: pgettext("status", "Resolved"),
        Status.SCHEDULED: pgettext("status", "Scheduled"),
        Status.IN_PROGRESS: pgettext("status", "In progress"),
        Status.COMPLETED: pgettext("status", "Completed"),
        Status.POSTMORTEM: pgettext("status", "Postmortem"),
    }
    return names.get(status, status.label)


class SaysDataImpact:
    id = "says-data-impact"

    @property
    def title(self) -> str:
        return _("Says whether data was lost")

    def check(self, draft: Draft) -> Finding:
        if not draft.status.is_closed:
            return Finding(self.id, Verdict.PASS, _("Does not apply before the resolution."))
        found = draft.words.find("data_statement", draft.body)
        if found:
            return Finding(self.id, Verdict.PASS, _("Says what happened to customers' data."), tuple(found))
        return Finding(
            self.id,
            Verdict.FAIL,
            _("The resolution must say whether any data was lost: it is the first thing customers ask."),
        )


class Apologise:
    id = "apologise"

    @property
    def title(self) -> str:
        return _("Apologise")

    def check(self, draft: Draft) -> Finding:
        required = draft.is_first or draft.status in (Status.RESOLVED, Status.POSTMORTEM)
        non_apology = draft.words.find("non_apology", draft.body, every_language=True)
        apology = plain_apologies(draft, non_apology)
        if apology:
            return Finding(self.id, Verdict.PASS, _("Apologises."), tuple(apology))
        if not required:
            return Finding(self.id, Verdict.PASS, _("An apology is required in the first update and the resolution."))
        if draft.is_first:
            message = _("The first update must apologise plainly (“we are sorry”), not “for any inconvenience”.")
        elif draft.status is Status.RESOLVED:
            message = _("The resolution must apologise plainly (“we are sorry”), not “for any inconvenience”.")
        else:
            message = _("The postmortem must apologise plainly (“we are sorry”), not “for any inconvenience”.")
        return Finding(self.id, Verdict.FAIL, message, tuple(non_apology))


class StatusConsistent:
    id = "status-consistent"

    @property
    def title(self) -> str:
        return _("Words match the status")

    def check(self, draft: Draft) -> Finding:
        status = draft.status
        if status in (Status.INVESTIGATING, Status.IDENTIFIED, Status.SCHEDULED):
            found = _claims(draft, "resolved_claims")
            if found:
                return Finding(
                    self.id,
                    Verdict.FAIL,
                    _("The text says it is fixed, but the status is “{status}”.").format(status=status_name(status)),
                    tuple(found),
                )
        if status.is_closed:
            # Looking into why it happened goes on after the resolution; the outage does not.
            inquiry = draft.words.pattern("cause_inquiry")
            found = [
                (s, e)
                for s, e in _claims(draft, "ongoing_claims")
                if not (inquiry and inquiry.match(draft.body[e : e + 60].lstrip()))
            ]
            if found:
                return Finding(
                    self.id,
                    Verdict.FAIL,
                    _("The text says work is still going on, but the status is “{status}”.").format(
                        status=status_name(status)
                    ),
                    tuple(found),
                )
        return Finding(self.id, Verdict.PASS, _("The words match “{status}”.").format(status=status_name(status)))
