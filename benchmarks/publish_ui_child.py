# SPDX-License-Identifier: GPL-3.0-or-later
"""Child of the publishing benchmark: the real window publishes through File → Publish… to the
accounts given (JSON file), N times; prints {"stalls_ms": [...]}, each run's longest gap between
two turns of the event loop while sending.

The checklist gate is answered with a reason (the gate is not what is measured here).
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
BODY = ("We are sorry: since 09:10 CET email is delayed by up to 40 minutes. Nothing is lost.\n\n"
        "Next update by 10:30 CET. Call +34 930 000 000.\n\nMarta Vidal, Head of Support (run {run})\n")


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

    window.new_incident_action.trigger()
    window.editor.body.setPlainText(BODY.format(run=run))
    if not window.save_all():
        raise RuntimeError("could not save the update")
    window.publish_to_action.trigger()
    dialog = window.publishing.dialog
    for row in dialog.rows.values():
        row.check.setChecked(True)
    clock, longest = QElapsedTimer(), [0.0]
    loop = QEventLoop()

    def turned() -> None:
        longest[0] = max(longest[0], clock.nsecsElapsed() / 1e6)
        clock.restart()

    def check_done() -> None:
        if not dialog.running and not any(r.state in ("queued", "sending") for r in dialog.rows.values()):
            loop.quit()

    tick, watch = QTimer(), QTimer()
    tick.setInterval(0)  # fires on every turn of the event loop
    tick.timeout.connect(turned)
    watch.timeout.connect(check_done)
    watch.start(5)
    QTimer.singleShot(120_000, loop.quit)  # never hang the benchmark
    clock.start()
    tick.start()
    dialog.publish_button.click()
    loop.exec()
    tick.stop()
    watch.stop()
    failed = [f"{n}: {r.status.text()}" for n, r in dialog.rows.items() if r.state != "sent"]
    if failed:
        raise RuntimeError("; ".join(failed))
    dialog.close_button.click()
    app.processEvents()
    return longest[0]


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], int(sys.argv[2])))
