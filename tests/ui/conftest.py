# SPDX-License-Identifier: GPL-3.0-or-later
"""A real main window on a fresh data folder, with a prompter that answers from a script."""

from __future__ import annotations

from collections import deque
from pathlib import Path

import pytest

from composer.app import build_context, create_window
from composer.ui.interaction import Prompter


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

    def open_file(self, title: str, file_filter: str = "") -> Path | None:
        return self.answers.popleft()  # type: ignore[return-value]

    def save_file(self, title: str, suggested: str, file_filter: str = "") -> Path | None:
        return self.answers.popleft()  # type: ignore[return-value]


@pytest.fixture
def prompter():
    return ScriptedPrompter()


@pytest.fixture
def make_window(qtbot, home, prompter):
    contexts = []

    def make():
        context = build_context(home=home, prompter=prompter)
        window = create_window(context)
        qtbot.addWidget(window)
        window.show()
        qtbot.waitExposed(window)
        qtbot.waitUntil(lambda: window.is_ready, timeout=3000)  # the rest is built after the first paint
        contexts.append(context)
        return window

    yield make
    for context in contexts:
        context.store.close()
