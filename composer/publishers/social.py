# SPDX-License-Identifier: GPL-3.0-or-later
"""What social publishers share: the text a channel starts from, and making it fit.

`source_text` prefers the short form written for that size of post (the templates'
"social-short" or "social-medium" text), else the update's body as plain text. `fit` splits
it into a thread or shortens it with a link, measured by the channel's own counter.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING

from composer.core.i18n import _
from composer.core.lengths import graphemes
from composer.core.social_text import ChannelLimit, DoesNotFit, Measure, plain_text
from composer.core.social_text import fit as _fit
from composer.publishers.base import PublishableUpdate, TooLong

if TYPE_CHECKING:
    from composer.publishers.registry import Entry

__all__ = ["Measure", "channel_limits", "fit", "plain_text", "source_text"]


def source_text(update: PublishableUpdate, channel: str) -> str:
    """The short form written for `channel` ("social-short", "social-medium"), else the body as plain text."""
    text = (update.texts or {}).get(channel, "").strip()
    return text or plain_text(update.body)


def fit(text: str, *, limit: int, length: Measure, thread: bool, long_url: str = "", max_parts: int = 25) -> list[str]:
    """The posts that carry `text` within `limit` as counted by `length`: one, a thread, or shortened.

    Raises TooLong when it cannot fit (more than `max_parts`, or no `long_url` to shorten to)."""
    try:
        return _fit(text, limit=limit, length=length, thread=thread, long_url=long_url, max_parts=max_parts)
    except DoesNotFit as error:
        raise TooLong(_("This update does not fit: {error}.").format(error=error)) from None


def channel_limits(names: list[str], entries: Mapping[str, Entry] | None = None) -> tuple[ChannelLimit, ...]:
    """The checklist's view of these publishers' length policies; unknown ids are a ValueError."""
    from composer.publishers.registry import discover  # noqa: PLC0415

    entries = discover() if entries is None else entries
    limits: list[ChannelLimit] = []
    for name in names:
        entry = entries.get(name)
        if entry is None or entry.publisher is None:
            known = ", ".join(sorted(e for e, v in entries.items() if v.publisher is not None))
            raise ValueError(_("no channel {name!r} to check against (known: {known})").format(name=name, known=known))
        policy = entry.publisher.policy
        if policy.limit is None:
            continue
        limits.append(
            ChannelLimit(
                name=entry.publisher.display_name,
                limit=policy.limit,
                measure=policy.measure or graphemes,
                threads=policy.threads,
                source=policy.source,
                max_parts=policy.max_parts,
            )
        )
    return tuple(limits)
