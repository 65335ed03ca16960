# SPDX-License-Identifier: GPL-3.0-or-later
"""The one scrubber: no message the user sees, or the app stores, carries a secret.

A server, a library or an exception may echo a password or a token in any of the forms it was
sent in: as typed, without the spaces an application password is shown with, URL-encoded, or
inside an HTTP Basic or SMTP AUTH header (base64). Every one of those forms is replaced by
`MASK`, longest first, so a short secret inside a longer form never leaves part of it behind.
"""

from __future__ import annotations

import base64
from typing import TypeVar
from urllib.parse import quote

MASK = "•••"
E = TypeVar("E", bound=BaseException)


def _b64(text: str) -> str:
    return base64.b64encode(text.encode("utf-8")).decode("ascii")


def secret_forms(secret: str, username: str = "") -> set[str]:
    """Every form in which `secret` (with `username`, if the protocol pairs them) may be echoed."""
    if not secret:
        return set()
    forms = {secret, secret.replace(" ", ""), quote(secret, safe=""), _b64(secret)}
    if username:
        forms |= {
            _b64(f"{username}:{secret}"),  # HTTP Basic
            _b64(f"\0{username}\0{secret}"),  # SMTP AUTH PLAIN
            _b64(f"{username}:{secret.replace(' ', '')}"),
        }
    return {form for form in forms if form}


def scrub(text: str, *secrets: str | None, username: str = "") -> str:
    """`text` with every form of every secret replaced by the mask."""
    forms: set[str] = set()
    for secret in secrets:
        if secret:
            forms |= secret_forms(secret, username)
    for form in sorted(forms, key=len, reverse=True):
        text = text.replace(form, MASK)
    return text


def scrub_args(error: E, *secrets: str | None, username: str = "") -> E:
    """The exception with every string argument scrubbed (its message is built from them)."""
    error.args = tuple(scrub(arg, *secrets, username=username) if isinstance(arg, str) else arg for arg in error.args)
    return error
