# SPDX-License-Identifier: GPL-3.0-or-later
"""Where an update goes, what format it takes there, and how that channel counts length."""

from __future__ import annotations

import re
from dataclasses import dataclass

_URL = re.compile(r"https?://\S+", re.IGNORECASE)
MASTODON_URL_LENGTH = 23  # Mastodon counts every link as 23 characters (docs: "Posting statuses")


def twitter_length(text: str) -> int:
    """X's weighted length (twitter-text rules: URLs 23, CJK and emoji weigh 2)."""
    from twitter_text import parse_tweet  # noqa: PLC0415

    return parse_tweet(text).weightedLength


def mastodon_length(text: str) -> int:
    """Mastodon's count: user-perceived characters, every URL as 23."""
    import grapheme  # noqa: PLC0415

    return grapheme.length(_URL.sub("x" * MASTODON_URL_LENGTH, text))


def plain_length(text: str) -> int:
    import grapheme  # noqa: PLC0415

    return grapheme.length(text)


@dataclass(frozen=True)
class Channel:
    id: str
    label: str
    output: str  # "markdown", "email", "text" or "html"
    limit: int | None = None
    counter: str = "characters"  # how `length` counts, said to the user

    @property
    def autoescape(self) -> bool:
        return self.output == "html"

    def length(self, text: str) -> int:
        if self.id == "social-short":
            return twitter_length(text)
        if self.id == "social-medium":
            return mastodon_length(text)
        return plain_length(text)


CHANNELS: dict[str, Channel] = {
    channel.id: channel
    for channel in (
        Channel("blog", "Blog post", "markdown"),
        Channel("email", "Email", "email"),
        Channel("social-short", "Short social post", "text", 280, "weighted characters (X rules)"),
        Channel("social-medium", "Medium social post", "text", 500, "characters, links as 23 (Mastodon rules)"),
        Channel("page", "Alternate contact page", "html"),
    )
}
