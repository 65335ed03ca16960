# SPDX-License-Identifier: GPL-3.0-or-later
"""Where an update goes, what format it takes there, and how that channel counts length."""

from __future__ import annotations

from dataclasses import dataclass

from composer.core.i18n import N_
from composer.core.lengths import graphemes, mastodon_length, x_length


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
            return x_length(text)
        if self.id == "social-medium":
            return mastodon_length(text)
        return graphemes(text)


CHANNELS: dict[str, Channel] = {
    channel.id: channel
    for channel in (
        Channel("blog", N_("Blog post"), "markdown"),
        Channel("email", N_("Email"), "email"),
        Channel("social-short", N_("Short social post"), "text", 280, N_("weighted characters (X rules)")),
        Channel("social-medium", N_("Medium social post"), "text", 500, N_("characters, links as 23 (Mastodon rules)")),
        Channel("page", N_("Alternate contact page"), "html"),
    )
}
