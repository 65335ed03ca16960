# SPDX-License-Identifier: GPL-3.0-or-later
"""A year of incidents: figures for run.py ("year"), or alone:

    python benchmarks/year.py [--runs 5]

The data folder: 1,000 incidents × 20 published updates (a year and more of history, the 10
newest still open), seeded through the store by benchmarks/statuspage.py's `seed`.

- `startup_ratio_1000x20` (target ≤ 1.3): the app's first paint with that folder against a bare
  PySide6 window, whole process, medians of interleaved runs (A B A B …), as `startup_ratio`.
- `new_incident_stall_ms_1000x20` (target ≤ 50): the longest event-loop gap while File → New
  incident runs in that window (median over runs; benchmarks/year_child.py), beside
  `new_incident_idle_ms_1000x20`, the same window's longest gap doing nothing for as long.
- `list_cli_ratio_1000x20` (target ≤ 1.3): `incidents list --format json` whole process against
  `incident-composer --version`, interleaved; `list_cli_ms_1000x20` is its absolute time.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))
INCIDENTS, UPDATES = 1000, 20
CHILD = ROOT / "benchmarks" / "year_child.py"


def seed_home(home: Path) -> Path:
    import statuspage

    home.mkdir(parents=True, exist_ok=True)
    statuspage.seed(home / "composer.db", INCIDENTS, UPDATES)
    return home


def _timed(command: list[str], env: dict[str, str]) -> tuple[float, str]:
    start = time.perf_counter()
    done = subprocess.run(command, env=env, capture_output=True, text=True, timeout=120, check=False)
    elapsed = (time.perf_counter() - start) * 1000
    if done.returncode != 0:
        raise RuntimeError(f"{' '.join(command[2:])} exited with {done.returncode}: {done.stderr[-800:]}")
    return elapsed, done.stdout


def list_cli(runs: int, env: dict[str, str]) -> dict[str, float]:
    command = [sys.executable, "-m", "composer"]
    listing, version = [*command, "incidents", "list", "--format", "json"], [*command, "--version"]
    _timed(listing, env)  # warms the file and bytecode caches for both
    _, out = _timed(version, env)
    samples: dict[str, list[float]] = {"list": [], "version": []}
    for _ in range(runs):
        elapsed, out = _timed(listing, env)
        samples["list"].append(elapsed)
        samples["version"].append(_timed(version, env)[0])
    rows = json.loads(out)
    if len(rows) != INCIDENTS or rows[0]["updates"] != UPDATES:
        raise RuntimeError(f"incidents list returned {len(rows)} incidents, expected {INCIDENTS}")
    listed, bare = statistics.median(samples["list"]), statistics.median(samples["version"])
    return {
        "list_cli_ratio_1000x20": round(listed / bare, 3),
        "list_cli_ms_1000x20": round(listed, 1),
        "version_cli_ms": round(bare, 1),
    }


def new_incident_stall(runs: int, env: dict[str, str]) -> dict[str, float]:
    done = subprocess.run(
        [sys.executable, str(CHILD), str(runs)], env=env, capture_output=True, text=True, timeout=300, check=False
    )
    lines = done.stdout.strip().splitlines()
    if done.returncode != 0 or not lines:
        raise RuntimeError(f"year_child.py exited with {done.returncode}: {done.stderr[-1500:]}")
    figures = json.loads(lines[-1])
    return {
        "new_incident_stall_ms_1000x20": round(statistics.median(figures["stalls_ms"]), 1),
        "new_incident_stall_max_ms_1000x20": round(max(figures["stalls_ms"]), 1),
        "new_incident_idle_ms_1000x20": round(statistics.median(figures["idle_ms"]), 1),
    }


def measure(runs: int, scratch: Path, first_paint_pairs, child_env: dict[str, str]) -> dict[str, float]:
    """`first_paint_pairs(home)` returns (app_ms, bare_ms) medians for a data folder, `child_env`
    is the environment children run in (run.py's: the bytecode cache on, this tree first)."""
    home = seed_home(scratch / "year-home")
    env = dict(child_env)
    env["INCIDENT_COMPOSER_HOME"] = str(home)
    figures: dict[str, float] = {}
    app_ms, bare_ms = first_paint_pairs(home)
    figures["startup_ratio_1000x20"] = round(app_ms / bare_ms, 3)
    figures["startup_app_ms_1000x20"] = round(app_ms, 1)
    figures["startup_bare_ms_1000x20"] = round(bare_ms, 1)
    figures.update(list_cli(runs, env))
    figures.update(new_incident_stall(max(runs, 5), env))  # last: it adds incidents
    return figures


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    import run

    with tempfile.TemporaryDirectory(prefix="composer-year-") as folder:
        scratch = Path(folder)

        def pairs(home: Path) -> tuple[float, float]:
            return run.first_paint_medians(run.Bench(runs=args.runs, home=home, scratch=scratch), "year")

        bench = run.Bench(runs=args.runs, home=scratch / "home", scratch=scratch)
        print(json.dumps(measure(args.runs, scratch, pairs, bench.child_env()), indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
