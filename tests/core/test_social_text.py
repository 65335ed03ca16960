# SPDX-License-Identifier: GPL-3.0-or-later
"""Social text: Markdown made plain, threads split where readers pause, shortening with a link."""

from __future__ import annotations

import random
import re

import grapheme
import pytest

from composer.core.lengths import mastodon_length
from composer.core.lengths import x_length as twitter_length
from composer.core.social_text import DoesNotFit, fit, plain_text, shorten, split_thread

MARKER = re.compile(r" \((\d+)/(\d+)\)$")


def test_plain_text_drops_markup_and_keeps_addresses():
    markdown = (
        "# Email delayed\n\nWe are **sorry**: mail is [delayed](https://status.example/3).\n"
        "Call [+34 93 000 00 00](tel:+34930000000) or [mail us](mailto:help@example.net).\n\n"
        "- one\n- two\n\n1. first\n2. second\n\nMarta Vidal  \nHead of support\n"
    )
    assert plain_text(markdown) == (
        "Email delayed\n\n"
        "We are sorry: mail is delayed (https://status.example/3). "
        "Call +34 93 000 00 00 or mail us (help@example.net).\n\n"
        "• one\n• two\n\n1. first\n2. second\n\n"
        "Marta Vidal\nHead of support"
    )


def test_plain_text_keeps_a_bare_link_once():
    assert plain_text("See <https://status.example/3> now") == "See https://status.example/3 now"


def test_short_text_is_one_post_unchanged():
    assert fit("  All fine now.  ", limit=280, length=twitter_length, thread=True) == ["All fine now."]


def test_thread_splits_between_paragraphs_first():
    first, second = "a" * 200 + ".", "b" * 200 + "."
    parts = fit(f"{first}\n\n{second}", limit=280, length=twitter_length, thread=True)
    assert parts == [f"{first} (1/2)", f"{second} (2/2)"]


def test_thread_splits_a_long_paragraph_between_sentences():
    sentence = "We are moving every mailbox to the spare cluster, one region at a time."
    parts = fit(" ".join([sentence] * 10), limit=280, length=twitter_length, thread=True)
    assert len(parts) == 4  # 72 characters a sentence: three fit beside the marker, four do not
    for part in parts:
        assert twitter_length(part) <= 280
        assert MARKER.sub("", part).endswith("time.")  # never in the middle of a sentence


def test_a_word_longer_than_a_post_is_cut():
    parts = split_thread("x" * 600, limit=280, length=twitter_length)
    assert len(parts) == 3 and all(twitter_length(p) <= 280 for p in parts)


def test_marker_room_grows_with_ten_parts_or_more():
    words = " ".join(f"w{i:03d}" for i in range(700))
    parts = split_thread(words, limit=100, length=grapheme.length, max_parts=99)
    assert len(parts) >= 10
    assert all(grapheme.length(p) <= 100 for p in parts)
    assert [MARKER.search(p).groups() for p in parts] == [(str(i), str(len(parts))) for i in range(1, len(parts) + 1)]


def test_too_many_parts_is_refused_with_a_reason():
    with pytest.raises(DoesNotFit, match="more than 3 posts"):
        fit("word " * 400, limit=100, length=len, thread=True, max_parts=3)


def test_shorten_keeps_whole_sentences_and_links_to_the_long_form():
    text = "First sentence here. Second sentence is a little longer. " * 10
    short = fit(text, limit=120, length=mastodon_length, thread=False, long_url="https://status.example/3")
    assert short == [
        "First sentence here. Second sentence is a little longer. First sentence here. … https://status.example/3"
    ]
    assert mastodon_length(short[0]) <= 120


def test_shorten_without_a_link_says_why():
    with pytest.raises(DoesNotFit, match="no link"):
        shorten("long " * 100, limit=50, length=len, long_url="")


@pytest.mark.parametrize("length, limit", [(twitter_length, 280), (mastodon_length, 500), (grapheme.length, 300)])
def test_threads_keep_every_word_in_order_and_every_part_fits(length, limit):
    rng = random.Random(7)
    vocabulary = [
        "incidència",
        "servei",
        "we",
        "are",
        "sorry",
        "🙇",
        "👩🏽‍💻",
        "https://status.example/inc/42",
        "東京",
        "restored.",
        "Next",
        "update:",
        "15:30",
        "CET.",
        "mail",
        "slow!",
    ]
    for _ in range(40):
        paragraphs = [" ".join(rng.choice(vocabulary) for _ in range(rng.randint(1, 90))) for _ in range(4)]
        text = "\n\n".join(paragraphs)
        parts = fit(text, limit=limit, length=length, thread=True)
        assert all(length(p) <= limit for p in parts)
        if len(parts) > 1:
            assert " ".join(MARKER.sub("", p) for p in parts).split() == text.split()
