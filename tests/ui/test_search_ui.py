# SPDX-License-Identifier: GPL-3.0-or-later
"""Finding past updates in the window, filtering the incident list, and starting from a past text."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from composer.core.model import Incident, Publication, Status, Update
from composer.core.store import Store
from composer.ui.search_dialog import highlighted

PAST = datetime(2026, 3, 10, 9, 0, tzinfo=UTC)


@pytest.fixture
def seeded(home):
    store, _ = Store.open(home / "composer.db")
    mail = store.add_incident(
        Incident(
            title="Correu electrònic amb retard", status=Status.RESOLVED, started_at=PAST, affected_services=["Correu"]
        )
    )
    old = store.add_update(
        Update(
            incident_id=mail.id,
            body="Hi ha una INTERRUPCIÓ del correu: els missatges arriben amb retard. Us demanem disculpes.",
            status=Status.RESOLVED,
            language="ca",
            created_at=PAST,
        )
    )
    store.add_publication(old.id, Publication("email", PAST + timedelta(minutes=2)))
    web = store.add_incident(
        Incident(
            title="Checkout down",
            status=Status.INVESTIGATING,
            started_at=datetime.now(UTC) - timedelta(hours=1),
            affected_services=["Payments API"],
        )
    )
    store.add_update(Update(incident_id=web.id, body="Card payments fail.", status=Status.INVESTIGATING))
    store.close()
    return {"mail": mail.id, "old_update": old.id, "web": web.id}


def test_find_in_all_updates_opens_the_hit_with_its_words_in_bold(make_window, seeded, qtbot):
    window = make_window()
    assert window.incident.id == seeded["web"]  # open incidents come first
    window.menu_actions.find.trigger()
    dialog = window.search.dialog
    assert dialog is not None and dialog.isVisible()
    qtbot.keyClicks(dialog.query, "interrupcio correu")  # no accent, lower case, a prefix
    dialog.run()
    assert [h.update_id for h in dialog.hits] == [seeded["old_update"]]
    row = dialog.results.itemWidget(dialog.results.item(0)).text()
    assert "<b>INTERRUPCIÓ</b>" in row and "<b>correu</b>" in row
    assert "<b>Correu</b> electrònic amb retard" in row  # the incident's title matches too

    dialog.open_button.click()
    assert window.incident.id == seeded["mail"]
    assert window.editor.current_update.id == seeded["old_update"]
    assert window.editor.body.toPlainText().startswith("Hi ha una INTERRUPCIÓ")

    dialog.query.clear()
    qtbot.keyClicks(dialog.query, "nothing-like-this")
    dialog.run()
    assert dialog.hits == [] and "No update matches" in dialog.summary.text()
    assert not dialog.open_button.isEnabled()


def test_start_from_a_past_update_makes_a_new_draft_of_the_incident_on_screen(make_window, seeded, qtbot):
    window = make_window()
    assert window.incident.id == seeded["web"]
    before = len(window.store.updates(seeded["web"]))
    window.menu_actions.find.trigger()
    dialog = window.search.dialog
    qtbot.keyClicks(dialog.query, "disculpes")
    dialog.run()
    dialog.start_button.click()
    updates = window.store.updates(seeded["web"])
    assert len(updates) == before + 1
    draft = updates[-1]
    assert draft.body.startswith("Hi ha una INTERRUPCIÓ") and draft.language == "ca" and not draft.publications
    assert window.incident.id == seeded["web"] and window.editor.current_update.id == draft.id
    # The old update is untouched.
    assert window.store.update(seeded["old_update"]).incident_id == seeded["mail"]


def test_the_filter_narrows_the_list_without_touching_the_editor(make_window, seeded, qtbot):
    window = make_window()
    listing = window.incident_list
    shown = lambda: [s.incident_id for s in listing.model.shown()]  # noqa: E731
    assert shown() == [seeded["web"], seeded["mail"]]
    qtbot.keyClicks(listing.filter.text, "CORREU")  # the services and the title, any case
    listing.filter.apply()
    assert shown() == [seeded["mail"]]
    assert window.incident.id == seeded["web"]  # still on screen: a filter changes no text
    listing.filter.text.clear()
    listing.filter.status.setCurrentIndex(listing.filter.status.findData("open"))
    assert shown() == [seeded["web"]]
    listing.filter.status.setCurrentIndex(0)
    listing.filter.period.setCurrentIndex(listing.filter.period.findData(30))
    assert shown() == [seeded["web"]]  # the mail incident started in March
    assert listing.incident_count() == 2 and not window.empty_state.showing
    # Opening a hidden incident (from search) clears the filter.
    listing.open(seeded["mail"])
    assert window.incident.id == seeded["mail"] and shown() == [seeded["web"], seeded["mail"]]


def test_highlighting_escapes_the_text():
    assert highlighted("a <b> & word", ((8, 12),)) == "a &lt;b&gt; &amp; <b>word</b>"
