# SPDX-License-Identifier: GPL-3.0-or-later
"""Child of the publishing benchmark: the real window publishes through File → Publish… to the
accounts given (JSON file), N times; prints {"stalls_ms": [...]}, each run's longest gap between
two turns of the event loop while sending.

The checklist gate is answered with a reason (the gate is not what is measured here).

Profiling, off by default: with PUBLISH_UI_PROFILE=<folder>, each counted run also writes
`run-N.prof` (cProfile of the UI thread while sending) and `run-N.txt` (the three longest gaps,
with what a 1 ms sampler saw each thread doing meanwhile). Both slow the run: read them for
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
    from composer.app import build_context, create_application, create_window
    from composer.core.credentials import MemoryCredentials
    from composer.ui.interaction import Prompter
    from composer.ui.publish_gate import OverrideDialog

    class Answers(Prompter):
        def ask_text(self, title: str, label: str, default: str = "") -> str | None:
            return "Email delivery delayed"

        def warn(self, title: str, text: str) -> None:
            raise RuntimeError(f"{title}: {text}")

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

    stalls = [publish_once(app, window, run) for run in range(runs + 1)]
    stalls = stalls[1:]  # the first run warms sessions and caches; it is not counted
    print(json.dumps({"stalls_ms": stalls}))
    context.close()
    return 0


def publish_once(app, window, run: int) -> float:
    """Publish a fresh update to every account; the longest event-loop gap meanwhile, in ms."""
    from PySide6.QtCore import QElapsedTimer, QEventLoop, QTimer

    window.menu_actions.new_incident.trigger()
    window.editor.body.setPlainText(BODY.format(run=run))
    if not window.save_all():
        raise RuntimeError("could not save the update")
    window.menu_actions.publish_to.trigger()
    dialog = window.publishing.dialog
    for row in dialog.rows.values():
        row.check.setChecked(True)
    clock, longest = QElapsedTimer(), [0.0]
    loop = QEventLoop()

    profile = StallProfile(PROFILE, run) if PROFILE and run else None

    def turned() -> None:
        longest[0] = max(longest[0], clock.nsecsElapsed() / 1e6)
        clock.restart()
        if profile is not None:
            profile.turned()

    def check_done() -> None:
        if not dialog.running and not any(r.state in ("queued", "sending") for r in dialog.rows.values()):
            loop.quit()

    tick, watch = QTimer(), QTimer()
    tick.setInterval(0)  # fires on every turn of the event loop
    tick.timeout.connect(turned)
    watch.timeout.connect(check_done)
    watch.start(5)
    QTimer.singleShot(120_000, loop.quit)  # never hang the benchmark
    if profile is not None:
        profile.start()
    clock.start()
    tick.start()
    dialog.publish_button.click()
    loop.exec()
    tick.stop()
    watch.stop()
    if profile is not None:
        profile.stop()
    failed = [f"{n}: {r.status.text()}" for n, r in dialog.rows.items() if r.state != "sent"]
    if failed:
        raise RuntimeError("; ".join(failed))
    dialog.close_button.click()
    app.processEvents()
    return longest[0]


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], int(sys.argv[2])))
