# SPDX-License-Identifier: GPL-3.0-or-later
"""Issue 13, item 6, re-checked one by one: each cause that used to end in a traceback now gets
one line on standard error and exit 2, and saves nothing (no incident, no account, no file).
Plus `import - < latin1.md`: standard input that is not UTF-8 is one line, not a traceback."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from fuzz_runner import half_imported, run

HUGE = "99999999999999999999999"
UPDATE = "---\ntitle: Email delayed\nstatus: investigating\nstarted: 2026-11-24T09:12:00+01:00\n---\nWe are sorry.\n"
IMPOSSIBLE = UPDATE.replace("2026-11-24T09:12", "2026-02-30T10:00")
STAGELESS = '{#-\n[template]\nstage = "degraded"\nchannel = "blog"\nlanguage = "en"\ntitle = "Odd"\n-#}\nHello\n'
RECURSIVE = (
    '{#-\n[template]\nstage = "investigating"\nchannel = "blog"\nlanguage = "en"\ntitle = "Loop"\n-#}\n'
    "{% macro f() %}{{ f() }}{% endmacro %}{{ f() }}\n"
)


def _files(folder: Path) -> dict[str, Path]:
    """The hostile files the cases name, written into `folder`."""
    made = {
        "impossible.md": IMPOSSIBLE.encode(),
        "huge-incident.md": UPDATE.replace("status:", f"incident: {HUGE}\nstatus:").encode(),
        "huge-update.md": UPDATE.replace("status:", f"update: {HUGE}\nstatus:").encode(),
        "latin1.json": '{"title": "Caf\xe9"}'.encode("latin-1"),
        "latin1.toml": 'title = "Caf\xe9"\n'.encode("latin-1"),
        "deep.json": b"[" * 100_000 + b"]" * 100_000,
        "latin1.md": UPDATE.replace("sorry", "d\xe9sol\xe9s").encode("latin-1"),
    }
    for name, data in made.items():
        (folder / name).write_bytes(data)
    return {name: folder / name for name in made}


# (case, argv with {name} for the files above, the words the one line must hold)
CASES = [
    ("check-impossible-date", ["check", "{impossible.md}"], "day is out of range"),
    ("import-impossible-date", ["import", "{impossible.md}"], "day is out of range"),
    ("import-huge-incident", ["import", "{huge-incident.md}"], "must be an incident id"),
    ("import-huge-update", ["import", "{huge-update.md}"], "must be an update id"),
    ("export-huge-id", ["export", HUGE], "is not an id"),
    ("export-huge-update", ["export", "1", "--update", HUGE], "is not an id"),
    ("render-huge-incident", ["render", "investigating-blog-en", "--sample", "--incident", HUGE], "is not an id"),
    ("render-data-latin1-json", ["render", "investigating-blog-en", "--data", "{latin1.json}"], "not UTF-8"),
    ("render-data-latin1-toml", ["render", "investigating-blog-en", "--data", "{latin1.toml}"], "not UTF-8"),
    ("render-data-deep-json", ["render", "investigating-blog-en", "--data", "{deep.json}"], "nested too deeply"),
    ("export-to-empty-name", ["export", "1", "-o", ""], "is a folder"),
    ("export-to-dot", ["export", "1", "-o", "."], "is a folder"),
    ("export-to-root", ["export", "1", "-o", "/"], "is a folder"),
    ("render-unknown-stage", ["render", "user:odd", "--sample"], "unknown stage 'degraded'"),
    ("render-recursive-macro", ["render", "user:loop", "--sample"], "recursive macro"),
    (
        "accounts-add-empty-name",
        ["accounts", "add", "email", "", "--host", "smtp.example.com"],
        "cannot name an account",
    ),
    ("accounts-add-blank-name", ["accounts", "add", "email", "   ", "--host", "smtp.example.com"], "cannot name"),
]


@pytest.fixture
def setup(home, tmp_path, monkeypatch):
    """A data folder holding one incident (id 1), two user templates (an unknown stage, a
    recursive macro) and the hostile files; run from a folder of its own."""
    folder = tmp_path / "files"
    folder.mkdir()
    files = _files(folder)
    good = folder / "good.md"
    good.write_text(UPDATE, encoding="utf-8")
    assert run(["import", str(good)]).out.strip() == "1"
    (home / "templates").mkdir()
    (home / "templates" / "odd.j2").write_text(STAGELESS, encoding="utf-8")
    (home / "templates" / "loop.j2").write_text(RECURSIVE, encoding="utf-8")
    work = tmp_path / "work"
    work.mkdir()
    monkeypatch.chdir(work)
    return files, work


def _stored(home: Path) -> tuple[int, int, list[object]]:
    import sqlite3

    conn = sqlite3.connect(home / "composer.db")
    try:
        incidents = conn.execute("SELECT COUNT(*) FROM incidents").fetchone()[0]
        updates = conn.execute("SELECT COUNT(*) FROM updates").fetchone()[0]
        accounts = [row[0] for row in conn.execute("SELECT name FROM accounts")]
    finally:
        conn.close()
    return incidents, updates, accounts


@pytest.mark.parametrize(("case", "argv", "words"), CASES, ids=[c[0] for c in CASES])
def test_each_cause_is_one_line_and_exit_2_and_saves_nothing(setup, home, case, argv, words):
    files, work = setup
    before = _stored(home)
    named = {"{" + name + "}": str(path) for name, path in files.items()}
    result = run([named.get(part, part) for part in argv])
    assert not result.raised, result.raised
    assert result.code == 2, (case, result.code, result.err)
    assert result.err.count("\n") == 1 and result.err.startswith("incident-composer: "), result.err
    assert words in result.err, result.err
    assert _stored(home) == before  # no incident, update or account saved
    assert half_imported(home / "composer.db") == []
    assert sorted(p.name for p in work.iterdir()) == []  # nothing written where the command ran


def test_templates_list_shows_the_unknown_stage_as_broken(setup):
    listed = run(["templates", "list", "--format", "json"])
    assert listed.code == 0 and not listed.err
    entries = {entry["id"]: entry for entry in json.loads(listed.out)}
    assert "unknown stage 'degraded'" in entries["user:odd"]["error"]


def test_latin1_on_standard_input_in_process(setup, home):
    files, _work = setup
    before = _stored(home)
    result = run(["import", "-"], stdin=files["latin1.md"].read_bytes())
    assert result.code == 2 and not result.raised
    assert result.err == "incident-composer: standard input is not UTF-8 text (save the file as UTF-8 and try again)\n"
    assert _stored(home) == before


@pytest.mark.parametrize("locale", ["C.UTF-8", "C", "POSIX"])
def test_latin1_on_standard_input_of_the_real_command(home, tmp_path, locale):
    """`incident-composer import - < latin1.md` as a shell runs it, whatever the locale: one line,
    exit 2, and no incident (it used to be a UnicodeEncodeError traceback and an empty incident)."""
    latin1 = _files(tmp_path)["latin1.md"]
    env = {"INCIDENT_COMPOSER_HOME": str(home), "PATH": os.environ.get("PATH", "/usr/bin:/bin"), "LC_ALL": locale}
    with latin1.open("rb") as stdin:
        done = subprocess.run(
            [sys.executable, "-m", "composer", "import", "-"], stdin=stdin, capture_output=True, env=env, timeout=120
        )
    err = done.stderr.decode("utf-8", "replace")
    assert done.returncode == 2, err
    assert err.count("\n") == 1 and "not UTF-8" in err and "Traceback" not in err, err
    if (home / "composer.db").exists():
        assert _stored(home)[:2] == (0, 0)
