# SPDX-License-Identifier: GPL-3.0-or-later
"""Child of benchmarks/year.py: the real window on a data folder with a year of incidents creates
new incidents through File → New incident; prints {"stalls_ms": [...], "idle_ms": [...]}.

Each run watches the event loop turn (a 0 ms timer) for WATCH_MS: `idle_ms` with nothing asked
of the window, `stalls_ms` with File → New incident triggered at the start of the watch. A run's
figure is its longest gap between two turns: what a person typing or scrolling would feel.
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
WATCH_MS = 600


def main(runs: int) -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from scripted import Answers

    from composer.app import build_context, create_application, create_window

    app = create_application([sys.argv[0]])
    context = build_context(prompter=Answers())
    window = create_window(context)
    window.show()
    while not window.is_ready:
        app.processEvents()
    before = window.incident_list.incident_count()
    watch(app, None)  # warms what the first turns load
    idle, stalls = [], []
    for _ in range(runs):
        idle.append(watch(app, None))
        stalls.append(watch(app, window.menu_actions.new_incident.trigger))
    created = window.incident_list.incident_count() - before
    if created != runs or window.incident is None or window.incident.title != "Email delivery delayed":
        raise RuntimeError(f"expected {runs} new incidents on screen, found {created}")
    print(json.dumps({"stalls_ms": stalls, "idle_ms": idle, "incidents": before}))
    context.close()
    return 0


def watch(app, action) -> float:
    """The longest gap between two turns of the event loop over WATCH_MS, `action` run at its start."""
    from PySide6.QtCore import QElapsedTimer, QEventLoop, QTimer

    clock, longest = QElapsedTimer(), [0.0]
    loop = QEventLoop()

    def turned() -> None:
        longest[0] = max(longest[0], clock.nsecsElapsed() / 1e6)
        clock.restart()

    tick = QTimer()
    tick.setInterval(0)
    tick.timeout.connect(turned)
    QTimer.singleShot(WATCH_MS, loop.quit)
    if action is not None:
        QTimer.singleShot(0, action)
    clock.start()
    tick.start()
    loop.exec()
    tick.stop()
    return round(longest[0], 2)


if __name__ == "__main__":
    sys.exit(main(int(sys.argv[1])))
