# SPDX-License-Identifier: GPL-3.0-or-later
"""What each channel will post, before anything is sent: the parts of a thread and their counts.

Used by the window's preview tabs and the Publish dialog, so the user sees a split or a
shortened post before it goes out. No Qt, no network.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from composer.core.i18n import _, ngettext
from composer.core.lengths import graphemes
from composer.publishers.base import PublishableUpdate, Publisher, PublishError


@dataclass
class ChannelPreview:
    channel: str  # publisher id
    title: str  # display name
    parts: list[str] = field(default_factory=list)
    counts: list[int] = field(default_factory=list)  # each part's length by the channel's rule
    limit: int | None = None
    counter: str = ""
    subject: str = ""
    error: str = ""

    @property
    def summary(self) -> str:
        if self.error:
            return _("cannot be posted")
        if len(self.parts) > 1:
            return ngettext("thread of {count}", "thread of {count}", len(self.parts)).format(count=len(self.parts))
        if self.limit is not None and self.counts:
            return f"{self.counts[0]}/{self.limit}"
        return _("1 post")


def preview(publisher: Publisher, update: PublishableUpdate) -> ChannelPreview:
    """The publisher's own rendering of `update`, or why it cannot render it."""
    policy = publisher.policy
    result = ChannelPreview(
        channel=publisher.id, title=_(publisher.display_name), limit=policy.limit, counter=_(policy.counter)
    )
    try:
        post = publisher.render(update)
    except PublishError as error:
        result.error = str(error)
        return result
    except Exception as error:  # a plugin's bug must not break the preview of the others
        result.error = _("{channel} could not render this update: {error}").format(
            channel=_(publisher.display_name), error=error
        )
        return result
    measure = policy.measure or graphemes
    result.parts = list(post.parts)
    result.subject = post.subject
    result.counts = [measure(part) for part in post.parts] if policy.limit is not None else []
    return result


def previews(publishers: Iterable[Publisher], update: PublishableUpdate) -> list[ChannelPreview]:
    """One preview per distinct channel, in the order given."""
    seen: set[str] = set()
    result: list[ChannelPreview] = []
    for publisher in publishers:
        if publisher.id not in seen:
            seen.add(publisher.id)
            result.append(preview(publisher, update))
    return result
