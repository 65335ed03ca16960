# SPDX-License-Identifier: GPL-3.0-or-later
"""The window's publishing commands: Accounts…, Publish…, and what they share (secrets, accounts).

Mirrors `composer.cli.accounts`: settings in the store, the secret in the keyring only (or,
if the user agreed because there is no keyring, in memory for this session), publishing
through the same `PublishingService` and its durable outbox.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from composer.core.model import Event, Publication, Update
from composer.core.store import SaveFailed
from composer.publishers.accounts import load_accounts

if TYPE_CHECKING:
    from composer.app import AppContext
    from composer.core.credentials import CredentialStore
    from composer.core.store import Store
    from composer.publishers.base import PublishableUpdate
    from composer.publishers.service import Outcome, PublishingService
    from composer.ui.main_window import MainWindow
    from composer.ui.publish_dialog import PublishDialog

LAST_ACCOUNTS = "publish/lastAccounts"  # QSettings key; "/<incident id>" for one incident's choice
SESSION_ONLY_QUESTION = ("Keep passwords and tokens in memory for this session only? They are forgotten "
                         "when Incident Composer closes, and you will need to enter them again next time.")


def credential_store(context: AppContext, *, ask: bool) -> CredentialStore | None:
    """Where secrets go: the OS keyring; with no keyring, memory for this session if the user agrees.

    The user is asked once per session (only when `ask`); the answer is kept in the context.
    None when there is nowhere to keep a secret (a locked keyring is said, not remembered).
    """
    if context.credentials is not None:
        return context.credentials
    from composer.core.credentials import CredentialError, MemoryCredentials, open_credentials  # noqa: PLC0415

    if not context.keyring_problem:
        try:
            store, _reason = open_credentials(allow_session_fallback=False)
        except CredentialError as error:
            if error.kind != "unavailable":
                if ask:
                    context.prompter.warn("Keyring", error.message)
                return None
            context.keyring_problem = error.message
        else:
            context.credentials = store
            return store
    if context.session_secrets_consent is None and ask:
        context.session_secrets_consent = context.prompter.confirm(
            "No keyring", f"{context.keyring_problem}\n\n{SESSION_ONLY_QUESTION}")
    if context.session_secrets_consent:
        context.credentials = MemoryCredentials()
        return context.credentials
    return None


def post_link(receipt: dict[str, object] | object) -> str:
    """A link to a sent post: its URL, else an email's Message-ID as a `mid:` URL (RFC 2392)."""
    data = receipt if isinstance(receipt, dict) else vars(receipt)
    url = str(data.get("url") or "")
    remote_id = str(data.get("remote_id") or "")
    if not url and remote_id.startswith("<") and "@" in remote_id:
        url = "mid:" + remote_id.strip("<>")
    return url


class ServiceMaker:
    """Publishing services for one Publish dialog, over one outbox connection of their own.

    Each `build()` reads the accounts afresh (a Retry after fixing an account uses the fix). The
    outbox connection is separate from the window's, because the workers write through it while
    the window keeps saving; `close()` releases it once no worker needs it.
    """

    def __init__(self, context: AppContext, publishers: dict[str, object]):
        self.context = context
        self.publishers = publishers
        self._store: Store | None = None

    def _outbox_store(self) -> Store:
        main = self.context.store
        if main.read_only or main.path.name == ":memory:":
            return main  # nothing else to open: everything lives in that one connection
        if self._store is None:
            from composer.core.store import Store as StoreClass  # noqa: PLC0415

            self._store, _report = StoreClass.open(main.path)
        return self._store

    def build(self) -> PublishingService:
        from composer.core.credentials import CredentialError  # noqa: PLC0415
        from composer.publishers.base import PublishError  # noqa: PLC0415
        from composer.publishers.service import PublishingService  # noqa: PLC0415

        secrets = credential_store(self.context, ask=False)

        def secret_for(name: str) -> str | None:
            if secrets is None:
                return None
            try:
                return secrets.get(name)
            except CredentialError as error:  # as a PublishError, the outbox records it and the row shows it
                raise PublishError(error.message) from None

        return PublishingService(self._outbox_store().outbox(), load_accounts(self.context.store), self.publishers,
                                 secret_for)

    def close(self) -> None:
        if self._store is not None:
            self._store.close()
            self._store = None


class PublishWorkflow:
    """Edit → Accounts… and File → Publish… for one window."""

    def __init__(self, window: MainWindow):
        self.window = window
        self.context = window.context
        self.dialog: PublishDialog | None = None
        self._limited: list[object] = []  # publishers of the accounts in use whose channel has a length limit

    # -- accounts ----------------------------------------------------------------

    def manage_accounts(self) -> None:
        from composer.ui.accounts_dialog import AccountsDialog  # noqa: PLC0415

        self.accounts_dialog = AccountsDialog(self.context, self.window)
        self.accounts_dialog.finished.connect(lambda _code: self.refresh_channels())
        self.accounts_dialog.open()

    # -- channels with a length limit: previews and the fits-channels check ---------

    def channel_publishers(self) -> list[object]:
        """One publisher per kind of stored account whose channel has a length limit."""
        entries = self.context.publishers()
        kinds = sorted({account.kind for account in load_accounts(self.context.store).values()})
        return [entries[k].publisher for k in kinds
                if k in entries and entries[k].publisher is not None and entries[k].publisher.policy.limit]

    def refresh_channels(self) -> None:
        """After accounts change: the checklist counts for, and the previews show, the channels in use."""
        from composer.publishers.social import channel_limits  # noqa: PLC0415

        window = self.window
        self._limited = self.channel_publishers()
        kinds = [publisher.id for publisher in self._limited]
        window.check_config.channels = channel_limits(kinds, self.context.publishers())
        window.previews.render_now()
        window.live_checks.schedule()

    def channel_previews(self, body: str) -> list:
        """What each limited channel would post for the update on screen, with `body` as typed."""
        from composer.publishers.preview import previews  # noqa: PLC0415

        update = self.window.editor.current_update
        publishers = self._limited  # as of the last refresh_channels(): previews never query the store
        if update is None or not publishers:
            return []
        publishable = self.publishable(update)
        publishable.body = body
        return previews(publishers, publishable)

    # -- publishing --------------------------------------------------------------

    def publish(self) -> PublishDialog | None:
        """Checks gate first (same as Mark as published), then the dialog. Returns it (tests)."""
        from composer.ui.publish_dialog import PublishDialog  # noqa: PLC0415

        window = self.window
        update = window.editor.current_update
        if update is None or update.id is None or window.incident is None:
            return None
        if not window.save_all():
            self.context.prompter.warn(window.tr("Publish"), window.tr("Save the update first: see the status bar."))
            return None
        accounts = load_accounts(self.context.store)
        if not accounts:
            self.context.prompter.warn(window.tr("Publish"), window.tr(
                "There is no account to publish to yet. Add one in Edit → Accounts…"))
            return None
        try:
            if not window.pass_checks_gate(update.id):
                return None
        except SaveFailed as error:  # the override reason could not be recorded: do not publish
            self.context.prompter.warn(window.tr("Publish"), str(error))
            return None
        publishable = self.publishable(window.store.update(update.id))
        publishers = {k: e.publisher for k, e in self.context.publishers().items() if e.publisher is not None}
        dialog = PublishDialog(publishable, accounts, publishers=publishers,
                               preselected=self.last_choice(update.incident_id or 0), runner=self.context.runner(),
                               services=ServiceMaker(self.context, publishers), parent=window)
        dialog.published.connect(lambda outcome: self.record(update.id or 0, outcome))
        dialog.chosen.connect(lambda names: self.remember_choice(update.incident_id or 0, names))
        dialog.finished.connect(lambda _code: self._closed(dialog))
        self.dialog = dialog
        dialog.open()
        return dialog

    def publishable(self, update: Update) -> PublishableUpdate:
        """The update as publishers take it, with the template's subject and social texts if it had one."""
        from composer.core.outgoing import update_document  # noqa: PLC0415
        from composer.publishers.publishable import publishable_update  # noqa: PLC0415

        window = self.window
        store = window.store
        incident = window.incident if window.incident is not None else store.incident(update.incident_id or 0)
        last = store.previous_public_update_at(update) if update.id is not None else None
        doc = update_document(incident, update, last, library=window.templates.library)
        return publishable_update(doc, incident_id=update.incident_id or 0, update_id=update.id or 0,
                                  long_url=store.organisation().status_page_url)

    def _closed(self, dialog: PublishDialog) -> None:
        dialog.close_service()
        if dialog.sent_any:
            self.window.after_publication(self.window.tr("Published"))
        if self.dialog is dialog:
            self.dialog = None

    def record(self, update_id: int, outcome: Outcome) -> None:
        """A post went out: keep its receipt in the update's history; the promise now runs from it."""
        receipt = outcome.receipt
        if receipt is None or outcome.reused:
            return
        try:
            self.context.store.add_publication(update_id, Publication(
                channel=receipt.channel, published_at=receipt.published_at, remote_id=receipt.remote_id,
                url=post_link(receipt)))
            self.context.store.add_event(Event(update_id, "published", {
                "channel": receipt.channel, "account": receipt.account, "remote_id": receipt.remote_id,
                "url": post_link(receipt), "published_at": receipt.published_at.isoformat()}))
        except SaveFailed as error:
            self.context.prompter.warn(self.window.tr("Publish"), str(error))

    # -- the last choice of accounts ---------------------------------------------

    def last_choice(self, incident_id: int) -> list[str]:
        settings = self.context.ui_settings
        for key in (f"{LAST_ACCOUNTS}/{incident_id}", LAST_ACCOUNTS):
            value = settings.value(key)
            if value:
                return [value] if isinstance(value, str) else [str(v) for v in value]
        return []

    def remember_choice(self, incident_id: int, names: list[str]) -> None:
        settings = self.context.ui_settings
        settings.setValue(f"{LAST_ACCOUNTS}/{incident_id}", names)
        settings.setValue(LAST_ACCOUNTS, names)
