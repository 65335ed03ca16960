# SPDX-License-Identifier: GPL-3.0-or-later
"""`incident-composer incidents search`, run as users run it: a separate process."""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import UTC, datetime, timedelta

import pytest

from composer.core.model import Incident, Publication, Status, Update
from composer.core.paths import database_path
from composer.core.store import Store

T0 = datetime(2026, 11, 24, 9, 0, tzinfo=UTC)
KEYS = {"incident", "update", "title", "status", "published_at", "snippet"}


def run(home, *args):
    env = {"INCIDENT_COMPOSER_HOME": str(home), "PATH": "/usr/bin:/bin", "TZ": "UTC"}
    return subprocess.run(
        [sys.executable, "-m", "composer", *args], capture_output=True, text=True, env=env, timeout=60
    )


@pytest.fixture
def seeded(home):
    """Two incidents: a Catalan one with a published update and a draft, an English one."""
    store, _ = Store.open(database_path(home))
    mail = store.add_incident(Incident(title="Correu electrònic amb retard", started_at=T0))
    published = store.add_update(
        Update(
            mail.id,
            "Des de les 9:00 hi ha una INTERRUPCIÓ del correu: l'accés al webmail falla.",
            Status.IDENTIFIED,
            language="ca",
            created_at=T0,
        )
    )
    store.add_publication(published.id, Publication("mastodon", T0 + timedelta(minutes=2)))
    draft = store.add_update(
        Update(mail.id, "La interrupció del correu s'ha resolt.", Status.RESOLVED, created_at=T0 + timedelta(hours=2))
    )
    web = store.add_incident(Incident(title="Website down", started_at=T0))
    other = store.add_update(Update(web.id, "The website is down for everyone.", created_at=T0 + timedelta(hours=3)))
    store.close()
    return {"mail": mail.id, "published": published.id, "draft": draft.id, "web": web.id, "other": other.id}


def test_json_has_one_object_per_match_with_the_contract_keys(home, seeded):
    result = run(home, "incidents", "search", "interrupcio", "correu", "--format", "json")
    assert result.returncode == 0, result.stderr
    rows = json.loads(result.stdout)
    assert [set(row) for row in rows] == [KEYS, KEYS]
    assert rows[0] == {
        "incident": seeded["mail"],
        "update": seeded["draft"],
        "title": "Correu electrònic amb retard",
        "status": "resolved",
        "published_at": None,
        "snippet": "La interrupció del correu s'ha resolt.",
    }
    assert rows[1]["update"] == seeded["published"]
    assert rows[1]["status"] == "identified"
    assert datetime.fromisoformat(rows[1]["published_at"]) == T0 + timedelta(minutes=2)
    assert "INTERRUPCIÓ" in rows[1]["snippet"]


def test_text_is_one_line_per_match(home, seeded):
    result = run(home, "incidents", "search", "acces webmail")
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert len(lines) == 1
    line = lines[0]
    assert f"update {seeded['published']}" in line
    assert "2026-11-24 09:02" in line  # when it went out (TZ=UTC)
    assert "identified" in line
    assert "Correu electrònic amb retard" in line
    assert "l'accés al webmail falla" in line
    draft = run(home, "incidents", "search", "resolt").stdout
    assert "draft" in draft and "resolved" in draft


def test_filters(home, seeded):
    def updates(*args):
        result = run(home, "incidents", "search", *args, "--format", "json")
        assert result.returncode == 0, result.stderr
        return [row["update"] for row in json.loads(result.stdout)]

    assert updates("correu", "--status", "resolved") == [seeded["draft"]]
    assert updates("correu", "--status", "Identified") == [seeded["published"]]
    assert updates("correu", "--since", "2026-11-24T10:00:00Z") == [seeded["draft"]]
    assert updates("correu", "--since", "2026-11-24T10:00+01:00") == [seeded["draft"], seeded["published"]]
    assert updates("correu", "--since", "2026-11-25") == []
    assert updates("down", "--since", "2026-11-24") == [seeded["other"]]
    assert updates("correu", "--limit", "1") == [seeded["draft"]]


def test_no_match_says_so(home, seeded):
    result = run(home, "incidents", "search", "nowhere")
    assert result.returncode == 0
    assert result.stdout.strip() == "No update matches 'nowhere'."
    as_json = run(home, "incidents", "search", "nowhere", "--format", "json")
    assert as_json.returncode == 0
    assert json.loads(as_json.stdout) == []


def test_an_empty_store_searches_too(home):
    result = run(home, "incidents", "search", "anything")
    assert result.returncode == 0, result.stderr
    assert "No update matches" in result.stdout


@pytest.mark.parametrize(
    ("args", "said"),
    [
        (("--since", "yesterday"), "argument --since: 'yesterday' is not an ISO date"),
        (("--since", "2026-13-01"), "argument --since"),
        (("--since", ""), "argument --since"),
        (("--status", "broken"), "argument --status: unknown status 'broken'"),
        (("--limit", "0"), "argument --limit"),
    ],
)
def test_bad_options_are_one_line_and_exit_2(home, seeded, args, said):
    result = run(home, "incidents", "search", "correu", *args)
    assert result.returncode == 2
    assert result.stdout == ""
    assert len(result.stderr.splitlines()) == 1
    assert said in result.stderr
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize("query", ["NEAR(", "AND", 'a" OR "b', "x" * 10_000, "correu)) OR ((", "-- correu", "correu*"])
def test_hostile_queries_never_crash(home, seeded, query):
    result = run(home, "incidents", "search", "--format", "json", "--", query)
    assert result.returncode == 0, result.stderr
    rows = json.loads(result.stdout)
    assert all(set(row) == KEYS for row in rows)
    assert result.stderr == ""


def test_quotes_and_operators_are_words(home, seeded):
    def updates(query):
        return [row["update"] for row in json.loads(run(home, "incidents", "search", "--format", "json", query).stdout)]

    assert updates('"correu" (webmail)') == [seeded["published"]]
    assert updates("correu NOT webmail") == []  # "not" is a word the updates do not have


@pytest.mark.parametrize("query", ['"', "(", "*", "**", '"" ()', "-"])
def test_a_query_without_words_is_a_usage_error(home, seeded, query):
    result = run(home, "incidents", "search", "--", query)
    assert result.returncode == 2
    assert result.stdout == ""
    assert result.stderr == f"incident-composer: nothing to search for in {query!r}: give a word (letters or digits)\n"
