# SPDX-License-Identifier: GPL-3.0-or-later
"""Edit → Accounts… in the real window, against a real SMTP server (aiosmtpd) on 127.0.0.1.

Secrets go to the session-only in-memory credential store (the real Secret Service is covered
by the command-line tests); the no-keyring path is forced through keyring's own `fail` backend.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from keyring.backends import fail
from openssh_peer import sftp_server_fixture, ssh_keys_fixture  # noqa: F401  (the fixtures `sftp_server`, `ssh_keys`)
from PySide6.QtWidgets import QComboBox, QLineEdit
from smtp_peer import SMTP_PASSWORD, SMTP_USER, free_port

from composer.core.credentials import NO_KEYRING, MemoryCredentials
from composer.publishers.registry import Entry
from composer.ui.accounts_dialog import AccountsDialog, PathInput

WRONG_PASSWORD = "not-the-password-either-9"


@pytest.fixture
def no_keyring(monkeypatch):
    """Make keyring answer as it does on a desktop without any keyring (its `fail` backend)."""
    monkeypatch.setattr("keyring.core._keyring_backend", fail.Keyring())


def open_dialog(window, qtbot) -> AccountsDialog:
    dialog = AccountsDialog(window.context, window)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def fill_email_account(dialog, name, port, smtp_certificate, password=SMTP_PASSWORD):
    editor = dialog.edit(None)
    editor.kind.setCurrentIndex(editor.kind.findData("email"))
    editor.name.setText(name)
    values = {
        "host": "127.0.0.1",
        "port": str(port),
        "username": SMTP_USER,
        "password": password,
        "from": "Example Status <status@example.net>",
        "to": "alice@example.org",
        "ca_file": str(smtp_certificate.cert),
    }
    for field, value in values.items():
        editor.inputs[field].setText(value)
    editor.inputs["security"].setCurrentText("starttls")
    return editor


def database_bytes(home: Path) -> bytes:
    return b"".join(path.read_bytes() for path in home.glob("composer.db*"))


def test_adding_an_email_account_keeps_the_secret_in_the_credential_store_only(
    make_window, qtbot, home, smtp_certificate
):
    window = make_window()
    window.context.credentials = secrets = MemoryCredentials()
    dialog = open_dialog(window, qtbot)
    assert "Passwords and tokens are kept" in dialog.where.text()
    assert "session only" in dialog.where.text()
    editor = fill_email_account(dialog, "status mail", 2525, smtp_certificate)

    # The form comes from the publisher's fields: secrets hidden, choices as lists, help as tips.
    password = editor.inputs["password"]
    assert isinstance(password, QLineEdit) and password.echoMode() == QLineEdit.EchoMode.Password
    assert isinstance(editor.inputs["security"], QComboBox)
    assert editor.inputs["security"].count() == 3
    assert "smtp.example.net" in editor.inputs["host"].toolTip()
    assert editor.form.labelForField(editor.inputs["host"]).text() == "SMTP server *"
    assert editor.form.labelForField(editor.inputs["bcc"]).text() == "Bcc"

    editor.save_button.click()
    assert editor.error.text() == ""
    [(name, kind, settings)] = window.store.accounts()
    assert (name, kind) == ("status mail", "email")
    assert settings["host"] == "127.0.0.1" and settings["port"] == "2525"
    assert "password" not in settings
    assert secrets.get("status mail") == SMTP_PASSWORD
    window.store._conn.execute("PRAGMA wal_checkpoint(FULL)")
    assert SMTP_PASSWORD.encode() not in database_bytes(home)
    assert dialog.secret_state("status mail") == "session only"


def test_a_missing_required_field_is_said_and_nothing_is_saved(make_window, qtbot, smtp_certificate):
    window = make_window()
    window.context.credentials = MemoryCredentials()
    dialog = open_dialog(window, qtbot)
    editor = fill_email_account(dialog, "status mail", 2525, smtp_certificate)
    editor.inputs["from"].setText("")
    editor.save_button.click()
    assert editor.error.text() == "From is required."
    assert window.store.accounts() == []
    assert editor.isVisible()


def test_test_connection_reports_success_then_a_wrong_password(make_window, qtbot, smtp_certificate, starttls_server):
    window = make_window()
    window.context.credentials = secrets = MemoryCredentials()
    dialog = open_dialog(window, qtbot)
    fill_email_account(dialog, "status mail", starttls_server.port, smtp_certificate).save_button.click()

    with qtbot.waitSignal(dialog.tested, timeout=15_000) as signal:
        dialog.test_button.click()
    ok, text = signal.args
    assert ok, text
    assert f"Connected to 127.0.0.1:{starttls_server.port} as {SMTP_USER}" in text
    assert dialog.test_result.text().startswith("✔")

    # Edit: the stored password is never shown; a new one replaces it.
    editor = dialog.edit("status mail")
    assert editor.inputs["password"].text() == ""
    assert editor.inputs["password"].placeholderText() == "Leave blank to keep the stored one"
    assert editor.inputs["host"].text() == "127.0.0.1"
    editor.inputs["password"].setText(WRONG_PASSWORD)
    editor.save_button.click()
    assert secrets.get("status mail") == WRONG_PASSWORD

    with qtbot.waitSignal(dialog.tested, timeout=15_000) as signal:
        dialog.test_button.click()
    ok, text = signal.args
    assert not ok
    assert "status mail:" in text and "refused the user name or password" in text, text
    assert WRONG_PASSWORD not in dialog.test_result.text() and SMTP_PASSWORD not in dialog.test_result.text()


def test_blank_password_on_edit_keeps_the_stored_one(make_window, qtbot, smtp_certificate):
    window = make_window()
    window.context.credentials = secrets = MemoryCredentials()
    dialog = open_dialog(window, qtbot)
    fill_email_account(dialog, "status mail", 2525, smtp_certificate).save_button.click()
    editor = dialog.edit("status mail")
    assert not editor.name.isEnabled() or editor.name.isReadOnly()
    editor.inputs["to"].setText("bob@example.org")
    editor.save_button.click()
    assert secrets.get("status mail") == SMTP_PASSWORD
    assert window.store.accounts()[0][2]["to"] == "bob@example.org"


def test_test_connection_to_a_closed_port_says_what_is_wrong(make_window, qtbot, smtp_certificate):
    window = make_window()
    window.context.credentials = MemoryCredentials()
    dialog = open_dialog(window, qtbot)
    port = free_port()
    fill_email_account(dialog, "status mail", port, smtp_certificate).save_button.click()
    with qtbot.waitSignal(dialog.tested, timeout=15_000) as signal:
        dialog.test_button.click()
    ok, text = signal.args
    assert not ok
    assert f"127.0.0.1:{port}" in text, text


def test_browse_fills_a_path_field_and_cancelling_leaves_it(make_window, qtbot, monkeypatch, smtp_certificate):
    window = make_window()
    window.context.credentials = MemoryCredentials()
    dialog = open_dialog(window, qtbot)
    editor = fill_email_account(dialog, "status mail", 2525, smtp_certificate)
    ca_file = editor.inputs["ca_file"]
    assert isinstance(ca_file, PathInput) and ca_file.browse_button.text() == "Browse…"
    assert editor.form.labelForField(ca_file).text() == "CA certificates"
    asked: list[tuple[str, str]] = []
    answers = ["", str(smtp_certificate.key)]  # cancel, then choose a file

    def ask(_parent, title, folder):
        asked.append((title, folder))
        return answers.pop(0)

    monkeypatch.setattr(PathInput, "ask", staticmethod(ask))  # no modal dialog in tests
    ca_file.setText("")
    ca_file.browse_button.click()
    assert asked == [("CA certificates", str(Path.home()))]  # nothing typed: the home folder
    assert ca_file.text() == ""

    ca_file.setText(str(smtp_certificate.cert))
    ca_file.browse_button.click()
    assert asked[-1] == ("CA certificates", str(smtp_certificate.cert.parent))  # the current value's folder
    assert ca_file.text() == str(smtp_certificate.key)

    answers.append("")  # cancelling keeps the value there
    ca_file.browse_button.click()
    assert ca_file.text() == str(smtp_certificate.key)
    editor.save_button.click()
    assert window.store.accounts()[0][2]["ca_file"] == str(smtp_certificate.key)


def test_test_connection_in_the_form_uses_it_unsaved_and_stores_nothing(
    make_window, qtbot, home, smtp_certificate, starttls_server
):
    window = make_window()
    window.context.credentials = secrets = MemoryCredentials()
    dialog = open_dialog(window, qtbot)
    editor = fill_email_account(dialog, "status mail", starttls_server.port, smtp_certificate)

    with qtbot.waitSignal(editor.tested, timeout=15_000) as signal:
        editor.test_button.click()
    ok, text = signal.args
    assert ok, text
    assert f"Connected to 127.0.0.1:{starttls_server.port} as {SMTP_USER}" in text
    assert editor.test_result.text().startswith("✔")

    editor.inputs["password"].setText(WRONG_PASSWORD)
    with qtbot.waitSignal(editor.tested, timeout=15_000) as signal:
        editor.test_button.click()
    ok, text = signal.args
    assert not ok
    assert "status mail:" in text and "refused the user name or password" in text, text
    assert editor.test_result.text().startswith("✘")
    assert WRONG_PASSWORD not in editor.test_result.text()

    # Testing wrote nothing: no secret, no account; the form is still open to fix and save.
    assert secrets.get("status mail") is None
    assert window.store.accounts() == []
    window.store._conn.execute("PRAGMA wal_checkpoint(FULL)")
    assert SMTP_PASSWORD.encode() not in database_bytes(home)
    assert editor.isVisible() and dialog.list.topLevelItemCount() == 0

    editor.inputs["password"].setText(SMTP_PASSWORD)
    editor.save_button.click()
    assert secrets.get("status mail") == SMTP_PASSWORD


def test_test_connection_in_the_form_says_a_missing_field_like_save(make_window, qtbot, smtp_certificate):
    window = make_window()
    window.context.credentials = MemoryCredentials()
    dialog = open_dialog(window, qtbot)
    editor = fill_email_account(dialog, "status mail", 2525, smtp_certificate)
    editor.inputs["from"].setText("")
    with qtbot.assertNotEmitted(editor.tested, wait=200):
        editor.test_button.click()
    assert editor.error.text() == "From is required."
    assert editor.test_result.text() == ""
    editor.inputs["from"].setText("Status <status@example.org>")
    editor.name.setText("")
    editor.test_button.click()
    assert editor.error.text() == "Give the account a name."


def test_test_connection_in_the_form_of_a_saved_account_uses_the_stored_secret(
    make_window, qtbot, smtp_certificate, starttls_server
):
    window = make_window()
    window.context.credentials = secrets = MemoryCredentials()
    dialog = open_dialog(window, qtbot)
    fill_email_account(dialog, "status mail", starttls_server.port, smtp_certificate).save_button.click()
    editor = dialog.edit("status mail")
    assert editor.inputs["password"].text() == ""
    with qtbot.waitSignal(editor.tested, timeout=15_000) as signal:
        editor.test_button.click()
    ok, text = signal.args
    assert ok, text

    # The form, not the store: an unsaved port is what gets tested.
    port = free_port()
    editor.inputs["port"].setText(str(port))
    with qtbot.waitSignal(editor.tested, timeout=15_000) as signal:
        editor.test_button.click()
    ok, text = signal.args
    assert not ok and f"127.0.0.1:{port}" in text, text
    assert window.store.accounts()[0][2]["port"] == str(starttls_server.port)
    assert secrets.get("status mail") == SMTP_PASSWORD


def test_test_connection_in_the_form_without_a_keyring_asks_nothing_keeps_nothing(
    make_window, qtbot, smtp_certificate, starttls_server, no_keyring
):
    window = make_window()
    dialog = open_dialog(window, qtbot)
    editor = fill_email_account(dialog, "status mail", starttls_server.port, smtp_certificate)
    with qtbot.waitSignal(editor.tested, timeout=15_000) as signal:
        editor.test_button.click()  # no question: the typed password is only for this test
    ok, text = signal.args
    assert ok, text
    assert window.context.session_secrets_consent is None
    assert window.context.credentials is None
    assert window.store.accounts() == []


def test_no_keyring_offers_session_only_once_and_marks_those_accounts(
    make_window, qtbot, prompter, smtp_certificate, no_keyring
):
    window = make_window()
    dialog = open_dialog(window, qtbot)
    assert dialog.where.text() == NO_KEYRING  # said in plain words
    assert dialog.session_button.isVisibleTo(dialog)

    prompter.answers.append(True)  # "Keep passwords and tokens in memory for this session only?" -> yes
    fill_email_account(dialog, "status mail", 2525, smtp_certificate).save_button.click()
    assert window.context.session_secrets_consent is True
    assert window.context.credentials.get("status mail") == SMTP_PASSWORD
    assert dialog.secret_state("status mail") == "session only"
    assert "session only" in dialog.where.text()
    assert not dialog.session_button.isVisibleTo(dialog)

    fill_email_account(dialog, "second mail", 2526, smtp_certificate).save_button.click()  # not asked again
    assert not prompter.answers
    assert {name for name, _kind, _settings in window.store.accounts()} == {"status mail", "second mail"}


def test_declining_session_only_saves_nothing_and_is_not_asked_again(
    make_window, qtbot, prompter, smtp_certificate, no_keyring
):
    window = make_window()
    dialog = open_dialog(window, qtbot)
    prompter.answers.append(False)
    editor = fill_email_account(dialog, "status mail", 2525, smtp_certificate)
    editor.save_button.click()
    assert editor.error.text() == NO_KEYRING
    assert window.store.accounts() == []
    assert window.context.session_secrets_consent is False
    editor.save_button.click()  # the answer is kept for the session: no second question
    assert not prompter.answers
    assert window.store.accounts() == []


def test_unavailable_kinds_are_listed_disabled_with_their_error(make_window, qtbot):
    window = make_window()
    window.context.credentials = MemoryCredentials()
    window.context.publishers()["pigeon"] = Entry(
        id="pigeon", source="pigeon-post 1.0", error="plugin pigeon was written for publisher API 9"
    )
    dialog = open_dialog(window, qtbot)
    editor = dialog.edit(None)
    index = editor.kind.findData("pigeon")
    item = editor.kind.model().item(index)
    assert not item.isEnabled()
    assert "publisher API 9" in item.toolTip()
    assert editor.kind.currentData() == "email"  # an available kind is chosen first


def test_remove_forgets_the_account_and_its_secret(make_window, qtbot, prompter, smtp_certificate):
    window = make_window()
    window.context.credentials = secrets = MemoryCredentials()
    dialog = open_dialog(window, qtbot)
    fill_email_account(dialog, "status mail", 2525, smtp_certificate).save_button.click()
    prompter.answers.append(True)
    dialog.remove_button.click()
    assert window.store.accounts() == []
    assert secrets.get("status mail") is None
    assert dialog.list.topLevelItemCount() == 0


def test_edit_menu_opens_the_accounts_dialog(make_window, qtbot):
    window = make_window()
    window.context.credentials = MemoryCredentials()
    window.menu_actions.accounts.trigger()
    dialog = window.publishing.accounts_dialog
    assert dialog.isVisible()
    assert window.menu_actions.accounts in window.menuBar().actions()[1].menu().actions()


def test_an_sftp_account_shows_the_host_key_to_confirm_then_pins_it(
    make_window, qtbot, prompter, sftp_server, ssh_keys
):
    """A real sshd: testing the form shows the server's fingerprint; saying it is the right one
    pins it in the form (and the test then logs in); refusing pins nothing; saving needs a pin."""
    from openssh_peer import fingerprint

    window = make_window()
    window.context.credentials = MemoryCredentials()
    dialog = open_dialog(window, qtbot)
    editor = dialog.edit(None)
    editor.kind.setCurrentIndex(editor.kind.findData("sftp"))
    editor.name.setText("status page")
    values = {
        "host": sftp_server.host,
        "port": str(sftp_server.port),
        "folder": str(sftp_server.site),
        "username": sftp_server.username,
        "key_file": str(ssh_keys.client),
    }
    for field, value in values.items():
        editor.inputs[field].setText(value)
    editor.save_button.click()
    assert "Test the connection first" in editor.error.text() and window.store.accounts() == []

    prompter.answers.append(False)  # "no, that is not the fingerprint my host gave me"
    with qtbot.waitSignal(editor.tested, timeout=15_000) as signal:
        editor.test_button.click()
    assert signal.args[0] is False and "not trusted" in signal.args[1]
    assert editor.inputs["host_key"].text() == ""

    prompter.answers.append(True)
    with qtbot.waitSignal(editor.tested, timeout=15_000) as signal:
        editor.test_button.click()
    ok, text = signal.args
    assert ok, text
    pinned = fingerprint(ssh_keys.host.with_suffix(".pub"))
    assert editor.inputs["host_key"].text() == pinned
    assert editor.inputs["host_key_type"].text() == "ssh-ed25519"
    editor.save_button.click()
    assert window.store.accounts()[0][2]["host_key"] == pinned
