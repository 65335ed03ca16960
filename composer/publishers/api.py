# SPDX-License-Identifier: GPL-3.0-or-later
"""The API third-party publishers import — and nothing else of the app.

Versioned: a plugin declares `api_version = API_VERSION` (the major number it was written
for); a plugin for another major version is shown as unavailable instead of loaded.
"""

from composer.publishers.base import (
    Account,
    AccountField,
    AuthRejected,
    Cancelled,
    NetworkError,
    NotFound,
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
    no_report,
)

API_VERSION = 1

__all__ = [
    "API_VERSION", "Account", "AccountField", "AuthRejected", "Cancelled", "NetworkError", "NotFound", "Post",
    "PublishError", "PublishableUpdate", "Publisher", "RateLimited", "Receipt", "Rejected", "Report",
    "TextPolicy", "TooLong", "no_report",
]
