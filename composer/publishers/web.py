# SPDX-License-Identifier: GPL-3.0-or-later
"""Small rules every network publisher shares: which hosts may go without TLS, timeouts as
settings, and keeping secrets out of error messages whatever a server echoed."""

from __future__ import annotations

import ipaddress

from composer.publishers.base import PublishError

MAX_TIMEOUT = 600.0  # seconds; a longer wait is a typo, not a setting


def is_loopback(host: str) -> bool:
    """This computer: the only place a secret may travel without encryption."""
    if host.lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def timeout_seconds(text: str, channel: str, default: float) -> float:
    """A timeout setting as seconds; empty means the default. A PublishError names a bad one."""
    text = text.strip()
    try:
        timeout = float(text) if text else default
    except ValueError:
        timeout = -1.0
    if not 0 < timeout <= MAX_TIMEOUT:
        raise PublishError(f"The {channel} timeout “{text}” is not a number of seconds (up to {MAX_TIMEOUT:g}).")
    return timeout


def scrubbed(error: PublishError, *secrets: str) -> PublishError:
    """The error with every secret replaced by •••, longest first, in all its arguments."""
    ordered = sorted((secret for secret in secrets if secret), key=len, reverse=True)

    def clean(value: object) -> object:
        if not isinstance(value, str):
            return value
        for secret in ordered:
            value = value.replace(secret, "•••")
        return value

    error.args = tuple(clean(arg) for arg in error.args)
    return error
