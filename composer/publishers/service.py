# SPDX-License-Identifier: GPL-3.0-or-later
"""Publishing one update to several accounts at once, through the durable outbox.

Each account is one job; accounts run in parallel, one job at a time per account. A channel
that fails does not stop the others. A post already sent (same account, update and text)
returns its first receipt instead of going out twice.

Threads: `publish_one` sends to one account on the caller's thread (the window runs one per
account in its own task runner); `publish` runs `publish_one` for several accounts in a thread
pool of its own (the command line). Never wrap `publish` in another thread per account.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Mapping
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from datetime import datetime

from composer.core.outbox import Job, Outbox, ReceiptRecord, job_key
from composer.core.secrets import scrub
from composer.publishers.accounts import credentials_for, needs_secret
from composer.publishers.base import Account, Post, PublishableUpdate, Publisher, PublishError, Receipt

UNCERTAIN = "an earlier attempt was interrupted and may have gone out: check, then retry it from the outbox"
BEING_SENT = "already being sent by another window or command: nothing was sent twice"
UNEXPECTED = "sending stopped on an unexpected error; the post may or may not have gone out: check before retrying"
Progress = Callable[[str, float, str], None]  # account, fraction, text


@dataclass
class Outcome:
    account: str
    receipt: Receipt | None = None
    error: str = ""
    reused: bool = False  # already sent earlier: nothing went out this time

    @property
    def ok(self) -> bool:
        return self.receipt is not None


def _receipt_from(data: ReceiptRecord) -> Receipt:
    return Receipt(
        account=str(data["account"]),
        channel=str(data["channel"]),
        remote_id=str(data["remote_id"]),
        url=str(data.get("url", "")),
        published_at=datetime.fromisoformat(str(data["published_at"])),
        meta=dict(data.get("meta") or {}),
    )


def _receipt_data(receipt: Receipt) -> ReceiptRecord:
    return {
        "account": receipt.account,
        "channel": receipt.channel,
        "remote_id": receipt.remote_id,
        "url": receipt.url,
        "published_at": receipt.published_at.isoformat(),
        "meta": receipt.meta,
    }


class PublishingService:
    """Ties accounts (store), secrets (credential store), publishers (registry) and the outbox."""

    def __init__(
        self,
        outbox: Outbox,
        accounts: dict[str, Account],
        publishers: Mapping[str, Publisher],
        secret_for: Callable[[str], str | None],
    ):
        self._outbox = outbox
        self._accounts = accounts
        self._publishers = publishers
        self._secret_for = secret_for
        self._locks: dict[str, threading.Lock] = {}
        self._outbox_lock = threading.Lock()  # one SQLite connection: writes one at a time

    def _lock(self, account: str) -> threading.Lock:
        return self._locks.setdefault(account, threading.Lock())

    def publish(
        self,
        update: PublishableUpdate,
        account_names: list[str],
        *,
        progress: Progress | None = None,
        cancel: threading.Event | None = None,
    ) -> list[Outcome]:
        """Every account in parallel, in a pool of this call's own; the outcomes in the names' order."""
        cancel = cancel or threading.Event()
        with ThreadPoolExecutor(max_workers=max(1, len(account_names)), thread_name_prefix="publish") as pool:
            futures = [
                pool.submit(self.publish_one, update, name, progress=progress, cancel=cancel) for name in account_names
            ]
            return [future.result() for future in futures]

    def _secret(self, name: str) -> str | None:
        """The account's secret; a keyring that cannot give it fails this account, as a PublishError
        the outbox records and the user reads (the other accounts go on)."""
        from composer.core.credentials import CredentialError  # noqa: PLC0415

        try:
            return self._secret_for(name)
        except CredentialError as error:
            raise PublishError(error.message) from None

    @staticmethod
    def _settled(name: str, job: Job) -> Outcome | None:
        """What a job that must not be sent (again) means for the user; None when it may be sent."""
        if job.state == "sent":
            return Outcome(name, _receipt_from(job.receipt), reused=True)
        if job.state == "uncertain":
            return Outcome(name, error=UNCERTAIN)
        return None

    def publish_one(
        self,
        update: PublishableUpdate,
        name: str,
        *,
        progress: Progress | None = None,
        cancel: threading.Event | None = None,
    ) -> Outcome:
        """One account, on the calling thread (which it blocks until the post is out or has failed)."""
        cancel = cancel or threading.Event()
        account = self._accounts.get(name)
        if account is None:
            return Outcome(name, error=f"no account named {name!r} (see `incident-composer accounts list`)")
        publisher = self._publishers.get(account.kind)
        if publisher is None:
            return Outcome(name, error=f"no publisher for accounts of kind {account.kind!r}")

        def report(fraction: float, text: str) -> None:
            if progress is not None:
                progress(name, fraction, text)

        with self._lock(name):  # one job at a time per account
            try:
                post: Post = publisher.render(update)
                incident_key = str(update.incident_id)
                key = job_key(name, f"{incident_key}/{update.update_id}", post.subject + post.text)
                with self._outbox_lock:
                    previous = self._outbox.last_sent(name, incident_key)
                    job = self._outbox.enqueue(
                        key,
                        name,
                        update.update_id or None,
                        {
                            "channel": post.channel,
                            "subject": post.subject,
                            "parts": post.parts,
                            "incident_key": incident_key,
                        },
                    )
                post.meta["incident_key"] = incident_key
                if previous is not None and job.state != "sent":
                    post.meta["previous"] = previous
                settled = self._settled(name, job)
                if settled is not None:
                    if settled.reused:
                        report(1.0, "already sent")
                    return settled
                credentials = credentials_for(publisher, self._secret(name)) if needs_secret(publisher, account) else {}
                # Only a job tried before can have left a post behind: publishers check for one then.
                post.meta["retry"] = job.attempts > 0
                with self._outbox_lock:
                    lost = None if self._outbox.claim(key) else self._outbox.get(key)
                if lost is not None:  # another process (or window) holds it, or it went out meanwhile
                    return self._settled(name, lost) or Outcome(name, error=BEING_SENT)
            except PublishError as error:
                if "job" in locals() and job.state in ("pending", "failed"):  # never another process's job
                    with self._outbox_lock:
                        self._outbox.mark_failed(key, str(error))
                return Outcome(name, error=str(error))
            try:
                receipt = publisher.publish(post, account, credentials, report=report, cancel=cancel)
            except PublishError as error:
                with self._outbox_lock:
                    self._outbox.mark_failed(key, str(error))
                return Outcome(name, error=str(error))
            except Exception as error:  # a publisher's bug: the post may or may not be out
                message = scrub(f"{UNEXPECTED} ({type(error).__name__}: {error})", *credentials.values())[:500]
                with self._outbox_lock:
                    self._outbox.mark_uncertain(key, message)
                return Outcome(name, error=message)
            with self._outbox_lock:
                self._outbox.mark_sent(key, _receipt_data(receipt))
            report(1.0, "sent")
            return Outcome(name, receipt)
