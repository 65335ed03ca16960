# SPDX-License-Identifier: GPL-3.0-or-later
"""Full-text search over every update (composer/core/search.py, schema migration 10)."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime, timedelta

import pytest

from composer.core import recovery, schema
from composer.core.model import Incident, Publication, Status, Update, utc_now
from composer.core.search import MAX_WORDS, matched_spans, query_terms, snippet
from composer.core.store import Store

T0 = datetime(2026, 11, 24, 9, 0, tzinfo=UTC)


def add(store: Store, body: str, title: str = "Service problem", **fields: object) -> Update:
    incident = store.add_incident(Incident(title=title, started_at=T0))
    return store.add_update(Update(incident_id=incident.id, body=body, **fields))


def found(store: Store, query: str, **filters: object) -> list[int]:
    return [hit.update_id for hit in store.search_updates(query, **filters)]


def assert_index_in_step(store: Store) -> None:
    """FTS5's own check of both indexes against the rows they index (rank 1: against the content)."""
    for table in ("update_text", "incident_text"):
        store._conn.execute(f"INSERT INTO {table} ({table}, rank) VALUES ('integrity-check', 1)")


@pytest.fixture
def mem() -> Store:
    store = Store.open_memory()
    yield store
    store.close()


# -- accents, case, prefixes, languages --------------------------------------------------


@pytest.mark.parametrize(
    ("body", "query"),
    [
        # es
        ("Hay una interrupción del servicio de correo.", "interrupcion"),
        ("Hay una interrupción del servicio de correo.", "INTERRUPCIÓN"),
        ("Los pagos con tarjeta están caídos desde las 9:00.", "caidos tarjeta"),
        ("La migración terminó; España y Cataluña sin incidencias.", "espana cataluna"),
        # ca
        ("EL SERVEI ESTÀ CAIGUDA DES DE LES 9:00.", "caiguda"),
        ("Interrupció del servei de correu electrònic.", "interrupcio electronic"),
        ("No hi ha accés a la intranet per una avaria.", "acces"),
        # en
        ("Email delivery is DELAYED for some customers.", "delayed email"),
        ("We are sorry: the café's Wi-Fi outage is over.", "cafe outage"),
        # text written without accents is found by a query with them
        ("La interrupcion del servicio", "interrupción"),
    ],
)
def test_accent_and_case_insensitive_in_every_language(mem, body, query):
    update = add(mem, body)
    add(mem, "Something else entirely.")
    assert found(mem, query) == [update.id]


@pytest.mark.parametrize(
    ("query", "hit"),
    [("interr", True), ("INTERRUPC", True), ("serv", True), ("rrupció", False), ("interrupciones", False)],
)
def test_each_word_matches_as_a_prefix_of_a_word(mem, query, hit):
    update = add(mem, "Interrupció del servei.")
    assert found(mem, query) == ([update.id] if hit else [])


@pytest.mark.parametrize(
    ("body", "query"),
    [
        ("Hem restablert l'accés al tauler.", "acces"),
        ("Hem restablert l’accés al tauler.", "acces"),  # typographic apostrophe
        ("Hem restablert lʼaccés al tauler.", "acces"),  # modifier letter apostrophe (U+02BC)
        ("Hem restablert l'accés al tauler.", "l'acces"),
        ("Sense connexió d'Internet a l'oficina.", "internet"),
        ("Sense connexió d'Internet a l'oficina.", "d'internet"),
        ("Sense connexió d’Internet a l'oficina.", "d'inter"),
        ("La col·lecció de fitxers és inaccessible.", "col·lecció"),
        ("La col·lecció de fitxers és inaccessible.", "col.leccio"),  # as many type it
        ("La col·lecció de fitxers és inaccessible.", "col·lecc"),
        ("La col·lecció de fitxers és inaccessible.", "col"),
        ("La instal·lació elèctrica ha fallat.", "instal"),
        ("La instal·lació elèctrica ha fallat.", "instal·lacio electrica"),
    ],
)
def test_catalan_apostrophes_and_middle_dot(mem, body, query):
    update = add(mem, body)
    add(mem, "Tot funciona amb normalitat.")
    assert found(mem, query) == [update.id]


def test_a_phrase_with_an_apostrophe_keeps_its_parts_together(mem):
    add(mem, "Sense connexió d'Internet.")
    assert found(mem, "l'internet") == []  # "l" then "internet*": not what the text says


def test_every_word_must_match_in_the_text_or_the_incident_title(mem):
    mail = add(mem, "Messages arrive up to 40 minutes late.", title="Mail delayed")
    add(mem, "Checkout fails for some customers.", title="Payments down")
    both = add(mem, "Mail is delayed and checkout fails.", title="Several problems")
    assert found(mem, "mail delayed") == [both.id, mail.id]  # newest first
    assert found(mem, "mail late") == [mail.id]  # one word in the title, one in the text
    assert found(mem, "delayed checkout") == [both.id]
    assert found(mem, "mail payments") == []


def test_newest_first_and_limit(mem):
    incident = mem.add_incident(Incident(title="Outage", started_at=T0))
    ids = [
        mem.add_update(
            Update(incident_id=incident.id, body=f"Outage update {n}.", created_at=T0 + timedelta(minutes=n))
        ).id
        for n in range(5)
    ]
    older = mem.add_update(Update(incident_id=incident.id, body="Outage update, written late.", created_at=T0))
    # by the time it was written; of two written at the same time, the one stored last first
    assert found(mem, "outage") == [ids[4], ids[3], ids[2], ids[1], older.id, ids[0]]
    assert found(mem, "outage", limit=2) == [ids[4], ids[3]]
    assert found(mem, "outage", limit=0) == []


# -- what a hit carries --------------------------------------------------------------------


def test_hit_fields_snippet_and_spans(mem):
    body = "# Avís\n\nDes de les 9:00 la **interrupció** del servei de [correu](https://example.com/status) continua."
    update = add(mem, body, title="Interrupció del correu", status=Status.IDENTIFIED, created_at=T0)
    (hit,) = mem.search_updates("interrupcio correu")
    assert (hit.incident_id, hit.update_id, hit.title, hit.status) == (
        update.incident_id,
        update.id,
        "Interrupció del correu",
        Status.IDENTIFIED,
    )
    assert hit.published_at is None  # a draft
    assert hit.created_at == T0
    assert hit.snippet == "Avís Des de les 9:00 la interrupció del servei de correu continua."
    assert [hit.snippet[a:b] for a, b in hit.spans] == ["interrupció", "correu"]
    assert [hit.title[a:b] for a, b in hit.title_spans] == ["Interrupció", "correu"]

    mem.add_publication(update.id, Publication("mastodon", T0 + timedelta(minutes=3)))
    mem.add_publication(update.id, Publication("blog", T0 + timedelta(minutes=1)))
    assert mem.search_updates("correu")[0].published_at == T0 + timedelta(minutes=1)  # the first time out


def test_snippet_is_a_window_around_the_first_match():
    body = "Filler words here. " * 30 + "The DATABASE failed over. " + "More filler after it. " * 30
    text, spans = snippet(body, ["database"])
    assert text.startswith("…") and text.endswith("…")
    assert len(text) <= 202
    assert [text[a:b] for a, b in spans] == ["DATABASE"]
    short, short_spans = snippet("Short text about the database.", ["datab"])
    assert short == "Short text about the database."
    assert [short[a:b] for a, b in short_spans] == ["database"]


def test_matched_spans_follow_the_index_rules():
    text = "D'Internet, d'altres; INTERNET i internacional. Col·lecció."
    spans = matched_spans(text, ["d'internet", "col·lecc"])
    assert [text[a:b] for a, b in spans] == ["D", "Internet", "d", "INTERNET", "Col", "lecció"]
    assert matched_spans(text, []) == ()


# -- the index stays in step -----------------------------------------------------------------


def test_index_follows_every_write(mem):
    update = add(mem, "The router in Madrid failed.", title="Network outage")
    assert found(mem, "router") == [update.id]

    update.body = "The switch in Barcelona failed."  # save_update, the window's full save
    mem.save_update(update, new_revision=True)
    assert found(mem, "router") == []
    assert found(mem, "barcelona") == [update.id]

    mem.save_body(update.id, "The firewall in Girona failed.", utc_now() + timedelta(minutes=5))  # autosave
    assert found(mem, "switch") == [] and found(mem, "girona") == [update.id]

    first = mem.revisions(update.id)[-1]
    assert first.body == "The router in Madrid failed."
    mem.restore_revision(first.id)
    assert found(mem, "madrid") == [update.id]
    assert found(mem, "girona") == []

    incident = mem.incident(update.incident_id)
    incident.title = "Caiguda de la xarxa"
    mem.save_incident(incident)
    assert found(mem, "outage") == []
    assert found(mem, "xarxa router") == [update.id]
    assert_index_in_step(mem)

    other = mem.add_update(Update(incident_id=incident.id, body="Router replaced."))
    assert found(mem, "router") == [other.id, update.id]
    mem.delete_update(other.id)
    assert found(mem, "router") == [update.id]
    assert_index_in_step(mem)

    mem.delete_incident(incident.id)  # its updates go by ON DELETE CASCADE
    assert found(mem, "router") == []
    assert found(mem, "xarxa") == []
    assert mem._conn.execute("SELECT count(*) FROM update_text WHERE update_text MATCH 'router'").fetchone()[0] == 0
    assert_index_in_step(mem)


def test_a_write_that_is_rolled_back_leaves_the_index_as_it_was(mem):
    update = add(mem, "The router failed.")
    with pytest.raises(RuntimeError), mem.transaction():
        mem.save_body(update.id, "The modem failed.")
        raise RuntimeError("stop")
    assert found(mem, "router") == [update.id]
    assert found(mem, "modem") == []
    assert_index_in_step(mem)


def test_a_store_upgraded_from_schema_9_finds_its_history(tmp_path):
    path = tmp_path / "composer.db"
    conn = sqlite3.connect(path)
    for step, script in enumerate(schema.MIGRATIONS[:9], start=1):
        conn.executescript(f"BEGIN;\n{script}\nPRAGMA user_version = {step};\nCOMMIT;")
    for n in range(30):
        incident_id = conn.execute(
            "INSERT INTO incidents (title, status, severity, started_at, created_at) VALUES (?,?,?,?,?)",
            (f"Caída del correo {n}", "resolved", "major", T0.isoformat(), T0.isoformat()),
        ).lastrowid
        conn.execute(
            "INSERT INTO updates (incident_id, body, status, created_at, edited_at) VALUES (?,?,?,?,?)",
            (incident_id, f"Interrupción número {n} del servicio.", "resolved", T0.isoformat(), T0.isoformat()),
        )
    conn.commit()
    conn.close()

    store, report = Store.open(path)
    assert report.message == ""
    assert schema.schema_version(store._conn) == schema.SCHEMA_VERSION
    assert len(store.search_updates("interrupcion servicio")) == 30
    assert [hit.title for hit in store.search_updates("caida 17")] == ["Caída del correo 17"]
    assert_index_in_step(store)
    store.close()


def test_rows_copied_by_recovery_are_searchable(tmp_path):
    source = Store.open_memory()
    update = add(source, "L'accés al correu està restablert.", title="Correu")
    target = Store.open_memory()
    counts = recovery.copy_all(source._conn, target._conn)
    assert counts["updates"] == 1
    assert "update_text" not in schema.TABLES  # the index is rebuilt by its triggers, not copied
    assert found(target, "acces correu") == [update.id]
    assert_index_in_step(target)


# -- user text is only text ---------------------------------------------------------------------


HOSTILE = [
    '"',
    '"unbalanced',
    "(",
    "a) OR (b",
    "AND",
    "OR NOT",
    "NEAR(",
    "NEAR(router failed, 2)",
    "*",
    "**",
    "router*",
    "-router",
    "^router",
    "body: router",
    "{body title}: router",
    "' OR 1=1 --",
    '""',
    "\\",
    "\x00",
    "rou\x00ter",
    "🔥 router",
    "x" * 10_000,
    "router " * 2_000,
    "\u0301\u0301",
    "_",
    "ʼ",
]


@pytest.mark.parametrize("query", HOSTILE)
def test_hostile_queries_never_fail(mem, query):
    update = add(mem, "The router failed and we are near a fix (not AND or NOT).")
    hits = found(mem, query)
    assert hits in ([], [update.id])


def test_operators_and_quotes_are_words(mem):
    update = add(mem, "The router failed and we are near a fix.")
    add(mem, "Nothing to see.")
    assert found(mem, "AND") == [update.id]
    assert found(mem, "NEAR(") == [update.id]
    assert found(mem, '"router" (failed)') == [update.id]
    assert found(mem, "router*") == [update.id]
    assert found(mem, "*") == []
    assert found(mem, "rou\x00ter") == []  # a NUL is a space: "rou" and "ter" must both start words
    assert found(mem, "x" * 10_000) == []


def test_query_terms():
    assert query_terms('  "Interrupció",  (del) servei* NEAR( AND \x00 * -- ') == [
        "Interrupció",
        "del",
        "servei",
        "NEAR",
        "AND",
    ]
    assert query_terms("d'Internet l'accés col·lecció") == ["d'Internet", "l'accés", "col·lecció"]
    assert query_terms("mail mail MAIL") == ["mail", "MAIL"]
    assert query_terms("interrupcio\u0301n") == ["interrupción"]  # decomposed accents are composed
    assert query_terms("* ** ( ) \" ' _ ʼ") == []
    assert len(query_terms(" ".join(f"w{n}" for n in range(100)))) == MAX_WORDS
    assert query_terms("x" * 10_000) == ["x" * 64]


# -- filters --------------------------------------------------------------------------------------


def test_status_and_since_filters(mem):
    incident = mem.add_incident(Incident(title="Outage", started_at=T0))
    early = mem.add_update(
        Update(incident_id=incident.id, body="Outage begins.", status=Status.INVESTIGATING, created_at=T0)
    )
    late = mem.add_update(
        Update(incident_id=incident.id, body="Outage over.", status=Status.RESOLVED, created_at=T0 + timedelta(days=2))
    )
    assert found(mem, "outage", status=Status.RESOLVED) == [late.id]
    assert found(mem, "outage", status=Status.INVESTIGATING) == [early.id]
    assert found(mem, "outage", status=Status.MONITORING) == []
    assert found(mem, "outage", since=T0 + timedelta(days=1)) == [late.id]
    assert found(mem, "outage", since=T0) == [late.id, early.id]  # from that time on, included
    # the same instant written in another zone
    madrid = T0.astimezone(datetime.fromisoformat("2026-01-01T00:00+01:00").tzinfo) + timedelta(seconds=1)
    assert found(mem, "outage", since=madrid) == [late.id]
    assert found(mem, "outage", since=T0 + timedelta(days=1), status=Status.INVESTIGATING) == []
