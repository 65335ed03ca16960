# SPDX-License-Identifier: GPL-3.0-or-later
"""The window sends what waits in the outbox on its own, on real SMTP servers (aiosmtpd).

The mail server is down when the update is published: the post is queued, the banner and the
status bar say so; when the server starts answering, the background sender delivers it, once,
without Publish being opened again. Closing the window while it sends leaves no thread behind.
"""

from __future__ import annotations

import sys
import threading
from pathlib import Path

import pytest
from smtp_peer import SMTP_PASSWORD, SMTP_USER, SmtpPeer, free_port

sys.path.insert(0, str(Path(__file__).parent))
from outbox_support import (
    WAIT_MS,
    add_email_account,
    jobs,
    override,  # noqa: F401 - a fixture
    publish_to,
    ready_window,
)


@pytest.fixture
def window(make_window, prompter):
    return ready_window(make_window, prompter)


@pytest.mark.usefixtures("override")
def test_a_post_queued_while_the_server_is_down_goes_out_when_it_answers(window, qtbot, smtp_certificate):
    # A real server, not started yet: nothing listens on its port.
    peer = SmtpPeer(smtp_certificate, mode="starttls", username=SMTP_USER, password=SMTP_PASSWORD)
    add_email_account(window, "status mail", peer.port, smtp_certificate)
    dialog = publish_to(window, qtbot, "status mail")

    row = dialog.rows["status mail"]
    assert row.state == "waiting", row.status.text()
    assert "Queued: will send when status mail is reachable (next try " in row.status.text()
    assert "✘" not in row.status.text()
    assert dialog.summary.isVisible()
    assert dialog.summary.text() == "Queued: will send to status mail when it is reachable"
    assert [job.state for job in jobs(window)] == ["pending"]

    banner = window.outbox.banner
    qtbot.waitUntil(banner.isVisible, timeout=WAIT_MS)
    assert banner.text.text() == "Offline: 1 update waiting"  # its only server does not answer
    network = window.status_panel.network.text()
    assert network not in ("Online", "Network: interface up"), network
    dialog.close_button.click()

    peer.start()
    try:
        qtbot.waitUntil(lambda: len(peer.deliveries) == 1, timeout=WAIT_MS)
        qtbot.waitUntil(lambda: not banner.isVisible(), timeout=WAIT_MS)
        assert [job.state for job in jobs(window)] == ["sent"]
        # Kept in the update's history, as the Publish window keeps what it sends.
        update = window.store.update(window.editor.current_update.id)
        assert [p.channel for p in update.publications] == ["email"]
        assert update.publications[0].url.startswith("mid:incident-")
        assert "no account's server answers" not in window.status_panel.network.text()
        # Another run or two: nothing goes out twice.
        runs = window.outbox.background.runs
        window.outbox.background.send_now()
        qtbot.waitUntil(lambda: window.outbox.background.runs > runs, timeout=WAIT_MS)
        assert len(peer.deliveries) == 1
    finally:
        peer.stop()


@pytest.mark.usefixtures("override")
def test_the_banner_counts_updates_and_says_the_next_try_while_a_server_answers(
    window, qtbot, smtp_certificate, starttls_server
):
    window.outbox.background.network_online = None  # as with no reachability backend, whatever this machine's
    add_email_account(window, "status mail", free_port(), smtp_certificate)
    publish_to(window, qtbot, "status mail").close_button.click()
    banner = window.outbox.banner
    qtbot.waitUntil(banner.isVisible, timeout=WAIT_MS)
    # The user moves the account to a server that answers but refuses the queued post's sender for now
    # ("451": try later): a probe says it answers, the banner is no longer "offline".
    starttls_server.handler.refuse_data = "451 4.3.0 Try again later"
    add_email_account(window, "status mail", starttls_server.port, smtp_certificate)
    qtbot.waitUntil(lambda: banner.text.text().startswith("1 update waiting to be sent (next try "), timeout=WAIT_MS)
    assert window.status_panel.network.text() != "Online, but no account's server answers"
    assert starttls_server.deliveries == []


@pytest.mark.usefixtures("override")
def test_closing_the_window_while_the_outbox_sends_leaves_no_thread_running(
    window, qtbot, smtp_certificate, silent_server
):
    settings = add_email_account(window, "status mail", free_port(), smtp_certificate, timeout="3")
    publish_to(window, qtbot, "status mail").close_button.click()
    assert [job.state for job in jobs(window)] == ["pending"]
    # Now its server accepts connections and never says a word: the next send hangs there.
    window.store.save_account("status mail", "email", {**settings, "port": str(silent_server.port)})
    background = window.outbox.background
    background.make_probe = lambda service: lambda account: None  # no probe knocks: each connection is a send
    background.send_now()
    qtbot.waitUntil(lambda: [job.state for job in jobs(window)] == ["sending"], timeout=WAIT_MS)
    qtbot.waitUntil(lambda: bool(silent_server.accepted), timeout=WAIT_MS)  # connected, waiting for a word
    assert background.running

    window.close()
    assert window.is_shut_down
    assert not background.running
    assert background._runner.pool.activeThreadCount() == 0
    assert not [t.name for t in threading.enumerate() if t.name.startswith("outbox")]
    # The send ended on its own timeout before the window let go: nothing left "sending".
    assert [job.state for job in jobs(window)] == ["pending"]
