# SPDX-License-Identifier: GPL-3.0-or-later
"""The per-channel length rule: each channel counted by its own rule, threads and shortening shown."""

from __future__ import annotations

from datetime import UTC, datetime

import grapheme

from composer.core.checks import make_draft, run_checks
from composer.core.checks.base import Verdict
from composer.core.checks.config import CheckConfig, ConfigError, parse_config
from composer.core.interchange import UpdateDocument
from composer.core.lengths import mastodon_length
from composer.core.lengths import x_length as twitter_length
from composer.core.social_text import ChannelLimit

NOW = datetime(2026, 11, 24, 10, 0, tzinfo=UTC)
X = ChannelLimit("X", 280, twitter_length, threads=True, source="social-short")
MASTODON = ChannelLimit("Mastodon", 500, mastodon_length, threads=True, source="social-medium")
LINKEDIN = ChannelLimit("LinkedIn", 3000, grapheme.length, threads=False)


def finding(body: str, *channels: ChannelLimit, **extra):
    config = CheckConfig(channels=channels)
    draft = make_draft(UpdateDocument(body=body, language="en", extra=extra), NOW, config)
    return next(f for f in run_checks(draft) if f.rule == "fits-channels")


def test_no_channel_configured_passes():
    assert finding("word " * 2000).verdict is Verdict.PASS


def test_fits_everywhere():
    result = finding("We are sorry: email is slow.", X, MASTODON)
    assert result.verdict is Verdict.PASS and result.message == "Fits in one post on X, Mastodon."


def test_a_thread_is_a_warning_that_names_the_count():
    body = "\n\n".join(["We are moving every mailbox to the spare cluster, one region at a time."] * 6)
    result = finding(body, X, MASTODON)
    assert result.verdict is Verdict.WARN
    assert "X: a thread of 2 posts" in result.message and "Mastodon" not in result.message


def test_each_channel_counts_its_own_way():
    # 260 characters of which a long link: X weighs the link 23, Mastodon 23, graphemes count it whole.
    body = "Status: " + "https://status.example/" + "a" * 200 + " " + "b" * 20
    plain = ChannelLimit("Plain", 240, grapheme.length, threads=True)
    result = finding(body, X, plain)
    assert result.verdict is Verdict.WARN and "Plain: a thread" in result.message and "X:" not in result.message


def test_the_channels_own_short_form_is_used_when_written():
    long_body = "We are investigating. " * 40
    result = finding(long_body, X, **{"social-short": "Email is slow; we are on it. https://status.example/3"})
    assert result.verdict is Verdict.PASS


def test_shortened_with_a_link_warns_and_without_a_link_fails():
    body = "We are sorry. " * 300
    linked = finding(body, LINKEDIN, long_url="https://status.example/3")
    assert linked.verdict is Verdict.WARN and "shortened, with a link" in linked.message
    unlinked = finding(body, LINKEDIN)
    assert unlinked.verdict is Verdict.FAIL and "no link" in unlinked.message


def test_too_long_even_as_a_thread_fails():
    result = finding("All the details. " * 2000, X)
    assert result.verdict is Verdict.FAIL and "X" in result.message


def test_config_names_the_channels():
    config = parse_config('[publishing]\nchannels = ["x", "bluesky"]\n')
    assert config.channel_names == ["x", "bluesky"]
    try:
        parse_config('[publishing]\nchannels = "x"\n')
    except ConfigError as error:
        assert "publishing.channels" in str(error)
    else:
        raise AssertionError("a string instead of a list must be refused")
