# SPDX-License-Identifier: GPL-3.0-or-later
"""A real main window on a fresh data folder, with a prompter that answers from a script."""

from __future__ import annotations

from collections import deque
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication

from composer.app import build_context, create_window
from composer.ui.interaction import Prompter
from composer.ui.new_incident_dialog import NewIncident, as_new_incident


class ScriptedPrompter(Prompter):
    """Answers questions in order; records every warning the app shows."""

    def __init__(self) -> None:
        super().__init__()
        self.answers: deque[object] = deque()
        self.warnings: list[tuple[str, str]] = []

    def warn(self, title: str, text: str) -> None:
        self.warnings.append((title, text))

    def confirm(self, title: str, text: str) -> bool:
        return bool(self.answers.popleft())

    def ask_text(self, title: str, label: str, default: str = "") -> str | None:
        return self.answers.popleft()  # type: ignore[return-value]

    def ask_new_incident(self, title: str) -> NewIncident | None:
        """A plain title starts now; a NewIncident or a dict of its fields sets the start too."""
        return as_new_incident(self.answers.popleft())

    def open_file(self, title: str, file_filter: str = "") -> Path | None:
        return self.answers.popleft()  # type: ignore[return-value]

    def save_file(self, title: str, suggested: str, file_filter: str = "") -> Path | None:
        return self.answers.popleft()  # type: ignore[return-value]


@pytest.fixture
def prompter():
    return ScriptedPrompter()


READY_TIMEOUT_MS = 20_000  # generous: a busy CI machine may take seconds to paint


@pytest.fixture
def make_window(qtbot, home, prompter):
    """Opens real windows; at the end each window closes (its timers stop, its task runner's
    work is drained) before its store closes, so nothing fires on a closed database."""
    opened = []

    def make():
        context = build_context(home=home, prompter=prompter)
        window = create_window(context)
        opened.append((window, context))
        qtbot.addWidget(window)
        window.show()
        qtbot.waitExposed(window, timeout=READY_TIMEOUT_MS)
        qtbot.waitUntil(lambda: window.is_ready, timeout=READY_TIMEOUT_MS)  # the rest is built after the first paint
        # Widgets added to a visible window are shown by a queued call: deliver it now, so the
        # test sees the window as the user does (e.g. the checklist dock visible).
        QCoreApplication.sendPostedEvents()
        return window

    yield make
    for window, context in reversed(opened):
        if not window.is_shut_down:
            window.close()
            window.shutdown()  # in case the close was refused (unsaved text); does nothing otherwise
        context.close()
