# SPDX-License-Identifier: GPL-3.0-or-later
"""The `incident-composer` command, run as users run it: a separate process."""

from __future__ import annotations

import json
import subprocess
import sys

from composer import __version__

UPDATE = """\
---
title: Checkout fails for some customers
status: investigating
started: 2026-11-24T10:00:00Z
next_update: 2026-11-24T10:30:00Z
signer: Jordi Puig, On-call engineer
---
We are sorry: some customers cannot pay at checkout since 10:00 UTC.
"""


def run(home, *args, stdin: str | None = None):
    env = {"INCIDENT_COMPOSER_HOME": str(home), "PATH": "/usr/bin:/bin"}
    return subprocess.run(
        [sys.executable, "-m", "composer", *args], input=stdin, capture_output=True, text=True, env=env, timeout=60
    )


def test_version(home):
    result = run(home, "--version")
    assert result.returncode == 0
    assert __version__ in result.stdout


def test_import_list_export(home, tmp_path):
    source = tmp_path / "update.md"
    source.write_text(UPDATE, encoding="utf-8")
    imported = run(home, "import", str(source))
    assert imported.returncode == 0, imported.stderr
    incident_id = int(imported.stdout.strip())

    listed = run(home, "incidents", "list", "--format", "json")
    rows = json.loads(listed.stdout)
    assert rows[0]["id"] == incident_id
    assert rows[0]["title"] == "Checkout fails for some customers"
    assert rows[0]["status"] == "investigating"
    assert rows[0]["updates"] == 1
    assert "Checkout fails" in run(home, "incidents", "list").stdout

    out = tmp_path / "out.md"
    exported = run(home, "export", str(incident_id), "--output", str(out))
    assert exported.returncode == 0, exported.stderr
    text = out.read_text(encoding="utf-8")
    assert f"incident: {incident_id}" in text
    assert "some customers cannot pay" in text
    assert run(home, "export", str(incident_id)).stdout == text

    # The exported file names its update: imported again (edited), it changes that update.
    assert "\nupdate: 1\n" in text
    out.write_text(text.replace("some customers cannot pay", "most customers cannot pay"), encoding="utf-8")
    again = run(home, "import", str(out))
    assert again.stdout.strip() == str(incident_id)
    assert json.loads(run(home, "incidents", "list", "--format", "json").stdout)[0]["updates"] == 1
    assert "most customers cannot pay" in run(home, "export", str(incident_id)).stdout
    # Without its `update:` line, it is the incident's second update.
    out.write_text(text.replace("\nupdate: 1\n", "\n"), encoding="utf-8")
    assert run(home, "import", str(out)).stdout.strip() == str(incident_id)
    assert json.loads(run(home, "incidents", "list", "--format", "json").stdout)[0]["updates"] == 2


def test_import_from_stdin(home):
    result = run(home, "import", "-", stdin=UPDATE)
    assert result.returncode == 0
    assert result.stdout.strip().isdigit()


def test_bad_input_exits_2_with_one_line(home, tmp_path):
    bad = tmp_path / "bad.md"
    bad.write_text("---\nstarted: yesterday\n---\nbody\n", encoding="utf-8")
    for args in (("import", str(bad)), ("import", str(tmp_path / "missing.md")), ("export", "99")):
        result = run(home, *args)
        assert result.returncode == 2, args
        assert result.stderr.count("\n") == 1 and result.stderr.startswith("incident-composer: ")


def test_empty_list(home):
    assert run(home, "incidents", "list").stdout.strip() == "No incidents yet."
    assert json.loads(run(home, "incidents", "list", "--format", "json").stdout) == []


def test_every_command_group_fails_in_one_line_with_the_shared_exit_codes(home, tmp_path):
    """One CommandError and one set of exit codes across composer/cli: 2 bad input, 1 failed work."""
    update = tmp_path / "update.md"
    update.write_text(UPDATE, encoding="utf-8")
    cases = [
        (2, ("import", str(tmp_path / "missing.md"))),
        (2, ("export", "99")),
        (2, ("check", str(update), "--now", "not a time")),
        (2, ("check", str(update), "--now", "2026-11-24T10:00:00")),
        (2, ("check", str(update), "--channels", "carrier-pigeon")),
        (2, ("check", str(update), "--config", str(tmp_path / "missing.toml"))),
        (2, ("render", "no-such-template")),
        (2, ("render", "investigating-blog-en", "--set", "novalue")),
        (2, ("render", "investigating-blog-en", "--data", str(update))),  # not JSON
        (1, ("render", "investigating-blog-en", "--sample", "--output", str(tmp_path / "no" / "dir" / "x.md"))),
        (1, ("export", "1", "--output", str(tmp_path / "no" / "dir" / "x.md"))),
        (2, ("export", "1", "--output", "")),  # a folder, a device or a link is not replaced
        (2, ("export", "1", "--output", ".")),
        (2, ("export", "1", "--output", "/")),
        (2, ("export", "1", "--output", "/dev/null")),
        (2, ("render", "investigating-blog-en", "--sample", "--output", str(tmp_path))),
        (2, ("accounts", "test", "nobody")),
        (2, ("accounts", "remove", "nobody")),
        (2, ("accounts", "add", "carrier-pigeon", "coo")),
        (2, ("publish", str(tmp_path / "missing.md"), "--to", "anyone")),
    ]
    assert run(home, "import", str(update)).returncode == 0  # incident 1 exists for the export case
    for code, args in cases:
        result = run(home, *args)
        assert result.returncode == code, (args, result.stderr)
        assert result.stderr.count("\n") == 1 and result.stderr.startswith("incident-composer: "), (args, result)
        assert "Traceback" not in result.stderr


def test_an_unknown_command_is_a_usage_error(home):
    result = run(home, "frobnicate")
    assert result.returncode == 2 and "invalid choice" in result.stderr


def test_the_command_line_never_loads_the_window(home):
    """composer/cli imports no Qt: a headless command works where Qt cannot even load."""
    result = subprocess.run(
        [
            sys.executable,
            "-c",
            "import sys, composer.entry as e; e.main(['templates', 'list']);"
            "print(sorted(m for m in sys.modules if m.startswith(('PySide6', 'composer.ui', 'composer.app'))))",
        ],
        capture_output=True,
        text=True,
        env={"INCIDENT_COMPOSER_HOME": str(home), "PATH": "/usr/bin:/bin"},
        timeout=60,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().splitlines()[-1] == "[]"


def test_hostile_arguments_get_a_usage_error_not_a_traceback(home, tmp_path):
    deep = tmp_path / "deep.json"
    deep.write_text("[" * 100_000 + "]" * 100_000, encoding="utf-8")
    update = tmp_path / "u.md"
    update.write_text(UPDATE, encoding="utf-8")
    cases = [
        ("export", "99999999999999999999999"),
        ("export", "1", "--update", "99999999999999999999999"),
        ("export", "0"),
        ("outbox", "retry", "-5"),
        ("accounts", "add", "email", ""),
        ("accounts", "add", "email", "a,b"),
        ("publish", str(update), "--to", ","),
        ("render", "investigating-blog-en", "--data", str(deep)),
    ]
    for args in cases:
        result = run(home, *args)
        assert result.returncode == 2, (args, result.stderr)
        assert "Traceback" not in result.stderr and result.stderr.strip().splitlines()[-1].startswith(
            "incident-composer"
        ), (args, result.stderr)
    listed = run(home, "accounts", "list", "--format", "json")
    assert json.loads(listed.stdout) == []  # no nameless account was saved
