# SPDX-License-Identifier: GPL-3.0-or-later
"""The fuzz harness (issue 13): every kept input of tests/fuzz/corpus (made by
tools/make_fuzz_corpus.py), and the big ones its recipes describe, through every command that
reads such a file, in this process (`composer.cli.main`):

- update files: `check`, `import FILE`, `import -` (the bytes on standard input: `_through_stdin`); an imported
  one is exported (`export ID` and `export ID -o FILE`, which must match) and checked again;
- data files: `render TEMPLATE --sample --data FILE -o FILE`;
- configuration files: `check --config FILE`;
- user templates: `templates list --format json` (and the text listing), `render user:ID --sample -o FILE`.

Every run ends within its limit with exit 0, 1 or 2, no traceback and one stderr line per error;
a file written with -o is there whole (or, after an error, not at all) with nothing else left in
its folder; after every import, every stored incident has an update. The figures go to
$FUZZ_FIGURES (JSON) and the end of pytest's report.
"""

from __future__ import annotations

import argparse
import faulthandler
import json
import shutil
import zlib
from pathlib import Path

import pytest
from fuzz_runner import FIGURES, LIMIT, Clock, half_imported, inputs, judge, run
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

NOW = "2026-11-24T12:00:00+01:00"
GOOD_UPDATE = Path(__file__).resolve().parent.parent / "core" / "check_corpus" / "001-en-investigating-good.md"
DEFAULT_TEMPLATE = "investigating-blog-en"


@pytest.fixture
def fuzz_home(tmp_path, monkeypatch):
    """One data folder for the whole loop (imports pile up in one store), an output folder and
    a folder for the inputs recipes describe."""
    home = tmp_path / "home"
    home.mkdir()
    monkeypatch.setenv("INCIDENT_COMPOSER_HOME", str(home))
    untranslated(monkeypatch)
    (tmp_path / "out").mkdir()
    (tmp_path / "made").mkdir()
    # A hang in C code that SIGALRM cannot interrupt still ends the run, with every thread's stack.
    faulthandler.dump_traceback_later(LIMIT * 30, exit=True)
    yield home
    faulthandler.cancel_dump_traceback_later()


def untranslated(monkeypatch) -> None:
    """argparse looks for a translation of every help text each time `main` builds its parser,
    two thirds of an in-process run; Python ships none, so the text itself is the answer."""
    monkeypatch.setattr(argparse, "_", lambda text: text)
    monkeypatch.setattr(argparse, "ngettext", lambda one, many, n: one if n == 1 else many)


def _check_output(result, target: Path, folder: Path, label: str) -> list[str]:
    """A file written with -o: whole after exit 0, absent otherwise; no other file in its folder."""
    problems = []
    present = target.exists()
    others = sorted(p.name for p in folder.iterdir() if p != target)
    if result.code == 0 and not result.raised and not result.hung:
        if not present:
            problems.append(f"{label}: exit 0 but {target.name} was not written")
        else:
            data = target.read_bytes()
            if not data.endswith(b"\n"):
                problems.append(f"{label}: {target.name} is not whole ({len(data)} bytes, no final newline)")
    elif present:
        problems.append(f"{label}: exit {result.code} but {target.name} was written")
    if others:
        problems.append(f"{label}: left behind in the output folder: {others}")
    if problems:
        FIGURES.half_written_files += 1
    for path in folder.iterdir():
        path.unlink()
    return problems


def _update_file(path: Path, home: Path, out: Path) -> list[str]:
    label = f"updates/{path.name}"
    problems = judge(run(["check", str(path), "--now", NOW]), label)
    database = home / "composer.db"
    data = path.read_bytes()
    runs: list[tuple[list[str], bytes | None]] = [(["import", str(path)], None)]
    if _through_stdin(path, data):
        runs.append((["import", "-"], data))
    for argv, stdin in runs:
        imported = run(argv, stdin=stdin)
        problems += judge(imported, label)
        empty = half_imported(database)
        if empty:
            FIGURES.half_imported_incidents += len(empty)
            problems.append(f"{label}: `{' '.join(argv)}` left incidents without an update: {empty}")
        if imported.code == 0 and imported.out.strip().isdigit() and stdin is None:  # the same text twice
            problems += _exported(imported.out.strip(), out, label)
    return problems


def _through_stdin(path: Path, data: bytes) -> bool:
    """`import -` too: for text that is not UTF-8 (the standard-input path decodes on its own), the
    hostile files and one in four of the others (the rest read the same as `import FILE`)."""
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return True
    return not path.name.startswith(("check_", "golden-", "template-")) or zlib.crc32(path.name.encode()) % 4 == 0


def _exported(incident_id: str, out: Path, label: str) -> list[str]:
    """The incident just imported, exported to standard output and to a file: the same text, and
    a file `check` reads again."""
    target = out / "exported.md"
    to_stdout = run(["export", incident_id])
    to_file = run(["export", incident_id, "-o", str(target)])
    problems = judge(to_stdout, label) + judge(to_file, label)
    if to_file.code == 0 and target.exists():
        if target.read_bytes().decode("utf-8", "surrogateescape") != to_stdout.out:
            FIGURES.half_written_files += 1
            problems.append(f"{label}: export -o wrote other text than export to standard output")
        if target.stat().st_size < 20_000:  # a long one was checked already, as it was imported
            problems += judge(run(["check", str(target), "--now", NOW]), label + " (exported)")
    return problems + _check_output(to_file, target, out, label + " (export -o)")


def _report(problems: list[str]) -> None:
    FIGURES.problems += problems
    assert not problems, f"{len(problems)} problems:\n" + "\n".join(problems[:30])


def test_update_files(fuzz_home, tmp_path):
    problems: list[str] = []
    with Clock():
        for path in inputs("updates", tmp_path / "made"):
            problems += _update_file(path, fuzz_home, tmp_path / "out")
    _report(problems)


def test_data_files(fuzz_home, tmp_path):
    out = tmp_path / "out"
    problems: list[str] = []
    with Clock():
        for path in inputs("data", tmp_path / "made"):
            template = path.name.split("--", 1)[0] if "--" in path.name else DEFAULT_TEMPLATE
            target = out / "rendered.out"
            result = run(["render", template, "--sample", "--data", str(path), "-o", str(target)])
            label = f"data/{path.name}"
            problems += judge(result, label, errors_allowed=1)
            if result.code == 0 and target.exists() and target.read_bytes().startswith(b"---\n"):
                problems += judge(run(["check", str(target), "--now", NOW]), label + " (rendered)")
            problems += _check_output(result, target, out, label + " (render -o)")
    _report(problems)


def test_config_files(fuzz_home, tmp_path):
    problems: list[str] = []
    with Clock():
        for path in inputs("config", tmp_path / "made"):
            label = f"config/{path.name}"
            problems += judge(run(["check", str(GOOD_UPDATE), "--now", NOW, "--config", str(path)]), label)
    _report(problems)


def test_user_templates(fuzz_home, tmp_path):
    out = tmp_path / "out"
    folder = fuzz_home / "templates"
    folder.mkdir()
    problems: list[str] = []
    with Clock():
        for path in inputs("templates", tmp_path / "made"):
            label = f"templates/{path.name}"
            shutil.copyfile(path, folder / "fuzz.j2")
            listed = run(["templates", "list", "--format", "json"])
            problems += judge(listed, label)
            if not path.name.endswith("--as-is.j2"):  # the text listing too (a built-in's copy lists as it)
                problems += judge(run(["templates", "list"]), label)
            if listed.code == 0:
                entries = {entry["id"]: entry for entry in json.loads(listed.out)}
                if "user:fuzz" not in entries:
                    problems.append(f"{label}: `templates list` does not list user:fuzz")
            target = out / "rendered.out"
            rendered = run(["render", "user:fuzz", "--sample", "-o", str(target)])
            problems += judge(rendered, label)
            problems += _check_output(rendered, target, out, label + " (render -o)")
    _report(problems)


_KEYS = st.sampled_from(
    ["title", "incident", "update", "status", "severity", "started", "last_update", "next_update", "signer",
     "language", "services", "impact", "workaround", "region", "own_site_down", "own_email_down", "extra"]
)  # fmt: skip
_SCALARS = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(2**80), max_value=2**80),
    st.floats(allow_nan=True, allow_infinity=True),
    st.text(max_size=40),
    st.datetimes().map(lambda d: d.isoformat()),
    st.dates().map(str),
)
_VALUES = st.recursive(
    _SCALARS,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4),
    max_leaves=12,
)


@settings(derandomize=True, max_examples=200, deadline=None, suppress_health_check=list(HealthCheck))
@given(
    front=st.dictionaries(_KEYS, _VALUES, max_size=8),
    body=st.text(max_size=300),
    raw_front=st.text(max_size=120),
    shape=st.sampled_from(["json", "raw", "none"]),
)
def test_generated_update_files(front, body, raw_front, shape, tmp_path_factory, monkeypatch):  # noqa: PLR0917
    """Hypothesis-made update files (bounded and derandomized): any front matter, as JSON (which
    YAML reads), as random text, or none, through `check` and `import -`."""
    home = tmp_path_factory.mktemp("generated-home")
    monkeypatch.setenv("INCIDENT_COMPOSER_HOME", str(home))
    untranslated(monkeypatch)
    head = {"json": json.dumps(front, default=str), "raw": raw_front, "none": None}[shape]
    text = body if head is None else f"---\n{head}\n---\n{body}"
    path = home / "generated.md"
    path.write_bytes(text.encode("utf-8", "surrogatepass"))
    FIGURES.inputs_tried += 1
    FIGURES.by_consumer["generated"] = FIGURES.by_consumer.get("generated", 0) + 1
    with Clock():
        problems = judge(run(["check", str(path), "--now", NOW]), "generated")
        problems += judge(run(["import", "-"], stdin=path.read_bytes()), "generated")
        empty = half_imported(home / "composer.db")
    if empty:
        FIGURES.half_imported_incidents += len(empty)
        problems.append(f"generated: an incident without an update: {empty}")
    FIGURES.problems += problems
    assert not problems, f"{text!r}\n" + "\n".join(problems)
