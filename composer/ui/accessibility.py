# SPDX-License-Identifier: GPL-3.0-or-later
"""Keyboard and screen-reader helpers: the order Tab visits widgets in, and names read from labels.

Qt's Tab order is the order widgets were put in their windows; a widget made later (the filter,
the fields built after the first paint, a Publish dialog's previews) comes last. Each part of the
window says its own stops in reading order (`tab_stops()`), and `chain_tab_order` links them.

The stops are named, never found by walking the focus chain: with PySide6 6.11, making Python
wrappers for every widget of a chain (scroll bars, viewports) and then deleting some of those
widgets left wrappers that later took live widgets for deleted ("Internal C++ object already
deleted").
"""

from __future__ import annotations

from itertools import pairwise
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QWidget

if TYPE_CHECKING:
    from collections.abc import Iterable


def chain_tab_order(stops: Iterable[QWidget]) -> None:
    """Tab goes through `stops` in this order (hidden ones are skipped when Tab is pressed). A
    tab widget is one stop: Qt moves its tab bar and its pages with it."""
    for first, second in pairwise(stops):
        QWidget.setTabOrder(first, second)


def without_mnemonic(text: str) -> str:
    """A label's text as read aloud: "&Backup email" → "Backup email" ("&&" is a real "&")."""
    return "&".join(part.replace("&", "") for part in text.split("&&"))
