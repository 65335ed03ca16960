# SPDX-License-Identifier: GPL-3.0-or-later
"""File → Publish… in the real window, sending to a real SMTP server (aiosmtpd) on 127.0.0.1.

A closed port and a server that accepts and never answers stand for the failures; secrets are
in the session-only in-memory credential store.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import QObject, QTimer, QUrl, Slot
from PySide6.QtGui import QDesktopServices
from smtp_peer import SMTP_PASSWORD, SMTP_USER, free_port

from composer.core.credentials import MemoryCredentials
from composer.core.model import Organisation
from composer.ui.history_dialog import HistoryDialog
from composer.ui.publish_gate import OverrideDialog

BODY = "We are sorry: since 09:10 CET you cannot send email.\n\nMarta Vidal, Head of Support\n"
REASON = "Testing the publish dialog"


@pytest.fixture
def override(monkeypatch):
    """The checklist gate answered with a reason (the gate itself is tested below)."""
    asked = []

    def ask(cls, failures, parent=None):
        asked.append(failures)
        return REASON

    monkeypatch.setattr(OverrideDialog, "ask", classmethod(ask))
    return asked


class LinkCatcher(QObject):
    """Receives the URLs the app asks the desktop to open."""

    def __init__(self):
        super().__init__()
        self.urls: list[str] = []

    @Slot(QUrl)
    def open(self, url: QUrl) -> None:
        self.urls.append(url.toString())


@pytest.fixture
def opened_links():
    catcher = LinkCatcher()
    for scheme in ("mid", "https"):
        QDesktopServices.setUrlHandler(scheme, catcher, "open")
    yield catcher.urls
    for scheme in ("mid", "https"):
        QDesktopServices.unsetUrlHandler(scheme)


@pytest.fixture
def window(make_window, prompter):
    """The real window on a fresh data folder, with one incident whose update is ready to publish."""
    return window_with_update(make_window, prompter)


@pytest.fixture
def add_account(window, smtp_certificate):
    def add(name, port, **extra):
        add_email_account(window, name, port, smtp_certificate, **extra)

    return add


def add_email_account(window, name, port, smtp_certificate, **extra):
    settings = {
        "host": "127.0.0.1",
        "port": str(port),
        "security": "starttls",
        "username": SMTP_USER,
        "from": "Example Status <status@example.net>",
        "to": "alice@example.org",
        "ca_file": str(smtp_certificate.cert),
        **extra,
    }
    window.store.save_account(name, "email", settings)
    window.context.credentials.set(name, SMTP_PASSWORD)


def window_with_update(make_window, prompter):
    window = make_window()
    window.context.credentials = MemoryCredentials()
    window.store.save_organisation(Organisation(name="Example Hosting", status_page_url="https://status.example.net"))
    prompter.answers.append("Email delivery delayed")
    window.menu_actions.new_incident.trigger()
    window.editor.body.setPlainText(BODY)
    assert window.save_all()
    return window


def finished(dialog):
    done = ("idle", "sent", "failed", "waiting", "uncertain")  # waiting: queued in the outbox for its server
    return not dialog.running and all(row.state in done for row in dialog.rows.values())


@pytest.mark.usefixtures("override")
def test_publish_to_two_accounts_one_sends_one_waits_for_its_server(
    window, add_account, qtbot, starttls_server, opened_links
):
    add_account("status mail", starttls_server.port)
    closed = free_port()
    add_account("backup mail", closed)
    window.menu_actions.publish_to.trigger()
    dialog = window.publishing.dialog
    assert dialog is not None and dialog.isVisible()

    for row in dialog.rows.values():
        row.check.setChecked(True)
    preview = dialog.preview_of("status mail")
    assert preview.startswith("Subject: [Example Hosting] Email delivery delayed: we are on it")
    assert "you cannot send email" in preview

    ticks = []
    timer = QTimer()
    timer.timeout.connect(lambda: ticks.append(1))
    timer.start(5)
    dialog.publish_button.click()
    assert {row.state for row in dialog.rows.values()} <= {"queued", "sending", "sent", "failed"}
    assert dialog.stop_button.isEnabled() and not dialog.close_button.isEnabled()
    qtbot.waitUntil(lambda: finished(dialog), timeout=20_000)
    timer.stop()
    assert ticks, "the window's event loop stopped while sending"

    sent, queued = dialog.rows["status mail"], dialog.rows["backup mail"]
    assert sent.state == "sent", sent.status.text()
    assert sent.link.startswith("mid:incident-")
    assert f'href="{sent.link}"' in sent.status.text()
    assert len(starttls_server.deliveries) == 1
    # An unreachable server is not an error: the post waits in the outbox, and the row says why.
    assert queued.state == "waiting"
    assert "Queued: will send when backup mail is reachable (next try " in queued.status.text()
    assert f"127.0.0.1:{closed}" in queued.status.text()
    assert queued.retry.isVisible() and queued.retry.text() == "Send now"
    assert SMTP_PASSWORD not in queued.status.text()
    assert dialog.summary.text() == "Queued: will send to backup mail when it is reachable"
    assert [job.state for job in window.store.outbox().jobs() if job.account == "backup mail"] == ["pending"]

    sent.status.linkActivated.emit(sent.link)  # what a click on the link does
    assert opened_links == [sent.link]

    # The receipt is kept: the update is published, and its history shows where, as a link.
    dialog.close_button.click()
    update = window.store.update(window.editor.current_update.id)
    assert [p.channel for p in update.publications] == ["email"]
    assert update.publications[0].url == sent.link
    assert window.status_panel.countdown.text() != "Nothing published yet"
    events = window.store.events(update.id)
    assert any(e.kind == "override" and e.detail["reason"] == REASON for e in events)  # the gate ran first
    history = HistoryDialog(window.store.revisions(update.id), window, events)
    qtbot.addWidget(history)
    assert sent.link in history.publications.text()
    assert "status mail" in history.publications.text()
    history.publications.linkActivated.emit(sent.link)
    assert opened_links[-1] == sent.link


def test_publish_is_in_the_file_menu_and_says_when_there_is_no_account(window, prompter):
    assert window.menu_actions.publish_to.shortcut().toString() == "Ctrl+Shift+P"
    assert window.menu_actions.publish_to in window.menuBar().actions()[0].menu().actions()
    window.menu_actions.publish_to.trigger()
    assert window.publishing.dialog is None
    assert prompter.warnings == [("Publish", "There is no account to publish to yet. Add one in Edit → Accounts…")]


@pytest.mark.usefixtures("override")
def test_send_now_sends_a_waiting_account_once_it_works(window, add_account, qtbot, starttls_server):
    add_account("status mail", free_port())
    dialog = window.publishing.publish()
    dialog.rows["status mail"].check.setChecked(True)
    dialog.publish_button.click()
    qtbot.waitUntil(lambda: finished(dialog), timeout=20_000)
    assert dialog.rows["status mail"].state == "waiting"
    # The user fixes the server's port in the account, then retries from the row.
    window.store.save_account(
        "status mail", "email", {**window.store.accounts()[0][2], "port": str(starttls_server.port)}
    )
    dialog.rows["status mail"].retry.click()
    qtbot.waitUntil(lambda: finished(dialog), timeout=20_000)
    assert dialog.rows["status mail"].state == "sent", dialog.rows["status mail"].status.text()
    assert len(starttls_server.deliveries) == 1


@pytest.mark.usefixtures("override")
def test_the_choice_is_remembered_and_nothing_is_sent_twice(window, add_account, qtbot, starttls_server):
    add_account("status mail", starttls_server.port)
    add_account("other mail", starttls_server.port)
    dialog = window.publishing.publish()
    assert not any(row.check.isChecked() for row in dialog.rows.values())
    assert not dialog.publish_button.isEnabled()
    dialog.rows["status mail"].check.setChecked(True)
    dialog.publish_button.click()
    qtbot.waitUntil(lambda: finished(dialog), timeout=20_000)
    dialog.close_button.click()

    again = window.publishing.publish()
    assert again.rows["status mail"].check.isChecked()
    assert not again.rows["other mail"].check.isChecked()
    again.publish_button.click()
    qtbot.waitUntil(lambda: finished(again), timeout=20_000)
    assert "Already sent earlier" in again.rows["status mail"].status.text()
    assert len(starttls_server.deliveries) == 1
    again.close_button.click()


@pytest.mark.usefixtures("override")
def test_publish_pressed_before_the_dialog_is_on_screen_starts_once_it_is(window, add_account, qtbot, starttls_server):
    add_account("status mail", starttls_server.port)
    dialog = window.publishing.publish()
    dialog.rows["status mail"].check.setChecked(True)
    assert not dialog.windowHandle().isExposed()  # no event processed since it opened
    dialog.publish_button.click()
    assert dialog.rows["status mail"].state == "queued" and dialog.tasks == {}  # waits for its first paint
    assert dialog.running and dialog.stop_button.isEnabled()
    qtbot.waitUntil(lambda: finished(dialog), timeout=20_000)
    assert dialog.rows["status mail"].state == "sent", dialog.rows["status mail"].status.text()
    assert len(starttls_server.deliveries) == 1


@pytest.mark.usefixtures("override")
def test_stop_before_the_dialog_is_on_screen_sends_nothing(window, add_account, qtbot, starttls_server):
    add_account("status mail", starttls_server.port)
    dialog = window.publishing.publish()
    dialog.rows["status mail"].check.setChecked(True)
    dialog.publish_button.click()
    dialog.stop_button.click()
    assert dialog.rows["status mail"].state == "failed"
    assert "nothing was sent" in dialog.rows["status mail"].status.text()
    assert not dialog.running and dialog.close_button.isEnabled()
    qtbot.waitUntil(lambda: dialog.windowHandle().isExposed(), timeout=20_000)
    qtbot.wait(100)  # the moment the workers would have started
    assert dialog.tasks == {} and starttls_server.deliveries == []


def test_failing_checks_block_publishing_until_a_reason_is_given(window, add_account, starttls_server, monkeypatch):
    add_account("status mail", starttls_server.port)
    window.editor.body.setPlainText("Something is broken.")
    asked = []
    monkeypatch.setattr(OverrideDialog, "ask", classmethod(lambda cls, failures, parent=None: asked.append(failures)))
    window.menu_actions.publish_to.trigger()
    assert window.publishing.dialog is None  # backed out: no dialog, nothing sent
    assert {f.rule for f in asked[0]} >= {"sign-your-name", "give-contact-info"}
    update_id = window.editor.current_update.id
    assert not [e for e in window.store.events(update_id) if e.kind == "override"]

    monkeypatch.setattr(OverrideDialog, "ask", classmethod(lambda cls, failures, parent=None: "Press desk asked"))
    window.menu_actions.publish_to.trigger()
    assert window.publishing.dialog is not None
    override = next(e for e in window.store.events(update_id) if e.kind == "override")
    assert override.detail["reason"] == "Press desk asked"
    assert "sign-your-name" in override.detail["rules"]
    assert starttls_server.deliveries == []


@pytest.mark.usefixtures("override")
def test_stop_cancels_what_has_not_been_sent_and_the_window_stays_responsive(
    window, add_account, qtbot, starttls_server, silent_server
):
    add_account("hung mail", silent_server.port, timeout="2")
    add_account("status mail", starttls_server.port)
    window.context.runner().pool.setMaxThreadCount(1)  # "status mail" waits behind the hung server
    dialog = window.publishing.publish()
    dialog.rows["hung mail"].check.setChecked(True)
    dialog.rows["status mail"].check.setChecked(True)

    ticks = []
    timer = QTimer()
    timer.timeout.connect(lambda: ticks.append(1))
    timer.start(20)
    dialog.publish_button.click()
    qtbot.waitUntil(lambda: bool(silent_server.accepted), timeout=15_000)  # the first one is connected and waiting
    dialog.stop_button.click()
    assert dialog.running
    dialog.reject()  # Esc while sending stops; it does not close the dialog
    assert dialog.isVisible()
    qtbot.waitUntil(lambda: finished(dialog), timeout=20_000)
    timer.stop()

    assert len(ticks) >= 20, "the event loop did not keep running while a server hung"
    assert dialog.rows["status mail"].state == "failed"
    assert "nothing was sent" in dialog.rows["status mail"].status.text()
    assert starttls_server.deliveries == []
    assert dialog.rows["hung mail"].state == "failed"
    assert not dialog.sent_any
    window.context.runner().pool.setMaxThreadCount(8)
    dialog.close_button.click()
    assert window.store.update(window.editor.current_update.id).publications == []
