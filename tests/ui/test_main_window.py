# SPDX-License-Identifier: GPL-3.0-or-later
from __future__ import annotations

from datetime import timedelta

from PySide6.QtCore import Qt, QTimer

from composer.core.model import Publication, Status, utc_now
from composer.core.store import Store
from composer.ui.history_dialog import HistoryDialog


def _new_incident(window, qtbot, prompter, title="Email delivery delayed"):
    prompter.answers.append(title)
    window.menu_actions.new_incident.trigger()
    assert window.incident_list.incident_count() >= 1


def test_create_incident_type_and_see_it_saved(make_window, qtbot, prompter, home):
    window = make_window()
    _new_incident(window, qtbot, prompter)
    assert window.incident_list.incident_text(window.incident_list.current_incident_id()).startswith(
        "Email delivery delayed"
    )
    qtbot.keyClicks(window.editor.body, "We are sorry: mail is late.")
    qtbot.waitUntil(lambda: "Saved" in window.status_panel.save_state.text(), timeout=10_000)

    store, _ = Store.open(home / "composer.db")  # a second reader sees the saved text
    incident = store.incidents()[0]
    assert store.latest_update(incident.id).body == "We are sorry: mail is late."
    store.close()


def test_fields_and_incident_facts_are_saved(make_window, qtbot, prompter):
    window = make_window()
    _new_incident(window, qtbot, prompter)
    window.form.impact.setText("Mail arrives late")
    window.editor.signer.setEditText("Marta Vidal, Support lead")
    window.editor.status.setCurrentIndex(window.editor.status.findData("identified"))
    assert window.save_all()
    incident = window.store.incidents()[0]
    assert incident.customer_impact == "Mail arrives late"
    assert incident.status is Status.INVESTIGATING  # a draft's status is a proposal
    update = window.store.latest_update(incident.id)
    assert update.signer == "Marta Vidal, Support lead"
    assert update.status is Status.IDENTIFIED
    assert "Investigating" in window.incident_list.incident_text(window.incident_list.current_incident_id())
    # Published, the incident is where the update says.
    window.store.add_publication(update.id, Publication(channel="manual", published_at=utc_now()))
    window.after_publication("Recorded as published")
    assert window.store.incidents()[0].status is Status.IDENTIFIED
    assert "Identified" in window.incident_list.incident_text(window.incident_list.current_incident_id())


def test_reopen_shows_everything(make_window, qtbot, prompter):
    window = make_window()
    _new_incident(window, qtbot, prompter, "Checkout down")
    qtbot.keyClicks(window.editor.body, "Text to keep")
    window.close()
    again = make_window()
    assert again.incident_list.incident_text(again.incident_list.current_incident_id()).startswith("Checkout down")
    assert again.editor.body.toPlainText() == "Text to keep"


def test_new_update_carries_signer_and_promises_next(make_window, qtbot, prompter):
    window = make_window()
    _new_incident(window, qtbot, prompter)
    window.editor.signer.setEditText("Marta Vidal")
    window.menu_actions.new_update.trigger()
    incident = window.store.incidents()[0]
    updates = window.store.updates(incident.id)
    assert len(updates) == 2
    assert updates[1].signer == "Marta Vidal"
    assert updates[1].next_update_at > utc_now() + timedelta(minutes=25)
    assert window.incident_list.updates.count() == 2
    assert window.editor.current_update.id == updates[1].id
    assert window.status_panel.countdown.text() == "Nothing published yet"


def test_overdue_promise_turns_the_countdown_and_the_incident_red(make_window, qtbot, prompter, monkeypatch):
    from composer.ui.publish_gate import OverrideDialog

    monkeypatch.setattr(OverrideDialog, "ask", classmethod(lambda cls, failures, parent=None: "Testing the clock"))
    window = make_window()
    _new_incident(window, qtbot, prompter)
    window.editor.next_update.setDateTime(window.editor.next_update.dateTime().addSecs(-3600))
    assert window.mark_published()
    assert "overdue" in window.status_panel.countdown.text()
    assert window.incident_list.incident_foreground(window.incident.id).red() > 150
    # A new update going out with a fresh promise clears it.
    window.menu_actions.new_update.trigger()
    assert window.mark_published()
    assert "due in" in window.status_panel.countdown.text()
    assert window.incident_list.incident_foreground(window.incident.id) is None


def test_previews_follow_typing(make_window, qtbot, prompter):
    window = make_window()
    _new_incident(window, qtbot, prompter)
    qtbot.keyClicks(window.editor.body, "**Mail** is late")
    qtbot.waitUntil(lambda: window.previews.email.toPlainText().startswith("Mail is late"), timeout=10_000)
    # The Email tab is the mail: its subject, a plain-text part without Markdown, an HTML part.
    previews = window.previews
    assert previews.email_subject.text().startswith("Subject: ") and not previews.email_subject.isHidden()
    assert "**" not in previews.email.toPlainText() and "Next update by" in previews.email.toPlainText()
    assert "font-weight:700" in previews.email_html.toHtml() or "<b>" in previews.email_html.toHtml()
    assert window.previews.blog.toPlainText().strip() == "Mail is late"  # rendered, not raw Markdown
    assert "**" not in window.previews.blog.toHtml()
    assert "3 words" in window.previews.tabText(0)


def test_export_and_import_through_the_menu(make_window, qtbot, prompter, tmp_path):
    window = make_window()
    _new_incident(window, qtbot, prompter, "Export me")
    qtbot.keyClicks(window.editor.body, "Body to export")
    target = tmp_path / "out.md"
    prompter.answers.append(target)
    window.menu_actions.export_file.trigger()
    assert "Body to export" in target.read_text(encoding="utf-8")
    copy = tmp_path / "copy.md"
    copy.write_text(target.read_text(encoding="utf-8").replace("incident: 1\nupdate: 1\n", ""), encoding="utf-8")
    prompter.answers.append(copy)
    window.menu_actions.import_file.trigger()
    assert window.incident_list.incident_count() == 2


def test_bad_import_says_why_and_keeps_the_draft(make_window, qtbot, prompter, tmp_path):
    window = make_window()
    _new_incident(window, qtbot, prompter)
    qtbot.keyClicks(window.editor.body, "draft")
    bad = tmp_path / "bad.md"
    bad.write_text("---\nstarted: tomorrow\n---\n", encoding="utf-8")
    prompter.answers.append(bad)
    window.menu_actions.import_file.trigger()
    assert prompter.warnings and "not an ISO 8601 time" in prompter.warnings[-1][1]
    assert window.editor.body.toPlainText() == "draft"


def test_restore_an_earlier_revision(make_window, qtbot, prompter, monkeypatch):
    monkeypatch.setattr("composer.core.store.REVISION_INTERVAL", timedelta(0))  # every save a revision
    window = make_window()
    _new_incident(window, qtbot, prompter)
    update_id = window.editor.current_update.id
    window.store.save_body(update_id, "old text")
    window.show_update(update_id)
    window.editor.body.selectAll()
    qtbot.keyClicks(window.editor.body, "new text")
    window.save_all()
    old = next(r for r in window.store.revisions(update_id) if r.body == "old text")
    monkeypatch.setattr(
        HistoryDialog, "ask", classmethod(lambda cls, revisions, parent=None, events=None, team=None: old)
    )
    window.menu_actions.history.trigger()
    assert window.editor.body.toPlainText() == "old text"


def test_closing_stops_every_timer_and_drains_the_workers_before_the_store_closes(make_window, qtbot, prompter):
    window = make_window()
    _new_incident(window, qtbot, prompter)
    qtbot.keyClicks(window.editor.body, "typing")  # starts the save, check and preview timers
    assert any(timer.isActive() for timer in window.findChildren(QTimer))
    results = []

    def slow(report, cancel):
        cancel.wait(15)  # stops when asked, as publishing does
        return "drained"

    window.context.runner().run(slow, done=results.append)
    window.close()
    assert window.is_shut_down
    assert results == ["drained"]  # handled while the store was still open
    assert [timer for timer in window.findChildren(QTimer) if timer.isActive()] == []
    assert window.store.latest_update(window.store.incidents()[0].id).body == "typing"  # saved on close
    window.context.store.close()
    qtbot.wait(1200)  # longer than every debounce: a timer firing on the closed store would fail the test


def test_history_dialog_lists_revisions(qtbot, store):
    from composer.core.model import Incident, Update

    incident = store.add_incident(Incident(title="t"))
    update = store.add_update(Update(incident_id=incident.id, body="one"))
    store.save_body(update.id, "two", utc_now() + timedelta(minutes=2))
    dialog = HistoryDialog(store.revisions(update.id))
    qtbot.addWidget(dialog)
    assert dialog.list.count() == 2
    assert dialog.preview.toPlainText() == "two"
    dialog.list.setCurrentRow(1)
    assert dialog.chosen().body == "one"


def test_save_failure_keeps_the_text_and_says_so(make_window, qtbot, prompter):
    window = make_window()
    _new_incident(window, qtbot, prompter)
    window.store._conn.execute("PRAGMA query_only = 1")  # SQLite's read-only error
    qtbot.keyClicks(window.editor.body, "must not vanish")
    qtbot.waitUntil(lambda: "Not saved" in window.status_panel.save_state.text(), timeout=10_000)
    assert "still in the editor" in window.status_panel.save_state.text()
    assert window.editor.body.toPlainText() == "must not vanish"
    window.store._conn.execute("PRAGMA query_only = 0")
    assert window.save_all()
    assert window.store.latest_update(window.store.incidents()[0].id).body == "must not vanish"


def test_corrupt_database_is_reported_at_start(make_window, qtbot, prompter, home):
    (home / "composer.db").write_bytes(b"garbage" * 1000)
    window = make_window()
    qtbot.waitUntil(lambda: bool(prompter.warnings), timeout=10_000)
    assert "was damaged" in prompter.warnings[0][1]
    _new_incident(window, qtbot, prompter)  # and the app works on the new store
    assert list(home.glob("composer.db.corrupt-*"))


def test_geometry_is_remembered(make_window, qtbot, prompter):
    window = make_window()
    window.resize(1000, 650)  # the offscreen screen is 800x800: only the height fits, the width is clamped
    window.main_split.setSizes([300, 700])
    window.close()
    again = make_window()
    assert again.size().height() == 650
    assert not again.context.ui_settings.value("window/mainSplit").isEmpty()
    assert again.checklist_dock.isVisible()


def test_shortcuts_exist_for_common_commands(make_window):
    window = make_window()
    shortcuts = {a.shortcut().toString() for a in window.actions() if not a.shortcut().isEmpty()}
    for key in ("Ctrl+N", "Ctrl+Shift+N", "Ctrl+O", "Ctrl+E", "Ctrl+S", "Ctrl+H", "Ctrl+Q"):
        assert key in shortcuts
    assert window.checklist_dock.isVisible()
    assert window.checklist_dock.toggleViewAction().shortcut().toString() == "Ctrl+Shift+K"
    assert window.dockWidgetArea(window.checklist_dock) == Qt.DockWidgetArea.RightDockWidgetArea


def test_profile_dialog_saves_organisation_and_roster(qtbot, store):
    from composer.core.model import Person
    from composer.ui.profile_dialog import ProfileDialog

    store.save_person(Person("Old Name", "On call"))
    dialog = ProfileDialog(store)
    qtbot.addWidget(dialog)
    assert dialog.table.rowCount() == 1
    dialog.org_name.setText("Example Hosting")
    dialog.phone.setText("+34 930 000 000")
    dialog.table.item(0, 0).setText("Marta Vidal")
    dialog._add_row(Person("Jordi Puig", "Engineer", "jordi@example.com"))
    dialog._add_row(Person(""))  # an empty row is ignored
    dialog.save()
    assert store.organisation().name == "Example Hosting"
    assert store.organisation().phone == "+34 930 000 000"
    assert [(p.name, p.role) for p in store.people()] == [("Jordi Puig", "Engineer"), ("Marta Vidal", "On call")]
    dialog.table.setCurrentCell(0, 0)
    dialog._remove_row()
    dialog.save()
    assert len(store.people()) == 1


def test_roster_fills_the_signer_list(make_window, qtbot, prompter):
    from composer.core.model import Person

    window = make_window()
    window.store.save_person(Person("Marta Vidal", "Head of Support"))
    _new_incident(window, qtbot, prompter)
    names = [window.editor.signer.itemText(i) for i in range(window.editor.signer.count())]
    assert "Marta Vidal, Head of Support" in names


def test_alert_colour_reads_on_light_and_dark_palettes(qapp):
    from PySide6.QtGui import QColor, QPalette

    from composer.ui.incident_list import alert_color

    light, dark = QPalette(QColor("#f0f0f0")), QPalette(QColor("#202020"))
    assert alert_color(dark).lightness() > alert_color(light).lightness()
    assert alert_color(light).red() > 150 and alert_color(dark).red() > 150


def test_alerts_turn_red_and_bold_once_the_window_is_ready(qtbot, home, prompter):
    """Emphasis waits for the first paint (startup time), then shows at once and follows changes."""
    from composer.app import build_context
    from composer.core.model import Incident, Update
    from composer.ui.main_window import MainWindow

    context = build_context(home=home, prompter=prompter)
    incident = context.store.add_incident(Incident(title="Checkout down"))
    context.store.add_update(Update(incident_id=incident.id, body="We are looking into it."))
    window = MainWindow(context)
    qtbot.addWidget(window)
    countdown = window.status_panel.countdown
    assert countdown.text() == "Nothing published yet"
    assert countdown.property("alert") is None  # not yet: the first frame goes out plain

    window.ensure_ready()
    assert countdown.property("alert") is True
    assert countdown.font().bold()

    window.status_panel.show_saved()
    assert window.status_panel.save_state.property("alert") is False
    window.status_panel.show_save_failed("Not saved: the disk is full")
    assert window.status_panel.save_state.property("alert") is True
    assert window.status_panel.save_state.font().bold()
    window.close()
    context.close()
