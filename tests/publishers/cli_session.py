# SPDX-License-Identifier: GPL-3.0-or-later
"""Runs `incident-composer` commands one after another (inside the caller's D-Bus session with
its keyring) and prints every result as one JSON list: [{"rc", "stdout", "stderr"}, ...].
A step is {"args": [...], "stdin": "...", "env": {...}} (stdin and env optional)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path


def main(steps_file: str) -> None:
    steps = json.loads(Path(steps_file).read_text(encoding="utf-8"))
    results = []
    for step in steps:
        done = subprocess.run(
            [sys.executable, "-m", "composer", *step["args"]],
            input=step.get("stdin", ""),
            capture_output=True,
            text=True,
            timeout=120,
            check=False,
            env={**os.environ, **step.get("env", {})},
        )
        results.append({"rc": done.returncode, "stdout": done.stdout, "stderr": done.stderr})
    print(json.dumps(results))


if __name__ == "__main__":
    main(sys.argv[1])
