# SPDX-License-Identifier: GPL-3.0-or-later
"""What a rule sees and what it says.

A rule is a small object with an `id`, a `title` and `check(draft) -> Finding`.
It must not touch the network, the store or Qt: it sees only the Draft.

The title, the findings' messages and the fixes' labels are in the interface language
(`composer.core.i18n`), read when they are made; the text a fix inserts into the update is in the
update's language. The `id`s and verdicts are codes, the same in every language.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from datetime import datetime, tzinfo
from typing import TYPE_CHECKING, Protocol

from composer.core.model import Status

if TYPE_CHECKING:
    from composer.core.checks.config import CheckConfig
    from composer.core.checks.language import WordLists


# Publishing past a failing check needs a reason of at least this many characters (kept in the
# update's history), in the window and on the command line alike.
MIN_REASON_LENGTH = 10


class Verdict(enum.StrEnum):
    PASS = "pass"
    WARN = "warn"
    FAIL = "fail"

    @property
    def rank(self) -> int:
        return {"pass": 0, "warn": 1, "fail": 2}[self.value]


@dataclass(frozen=True)
class Fix:
    """A text edit that mends the problem: replace body[start:end] with `text` (in the update's
    language); `label` says what it does (in the interface language)."""

    label: str
    start: int
    end: int
    text: str

    def apply(self, body: str) -> str:
        return body[: self.start] + self.text + body[self.end :]


@dataclass(frozen=True)
class Finding:
    rule: str
    verdict: Verdict
    message: str
    spans: tuple[tuple[int, int], ...] = ()
    fix: Fix | None = None

    def as_json(self) -> dict[str, object]:
        data: dict[str, object] = {
            "id": self.rule,
            "status": self.verdict.value,
            "message": self.message,
            "spans": [list(span) for span in self.spans],
        }
        if self.fix is not None:
            data["fix"] = {"label": self.fix.label, "start": self.fix.start, "end": self.fix.end, "text": self.fix.text}
        return data


@dataclass
class Draft:
    """One update as the rules see it: the body readers get, its fields and 'now'."""

    body: str
    now: datetime
    status: Status = Status.INVESTIGATING
    language: str = "en"
    started: datetime | None = None
    last_update: datetime | None = None
    next_update: datetime | None = None
    signer: str = ""
    title: str = ""
    texts: dict[str, str] = field(default_factory=dict)  # short forms by template channel ("social-short")
    long_url: str = ""  # where the full update lives, for channels that shorten
    zone: tzinfo | None = None  # the readers' zone (a template's `zone`); None: the zone of `now`
    own_site_down: bool = False  # the incident takes down our own website ...
    own_email_down: bool = False  # ... our own email
    down_domains: frozenset[str] = frozenset()  # their domains (contacts.down_domains)
    config: CheckConfig = field(kw_only=True)  # given by make_draft, as the words are
    words: WordLists = field(kw_only=True)

    @property
    def is_first(self) -> bool:
        return self.last_update is None


class Rule(Protocol):
    id: str

    @property
    def title(self) -> str:
        """The rule's short name, in the interface language."""

    def check(self, draft: Draft) -> Finding: ...
