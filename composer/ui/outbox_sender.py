# SPDX-License-Identifier: GPL-3.0-or-later
"""The outbox's sender in the window: what waits goes out on its own, without reopening Publish.

A run sends what is due (`composer.publishers.sender.send_due`), records each post that went
out in its update's history (the outbox does, as it marks a job sent), then says
how many updates still wait and when the next try is. Runs start when the window is up, when a
publish queued something, when the next try comes due (a timer armed for `Outbox.next_due`),
and when the network comes back: Qt's `QNetworkInformation` going online, or, while jobs wait,
a light probe of each waiting account's server (`sender.probe_for`) answering again. A server
that comes back has its jobs woken (`Outbox.wake`) and sent at once.

Threads (obey them): a run is one task in a task runner of its own with one worker, so runs
never overlap and never wait behind the Publish window's work; everything a run touches (its
connections, the probe, the outbox) stays in that worker, and what it found comes back to the
UI thread as a plain `RunResult`. The service is built per run over connections of this
sender's own (`ServiceMaker`), so the accounts are read afresh and the Publish window's
connection is never shared; the outbox's claim makes sending a job twice impossible anyway.
`stop()` cancels and waits for the run in flight: no thread is left running.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from contextlib import suppress
from dataclasses import dataclass, field
from datetime import datetime
from functools import partial
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Signal

from composer.core.model import utc_now
from composer.ui.publishing_context import ServiceMaker
from composer.ui.task_runner import TaskRunner

if TYPE_CHECKING:
    from PySide6.QtNetwork import QNetworkInformation

    from composer.app import AppContext
    from composer.core.outbox import Outbox
    from composer.publishers.base import Publisher
    from composer.publishers.sender import Probe
    from composer.publishers.service import Outcome, PublishingService
    from composer.ui.task_runner import Task

EVERY_ACCOUNT = ""  # in a wake request: every account
PROBE_INTERVAL_MS = 15_000  # how often the servers of waiting accounts are probed
MIN_DELAY_MS = 1_000  # never run again sooner than this on the timer
STUCK_DELAY_MS = 30_000  # something due did not move (its account is gone): look again later
MAX_DELAY_MS = 15 * 60_000  # look at least this often while something waits


@dataclass
class Waiting:
    """What waits in the outbox, as the banner and the status bar tell it."""

    updates: int = 0  # distinct updates with a job waiting to be sent
    next_try: datetime | None = None  # the next time a waiting job is due
    offline: bool = False  # nothing can be reached: the network is down, or no waiting account's server answers
    servers_down: bool = False  # every account with a waiting job has a server that does not answer


@dataclass
class RunResult:
    """What one run did and found (plain data, made in the worker, read on the UI thread)."""

    outcomes: list[Outcome] = field(default_factory=list)
    answers: dict[str, bool | None] = field(default_factory=dict)  # this run's probes: account -> answered?
    waiting_accounts: set[str] = field(default_factory=set)  # accounts with a pending job after the run
    updates: int = 0
    next_due: datetime | None = None


def _snapshot(outbox: Outbox) -> tuple[set[str], int, datetime | None]:
    return {job.account for job in outbox.jobs("pending")}, outbox.waiting_updates(), outbox.next_due()


def _requeue_stopped(service: PublishingService, outcomes: list[Outcome]) -> None:
    """A publisher stopped by the cancel (the window closing) fails its job "cancelled before sending":
    nothing went out, and the user did not ask for it to stop, so it waits again. (A job that failed
    for good at that very moment is tried once more at the next start; a failed job never went out.)"""
    from composer.core.outbox import Outbox, OutboxError  # noqa: PLC0415

    for outcome in outcomes:
        if outcome.state == "failed" and outcome.job_id is not None:
            with suppress(OutboxError):  # it moved meanwhile (another window took it)
                service.outbox_call(partial(Outbox.retry, job_id=outcome.job_id))


def run_once(
    make_service: Callable[[], PublishingService],
    make_probe: Callable[[PublishingService], Probe],
    *,
    probe: bool,
    wake: frozenset[str],
    answered: dict[str, bool | None],
    cancel: threading.Event,
) -> RunResult:
    """One run, in the worker: probe (when asked), wake what came back, send what is due."""
    from composer.core.outbox import Outbox  # noqa: PLC0415
    from composer.publishers.sender import send_due  # noqa: PLC0415

    service = make_service()
    result = RunResult()
    woken = set(wake)
    if probe:
        knock = make_probe(service)
        for account in sorted(service.outbox_call(_snapshot)[0]):
            if cancel.is_set():
                break
            result.answers[account] = answer = knock(account)
            if answer and answered.get(account) is False:  # it did not answer before: it is back
                woken.add(account)
    for account in sorted(woken):
        service.outbox_call(partial(Outbox.wake, account=account or None))
    if not cancel.is_set():
        result.outcomes = send_due(service, cancel=cancel)
    if cancel.is_set():  # the window is closing: what stopped short waits for the next start
        _requeue_stopped(service, result.outcomes)
    result.waiting_accounts, result.updates, result.next_due = service.outbox_call(_snapshot)
    return result


class OutboxSender(QObject):
    """Sends what waits in the outbox, one run at a time, off the UI thread.

    Tests may shorten `probe_interval_ms`, `min_delay_ms` and `stuck_delay_ms` before `start()`,
    and replace `make_probe` (a service -> probe function)."""

    delivered = Signal(object)  # list[Outcome] of a run that sent something (already in the history)
    waiting_changed = Signal(object)  # Waiting, after every run and when the network changes

    def __init__(self, context: AppContext, publishers: Callable[[], dict[str, Publisher]], parent: QObject):
        super().__init__(parent)
        from composer.publishers.sender import probe_for  # noqa: PLC0415

        self.context = context
        self._publishers = publishers
        self.probe_interval_ms = PROBE_INTERVAL_MS
        self.min_delay_ms = MIN_DELAY_MS
        self.stuck_delay_ms = STUCK_DELAY_MS
        self.make_probe: Callable[[PublishingService], Probe] = probe_for
        self.state = Waiting()
        self.runs = 0  # finished runs (tests wait on it)
        self._runner = TaskRunner(self, max_threads=1)
        self._services: ServiceMaker | None = None  # built at the first run: the publishers load then
        self._task: Task | None = None
        self._again = False  # asked to run while a run was in flight
        self._probe_wanted = False
        self._wake: set[str] = set()
        self._answered: dict[str, bool | None] = {}  # account -> did its server answer the last probe?
        self._waiting_accounts: set[str] = set()
        self._started = False
        self._stopped = False
        self._network: QNetworkInformation | None = None
        # False only when the system says it is disconnected (a LAN may still reach a mail server);
        # None when there is no reachability backend.
        self.network_online: bool | None = None
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.run)
        self._probe_timer = QTimer(self)
        self._probe_timer.timeout.connect(lambda: self.run(probe=True))

    @property
    def running(self) -> bool:
        return self._task is not None

    # -- what starts a run -------------------------------------------------------

    def start(self) -> None:
        """The window is up: watch the network, probe what waits and send what is due."""
        if self._started or self._stopped:
            return
        self._started = True
        self._watch_network()
        self.run(probe=True)

    def note_queued(self, account: str) -> None:
        """A publish left `account`'s post waiting: probe its server now, and send when it answers again.

        Only a probe says whether a server answers: a post also waits when its server answered
        "try later" (a 4xx reply, a rate limit), and such a post waits for its time."""
        self._answered.pop(account, None)
        self.run(probe=True)

    def send_now(self, account: str | None = None) -> None:
        """Every waiting job (of `account`) is due now, and a run sends it."""
        self._wake.add(account or EVERY_ACCOUNT)
        self.run()

    def run(self, probe: bool = False) -> None:
        """Start a run, or another one right after the one in flight."""
        self._probe_wanted |= probe
        if self._stopped or not self._started:
            return
        if self._task is not None:
            self._again = True
            return
        if self._services is None:
            self._services = ServiceMaker(self.context, self._publishers())
        services = self._services
        probe, self._probe_wanted = self._probe_wanted, False
        wake, self._wake = frozenset(self._wake), set()
        work = partial(
            run_once,
            services.round(),
            self.make_probe,
            probe=probe,
            wake=wake,
            answered=dict(self._answered),
        )
        self._task = self._runner.run(
            lambda _report, cancel: work(cancel=cancel), name="outbox", done=self._done, failed=self._failed
        )

    # -- what a run found --------------------------------------------------------

    def _done(self, result: RunResult) -> None:
        self._task = None
        self.runs += 1
        if self._stopped:
            return
        self._answered.update(result.answers)
        for outcome in result.outcomes:
            if outcome.receipt is not None:
                self._answered[outcome.account] = True
        self._waiting_accounts = result.waiting_accounts
        for account in list(self._answered):
            if account not in self._waiting_accounts:
                del self._answered[account]  # nothing waits for it: its next queued post says again
        self._arm(result.next_due)
        self._tell(result.updates, result.next_due)
        if any(outcome.receipt is not None and not outcome.reused for outcome in result.outcomes):
            self.delivered.emit(result.outcomes)
        if self._again:
            self._again = False
            self.run()

    def _failed(self, error: Exception) -> None:
        """The run itself broke (the database, most likely): try again later, say nothing new."""
        self._task = None
        self.runs += 1
        if self._stopped:
            return
        self._timer.start(self.stuck_delay_ms)
        if self._again:
            self._again = False
            self.run()

    def _arm(self, next_due: datetime | None) -> None:
        """The timer for the next due job; the probe while jobs wait."""
        if next_due is None:
            self._timer.stop()
        else:
            wait_ms = (next_due - utc_now()).total_seconds() * 1000
            # Due already after a run: it did not move (its account is gone, a run was cut short).
            delay = self.stuck_delay_ms if wait_ms <= 0 else max(self.min_delay_ms, int(wait_ms) + 50)
            self._timer.start(min(delay, MAX_DELAY_MS))
        if not self._waiting_accounts:
            self._probe_timer.stop()
        elif not self._probe_timer.isActive() or self._probe_timer.interval() != self.probe_interval_ms:
            self._probe_timer.start(self.probe_interval_ms)

    def _tell(self, updates: int, next_due: datetime | None) -> None:
        accounts = self._waiting_accounts
        servers_down = bool(accounts) and all(self._answered.get(account) is False for account in accounts)
        offline = bool(updates) and (self.network_online is False or servers_down)
        self.state = Waiting(updates, next_due if updates else None, offline, servers_down and bool(updates))
        self.waiting_changed.emit(self.state)

    # -- the network -------------------------------------------------------------

    def _watch_network(self) -> None:
        """Qt's view of the network, where the system has a reachability backend (none offscreen, maybe)."""
        from PySide6.QtNetwork import QNetworkInformation  # noqa: PLC0415

        info = QNetworkInformation.instance()
        if info is None and QNetworkInformation.loadBackendByFeatures(QNetworkInformation.Feature.Reachability):
            info = QNetworkInformation.instance()
        if info is None:
            return
        self._network = info
        info.reachabilityChanged.connect(self._reachability_changed)
        self.network_online = info.reachability() != QNetworkInformation.Reachability.Disconnected

    def _reachability_changed(self, reachability: QNetworkInformation.Reachability) -> None:
        from PySide6.QtNetwork import QNetworkInformation  # noqa: PLC0415

        online = reachability != QNetworkInformation.Reachability.Disconnected
        came_back = online and self.network_online is False
        self.network_online = online
        if came_back:
            self.send_now()  # every server may answer again: try them all now
        else:
            self._tell(self.state.updates, self.state.next_try)

    # -- closing -----------------------------------------------------------------

    def stop(self) -> None:
        """The window is closing: no more runs; the run in flight is cancelled and waited for."""
        if self._stopped:
            return
        self._stopped = True
        self._timer.stop()
        self._probe_timer.stop()
        if self._network is not None:
            self._network.reachabilityChanged.disconnect(self._reachability_changed)
            self._network = None
        drained = self._runner.shutdown()
        if self._services is not None and drained:  # a worker still sending keeps its connections
            self._services.close()
