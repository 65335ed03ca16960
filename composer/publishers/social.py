# SPDX-License-Identifier: GPL-3.0-or-later
"""What social publishers share: the text a channel starts from, and making it fit.

`source_text` prefers the short form written for that size of post (the templates'
"social-short" or "social-medium" text), else the update's body as plain text. `fit` splits
it into a thread or shortens it with a link, measured by the channel's own counter.
"""

from __future__ import annotations

from composer.core.social_text import ChannelLimit, DoesNotFit, Measure, plain_text
from composer.core.social_text import fit as _fit
from composer.publishers.base import PublishableUpdate, TooLong

__all__ = ["Measure", "channel_limits", "fit", "plain_text", "source_text"]


def source_text(update: PublishableUpdate, channel: str) -> str:
    text = (update.texts or {}).get(channel, "").strip()
    return text or plain_text(update.body)


def fit(text: str, *, limit: int, length: Measure, thread: bool, long_url: str = "",
        max_parts: int = 25) -> list[str]:
    try:
        return _fit(text, limit=limit, length=length, thread=thread, long_url=long_url, max_parts=max_parts)
    except DoesNotFit as error:
        raise TooLong(f"This update does not fit: {error}.") from None


def channel_limits(names: list[str], entries: dict | None = None) -> tuple[ChannelLimit, ...]:
    """The checklist's view of these publishers' length policies; unknown ids are a ValueError."""
    import grapheme  # noqa: PLC0415

    from composer.publishers.registry import discover  # noqa: PLC0415

    entries = discover() if entries is None else entries
    limits = []
    for name in names:
        entry = entries.get(name)
        if entry is None or entry.publisher is None:
            known = ", ".join(sorted(e for e, v in entries.items() if v.publisher is not None))
            raise ValueError(f"no channel {name!r} to check against (known: {known})")
        policy = entry.publisher.policy
        if policy.limit is None:
            continue
        limits.append(ChannelLimit(name=entry.publisher.display_name, limit=policy.limit,
                                   measure=policy.measure or grapheme.length, threads=policy.threads,
                                   source=policy.source, max_parts=policy.max_parts))
    return tuple(limits)
