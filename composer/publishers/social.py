# SPDX-License-Identifier: GPL-3.0-or-later
"""What social publishers share: the text a channel starts from, and making it fit.

`source_text` prefers the short form written for that size of post (the templates'
"social-short" or "social-medium" text), else the update's body as plain text. `fit` splits
it into a thread or shortens it with a link, measured by the channel's own counter.
"""

from __future__ import annotations

from composer.core.social_text import DoesNotFit, Measure, plain_text
from composer.core.social_text import fit as _fit
from composer.publishers.base import PublishableUpdate, TooLong

__all__ = ["Measure", "fit", "plain_text", "source_text"]


def source_text(update: PublishableUpdate, channel: str) -> str:
    text = (update.texts or {}).get(channel, "").strip()
    return text or plain_text(update.body)


def fit(text: str, *, limit: int, length: Measure, thread: bool, long_url: str = "",
        max_parts: int = 25) -> list[str]:
    try:
        return _fit(text, limit=limit, length=length, thread=thread, long_url=long_url, max_parts=max_parts)
    except DoesNotFit as error:
        raise TooLong(f"This update does not fit: {error}.") from None
