# SPDX-License-Identifier: GPL-3.0-or-later
"""File → Reach customers…: import a list (bad rows listed), map its columns with a live preview,
send to the real SMTP server on 127.0.0.1 (counted there), pause and resume, mark replies and
calls, the call list, and the export. The incident, organisation, signer and relay account are
the command line's own (`ready` and `relay` of tests/publishers/test_outreach_send.py)."""

from __future__ import annotations

import sys
from pathlib import Path

# tests/publishers first: benchmarks/ (which tests/publishers/outbox_cli.py puts at the front) has an
# outreach_kill.py of its own.
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "publishers"))
import test_outreach_send as cli_outreach
from outreach_kill import SIGNER_EMAIL, received
from PySide6.QtWidgets import QApplication

from composer.core.credentials import MemoryCredentials
from composer.core.outreach import default_actor
from composer.ui.outreach_mapping import NO_COLUMN

ready, relay = cli_outreach.ready, cli_outreach.relay  # the fixtures: the incident and account, the server
WAIT_MS = 30_000  # generous: a busy CI machine
CUSTOMERS = (
    "Name,Email,Language,Phone,Company,Impact\n"
    "Emma Clarke,emma@example.com,en,+44 20 7946 0018,Clarke Prints,your shop could not take card payments\n"
    "Nobody,not-an-address,en,,,x\n"
    "Laura Puig,laura@example.com,ca,612 345 678,Fusteria Puig,la vostra botiga no podia cobrar amb targeta\n"
    "Pau Soler,pau@example.com,es,+34 622 111 222,Taller Soler,vuestra tienda no podía cobrar con tarjeta\n"
)
GOOD = ("emma@example.com", "laura@example.com", "pau@example.com")


def open_dialog(make_window, prompter, qtbot, folder, text=CUSTOMERS):
    """The window on incident 1, its outreach window, and the list imported from a CSV file."""
    window = make_window()
    window.context.credentials = MemoryCredentials()  # no keyring probing: the relay needs no secret
    assert window.menu_actions.reach_customers.isEnabled()
    path = folder / "customers.csv"
    path.write_text(text, encoding="utf-8")
    prompter.answers.append(path)
    window.menu_actions.reach_customers.trigger()
    dialog = window.reaching.dialogs[1]
    assert dialog.isVisible()
    dialog.open_csv.click()
    qtbot.waitUntil(lambda: dialog.customers is not None, timeout=WAIT_MS)
    return window, dialog


def fill_message(dialog, qtbot, customers=3):  # GOOD's three
    """The impact from its column, and what happened to the data for everyone."""
    dialog.mapping.choose_column("customer_impact", "Impact")
    dialog.mapping.rows["data_loss"].everyone.setText("No payment data was lost.")
    qtbot.waitUntil(lambda: dialog.plan is not None and len(dialog.plan.messages) == customers, timeout=WAIT_MS)


def test_a_bad_row_is_listed_with_its_line(ready, make_window, prompter, qtbot):
    _window, dialog = open_dialog(make_window, prompter, qtbot, ready)
    assert [row.email for row in dialog.customers.rows] == list(GOOD)
    rows = [dialog.left_out.item(i).text() for i in range(dialog.left_out.count())]
    assert len(rows) == 1 and rows[0].startswith("line 3") and "left out" in rows[0], rows
    assert "Customers read from customers.csv (UTF-8, comma): 3." in dialog.list_state.text()
    assert "Rows left out: 1" in dialog.list_state.text()
    assert dialog.next_step.isEnabled()


def test_a_paste_from_a_spreadsheet_is_read_too(ready, make_window, prompter, qtbot):
    _window, dialog = open_dialog(make_window, prompter, qtbot, ready)
    dialog.paste.setPlainText("Nom\tCorreu electrònic\nMarc Vila\tmarc@example.com\nJoan\tjoan@\n")
    dialog.use_paste.click()
    qtbot.waitUntil(lambda: dialog.customers is not None and len(dialog.customers.rows) == 1, timeout=WAIT_MS)
    assert dialog.customers.rows[0].name == "Marc Vila"
    assert dialog.left_out.count() == 1 and dialog.left_out.item(0).text().startswith("line 3")


def test_the_preview_follows_the_mapping(ready, make_window, prompter, qtbot):
    _window, dialog = open_dialog(make_window, prompter, qtbot, ready)
    mapping = dialog.mapping
    assert dialog.mapping.template_id() == "apology-email-en"
    assert mapping.explicit()["customer_name"] == "Name"  # mapped by its header
    assert mapping.explicit()["customer_impact"] == NO_COLUMN  # no header names it
    assert "Company" in mapping.ignored.text() and "Impact" in mapping.ignored.text()
    # Without an impact every customer is stopped, each listed with the reason.
    qtbot.waitUntil(lambda: mapping.stopped.count() == len(GOOD), timeout=WAIT_MS)
    assert "customer_impact" in mapping.stopped.item(0).text() and "emma@example.com" in mapping.stopped.item(0).text()
    assert not dialog.sending.send.isEnabled()

    fill_message(dialog, qtbot)
    text = mapping.preview_text()
    assert text.startswith("To: Emma Clarke <emma@example.com>\nSubject: Emma Clarke, I am sorry: Card payments")
    assert "Dear Emma Clarke," in text and "Your shop could not take card payments" in text
    assert "Hola, Laura Puig," in text  # in her language, from the list
    assert SIGNER_EMAIL in text
    assert mapping.stopped.count() == 0 and "Company" in mapping.ignored.text()
    # A value typed for everyone goes into the Catalan message as typed: the dialog says so.
    assert mapping.everyone() and "whatever its language (this list has ca, en, es)" in mapping.everyone_note.text()
    summary = dialog.sending.summary.text()
    assert summary == "Customers who will get their own message: 3; rows of the list left out (step 1): 1."

    mapping.choose_column("customer_name", "Company")  # the preview follows at once
    assert "Dear Clarke Prints," in mapping.preview_text()
    assert "Name" in mapping.ignored.text()


def send_and_wait(dialog, qtbot):
    dialog.tabs.setCurrentIndex(dialog.SEND)
    dialog.sending.rate.setValue(60_000)
    assert dialog.sending.account.currentText() == "relay"
    assert dialog.sending.send.isEnabled()
    dialog.sending.send.click()
    assert dialog.sending.running


def test_sending_reaches_each_customer_once_on_the_server(ready, relay, make_window, prompter, qtbot):
    _window, dialog = open_dialog(make_window, prompter, qtbot, ready)
    fill_message(dialog, qtbot)
    send_and_wait(dialog, qtbot)
    qtbot.waitUntil(lambda: not dialog.sending.running, timeout=WAIT_MS)
    assert received(relay.deliveries) == dict.fromkeys(GOOD, 1)  # each addressed to them alone
    progress = dialog.sending.progress
    assert progress.value() == progress.maximum()
    assert dialog.sending.counts.text().startswith("3 sent.")
    model = dialog.tracking.model
    assert [c.email for c in model.rows] == list(GOOD)
    assert {c.state for c in model.rows} == {"contacted"}
    assert all(model.text(c, model.STATE) == "Contacted" and model.text(c, 3) for c in model.rows)

    # Sent again: nobody gets a second message.
    dialog.sending.send.click()
    qtbot.waitUntil(lambda: not dialog.sending.running, timeout=WAIT_MS)
    assert "3 already sent earlier" in dialog.sending.counts.text()
    assert received(relay.deliveries) == dict.fromkeys(GOOD, 1)


def test_pause_then_resume(ready, relay, make_window, prompter, qtbot):
    lines = [f"Customer Nº{n},customer{n}@example.com,en,,,your shop {n} was down" for n in range(8)]
    _window, dialog = open_dialog(
        make_window, prompter, qtbot, ready, "Name,Email,Language,Phone,Company,Impact\n" + "\n".join(lines)
    )
    dialog.mapping.choose_column("customer_impact", "Impact")
    dialog.mapping.rows["data_loss"].everyone.setText("No data was lost.")
    qtbot.waitUntil(dialog.sending.send.isEnabled, timeout=WAIT_MS)
    relay.handler.reply_delay = 0.2  # a slow server: the run is still going when paused
    send_and_wait(dialog, qtbot)
    qtbot.waitUntil(lambda: len(relay.deliveries) >= 1, timeout=WAIT_MS)
    dialog.sending.pause.click()
    assert dialog.sending.paused and dialog.sending.pause.text() == "&Resume"
    assert dialog.sending.counts.text().startswith("Paused")
    qtbot.wait(1000)  # the message being sent finishes; then nothing more goes out
    held = len(relay.deliveries)
    assert dialog.sending.running and held < len(lines)
    qtbot.wait(600)
    assert len(relay.deliveries) == held
    dialog.sending.pause.click()  # resume
    assert not dialog.sending.paused
    qtbot.waitUntil(lambda: not dialog.sending.running, timeout=WAIT_MS)
    assert received(relay.deliveries) == {f"customer{n}@example.com": 1 for n in range(8)}


def test_marks_the_call_list_and_the_export(ready, make_window, prompter, qtbot, tmp_path):
    _window, dialog = open_dialog(make_window, prompter, qtbot, ready)
    fill_message(dialog, qtbot)
    send_and_wait(dialog, qtbot)
    qtbot.waitUntil(lambda: not dialog.sending.running, timeout=WAIT_MS)
    tracking = dialog.tracking
    dialog.tabs.setCurrentIndex(dialog.TRACKING)

    tracking.select_email("emma@example.com")
    tracking.replied.click()
    tracking.select_email("laura@example.com")
    prompter.answers.append("Wants to talk about a refund")
    tracking.needs_call.click()
    states = {c.email: c for c in tracking.model.rows}
    assert states["emma@example.com"].state == "replied" and states["emma@example.com"].replied_by == default_actor()
    laura = states["laura@example.com"]
    assert laura.state == "needs-call" and laura.call_by == default_actor()
    assert tracking.model.text(laura, tracking.model.WHY) == "Wants to talk about a refund"
    assert states["pau@example.com"].state == "contacted"

    tracking.call_list.setChecked(True)  # who must be phoned, with their numbers
    assert [(c.name, c.phone) for c in tracking.model.rows] == [("Laura Puig", "+34612345678")]
    index = tracking.model.index(0, tracking.model.PHONE)
    tracking.table.clicked.emit(index)  # a click on the number copies it
    assert QApplication.clipboard().text() == "+34612345678"
    assert "Copied +34612345678" in tracking.note.text()

    target = tmp_path / "reached.csv"
    prompter.answers.append(target)
    tracking.export.click()
    data = target.read_text(encoding="utf-8-sig").splitlines()
    assert data[0].startswith("email,name,phone,language,state,sent_at")
    assert len(data) == 4  # everyone, not only the call list
    assert any(line.startswith("laura@example.com,Laura Puig,+34612345678,ca,needs-call,") for line in data)
    assert any(line.startswith("emma@example.com,Emma Clarke,") and ",replied," in line for line in data)

    tracking.call_list.setChecked(False)
    tracking.select_email("laura@example.com")
    tracking.clear_marks.click()
    assert {c.state for c in tracking.model.rows if c.email != "emma@example.com"} == {"contacted"}


def test_the_table_opens_without_a_send_for_an_incident_already_reached(ready, make_window, prompter, qtbot):
    window, dialog = open_dialog(make_window, prompter, qtbot, ready)
    fill_message(dialog, qtbot)
    send_and_wait(dialog, qtbot)
    qtbot.waitUntil(lambda: not dialog.sending.running, timeout=WAIT_MS)
    dialog.close()
    qtbot.waitUntil(lambda: 1 not in window.reaching.dialogs, timeout=WAIT_MS)
    again = window.reaching.reach_customers()
    assert again is not dialog and again.tabs.currentIndex() == again.TRACKING
    assert len(again.tracking.model.rows) == len(GOOD)
    assert again.tracking.summary.text() == "Customers: 3 — 3 contacted."


def test_a_paused_run_ends_with_the_window_and_the_next_one_goes_on(ready, relay, make_window, prompter, qtbot):
    """Closing the window stops a paused run at once; sending again skips whoever got their message."""
    text = "Name,Email,Impact\n" + "\n".join(f"Customer Nº{n},customer{n}@example.com,shop {n} down" for n in range(6))
    window, dialog = open_dialog(make_window, prompter, qtbot, ready, text)
    fill_message(dialog, qtbot, customers=6)
    relay.handler.reply_delay = 0.2
    ended = []
    dialog.sending.ended.connect(lambda: ended.append(dialog.sending.result))
    send_and_wait(dialog, qtbot)
    qtbot.waitUntil(lambda: len(relay.deliveries) >= 1, timeout=WAIT_MS)
    dialog.sending.pause.click()
    window.close()  # the task runner is drained: the paused run must end, not wait
    assert window.is_shut_down and len(ended) == 1 and ended[0].stopped
    assert len(relay.deliveries) < 6

    relay.handler.reply_delay = 0.0
    _again, dialog = open_dialog(make_window, prompter, qtbot, ready, text)
    fill_message(dialog, qtbot, customers=6)
    send_and_wait(dialog, qtbot)
    qtbot.waitUntil(lambda: not dialog.sending.running, timeout=WAIT_MS)
    assert received(relay.deliveries) == {f"customer{n}@example.com": 1 for n in range(6)}
    assert "already sent earlier" in dialog.sending.counts.text()
