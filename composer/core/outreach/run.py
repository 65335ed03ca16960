# SPDX-License-Identifier: GPL-3.0-or-later
"""Sending every customer's message, once: through the outbox, throttled, pausable, resumable.

Each message is an outbox job (`messages.message_key`), written just before it is sent and sent
through `deliver` (the publishers' side gives it: `composer.publishers.outreach.deliverer`), the
same claim, recovery and "uncertain" handling as every other post. So a run made again after a
crash, a kill or a network cut skips what went out, sends what did not, and leaves what may or
may not have gone out ('uncertain') to the user (`outbox resolve JOB --sent|--resend`, or the
window's outbox): it is never re-sent on its own.

Throttle: at most `per_minute` messages a minute per account, evenly spaced (`Throttle`). A
temporary refusal (an SMTP 4xx answer, a server that cannot be reached: the job comes back
'pending') is tried again after the outbox's own backoff (`outbox.next_delay`: doubling from 10
seconds, with jitter, a server's Retry-After honoured), up to `tries` times, then the customer is
listed as failed (a run made again tries them again). The retry is these few lines on the
outbox's one backoff rule rather than a library: tenacity is not in the app's dependencies, and
one rule for every retry keeps the queue and a run alike.

Threads: `send_messages` blocks; the window runs it on a worker thread with a `Store` opened in
that thread, and drives it with a `RunControl` (pause, resume, stop) and `report(fraction, text)`.
"""

from __future__ import annotations

import random
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, NamedTuple

from composer.core.i18n import _
from composer.core.outbox import next_delay
from composer.core.outreach.messages import Message, Plan, post_record

if TYPE_CHECKING:
    from composer.core.outbox import Job
    from composer.core.store import Store

Report = Callable[[float, str], None]
DEFAULT_RATE = 30  # messages a minute per account
MAX_RATE = 60_000
DEFAULT_TRIES = 4  # a message refused for now (4xx) is tried this many times in one run


def no_report(_fraction: float, _text: str) -> None:
    """A `report` that ignores progress."""


class Delivery(NamedTuple):
    """What became of one job handed to `deliver`: the job's state after it, and why."""

    state: str  # sent, pending (refused for now: try later), failed, uncertain, cancelled, sending (held elsewhere)
    error: str = ""


Deliver = Callable[["Job", threading.Event, Report], Delivery]


class RunControl:
    """Pause, resume and stop a run from another thread (the window's buttons). Thread-safe."""

    def __init__(self) -> None:
        self.cancel = threading.Event()  # set: stop; handed to the publisher as its `cancel`
        self._running = threading.Event()
        self._running.set()

    def pause(self) -> None:
        """The run stops before its next message and waits (a message being sent finishes)."""
        self._running.clear()

    def resume(self) -> None:
        self._running.set()

    def stop(self) -> None:
        """The run ends before its next message; a paused run ends too."""
        self.cancel.set()
        self._running.set()

    @property
    def paused(self) -> bool:
        return not self._running.is_set() and not self.cancel.is_set()

    @property
    def stopped(self) -> bool:
        return self.cancel.is_set()

    def wait_while_paused(self) -> bool:
        """Block while paused; False when the run is to stop."""
        while not self._running.wait(0.2):
            pass
        return not self.cancel.is_set()


class Throttle:
    """At most `per_minute` messages a minute: one every 60/per_minute seconds, never a burst.
    `clock` and `sleep` are for tests (a fake clock); by default the waiting ends early on stop."""

    def __init__(
        self,
        per_minute: int = DEFAULT_RATE,
        *,
        clock: Callable[[], float] = time.monotonic,
        sleep: Callable[[float], object] | None = None,
    ):
        if not 1 <= per_minute <= MAX_RATE:
            raise ValueError(
                _("a rate of {rate} a minute: give 1 to {largest}").format(rate=per_minute, largest=MAX_RATE)
            )
        self.per_minute = per_minute
        self.interval = 60.0 / per_minute
        self._clock = clock
        self._sleep = sleep
        self._next: float | None = None

    def wait(self, cancel: threading.Event) -> bool:
        """Wait for the next slot and take it; False when stopped meanwhile (the slot is not taken)."""
        if self._next is not None:
            remaining = self._next - self._clock()
            if remaining > 0:
                self.pause(remaining, cancel)
        if cancel.is_set():
            return False
        self._next = max(self._clock(), self._next or 0.0) + self.interval
        return True

    def pause(self, seconds: float, cancel: threading.Event) -> None:
        """Wait `seconds` (a backoff too), ending early on stop."""
        if self._sleep is not None:
            self._sleep(seconds)
        else:
            cancel.wait(seconds)


@dataclass(frozen=True, slots=True)
class Reached:
    """What became of one customer in this run."""

    email: str
    name: str
    line: int
    state: str  # contacted, already (sent by an earlier run), failed, uncertain, skipped, cancelled, not-sent
    error: str = ""
    job_id: int | None = None


@dataclass
class RunResult:
    """Every customer of the plan, in its order, and whether the run was stopped before the end."""

    reached: list[Reached] = field(default_factory=list)
    stopped: bool = False
    each: Callable[[Reached], None] | None = field(default=None, repr=False, compare=False)

    def add(self, reached: Reached) -> None:
        self.reached.append(reached)
        if self.each is not None:
            self.each(reached)

    def count(self, *states: str) -> int:
        return sum(1 for r in self.reached if r.state in states)

    @property
    def all_sent(self) -> bool:
        """Every customer has their message (now or earlier), and no row of the list was left out."""
        return not self.stopped and all(r.state in ("contacted", "already") for r in self.reached)


# The outbox states a run leaves alone, and what they mean for the customer.
_SETTLED = {"sent": "already", "uncertain": "uncertain", "cancelled": "cancelled", "sending": "not-sent"}


def send_messages(
    store: Store,
    plan: Plan,
    deliver: Deliver,
    *,
    throttle: Throttle | None = None,
    control: RunControl | None = None,
    report: Report = no_report,
    by: str = "",
    tries: int = DEFAULT_TRIES,
    rand: Callable[[], float] | None = None,
    each: Callable[[Reached], None] | None = None,
) -> RunResult:
    """Send `plan`'s messages (see the module's docstring); the tracking rows are written as it goes.
    `by`: who runs it (kept with each customer); `each`: called with every customer's outcome as it
    comes (a line to print, a table row to update); `rand`: the backoff's jitter (tests)."""
    throttle = throttle or Throttle()
    control = control or RunControl()
    rand = rand or random.random
    result = RunResult(each=each)
    for skipped in plan.skipped:
        customer = skipped.customer
        store.record_outreach_contact(
            plan.incident_id, customer.email, name=customer.name, phone=customer.phone, language=customer.language,
            template=plan.template_id, account=plan.account, error=skipped.reason, by=by,
        )  # fmt: skip
        result.add(Reached(customer.email, customer.name, customer.line, "skipped", skipped.reason))
    total = max(1, len(plan.messages))
    outbox = store.outbox()
    for index, message in enumerate(plan.messages):
        customer = message.customer
        if not control.wait_while_paused():
            result.stopped = True
            break
        _record(store, plan, message, by)
        try:
            existing: Job | None = outbox.get(message.key)
        except KeyError:
            existing = None
        if existing is not None and existing.state in _SETTLED:
            state = _SETTLED[existing.state]
            error = existing.last_error if state != "already" else ""
            if existing.state == "sending":
                error = _("another window or command is sending it now")
            result.add(Reached(customer.email, customer.name, customer.line, state, error, existing.id))
            report((index + 1) / total, f"{customer.email}: {state}")
            continue
        if not throttle.wait(control.cancel):  # before the job is written: a stopped run leaves nothing waiting
            result.stopped = True
            break
        job = outbox.enqueue(
            message.key,
            plan.account,
            None,
            post_record(message, incident_id=plan.incident_id, title=plan.incident_title),
        )
        state, error = _deliver(store, job, deliver, throttle=throttle, control=control, tries=tries, rand=rand)
        shown = {"sent": "contacted", "pending": "failed", "sending": "not-sent"}.get(state, state)
        result.add(Reached(customer.email, customer.name, customer.line, shown, error, job.id))
        report((index + 1) / total, f"{customer.email}: {shown}")
    return result


def _record(store: Store, plan: Plan, message: Message, by: str) -> None:
    """The customer's tracking row, naming the job of this message (written before the job is)."""
    customer = message.customer
    store.record_outreach_contact(
        plan.incident_id, customer.email, name=customer.name, phone=customer.phone, language=customer.language,
        template=message.template_id, account=plan.account, job_key=message.key, by=by,
    )  # fmt: skip


def _deliver(
    store: Store,
    job: Job,
    deliver: Deliver,
    *,
    throttle: Throttle,
    control: RunControl,
    tries: int,
    rand: Callable[[], float],
) -> tuple[str, str]:
    """Hand one job over, again after the backoff while it is refused for now; its state and error.
    A job still refused after `tries` is marked failed (a run made again tries it again)."""
    delivery = Delivery("pending")
    for attempt in range(1, max(1, tries) + 1):
        delivery = deliver(job, control.cancel, no_report)
        if delivery.state != "pending":
            return delivery.state, delivery.error
        if attempt == tries or control.stopped:
            break
        throttle.pause(next_delay(attempt, rand=rand), control.cancel)
        if control.stopped:
            break
    outbox = store.outbox()
    if outbox.get(job.key).state == "pending":  # not left waiting: the queue would send it unthrottled
        outbox.mark_failed(job.key, delivery.error)
    return "failed", delivery.error
