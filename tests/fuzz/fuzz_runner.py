# SPDX-License-Identifier: GPL-3.0-or-later
"""Runs `incident-composer` commands in this process (`composer.cli.main(argv)`) for the fuzz
harness, and keeps its figures.

Each run gets a time limit (SIGALRM turns a run past `LIMIT` seconds into a hang naming the
input), its own standard output, error and input, and is judged: an exit code of 0, 1 or 2,
nothing raised out of `main` (a traceback), and standard error only `incident-composer: ...`
lines, one per error.
"""

from __future__ import annotations

import contextlib
import io
import json
import os
import signal
import sqlite3
import sys
import time
import traceback
from dataclasses import asdict, dataclass, field
from pathlib import Path

from composer.cli import main

CORPUS = Path(__file__).resolve().parent / "corpus"
LIMIT = 20.0  # seconds one command may take before it counts as a hang
LONGEST_MESSAGE = 1_000  # characters of one stderr line: a message, not the input echoed back
PREFIX = "incident-composer: "


class Hang(BaseException):
    """The command ran past its limit."""


@dataclass
class Figures:
    """What the harness tried and what went wrong (written to $FUZZ_FIGURES)."""

    inputs_tried: int = 0
    commands_run: int = 0
    tracebacks: int = 0
    hangs: int = 0
    half_written_files: int = 0
    half_imported_incidents: int = 0
    bad_exit_codes: int = 0
    bad_stderr: int = 0
    seconds: float = 0.0
    by_consumer: dict[str, int] = field(default_factory=dict)
    problems: list[str] = field(default_factory=list)

    def as_json(self) -> dict[str, object]:
        data = asdict(self)
        data["problems"] = self.problems[:200]
        return data


FIGURES = Figures()


def write_figures() -> None:
    target = os.environ.get("FUZZ_FIGURES")
    if target:
        Path(target).write_text(json.dumps(FIGURES.as_json(), indent=2) + "\n", encoding="utf-8")


def summary() -> str:
    f = FIGURES
    return (
        f"fuzz: {f.inputs_tried} inputs tried ({', '.join(f'{k} {v}' for k, v in sorted(f.by_consumer.items()))}), "
        f"{f.commands_run} commands in {f.seconds:.1f} s; tracebacks {f.tracebacks}, hangs {f.hangs}, "
        f"half-written files {f.half_written_files}, half-imported incidents {f.half_imported_incidents}, "
        f"bad exit codes {f.bad_exit_codes}, bad stderr {f.bad_stderr}"
    )


@dataclass
class Result:
    argv: list[str]
    code: int | None
    out: str
    err: str
    raised: str = ""  # the traceback of an exception that escaped main
    hung: bool = False


def _alarm(_signum: int, _frame: object) -> None:
    raise Hang


def run(argv: list[str], *, stdin: bytes | None = None) -> Result:
    """`incident-composer ARGV` in this process, within `LIMIT` seconds."""
    out, err = io.StringIO(), io.StringIO()
    # As a real standard input under a UTF-8 locale: bytes that are not UTF-8 arrive as surrogates.
    fake_in = io.TextIOWrapper(io.BytesIO(stdin or b""), encoding="utf-8", errors="surrogateescape")
    previous = signal.signal(signal.SIGALRM, _alarm)
    old_in = sys.stdin
    result = Result(argv, None, "", "")
    FIGURES.commands_run += 1
    try:
        sys.stdin = fake_in
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            signal.setitimer(signal.ITIMER_REAL, LIMIT)
            try:
                result.code = main(argv)
            finally:
                signal.setitimer(signal.ITIMER_REAL, 0)
    except Hang:
        result.hung = True
    except SystemExit as stop:  # argparse
        result.code = stop.code if isinstance(stop.code, int) else 1
    except BaseException:
        result.raised = traceback.format_exc(limit=-6)
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
        sys.stdin = old_in
    result.out, result.err = out.getvalue(), err.getvalue()
    return result


def judge(result: Result, label: str, *, errors_allowed: int = 1) -> list[str]:
    """What is wrong with one run (also counted in FIGURES)."""
    where = f"{label}: `{' '.join(_short(a) for a in result.argv)}`"
    problems = []
    if result.hung:
        FIGURES.hangs += 1
        problems.append(f"{where}: hung (over {LIMIT:.0f} s)")
    elif result.raised:
        FIGURES.tracebacks += 1
        problems.append(f"{where}: traceback: {result.raised.strip().splitlines()[-1]}\n{result.raised}")
    elif result.code not in (0, 1, 2):
        FIGURES.bad_exit_codes += 1
        problems.append(f"{where}: exit code {result.code!r}")
    lines = result.err.splitlines()
    errors = [line for line in lines if not line.startswith(PREFIX + "warning: ")]
    bad = (
        any(not line.startswith(PREFIX) or len(line) > LONGEST_MESSAGE for line in lines)
        or "Traceback" in result.err
        or len(errors) > errors_allowed
        or (result.code == 2 and not errors)
    )
    if bad and not result.hung and not result.raised:
        FIGURES.bad_stderr += 1
        problems.append(f"{where}: exit {result.code}, stderr not one line per error: {result.err[:600]!r}")
    return problems


def _short(text: str) -> str:
    return text if len(text) < 120 else text[:100] + "…"


def half_imported(database: Path) -> list[int]:
    """Incidents with no update (an import that stopped half-way)."""
    if not database.exists():
        return []
    with contextlib.closing(sqlite3.connect(f"file:{database}?mode=ro", uri=True)) as conn:
        rows = conn.execute(
            "SELECT id FROM incidents i WHERE NOT EXISTS (SELECT 1 FROM updates u WHERE u.incident_id = i.id)"
        ).fetchall()
    return [row[0] for row in rows]


def expand_recipe(recipe_path: Path, folder: Path) -> tuple[str, Path]:
    """A recipe's consumer and the file it describes, written into `folder`."""
    recipe = json.loads(recipe_path.read_text(encoding="utf-8"))
    target = folder / recipe["name"]
    with target.open("wb") as out:
        for text, times in recipe["parts"]:
            chunk = text.encode("utf-8", "surrogatepass")
            step = max(1, 1_000_000 // max(1, len(chunk)))
            for start in range(0, times, step):
                out.write(chunk * min(step, times - start))
    return recipe["consumer"], target


class Clock:
    """Adds the time spent in a `with` block to FIGURES.seconds."""

    def __enter__(self) -> Clock:
        self.start = time.perf_counter()
        return self

    def __exit__(self, *_exc: object) -> None:
        FIGURES.seconds += time.perf_counter() - self.start


def inputs(consumer: str, folder: Path) -> list[Path]:
    """The kept inputs of `consumer`, then those its recipes describe (written into `folder`)."""
    kept = sorted((CORPUS / consumer).iterdir())
    made = []
    for recipe in sorted((CORPUS / "recipes").glob("*.json")):
        if json.loads(recipe.read_text(encoding="utf-8"))["consumer"] == consumer:
            made.append(expand_recipe(recipe, folder)[1])
    FIGURES.inputs_tried += len(kept) + len(made)
    FIGURES.by_consumer[consumer] = FIGURES.by_consumer.get(consumer, 0) + len(kept) + len(made)
    return kept + made
