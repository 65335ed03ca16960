# SPDX-License-Identifier: GPL-3.0-or-later
"""The API third-party publishers import — and nothing else of the app.

Versioned: a plugin declares `api_version = API_VERSION` (the major number it was written
for); a plugin without it, or for another major version, is shown as unavailable instead of
loaded.

Besides the contract (`composer.publishers.base`), it exports what the built-in publishers
use to render and fit text, so a plugin posts the same text the same way:

- `source_text(update, channel)`: the short form written for that channel ("social-short",
  "social-medium"), else the body as plain text; `plain_text(markdown)`; `markdown_to_html`;
- `fit(text, limit=, length=, thread=, long_url=, max_parts=)`: the text as a thread or
  shortened with a link, measured by a `Measure` (raises `TooLong`);
- each network's counter: `x_length`, `mastodon_length`, `bluesky_length`, `linkedin_length`,
  `graphemes`, `counter(network)`, and the text as it is sent: `as_sent_to_x`, `linkedin_escape`;
- `scrub(text, *secrets)` and `scrub_args(error, *secrets)`: no message carries a secret, in
  any form a server may echo it (`MASK` replaces it);
- `timeout_field(default, waited_for)` and `timeout_seconds(text, channel, default)`: the
  optional "timeout" setting every network channel offers, and reading it.

See docs/plugins.md.
"""

from __future__ import annotations

from composer.core.lengths import (
    as_sent_to_x,
    bluesky_length,
    counter,
    graphemes,
    linkedin_escape,
    linkedin_length,
    mastodon_length,
    x_length,
)
from composer.core.secrets import MASK, scrub, scrub_args
from composer.publishers.base import (
    API_VERSION,
    Account,
    AccountField,
    AuthRejected,
    Cancelled,
    NetworkError,
    NotFound,
    OutcomeUnknown,
    Post,
    PublishableUpdate,
    Publisher,
    PublishError,
    RateLimited,
    Receipt,
    Rejected,
    Report,
    TextPolicy,
    TooLong,
    ValidatesSettings,
    no_report,
)
from composer.publishers.social import Measure, fit, plain_text, source_text
from composer.publishers.web import timeout_field, timeout_seconds


def markdown_to_html(text: str) -> str:
    """Markdown as safe HTML (CommonMark, no raw HTML, sanitised), as the email and blog publishers send it."""
    from composer.core.templates.render import markdown_to_html as render  # noqa: PLC0415 - off the import path

    return render(text)


__all__ = [
    "API_VERSION",
    "MASK",
    "Account",
    "AccountField",
    "AuthRejected",
    "Cancelled",
    "Measure",
    "NetworkError",
    "NotFound",
    "OutcomeUnknown",
    "Post",
    "PublishError",
    "PublishableUpdate",
    "Publisher",
    "RateLimited",
    "Receipt",
    "Rejected",
    "Report",
    "TextPolicy",
    "TooLong",
    "ValidatesSettings",
    "as_sent_to_x",
    "bluesky_length",
    "counter",
    "fit",
    "graphemes",
    "linkedin_escape",
    "linkedin_length",
    "markdown_to_html",
    "mastodon_length",
    "no_report",
    "plain_text",
    "scrub",
    "scrub_args",
    "source_text",
    "timeout_field",
    "timeout_seconds",
    "x_length",
]
