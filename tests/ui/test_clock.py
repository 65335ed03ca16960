# SPDX-License-Identifier: GPL-3.0-or-later
from datetime import timedelta

from composer.ui.clock import format_countdown, format_duration


def test_durations_read_like_a_status_bar():
    assert format_duration(timedelta(seconds=45)) == "45 s"
    assert format_duration(timedelta(minutes=12, seconds=59)) == "12 min"
    assert format_duration(timedelta(hours=3, minutes=5)) == "3 h 05 min"
    assert format_duration(timedelta(days=2, hours=4)) == "2 d 4 h"


def test_countdowns():
    assert format_countdown(timedelta(minutes=4, seconds=7)) == "04:07"
    assert format_countdown(timedelta(hours=1, minutes=2, seconds=3)) == "1:02:03"
