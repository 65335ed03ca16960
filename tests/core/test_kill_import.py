# SPDX-License-Identifier: GPL-3.0-or-later
"""50 kill -9 of `incident-composer import` at random moments: never an incident without its
update (issue 13, item 4), and the store opens and imports normally afterwards.

A kill at a random wall-clock moment mostly lands in Python's start-up or after the commit: the
few statements that write the incident and its update take well under a millisecond. So most
kills here are placed by counting: the import runs under a tracer that counts the lines executed
in the app's own code (`composer/`) and sends itself SIGKILL at line N, N drawn at random over a
whole import's count. That lands kills between any two lines of ours, including between writing
the incident and writing its update. The rest are killed by the test at random times, as a
crashing laptop would.
"""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import sys
import textwrap
import time

KILLS = 50
BY_LINE = 40  # the other KILLS - BY_LINE at random wall-clock moments

TRACED = textwrap.dedent(
    """
    import os, signal, sys
    limit = int(sys.argv[1])
    count = 0

    def tracer(frame, event, arg):
        global count
        if "/composer/" not in frame.f_code.co_filename:
            return None
        if event == "line":
            count += 1
            if count == limit:
                os.kill(os.getpid(), signal.SIGKILL)
        return tracer

    from composer.cli import main
    sys.settrace(tracer)
    code = main(["import", sys.argv[2]])
    sys.settrace(None)
    print(f"lines={count}", file=sys.stderr)
    sys.exit(code)
    """
)


def _update(path, n: int):
    path.write_text(
        f"---\ntitle: Mail delayed {n}\nstatus: investigating\nservices: [Mail]\n---\n"
        f"Mail to and from our servers is delayed (trial {n}). We are on it.\n\nAnna Puig, support lead\n",
        encoding="utf-8",
    )
    return path


def _orphans(database) -> tuple[int, int]:
    """(incidents, incidents without any update), read with SQLite alone."""
    conn = sqlite3.connect(database)
    try:
        total = conn.execute("SELECT count(*) FROM incidents").fetchone()[0]
        bare = conn.execute(
            "SELECT count(*) FROM incidents i WHERE NOT EXISTS (SELECT 1 FROM updates u WHERE u.incident_id = i.id)"
        ).fetchone()[0]
    finally:
        conn.close()
    return total, bare


def test_fifty_kills_of_import_never_leave_an_incident_without_its_update(tmp_path):
    data = tmp_path / "data"
    env = {**os.environ, "INCIDENT_COMPOSER_HOME": str(data)}
    rng = random.Random(20261207)
    # A whole import once: the store exists (as on a machine in use) and the line count is known.
    whole = subprocess.run(
        [sys.executable, "-c", TRACED, "0", str(_update(tmp_path / "first.md", 0))],
        env=env, capture_output=True, text=True, timeout=60, check=False,
    )  # fmt: skip
    assert whole.returncode == 0, whole.stderr
    lines = int(whole.stderr.rsplit("lines=", 1)[1])
    assert lines > 100
    started = time.monotonic()
    subprocess.run([sys.executable, "-m", "composer", "import", str(_update(tmp_path / "timed.md", 0))],
                   env=env, capture_output=True, timeout=60, check=True)  # fmt: skip
    span = time.monotonic() - started

    killed = 0
    for trial in range(1, KILLS + 1):
        update = _update(tmp_path / f"update-{trial}.md", trial)
        if trial <= BY_LINE:
            process = subprocess.Popen(
                [sys.executable, "-c", TRACED, str(rng.randint(1, lines)), str(update)],
                env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
            )  # fmt: skip
        else:
            process = subprocess.Popen([sys.executable, "-m", "composer", "import", str(update)], env=env,
                                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)  # fmt: skip
            time.sleep(rng.uniform(0.3, 1.0) * span)
            process.send_signal(signal.SIGKILL)
        code = process.wait(timeout=60)
        killed += code == -signal.SIGKILL
        total, bare = _orphans(data / "composer.db")
        assert bare == 0, f"trial {trial}: an incident without its update ({total} incidents)"

    assert killed >= BY_LINE  # every traced run died at its line; the timed ones mostly too
    # The store is whole and goes on: one more import lands, and every incident has its update.
    after = subprocess.run([sys.executable, "-m", "composer", "import", str(_update(tmp_path / "after.md", 99))],
                           env=env, capture_output=True, text=True, timeout=60, check=False)  # fmt: skip
    assert after.returncode == 0, after.stderr
    total, bare = _orphans(data / "composer.db")
    assert bare == 0 and total >= 3
    conn = sqlite3.connect(data / "composer.db")
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    conn.close()
