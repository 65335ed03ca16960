# SPDX-License-Identifier: GPL-3.0-or-later
"""Child of run.py: type into a 5,000-word draft in the real window (checklist live) and report.

Usage: typing_child.py app|bare KEYSTROKES

Keys are sent on a fixed, human-like schedule (mostly 60-180 ms apart, sometimes a pause
of 250-900 ms, seeded so every run is the same). A keystroke's latency runs from when it
was due to when the editor has handled it: a check, an autosave or a preview render that
blocks the event loop when a key is due shows up here. After each pause the child also
times how long the checklist takes to show its verdict for the text as typed.
Prints one JSON line.
"""

from __future__ import annotations

import json
import random
import statistics
import sys

DRAFT_WORDS = 5000


def draft_text() -> str:
    sentences = [
        "We are sorry: since 09:12 CET customers in Barcelona cannot send email.",
        "A change we made to the mail relays this morning went wrong, and that is on us.",
        "Messages you send are queued and will be delivered; nothing is lost.",
        "Webmail works, so urgent mail can go out that way while we fix the relays.",
        "We are moving traffic to the old relays now and watching the queues drain.",
    ]
    paragraphs, words, index = [], 0, 0
    while words < DRAFT_WORDS:
        paragraph = " ".join(sentences[(index + k) % len(sentences)] for k in range(6))
        paragraphs.append(paragraph)
        words += len(paragraph.split())
        index += 1
    body = "\n\n".join(paragraphs)
    return body + "\n\nNext update by 10:30 CET. Call +34 930 000 000.\n\nMarta Vidal, Head of Support"


def schedule(count: int) -> list[float]:
    """Due times (seconds from start) for `count` keystrokes."""
    rng = random.Random(20261124)
    due, at = [], 0.5
    for _ in range(count):
        at += rng.uniform(0.25, 0.9) if rng.random() < 0.15 else rng.uniform(0.06, 0.18)
        due.append(at)
    return due


def main(kind: str, count: int) -> None:
    from PySide6.QtCore import QElapsedTimer, Qt, QTimer
    from PySide6.QtGui import QTextCursor
    from PySide6.QtTest import QTest

    if kind == "app":
        from composer.app import build_context, create_application, create_window

        app = create_application([sys.argv[0]])
        context = build_context()
        window = create_window(context)
        window.show()
        window.ensure_ready()
        body = window.editor.body
        window.live_checks.run_now()  # the first, cold check happens at startup, not while typing
    else:
        from PySide6.QtWidgets import QApplication, QMainWindow, QPlainTextEdit

        app = QApplication([sys.argv[0]])
        window = QMainWindow()
        body = QPlainTextEdit()
        body.setPlainText(draft_text())
        window.setCentralWidget(body)
        window.resize(1280, 800)
        window.show()
    cursor = body.textCursor()
    cursor.setPosition(len(body.toPlainText()) // 2)
    cursor.movePosition(QTextCursor.MoveOperation.EndOfBlock)
    body.setTextCursor(cursor)
    body.setFocus()

    clock = QElapsedTimer()
    latencies: list[float] = []
    verdicts: list[float] = []
    due = schedule(count)
    pending_verdict: list[float] = []
    text = "we are still working on it and will say more soon "

    if kind == "app":

        def on_checked(_findings: object) -> None:
            if pending_verdict:
                verdicts.append(clock.nsecsElapsed() / 1e6 - pending_verdict.pop())

        window.live_checks.checked.connect(on_checked)

    def press(index: int) -> None:
        QTest.keyClicks(body, text[index % len(text)])
        now_ms = clock.nsecsElapsed() / 1e6
        latencies.append(now_ms - due[index] * 1000)
        pause_next = index + 1 < len(due) and due[index + 1] - due[index] > 0.4
        if kind == "app" and pause_next:
            pending_verdict[:] = [now_ms]
        if index + 1 == len(due):
            QTimer.singleShot(1000, app.quit)

    timers = []
    clock.start()
    for index, at in enumerate(due):
        timer = QTimer()
        timer.setTimerType(Qt.TimerType.PreciseTimer)
        timer.setSingleShot(True)
        timer.timeout.connect(lambda i=index: press(i))
        timer.start(int(at * 1000))
        timers.append(timer)
    app.exec()
    latencies.sort()
    result = {
        "keystrokes": len(latencies),
        "p95_ms": round(latencies[int(0.95 * (len(latencies) - 1))], 2),
        "median_ms": round(statistics.median(latencies), 2),
        "max_ms": round(latencies[-1], 2),
        "words": len(body.toPlainText().split()),
    }
    if verdicts:
        result["verdict_ms"] = round(max(verdicts), 1)
        result["verdict_median_ms"] = round(statistics.median(verdicts), 1)
    print(json.dumps(result), flush=True)


if __name__ == "__main__":
    main(sys.argv[1], int(sys.argv[2]) if len(sys.argv) > 2 else 200)
