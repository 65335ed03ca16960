# SPDX-License-Identifier: GPL-3.0-or-later
"""Measure Incident Composer against bare-Qt baselines; print one JSON object of figures.

Usage: python benchmarks/run.py [--quick] [--runs N] [--only NAME ...]

Every figure is measured against its baseline in the same run, so machines and
load cancel out of the ratios. Only the JSON goes to stdout; progress goes to
stderr. Targets are reported, never asserted.

To add a figure, write a function taking a Bench and returning a dict of keys,
and register it with @measurement("name", targets={...}).
"""

from __future__ import annotations

import argparse
import json
import os
import select
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FIRST_PAINT = ROOT / "benchmarks" / "first_paint.py"
CHILD_TIMEOUT = 60.0  # seconds a child may take to paint before it is called stuck
FULL_RUNS = 11
QUICK_RUNS = 3
WINDOW_SIZE = "1280x800"


class BenchmarkError(RuntimeError):
    """A measurement could not be taken (the child crashed, hung or never painted)."""


@dataclass
class Bench:
    """What every measurement gets: how many runs, the seeded data folder, scratch space."""

    runs: int
    home: Path
    scratch: Path
    language: str | None = None  # the interface language of the app's children (LANGUAGE), if set

    def child_env(self) -> dict[str, str]:
        env = dict(os.environ)
        env["QT_QPA_PLATFORM"] = "offscreen"  # same platform everywhere, display or not
        env["INCIDENT_COMPOSER_HOME"] = str(self.home)
        # Installed apps run from cached bytecode; without this, PYTHONDONTWRITEBYTECODE
        # would make every run recompile the app's own modules (the bare side has none).
        # The cache lives in scratch so the source tree stays untouched.
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        env["PYTHONPYCACHEPREFIX"] = str(self.scratch / "pycache")
        # Measure this tree, whatever copy of the package is installed.
        env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT), env.get("PYTHONPATH")]))
        if self.language is not None:
            env["LANGUAGE"] = self.language
        return env


Measurement = Callable[[Bench], dict[str, object]]
MEASUREMENTS: dict[str, Measurement] = {}
TARGETS: dict[str, float] = {}


def measurement(name: str, targets: dict[str, float] | None = None) -> Callable[[Measurement], Measurement]:
    """Register a measurement; `targets` are upper bounds reported beside the figures."""

    def register(function: Measurement) -> Measurement:
        MEASUREMENTS[name] = function
        TARGETS.update(targets or {})
        return function

    return register


def progress(text: str) -> None:
    print(text, file=sys.stderr, flush=True)


# -- seeding -----------------------------------------------------------------------

INCIDENT_BODY = """\
We are sorry: since 09:42 UTC some customers in the EU region cannot complete \
checkout. Card payments fail with "payment declined" even when the card is fine; \
baskets and accounts are not affected, and no card has been charged twice.

We have identified the cause: a certificate on the link to our payment provider \
expired during a planned rotation, and the fallback route did not take over as it \
should. Engineers are renewing the certificate now and checking the fallback so \
this cannot repeat.

Until it is fixed you can pay with PayPal or by bank transfer, which work normally. \
Orders placed that way ship on the usual schedule.

We will post the next update by 11:00 UTC, or sooner if checkout works again. If \
you were affected, call +44 20 7946 0000 or write to support@example.com.

Jordi Puig, On-call engineer"""


def seed(home: Path) -> None:
    """One stored incident with one update, as the app finds it on a normal start."""
    sys.path.insert(0, str(ROOT))
    from composer.core.model import Incident, Severity, Status, Update
    from composer.core.store import Store

    store, report = Store.open(home / "composer.db")
    if report.message:
        raise BenchmarkError(f"cannot seed the data folder: {report.message}")
    try:
        incident = store.add_incident(
            Incident(
                title="Card payments fail at checkout (EU)",
                status=Status.IDENTIFIED,
                severity=Severity.MAJOR,
                affected_services=["Checkout", "Payments API"],
                customer_impact="Customers in the EU cannot pay by card.",
                workaround="Pay with PayPal or by bank transfer.",
                region="eu-west-1",
            )
        )
        store.add_update(
            Update(
                incident_id=incident.id,
                body=INCIDENT_BODY,
                status=Status.IDENTIFIED,
                signer="Jordi Puig, On-call engineer",
            )
        )
    finally:
        store.close()


# -- one child process ---------------------------------------------------------------


@dataclass
class ChildRun:
    startup_ms: float
    rss_mb: float


def _maxrss_mb(ru_maxrss: int) -> float:
    # Linux reports kilobytes, macOS bytes.
    return ru_maxrss / (1024 * 1024) if sys.platform == "darwin" else ru_maxrss / 1024


def _read_line(fd: int, deadline: float) -> bytes:
    """Bytes up to the first newline (fewer if the child closed stdout first)."""
    data = b""
    while b"\n" not in data:
        left = deadline - time.perf_counter()
        if left <= 0:
            raise TimeoutError
        ready, _, _ = select.select([fd], [], [], left)
        if not ready:
            continue
        chunk = os.read(fd, 4096)
        if not chunk:
            break
        data += chunk
    return data


def run_first_paint(kind: str, bench: Bench) -> ChildRun:
    """Cold start to first paint (wall ms) and peak RSS (MB) of one fresh child."""
    with tempfile.TemporaryFile() as errors:
        start = time.perf_counter()
        child = subprocess.Popen(
            [sys.executable, str(FIRST_PAINT), kind, str(CHILD_TIMEOUT)],
            stdout=subprocess.PIPE,
            stderr=errors,
            env=bench.child_env(),
            cwd=ROOT,
            bufsize=0,
        )
        assert child.stdout is not None
        try:
            line = _read_line(child.stdout.fileno(), start + CHILD_TIMEOUT + 10)
            elapsed = time.perf_counter() - start
        except TimeoutError:
            child.kill()
            line, elapsed = b"", None
        # wait4, not Popen.wait: it reaps this exact child and returns its own rusage.
        _, status, usage = os.wait4(child.pid, 0)
        child.returncode = os.waitstatus_to_exitcode(status)
        child.stdout.close()
        errors.seek(0)
        stderr = errors.read().decode(errors="replace").strip()

    if elapsed is None or not line.startswith(b"paint ") or child.returncode != 0:
        why = (
            f"did not paint within {CHILD_TIMEOUT + 10:g} s and was killed"
            if elapsed is None
            else f"exited with code {child.returncode} {'after' if line.startswith(b'paint ') else 'without'} painting"
        )
        tail = "\n".join(stderr.splitlines()[-20:]) or "(nothing on stderr)"
        raise BenchmarkError(f"first_paint.py {kind} {why}. Its stderr:\n{tail}")
    size = line.decode().split()[1]
    if size != WINDOW_SIZE:
        progress(f"warning: {kind} window painted at {size}, not {WINDOW_SIZE}; the pair is not like for like")
    return ChildRun(startup_ms=elapsed * 1000, rss_mb=_maxrss_mb(usage.ru_maxrss))


# -- measurements ----------------------------------------------------------------------


@measurement("first_paint", targets={"startup_ratio": 1.25, "rss_ratio": 1.3})
def first_paint(bench: Bench) -> dict[str, object]:
    """App with a stored incident vs a bare PySide6 QMainWindow: start-up time and peak RSS. The app
    speaks Catalan (LANGUAGE=ca): its translations (Qt's and gettext's) are loaded as a Catalan
    user's are, so their cost is in the figure."""
    bench = Bench(runs=bench.runs, home=bench.home, scratch=bench.scratch, language="ca")
    # One discarded run of each warms the file cache and the bytecode cache for both.
    for kind in ("app", "bare"):
        run_first_paint(kind, bench)
    samples: dict[str, list[ChildRun]] = {"app": [], "bare": []}
    for index in range(bench.runs):
        for kind in ("app", "bare"):  # interleaved, so drift hits both alike
            sample = run_first_paint(kind, bench)
            samples[kind].append(sample)
            progress(
                f"first_paint {f'{index + 1}/{bench.runs}':>5} {kind:4}: "
                f"{sample.startup_ms:7.1f} ms {sample.rss_mb:6.1f} MB"
            )

    def median(kind: str, attribute: str) -> float:
        return statistics.median(getattr(s, attribute) for s in samples[kind])

    app_ms, bare_ms = median("app", "startup_ms"), median("bare", "startup_ms")
    app_mb, bare_mb = median("app", "rss_mb"), median("bare", "rss_mb")
    return {
        "startup_ratio": round(app_ms / bare_ms, 3),
        "rss_ratio": round(app_mb / bare_mb, 3),
        "startup_app_ms": round(app_ms, 1),
        "startup_bare_ms": round(bare_ms, 1),
        "rss_app_mb": round(app_mb, 1),
        "rss_bare_mb": round(bare_mb, 1),
    }


TYPING_CHILD = ROOT / "benchmarks" / "typing_child.py"


def run_typing(kind: str, bench: Bench, home: Path, keys: int, rounds: int) -> dict[str, object]:
    env = bench.child_env()
    env["INCIDENT_COMPOSER_HOME"] = str(home)
    try:
        done = subprocess.run(
            [sys.executable, str(TYPING_CHILD), kind, str(keys), str(rounds)],
            env=env,
            capture_output=True,
            text=True,
            timeout=CHILD_TIMEOUT * 8,
            check=False,
        )
    except subprocess.TimeoutExpired:
        raise BenchmarkError(f"typing_child.py {kind} did not finish") from None
    lines = done.stdout.strip().splitlines()
    if done.returncode != 0 or not lines:
        raise BenchmarkError(f"typing_child.py {kind} exited with {done.returncode}: {done.stderr[-1500:]}")
    return json.loads(lines[-1])


@measurement("typing", targets={"keystroke_p95_ratio": 1.3, "verdict_ms": 300.0})
def typing(bench: Bench) -> dict[str, object]:
    """Keystroke latency in a 5,000-word draft in the real window, checklist live against not, and the
    time to a verdict (benchmarks/typing_child.py).

    `keystroke_p95_ratio`: one app process types segments of the same key schedule into its own editor,
    live and quiet in turn (A B A B …, --runs segments of each). Live: the checklist live as the user
    has it. Quiet: the same window and editor with `LiveChecks.schedule` gated off, so no keystroke
    starts a check; everything else a keystroke does (autosave, previews) runs on both sides. Each
    side's figure is the median of its segments' p95 latencies; the ratio is live over quiet.
    `keystroke_p95_ms` and `keystroke_median_ms` are the live side's, `keystroke_quiet_p95_ms` the
    quiet side's, `keystroke_bare_p95_ms` a plain QPlainTextEdit with no app code, typed in a second
    process afterwards (information only; a third as many segments). `verdict_ms` is the slowest
    verdict timed in the live segments (keystroke to the checklist's answer, its 200 ms typing-pause
    delay included), `verdict_median_ms` their median."""
    sys.path.insert(0, str(ROOT / "benchmarks"))
    from typing_child import draft_text

    from composer.core.model import Incident, Status, Update
    from composer.core.store import Store

    home = bench.scratch / "typing-home"
    store, _ = Store.open(home / "composer.db")
    incident = store.add_incident(Incident(title="Email delivery delayed", status=Status.IDENTIFIED))
    store.add_update(
        Update(
            incident_id=incident.id, body=draft_text(), status=Status.IDENTIFIED, signer="Marta Vidal, Head of Support"
        )
    )
    store.close()
    keys = 40 if bench.runs <= QUICK_RUNS else 60
    app = run_typing("app", bench, home, keys, bench.runs)
    bare = run_typing("bare", bench, home, keys, max(1, bench.runs // 3))  # information only: fewer
    segments = app["segments"] + bare["segments"]

    def side(name: str, key: str = "p95_ms") -> float:
        return statistics.median(s[key] for s in segments if s["side"] == name)

    for s in segments:
        progress(f"typing {s['side']:5}: p95 {s['p95_ms']:6.2f} ms median {s['median_ms']:5.2f} max {s['max_ms']:6.2f}")
    verdicts = app["verdicts_ms"]
    progress(f"typing verdicts: {verdicts}")
    live, quiet = side("live"), side("quiet")
    return {
        "keystroke_p95_ratio": round(live / quiet, 3),
        "keystroke_p95_ms": round(live, 2),
        "keystroke_median_ms": round(side("live", "median_ms"), 2),
        "keystroke_quiet_p95_ms": round(quiet, 2),
        "keystroke_bare_p95_ms": round(side("bare"), 2),
        "keystroke_keys_per_segment": keys,
        "verdict_ms": max(verdicts) if verdicts else None,
        "verdict_median_ms": round(statistics.median(verdicts), 1) if verdicts else None,
        "draft_words": app["words"],
    }


# -- command line ------------------------------------------------------------------------


@measurement("publishing", targets={"publish_fanout_ratio": 1.2, "publish_ui_stall_ratio": 2.0})
def publishing(bench: Bench) -> dict[str, object]:
    """Publish one update to four loopback peers: fan-out vs the slowest alone; the window's longest
    event-loop gap while publishing vs the same window idle for as long (benchmarks/publishing.py)."""
    sys.path.insert(0, str(ROOT / "benchmarks"))
    sys.path.insert(0, str(ROOT))
    import publishing as publishing_figures

    try:
        return publishing_figures.measure(bench.runs, bench.scratch, bench.child_env())
    except Exception as error:  # a peer that cannot start, a channel that fails: say which
        raise BenchmarkError(f"publishing: {error}") from error


@measurement("outbox", targets={"outbox_kill_duplicates": 0, "outbox_kill_lost": 0, "outbox_drain_ratio": 1.3})
def outbox(bench: Bench) -> dict[str, object]:
    """kill -9 during `publish`, then `outbox send`: duplicates and lost posts counted on four real peers
    (50 runs per channel; 3 with --quick); draining a queue against publishing online (20 updates; 4)."""
    sys.path.insert(0, str(ROOT / "benchmarks"))
    import outbox_kill

    quick = bench.runs <= QUICK_RUNS
    runs = outbox_kill.QUICK_RUNS if quick else outbox_kill.DEFAULT_RUNS
    updates = outbox_kill.QUICK_DRAIN_UPDATES if quick else outbox_kill.DRAIN_UPDATES
    try:
        figures = outbox_kill.measure(runs, updates)
    except Exception as error:  # a peer that cannot start, a command that fails: say which
        raise BenchmarkError(f"outbox: {error}") from error
    progress(outbox_kill.report(figures))
    return figures


@measurement("statuspage_build", targets={"statuspage_build_ms_1000x20": 500.0, "statuspage_upload_changed_files": 4})
def statuspage_build(bench: Bench) -> dict[str, object]:
    """The whole status page (`build_site`) for 1,000 incidents × 20 published updates (median of 3; 1 with
    --quick), and a rebuild after one more update (benchmarks/statuspage.py)."""
    sys.path.insert(0, str(ROOT / "benchmarks"))
    sys.path.insert(0, str(ROOT))
    import statuspage

    try:
        return statuspage.measure(1 if bench.runs <= QUICK_RUNS else 3, bench.scratch)
    except Exception as error:  # a store that cannot be seeded, a page that cannot be built: say which
        raise BenchmarkError(f"statuspage_build: {error}") from error


@measurement(
    "year",
    targets={"startup_ratio_1000x20": 1.3, "new_incident_stall_ms_1000x20": 50.0, "list_cli_ratio_1000x20": 1.3},
)
def year(bench: Bench) -> dict[str, object]:
    """A year of incidents (1,000 × 20 updates): first paint against a bare window, the longest stall
    while creating an incident, `incidents list` against `--version` (benchmarks/year.py)."""
    sys.path.insert(0, str(ROOT / "benchmarks"))
    import year as year_figures

    def pairs(home: Path) -> tuple[float, float]:
        return first_paint_medians(Bench(runs=bench.runs, home=home, scratch=bench.scratch), "year")

    try:
        return dict(year_figures.measure(bench.runs, bench.scratch, pairs, bench.child_env()))
    except (RuntimeError, subprocess.TimeoutExpired) as error:  # a child that fails: say which
        raise BenchmarkError(f"year: {error}") from error


@measurement(
    "workspace",
    targets={
        "workspace_notify_ms": 1000.0,
        "workspace_first_sync_ms": 10_000.0,
        "workspace_open_ratio_1000x20": 1.5,
        "workspace_search_ratio_1000x20": 1.5,
    },
)
def workspace(bench: Bench) -> dict[str, object]:
    """A team's workspace on a real PostgreSQL (benchmarks/workspace.py): a save reaching the other
    person's copy, a newcomer's first sync of 1,000 incidents × 20, and opening and searching that
    copy against the same data in a store in no workspace."""
    sys.path.insert(0, str(ROOT / "benchmarks"))
    import workspace as workspace_figures

    def paint(home: Path) -> float:
        return run_first_paint("app", Bench(runs=bench.runs, home=home, scratch=bench.scratch)).startup_ms

    try:
        return dict(workspace_figures.measure(bench.runs, bench.scratch, paint=paint))
    except Exception as error:  # a server that cannot start, a copy that never syncs: say which
        raise BenchmarkError(f"workspace: {error}") from error


def first_paint_medians(bench: Bench, label: str) -> tuple[float, float]:
    """Median first paint (ms) of the app and of a bare window on `bench.home`, interleaved runs."""
    for kind in ("app", "bare"):  # one discarded run of each warms the file and bytecode caches
        run_first_paint(kind, bench)
    samples: dict[str, list[float]] = {"app": [], "bare": []}
    for index in range(bench.runs):
        for kind in ("app", "bare"):
            samples[kind].append(run_first_paint(kind, bench).startup_ms)
            progress(f"{label} first paint {f'{index + 1}/{bench.runs}':>5} {kind:4}: {samples[kind][-1]:7.1f} ms")
    return statistics.median(samples["app"]), statistics.median(samples["bare"])


@measurement("outreach_import", targets={"outreach_import_10k_ms": 1000.0})
def outreach_import(bench: Bench) -> dict[str, object]:
    """Importing 10,000 affected customers (`read_customers`: every address and phone number checked), the
    median of 5 (3 with --quick), and the first import in a fresh interpreter (benchmarks/outreach.py)."""
    sys.path.insert(0, str(ROOT / "benchmarks"))
    sys.path.insert(0, str(ROOT))
    import outreach

    try:
        return outreach.measure(3 if bench.runs <= QUICK_RUNS else 5, bench.scratch)
    except Exception as error:  # a list that imports wrong, a child that fails: say which
        raise BenchmarkError(f"outreach_import: {error}") from error


@measurement("search", targets={"search_ms_1000x20": 100.0})
def search(bench: Bench) -> dict[str, object]:
    """Searching every update of 1,000 incidents × 20 (`Store.search_updates`: two words typed without
    their accents, and one word in every update), the median of 5 (21 without --quick); benchmarks/search.py."""
    sys.path.insert(0, str(ROOT / "benchmarks"))
    sys.path.insert(0, str(ROOT))
    import search as search_figures

    try:
        return search_figures.measure(5 if bench.runs <= QUICK_RUNS else 21, bench.scratch)
    except Exception as error:  # a store that cannot be seeded, a search that finds nothing: say which
        raise BenchmarkError(f"search: {error}") from error


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help=f"{QUICK_RUNS} runs each instead of {FULL_RUNS}")
    parser.add_argument("--runs", type=int, help="measured runs of each side (overrides --quick)")
    parser.add_argument(
        "--only", action="append", choices=sorted(MEASUREMENTS), help="run only this measurement (repeatable)"
    )
    args = parser.parse_args(argv)
    runs = args.runs or (QUICK_RUNS if args.quick else FULL_RUNS)
    if runs < 1:
        parser.error("--runs must be at least 1")

    figures: dict[str, object] = {}
    with tempfile.TemporaryDirectory(prefix="composer-bench-") as folder:
        bench = Bench(runs=runs, home=Path(folder) / "home", scratch=Path(folder))
        seed(bench.home)  # once: every run starts from the same stored incident
        for name in args.only or MEASUREMENTS:
            progress(f"== {name} ({runs} runs each)")
            try:
                figures.update(MEASUREMENTS[name](bench))
            except BenchmarkError as error:
                progress(f"error: {error}")
                return 1
    figures["runs"] = runs
    figures["targets"] = {key: TARGETS[key] for key in figures if key in TARGETS}
    print(json.dumps(figures))
    return 0


if __name__ == "__main__":
    sys.exit(main())
