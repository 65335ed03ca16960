# SPDX-License-Identifier: GPL-3.0-or-later
"""The one scrubber: a secret leaves no trace in any form a server or a library may echo it in."""

from __future__ import annotations

import base64
from urllib.parse import quote

from composer.core.secrets import MASK, scrub, scrub_args

PASSWORD = "abcd EFGH ijkl 1234"  # a WordPress application password is shown with spaces
USER = "comms"


def b64(text: str) -> str:
    return base64.b64encode(text.encode()).decode()


def test_every_form_is_masked():
    forms = [
        PASSWORD,
        PASSWORD.replace(" ", ""),
        quote(PASSWORD, safe=""),
        b64(PASSWORD),
        b64(f"{USER}:{PASSWORD}"),
        b64(f"\0{USER}\0{PASSWORD}"),
        b64(f"{USER}:{PASSWORD.replace(' ', '')}"),
    ]
    for form in forms:
        text = f"server said: Authorization: Basic {form} refused"
        cleaned = scrub(text, PASSWORD, username=USER)
        assert form not in cleaned and MASK in cleaned, form
        assert "abcd" not in cleaned and "1234" not in cleaned


def test_longest_form_first_leaves_no_fragment():
    token = "tok"
    long_token = "tok-and-more"
    assert scrub(f"{long_token} / {token}", token, long_token) == f"{MASK} / {MASK}"


def test_nothing_to_scrub():
    assert scrub("plain message", None, "") == "plain message"


def test_exception_arguments_are_scrubbed_in_place():
    error = RuntimeError(f"login failed for {PASSWORD}", 535)
    same = scrub_args(error, PASSWORD)
    assert same is error and error.args == (f"login failed for {MASK}", 535)
