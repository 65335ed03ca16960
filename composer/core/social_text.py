# SPDX-License-Identifier: GPL-3.0-or-later
"""Text for short channels: Markdown made plain, and long text made to fit a post limit.

Long text either becomes a thread, split where a reader would pause (between paragraphs, then
sentences, then words), each part ending with a "(i/n)" marker; or it is shortened at a
sentence and ends with a link to the long form. Lengths are always measured by the channel's
own counter, passed in, so the same code serves X, Mastodon, Bluesky and LinkedIn.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from composer.core.i18n import _

if TYPE_CHECKING:
    from markdown_it.token import Token

Measure = Callable[[str], int]

_SENTENCE_END = re.compile(r"(?<=[.!?…:;])\s+")
# Where a long sentence may be cut: before a dash, or after a comma that opens a new clause
# (en/ca/es conjunctions and relatives), never inside a list ("websites, webmail and …").
_CLAUSE_END = re.compile(
    r"\s+(?=[—–]\s)|(?<=,)\s+(?=(?:and|but|or|so|which|who|while|because|although|"
    r"i|però|o|perquè|que|mentre|tot i que|y|pero|porque|mientras|aunque)\b)",
    re.IGNORECASE,
)
_BLANK_LINES = re.compile(r"\n\s*\n")
ELLIPSIS = "…"


@dataclass(frozen=True)
class ChannelLimit:
    """How one channel takes text, as the checklist needs it (publishers' policies give these)."""

    name: str  # shown to the user: "X", "Bluesky"
    limit: int
    measure: Measure
    threads: bool  # long text becomes a thread; else it is shortened with a link
    source: str = ""  # the short form it starts from ("social-short"); "": the body as plain text
    max_parts: int = 25


class DoesNotFit(ValueError):
    """The text cannot be carried by the channel: too many parts, or no link to shorten to."""


def plain_text(markdown: str, *, keep_lines: bool = False) -> str:
    """Markdown as a social post reads it: no markup, links as their address, lists as bullets.
    `keep_lines`: a line break in the source stays one (an email's signature block, its address
    lines); else wrapped lines join, as a post reads them."""
    from markdown_it import MarkdownIt  # noqa: PLC0415

    tokens = MarkdownIt("commonmark").parse(markdown)
    blocks: list[str] = []
    numbers: list[int | None] = []  # per open list: the next number, or None for bullets
    bullet = ""  # the marker waiting for a list item's first line
    after_item = False  # the last block is a list, so the next item joins it
    for token in tokens:
        if token.type in ("bullet_list_open", "ordered_list_open"):
            start = token.attrGet("start")
            numbers.append(int(start or 1) if token.type == "ordered_list_open" else None)
        elif token.type in ("bullet_list_close", "ordered_list_close"):
            numbers.pop()
            after_item = bool(numbers)
        elif token.type == "list_item_open":
            number = numbers[-1]
            bullet = f"{'  ' * (len(numbers) - 1)}{'•' if number is None else f'{number}.'} "
            if number is not None:
                numbers[-1] = number + 1
        elif token.type == "inline":
            text = bullet + _inline_text(token.children or [], keep_lines)
            if bullet and after_item:
                blocks[-1] += "\n" + text
            else:
                blocks.append(text)
            after_item, bullet = bool(bullet) or bool(numbers), ""
        elif token.type in ("fence", "code_block"):
            blocks.append(token.content.rstrip("\n"))
            after_item = False
    return "\n\n".join(block for block in blocks if block.strip())


def _inline_text(children: list[Token], keep_lines: bool = False) -> str:
    out: list[str] = []
    link_href: list[str] = []
    link_start: list[int] = []
    for child in children:
        if child.type in {"text", "code_inline"}:
            out.append(child.content)
        elif child.type == "softbreak":  # a wrapped line in the source: readers see one line
            out.append("\n" if keep_lines else " ")
        elif child.type == "hardbreak":
            out.append("\n")
        elif child.type == "image":
            out.append(child.content)
        elif child.type == "link_open":
            link_href.append(str(child.attrGet("href") or ""))
            link_start.append(len(out))
        elif child.type == "link_close" and link_href:
            href, start = link_href.pop(), link_start.pop()
            label = "".join(out[start:])
            address = href.split(":", 1)[1] if href.startswith(("mailto:", "tel:")) else href
            if href.startswith("tel:") and _digits(address) == _digits(label):
                continue
            if address and address not in label:
                out.append(f" ({href if '://' in href else address})" if label else address)
    return "".join(out).strip()


def _digits(text: str) -> str:
    return "".join(c for c in text if c.isdigit())


def fit(text: str, *, limit: int, length: Measure, thread: bool, long_url: str = "", max_parts: int = 25) -> list[str]:
    """The posts that carry `text` within `limit` as counted by `length`."""
    text = text.strip()
    if length(text) <= limit:
        return [text]
    if thread:
        return split_thread(text, limit=limit, length=length, max_parts=max_parts)
    return [shorten(text, limit=limit, length=length, long_url=long_url)]


def split_thread(text: str, *, limit: int, length: Measure, max_parts: int = 25) -> list[str]:
    """Parts of at most `limit`, each ending " (i/n)"."""
    digits = 1
    while digits <= len(str(max_parts)):
        marker_room = length(" ({0}/{0})".format("9" * digits))
        parts = _pack(text, limit - marker_room, length)
        if len(str(len(parts))) <= digits:
            if len(parts) > max_parts:
                break
            total = len(parts)
            return [f"{part} ({index}/{total})" for index, part in enumerate(parts, 1)]
        digits += 1
    raise DoesNotFit(
        _("the text needs more than {count} posts of {limit}: shorten it").format(count=max_parts, limit=limit)
    )


def shorten(text: str, *, limit: int, length: Measure, long_url: str) -> str:
    """The first sentences that fit, then "…" and the link to the whole text."""
    if not long_url:
        raise DoesNotFit(
            _("the text is longer than {limit} and there is no link to the full update to point to").format(limit=limit)
        )
    tail = f" {ELLIPSIS} {long_url}"
    kept = ""
    for piece in _pieces(text, length, limit - length(tail)):
        candidate = f"{kept} {piece}".strip() if kept else piece
        if length(candidate + tail) > limit:
            break
        kept = candidate
    if not kept:
        raise DoesNotFit(_("not even one sentence fits in {limit} beside the link").format(limit=limit))
    return kept + tail


def _pieces(text: str, length: Measure, budget: int) -> list[str]:
    """Sentences in reading order; a sentence alone over budget by its clauses (after , ; : or
    before a dash), and only a clause still over budget by its words: never cut mid-phrase when
    a boundary a reader pauses at will do."""
    pieces: list[str] = []
    for paragraph in _BLANK_LINES.split(text):
        for sentence in _SENTENCE_END.split(paragraph.strip()):
            if not sentence:
                continue
            if length(sentence) <= budget:
                pieces.append(sentence)
                continue
            for clause in _CLAUSE_END.split(sentence):
                if length(clause) <= budget:
                    pieces.append(clause)
                else:
                    pieces.extend(_words(clause, length, budget))
    return pieces


def _words(sentence: str, length: Measure, budget: int) -> list[str]:
    """Runs of whole words within budget; a single word longer than the budget is cut."""
    runs: list[str] = []
    current = ""
    for word in sentence.split():
        candidate = f"{current} {word}" if current else word
        if length(candidate) <= budget:
            current = candidate
            continue
        if current:
            runs.append(current)
        while length(word) > budget:
            cut = _longest_prefix(word, length, budget)
            runs.append(word[:cut])
            word = word[cut:]
        current = word
    if current:
        runs.append(current)
    return runs


def _longest_prefix(word: str, length: Measure, budget: int) -> int:
    import grapheme  # noqa: PLC0415

    best = 1
    for size in range(1, grapheme.length(word) + 1):
        prefix = grapheme.slice(word, 0, size)
        if length(prefix) > budget:
            break
        best = len(prefix)
    return best


def _pack(text: str, budget: int, length: Measure) -> list[str]:
    """Greedy: whole paragraphs together while they fit; otherwise sentences, then words."""
    if budget <= 0:
        raise DoesNotFit(_("the limit leaves no room for text"))
    parts: list[str] = []
    current = ""
    for paragraph in (p.strip() for p in _BLANK_LINES.split(text)):
        if not paragraph:
            continue
        candidate = f"{current}\n\n{paragraph}" if current else paragraph
        if length(candidate) <= budget:
            current = candidate
            continue
        if current:
            parts.append(current)
            current = ""
        if length(paragraph) <= budget:
            current = paragraph
            continue
        for piece in _pieces(paragraph, length, budget):
            candidate = f"{current} {piece}" if current else piece
            if length(candidate) <= budget:
                current = candidate
            else:
                if current:
                    parts.append(current)
                current = piece
    if current:
        parts.append(current)
    return parts
