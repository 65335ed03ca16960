# SPDX-License-Identifier: GPL-3.0-or-later
"""`incident-composer check`: the contract others script against."""

from __future__ import annotations

import json
import subprocess
import sys

from composer.core.checks import RULES

GOOD = """\
---
status: investigating
started: 2026-11-24T09:12:00+01:00
language: en
---
We are sorry: since 09:12 CET you cannot send email. A change we made went wrong.

Next update by 10:00 CET. Call +34 930 000 000 or write to support@example.net.

Marta Vidal, Head of Support
"""
BAD = GOOD.replace("Marta Vidal, Head of Support", "Building Office")


def check(*args, home):
    env = {"INCIDENT_COMPOSER_HOME": str(home), "PATH": "/usr/bin:/bin"}
    return subprocess.run(
        [sys.executable, "-m", "composer", "check", *args], capture_output=True, text=True, env=env, timeout=120
    )


def test_json_shape_and_exit_codes(tmp_path, home):
    good, bad = tmp_path / "good.md", tmp_path / "bad.md"
    good.write_text(GOOD, encoding="utf-8")
    bad.write_text(BAD, encoding="utf-8")
    passed = check(str(good), "--now", "2026-11-24T09:20:00+01:00", "--format", "json", home=home)
    assert passed.returncode == 0, passed.stderr
    result = json.loads(passed.stdout)
    assert [entry["file"] for entry in result] == [str(good)]
    rules = result[0]["rules"]
    assert [r["id"] for r in rules] == [rule.id for rule in RULES]
    for rule in rules:
        assert {"id", "status", "message", "spans"} <= set(rule)
        assert rule["status"] in ("pass", "warn", "fail")
        assert all(isinstance(span, list) and len(span) == 2 for span in rule["spans"])

    failed = check(str(good), str(bad), "--now", "2026-11-24T09:20:00+01:00", "--format", "json", home=home)
    assert failed.returncode == 1
    by_file = {entry["file"]: {r["id"]: r for r in entry["rules"]} for entry in json.loads(failed.stdout)}
    signature = by_file[str(bad)]["sign-your-name"]
    assert signature["status"] == "fail"
    start, end = signature["spans"][0]
    assert BAD.split("---\n", 2)[2][start:end] == "Building Office"


def test_now_drives_lateness(tmp_path, home):
    good = tmp_path / "good.md"
    good.write_text(GOOD, encoding="utf-8")
    late = check(str(good), "--now", "2026-11-24T10:30:00+01:00", "--format", "json", home=home)
    timely = next(r for r in json.loads(late.stdout)[0]["rules"] if r["id"] == "be-timely")
    assert timely["status"] == "fail"
    assert late.returncode == 1


def test_text_output(tmp_path, home):
    bad = tmp_path / "bad.md"
    bad.write_text(BAD, encoding="utf-8")
    result = check(str(bad), "--now", "2026-11-24T09:20:00+01:00", home=home)
    assert result.returncode == 1
    assert "FAIL  sign-your-name" in result.stdout


def test_bad_input_exits_2_with_one_line(tmp_path, home):
    broken = tmp_path / "broken.md"
    broken.write_text("---\nstarted: [1, 2\n---\nx\n", encoding="utf-8")
    config = tmp_path / "bad.toml"
    config.write_text("[timeliness\n", encoding="utf-8")
    good = tmp_path / "good.md"
    good.write_text(GOOD, encoding="utf-8")
    for args in (
        (str(tmp_path / "missing.md"),),
        (str(broken),),
        (str(good), "--now", "soon"),
        (str(good), "--now", "2026-11-24T09:20:00"),
        (str(good), "--config", str(config)),
    ):
        result = check(*args, home=home)
        assert result.returncode == 2, args
        assert result.stderr.count("\n") == 1, result.stderr


def test_config_file_sets_the_cadence_and_roster(tmp_path, home):
    update = tmp_path / "u.md"
    update.write_text(
        GOOD.replace("language: en", "language: en\nlast_update: 2026-11-24T09:00:00+01:00"), encoding="utf-8"
    )
    config = tmp_path / "org.toml"
    config.write_text('[timeliness]\ncadence_minutes = 60\n[[people]]\nname = "Jordi Puig"\n', encoding="utf-8")
    result = check(
        str(update), "--now", "2026-11-24T09:45:00+01:00", "--format", "json", "--config", str(config), home=home
    )
    rules = {r["id"]: r["status"] for r in json.loads(result.stdout)[0]["rules"]}
    assert rules["be-timely"] == "pass"  # 45 minutes is within a 60-minute cadence
    assert rules["sign-your-name"] == "warn"  # Marta Vidal is not on this roster
    (home / "checks.toml").write_text("[timeliness]\ncadence_minutes = 20\n", encoding="utf-8")
    default = check(str(update), "--now", "2026-11-24T09:45:00+01:00", "--format", "json", home=home)
    assert {r["id"]: r["status"] for r in json.loads(default.stdout)[0]["rules"]}["be-timely"] == "fail"
