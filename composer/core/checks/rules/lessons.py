# SPDX-License-Identifier: GPL-3.0-or-later
"""The lessons of the outage: be timely, don't hide."""

from __future__ import annotations

from datetime import timedelta

from composer.core.checks.base import Draft, Finding, Fix, Verdict
from composer.core.checks.rules.signature import closing_block_start
from composer.core.checks.text import Span, clock_times, sentences


def _minutes(span: timedelta) -> int:
    return int(span.total_seconds() // 60)


def _worst(
    rule: str, problems: list[tuple[Verdict, str]], spans: list[Span], fix: Fix | None, ok_message: str
) -> Finding:
    if not problems:
        return Finding(rule, Verdict.PASS, ok_message, tuple(spans))
    verdict = max((v for v, _ in problems), key=lambda v: v.rank)
    message = " ".join(text for _, text in problems)
    return Finding(rule, verdict, message, tuple(spans), fix if verdict is not Verdict.PASS else None)


def overlaps(span: Span, others: list[Span]) -> bool:
    return any(span[0] < end and start < span[1] for start, end in others)


class BeTimely:
    id = "be-timely"
    title = "Be timely"

    def next_update_statement(self, draft: Draft) -> tuple[list[Span], list[Span]]:
        """Sentences that say when the next update comes, and those that try but give a time
        without a zone."""
        good: list[Span] = []
        unzoned: list[Span] = []
        words = draft.words
        announced = words.find("next_update", draft.body)
        for start, end in sentences(draft.body):
            if not any(start <= s < end for s, _ in announced):
                continue
            sentence = draft.body[start:end]
            times = clock_times(sentence)
            if any(t.zoned for t in times) or words.has("relative_time", sentence):
                good.append((start, end))
            elif times:
                unzoned.append((start, end))
        return good, unzoned

    def check(self, draft: Draft) -> Finding:
        config = draft.config
        problems: list[tuple[Verdict, str]] = []
        good, unzoned = self.next_update_statement(draft)
        spans = good or unzoned
        fix = None
        if not draft.status.is_closed and draft.next_update is None and not good:
            when = (draft.now + config.cadence).astimezone(draft.now.tzinfo)
            zone = when.tzname() or "UTC"
            line = f"Next update by {when:%H:%M} {zone}."
            at = closing_block_start(draft)
            body = draft.body
            text = f"{line}\n\n" if at < len(body) else ("\n\n" if body.strip() else "") + line
            fix = Fix(f"Insert “{line}”", at, at, text)
            if unzoned:
                problems.append(
                    (
                        Verdict.FAIL,
                        "The next update time has no time zone: readers elsewhere cannot tell when to come back.",
                    )
                )
            else:
                problems.append(
                    (
                        Verdict.FAIL,
                        "Say when the next update comes (a time with its zone, or "
                        "“within 30 minutes”): silence reads as hiding.",
                    )
                )
        started, now = draft.started, draft.now
        if started is not None and started <= now:
            if draft.last_update is None:
                delay = now - started
                if delay > config.first_update_fail:
                    within = _minutes(config.first_update_warn)
                    problems.append(
                        (
                            Verdict.FAIL,
                            f"The first update goes out {_minutes(delay)} minutes after the "
                            f"start; customers should hear within {within} minutes.",
                        )
                    )
                elif delay > config.first_update_warn:
                    problems.append(
                        (
                            Verdict.WARN,
                            f"The first update goes out {_minutes(delay)} minutes after the "
                            "start: post sooner next time.",
                        )
                    )
            else:
                # A maintenance announced days ahead: the cadence runs from the start of the work.
                gap = now - max(draft.last_update, started)
                if gap > config.cadence:
                    problems.append(
                        (
                            Verdict.FAIL,
                            f"{_minutes(gap)} minutes since the last update, longer than the "
                            f"{_minutes(config.cadence)}-minute cadence.",
                        )
                    )
        if not draft.status.is_closed and draft.next_update is not None and draft.next_update < now:
            problems.append((Verdict.WARN, "The promised next-update time has already passed."))
        return _worst(self.id, problems, spans, fix, "Says when the next update comes, on time.")


class DontHide:
    id = "dont-hide"
    title = "Don't hide"

    def check(self, draft: Draft) -> Finding:
        words, body = draft.words, draft.body
        deflection = words.find("deflection", body, every_language=True)
        non_apology = words.find("non_apology", body, every_language=True)
        apology = [s for s in words.find("apology", body) if not overlaps(s, non_apology)]
        ownership = words.find("ownership", body)
        impact = words.find("impact", body)
        technical = words.find("technical", body)
        if deflection or non_apology:
            what = []
            if deflection:
                what.append("shifts the blame")
            if non_apology:
                what.append("uses a non-apology (“any inconvenience”, “if you were affected”)")
            return Finding(
                self.id,
                Verdict.FAIL,
                f"The text {' and '.join(what)}: own the problem and say sorry plainly.",
                tuple(sorted(deflection + non_apology)),
            )
        if not apology and not ownership:
            return Finding(
                self.id, Verdict.FAIL, "Neither apologises nor takes responsibility: readers conclude you are hiding."
            )
        if not impact:
            return Finding(
                self.id, Verdict.WARN, "Say plainly what customers cannot do right now.", tuple(apology + ownership)
            )
        if len(technical) >= 5 and len(technical) > 3 * len(impact):
            return Finding(
                self.id,
                Verdict.WARN,
                "A wall of technical detail: lead with what customers cannot do and what to do "
                "instead; equipment detail makes readers wonder how bad it is.",
                tuple(technical),
            )
        return Finding(
            self.id, Verdict.PASS, "Owns the problem and says who is affected.", tuple(sorted(apology + ownership))
        )
