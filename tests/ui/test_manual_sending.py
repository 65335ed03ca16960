# SPDX-License-Identifier: GPL-3.0-or-later
"""When nothing can be sent: File → Export for manual sending… and File → Copy for."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtGui import QGuiApplication

from composer.publishers.bundle import MARKER

sys.path.insert(0, str(Path(__file__).parent))
from outbox_support import WAIT_MS, ready_window

LONG_BODY = (
    "Since 09:10 CET, email you send is delayed by up to 40 minutes. Nothing is lost: every message is "
    "queued and will be delivered. Receiving mail works normally.\n\n"
    "This is our fault. A change we made to our mail relays this morning went wrong, and we are sorry "
    "for the disruption to your work. Urgent messages can go through webmail, which is not affected.\n\n"
    "Call us on +34 930 000 000 or write to support@example.net.\n\nMarta Vidal, Head of Support\n"
)


def rendered(window, channel):
    """What `channel`'s publisher renders for the update on screen, as the Publish window builds it."""
    update = window.publishing.publishable(window.store.update(window.editor.current_update.id))
    return window.context.publishers()[channel].publisher.render(update)


def test_export_for_manual_sending_writes_the_bundle_to_the_chosen_folder(make_window, prompter, qtbot, tmp_path):
    window = ready_window(make_window, prompter, LONG_BODY)
    target = tmp_path / "to send by hand"
    asked = []
    window.outbox.manual.ask_folder = lambda parent, title: asked.append(title) or target
    assert window.menu_actions.export_bundle.isEnabled()
    window.menu_actions.export_bundle.trigger()
    qtbot.waitUntil(lambda: not window.outbox.manual.writing, timeout=WAIT_MS)
    assert prompter.warnings == []
    assert asked == ["Choose a folder for the update to send by hand"]
    names = {path.name for path in target.iterdir()}
    assert {"README.txt", "update.md", "update.html", "update.eml", "contact.html", "email.txt", "x.txt"} <= names
    assert (target / "README.txt").read_text(encoding="utf-8").startswith(MARKER)
    assert "Email delivery delayed" in (target / "update.md").read_text(encoding="utf-8")
    assert str(target) in window.statusBar().currentMessage()

    # Again into the same folder: an earlier bundle is written over.
    window.menu_actions.export_bundle.trigger()
    qtbot.waitUntil(lambda: not window.outbox.manual.writing, timeout=WAIT_MS)
    assert prompter.warnings == []

    # A full folder gets a folder of its own inside it; a file is refused in one line.
    full = tmp_path / "Documents"
    full.mkdir()
    (full / "notes.txt").write_text("mine", encoding="utf-8")
    window.outbox.manual.ask_folder = lambda parent, title: full
    window.menu_actions.export_bundle.trigger()
    qtbot.waitUntil(lambda: not window.outbox.manual.writing, timeout=WAIT_MS)
    [inner] = [path for path in full.iterdir() if path.is_dir()]
    assert inner.name.startswith("incident-") and (inner / "README.txt").is_file()
    assert (full / "notes.txt").read_text(encoding="utf-8") == "mine"
    window.outbox.manual.ask_folder = lambda parent, title: full / "notes.txt"
    window.menu_actions.export_bundle.trigger()
    qtbot.waitUntil(lambda: not window.outbox.manual.writing, timeout=WAIT_MS)
    [(title, text)] = prompter.warnings
    assert title == "Export for manual sending" and "is not a folder" in text and "\n" not in text


def test_export_asks_nothing_more_when_the_chooser_is_cancelled(make_window, prompter, qtbot, tmp_path):
    window = ready_window(make_window, prompter)
    window.outbox.manual.ask_folder = lambda parent, title: None
    window.menu_actions.export_bundle.trigger()
    assert not window.outbox.manual.writing and prompter.warnings == []


def test_copy_for_x_puts_exactly_its_parts_on_the_clipboard(make_window, prompter, qtbot):
    window = ready_window(make_window, prompter, LONG_BODY)
    menu = window.menu_actions.copy_menu
    assert menu.menuAction() in window.menuBar().actions()[0].menu().actions()
    menu.aboutToShow.emit()  # what opening the menu does
    actions = {action.objectName(): action for action in menu.actions()}
    assert {"copy-x", "copy-mastodon", "copy-bluesky", "copy-linkedin", "copy-email", "copy-wordpress"} <= set(actions)
    assert actions["copy-x"].text() == "X (Twitter)"

    actions["copy-x"].trigger()
    parts = rendered(window, "x").parts
    assert len(parts) > 1  # a thread
    copied = QGuiApplication.clipboard().text()
    assert copied.split("\n\n---\n\n") == parts
    assert "Copied what X (Twitter) would post" in window.statusBar().currentMessage()

    actions["copy-email"].trigger()
    post = rendered(window, "email")
    subject, body = QGuiApplication.clipboard().text().split("\n\n", 1)
    assert subject == post.subject == "[Example Hosting] Email delivery delayed: we are on it"
    assert [body] == post.parts


def test_copy_says_why_when_a_channel_cannot_take_the_update(make_window, prompter, qtbot, monkeypatch):
    from composer.publishers.base import TooLong

    window = ready_window(make_window, prompter)
    QGuiApplication.clipboard().setText("before")
    x = window.context.publishers()["x"].publisher

    def refuse(update):
        raise TooLong("This update does not fit: 26 posts.")

    monkeypatch.setattr(x, "render", refuse)
    assert not window.outbox.manual.copy_for("x")
    assert prompter.warnings == [("Copy for X (Twitter)", "This update does not fit: 26 posts.")]
    assert QGuiApplication.clipboard().text() == "before"
