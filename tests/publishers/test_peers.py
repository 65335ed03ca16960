# SPDX-License-Identifier: GPL-3.0-or-later
"""A test server that cannot start fails the test with its name and the reason, never a skip."""

from __future__ import annotations

import pytest
from peers import start_peer


def test_a_server_that_cannot_start_names_itself_and_the_reason():
    def busy():
        raise OSError(98, "Address already in use")

    with pytest.raises(
        pytest.fail.Exception,
        match=r"^the SMTP \(starttls\) test server could not start: "
        r"\[Errno 98\] Address already in use$",
    ):
        start_peer("SMTP (starttls)", busy)


def test_a_server_that_starts_is_returned():
    assert start_peer("anything", lambda: 42) == 42
