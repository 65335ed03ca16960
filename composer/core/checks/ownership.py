# SPDX-License-Identifier: GPL-3.0-or-later
"""Structural judgements for `dont-hide`: what a careful reader sees in the shape of an update,
beyond any one phrase.

**A planned notice that says when**: a notice of planned work of some substance (not a two-line
"maintenance done") that gives the hour of the work tells readers what to expect and when, even
when what stops is said in words no list holds ("the service will stop at 00 h", "one lane from
22 h to 6 h"); a notice with a day but no hour, or with neither, does not let them plan.
"""

from __future__ import annotations

from composer.core.checks.base import Draft
from composer.core.checks.text import Span, clock_times, word_count

# A planned notice shorter than this cannot say what stops, where and when.
_NOTICE_WORDS = 40


def planned_when(draft: Draft) -> list[Span]:
    """Where a planned notice of some substance says at what hour the work is (its clock times)."""
    if not draft.status.is_maintenance or word_count(draft.body) < _NOTICE_WORDS:
        return []
    return [(t.start, t.end) for t in clock_times(draft.body)]
