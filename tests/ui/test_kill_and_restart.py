# SPDX-License-Identifier: GPL-3.0-or-later
"""Kill the app with SIGKILL while typing; on restart at most the last second is gone."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from composer.core.store import Store

DRIVER = Path(__file__).with_name("typing_driver.py")
sys.path.insert(0, str(DRIVER.parent))
from typing_driver import TEXT  # noqa: E402


def _env(home: Path) -> dict[str, str]:
    env = dict(os.environ, INCIDENT_COMPOSER_HOME=str(home), QT_QPA_PLATFORM="offscreen")
    env["PYTHONPATH"] = os.pathsep.join(p for p in (str(Path.cwd()), env.get("PYTHONPATH", "")) if p)
    return env


def test_sigkill_loses_at_most_one_second(home):
    child = subprocess.Popen([sys.executable, str(DRIVER), "type"], stdout=subprocess.PIPE, text=True, env=_env(home))
    progress: list[tuple[float, int]] = []
    deadline = time.time() + 60
    try:
        assert child.stdout is not None
        while time.time() < deadline:
            line = child.stdout.readline()
            if not line:
                break
            stamp, typed = line.split()
            progress.append((float(stamp), int(typed)))
            if int(typed) >= 150:
                break
    finally:
        killed_at = time.time()
        child.send_signal(signal.SIGKILL)
        child.wait(timeout=10)
    assert child.returncode == -signal.SIGKILL
    assert progress and progress[-1][1] >= 150, "the app did not type"

    # Everything typed more than a second before the kill must be on disk.
    safe = max((n for t, n in progress if t <= killed_at - 1.0), default=0)
    assert safe > 0
    store, report = Store.open(home / "composer.db")
    assert report.message == ""
    body = store.latest_update(store.incidents()[0].id).body
    store.close()
    assert TEXT.startswith(body)
    assert len(body) >= safe, f"lost {progress[-1][1] - len(body)} characters, more than a second's worth"

    # The restarted app shows that text in the editor.
    shown = subprocess.run(
        [sys.executable, str(DRIVER), "show"], capture_output=True, text=True, env=_env(home), timeout=60
    )
    assert shown.returncode == 0, shown.stderr
    assert json.loads(shown.stdout.strip().splitlines()[-1]) == body
