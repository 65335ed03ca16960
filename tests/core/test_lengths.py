# SPDX-License-Identifier: GPL-3.0-or-later
"""One counter per network, the same for template previews, the fits-channels rule and the publishers."""

from __future__ import annotations

from composer.core import lengths
from composer.core.templates import CHANNELS
from composer.publishers.registry import available


def test_the_publishers_policies_count_with_the_shared_counters():
    publishers = available(include_plugins=False)
    for network in ("x", "mastodon", "bluesky", "linkedin"):
        assert publishers[network].policy.measure is lengths.COUNTERS[network], network


def test_template_channels_count_as_the_networks_do():
    text = "Thanks @alice@mastodon.example.org — details: https://status.example.net/incidents/42/a-long-slug"
    assert CHANNELS["social-medium"].length(text) == lengths.mastodon_length(text)
    assert lengths.mastodon_length(text) == len("Thanks @alice — details: ") + 23  # mention without domain
    assert CHANNELS["social-short"].length(text) == lengths.x_length(text)


def test_x_counts_the_text_as_sent():
    assert lengths.x_length("Down.\r\nFixed.") == lengths.x_length("Down.\nFixed.") == 12


def test_bluesky_holds_both_limits_in_one_number():
    family = "\U0001f468\u200d\U0001f469\u200d\U0001f467\u200d\U0001f466"  # 25 bytes, one grapheme
    assert lengths.bluesky_length("a" * 300) == 300
    assert lengths.bluesky_length(family * 120) == 300


def test_linkedin_counts_the_escaped_text():
    assert lengths.linkedin_length("(a)") == len("\\(a\\)")
    assert lengths.linkedin_length("see https://e.net/a_b") == len("see https://e.net/a_b")


def test_unknown_networks_count_graphemes():
    assert lengths.counter("smoke-signals")("é\u0301x") == 2
