# SPDX-License-Identifier: GPL-3.0-or-later
"""Differential test of the X length counter against twitter-text-parser and the official npm twitter-text.

The npm package (pinned in tests/peers/twitter-text, installed by its `install` script, which
`./dev test` runs) is X's reference implementation; it runs once, in one node process, over the
whole generated corpus. Where both implementations find the same URLs and emoji, the counts must
be identical (the weights, CJK ranges, NFC, newlines and the 23 of a link). Where they find
different entities, the string is reported by kind; those kinds are the known differences between
the two libraries' entity data (twemoji-parser 11 in npm knows only Unicode 11 emoji; npm misses
some links written without a scheme after other text) and may make up only a small share.
"""

from __future__ import annotations

import json
import random
import shutil
import subprocess
import unicodedata
from collections import Counter
from pathlib import Path

import pytest
from twitter_text import extract_urls_with_indices, parse_tweet
from twitter_text.extract_emojis import extract_emojis_with_indices

from composer.publishers.base import PublishableUpdate
from composer.publishers.x import LIMIT, XPublisher, as_sent, weighted_length

PEER = Path(__file__).resolve().parents[1] / "peers" / "twitter-text"
SEED = 20261124
NODE_BATCH = r"""
const tt = require('twitter-text');
const twemoji = require('twemoji-parser');
let input = '';
process.stdin.on('data', chunk => input += chunk).on('end', () => {
  const answers = JSON.parse(input).map(text => {
    const normal = text.normalize();
    return {
      length: tt.parseTweet(text).weightedLength,
      urls: tt.extractUrlsWithIndices(normal).map(u => u.url),
      emoji: twemoji.parse(normal).map(e => e.text),
    };
  });
  process.stdout.write(JSON.stringify(answers));
});
"""

ATOMS = {
    "ascii": [
        "status",
        "Payments",
        "are",
        "failing",
        "since",
        "10:02",
        "UTC.",
        "We're",
        "on",
        "it!",
        "(EU)",
        "50%",
        "v2.3.1",
        "a",
        "–",
        "...",
        "'quoted'",
        '"double"',
    ],
    "url": [
        "https://status.example.net/incidents/12",
        "http://example.org/a_b?x=1#frag",
        "https://status.example.net/" + "very-long-path/" * 20,
        "https://例え.jp/パス",
        "HTTPS://EXAMPLE.COM/CAPS",
        "https://example.com/path_(with)_parens",
        "https://sub.domain.example.co.uk/",
    ],
    "bare_url": [
        "example.com",
        "status.example.net/i/12",
        "www.example.org",
        "example.cat/ca",
        "t.co/abc123",
        "x.co",
        "a.io",
        "google.com.",
        "bit.ly/3xYz",
    ],
    "emoji": [
        "👍",
        "👍🏽",
        "👨‍👩‍👧‍👦",
        "🏳️‍🌈",
        "❤️",
        "❤",
        "🇪🇸",
        "🇨🇦",
        "1️⃣",
        "#️⃣",
        "👩🏾‍💻",
        "🧑‍🚒",
        "⚠️",
        "🔥",
        "✅",
        "🚨",
        "🛠️",
        "©",
        "®",
        "™",
        "🤏🏻",
        "🥲",
        "🫠",
        "🧑‍🤝‍🧑",
        "🏴‍☠️",
        "👁️‍🗨️",
    ],
    "cjk": ["日本語", "中文", "한국어", "かなカナ", "障害が発生しています", "服务中断", "。", "、"],
    "combining": ["e\u0301", "n\u0303", "a\u0308", "Z\u0351\u0352", "क्षि", "\u0627\u064e", "o\u0302\u0323"],
    "catalan_spanish": [
        "l·l",
        "col·lapse",
        "Què",
        "àèéíòóúïüç",
        "¿Qué pasó?",
        "¡Ya!",
        "ñandú",
        "Ç",
        "caída",
        "servei",
        "incidència",
    ],
    "newline": ["\n", "\n\n", "\r\n", "\r"],
    "mention_hashtag": ["@example_status", "@a", "#incident", "#caída", "#日本", "$ACME", "@user/list", "#1"],
}
SEPARATORS = [" "] * 12 + [", ", ". ", "\n", "\u00a0", ""]


def corpus(size: int, rng: random.Random) -> list[str]:
    """Strings mixing every kind, mostly space-separated as people write, sometimes glued."""
    kinds = list(ATOMS)
    texts = []
    for _ in range(size):
        chosen = rng.sample(kinds, rng.randint(1, 4))
        pieces = []
        for _ in range(rng.randint(1, 40)):
            pieces.append(rng.choice(ATOMS[rng.choice(chosen)]))
            pieces.append(rng.choice(SEPARATORS))
        texts.append("".join(pieces).strip() or "x")
    return texts


def long_texts(count: int, rng: random.Random) -> list[str]:
    """Updates long enough to become threads: paragraphs of sentences from the same kinds."""
    texts = []
    for _ in range(count):
        paragraphs = []
        for _ in range(rng.randint(2, 7)):
            sentences = []
            for _ in range(rng.randint(1, 5)):
                words = [rng.choice(ATOMS[rng.choice(list(ATOMS))]).strip() or "ok" for _ in range(rng.randint(3, 25))]
                sentences.append(" ".join(words) + rng.choice([".", "!", "?", "…"]))
            paragraphs.append(" ".join(sentences))
        texts.append("\n\n".join(paragraphs))
    return texts


@pytest.fixture(scope="module")
def reference():
    """The npm twitter-text run once over a batch: [{length, urls, emoji}] per text."""
    if shutil.which("node") is None:
        pytest.fail("node is not installed: run `tests/peers/twitter-text/install` (or `./dev deps`)")
    if not (PEER / "node_modules" / "twitter-text" / "package.json").is_file():
        pytest.fail("the npm twitter-text reference is not installed: run `tests/peers/twitter-text/install`")

    def run(texts: list[str]) -> list[dict]:
        done = subprocess.run(
            ["node", "-e", NODE_BATCH], input=json.dumps(texts), capture_output=True, text=True, cwd=PEER, timeout=300
        )
        assert done.returncode == 0, done.stderr
        answers = json.loads(done.stdout)
        assert len(answers) == len(texts)
        return answers

    return run


def python_entities(text: str) -> tuple[list[str], list[str]]:
    """The URLs and emoji twitter-text-parser finds, on the text as it counts it (NFC)."""
    normal = unicodedata.normalize("NFC", text)
    return (
        [u["url"] for u in extract_urls_with_indices(normal)],
        [e["emoji"] for e in extract_emojis_with_indices(normal)],
    )


def compare(texts: list[str], answers: list[dict]) -> tuple[list[str], Counter, dict[str, list[str]]]:
    """Unexplained disagreements, and the explained ones by kind with examples."""
    unexplained: list[str] = []
    kinds: Counter = Counter()
    examples: dict[str, list[str]] = {}
    for text, answer in zip(texts, answers, strict=True):
        ours = weighted_length(text)
        if ours == answer["length"]:
            continue
        urls, emoji = python_entities(text)
        kind = ("links found differently" if urls != answer["urls"] else "") or (
            "emoji found differently" if emoji != answer["emoji"] else ""
        )
        if not kind:
            unexplained.append(f"{text!r}: ours {ours}, npm {answer['length']}")
            continue
        kinds[kind] += 1
        examples.setdefault(kind, [])
        if len(examples[kind]) < 3:
            found = (urls, answer["urls"]) if kind.startswith("links") else (emoji, answer["emoji"])
            examples[kind].append(
                f"{text!r}: ours {ours}, npm {answer['length']}; ours found {found[0]}, npm {found[1]}"
            )
    return unexplained, kinds, examples


def test_the_publisher_counts_exactly_as_twitter_text_parser():
    texts = corpus(3000, random.Random(SEED))
    differing = [
        (t, weighted_length(t), parse_tweet(t).weightedLength)
        for t in texts
        if weighted_length(t) != parse_tweet(t).weightedLength
    ]
    assert differing == [], f"{len(differing)} strings counted differently, e.g. {differing[:5]}"


def test_the_counter_agrees_with_the_npm_reference(reference):
    texts = [as_sent(text) for text in corpus(3000, random.Random(SEED))]  # as the publisher sends them
    answers = reference(texts)
    unexplained, kinds, examples = compare(texts, answers)
    same = sum(1 for text, answer in zip(texts, answers, strict=True) if weighted_length(text) == answer["length"])
    report = (
        f"{same} of {len(texts)} strings counted the same; entity differences: {dict(kinds)}; "
        f"examples: {json.dumps(examples, ensure_ascii=False, indent=1)}"
    )
    assert unexplained == [], (
        f"{len(unexplained)} counted differently with the same entities:\n"
        + "\n".join(unexplained[:20])
        + "\n"
        + report
    )
    # The corpus must exercise the counting itself, not only the entity differences.
    assert same >= 0.7 * len(texts), report
    urls_counted = sum(1 for text in texts[:500] if python_entities(text)[0])
    emoji_counted = sum(1 for text in texts[:500] if python_entities(text)[1])
    assert urls_counted > 100 and emoji_counted > 100, (urls_counted, emoji_counted)
    print(report)


def test_line_breaks_are_sent_so_that_both_counters_agree(reference):
    """npm twitter-text counts "\\r\\n" as two characters, twitter-text-parser as one: X gets "\\n" only."""
    [crlf, lf] = reference(["Down.\r\nFixed.", "Down.\nFixed."])
    assert (crlf["length"], lf["length"], weighted_length("Down.\r\nFixed.")) == (13, 12, 12)
    post = XPublisher().render(
        PublishableUpdate(
            incident_id=1, update_id=1, title="t", body="", texts={"social-short": "Down.\r\nFixed.\rSorry."}
        )
    )
    assert post.parts == ["Down.\nFixed.\nSorry."]


def test_thread_parts_fit_for_both_counters(reference):
    rng = random.Random(SEED + 1)
    publisher = XPublisher()
    parts: list[str] = []
    for text in long_texts(80, rng):
        post = publisher.render(
            PublishableUpdate(incident_id=1, update_id=1, title="t", body="", texts={"social-short": text})
        )
        total = len(post.parts)
        for number, part in enumerate(post.parts, 1):
            assert part.endswith(f" ({number}/{total})") or total == 1
        assert " ".join(post.parts).split() != [] and all(p.strip() for p in post.parts)
        parts += post.parts
    assert len(parts) > 300, "the long texts must become threads"
    over_ours = [(part, weighted_length(part)) for part in parts if weighted_length(part) > LIMIT]
    assert over_ours == [], over_ours[:5]
    answers = reference(parts)
    over_npm = []
    for part, answer in zip(parts, answers, strict=True):
        if answer["length"] > LIMIT:
            urls, emoji = python_entities(part)
            explained = urls != answer["urls"] or emoji != answer["emoji"]
            over_npm.append((explained, f"{part[:60]!r}: npm {answer['length']}, ours {weighted_length(part)}"))
    unexplained = [text for explained, text in over_npm if not explained]
    assert unexplained == [], f"parts over {LIMIT} for npm twitter-text: {unexplained[:10]}"
    unexplained_lengths, _, _ = compare(parts, answers)
    assert unexplained_lengths == [], unexplained_lengths[:10]
    print(f"{len(parts)} thread parts; over {LIMIT} for npm only through entity differences: {len(over_npm)}")
