# SPDX-License-Identifier: GPL-3.0-or-later
"""Whether the update fits each channel it will go to, counted by that channel's own rule."""

from __future__ import annotations

from composer.core.checks.base import Draft, Finding, Verdict
from composer.core.social_text import DoesNotFit, fit, plain_text


class FitsChannels:
    id = "fits-channels"
    title = "Fits each channel"

    def check(self, draft: Draft) -> Finding:
        channels = draft.config.channels
        if not channels:
            return Finding(self.id, Verdict.PASS, "No channel with a length limit to publish to.")
        body_text: str | None = None
        notes, problems, fitting = [], [], []
        for channel in channels:
            text = draft.texts.get(channel.source, "").strip() if channel.source else ""
            if not text:
                body_text = plain_text(draft.body) if body_text is None else body_text
                text = body_text
            if not text:
                continue
            if _surely_too_long(text, channel.limit, channel.max_parts):
                problems.append(f"{channel.name}: far longer than {channel.max_parts} posts of {channel.limit}")
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
                problems.append(f"{channel.name}: {error}")
                continue
            if len(parts) > 1:
                notes.append(f"{channel.name}: a thread of {len(parts)} posts")
            elif parts[0] != text:
                notes.append(f"{channel.name}: shortened, with a link to the full update")
            else:
                fitting.append(channel.name)
        if problems:
            return Finding(self.id, Verdict.FAIL, "Cannot be published as it is — " + "; ".join(problems) + ".")
        if notes:
            return Finding(
                self.id,
                Verdict.WARN,
                "Longer than one post — " + "; ".join(notes) + ". Check the split in the preview.",
            )
        return Finding(
            self.id,
            Verdict.PASS,
            "Fits in one post on " + ", ".join(fitting) + "."
            if fitting
            else "Nothing to publish to short channels yet.",
        )


def _surely_too_long(text: str, limit: int, max_parts: int) -> bool:
    """Skip counting a text that no counter could squeeze in (every counter weighs a character ≥ 1/2)."""
    return len(text) > 2 * limit * max_parts
