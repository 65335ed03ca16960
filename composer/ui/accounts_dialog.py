# SPDX-License-Identifier: GPL-3.0-or-later
"""Edit → Accounts…: the accounts updates are published to, and where their secrets are kept.

Settings go to the store; a secret goes to the OS keyring only (or, when there is no keyring
and the user agreed, to memory for this session). A stored secret is never shown again:
editing leaves the secret field blank, and blank means "keep it". Test connection works on
the saved account (in the list) and on the form as it stands (in the editor): a secret typed
there is used for that test only and goes to the keyring only when the account is saved.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from html import escape
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from composer.core.i18n import _
from composer.core.secrets import scrub
from composer.core.store import SaveFailed
from composer.publishers.accounts import credentials_for, load_accounts, settings_problem
from composer.publishers.base import Account, PublishError
from composer.ui.publishing_context import credential_store

if TYPE_CHECKING:
    from composer.app import AppContext
    from composer.publishers.base import AccountField, Publisher
    from composer.publishers.registry import Entry


FIXED_ROWS = 3  # kind, name, why a kind is unavailable


def _field_value(widget: QWidget) -> str:
    if isinstance(widget, QComboBox):
        return widget.currentText().strip()
    return widget.text().strip()  # type: ignore[attr-defined]


def _stored_secret(context: AppContext, name: str) -> str | None:
    """The secret kept for the account `name`, None if none. Never asks; raises CredentialError."""
    store = credential_store(context, ask=False)
    return store.get(name) if store is not None else None


def start_connection_test(
    context: AppContext,
    publisher: Publisher,
    account: Account,
    secret: str | None,
    show: Callable[[bool, str], None],
    *,
    unknown_host_key: Callable[[str, str], None] | None = None,
) -> None:
    """Run the publisher's check in a worker; `show(ok, text)` gets the outcome on the UI thread.
    `unknown_host_key(fingerprint, key_type)`: an SFTP server whose key is not pinned yet showed this one.

    The worker gets plain values only (the account and its credentials), never a widget.
    """
    credentials = credentials_for(publisher, secret)

    def failed(error: Exception) -> None:
        from composer.publishers.sftp_host import UnknownHostKey  # noqa: PLC0415

        if isinstance(error, UnknownHostKey) and unknown_host_key is not None:
            unknown_host_key(error.fingerprint, error.key_type)
            return
        if isinstance(error, PublishError):
            text = scrub(str(error), secret)
        else:  # not a publishing error: its text may hold anything, name only its kind
            text = QCoreApplication.translate("AccountsDialog", "Unexpected error (%1).").replace(
                "%1", type(error).__name__
            )
        show(False, f"{account.name}: {text}")

    context.runner().run(
        lambda _report, _cancel: publisher.test_connection(account, credentials),
        done=lambda message: show(True, scrub(str(message), secret)),
        failed=failed,
        name=f"test {account.name}",
    )


class PathInput(QWidget):
    """A file path: its line edit, and a Browse… button beside it that picks a file."""

    def __init__(self, edit: QLineEdit, title: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.edit = edit
        self.title = title
        self.browse_button = QPushButton(self.tr("Browse…"))
        self.browse_button.setAccessibleName(self.tr("Browse for %1").replace("%1", title))
        self.browse_button.clicked.connect(self.browse)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(edit, 1)
        layout.addWidget(self.browse_button)
        self.setFocusProxy(edit)

    def text(self) -> str:
        return self.edit.text()

    def setText(self, text: str) -> None:  # stands in for the QLineEdit it wraps
        self.edit.setText(text)

    def start_folder(self) -> str:
        """The current value's folder when it exists, else the home folder."""
        value = self.text().strip()
        if value:
            path = Path(value).expanduser()
            folder = path if path.is_dir() else path.parent
            if folder.is_dir():
                return str(folder)
        return str(Path.home())

    def browse(self) -> None:
        chosen = self.ask(self, self.title, self.start_folder())
        if chosen:  # cancelled: keep what was there
            self.edit.setText(chosen)

    @classmethod
    def ask(cls, parent: QWidget, title: str, folder: str) -> str:
        """The file chosen in the standard Open dialog, "" when cancelled. Tests patch this."""
        name, _filter = QFileDialog.getOpenFileName(parent, title, folder)
        return name


class AccountEditor(QDialog):
    """Add or edit one account: a form built from its publisher's declarative `account_fields`."""

    saved = Signal(str)  # the account's name
    tested = Signal(bool, str)  # ok, the message shown

    def __init__(self, context: AppContext, account: Account | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        self.context = context
        self.account = account
        self.setWindowTitle(self.tr("Edit account") if account else self.tr("Add an account"))
        self.setObjectName("accountEditor")
        self.resize(540, 520)
        self.entries: dict[str, Entry] = context.publishers()
        self.kind = QComboBox()
        model = self.kind.model()
        for number, entry in enumerate(self.entries.values()):
            if entry.publisher is not None:
                self.kind.addItem(_(entry.publisher.display_name), entry.id)
            else:  # shown, but not choosable: say why it cannot be used
                self.kind.addItem(self.tr("%1 — unavailable").replace("%1", entry.id), entry.id)
                item = model.item(number)  # type: ignore[attr-defined]
                item.setEnabled(False)
                item.setToolTip(entry.error)
        self.unavailable = QLabel()
        self.unavailable.setWordWrap(True)
        self.name = QLineEdit()
        self.name.setPlaceholderText(self.tr("A name you recognise, e.g. “status mail”"))
        self.form_holder = QWidget()
        self.form = QFormLayout(self.form_holder)  # kind and name, then the publisher's own fields
        self.form.setContentsMargins(0, 0, 0, 0)
        self.inputs: dict[str, QWidget] = {}
        self.error = QLabel()
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #b00020")
        self.test_result = QLabel()
        self.test_result.setWordWrap(True)
        self.test_result.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        self.save_button = buttons.button(QDialogButtonBox.StandardButton.Save)
        self.test_button = buttons.addButton(self.tr("&Test connection"), QDialogButtonBox.ButtonRole.ActionRole)
        self.test_button.clicked.connect(self.test_connection)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        self.form.addRow(self.tr("Kind"), self.kind)
        self.form.addRow(self.tr("Name *"), self.name)
        self.form.addRow(self.unavailable)
        layout = QVBoxLayout(self)
        layout.addWidget(self.form_holder)
        layout.addStretch(1)
        layout.addWidget(QLabel(self.tr("* required. Passwords and tokens are kept %1.").replace("%1", self._where())))
        layout.addWidget(self.test_result)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        if account is not None:
            self.name.setText(account.name)
            self.name.setReadOnly(True)  # the secret is filed under the name
            self.kind.setCurrentIndex(max(0, self.kind.findData(account.kind)))
            self.kind.setEnabled(False)
        else:
            first = next((i for i, e in enumerate(self.entries.values()) if e.publisher is not None), 0)
            self.kind.setCurrentIndex(first)
        self.kind.currentIndexChanged.connect(self._build_form)
        self._build_form()

    def _where(self) -> str:
        store = credential_store(self.context, ask=False)
        if store is not None:
            return store.where()
        return self.tr("nowhere yet: there is no keyring (you will be asked about this session)")

    @property
    def entry(self) -> Entry | None:
        return self.entries.get(self.kind.currentData())

    def _has_secret(self) -> bool:
        if self.account is None:
            return False
        from composer.core.credentials import CredentialError  # noqa: PLC0415

        try:
            return _stored_secret(self.context, self.account.name) is not None
        except CredentialError:
            return False

    def _build_form(self) -> None:
        while self.form.rowCount() > FIXED_ROWS:
            self.form.removeRow(FIXED_ROWS)
        self.inputs.clear()
        entry = self.entry
        self.unavailable.setText(entry.error if entry is not None and entry.publisher is None else "")
        self.unavailable.setVisible(bool(self.unavailable.text()))
        self.save_button.setEnabled(entry is not None and entry.publisher is not None)
        self.test_button.setEnabled(self.save_button.isEnabled())
        self.test_result.clear()
        if entry is None or entry.publisher is None:
            return
        settings = self.account.settings if self.account else {}
        keep_secret = self._has_secret()
        for field in entry.publisher.account_fields:
            widget = self._input_for(field, settings.get(field.name, field.default), keep_secret)
            required = field.required and not (field.secret and keep_secret)
            self.form.addRow(_(field.label) + (" *" if required else ""), widget)
            self.inputs[field.name] = widget

    def _input_for(self, field: AccountField, value: str, keep_secret: bool) -> QWidget:
        """The field's editor; its label and help are the publisher's, marked for gettext (N_)."""
        label, help_text = _(field.label), _(field.help)
        widget: QWidget
        if field.choices:
            widget = QComboBox()
            widget.addItems(list(field.choices))
            widget.setCurrentIndex(max(0, widget.findText(value)))
        else:
            widget = QLineEdit()
            if field.secret:
                widget.setEchoMode(QLineEdit.EchoMode.Password)
                widget.setPlaceholderText(self.tr("Leave blank to keep the stored one") if keep_secret else help_text)
            else:
                widget.setText(value)
                widget.setPlaceholderText(help_text)
        widget.setToolTip(help_text)
        widget.setAccessibleName(label)
        if field.kind == "path" and isinstance(widget, QLineEdit) and not field.secret:
            return PathInput(widget, label)
        return widget

    def values(self) -> tuple[dict[str, str], str]:
        """The settings to store (non-empty, no secret) and the secret typed (may be empty)."""
        settings: dict[str, str] = {}
        secret = ""
        entry = self.entry
        for field in entry.publisher.account_fields if entry and entry.publisher else ():
            value = _field_value(self.inputs[field.name])
            if field.secret:
                secret = secret or value
            elif value:
                settings[field.name] = value
        return settings, secret

    def problem(self, settings: dict[str, str], secret: str, *, saving: bool = True) -> str:
        """What stops saving (or, not `saving`, testing), in plain words ("" when nothing does).
        Same rules as `accounts add`."""
        entry = self.entry
        if entry is None or entry.publisher is None:
            return self.tr("Choose a kind of account that is available.")
        name = self.name.text().strip()
        if not name:
            return self.tr("Give the account a name.")
        if self.account is None and name in load_accounts(self.context.store):
            return self.tr("There is already an account named “%1”.").replace("%1", name)
        problem = settings_problem(entry.publisher, settings, has_secret=bool(secret) or self._has_secret())
        if problem:
            return scrub(problem, secret)
        if saving and callable(getattr(entry.publisher, "host_key_offer", None)) and not settings.get("host_key"):
            return self.tr("Test the connection first: it shows the server's host key for you to confirm.")
        return ""

    def save(self) -> bool:
        """Check, then the secret to the keyring (only there), then the settings to the store."""
        from composer.core.credentials import CredentialError  # noqa: PLC0415

        settings, secret = self.values()
        problem = self.problem(settings, secret)
        if problem:
            self.error.setText(problem)
            return False
        name = self.name.text().strip()
        if secret:
            store = credential_store(self.context, ask=True)
            if store is None:
                self.error.setText(
                    self.context.keyring_problem
                    or self.tr("The password could not be kept: the keyring is not available. Nothing was saved.")
                )
                return False
            try:
                store.set(name, secret)
            except CredentialError as error:
                self.error.setText(error.message)
                return False
        try:
            self.context.store.save_account(name, self.entry.id, settings)  # type: ignore[union-attr]
        except SaveFailed as error:
            self.error.setText(str(error))
            return False
        self.saved.emit(name)
        self.accept()
        return True

    def test_connection(self) -> None:
        """Test the account as the form says now, without saving it or its secret."""
        from composer.core.credentials import CredentialError  # noqa: PLC0415

        settings, secret = self.values()
        problem = self.problem(settings, secret, saving=False)
        self.test_result.clear()
        self.error.setText(problem)
        if problem:
            return
        name = self.name.text().strip()
        if not secret and self.account is not None:  # blank means the stored one, as on save
            try:
                secret = _stored_secret(self.context, self.account.name) or ""
            except CredentialError as error:
                self._show_test(False, error.message)
                return
        self.test_button.setEnabled(False)
        self.test_result.setText(self.tr("Testing %1…").replace("%1", name))
        entry = self.entry
        if entry is None or entry.publisher is None:  # problem() said so already
            return
        account = Account(name, entry.id, settings)
        start_connection_test(
            self.context, entry.publisher, account, secret, self._show_test, unknown_host_key=self._offer_host_key
        )

    def _offer_host_key(self, fingerprint: str, key_type: str) -> None:
        """The server's key, to pin once the user says it is the one their host gave them."""
        settings, _secret = self.values()
        where = f"{settings.get('host', '')}:{settings.get('port') or 22}"
        question = self.tr(
            "The server at %1 shows a %2 host key with the fingerprint\n\n%3\n\n"
            "Is this the fingerprint your host gave you? Only then trust it: a server showing "
            "another key later is refused."
        )
        text = question.replace("%1", where).replace("%2", key_type).replace("%3", fingerprint)
        if not self.context.prompter.confirm(self.tr("Trust this server?"), text):
            self._show_test(False, self.tr("Host key not trusted: nothing is uploaded to this server."))
            return
        for field, value in (("host_key", fingerprint), ("host_key_type", key_type)):
            widget = self.inputs.get(field)
            if isinstance(widget, QLineEdit):
                widget.setText(value)
        self.test_connection()  # again, now with the key pinned

    def _show_test(self, ok: bool, text: str) -> None:
        self.test_result.setText(("✔ " if ok else "✘ ") + text)
        self.test_button.setEnabled(self.save_button.isEnabled())
        self.tested.emit(ok, text)


class AccountsDialog(QDialog):
    """The list of accounts with Add / Edit / Remove / Test connection, and where secrets live."""

    tested = Signal(bool, str)  # ok, the message shown

    def __init__(self, context: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.context = context
        self.setWindowTitle(self.tr("Accounts"))
        self.setObjectName("accountsDialog")
        self.resize(720, 440)
        self.editor: AccountEditor | None = None
        self.where = QLabel()
        self.where.setWordWrap(True)
        self.where.setTextFormat(Qt.TextFormat.RichText)
        self.session_button = QPushButton(self.tr("Keep secrets for this session only…"))
        self.session_button.clicked.connect(self.accept_session_only)
        self.list = QTreeWidget()
        self.list.setAccessibleName(self.tr("Accounts"))
        self.list.setRootIsDecorated(False)
        self.list.setHeaderLabels([self.tr("Name"), self.tr("Kind"), self.tr("Server or handle"), self.tr("Secret")])
        self.list.setColumnWidth(0, 160)
        self.list.setColumnWidth(1, 120)
        self.list.setColumnWidth(2, 200)
        self.add_button = QPushButton(self.tr("&Add…"))
        self.edit_button = QPushButton(self.tr("&Edit…"))
        self.remove_button = QPushButton(self.tr("&Remove"))
        self.test_button = QPushButton(self.tr("&Test connection"))
        self.add_button.clicked.connect(lambda: self.edit(None))
        self.edit_button.clicked.connect(lambda: self.edit(self.current_name()))
        self.remove_button.clicked.connect(self.remove)
        self.test_button.clicked.connect(self.test_connection)
        self.list.itemDoubleClicked.connect(lambda *_: self.edit(self.current_name()))
        self.list.currentItemChanged.connect(lambda *_: self._refresh_buttons())
        side = QVBoxLayout()
        for button in (self.add_button, self.edit_button, self.remove_button, self.test_button):
            side.addWidget(button)
        side.addStretch(1)
        middle = QHBoxLayout()
        middle.addWidget(self.list, 1)
        middle.addLayout(side)
        self.test_result = QLabel()
        self.test_result.setWordWrap(True)
        self.test_result.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        top = QHBoxLayout()
        top.addWidget(self.where, 1)
        top.addWidget(self.session_button, 0, Qt.AlignmentFlag.AlignTop)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(middle, 1)
        layout.addWidget(self.test_result)
        layout.addWidget(buttons)
        self.reload()

    # -- showing -----------------------------------------------------------------

    def reload(self, select: str | None = None) -> None:
        store = credential_store(self.context, ask=False)
        if store is not None:
            self.where.setText(self.tr("Passwords and tokens are kept <b>%1</b>.").replace("%1", escape(store.where())))
        elif self.context.keyring_problem:
            self.where.setText(escape(self.context.keyring_problem))
        else:
            self.where.setText(self.tr("The keyring is locked. Unlock it, then reopen this window."))
        self.session_button.setVisible(
            store is None and bool(self.context.keyring_problem) and self.context.session_secrets_consent is None
        )
        select = select or self.current_name()
        self.list.clear()
        entries = self.context.publishers()
        for account in load_accounts(self.context.store).values():
            entry = entries.get(account.kind)
            publisher = entry.publisher if entry else None
            kind = _(publisher.display_name) if publisher else self.tr("%1 (unavailable)").replace("%1", account.kind)
            where = account.settings.get("url") or account.settings.get("host") or account.settings.get("handle", "")
            item = QTreeWidgetItem([account.name, kind, where, self._secret_state(account, publisher)])
            item.setData(0, Qt.ItemDataRole.UserRole, account.name)
            if entry is not None and entry.publisher is None:
                item.setToolTip(1, entry.error)
            self.list.addTopLevelItem(item)
            if account.name == select:
                self.list.setCurrentItem(item)
        first = self.list.topLevelItem(0)
        if self.list.currentItem() is None and first is not None:
            self.list.setCurrentItem(first)
        self._refresh_buttons()

    def _secret_state(self, account: Account, publisher: Publisher | None) -> str:
        from composer.core.credentials import CredentialError  # noqa: PLC0415

        if publisher is not None and not any(f.secret for f in publisher.account_fields):
            return self.tr("none needed")
        store = self.context.credentials
        if store is None:
            return self.tr("not stored")
        try:
            stored = store.get(account.name) is not None
        except CredentialError:
            return self.tr("keyring unavailable")
        if not stored:
            return self.tr("none stored")
        return self.tr("in the keyring") if store.persistent else self.tr("session only")

    def current_name(self) -> str | None:
        item = self.list.currentItem()
        return item.data(0, Qt.ItemDataRole.UserRole) if item else None

    def secret_state(self, name: str) -> str:
        for index in range(self.list.topLevelItemCount()):
            item = self.list.topLevelItem(index)
            if item is not None and item.data(0, Qt.ItemDataRole.UserRole) == name:
                return item.text(3)
        return ""

    def _refresh_buttons(self) -> None:
        chosen = self.current_name() is not None
        for button in (self.edit_button, self.remove_button, self.test_button):
            button.setEnabled(chosen)

    # -- commands ----------------------------------------------------------------

    def accept_session_only(self) -> None:
        credential_store(self.context, ask=True)
        self.reload()

    def edit(self, name: str | None) -> AccountEditor:
        """Open the form (non-blocking) to add an account, or edit the named one. Returns it (tests)."""
        account = load_accounts(self.context.store).get(name) if name else None
        self.editor = AccountEditor(self.context, account, self)
        self.editor.saved.connect(self.reload)
        self.editor.open()
        return self.editor

    def remove(self) -> None:
        from composer.core.credentials import CredentialError  # noqa: PLC0415

        name = self.current_name()
        if name is None:
            return
        if not self.context.prompter.confirm(
            self.tr("Remove account"),
            self.tr("Remove the account “%1”? Its password or token is forgotten too.").replace("%1", name),
        ):
            return
        try:
            self.context.store.remove_account(name)
        except SaveFailed as error:
            self.context.prompter.warn(self.tr("Remove account"), str(error))
            return
        store = self.context.credentials
        if store is not None:
            with contextlib.suppress(CredentialError):  # the account is gone; an unreachable secret stays
                store.delete(name)
        self.reload()

    def test_connection(self) -> None:
        """Runs the saved account's check in a worker; says exactly what is wrong when it fails."""
        from composer.core.credentials import CredentialError  # noqa: PLC0415

        name = self.current_name()
        account = load_accounts(self.context.store).get(name or "")
        entry = self.context.publishers().get(account.kind) if account else None
        if account is None or entry is None or entry.publisher is None:
            self._show_test(
                False,
                self.tr("This kind of account cannot be used: %1").replace(
                    "%1", entry.error if entry else "no publisher"
                ),
            )
            return
        try:
            secret = _stored_secret(self.context, account.name)
        except CredentialError as error:
            self._show_test(False, error.message)
            return
        self.test_button.setEnabled(False)
        self.test_result.setText(self.tr("Testing %1…").replace("%1", account.name))
        start_connection_test(self.context, entry.publisher, account, secret, self._show_test)

    def _show_test(self, ok: bool, text: str) -> None:
        self.test_result.setText(("✔ " if ok else "✘ ") + text)
        self._refresh_buttons()
        self.tested.emit(ok, text)
