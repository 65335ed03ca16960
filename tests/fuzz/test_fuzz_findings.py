# SPDX-License-Identifier: GPL-3.0-or-later
"""What the fuzz harness found, one test each: every input here used to end in a traceback, a
hang (minutes, or gigabytes) or a message echoing the whole input; now each is one short line
and exit 2 (or, for a template that is fine, exit 0)."""

from __future__ import annotations

import json
import time

import pytest
from fuzz_runner import LONGEST_MESSAGE, half_imported, run

GOOD = "---\ntitle: Email delayed\nstatus: investigating\nstarted: 2026-11-24T09:12:00+01:00\n---\nWe are sorry.\n"
NOW = "2026-11-24T12:00:00+01:00"


def one_line(result, *words: str, code: int = 2) -> None:
    assert not result.raised, result.raised
    assert not result.hung
    assert result.code == code, (result.code, result.err)
    assert result.err.count("\n") == 1 and result.err.startswith("incident-composer: "), result.err
    assert len(result.err) < LONGEST_MESSAGE, result.err[:300]
    for word in words:
        assert word in result.err, result.err


# -- update files (check, import) ---------------------------------------------------------------

UPDATES = {
    "date-as-key": ("---\ntitle: x\n2026-01-01: a date as a key\n---\nbody\n", "is not a name"),
    "number-as-key": ("---\ntitle: x\n1: one\n---\nbody\n", "is not a name"),
    "null-as-key": ("---\ntitle: x\nnull: nothing\n---\nbody\n", "is not a name"),
    "deep-flow": ("---\ntitle: x\ndeep: " + "[" * 5000 + "]" * 5000 + "\n---\nbody\n", "nested too deeply"),
    "deep-mapping": ("---\ntitle: x\ndeep: " + "{a: " * 2000 + "1" + "}" * 2000 + "\n---\nbody\n", "nested too deeply"),
    "long-id-echoed": ("---\nincident: " + "9" * 4000 + "\n---\nbody\n", "must be an incident id"),
    "long-time-echoed": ("---\nstarted: '" + "x" * 50_000 + "'\n---\nbody\n", "is not an ISO 8601 time"),
    "over-100000-characters": (GOOD + "A" * 100_000, "over 100,000 characters"),
}


@pytest.mark.parametrize("name", sorted(UPDATES))
def test_hostile_update_files_are_one_line(home, tmp_path, name):
    text, words = UPDATES[name]
    path = tmp_path / "update.md"
    path.write_text(text, encoding="utf-8")
    one_line(run(["check", str(path), "--now", NOW]), words)
    one_line(run(["import", str(path)]), words)
    one_line(run(["import", "-"], stdin=text.encode()), words)
    assert half_imported(home / "composer.db") == []


def test_a_date_nested_in_an_extra_key_is_stored_as_text(home, tmp_path):
    """`when: {bad: [{2026-01-01: x}]}`: the date key made storing the update a TypeError."""
    path = tmp_path / "update.md"
    path.write_text(GOOD.replace("status:", "when: {at: 2026-11-24T10:00:00Z, bad: [{2026-01-01: x}]}\nstatus:"))
    imported = run(["import", str(path)])
    assert imported.code == 0, imported.err + imported.raised
    exported = run(["export", imported.out.strip()])
    assert "2026-01-01" in exported.out and exported.code == 0


def test_standard_input_that_is_not_utf8_stores_nothing(home):
    """Latin-1 only in the body: it used to store the incident, then fail on its update."""
    result = run(["import", "-"], stdin=GOOD.encode() + "Caf\xe9\n".encode("latin-1"))
    one_line(result, "not UTF-8")
    assert half_imported(home / "composer.db") == []


def test_check_reads_the_longest_update_it_accepts_in_seconds(tmp_path):
    """One 99,800-character line took check about four minutes at a million characters."""
    path = tmp_path / "update.md"
    path.write_text(GOOD + "A" * 99_800, encoding="utf-8")
    start = time.perf_counter()
    result = run(["check", str(path), "--now", NOW])
    assert result.code in (0, 1) and not result.raised and not result.hung
    assert time.perf_counter() - start < 15


# -- configuration files (check --config) --------------------------------------------------------

CONFIGS = {
    "section-string": ('timeliness = "soon"\n', "`timeliness` must be a table"),
    "section-list": ("plain_language = [1]\n", "`plain_language` must be a table"),
    "section-bool": ("contact = true\n", "`contact` must be a table"),
    "publishing-list": ("publishing = []\n", "`publishing` must be a table"),
    "people-string": ('people = "Marta"\n', "`people` must be a list"),
    "words-max-text": ('[plain_language]\nmax_sentence_words = "many"\n', "wrong kind"),
    "words-max-list": ("[plain_language]\nmax_average_sentence_words = [1]\n", "wrong kind"),
    "words-max-infinite": ("[plain_language]\nmax_sentence_words = inf\n", "wrong kind"),
    "cadence-huge": ("[timeliness]\ncadence_minutes = 1e300\n", "wrong kind"),
    "cadence-nan": ("[timeliness]\ncadence_minutes = nan\n", "wrong kind"),
    "huge-number": ("[words]\nx = [" + "9" * 5000 + "]\n", "too long"),
    "deep": ("a = " + "[" * 100_000 + "]" * 100_000 + "\n", "nested too deeply"),
}


@pytest.mark.parametrize("name", sorted(CONFIGS))
def test_hostile_configuration_files_are_one_line(home, tmp_path, name):
    text, words = CONFIGS[name]
    update, config = tmp_path / "update.md", tmp_path / "checks.toml"
    update.write_text(GOOD, encoding="utf-8")
    config.write_text(text, encoding="utf-8")
    one_line(run(["check", str(update), "--now", NOW, "--config", str(config)]), words)


@pytest.mark.parametrize(
    ("data", "words"), [(b'title = "Caf\xe9"\n', "not UTF-8"), (b"x" * 4_000_001, "over 4,000,000")]
)
def test_unreadable_configuration_files_are_one_line(home, tmp_path, data, words):
    update, config = tmp_path / "update.md", tmp_path / "checks.toml"
    update.write_text(GOOD, encoding="utf-8")
    config.write_bytes(data)
    one_line(run(["check", str(update), "--now", NOW, "--config", str(config)]), words)


# -- data files (render --data) -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "text", "words"),
    [
        ("huge.json", '{"title": ' + "9" * 5000 + "}", "a number too long"),
        ("huge.toml", "title = " + "9" * 5000 + "\n", "a number too long"),
        ("zone.json", json.dumps({"zone": "Europe/Madrid" * 100}), "is not a time zone name"),
    ],
)
def test_hostile_data_files_are_one_line(home, tmp_path, name, text, words):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    one_line(run(["render", "investigating-blog-en", "--sample", "--data", str(path)]), words)


# -- user templates (templates list, render) ------------------------------------------------------

HEADER = '{#-\n[template]\nstage = "investigating"\nchannel = "blog"\nlanguage = "en"\ntitle = "T"\n-#}\n'
BROKEN_HEADERS = {
    "template-not-a-table": ('{#-\ntemplate = "x"\n-#}x', "must be a table"),
    "fields-not-a-list": (HEADER.replace('title = "T"', "fields = 5"), "must be a list of field names"),
    "field-not-tables": ('{#-\nfield = "abc"\n' + HEADER[4:], "must be [[field]] tables"),
    "field-numbers": ("{#-\nfield = [1, 2]\n" + HEADER[4:], "must be [[field]] tables"),
    "header-huge-number": (HEADER.replace('title = "T"', "big = " + "9" * 4400), "too large or nested"),
    "header-deep": ("{#-\na = " + "[" * 50_000 + "]" * 50_000 + "\n-#}x", "too large or nested"),
    "body-deep": (HEADER + "{% if true %}" * 3000 + "x" + "{% endif %}" * 3000, "nested too deeply"),
    "expression-deep": (HEADER + "{{ " + "(" * 5000 + "1" + ")" * 5000 + " }}", "nested too deeply"),
}


@pytest.mark.parametrize("name", sorted(BROKEN_HEADERS))
def test_broken_user_templates_are_listed_as_broken(home, name):
    source, words = BROKEN_HEADERS[name]
    (home / "templates").mkdir()
    (home / "templates" / "t.j2").write_text(source, encoding="utf-8")
    listed = run(["templates", "list", "--format", "json"])
    assert listed.code == 0 and not listed.raised, listed.raised
    assert words in {e["id"]: e for e in json.loads(listed.out)}["user:t"]["error"]
    one_line(run(["render", "user:t", "--sample"]), words)


def test_a_user_template_over_the_size_limit_is_listed_as_broken(home):
    (home / "templates").mkdir()
    (home / "templates" / "t.j2").write_text(HEADER + "x" * 1_000_000, encoding="utf-8")
    one_line(run(["render", "user:t", "--sample"]), "over 1,000,000 bytes")


BUILDERS = {
    "center": "{{ 'x'|center(1000000000) }}",
    "indent": "{{ 'x\ny'|indent(1000000000) }}",
    "format-filter": "{{ '%1000000000d'|format(1) }}",
    "percent": "{{ '%1000000000d' % 1 }}",
    "str-format": "{{ '{:>1000000000}'.format(1) }}",
    "format-map": "{{ '{x:>1000000000}'.format_map({'x': 1}) }}",
    "ljust": "{{ 'x'.ljust(1000000000) }}",
    "zfill": "{{ 'x'.zfill(1000000000) }}",
    "lipsum": "{{ lipsum(1000000) }}",
    "replace": "{{ ('a' * 100000)|replace('a', 'aaaaaaaaaaaaaaaaaaaa') }}",
    "join": "{{ (['abcdefghij'] * 1000000)|join('abcdefghij') }}",
    "list-of-long-texts": "{{ [('x' * 999999)] * 999999 }}",
    "concat-doubling": "{% set ns = namespace(s='x') %}{% for i in range(40) %}{% set ns.s = ns.s ~ ns.s %}"
    "{% endfor %}",
    "macro-doubling": "{% macro d(s, n) %}{% if n %}{{ d(s ~ s, n - 1) }}{% endif %}{% endmacro %}{{ d('x', 40) }}",
    "slices": "{% for s in range(10)|slice(10000000) %}{% endfor %}",
}


@pytest.mark.parametrize("name", sorted(BUILDERS))
def test_a_template_building_a_huge_value_is_refused_before_it_does(home, name):
    """Each took seconds to minutes and up to gigabytes before the output limit could see it."""
    (home / "templates").mkdir()
    (home / "templates" / "t.j2").write_text(HEADER + BUILDERS[name] + "\n", encoding="utf-8")
    start = time.perf_counter()
    one_line(run(["render", "user:t", "--sample"]), "not allowed in a template")
    assert time.perf_counter() - start < 5


@pytest.mark.parametrize(
    ("body", "words"),
    [("{{ 'abcdef'|truncate(-5) }}", "expected length"), ("{% if 1 is nope %}{% endif %}", "No test named 'nope'")],
)
def test_jinja_errors_at_render_time_are_one_line(home, body, words):
    (home / "templates").mkdir()
    (home / "templates" / "t.j2").write_text(HEADER + body + "\n", encoding="utf-8")
    one_line(run(["render", "user:t", "--sample"]), words)


def test_growing_filters_and_methods_still_work_within_the_limits(home):
    body = (
        "{{ 'x'|center(5) }}|{{ '%03d'|format(7) }}|{{ '%-4s' % 'a' }}|{{ '{:>3}'.format(1) }}|{{ 'a'.ljust(3) }}|"
        "{{ ['a', 'b']|join(', ') }}|{{ 'abc'|replace('b', 'BB') }}|{{ 'a' ~ 'b' }}|"
        "{{ lipsum(1, False, 5, 6)|length > 0 }}"
    )
    (home / "templates").mkdir()
    (home / "templates" / "t.j2").write_text(HEADER + body + "\n", encoding="utf-8")
    result = run(["render", "user:t", "--sample"])
    assert result.code == 0, result.err
    assert result.out.strip().splitlines()[-1] == "x  |007|a   |  1|a  |a, b|aBBc|ab|True"


# -- usage errors -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "argv", [["frobnicate"], ["export"], ["export", "x"], ["check"], ["render"], ["accounts", "add", "email", ","]]
)
def test_usage_errors_are_one_line(home, argv):
    one_line(run(argv), "--help")
