# SPDX-License-Identifier: GPL-3.0-or-later
"""What the benchmarks' window children answer instead of a person (imported inside their `main`,
as the app's own modules are: none of this is loaded before the child starts measuring)."""

from __future__ import annotations

from composer.ui.interaction import Prompter


class Answers(Prompter):
    """Names every new incident "Email delivery delayed"; any warning stops the benchmark."""

    def ask_text(self, title: str, label: str, default: str = "") -> str | None:
        return "Email delivery delayed"

    def warn(self, title: str, text: str) -> None:
        raise RuntimeError(f"{title}: {text}")
