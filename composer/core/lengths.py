# SPDX-License-Identifier: GPL-3.0-or-later
"""How long a post is, by each network's own rule: the one counter used by template previews,
the `fits-channels` rule and the publishers.

- X: twitter-text's weighted length (links 23, CJK and emoji weigh 2), on the text as sent
  (line breaks as "\\n" only: twitter-text-parser and the npm twitter-text count "\\r\\n"
  differently).
- Mastodon: its StatusLengthValidator: grapheme clusters, every link with a scheme as the
  instance's `characters_reserved_per_url` (23), a mention as `@user` without its domain.
- Bluesky: 300 graphemes and 3000 UTF-8 bytes, folded into one number against 300.
- LinkedIn: UTF-16 code units of the commentary once its reserved characters are escaped.
- Anything else: grapheme clusters.

The libraries (twitter-text-parser, grapheme) are imported on first use, off the app's
startup path.
"""

from __future__ import annotations

import re
from collections.abc import Callable

Measure = Callable[[str], int]

X_LIMIT = 280
MASTODON_URL_LENGTH = 23  # characters_reserved_per_url when the instance does not say
LINKEDIN_RESERVED = frozenset("\\|{}@[]()<>#*_~")

# Mastodon's Account::MENTION_RE: `@user` or `@user@domain`, not inside a word, an address or a URL.
_MENTION = re.compile(r"(?<![=/\w])@(?P<username>[a-z0-9_]+(?:[.-]+[a-z0-9_]+)*)(?:@\w+(?:[.-]+\w+)*)?", re.IGNORECASE)


def graphemes(text: str) -> int:
    """User-perceived characters (an emoji with modifiers, a letter with its accents: one)."""
    import grapheme  # noqa: PLC0415

    return int(grapheme.length(text))


def as_sent_to_x(text: str) -> str:
    """The text with every line break as "\\n", the only form sent to X."""
    return text.replace("\r\n", "\n").replace("\r", "\n")


def x_length(text: str) -> int:
    """X's weighted length of `text` as it is sent."""
    from twitter_text import parse_tweet  # noqa: PLC0415

    return int(parse_tweet(as_sent_to_x(text)).weightedLength)


def _urls(text: str, *, without_protocol: bool = True) -> list[tuple[int, int, str]]:
    """(start, end, url) of every link, found the way twitter-text finds them (trailing punctuation out)."""
    from twitter_text import extract_urls_with_indices  # noqa: PLC0415

    found = extract_urls_with_indices(text, extract_urls_without_protocol=without_protocol)
    return [(int(item["indices"][0]), int(item["indices"][1]), str(item["url"])) for item in found]


def mastodon_length(text: str, *, url_length: int = MASTODON_URL_LENGTH) -> int:
    """The length of a status as Mastodon counts it."""
    entities = [(start, end, "x" * url_length) for start, end, _url in _urls(text, without_protocol=False)]
    entities += [(match.start(), match.end(), "@" + match["username"]) for match in _MENTION.finditer(text)]
    pieces, position = [], 0
    for start, end, replacement in sorted(entities):
        if start < position:
            continue  # overlaps an earlier entity (a mention inside a URL): the earlier one wins
        pieces += [text[position:start], replacement]
        position = end
    pieces.append(text[position:])
    return graphemes("".join(pieces))


def bluesky_length(text: str) -> int:
    """How full a post is against 300: graphemes, or UTF-8 bytes / 10 when that is more.

    One number for both of Bluesky's limits (300 graphemes, 3000 bytes), so the thread splitter
    can use it: a text fits exactly when both limits hold."""
    return max(graphemes(text), -(-len(text.encode("utf-8")) // 10))


def linkedin_escape(text: str) -> str:
    """`text` for LinkedIn's commentary field: reserved little-text characters escaped, links as written."""
    out: list[str] = []
    position = 0
    for start, end, url in _urls(text):
        if not url.lower().startswith(("http://", "https://")):
            continue
        out.append(_escape_little(text[position:start]))
        out.append(text[start:end])
        position = end
    out.append(_escape_little(text[position:]))
    return "".join(out)


def _escape_little(text: str) -> str:
    return "".join(f"\\{character}" if character in LINKEDIN_RESERVED else character for character in text)


def linkedin_length(text: str) -> int:
    """The length LinkedIn sees, counted so it never comes out short: the escaped text in UTF-16 units."""
    return len(linkedin_escape(text).encode("utf-16-le")) // 2


# network -> its counter; the publishers' policies and the template channels use these.
COUNTERS: dict[str, Measure] = {
    "x": x_length,
    "mastodon": mastodon_length,
    "bluesky": bluesky_length,
    "linkedin": linkedin_length,
}


def counter(network: str) -> Measure:
    """The counter of `network`; graphemes for a network without a rule of its own."""
    return COUNTERS.get(network, graphemes)
