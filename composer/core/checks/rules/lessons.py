# SPDX-License-Identifier: GPL-3.0-or-later
"""The lessons of the outage: be timely, don't hide."""

from __future__ import annotations

import re
from datetime import datetime, timedelta, tzinfo

from composer.core.checks.base import Draft, Finding, Fix, Verdict
from composer.core.checks.ownership import planned_when
from composer.core.checks.rules.signature import closing_block_start
from composer.core.checks.text import Span
from composer.core.i18n import N_, _, language, ngettext
from composer.core.model import Status
from composer.core.promise_text import StatedTime, clock_label, insertion, local_time, promise_sentence, stated_promise


def _minutes(span: timedelta) -> int:
    return int(span.total_seconds() // 60)


def overlaps(span: Span, others: list[Span]) -> bool:
    return any(span[0] < end and start < span[1] for start, end in others)


def hedged(apology: Span, non_apology: list[Span], body: str = "") -> bool:
    """An apology that is, or leads into, a non-apology ("demana disculpes per les molèsties que
    aquesta situació pugui ocasionar": for what may have happened, not for what did), or that
    its sentence puts under a condition ("If you do receive two copies, I apologise")."""
    if any(apology[0] < end and start - _HEDGE_GAP < apology[1] for start, end in non_apology):
        return True
    sentence = body[: apology[0]].rsplit(".", 1)[-1].rsplit("\n\n", 1)[-1]
    return bool(_CONDITION.match(sentence.lstrip()))


def plain_apologies(draft: Draft, non_apology: list[Span]) -> list[Span]:
    """The draft's apologies that are meant: not hedged, and not an apology for someone else's
    failure ("We apologise profusely for their incompetence"), which is blame."""
    blame = draft.words.find("deflection", draft.body, every_language=True)
    return [
        s
        for s in draft.words.find("apology", draft.body)
        if not hedged(s, non_apology, draft.body) and not overlaps(s, blame)
    ]


_CONDITION = re.compile(r"(?:if|should you|in case|si|en cas|en caso)\b", re.IGNORECASE)

_HEDGE_GAP = 40  # characters between the apology and the hedged object it is for


# A relative promise counts from when the update goes out, which the draft does not know yet:
# a next-update field this much later than "now + 30 minutes" still agrees with "within 30 minutes".
_RELATIVE_SLACK = timedelta(minutes=5)


def _minute(moment: datetime) -> datetime:
    return moment.replace(second=0, microsecond=0)


def _shown(moment: datetime, zone: tzinfo | None, now: datetime) -> str:
    """'14:30 CET', with the date when it is not on the day of `now` ('09:00 CET on 25 Nov 2026'),
    the date in the interface language (CLDR's month names, not the process's locale)."""
    text = clock_label(moment, zone)
    day = local_time(moment, zone).date()
    if day == local_time(now, zone).date():
        return text
    from babel.dates import format_date  # noqa: PLC0415 - CLDR data, loaded only when a date is shown

    shown = format_date(day, "d MMM y", locale=language()).replace("’", "'")
    # TRANSLATORS: a time and a date in a checklist message: "09:00 CET on 25 Nov 2026".
    return _("{time} on {date}").format(time=text, date=shown)


# Said of the text's promise and of the field's alike.
_PASSED = N_("The promised update time {time} has passed (now {now}): publish an update or a new time.")


class BeTimely:
    id = "be-timely"

    @property
    def title(self) -> str:
        return _("Be timely")

    def next_update_statement(self, draft: Draft) -> tuple[list[Span], list[Span]]:
        """Sentences that say when the next update comes, and those that try but give a time
        without a zone."""
        stated = self.stated(draft)
        return [s.sentence for s in stated if s.zoned], [s.sentence for s in stated if not s.zoned]

    def stated(self, draft: Draft) -> list[StatedTime]:
        """The next-update times the body states, placed against "now" and the next-update field
        (a clock time without a date is on the field's day; in a notice of work that has not
        started, with no field, on the day the work starts)."""
        near = draft.next_update
        if near is None and draft.started is not None and draft.started > draft.now:
            near = draft.started
        return stated_promise(
            draft.body, draft.language, now=draft.now, zone=self.zone(draft), near=near, words=draft.words
        )

    @staticmethod
    def zone(draft: Draft) -> tzinfo | None:
        """The readers' zone: the template's, else the zone "now" is given in."""
        return draft.zone or draft.now.tzinfo

    def _insert_fix(self, draft: Draft, when: datetime, label: str) -> Fix:
        """A fix inserting the next-update sentence (in the update's language); `label` has a
        {sentence} placeholder and is in the interface language."""
        zone = self.zone(draft)
        sentence = promise_sentence(when, draft.language, zone, local_time(draft.now, zone).date())
        start, end, text = insertion(draft.body, closing_block_start(draft), sentence)
        return Fix(label.format(sentence=sentence), start, end, text)

    def _promise_problems(
        self, draft: Draft, stated: list[StatedTime]
    ) -> tuple[list[tuple[Verdict, str]], list[str], Fix | None]:
        """What the readers of the published text are promised, against "now" and the field."""
        now, field, zone = draft.now, draft.next_update, self.zone(draft)
        problems: list[tuple[Verdict, str]] = []
        notes: list[str] = []
        fix = None
        good = [s for s in stated if s.zoned]
        if field is None and not good:
            fix = self._insert_fix(draft, now + draft.config.cadence, _("Insert “{sentence}”"))
            if any(not s.zoned for s in stated):
                problems.append(
                    (
                        Verdict.FAIL,
                        _("The next update time has no time zone: readers elsewhere cannot tell when to come back."),
                    )
                )
            else:
                problems.append(
                    (
                        Verdict.FAIL,
                        _(
                            "Say when the next update comes (a time with its zone, or "
                            "“within 30 minutes”): silence reads as hiding."
                        ),
                    )
                )
        past: list[datetime] = []
        for promise in stated:
            if not promise.relative and promise.when is not None and promise.when < _minute(now):
                past.append(_minute(promise.when))
                problems.append(
                    (
                        Verdict.FAIL,
                        _(_PASSED).format(time=promise.label, now=clock_label(now, promise.zone or zone)),
                    )
                )
        if field is None:
            return problems, notes, fix
        if field < _minute(now):
            if _minute(field) not in past:
                problems.append(
                    (
                        Verdict.FAIL,
                        _(_PASSED).format(time=_shown(field, zone, now), now=clock_label(now, zone)),
                    )
                )
        elif not stated:
            shown = _shown(field, zone, now)
            notes.append(
                _("The next update time ({time}) is not in the text: it will be added when published.").format(
                    time=shown
                )
            )
            fix = self._insert_fix(draft, field, _("Insert “{sentence}” now"))
        placed = [s for s in stated if s.when is not None]
        if not placed:
            return problems, notes, fix
        # Readers wait for the earliest time the text gives; the reminders follow the field.
        first = min(placed, key=lambda s: s.when or now)
        assert first.when is not None
        if first.relative:
            if field > first.when + _RELATIVE_SLACK:
                problems.append(
                    (
                        Verdict.FAIL,
                        _(
                            "The text promises the next update “{promise}” (by {time}), "
                            "but the “Next update by” field says {field}: make them agree."
                        ).format(
                            promise=first.label, time=clock_label(first.when, zone), field=_shown(field, zone, now)
                        ),
                    )
                )
        elif _minute(first.when) != _minute(field):
            problems.append(
                (
                    Verdict.FAIL,
                    _(
                        "The text promises the next update by {time}, but the “Next update by” field says "
                        "{field}: make them agree."
                    ).format(time=first.label, field=_shown(field, first.zone or zone, now)),
                )
            )
            local_field = local_time(field, first.zone or zone)
            if local_field.date() == local_time(first.when, first.zone or zone).date():
                replacement = f"{local_field:%H:%M}"
                label = _("Use the field’s time in the text ({time})").format(time=replacement)
                fix = Fix(label, *first.span, replacement)
        return problems, notes, fix

    def check(self, draft: Draft) -> Finding:
        config = draft.config
        stated = self.stated(draft)
        good = [s.sentence for s in stated if s.zoned]
        spans = good or [s.sentence for s in stated]
        problems: list[tuple[Verdict, str]] = []
        notes: list[str] = []
        fix = None
        if not draft.status.is_closed:
            problems, notes, fix = self._promise_problems(draft, stated)
        started, now = draft.started, draft.now
        # A post-incident report comes days later by nature: its lateness is not the readers' wait.
        if started is not None and started <= now and draft.status is not Status.POSTMORTEM:
            if draft.last_update is None:
                delay = now - started
                if delay > config.first_update_fail:
                    within = _minutes(config.first_update_warn)
                    late = _minutes(delay)
                    message = ngettext(
                        "The first update goes out {late} minute after the start; "
                        "customers should hear within {within} minutes.",
                        "The first update goes out {late} minutes after the start; "
                        "customers should hear within {within} minutes.",
                        late,
                    )
                    problems.append((Verdict.FAIL, message.format(late=late, within=within)))
                elif delay > config.first_update_warn:
                    late = _minutes(delay)
                    message = ngettext(
                        "The first update goes out {late} minute after the start: post sooner next time.",
                        "The first update goes out {late} minutes after the start: post sooner next time.",
                        late,
                    )
                    problems.append((Verdict.WARN, message.format(late=late)))
            else:
                # A maintenance announced days ahead: the cadence runs from the start of the work.
                gap = now - max(draft.last_update, started)
                if gap > config.cadence:
                    since = _minutes(gap)
                    message = ngettext(
                        "{since} minute since the last update, longer than the {cadence}-minute cadence.",
                        "{since} minutes since the last update, longer than the {cadence}-minute cadence.",
                        since,
                    )
                    problems.append((Verdict.FAIL, message.format(since=since, cadence=_minutes(config.cadence))))
        if not problems:
            message = " ".join(notes) or _("Says when the next update comes, on time.")
            return Finding(self.id, Verdict.PASS, message, tuple(spans), fix)
        verdict = max((v for v, _ in problems), key=lambda v: v.rank)
        message = " ".join([text for _, text in problems] + notes)
        return Finding(self.id, verdict, message, tuple(spans), fix)


# How far after naming an outside cause the writer may go on to own the problem ("the fibre cut
# was not ours, but keeping you online is our job and we failed"): about two sentences.
_OWNED_WITHIN = 300


def _owned_after(span: Span, ownership: list[Span]) -> bool:
    return any(0 <= start - span[1] <= _OWNED_WITHIN for start, _ in ownership)


class DontHide:
    id = "dont-hide"

    @property
    def title(self) -> str:
        return _("Don't hide")

    def check(self, draft: Draft) -> Finding:
        words, body = draft.words, draft.body
        ownership = words.find("ownership", body)
        # Naming an outside cause disclaims, unless the writer goes on to take the blame (not only
        # to name a change of theirs as the trigger); an apology beside it does not make it owned.
        blame_taken = words.find("accountability", body)
        deflection = [
            s for s in words.find("deflection", body, every_language=True) if not _owned_after(s, blame_taken)
        ]
        non_apology = words.find("non_apology", body, every_language=True)
        apology = plain_apologies(draft, non_apology)
        impact = words.find("impact", body)
        technical = words.find("technical", body)
        planned = draft.status.is_maintenance
        if planned:
            # Planned work is not an outage to own: a notice that says what stops, where and when
            # does not hide, "sorry for the inconvenience" or not; who does the work is information.
            # The hour of the work says when it stops, unless the notice blames someone for it.
            when = [] if deflection else planned_when(draft)
            non_apology = []
            deflection = [] if draft.status is Status.SCHEDULED else deflection
            impact = sorted(impact + words.find("planned_impact", body) + when)
        # The stock formula next to the writer owning it in their own words ("It shouldn't have
        # happened… I apologize for the inconvenience") does not hide; blame on others always does.
        if ownership and not deflection:
            non_apology = []
        if deflection or non_apology:
            if not non_apology:
                message = _("The text shifts the blame: own the problem and say sorry plainly.")
            elif not deflection:
                message = _(
                    "The text uses a non-apology (“any inconvenience”, “if you were affected”): "
                    "own the problem and say sorry plainly."
                )
            else:
                message = _(
                    "The text shifts the blame and uses a non-apology (“any inconvenience”, "
                    "“if you were affected”): own the problem and say sorry plainly."
                )
            return Finding(self.id, Verdict.FAIL, message, tuple(sorted(deflection + non_apology)))
        if planned and not apology and not ownership:
            if impact:
                return Finding(self.id, Verdict.PASS, _("Says plainly what the planned work stops."), tuple(impact))
            message = _("Say plainly what stops during the work, where and when: silence reads as hiding.")
            return Finding(self.id, Verdict.FAIL, message)
        if not apology and not ownership:
            return Finding(
                self.id,
                Verdict.FAIL,
                _("Neither apologises nor takes responsibility: readers conclude you are hiding."),
            )
        if not impact:
            if draft.status.is_closed:
                message = _("Say plainly what customers could not do.")
            else:
                message = _("Say plainly what customers cannot do right now.")
            return Finding(self.id, Verdict.WARN, message, tuple(apology + ownership))
        # Equipment detail with what customers live through missing or buried under it: said
        # before the detail starts, the impact is not buried.
        buried = impact[0][0] > technical[0][0] if technical else False
        if buried and len(technical) >= 5 and len(technical) > 3 * len(impact):
            return Finding(
                self.id,
                Verdict.WARN,
                _(
                    "A wall of technical detail: lead with what customers cannot do and what to do "
                    "instead; equipment detail makes readers wonder how bad it is."
                ),
                tuple(technical),
            )
        return Finding(
            self.id, Verdict.PASS, _("Owns the problem and says who is affected."), tuple(sorted(apology + ownership))
        )
