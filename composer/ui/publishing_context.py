# SPDX-License-Identifier: GPL-3.0-or-later
"""What the Accounts and Publish windows share: where secrets are kept, the publishing service
over connections of its own, and links to sent posts.

Plain Python with no widgets, so both windows (and the workflow that opens them) import it and
not each other.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

from composer.publishers.accounts import load_accounts

if TYPE_CHECKING:
    from composer.app import AppContext
    from composer.core.credentials import CredentialStore
    from composer.core.outbox import Job
    from composer.core.store import Store
    from composer.publishers.base import Publisher
    from composer.publishers.service import Outcome, PublishingService

SESSION_ONLY_QUESTION = (
    "Keep passwords and tokens in memory for this session only? They are forgotten "
    "when Incident Composer closes, and you will need to enter them again next time."
)


def credential_store(context: AppContext, *, ask: bool) -> CredentialStore | None:
    """Where secrets go: the OS keyring; with no keyring, memory for this session if the user agrees.

    The user is asked once per session (only when `ask`); the answer is kept in the context.
    None when there is nowhere to keep a secret (a locked keyring is said, not remembered).
    UI thread only: it may ask.
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
                    context.prompter.warn(QCoreApplication.translate("PublishingContext", "Keyring"), error.message)
                return None
            context.keyring_problem = error.message
        else:
            context.credentials = store
            return store
    if context.session_secrets_consent is None and ask:
        context.session_secrets_consent = context.prompter.confirm(
            "No keyring", f"{context.keyring_problem}\n\n{SESSION_ONLY_QUESTION}"
        )
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


def marked_sent(job: Job) -> Outcome:
    """An uncertain job the user says did go out, as the outcome to keep in its update's history:
    sent when it was tried, by that account's channel (no link: nothing came back from it)."""
    from composer.core.model import utc_now  # noqa: PLC0415
    from composer.publishers.base import Receipt  # noqa: PLC0415
    from composer.publishers.service import Outcome  # noqa: PLC0415

    receipt = Receipt(
        account=job.account,
        channel=str(job.post.get("channel", "")),
        remote_id=str(job.receipt.get("remote_id") or ""),
        url=str(job.receipt.get("url") or ""),
        published_at=job.attempted_at or utc_now(),
        meta={"marked_sent_by_hand": True},
    )
    return Outcome(job.account, receipt, state="sent", job_id=job.id)


def _no_secret(_name: str) -> str | None:
    return None  # nowhere to keep secrets: an account that needs one fails in the publisher, in plain words


class ServiceMaker:
    """Publishing services for one Publish dialog, over connections of their own.

    Threads: `round()` runs on the UI thread and only picks the credential store; everything
    else runs in the workers: the service a round promises is built by the first worker that
    asks for it (opening a connection checks the database, and the accounts are read through
    it). One connection carries the outbox (the service serialises its writes; marking a job sent
    records it in its update's history in the same statement, schema migration 8): separate
    from the window's, which keeps saving meanwhile. Each
    round reads the accounts afresh, so a Retry after fixing an account uses the fix. `close()`
    releases the connections once no worker needs them.
    """

    def __init__(self, context: AppContext, publishers: dict[str, Publisher]):
        self.context = context
        self.publishers = publishers
        self._stores: dict[str, Store] = {}  # "outbox": opened on first use
        self._lock = threading.Lock()  # guards _stores

    def _connection(self, purpose: str) -> Store:
        main = self.context.store
        if main.read_only or main.path.name == ":memory:":
            return main  # nothing else to open: everything lives in that one connection
        with self._lock:
            store = self._stores.get(purpose)
            if store is None:
                from composer.core.store import Store as StoreClass  # noqa: PLC0415

                store = self._stores[purpose] = StoreClass.open(main.path)[0]
            return store

    def outbox_store(self) -> Store:
        """The connection the service writes the outbox through (opened on first use, in a worker)."""
        return self._connection("outbox")

    def round(self) -> Callable[[], PublishingService]:
        """One press of Publish or Retry: a callable that gives its accounts' shared service."""
        from composer.core.statuspage import publishing_builder, user_folder  # noqa: PLC0415
        from composer.publishers.service import PublishingService  # noqa: PLC0415
        from composer.ui.template_workflow import local_zone_name  # noqa: PLC0415

        secrets = credential_store(self.context, ask=False)
        lock = threading.Lock()
        built: list[PublishingService] = []
        secret_for = secrets.get if secrets is not None else _no_secret

        def service() -> PublishingService:
            with lock:
                if not built:
                    store = self.outbox_store()
                    site = publishing_builder(store.path, local_zone=local_zone_name(), user_templates=user_folder())
                    accounts = load_accounts(store)
                    built.append(PublishingService(store.outbox(), accounts, self.publishers, secret_for, site))
                return built[0]

        return service

    def close(self) -> None:
        with self._lock:
            for store in self._stores.values():
                store.close()
            self._stores.clear()
