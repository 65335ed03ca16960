# SPDX-License-Identifier: GPL-3.0-or-later
"""Publishing one update to several accounts at once, through the durable outbox.

Each account is one job; accounts run in parallel, one job at a time per account. A channel
that fails does not stop the others. A post already sent (same account, update and text)
returns its first receipt instead of going out twice.

A channel that cannot be reached leaves its job waiting (with `queue`) for the background sender
(`composer.publishers.sender`), which calls `send_job`. A post whose outcome is unknown becomes
"uncertain": the channels that can look for their own post look before sending again, the
others wait for the user (`uncertain_words` says what to ask).

Threads: `publish_one` sends to one account on the caller's thread (the window runs one per
account in its own task runner); `publish` runs `publish_one` for several accounts in a thread
pool of its own (the command line). Never wrap `publish` in another thread per account.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Mapping
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, TypeVar

from composer.core.i18n import N_, _
from composer.core.model import utc_now
from composer.core.outbox import Job, Outbox, PostRecord, ReceiptRecord, job_key, next_delay
from composer.core.secrets import scrub
from composer.publishers.accounts import credentials_for, needs_secret
from composer.publishers.base import (
    Account,
    OutcomeUnknown,
    Post,
    PublishableUpdate,
    Publisher,
    PublishError,
    RateLimited,
    Receipt,
    Recipient,
    Rejected,
    existence_check_seconds,
    sends_personal_messages,
)

if TYPE_CHECKING:
    from composer.core.statuspage.site import SiteBuilder

BEING_SENT = N_("already being sent by another window or command: nothing was sent twice")
UNEXPECTED = N_("sending stopped on an unexpected error; the post may or may not have gone out: check before retrying")
CANCELLED = N_("cancelled in the outbox: not sent (retry it there to send it)")
NOT_PERSONAL = N_("this account's channel cannot send a personal message to one customer: not sent")
Progress = Callable[[str, float, str], None]  # account, fraction, text
T = TypeVar("T")
NOUNS = {"email": N_("This email"), "wordpress": N_("This blog post")}


def uncertain_words(job: Job) -> str:
    """What the user reads about a job that may or may not have gone out, in plain words."""
    noun = _(NOUNS.get(str(job.post.get("channel", "")), N_("This post")))
    when = job.attempted_at or job.updated_at
    at = _(" at {time}").format(time=when.astimezone().strftime("%H:%M")) if when is not None else ""
    why = f" ({job.last_error.rstrip('.')})" if job.last_error else ""
    return _(
        "{noun} may already have gone out{at}{why}. Check, then send it again or mark it as sent (outbox job {job})."
    ).format(noun=noun, at=at, why=why, job=job.id)


@dataclass
class Outcome:
    account: str
    receipt: Receipt | None = None
    error: str = ""
    reused: bool = False  # already sent earlier: nothing went out this time
    state: str = ""  # the job's state afterwards: sent, pending (queued), failed, uncertain, cancelled, sending
    job_id: int | None = None
    next_attempt: datetime | None = None  # when a queued job is tried again

    @property
    def ok(self) -> bool:
        return self.receipt is not None

    @property
    def queued(self) -> bool:
        """Not sent yet, and the outbox will try again on its own."""
        return self.receipt is None and self.state == "pending"

    @property
    def uncertain(self) -> bool:
        return self.state == "uncertain"


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
        site_builder: SiteBuilder | None = None,
    ):
        """`site_builder` (update id, languages) -> the status page's files, for the publishers that
        upload it (`uploads_site`): built when the job is sent, so it shows what is out by then."""
        self._outbox = outbox
        self._site_builder = site_builder
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
        queue: bool = False,
    ) -> list[Outcome]:
        """Every account in parallel, in a pool of this call's own; the outcomes in the names' order."""
        cancel = cancel or threading.Event()
        with ThreadPoolExecutor(max_workers=max(1, len(account_names)), thread_name_prefix="publish") as pool:
            futures = [
                pool.submit(self.publish_one, update, name, progress=progress, cancel=cancel, queue=queue)
                for name in account_names
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

    def _found(self, name: str) -> tuple[Account, Publisher] | Outcome:
        account = self._accounts.get(name)
        if account is None:
            return Outcome(
                name, error=_("no account named {name!r} (see `incident-composer accounts list`)").format(name=name)
            )
        publisher = self._publishers.get(account.kind)
        if publisher is None:
            return Outcome(name, error=_("no publisher for accounts of kind {kind!r}").format(kind=account.kind))
        return account, publisher

    def due(self, now: datetime | None = None) -> list[Job]:
        """The outbox's jobs whose time has come (see `Outbox.due`)."""
        with self._outbox_lock:
            return self._outbox.due(now or utc_now())

    def outbox_call(self, action: Callable[[Outbox], T]) -> T:
        """`action(outbox)` with the outbox to itself (one SQLite connection: one writer at a time)."""
        with self._outbox_lock:
            return action(self._outbox)

    def address(self, name: str) -> tuple[str, int] | None:
        """Where account `name`'s server listens, for the reachability probe (None: unknown)."""
        from composer.publishers import reachability  # noqa: PLC0415 - socket: only when probing

        found = self._found(name)
        return None if isinstance(found, Outcome) else reachability.address(found[1], found[0])

    def can_recheck(self, job: Job, now: datetime | None = None) -> bool:
        """Whether the job's channel can still find the post an uncertain attempt may have made."""
        found = self._found(job.account)
        if isinstance(found, Outcome):
            return False
        window = existence_check_seconds(found[1])
        if not window or job.attempted_at is None:
            return False
        return (now or utc_now()) < job.attempted_at + timedelta(seconds=min(window, 10 * 365 * 86400))

    def publish_one(
        self,
        update: PublishableUpdate,
        name: str,
        *,
        progress: Progress | None = None,
        cancel: threading.Event | None = None,
        queue: bool = False,
    ) -> Outcome:
        """One account, on the calling thread (which it blocks until the post is out, queued or has failed).

        `queue`: when the channel cannot be reached (nothing went out), the job waits in the outbox
        for its next try instead of failing."""
        found = self._found(name)
        if isinstance(found, Outcome):
            return found
        account, publisher = found
        with self._lock(name):  # one job at a time per account
            try:
                post: Post = publisher.render(update)
            except PublishError as error:
                return Outcome(name, error=str(error))
            incident_key = str(update.incident_id)
            key = job_key(name, f"{incident_key}/{update.update_id}", post.subject + post.text)
            record: PostRecord = {
                "channel": post.channel,
                "subject": post.subject,
                "parts": post.parts,
                "incident_key": incident_key,
                "html": post.html,
                "meta": post.meta,
                "title": update.title,
            }
            with self._outbox_lock:
                job = self._outbox.enqueue(key, name, update.update_id or None, record)
            return self._deliver(
                job, account, publisher, post, progress=progress, cancel=cancel, queue=queue, explicit=True
            )

    def send_job(
        self,
        job: Job,
        *,
        progress: Progress | None = None,
        cancel: threading.Event | None = None,
        queue: bool = True,
    ) -> Outcome:
        """A job from the outbox, sent as it was rendered when it was queued (the background sender)."""
        found = self._found(job.account)
        if isinstance(found, Outcome):  # the account was removed, or its kind's plugin is gone: not on its own
            with self._outbox_lock:
                if self._outbox.get(job.key).state == "pending":
                    self._outbox.mark_failed(job.key, found.error)
            return Outcome(job.account, error=found.error, state="failed", job_id=job.id)
        account, publisher = found
        with self._lock(job.account):
            with self._outbox_lock:
                job = self._outbox.get(job.key)  # as it is now: another sender may have moved it
            return self._deliver(
                job, account, publisher, post_from(job), progress=progress, cancel=cancel, queue=queue, explicit=False
            )

    def _settled(self, job: Job, *, explicit: bool) -> Outcome | None:
        """What a job that must not be sent (again) now means for the user; None when it may be sent."""
        name = job.account
        if job.state == "sent":
            return Outcome(name, _receipt_from(job.receipt), reused=True, state="sent", job_id=job.id)
        if job.state == "uncertain" and not self.can_recheck(job):
            return Outcome(name, error=uncertain_words(job), state="uncertain", job_id=job.id)
        if job.state == "cancelled" and not explicit:
            return Outcome(name, error=_(CANCELLED), state="cancelled", job_id=job.id)
        if job.state == "sending":
            return Outcome(name, error=_(BEING_SENT), state="sending", job_id=job.id)
        return None

    def _deliver(
        self,
        job: Job,
        account: Account,
        publisher: Publisher,
        post: Post,
        *,
        progress: Progress | None,
        cancel: threading.Event | None,
        queue: bool,
        explicit: bool,
    ) -> Outcome:
        """Send `job` once, if it may be sent, and record what became of it. Holds the account's lock."""
        name, key = account.name, job.key
        cancel = cancel or threading.Event()

        def report(fraction: float, text: str) -> None:
            if progress is not None:
                progress(name, fraction, text)

        if post.recipient is not None and not sends_personal_messages(publisher):  # it would post it to everyone
            with self._outbox_lock:
                if self._outbox.get(key).state == "pending":
                    self._outbox.mark_failed(key, _(NOT_PERSONAL))
            return Outcome(name, error=_(NOT_PERSONAL), state="failed", job_id=job.id)
        settled = self._settled(job, explicit=explicit)
        if settled is not None:
            if settled.reused:
                report(1.0, _("already sent"))
            if settled.uncertain and job.next_attempt is not None:  # cannot look: the user decides, not the sender
                with self._outbox_lock:
                    self._outbox.defer(key, job.last_error, None, state="uncertain")
            return settled
        rechecking = job.state == "uncertain"
        with self._outbox_lock:
            previous = self._outbox.last_sent(name, job.incident_key)
            versions = self._outbox.sent_versions(job)
        post.meta["incident_key"] = job.incident_key
        if previous is not None:
            post.meta["previous"] = previous
        if versions:  # this update went out before with another text: this is its correction
            post.meta["correction"] = {"of": versions[0], "number": len(versions)}
            post.meta["previous"] = versions[-1]  # a thread replies to the version it corrects
        # Only a job tried before can have left a post behind: publishers check for one then.
        post.meta["retry"] = job.attempts > 0
        try:
            credentials = credentials_for(publisher, self._secret(name)) if needs_secret(publisher, account) else {}
        except PublishError as error:
            return self._not_sent(job, error, rechecking=rechecking, queue=False)
        if getattr(publisher, "uploads_site", False):
            try:
                post.meta["published_at"] = when = utc_now()  # the time the page shows, and the receipt's
                post.meta["site"] = self._site(job, account, when)
            except PublishError as error:
                return self._not_sent(job, error, rechecking=rechecking, queue=False)
        with self._outbox_lock:
            claimed = self._outbox.claim(key, uncertain=rechecking, cancelled=explicit)
            lost = None if claimed else self._outbox.get(key)
        if lost is not None:  # another process (or window) holds it, or it went out meanwhile
            return self._settled(lost, explicit=False) or Outcome(name, error=_(BEING_SENT), job_id=job.id)
        try:
            receipt = publisher.publish(post, account, credentials, report=report, cancel=cancel)
        except OutcomeUnknown as error:
            return self._uncertain(job, publisher, str(error))
        except PublishError as error:
            return self._not_sent(job, error, rechecking=rechecking, queue=queue)
        except Exception as error:  # a publisher's bug: the post may or may not be out
            message = scrub(f"{_(UNEXPECTED)} ({type(error).__name__}: {error})", *credentials.values())[:500]
            with self._outbox_lock:
                self._outbox.mark_uncertain(key, message)
            return Outcome(name, error=message, state="uncertain", job_id=job.id)
        with self._outbox_lock:
            self._outbox.mark_sent(key, _receipt_data(receipt))
        report(1.0, _("sent"))
        return Outcome(name, receipt, state="sent", job_id=job.id)

    def _site(self, job: Job, account: Account, when: datetime) -> dict[str, bytes]:
        """The status page as it will be with this job's update out (a one-line error if it cannot be built)."""
        if self._site_builder is None:
            raise Rejected(_("The status page cannot be built here, so nothing was uploaded."))
        try:
            return self._site_builder(job.update_id, account.settings.get("languages", ""), when)
        except (ValueError, OSError) as error:  # SiteError (a broken template, a language), a store that cannot be read
            raise Rejected(_("The status page could not be built: {error}").format(error=error)) from None

    def _uncertain(self, job: Job, publisher: Publisher, message: str) -> Outcome:
        """It may have gone out. A channel that can look for its post looks, soon, on its own."""
        with self._outbox_lock:
            self._outbox.mark_uncertain(job.key, message)
            job = self._outbox.get(job.key)
            recheck = self.can_recheck(job)
            if recheck:
                self._outbox.defer(job.key, message, next_delay(job.attempts), state="uncertain")
        return Outcome(job.account, error=uncertain_words(job), state="uncertain", job_id=job.id)

    def _not_sent(self, job: Job, error: PublishError, *, rechecking: bool, queue: bool) -> Outcome:
        """Nothing went out this time. Waiting for the network is for later; anything else needs the user.
        A job that was uncertain before stays uncertain: this try says nothing about the earlier one."""
        message = str(error)
        retry_after = error.retry_after if isinstance(error, RateLimited) else None
        with self._outbox_lock:
            if rechecking:
                delay = next_delay(job.attempts + 1, retry_after) if error.retryable else None
                self._outbox.defer(job.key, message, delay, state="uncertain")
                job = self._outbox.get(job.key)
                return Outcome(job.account, error=uncertain_words(job), state="uncertain", job_id=job.id)
            if queue and error.retryable:
                when = self._outbox.defer(job.key, message, next_delay(job.attempts + 1, retry_after))
                return Outcome(job.account, error=message, state="pending", job_id=job.id, next_attempt=when)
            self._outbox.mark_failed(job.key, message)
        return Outcome(job.account, error=message, state="failed", job_id=job.id)


def post_from(job: Job) -> Post:
    """The post a job carries, as it was rendered when it was queued."""
    record = job.post
    meta = dict(record.get("meta") or {})
    if "update_id" not in meta and job.update_id is not None:
        meta["update_id"] = job.update_id
    if "incident_id" not in meta and job.incident_key.isdigit():
        meta["incident_id"] = int(job.incident_key)
    return Post(
        channel=str(record.get("channel", "")),
        parts=list(record.get("parts") or []),
        subject=str(record.get("subject", "")),
        html=str(record.get("html", "")),
        meta=meta,
        recipient=recipient_from(meta),
    )


def recipient_from(meta: Mapping[str, object]) -> Recipient | None:
    """The one person a queued post is for (`meta["recipient"]`: a personal message), None if none."""
    kept = meta.get("recipient")
    if not isinstance(kept, dict):
        return None
    return Recipient(address=str(kept.get("address") or ""), name=str(kept.get("name") or ""))
