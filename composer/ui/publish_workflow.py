# SPDX-License-Identifier: GPL-3.0-or-later
"""The window's publishing commands: Accounts…, Publish…, and the channels they make known.

Mirrors `composer.cli.accounts`: settings in the store, the secret in the keyring only (or,
if the user agreed because there is no keyring, in memory for this session), publishing
through the same `PublishingService` and its durable outbox. What the Accounts and Publish
windows share lives in `composer.ui.publishing_context`.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

from composer.core.model import Incident, Update
from composer.core.store import SaveFailed
from composer.core.workspace.gate import approval_refusal
from composer.publishers.accounts import load_accounts
from composer.ui.publishing_context import ServiceMaker

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    from composer.app import AppContext
    from composer.core.checks import CheckConfig
    from composer.core.templates import TemplateLibrary
    from composer.publishers.base import PublishableUpdate, Publisher
    from composer.publishers.preview import ChannelPreview
    from composer.ui.accounts_dialog import AccountsDialog
    from composer.ui.previews import EmailView
    from composer.ui.publish_dialog import PublishDialog

LAST_ACCOUNTS = "publish/lastAccounts"  # QSettings key; "/<incident id>" for one incident's choice
OnScreen = Callable[[], tuple[Incident | None, Update | None]]


class PublishWorkflow(QObject):
    """Edit → Accounts… and File → Publish… for one window.

    It is given what it needs, not the window: the context (store, prompter, settings,
    publishers, task runner, secrets), the template library, the check configuration whose
    `channels` it keeps current, and three callables: what is on screen, save everything, and
    the checks gate (True to go ahead). It says what happened through its signals.
    """

    channels_changed = Signal()  # the channels with a length limit in use changed (check_config.channels)
    published = Signal()  # a Publish dialog closed after at least one post went out
    queued = Signal(str)  # an account's post waits in the outbox for its server to answer

    def __init__(
        self,
        context: AppContext,
        library: TemplateLibrary,
        check_config: CheckConfig,
        *,
        on_screen: OnScreen,
        save_all: Callable[[], bool],
        gate: Callable[[int], bool],
        parent: QWidget,
    ):
        super().__init__(parent)
        self.context = context
        self.library = library
        self.check_config = check_config
        self._on_screen = on_screen
        self._save_all = save_all
        self._gate = gate
        self._parent = parent
        self.dialog: PublishDialog | None = None
        self.accounts_dialog: AccountsDialog | None = None
        self._limited: list[Publisher] = []  # publishers of the accounts in use whose channel has a length limit
        self._closed = False

    def publishers(self) -> dict[str, Publisher]:
        """Every publisher that loaded, by id."""
        return {k: e.publisher for k, e in self.context.publishers().items() if e.publisher is not None}

    # -- accounts ----------------------------------------------------------------

    def manage_accounts(self) -> None:
        from composer.ui.accounts_dialog import AccountsDialog  # noqa: PLC0415

        self.accounts_dialog = AccountsDialog(self.context, self._parent)
        self.accounts_dialog.finished.connect(lambda _code: self.refresh_channels())
        self.accounts_dialog.open()

    # -- channels with a length limit: previews and the fits-channels check ---------

    def channel_publishers(self) -> list[Publisher]:
        """One publisher per kind of stored account whose channel has a length limit."""
        publishers = self.publishers()
        kinds = sorted({account.kind for account in load_accounts(self.context.store).values()})
        return [publishers[k] for k in kinds if k in publishers and publishers[k].policy.limit]

    def refresh_channels(self) -> None:
        """After accounts change: the checklist counts for, and the previews show, the channels in use."""
        from composer.publishers.social import channel_limits  # noqa: PLC0415

        if self._closed:
            return
        self._limited = self.channel_publishers()
        self.check_config.channels = channel_limits([p.id for p in self._limited], self.context.publishers())
        self.channels_changed.emit()

    def channel_previews(self, body: str) -> list[ChannelPreview]:
        """What each limited channel would post for the update on screen, with `body` as typed."""
        from composer.publishers.preview import previews  # noqa: PLC0415

        update = self._on_screen()[1]
        publishers = self._limited  # as of the last refresh_channels(): previews never query the store
        if update is None or not publishers:
            return []
        return previews(publishers, self.publishable(update, body=body))

    def email_preview(self, body: str) -> EmailView | None:
        """The email the update on screen would be, with `body` as typed: subject, plain text, HTML."""
        from composer.ui.previews import EmailView  # noqa: PLC0415

        update = self._on_screen()[1]
        email = self.publishers().get("email")
        if update is None or email is None:
            return None
        try:
            post = email.render(self.publishable(update, body=body))
        except Exception as error:  # a preview says why it cannot render; it never breaks typing
            return EmailView(subject="", text=str(error), html="")
        return EmailView(subject=post.subject, text=post.text, html=post.html)

    # -- publishing --------------------------------------------------------------

    def publish(self) -> PublishDialog | None:
        """Checks gate first (same as Mark as published), then the dialog. Returns it (tests)."""
        from composer.ui.publish_dialog import PublishDialog  # noqa: PLC0415

        incident, update = self._on_screen()
        prompter, store = self.context.prompter, self.context.store
        if update is None or update.id is None or incident is None:
            return None
        if not self._save_all():
            prompter.warn(self.tr("Publish"), self.tr("Save the update first: see the status bar."))
            return None
        refusal = approval_refusal(store.path, update.id)
        if refusal:  # the workspace wants a second person's approval of this very text
            prompter.warn(self.tr("Publish"), self.tr("Not published: %1.").replace("%1", refusal))
            return None
        accounts = load_accounts(store)
        if not accounts:
            prompter.warn(
                self.tr("Publish"), self.tr("There is no account to publish to yet. Add one in Edit → Accounts…")
            )
            return None
        try:
            if not self._gate(update.id):
                return None
        except SaveFailed as error:  # the override reason could not be recorded: do not publish
            prompter.warn(self.tr("Publish"), str(error))
            return None
        update_id, incident_id = update.id, update.incident_id or 0
        publishers = self.publishers()
        dialog = PublishDialog(
            self.publishable(store.update(update_id)),
            accounts,
            publishers=publishers,
            preselected=self.last_choice(incident_id),
            runner=self.context.runner(),
            services=ServiceMaker(self.context, publishers),
            confirm=prompter.confirm,
            parent=self._parent,
        )
        dialog.queued.connect(self.queued)
        dialog.finished.connect(lambda _code: self._dialog_closed(dialog, incident_id))
        self.dialog = dialog
        dialog.open()
        return dialog

    def publishable(self, update: Update, *, body: str | None = None) -> PublishableUpdate:
        """The update as publishers take it, with the template's subject and social texts if it had one
        (`body`: the text as typed, when newer than the stored one)."""
        from composer.core.outgoing import update_document  # noqa: PLC0415
        from composer.publishers.publishable import publishable_update  # noqa: PLC0415

        store = self.context.store
        incident = self._on_screen()[0]
        if incident is None or incident.id != update.incident_id:
            incident = store.incident(update.incident_id or 0)
        last = store.previous_public_update_at(update) if update.id is not None else None
        doc = update_document(incident, update, last, body=body, library=self.library)
        organisation = store.organisation()
        return publishable_update(
            doc,
            incident_id=update.incident_id or 0,
            update_id=update.id or 0,
            long_url=organisation.status_page_url,
            organisation=organisation.name,
        )

    def _dialog_closed(self, dialog: PublishDialog, incident_id: int) -> None:
        dialog.close_service()
        if dialog.chosen_when_published is not None:  # remembered now: a settings write has no place while sending
            self.remember_choice(incident_id, dialog.chosen_when_published)
        if self.dialog is dialog:
            self.dialog = None
        if dialog.sent_any:
            self.published.emit()

    def close(self) -> None:
        """The window is closing (its task runner already drained): release the outbox connection."""
        self._closed = True
        if self.dialog is not None:
            self.dialog.close_service()

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
