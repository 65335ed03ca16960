# SPDX-License-Identifier: GPL-3.0-or-later
"""User templates that used to fail badly: an unknown stage (listed as fine, `render` raised
KeyError) and two files in different subfolders giving the same `user:` id (one hid the other)."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from composer.core.templates import TemplateError, TemplateLibrary, render_template
from composer.core.templates.library import STAGES
from composer.core.templates.render import STAGE_STATUS


def template(stage: str, body: str = "All fixed. – {{ signer_name }}\n", channel: str = "blog") -> str:
    return (
        f'{{#-\n[template]\nstage = "{stage}"\nchannel = "{channel}"\nlanguage = "en"\n'
        f'title = "Thanks"\nfields = ["signer_name"]\n-#}}\n{body}'
    )


def cli(*args, home):
    env = {"INCIDENT_COMPOSER_HOME": str(home), "PATH": "/usr/bin:/bin"}
    return subprocess.run(
        [sys.executable, "-m", "composer", *args], capture_output=True, text=True, env=env, timeout=120
    )


def test_the_library_knows_exactly_the_stages_render_can_map():
    assert set(STAGES) == set(STAGE_STATUS)


@pytest.mark.parametrize("stage", ["degraded", ""])
def test_an_unknown_stage_marks_the_template_broken(tmp_path, stage):
    folder = tmp_path / "templates"
    folder.mkdir()
    (folder / "odd.j2").write_text(template(stage), encoding="utf-8")
    info = TemplateLibrary(user_folder=folder).load().get("user:odd")
    assert not info.usable
    assert "unknown stage" in info.error and f"{stage!r}" in info.error and "odd.j2" in info.error
    assert "\n" not in info.error
    with pytest.raises(TemplateError, match="unknown stage"):
        render_template(info, {"signer_name": "Marta Vidal"})


def test_render_refuses_an_unknown_stage_even_on_a_hand_made_template_info(tmp_path):
    folder = tmp_path / "templates"
    folder.mkdir()
    (folder / "fine.j2").write_text(template("resolved"), encoding="utf-8")
    info = TemplateLibrary(user_folder=folder).load().get("user:fine")
    rendered = render_template(info, {"signer_name": "Marta Vidal"})
    info.stage = "degraded"  # as a caller building or changing a TemplateInfo could
    with pytest.raises(TemplateError, match="unknown stage"):
        render_template(info, {"signer_name": "Marta Vidal"})
    with pytest.raises(TemplateError, match="unknown stage"):
        rendered.as_interchange()


def test_cli_lists_an_unknown_stage_as_broken_and_render_says_so_in_one_line(home):
    folder = home / "templates"
    folder.mkdir()
    (folder / "odd.j2").write_text(template("degraded"), encoding="utf-8")
    listed = cli("templates", "list", "--format", "json", home=home)
    assert listed.returncode == 0, listed.stderr
    entry = {e["id"]: e for e in json.loads(listed.stdout)}["user:odd"]
    assert "unknown stage 'degraded'" in entry["error"]
    text = cli("templates", "list", home=home)
    assert any(line.startswith("user:odd") and "BROKEN" in line for line in text.stdout.splitlines())
    rendered = cli("render", "user:odd", "--set", "signer_name=Marta Vidal", home=home)
    assert rendered.returncode == 2, rendered.stdout
    assert rendered.stderr.count("\n") == 1, rendered.stderr
    assert "unknown stage 'degraded'" in rendered.stderr
    assert "Traceback" not in rendered.stderr and "KeyError" not in rendered.stderr


def _two_thanks(folder):
    (folder / "team-b").mkdir(parents=True)
    (folder / "team-a").mkdir()
    (folder / "team-b" / "thanks.j2").write_text(template("resolved", "B says thanks\n"), encoding="utf-8")
    (folder / "team-a" / "thanks.j2").write_text(template("resolved", "A says thanks\n"), encoding="utf-8")
    return folder / "team-a" / "thanks.j2", folder / "team-b" / "thanks.j2"


def test_a_duplicate_user_id_keeps_the_first_in_sorted_order_and_is_reported(tmp_path):
    folder = tmp_path / "templates"
    first, second = _two_thanks(folder)
    library = TemplateLibrary(user_folder=folder).load()
    kept = library.get("user:thanks")
    assert kept.usable and kept.path == str(first)
    assert render_template(kept, {"signer_name": "M"}).text == "A says thanks\n"
    problems = [t for t in library.all() if not t.usable and "duplicate" in t.error]
    assert len(problems) == 1
    problem = problems[0]
    assert str(first) in problem.error and str(second) in problem.error and "user:thanks" in problem.error
    assert "\n" not in problem.error
    assert problem.path == str(second) and problem.id != "user:thanks"
    assert len({t.id for t in library.all()}) == len(library.all())  # every listed id is unique
    with pytest.raises(TemplateError, match="duplicate"):
        render_template(library.get(problem.id), {"signer_name": "M"})
    assert library.find("resolved", "blog", "en").path != str(second)  # never the shadowed one


def test_cli_reports_a_duplicate_user_id_with_both_paths(home):
    first, second = _two_thanks(home / "templates")
    listed = json.loads(cli("templates", "list", "--format", "json", home=home).stdout)
    by_id = {e["id"]: e for e in listed}
    assert "error" not in by_id["user:thanks"]
    problems = [e for e in listed if "duplicate" in e.get("error", "")]
    assert len(problems) == 1
    assert str(first) in problems[0]["error"] and str(second) in problems[0]["error"]
    rendered = cli("render", "user:thanks", "--set", "signer_name=M", home=home)
    assert rendered.returncode == 0, rendered.stderr
    assert "A says thanks" in rendered.stdout
