# SPDX-License-Identifier: GPL-3.0-or-later
"""The command line speaks the system's language (LANGUAGE, LC_ALL, LC_MESSAGES, LANG), run as
users run it: a separate process. What it prints for programs (`--format json`) is the same in
every language."""

from __future__ import annotations

import subprocess
import sys

import pytest

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


def run(home, *args: str, **locale: str) -> subprocess.CompletedProcess[str]:
    env = {"INCIDENT_COMPOSER_HOME": str(home), "PATH": "/usr/bin:/bin", **locale}
    env = {name: value for name, value in env.items() if value}
    return subprocess.run(
        [sys.executable, "-m", "composer", *args], capture_output=True, text=True, env=env, timeout=60
    )


@pytest.mark.parametrize(
    ("locale", "unknown", "unreadable"),
    [
        (
            {"LANGUAGE": "ca"},
            "incident-composer: no hi ha cap incidència amb l'identificador 999\n",
            "no es pot llegir",
        ),
        (
            {"LANGUAGE": "es"},
            "incident-composer: no hay ningún incidente con el identificador 999\n",
            "no se puede leer",
        ),
        (
            {"LANG": "ca_ES.UTF-8"},
            "incident-composer: no hi ha cap incidència amb l'identificador 999\n",
            "no es pot llegir",
        ),
        ({"LANGUAGE": "en", "LANG": "es_ES.UTF-8"}, "incident-composer: no incident with id 999\n", "cannot read"),
        ({"LANG": "C"}, "incident-composer: no incident with id 999\n", "cannot read"),
    ],
)
def test_one_line_errors_in_the_systems_language(home, tmp_path, locale, unknown, unreadable):
    result = run(home, "export", "999", **locale)
    assert (result.returncode, result.stdout, result.stderr) == (2, "", unknown)

    missing = tmp_path / "missing.md"
    result = run(home, "check", str(missing), **locale)
    assert result.returncode == 2
    assert result.stderr.startswith(f"incident-composer: {missing}: {unreadable} {missing}")
    assert result.stderr.count("\n") == 1 and "Traceback" not in result.stderr


def test_usage_errors_and_help_are_translated(home):
    result = run(home, "export", "abc", LANGUAGE="ca")
    assert result.returncode == 2
    assert "'abc' no és un identificador (un nombre enter) (vegeu `incident-composer export --help`)" in result.stderr
    shown = run(home, "accounts", "--help", LANGUAGE="es").stdout
    assert "listar las cuentas" in shown and "añadir o sustituir una cuenta" in shown
    assert "list accounts" in run(home, "accounts", "--help", LANGUAGE="en").stdout


def test_status_lines_are_translated(home, tmp_path):
    assert run(home, "incidents", "list", LANGUAGE="ca").stdout == "Encara no hi ha cap incidència.\n"
    assert run(home, "outbox", "list", LANGUAGE="es").stdout == (
        "La bandeja de salida está vacía: todavía no se ha publicado ni puesto en cola nada.\n"
    )
    organisation = run(home, "organisation", "set", "--name", "Example", LANGUAGE="es")
    assert (organisation.returncode, organisation.stdout) == (0, "Se guardó la organización.\n")


def test_json_is_the_same_in_every_language(home, tmp_path):
    source = tmp_path / "update.md"
    source.write_text(UPDATE, encoding="utf-8")
    imported = run(home, "import", str(source), LANGUAGE="ca")
    assert imported.returncode == 0, imported.stderr
    commands = [
        ("incidents", "list", "--format", "json"),
        ("incidents", "search", "customers", "--format", "json"),
        ("outbox", "list", "--format", "json"),
        ("organisation", "show", "--format", "json"),
        ("people", "list", "--format", "json"),
        ("accounts", "list", "--format", "json"),
        ("templates", "list", "--format", "json"),
        ("check", str(source), "--now", "2026-11-24T10:05:00Z", "--format", "json"),
    ]
    for command in commands:
        english = run(home, *command, LANGUAGE="en")
        assert english.stdout.strip(), (command, english.stderr)
        for language in ("ca", "es"):
            translated = run(home, *command, LANGUAGE=language)
            assert (translated.returncode, translated.stdout) == (english.returncode, english.stdout), command
