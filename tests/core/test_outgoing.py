# SPDX-License-Identifier: GPL-3.0-or-later
"""One way from an update to what goes out: the window (a stored update) and the command line
(the same update as a file) give the checks the same draft and the publishers the same fields."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from composer.core.checks import CheckConfig, make_draft
from composer.core.exchange import export_document, import_document
from composer.core.interchange import dump_update, parse_update
from composer.core.lengths import mastodon_length, x_length
from composer.core.outgoing import fill_template_texts, template_spec, update_document
from composer.core.templates import TemplateLibrary, render_template
from composer.core.templates.render import collect_values
from composer.publishers.publishable import publishable_update

NOW = datetime(2026, 11, 24, 10, 0, tzinfo=UTC)


@pytest.fixture(scope="module")
def library():
    return TemplateLibrary().load()


def _plain(values):
    return {k: v.isoformat() if isinstance(v, datetime) else v for k, v in values.items() if v not in (None, "")}


def stored_from_template(store, library, stage="investigating", language="en"):
    info = library.find(stage, "blog", language)
    values: dict[str, object] = {}
    for channel in ("blog", "email", "social-short", "social-medium"):  # as the template dialog fills them
        values.update(_plain(collect_values(library.find(stage, channel, language), values, sample=True)))
    rendered = render_template(info, values)
    doc = parse_update(rendered.as_interchange())
    doc.extra["template"] = {"stage": stage, "values": values}
    incident, update = import_document(store, doc)
    return incident, update, values


def both_ways(store, library, incident, update):
    window = update_document(incident, update, store.previous_public_update_at(update), library=library)
    file_doc = parse_update(dump_update(export_document(store, incident.id, update.id)))
    command_line = fill_template_texts(file_doc, library)
    return window, command_line


def test_window_and_command_line_publish_the_same_fields(store, library):
    incident, update, values = stored_from_template(store, library)
    window, command_line = both_ways(store, library, incident, update)
    ids = {"incident_id": incident.id, "update_id": update.id, "long_url": "https://status.example.net"}
    from_window, from_file = publishable_update(window, **ids), publishable_update(command_line, **ids)
    assert vars(from_window) == vars(from_file)
    expected_subject = render_template(library.find("investigating", "email", "en"), values).subject
    assert from_window.subject == expected_subject != ""
    assert set(from_window.texts) == {"social-short", "social-medium", "email"}
    email = render_template(library.find("investigating", "email", "en"), values)
    assert from_window.texts["email"] == email.text and email.text.startswith("Hello,")
    assert x_length(from_window.texts["social-short"]) <= 280
    assert mastodon_length(from_window.texts["social-medium"]) <= 500
    assert from_window.first_of_incident and from_window.title == incident.title


def test_window_and_command_line_check_the_same_draft(store, library):
    incident, update, _values = stored_from_template(store, library, "identified", "ca")
    window, command_line = both_ways(store, library, incident, update)
    config = CheckConfig()
    assert make_draft(window, NOW, config) == make_draft(command_line, NOW, config)


def test_texts_written_by_hand_win_over_the_template(store, library):
    incident, update, _values = stored_from_template(store, library)
    update.extra["social-short"] = "Email is slow. Sorry. Next update 10:30 CET. Marta"
    update.extra["subject"] = "Our own subject"
    doc = update_document(incident, update, None, library=library)
    published = publishable_update(doc, incident_id=1, update_id=2)
    assert published.texts["social-short"] == "Email is slow. Sorry. Next update 10:30 CET. Marta"
    assert published.subject == "Our own subject"
    assert published.texts["social-medium"]  # the template still fills what was not written


def test_a_file_never_stored_gets_ids_from_its_text():
    doc = parse_update("---\ntitle: Down\nstatus: investigating\n---\nSorry.\n")
    first, again = publishable_update(doc), publishable_update(parse_update(dump_update(doc)))
    assert (first.incident_id, first.update_id) == (again.incident_id, again.update_id)
    assert first.subject == "Down: we are on it" and first.texts == {} and first.title == "Down"


def test_a_next_update_only_in_the_field_is_written_into_what_is_published(monkeypatch):
    import time
    from datetime import datetime

    from composer.core.interchange import parse_update

    monkeypatch.setenv("TZ", "Europe/Madrid")  # the readers' zone of a hand-written update: this computer's
    time.tzset()
    try:
        doc = parse_update(
            "---\ntitle: Websites down\nstatus: investigating\nnext_update: 2026-11-24T14:30:00+01:00\n"
            "language: ca\n---\nEns sap greu: des de les 13:05 CET els webs no carreguen.\n\n"
            "Marta Vidal, cap de suport\n"
        )
        now = datetime(2026, 11, 24, 13, 40, tzinfo=UTC)
        update = publishable_update(doc, incident_id=1, update_id=2, now=now)
        assert update.body == (
            "Ens sap greu: des de les 13:05 CET els webs no carreguen.\n\n"
            "Propera actualització abans de les 14:30 CET.\n\nMarta Vidal, cap de suport"
        )
        doc.status = parse_update("---\nstatus: resolved\n---\nx").status
        assert publishable_update(doc, incident_id=1, update_id=2, now=now).body == doc.body  # a closed one owes none
    finally:
        monkeypatch.delenv("TZ")
        time.tzset()


def test_a_next_update_moved_after_the_template_was_filled_is_the_time_every_channel_says(store, library):
    incident, update, values = stored_from_template(store, library)
    assert "10:00 CET" in render_template(library.find("investigating", "email", "en"), values).text
    update.next_update_at = datetime(2026, 11, 24, 10, 45, tzinfo=UTC)  # 11:45 CET: moved by hand
    doc = update_document(incident, update, None, library=library)
    assert "11:45 CET" in doc.extra["email"] and "10:00 CET" not in doc.extra["email"]
    assert "11:45" in doc.extra["social-short"] and "10:00" not in doc.extra["social-short"]


def test_a_file_rendered_on_the_command_line_carries_its_template_as_the_window_keeps_it(library):
    values = collect_values(library.find("investigating", "blog", "en"), {}, sample=True)
    doc = parse_update(render_template(library.find("investigating", "blog", "en"), values).as_interchange())
    assert template_spec(doc.extra) == ("investigating", _plain(values))
    filled = fill_template_texts(doc, library)
    assert filled.extra["email"].startswith("Hello,") and filled.extra["subject"].startswith("[Example Hosting]")
