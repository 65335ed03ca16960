# SPDX-License-Identifier: GPL-3.0-or-later
"""Whether the update fits each channel it will go to, counted by that channel's own rule."""

from __future__ import annotations

from composer.core.checks.base import Draft, Finding, Verdict
from composer.core.i18n import _, ngettext
from composer.core.social_text import DoesNotFit, fit, plain_text


class FitsChannels:
    id = "fits-channels"

    @property
    def title(self) -> str:
        return _("Fits each channel")

    def check(self, draft: Draft) -> Finding:
        channels = draft.config.channels
        if not channels:
            return Finding(self.id, Verdict.PASS, _("No channel with a length limit to publish to."))
        body_text: str | None = None
        notes, problems, fitting = [], [], []
        for channel in channels:
            name = _(channel.name)  # a publisher's display name
            text = draft.texts.get(channel.source, "").strip() if channel.source else ""
            if not text:
                body_text = plain_text(draft.body) if body_text is None else body_text
                text = body_text
            if not text:
                continue
            if _surely_too_long(text, channel.limit, channel.max_parts):
                far = ngettext(
                    "{channel}: far longer than {count} post of {limit}",
                    "{channel}: far longer than {count} posts of {limit}",
                    channel.max_parts,
                )
                problems.append(far.format(channel=name, count=channel.max_parts, limit=channel.limit))
                continue
            try:
                parts = fit(
                    text,
                    limit=channel.limit,
                    length=channel.measure,
                    thread=channel.threads,
                    long_url=draft.long_url,
                    max_parts=channel.max_parts,
                )
            except DoesNotFit as error:
                problems.append(f"{name}: {error}")
                continue
            if len(parts) > 1:
                thread = ngettext(
                    "{channel}: a thread of {count} post", "{channel}: a thread of {count} posts", len(parts)
                )
                notes.append(thread.format(channel=name, count=len(parts)))
            elif parts[0] != text:
                notes.append(_("{channel}: shortened, with a link to the full update").format(channel=name))
            else:
                fitting.append(name)
        # Each item names its channel and says all about it; the items are a list, in a sentence of its own.
        if problems:
            message = _("Cannot be published as it is — {problems}.").format(problems="; ".join(problems))
            return Finding(self.id, Verdict.FAIL, message)
        if notes:
            message = _("Longer than one post — {notes}. Check the split in the preview.").format(
                notes="; ".join(notes)
            )
            return Finding(self.id, Verdict.WARN, message)
        if fitting:
            message = _("Fits in one post on {channels}.").format(channels=", ".join(fitting))
            return Finding(self.id, Verdict.PASS, message)
        return Finding(self.id, Verdict.PASS, _("Nothing to publish to short channels yet."))


def _surely_too_long(text: str, limit: int, max_parts: int) -> bool:
    """Skip counting a text that no counter could squeeze in (every counter weighs a character ≥ 1/2)."""
    return len(text) > 2 * limit * max_parts
