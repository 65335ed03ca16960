# SPDX-License-Identifier: GPL-3.0-or-later
"""`incident-composer templates list` and `incident-composer render`, run as a user runs them."""

from __future__ import annotations

import json
import subprocess
import sys

from composer.core.interchange import parse_update


def cli(*args, home):
    env = {"INCIDENT_COMPOSER_HOME": str(home), "PATH": "/usr/bin:/bin"}
    return subprocess.run(
        [sys.executable, "-m", "composer", *args], capture_output=True, text=True, env=env, timeout=120
    )


def test_templates_list_json(home):
    result = cli("templates", "list", "--format", "json", home=home)
    assert result.returncode == 0, result.stderr
    entries = json.loads(result.stdout)
    first = next(e for e in entries if e["id"] == "investigating-blog-en")
    assert {"id", "stage", "channel", "language", "fields"} <= set(first)
    assert first["stage"] == "investigating" and first["channel"] == "blog" and first["language"] == "en"
    assert {"name", "label", "type", "required", "default", "help"} <= set(first["fields"][0])


def test_render_long_form_gives_an_update_file_that_check_reads(home, tmp_path):
    out = tmp_path / "update.md"
    result = cli(
        "render",
        "investigating-blog-en",
        "--sample",
        "--set",
        "signer_name=Jordi Puig",
        "--output",
        str(out),
        home=home,
    )
    assert result.returncode == 0, result.stderr
    doc = parse_update(out.read_text(encoding="utf-8"))
    assert doc.status.value == "investigating"
    assert doc.signer.startswith("Jordi Puig")
    assert "Jordi Puig" in doc.body
    checked = cli("check", str(out), "--now", (doc.started.replace(minute=20)).isoformat(), home=home)
    assert checked.returncode == 0, checked.stdout


def test_render_reads_json_and_toml_data(home, tmp_path):
    data = {
        "title": "Checkout down",
        "impact": "you cannot pay by card",
        "started": "2026-11-24T10:00:00Z",
        "next_update": "2026-11-24T10:30:00Z",
        "signer_name": "Ana García",
        "org_name": "Shop",
        "org_email": "help@shop.example",
    }
    as_json = tmp_path / "v.json"
    as_json.write_text(json.dumps(data), encoding="utf-8")
    as_toml = tmp_path / "v.toml"
    as_toml.write_text("\n".join(f'{k} = "{v}"' for k, v in data.items()), encoding="utf-8")
    for source in (as_json, as_toml):
        result = cli("render", "investigating-email-en", "--data", str(source), home=home)
        assert result.returncode == 0, result.stderr
        assert "you cannot pay by card" in result.stdout
        assert "subject: '[Shop] Checkout down" in result.stdout


def test_render_errors_exit_2_with_one_line(home, tmp_path):
    bad_json = tmp_path / "bad.json"
    bad_json.write_text("{", encoding="utf-8")
    cases = [
        ("render", "no-such-template"),
        ("render", "investigating-blog-en"),  # required fields missing
        ("render", "investigating-blog-en", "--sample", "--set", "started=yesterday"),
        ("render", "investigating-blog-en", "--sample", "--set", "zone=Mars/Olympus"),
        ("render", "investigating-blog-en", "--set", "novalue"),
        ("render", "investigating-blog-en", "--data", str(bad_json)),
    ]
    for args in cases:
        result = cli(*args, home=home)
        assert result.returncode == 2, (args, result.stdout)
        assert result.stderr.count("\n") == 1, result.stderr


def test_user_templates_are_listed_and_rendered(home):
    folder = home / "templates"
    folder.mkdir()
    (folder / "short-thanks.j2").write_text(
        '{#-\n[template]\nstage = "resolved"\nchannel = "social-short"\nlanguage = "en"\n'
        'title = "Thanks"\nfields = ["signer_name"]\n-#}\n'
        "All fixed. Thank you for your patience. – {{ signer_name }}\n",
        encoding="utf-8",
    )
    (folder / "broken.j2").write_text('{#-\n[template]\nchannel = "blog"\n-#}\n{% if %}\n', encoding="utf-8")
    listed = {e["id"]: e for e in json.loads(cli("templates", "list", "--format", "json", home=home).stdout)}
    assert listed["user:short-thanks"]["builtin"] is False
    assert "error" in listed["user:broken"]
    rendered = cli("render", "user:short-thanks", "--set", "signer_name=Marta Vidal", home=home)
    assert rendered.stdout == "All fixed. Thank you for your patience. – Marta Vidal\n"
    broken = cli("render", "user:broken", home=home)
    assert broken.returncode == 2 and "line" in broken.stderr


def test_render_names_every_missing_field_at_once_and_refuses_an_unknown_one(home):
    missing = cli("render", "investigating-email-en", "--set", "title=Mail is slow", home=home)
    assert missing.returncode == 2 and missing.stderr.count("\n") == 1
    assert "missing fields `impact`" in missing.stderr and "`signer_name`" in missing.stderr
    assert "`org_name`" in missing.stderr and "`title`" not in missing.stderr
    typo = cli("render", "investigating-email-en", "--sample", "--set", "titel=Mail is slow", home=home)
    assert typo.returncode == 2 and "has no field `titel`; its fields: title, services" in typo.stderr
