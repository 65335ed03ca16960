# SPDX-License-Identifier: GPL-3.0-or-later
"""Child of run.py: type into a 5,000-word draft and report each typing segment's latencies.

Usage: typing_child.py app|bare KEYS_PER_SEGMENT ROUNDS

`app`: the real window (`create_window`, the app's own editor, previews, autosave and the rest
as a user has them) types ROUNDS pairs of segments, interleaved in one process, in one window:
one segment with the checklist live, then one without it, and so on (live quiet live quiet …),
after a short live segment that is not counted (it warms the caches the first keystrokes meet).
"Without it" means exactly this: `LiveChecks.schedule` does nothing, so no keystroke starts the
check timer and the checklist never runs or repaints while that segment is typed. Everything else
the window does on a keystroke (the update's autosave timer, the preview timer and render, the
published-update warning) runs on both sides alike; the one thing left on the quiet side is the
call into the gated slot (a Python call and a flag test, ~1 µs).

`bare`: a plain QPlainTextEdit in a QMainWindow of the same size holding the same text, typed
the same way (ROUNDS segments); no app code at all. For information only: it shows what Qt
itself costs on this machine at the time.

Every segment uses the same key schedule (mostly 60-180 ms apart, sometimes a pause of
250-900 ms, seeded so every segment is the same), and the window then settles for a second so
nothing a segment started (a check, an autosave, a render) spills into the next one. A
keystroke's latency runs from when it was due to when the editor has handled it: a check, an
autosave or a preview render that blocks the event loop when a key is due shows up here. In live
segments the child also times, after each pause and at the segment's end, how long the checklist
takes to show its verdict for the text as typed (from the keystroke to the `checked` signal, so
the 200 ms typing-pause delay is included).

Prints one JSON line: {"segments": [{"side": "live"|"quiet"|"bare", "p95_ms", "median_ms",
"max_ms", "keystrokes"}, ...], "words", and for `app` "verdicts_ms" (every verdict timed)}.
"""

from __future__ import annotations

import json
import random
import statistics
import sys

DRAFT_WORDS = 5000
WARM_UP_KEYS = 15
SETTLE_MS = 1000  # after a segment: longer than the check delay (200 ms) plus a slow check


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
    """Due times (seconds from the segment's start) for `count` keystrokes."""
    rng = random.Random(20261124)
    due, at = [], 0.5
    for _ in range(count):
        at += rng.uniform(0.25, 0.9) if rng.random() < 0.15 else rng.uniform(0.06, 0.18)
        due.append(at)
    return due


def p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[int(0.95 * (len(ordered) - 1))]


def main(kind: str, keys: int, rounds: int) -> None:
    from PySide6.QtCore import QElapsedTimer, QEventLoop, Qt, QTimer
    from PySide6.QtGui import QTextCursor
    from PySide6.QtTest import QTest

    live = [True]
    if kind == "app":
        from composer.app import build_context, create_application, create_window
        from composer.ui.live_checks import LiveChecks

        # The gate goes in before the window connects its signals to `schedule`.
        scheduled = LiveChecks.schedule

        def gated_schedule(self: LiveChecks) -> None:
            if live[0]:
                scheduled(self)

        LiveChecks.schedule = gated_schedule  # type: ignore[method-assign]
        app = create_application([sys.argv[0]])
        context = build_context()
        window = create_window(context)
        window.show()
        window.ensure_ready()
        body = window.editor.body
        window.live_checks.run_now()  # the first, cold check happens at startup, not while typing
    elif kind == "bare":
        from PySide6.QtWidgets import QApplication, QMainWindow, QPlainTextEdit

        app = QApplication([sys.argv[0]])
        window = QMainWindow()
        body = QPlainTextEdit()
        body.setPlainText(draft_text())
        window.setCentralWidget(body)
        window.resize(1280, 800)
        window.show()
    else:
        raise SystemExit("usage: typing_child.py app|bare KEYS_PER_SEGMENT ROUNDS")
    app.processEvents()  # painted before the first key
    cursor = body.textCursor()
    cursor.setPosition(len(body.toPlainText()) // 2)
    cursor.movePosition(QTextCursor.MoveOperation.EndOfBlock)
    body.setTextCursor(cursor)
    body.setFocus()

    clock = QElapsedTimer()
    clock.start()
    text = "we are still working on it and will say more soon "
    typed = [0]
    verdicts: list[float] = []
    pending_verdict: list[float] = []

    if kind == "app":

        def on_checked(_findings: object) -> None:
            if pending_verdict:
                verdicts.append(clock.nsecsElapsed() / 1e6 - pending_verdict.pop())

        window.live_checks.checked.connect(on_checked)

    def segment(side: str, count: int = keys) -> dict[str, object]:
        """Type one segment on the fixed schedule (its first `count` keys); the window then settles."""
        live[0] = side != "quiet"
        latencies: list[float] = []
        loop = QEventLoop()
        start_ms = clock.nsecsElapsed() / 1e6
        due = schedule(count)

        def press(index: int) -> None:
            QTest.keyClicks(body, text[typed[0] % len(text)])
            typed[0] += 1
            now_ms = clock.nsecsElapsed() / 1e6
            latencies.append(now_ms - start_ms - due[index] * 1000)
            last = index + 1 == len(due)
            if side == "live" and (last or due[index + 1] - due[index] > 0.4):
                pending_verdict[:] = [now_ms]
            if last:
                QTimer.singleShot(SETTLE_MS, loop.quit)

        timers = []
        for index, at in enumerate(due):
            timer = QTimer()
            timer.setTimerType(Qt.TimerType.PreciseTimer)
            timer.setSingleShot(True)
            timer.timeout.connect(lambda i=index: press(i))
            timer.start(int(at * 1000))
            timers.append(timer)
        loop.exec()
        pending_verdict.clear()  # a verdict that never came is not carried into the next segment
        return {
            "side": side,
            "keystrokes": len(latencies),
            "p95_ms": round(p95(latencies), 2),
            "median_ms": round(statistics.median(latencies), 2),
            "max_ms": round(max(latencies), 2),
        }

    if kind == "app":
        segment("live", WARM_UP_KEYS)  # not counted
        verdicts.clear()
        sides = ["live", "quiet"] * rounds
    else:
        sides = ["bare"] * rounds
    segments = [segment(side) for side in sides]
    result: dict[str, object] = {"segments": segments, "words": len(body.toPlainText().split())}
    if kind == "app":
        result["verdicts_ms"] = [round(v, 1) for v in verdicts]
    print(json.dumps(result), flush=True)
    if kind == "app":
        context.close()


if __name__ == "__main__":
    main(sys.argv[1], int(sys.argv[2]), int(sys.argv[3]))
