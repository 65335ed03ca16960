# SPDX-License-Identifier: GPL-3.0-or-later
"""Runs the real app in its own process for the kill test.

`type`: opens the window, starts an incident, then types one key every 20 ms and
prints "<unix time> <characters typed>" after each, until killed.
`show`: opens the window and prints the editor's text as JSON, then quits.
"""

from __future__ import annotations

import json
import sys
import time

from PySide6.QtCore import QTimer
from PySide6.QtTest import QTest

from composer.app import build_context, create_application, create_window
from composer.ui.interaction import Prompter

TEXT = "We are sorry: customers cannot send email since 09:12 CET. " * 20


class Answers(Prompter):
    def ask_text(self, title: str, label: str, default: str = "") -> str | None:
        return "Email delivery delayed"


def main(mode: str) -> None:
    app = create_application([])
    context = build_context(prompter=Answers())
    window = create_window(context)
    window.show()
    if mode == "show":
        QTimer.singleShot(0, lambda: (print(json.dumps(window.editor.body.toPlainText()), flush=True), app.quit()))
        app.exec()
        return
    window.ensure_ready()
    window.menu_actions.new_incident.trigger()
    typed = 0

    def type_one() -> None:
        nonlocal typed
        QTest.keyClicks(window.editor.body, TEXT[typed % len(TEXT)])
        typed += 1
        print(f"{time.time():.3f} {typed}", flush=True)

    timer = QTimer()
    timer.timeout.connect(type_one)
    timer.start(20)
    app.exec()


if __name__ == "__main__":
    main(sys.argv[1])
