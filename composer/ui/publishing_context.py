# SPDX-License-Identifier: GPL-3.0-or-later
"""What the Accounts and Publish windows share: where secrets are kept, the publishing service
over an outbox connection of its own, and links to sent posts.

Plain Python with no widgets, so both windows (and the workflow that opens them) import it and
not each other.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import TYPE_CHECKING

from composer.publishers.accounts import load_accounts

if TYPE_CHECKING:
    from composer.app import AppContext
    from composer.core.credentials import CredentialStore
    from composer.core.store import Store
    from composer.publishers.base import Publisher
    from composer.publishers.service import PublishingService

SESSION_ONLY_QUESTION = ("Keep passwords and tokens in memory for this session only? They are forgotten "
                         "when Incident Composer closes, and you will need to enter them again next time.")


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

    Threads: `round()` runs on the UI thread and only picks the credential store; the service it
    promises is built by the first worker that asks for it (opening the connection checks the
    database, and the accounts are read through it: neither belongs on the UI thread). Each
    round reads the accounts afresh, so a Retry after fixing an account uses the fix. The
    connection is separate from the window's, because the workers write through it while the
    window keeps saving; `close()` releases it once no worker needs it.
    """

    def __init__(self, context: AppContext, publishers: dict[str, Publisher]):
        self.context = context
        self.publishers = publishers
        self._store: Store | None = None
        self._lock = threading.Lock()

    def outbox_store(self) -> Store:
        """The connection the workers write through (opened on first use, in a worker)."""
        main = self.context.store
        if main.read_only or main.path.name == ":memory:":
            return main  # nothing else to open: everything lives in that one connection
        with self._lock:
            if self._store is None:
                from composer.core.store import Store as StoreClass  # noqa: PLC0415

                self._store, _report = StoreClass.open(main.path)
            return self._store

    def round(self) -> Callable[[], PublishingService]:
        """One press of Publish or Retry: a callable that gives its accounts' shared service."""
        from composer.core.credentials import CredentialError  # noqa: PLC0415
        from composer.publishers.base import PublishError  # noqa: PLC0415
        from composer.publishers.service import PublishingService  # noqa: PLC0415

        secrets = credential_store(self.context, ask=False)
        lock = threading.Lock()
        built: list[PublishingService] = []

        def secret_for(name: str) -> str | None:
            if secrets is None:
                return None
            try:
                return secrets.get(name)
            except CredentialError as error:  # as a PublishError, the outbox records it and the row shows it
                raise PublishError(error.message) from None

        def service() -> PublishingService:
            with lock:
                if not built:
                    store = self.outbox_store()
                    built.append(PublishingService(store.outbox(), load_accounts(store), self.publishers,
                                                   secret_for))
                return built[0]

        return service

    def close(self) -> None:
        with self._lock:
            if self._store is not None:
                self._store.close()
                self._store = None
