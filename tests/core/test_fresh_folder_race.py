# SPDX-License-Identifier: GPL-3.0-or-later
"""Two commands started at the same moment on a fresh data folder both work: one creates the
database, the other waits for it, and neither reports "the data folder cannot be written"."""

from __future__ import annotations

import json
import os
import subprocess
import sys

TRIALS = 10


def test_two_imports_on_a_fresh_folder_both_land(tmp_path):
    update = tmp_path / "update.md"
    update.write_text("---\ntitle: Mail late\n---\nWe are sorry: mail is late.\n", encoding="utf-8")
    for trial in range(TRIALS):
        home = tmp_path / f"home-{trial}"
        env = {**os.environ, "INCIDENT_COMPOSER_HOME": str(home)}
        command = [sys.executable, "-m", "composer", "import", str(update)]
        both = [subprocess.Popen(command, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE) for _ in range(2)]
        results = [(p.wait(timeout=60), p.stdout.read(), p.stderr.read()) for p in both]
        for process in both:
            process.stdout.close()
            process.stderr.close()
        assert [rc for rc, _out, _err in results] == [0, 0], results
        listed = subprocess.run(
            [sys.executable, "-m", "composer", "incidents", "list", "--format", "json"],
            env=env,
            capture_output=True,
            text=True,
            timeout=60,
            check=True,
        )
        assert len(json.loads(listed.stdout)) == 2, listed.stdout
