# SPDX-License-Identifier: GPL-3.0-or-later
"""Durations as people read them in a status bar."""

from __future__ import annotations

from datetime import timedelta


def format_duration(span: timedelta) -> str:
    """'45 s', '12 min', '3 h 05 min', '2 d 4 h'."""
    seconds = int(abs(span.total_seconds()))
    if seconds < 60:
        return f"{seconds} s"
    minutes, _ = divmod(seconds, 60)
    if minutes < 60:
        return f"{minutes} min"
    hours, minutes = divmod(minutes, 60)
    if hours < 48:
        return f"{hours} h {minutes:02d} min"
    days, hours = divmod(hours, 24)
    return f"{days} d {hours} h"


def format_countdown(span: timedelta) -> str:
    """'mm:ss' under an hour, else 'h:mm:ss'."""
    seconds = int(abs(span.total_seconds()))
    hours, rest = divmod(seconds, 3600)
    minutes, seconds = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{seconds:02d}" if hours else f"{minutes:02d}:{seconds:02d}"
