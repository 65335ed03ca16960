# SPDX-License-Identifier: GPL-3.0-or-later
"""Child of the publishing benchmark: the real window publishes through File → Publish… to the
accounts given (JSON file), N times, each followed by the same window idle for as long; prints
{"stalls_ms": [...], "idle_stalls_ms": [...], "windows_ms": [...]}.

Usage: publish_ui_child.py ACCOUNTS.json N

Publish and idle runs alternate (publish, idle, publish, idle …; the first pair is not counted).
Both start alike: a new incident, a fresh update saved, File → Publish… with every account ticked.
A publish run then presses Publish and watches until every account has its answer; an idle run
presses nothing and watches for as long as the publish run before it took (`windows_ms`). Each
run reports its longest gap between two turns of the event loop, with the same timers on both
sides (a 0 ms tick counting turns, the 5 ms poll asking the dialog whether it is done), so the
idle gap is what the window costs anyway (the checklist and preview timers the new text started,
Qt's own work, the machine's other load) and the publish gap adds what sending costs the UI
thread. After each run the dialog is closed and the window settles for half a second, so the
follow-ups of a publish land before the next preparation, not in an idle run.

The checklist gate is answered with a reason (the gate is not what is measured here).

Profiling, off by default: with PUBLISH_UI_PROFILE=<folder>, each counted publish run also
writes `run-N.prof` (cProfile of the UI thread while sending) and `run-N.txt` (the three longest
gaps, with what a 1 ms sampler saw each thread doing meanwhile). Both slow the run: read them for
where the time goes, not for the figure.
"""

from __future__ import annotations

import json
import os
import sys
import threading
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
BODY = (
    "We are sorry: since 09:10 CET email is delayed by up to 40 minutes. Nothing is lost.\n\n"
    "Next update by 10:30 CET. Call +34 930 000 000.\n\nMarta Vidal, Head of Support (run {run})\n"
)
PROFILE = os.environ.get("PUBLISH_UI_PROFILE", "")
SETTLE_MS = 500  # after each watch, before the next preparation


class StallProfile:
    """Off unless PUBLISH_UI_PROFILE is set: cProfile of the UI thread, and a sampler thread that
    notes every thread's Python stack each millisecond, to explain the longest gaps."""

    def __init__(self, folder: str, run: int):
        import cProfile

        self.folder, self.run = Path(folder), run
        self.folder.mkdir(parents=True, exist_ok=True)
        self.profile = cProfile.Profile()
        self.turns: list[float] = []
        self.samples: list[tuple[float, str, tuple[str, ...]]] = []
        self._stop = threading.Event()
        self._main = threading.main_thread().ident
        self._sampler = threading.Thread(target=self._sample, name="stall-sampler", daemon=True)

    @staticmethod
    def _stack(frame, depth: int = 7) -> str:
        names = []
        while frame is not None and len(names) < depth:
            code = frame.f_code
            names.append(f"{Path(code.co_filename).name}:{code.co_name}:{frame.f_lineno}")
            frame = frame.f_back
        return " < ".join(names)

    def _sample(self) -> None:
        while not self._stop.wait(0.001):
            frames = sys._current_frames()
            names = {t.ident: t.name for t in threading.enumerate()}
            main = self._stack(frames.get(self._main))
            others = tuple(
                f"{names.get(ident, ident)}: {self._stack(frame, 3)}"
                for ident, frame in frames.items()
                if ident not in (self._main, threading.get_ident())
            )
            self.samples.append((time.perf_counter(), main, others))

    def start(self) -> None:
        self._sampler.start()
        self.turns.append(time.perf_counter())
        self.profile.enable()

    def turned(self) -> None:
        self.turns.append(time.perf_counter())

    def stop(self) -> None:
        self.profile.disable()
        self._stop.set()
        self._sampler.join()
        self.profile.dump_stats(str(self.folder / f"run-{self.run}.prof"))
        gaps = sorted(zip(self.turns, self.turns[1:], strict=False), key=lambda g: g[0] - g[1])[:3]
        lines = []
        for start, end in gaps:
            inside = [s for s in self.samples if start <= s[0] <= end]
            lines.append(f"== gap of {(end - start) * 1000:.1f} ms, {len(inside)} samples")
            lines += [f"  {n:3d} UI: {stack}" for stack, n in Counter(s[1] for s in inside).most_common(8)]
            lines += [
                f"  {n:3d} {other}"
                for other, n in Counter(o for s in inside for o in s[2] if "wait" not in o).most_common(12)
            ]
        (self.folder / f"run-{self.run}.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")


def main(spec_path: str, runs: int) -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from scripted import Answers

    from composer.app import build_context, create_application, create_window
    from composer.core.credentials import MemoryCredentials
    from composer.ui.publish_gate import OverrideDialog

    OverrideDialog.ask = classmethod(lambda cls, failures, parent=None: "Benchmark: the gate is not measured")
    accounts = json.loads(Path(spec_path).read_text(encoding="utf-8"))
    app = create_application([sys.argv[0]])
    context = build_context(prompter=Answers())
    context.credentials = MemoryCredentials({name: spec["secret"] for name, spec in accounts.items()})
    for name, spec in accounts.items():
        context.store.save_account(name, spec["kind"], spec["settings"])
    window = create_window(context)
    window.show()
    while not window.is_ready:
        app.processEvents()

    publish: list[dict[str, float]] = []
    idle: list[dict[str, float]] = []
    for run in range(runs + 1):  # publish, idle, publish, idle, …: drift in the machine's load hits both
        publish.append(watch_once(app, window, run, send=True))
        idle.append(watch_once(app, window, run, send=False, duration_ms=publish[-1]["window_ms"]))
    # The first pair warms sessions and caches; it is not counted.
    print(
        json.dumps(
            {
                "stalls_ms": [r["longest_ms"] for r in publish[1:]],
                "idle_stalls_ms": [r["longest_ms"] for r in idle[1:]],
                "windows_ms": [r["window_ms"] for r in publish[1:]],
            }
        )
    )
    context.close()
    return 0


def watch_once(app, window, run: int, *, send: bool, duration_ms: float = 0.0) -> dict[str, float]:
    """A fresh update, saved, in the Publish dialog with every account ticked; then, with `send`,
    press Publish and watch until every account has its answer; without, watch the same window
    do nothing else for `duration_ms`. The longest event-loop gap meanwhile and the time watched,
    in ms. Both sides prepare alike (so whatever that preparation leaves on the event loop, such
    as the checklist's and the previews' timers, lands on both) and watch with the same timers."""
    from PySide6.QtCore import QElapsedTimer, QEventLoop, Qt, QTimer

    window.menu_actions.new_incident.trigger()
    window.editor.body.setPlainText(BODY.format(run=f"{run} {'publish' if send else 'idle'}"))
    if not window.save_all():
        raise RuntimeError("could not save the update")
    window.menu_actions.publish_to.trigger()
    dialog = window.publishing.dialog
    for row in dialog.rows.values():
        row.check.setChecked(True)
    clock, longest = QElapsedTimer(), [0.0]
    loop = QEventLoop()

    profile = StallProfile(PROFILE, run) if PROFILE and run and send else None

    def turned() -> None:
        longest[0] = max(longest[0], clock.nsecsElapsed() / 1e6)
        clock.restart()
        if profile is not None:
            profile.turned()

    def check_done() -> None:
        finished = not dialog.running and not any(r.state in ("queued", "sending") for r in dialog.rows.values())
        if send and finished:
            loop.quit()

    tick, watch = QTimer(), QTimer()
    tick.setInterval(0)  # fires on every turn of the event loop
    tick.timeout.connect(turned)
    watch.timeout.connect(check_done)
    watch.start(5)
    stop = QTimer()
    stop.setSingleShot(True)
    stop.setTimerType(Qt.TimerType.PreciseTimer)
    stop.timeout.connect(loop.quit)
    stop.start(round(duration_ms) if not send else 120_000)  # publishing: never hang the benchmark
    if profile is not None:
        profile.start()
    watched = QElapsedTimer()
    watched.start()
    clock.start()
    tick.start()
    if send:
        dialog.publish_button.click()
    loop.exec()
    window_ms = watched.nsecsElapsed() / 1e6
    tick.stop()
    watch.stop()
    stop.stop()
    if profile is not None:
        profile.stop()
    if send:
        failed = [f"{n}: {r.status.text()}" for n, r in dialog.rows.items() if r.state != "sent"]
        if failed:
            raise RuntimeError("; ".join(failed))
    dialog.close_button.click()
    # Settle: what publishing leaves behind (the published signal's follow-ups, threads winding down)
    # finishes here, not in the next side's watch.
    settle = QEventLoop()
    QTimer.singleShot(SETTLE_MS, settle.quit)
    settle.exec()
    return {"longest_ms": longest[0], "window_ms": window_ms}


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], int(sys.argv[2])))
