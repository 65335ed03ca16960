# SPDX-License-Identifier: GPL-3.0-or-later
"""What the outbox's window tests share: a window with an update ready to publish, email accounts
on the real test SMTP servers, the checks gate answered, and a background sender that is quick."""

from __future__ import annotations

import pytest
from smtp_peer import SMTP_PASSWORD, SMTP_USER

from composer.core.credentials import MemoryCredentials
from composer.core.model import Organisation
from composer.ui.publish_gate import OverrideDialog

BODY = "We are sorry: since 09:10 CET you cannot send email.\n\nMarta Vidal, Head of Support\n"
WAIT_MS = 30_000  # generous: a busy CI machine


@pytest.fixture
def override(monkeypatch):
    """The checklist gate answered with a reason (tests/ui/test_publish_dialog.py tests the gate)."""
    monkeypatch.setattr(OverrideDialog, "ask", classmethod(lambda cls, failures, parent=None: "Testing the outbox"))


def ready_window(make_window, prompter, body: str = BODY):
    """The real window, with one incident whose update is saved and ready to publish; its
    background sender looks often (tests wait on it with waitUntil, never a sleep)."""
    window = make_window()
    window.context.credentials = MemoryCredentials()
    window.store.save_organisation(Organisation(name="Example Hosting", status_page_url="https://status.example.net"))
    prompter.answers.append("Email delivery delayed")
    window.menu_actions.new_incident.trigger()
    window.editor.body.setPlainText(body)
    assert window.save_all()
    background = window.outbox.background
    background.probe_interval_ms = 100
    background.min_delay_ms = 50
    background.stuck_delay_ms = 300
    return window


def add_email_account(window, name, port, certificate, **extra):
    settings = {
        "host": "127.0.0.1",
        "port": str(port),
        "security": "starttls",
        "username": SMTP_USER,
        "from": "Example Status <status@example.net>",
        "to": "alice@example.org",
        "ca_file": str(certificate.cert),
        **extra,
    }
    window.store.save_account(name, "email", settings)
    window.context.credentials.set(name, SMTP_PASSWORD)
    return settings


def finished(dialog):
    done = ("idle", "sent", "failed", "waiting", "uncertain")
    return not dialog.running and all(row.state in done for row in dialog.rows.values())


def publish_to(window, qtbot, *names):
    """File → Publish… to these accounts, waited for until every row has its outcome."""
    dialog = window.publishing.publish()
    assert dialog is not None
    for name in names:
        dialog.rows[name].check.setChecked(True)
    dialog.publish_button.click()
    qtbot.waitUntil(lambda: finished(dialog), timeout=WAIT_MS)
    return dialog


def jobs(window):
    """The outbox as the store has it now (the window's own connection: test code only)."""
    return window.store.outbox().jobs()
