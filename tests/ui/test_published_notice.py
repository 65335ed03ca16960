# SPDX-License-Identifier: GPL-3.0-or-later
"""Editing the text of a published update shows, above the editor, that republishing sends a correction."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from composer.core.model import Event, Publication, utc_now


def _start(make_window, prompter):
    window = make_window()
    prompter.answers.append("Email delivery delayed")
    window.menu_actions.new_incident.trigger()
    return window


def _published(window) -> None:
    """Record the update on screen as sent (as the outbox would), not through the checklist gate."""
    update = window.editor.current_update
    window.save_all()
    window.store.add_publication(update.id, Publication(channel="manual", published_at=utc_now()))
    window.store.add_event(Event(update.id, "published", {"channel": "manual"}))
    window.after_publication("Recorded as published")


def _notice_shown(window) -> bool:
    notice = window.editor.published_notice
    QCoreApplication.sendPostedEvents()
    return notice is not None and notice.isVisible()


def test_a_draft_edits_without_a_notice(make_window, prompter, qtbot):
    window = _start(make_window, prompter)
    qtbot.keyClicks(window.editor.body, "We are sorry")
    assert not _notice_shown(window)


def test_editing_a_published_update_warns_once_and_without_blocking(make_window, prompter, qtbot):
    window = _start(make_window, prompter)
    qtbot.keyClicks(window.editor.body, "We are sorry")
    _published(window)
    assert not _notice_shown(window)  # published, not yet edited
    qtbot.keyClicks(window.editor.body, "!")
    assert _notice_shown(window)
    notice = window.editor.published_notice
    assert "sends a correction" in notice.text.text()
    body_top = window.editor.body.geometry().top()
    assert notice.geometry().bottom() < body_top  # above the editor
    qtbot.keyClicks(window.editor.body, " Really.")  # non-modal: typing goes on
    assert "! Really." in window.editor.body.toPlainText()
    notice.close_button.click()
    qtbot.keyClicks(window.editor.body, "x")
    assert not _notice_shown(window)  # closed for this update


def test_a_publication_recorded_elsewhere_counts(make_window, prompter, qtbot):
    """The outbox (or the command line) may publish the update after it was loaded."""
    window = _start(make_window, prompter)
    update = window.editor.current_update
    window.store.add_publication(update.id, Publication(channel="mastodon", published_at=utc_now()))
    window.store.add_event(Event(update.id, "published", {"channel": "mastodon"}))
    assert not update.publications
    qtbot.keyClicks(window.editor.body, "More")
    assert _notice_shown(window)


def test_another_update_hides_the_notice(make_window, prompter, qtbot):
    window = _start(make_window, prompter)
    qtbot.keyClicks(window.editor.body, "We are sorry")
    _published(window)
    qtbot.keyClicks(window.editor.body, "!")
    assert _notice_shown(window)
    window.menu_actions.new_update.trigger()
    assert not _notice_shown(window)
    qtbot.keyClicks(window.editor.body, "Next")
    assert not _notice_shown(window)
