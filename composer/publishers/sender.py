# SPDX-License-Identifier: GPL-3.0-or-later
"""The sender that works on its own: what is due in the outbox goes out, account by account.

Each account's due jobs go in the order they were queued (an incident's updates thread in
order); accounts go in parallel. When a job cannot go (its server is unreachable, or its
outcome became unknown), that account's later jobs wait behind it rather than each knocking
on a server that is down. The window runs `send_due` on a worker thread; `incident-composer
outbox send` runs it, and with `--wait` keeps probing unreachable servers (`watch`).

Reachability (`composer.publishers.reachability`) only wakes the queue early, when a server that
did not answer starts answering; it never stops a try.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from datetime import timedelta
from functools import partial

from composer.core.model import utc_now
from composer.core.outbox import FIRST_DELAY, Job, Outbox
from composer.publishers import reachability
from composer.publishers.service import Outcome, Progress, PublishingService

Probe = Callable[[str], bool | None]  # account -> reachable? (None: cannot tell)


def send_due(
    service: PublishingService, *, progress: Progress | None = None, cancel: threading.Event | None = None
) -> list[Outcome]:
    """Send every job that is due now; the outcomes, account by account."""
    by_account: dict[str, list[Job]] = {}
    for job in service.due():
        by_account.setdefault(job.account, []).append(job)
    if not by_account:
        return []
    cancel = cancel or threading.Event()
    with ThreadPoolExecutor(max_workers=len(by_account), thread_name_prefix="outbox") as pool:
        futures = [pool.submit(_drain, service, jobs, progress, cancel) for jobs in by_account.values()]
        return [outcome for future in futures for outcome in future.result()]


def _drain(
    service: PublishingService, jobs: list[Job], progress: Progress | None, cancel: threading.Event
) -> list[Outcome]:
    outcomes: list[Outcome] = []
    for job in jobs:
        if cancel.is_set():
            break
        outcome = service.send_job(job, progress=progress, cancel=cancel, queue=True)
        outcomes.append(outcome)
        if outcome.state in ("pending", "uncertain"):  # the channel is not taking posts now
            until = outcome.next_attempt or utc_now() + timedelta(seconds=FIRST_DELAY)
            service.outbox_call(partial(Outbox.hold, account=job.account, until=until))
            break
    return outcomes


def probe_for(service: PublishingService) -> Probe:
    """A probe of each account's server (one TCP connection), by account name."""

    def probe(account: str) -> bool | None:
        where = service.address(account)
        return None if where is None else reachability.reachable(where, timeout=2.0)

    return probe


def watch(
    service: PublishingService,
    seconds: float,
    *,
    probe: Probe | None = None,
    interval: float = 1.0,
    say: Callable[[Outcome], None] | None = None,
) -> list[Outcome]:
    """Send what is due, then keep at it for up to `seconds`: a job comes due, or a server that did
    not answer starts answering (its jobs go at once). Stops early when nothing waits."""
    probe = probe or probe_for(service)
    deadline = time.monotonic() + max(0.0, seconds)
    outcomes: list[Outcome] = []
    answered: dict[str, bool | None] = {}

    def send() -> None:
        for outcome in send_due(service):
            outcomes.append(outcome)
            if say is not None:
                say(outcome)
            if outcome.queued:
                answered[outcome.account] = False  # it did not take the post: watch it come back

    send()
    while time.monotonic() < deadline:
        waiting = service.outbox_call(lambda outbox: {job.account for job in outbox.jobs("pending")})
        rechecks = service.outbox_call(lambda outbox: outbox.next_due())
        if not waiting and rechecks is None:
            break
        time.sleep(min(interval, max(0.0, deadline - time.monotonic())))
        for account in waiting:
            now_answers = probe(account)
            if now_answers and answered.get(account) is False:
                service.outbox_call(partial(Outbox.wake, account=account))
            answered[account] = now_answers
        send()
    return outcomes
