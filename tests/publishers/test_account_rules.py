# SPDX-License-Identifier: GPL-3.0-or-later
"""The account rules the command line and the app share (composer/publishers/accounts.py)."""

from __future__ import annotations

from composer.publishers.accounts import credentials_for, settings_problem
from composer.publishers.email import EmailPublisher

EMAIL = EmailPublisher()
GOOD = {
    "host": "smtp.example.net",
    "security": "starttls",
    "from": "Status <status@example.net>",
    "to": "customers@example.net",
}


def test_good_settings_have_no_problem():
    assert settings_problem(EMAIL, GOOD, has_secret=True) == ""


def test_a_missing_required_setting_is_named_by_its_label():
    assert settings_problem(EMAIL, {**GOOD, "from": " "}, has_secret=True) == "From is required."
    assert settings_problem(EMAIL, {**GOOD, "to": " "}, has_secret=True) == ""  # an account for customers one by one


def test_the_publishers_own_check_runs_before_saving():
    problem = settings_problem(EMAIL, {**GOOD, "from": "not an address"}, has_secret=True)
    assert problem and "not an address" in problem


def test_the_secret_goes_under_the_secret_fields_name():
    assert credentials_for(EMAIL, "pw") == {"password": "pw"}
    assert credentials_for(EMAIL, None) == {} and credentials_for(EMAIL, "") == {}
