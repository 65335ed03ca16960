# SPDX-License-Identifier: GPL-3.0-or-later
"""A post that may or may not have gone out, in the Publish window: Send again and Mark as sent.

The SMTP server (aiosmtpd) stores the message, then waits longer than the account's timeout
before its "250": the email went out, but the app never heard so. Deliveries are counted on
the server.
"""

from __future__ import annotations

import sys
from collections import deque
from pathlib import Path

import pytest
from smtp_peer import SMTP_PASSWORD, SMTP_USER, SmtpPeer

sys.path.insert(0, str(Path(__file__).parent))
from outbox_support import (
    WAIT_MS,
    add_email_account,
    finished,
    jobs,
    override,  # noqa: F401 - a fixture
    publish_to,
    ready_window,
)


@pytest.fixture
def window(make_window, prompter):
    return ready_window(make_window, prompter)


@pytest.fixture
def slow_server(smtp_certificate):
    """Keeps each message, then answers 250 only after 4 s (the account gives up after 1 s)."""
    peer = SmtpPeer(smtp_certificate, mode="starttls", username=SMTP_USER, password=SMTP_PASSWORD).start()
    peer.handler.reply_delay = 4.0
    yield peer
    peer.stop()


@pytest.fixture
def questions(prompter, monkeypatch):
    """The confirmations asked, answered from `answers` in order."""
    asked: list[tuple[str, str]] = []
    answers: deque[bool] = deque()

    def confirm(title, text):
        asked.append((title, text))
        return answers.popleft()

    monkeypatch.setattr(prompter, "confirm", confirm)
    return asked, answers


def uncertain_row(window, qtbot, server, smtp_certificate):
    add_email_account(window, "status mail", server.port, smtp_certificate, timeout="1")
    dialog = publish_to(window, qtbot, "status mail")
    row = dialog.rows["status mail"]
    assert row.state == "uncertain", row.status.text()
    assert "may already have gone out at " in row.status.text()
    assert row.send_again.isVisible() and row.mark_sent.isVisible() and not row.retry.isVisible()
    assert len(server.deliveries) == 1
    [job] = jobs(window)
    assert job.state == "uncertain"
    return dialog, row, job


@pytest.mark.usefixtures("override")
def test_send_again_sends_it_once_more_after_a_confirmation_naming_the_time(
    window, qtbot, slow_server, smtp_certificate, questions
):
    asked, answers = questions
    dialog, row, job = uncertain_row(window, qtbot, slow_server, smtp_certificate)
    tried = job.attempted_at.astimezone().strftime("%H:%M")

    answers.append(False)  # the user backs out: nothing changes
    row.send_again.click()
    assert asked[-1][0] == "Send again" and f"at {tried}" in asked[-1][1]
    assert row.state == "uncertain" and not dialog.running
    assert [j.state for j in jobs(window)] == ["uncertain"]

    slow_server.handler.reply_delay = 0.0
    answers.append(True)
    row.send_again.click()
    qtbot.waitUntil(lambda: finished(dialog) and row.state != "uncertain", timeout=WAIT_MS)
    assert row.state == "sent", row.status.text()
    assert len(slow_server.deliveries) == 2
    assert [j.state for j in jobs(window)] == ["sent"]
    assert not row.send_again.isVisible() and not row.mark_sent.isVisible()


@pytest.mark.usefixtures("override")
def test_mark_as_sent_keeps_it_in_the_history_and_never_sends_it(
    window, qtbot, slow_server, smtp_certificate, questions
):
    asked, answers = questions
    dialog, row, job = uncertain_row(window, qtbot, slow_server, smtp_certificate)

    answers.append(True)
    row.mark_sent.click()
    assert asked[-1][0] == "Mark as sent"
    assert job.attempted_at.astimezone().strftime("%H:%M") in asked[-1][1]
    qtbot.waitUntil(lambda: finished(dialog) and row.state != "uncertain", timeout=WAIT_MS)
    assert row.state == "sent", row.status.text()
    assert "Marked as sent" in row.status.text()
    [done] = jobs(window)
    assert done.state == "sent" and done.receipt["meta"]["marked_sent_by_hand"]
    assert dialog.sent_any
    dialog.close_button.click()
    update = window.store.update(window.editor.current_update.id)
    assert [p.channel for p in update.publications] == ["email"]
    # Publishing again reuses it; nothing more goes out (the slow server's first answer came late).
    again = publish_to(window, qtbot, "status mail")
    assert "Already sent earlier" in again.rows["status mail"].status.text()
    assert len(slow_server.deliveries) == 1
