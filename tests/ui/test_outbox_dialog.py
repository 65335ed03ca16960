# SPDX-License-Identifier: GPL-3.0-or-later
"""File → Outbox…: every job, newest first, and Retry, Cancel, Mark as sent by hand, Send anyway.

The jobs are real outbox jobs of the update on screen (rendered by the email publisher, as
Publish renders them), their accounts on a real SMTP server (aiosmtpd) that counts deliveries.
"""

from __future__ import annotations

import sys
from datetime import timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QObject, QUrl, Slot
from PySide6.QtGui import QDesktopServices

from composer.core.model import utc_now
from composer.core.outbox import job_key

sys.path.insert(0, str(Path(__file__).parent))
from outbox_support import WAIT_MS, add_email_account, ready_window

LINK = "https://status.example.net/2024/email-delayed"


class LinkCatcher(QObject):
    def __init__(self):
        super().__init__()
        self.urls: list[str] = []

    @Slot(QUrl)
    def open(self, url: QUrl) -> None:
        self.urls.append(url.toString())


@pytest.fixture
def opened_links():
    catcher = LinkCatcher()
    QDesktopServices.setUrlHandler("https", catcher, "open")
    yield catcher.urls
    QDesktopServices.unsetUrlHandler("https")


def make_job(window, account, state):
    """A job of the update on screen for `account`, moved to `state` the way a sender moves it."""
    update = window.publishing.publishable(window.store.update(window.editor.current_update.id))
    post = window.context.publishers()["email"].publisher.render(update)
    record = {
        "channel": post.channel,
        "subject": post.subject,
        "parts": post.parts,
        "incident_key": str(update.incident_id),
        "html": post.html,
        "meta": post.meta,
        "title": update.title,
    }
    outbox = window.store.outbox()
    key = job_key(account, f"{update.incident_id}/{update.update_id}", post.subject + post.text)
    job = outbox.enqueue(key, account, update.update_id, record)
    if state == "pending":
        return job
    assert outbox.claim(key)
    if state == "failed":
        outbox.mark_failed(key, "127.0.0.1 refused the sender: 550 5.7.1 not allowed")
    elif state == "uncertain":
        outbox.mark_uncertain(key, "the server took the whole message but its answer never came")
    elif state == "waiting":
        outbox.defer(key, "could not reach the server", 3600)
    elif state == "sent":
        receipt = {"account": account, "channel": "email", "remote_id": "<x@example.net>", "url": LINK}
        outbox.mark_sent(key, {**receipt, "published_at": utc_now().isoformat(), "meta": {}})
    return outbox.get(key)


def state_of(window, job):
    return window.store.outbox().job(job.id)


def shown_state(dialog, job):
    row = next((n for n, r in enumerate(dialog.model.rows) if r.id == job.id), None)
    return None if row is None else dialog.model.data(dialog.model.index(row, 2))


@pytest.fixture
def outbox(make_window, prompter, smtp_certificate, starttls_server):
    window = ready_window(make_window, prompter)
    for name in ("mail failed", "mail uncertain", "mail waiting", "mail sent", "mail unsure"):
        add_email_account(window, name, starttls_server.port, smtp_certificate)
    made = {name.split()[1]: make_job(window, name, name.split()[1]) for name in ("mail failed", "mail uncertain")}
    made["waiting"] = make_job(window, "mail waiting", "waiting")
    made["sent"] = make_job(window, "mail sent", "sent")
    made["unsure"] = make_job(window, "mail unsure", "uncertain")
    return window, made


def open_outbox(window, qtbot):
    window.menu_actions.outbox.trigger()
    dialog = window.outbox.dialog
    assert dialog is not None and dialog.isVisible()
    qtbot.waitUntil(lambda: dialog.loads >= 1, timeout=WAIT_MS)
    return dialog


def test_the_outbox_lists_every_job_newest_first_in_plain_words(outbox, qtbot, opened_links):
    window, made = outbox
    dialog = open_outbox(window, qtbot)
    model = dialog.model
    assert model.rowCount() == 5
    assert [row.id for row in model.rows] == sorted((job.id for job in made.values()), reverse=True)
    text = {
        row.account: [model.data(model.index(n, column)) for column in range(model.columnCount())]
        for n, row in enumerate(model.rows)
    }
    where, update, state, tries, next_try, problem, _link = text["mail waiting"]
    assert where == "Email (SMTP) · mail waiting"
    assert update == f"Email delivery delayed · update {window.editor.current_update.id}"
    assert state == "Waiting to be sent" and tries == "1"
    expected = made["waiting"].next_attempt.astimezone().strftime("%H:%M")
    assert next_try.endswith(expected)
    assert problem == "could not reach the server"
    assert text["mail failed"][2] == "Failed: needs you" and "550 5.7.1" in text["mail failed"][5]
    assert text["mail uncertain"][2] == "May have gone out: check"
    assert "may already have gone out at " in text["mail uncertain"][5]
    assert f"(outbox job {made['uncertain'].id})" in text["mail uncertain"][5]
    assert text["mail sent"][2] == "Sent" and text["mail sent"][6] == LINK
    assert text["mail sent"][4] == ""

    # The link opens (the button, or a double-click on its row).
    dialog.select_job(made["sent"].id)
    assert dialog.open_button.isEnabled() and not dialog.retry_button.isEnabled()
    dialog.open_button.click()
    assert opened_links == [LINK]
    dialog.select_job(made["uncertain"].id)
    assert dialog.mark_sent_button.isEnabled() and dialog.send_anyway_button.isEnabled()
    assert dialog.cancel_button.isEnabled() and not dialog.retry_button.isEnabled()
    assert not dialog.open_button.isEnabled()


def test_each_action_changes_the_job_in_the_store(outbox, qtbot, prompter, starttls_server):
    window, made = outbox
    dialog = open_outbox(window, qtbot)

    # Retry a failed job: due now, and the background sender sends it.
    assert dialog.select_job(made["failed"].id)
    dialog.retry_button.click()
    qtbot.waitUntil(lambda: state_of(window, made["failed"]).state == "sent", timeout=WAIT_MS)
    assert len(starttls_server.deliveries) == 1
    qtbot.waitUntil(lambda: shown_state(dialog, made["failed"]) == "Sent", timeout=WAIT_MS)
    update_id = window.editor.current_update.id
    # Kept in the update's history as the outbox marks it sent (the fixture's "sent" job is there already).
    qtbot.waitUntil(lambda: len(window.store.update(update_id).publications) == 2, timeout=WAIT_MS)
    assert sorted(p.remote_id for p in window.store.update(update_id).publications)[-1] == "<x@example.net>"

    # Cancel a waiting job.
    assert dialog.select_job(made["waiting"].id)
    dialog.cancel_button.click()
    qtbot.waitUntil(lambda: state_of(window, made["waiting"]).state == "cancelled", timeout=WAIT_MS)
    qtbot.waitUntil(lambda: shown_state(dialog, made["waiting"]) == "Cancelled: will not be sent", timeout=WAIT_MS)

    # Mark an uncertain one as sent by hand: it is in the history, and nothing goes out.
    assert dialog.select_job(made["uncertain"].id)
    prompter.answers.append(True)
    dialog.mark_sent_button.click()
    qtbot.waitUntil(lambda: state_of(window, made["uncertain"]).state == "sent", timeout=WAIT_MS)
    assert state_of(window, made["uncertain"]).receipt["meta"]["marked_sent_by_hand"]
    qtbot.waitUntil(lambda: len(window.store.update(update_id).publications) == 3, timeout=WAIT_MS)
    assert len(starttls_server.deliveries) == 1

    # Send anyway: asked first (no: nothing changes), then it goes out.
    assert dialog.select_job(made["unsure"].id)
    prompter.answers.append(False)
    dialog.send_anyway_button.click()
    assert state_of(window, made["unsure"]).state == "uncertain"
    prompter.answers.append(True)
    dialog.send_anyway_button.click()
    qtbot.waitUntil(lambda: state_of(window, made["unsure"]).state == "sent", timeout=WAIT_MS)
    assert len(starttls_server.deliveries) == 2
    assert not prompter.answers and prompter.warnings == []


def test_an_action_that_does_not_apply_says_so_in_one_line(outbox, qtbot, prompter, starttls_server):
    window, made = outbox
    dialog = open_outbox(window, qtbot)
    assert dialog.select_job(made["sent"].id)
    dialog.retry_selected()  # the button is off for a sent job; the job may also move under the dialog
    qtbot.waitUntil(lambda: bool(prompter.warnings), timeout=WAIT_MS)
    title, text = prompter.warnings[-1]
    assert title == "Retry"
    assert text.startswith(f"job {made['sent'].id} is sent: only a waiting, failed or cancelled job can be retried")
    assert "\n" not in text and "Traceback" not in text
    assert state_of(window, made["sent"]).state == "sent"

    # A job that moved after the list was read: cancelled elsewhere, then cancelled here.
    assert dialog.select_job(made["waiting"].id)
    window.store.outbox().cancel(made["waiting"].id)
    dialog.cancel_selected()
    qtbot.waitUntil(lambda: len(prompter.warnings) == 2, timeout=WAIT_MS)
    assert prompter.warnings[-1] == (
        "Cancel sending",
        f"job {made['waiting'].id} is cancelled: only a waiting, failed or uncertain job can be cancelled",
    )
    assert starttls_server.deliveries == []


def test_the_banner_opens_the_outbox_and_closing_it_releases_its_connection(outbox, qtbot):
    window, made = outbox
    window.outbox.banner.button.click()
    dialog = window.outbox.dialog
    assert dialog is not None and dialog.isVisible()
    qtbot.waitUntil(lambda: dialog.loads >= 1, timeout=WAIT_MS)
    dialog.close()
    assert window.outbox.dialog is None
    qtbot.waitUntil(lambda: not dialog.services._stores, timeout=WAIT_MS)
    assert made["waiting"].next_attempt > utc_now() + timedelta(minutes=30)  # untouched: not due
