# SPDX-License-Identifier: GPL-3.0-or-later
"""The durable outbox: every post to every account is a job in the store before it is sent.

A job moves pending -> sending -> sent. Its key (account + update + text) makes a second
publish of the same post return the first receipt instead of sending again. Other ends:

- back to pending with a `next_attempt` when the channel could not be reached (nothing went
  out); the sender tries again then, with exponential backoff and jitter (`next_delay`);
- failed: permanent until the user acts (bad credentials, content refused);
- uncertain: it may or may not have gone out (a crash or a lost answer after the request was
  sent). Never sent again on its own: a channel that can look for its own post looks first,
  otherwise the user says "sent" or "send again" (`resolve`);
- cancelled: the user stopped it.
"""

from __future__ import annotations

import hashlib
import json
import random
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import NotRequired, TypedDict

from composer.core import claimer
from composer.core.i18n import N_, _
from composer.core.model import parse_time, utc_now

STATES = ("pending", "sending", "sent", "failed", "uncertain", "cancelled")
OPEN_STATES = ("pending", "sending", "failed", "uncertain")  # not done: sent and cancelled are
INTERRUPTED = N_("Sending was interrupted (the app or the command stopped): this may or may not have gone out.")
FIRST_DELAY = 10.0  # seconds before the first retry of an unreachable channel
MAX_DELAY = 900.0  # never wait longer than this between tries (unless the server asks to)


class OutboxError(ValueError):
    """An outbox action that does not apply to the job (one line, for the user)."""


def next_delay(attempts: int, retry_after: float | None = None, *, rand: Callable[[], float] = random.random) -> float:
    """Seconds until the next try after `attempts` tries: doubling from FIRST_DELAY up to MAX_DELAY,
    each drawn between half and all of that ("equal jitter"), so that many queued jobs do not all
    knock at once when the network returns. A server's Retry-After wins when it asks for longer."""
    ceiling = min(MAX_DELAY, FIRST_DELAY * 2.0 ** max(0, attempts - 1))
    delay = ceiling * (0.5 + 0.5 * rand())
    if retry_after is not None and retry_after > delay:
        delay = retry_after * (1.0 + 0.1 * rand())
    return delay


class PostRecord(TypedDict):
    """What the outbox keeps of a post (JSON in its `post` column)."""

    channel: str
    subject: str
    parts: list[str]
    incident_key: str  # the same for every update of one incident
    html: NotRequired[str]  # the rest of the rendered post, so a queued job is sent as it was rendered
    meta: NotRequired[dict[str, object]]
    title: NotRequired[str]  # the incident's title, for the outbox view


class ReceiptRecord(TypedDict, total=False):
    """A sent post's receipt as the outbox keeps it (JSON in its `receipt` column); empty until sent."""

    account: str
    channel: str
    remote_id: str
    url: str
    published_at: str  # ISO 8601
    meta: dict[str, object]


@dataclass
class Job:
    id: int
    key: str
    account: str
    update_id: int | None
    post: PostRecord
    state: str
    attempts: int = 0
    last_error: str = ""
    receipt: ReceiptRecord = field(default_factory=ReceiptRecord)
    incident_key: str = ""
    created_at: datetime | None = None
    updated_at: datetime | None = None
    next_attempt: datetime | None = None  # None: due now (when pending)
    attempted_at: datetime | None = None  # when it was last handed to its channel

    def due(self, now: datetime) -> bool:
        return self.state == "pending" and (self.next_attempt is None or self.next_attempt <= now)


def job_key(account: str, update_key: str, text: str) -> str:
    digest = hashlib.sha256(f"{account}\\0{update_key}\\0{text}".encode()).hexdigest()[:32]
    return f"{account}:{digest}"


class Outbox:
    """Jobs in the store's `outbox` table. Each state change is its own committed write."""

    def __init__(self, conn: sqlite3.Connection):
        self._conn = conn

    def enqueue(self, key: str, account: str, update_id: int | None, post: PostRecord) -> Job:
        """The job for this key: a new pending one, or the existing one (never a duplicate)."""
        now = utc_now().isoformat()
        with self._conn:
            self._conn.execute(
                "INSERT OR IGNORE INTO outbox (key, account, update_id, post, state, created_at, updated_at,"
                " incident_key) VALUES (?,?,?,?, 'pending', ?, ?, ?)",
                (key, account, update_id, json.dumps(post, default=str), now, now, str(post.get("incident_key", ""))),
            )
        return self.get(key)

    def get(self, key: str) -> Job:
        row = self._conn.execute("SELECT * FROM outbox WHERE key=?", (key,)).fetchone()
        if row is None:
            raise KeyError(key)
        return _job(row)

    def job(self, job_id: int) -> Job:
        """The job with this id; OutboxError (one line) when there is none."""
        row = self._conn.execute("SELECT * FROM outbox WHERE id=?", (job_id,)).fetchone()
        if row is None:
            raise OutboxError(
                _("there is no outbox job {job} (see `incident-composer outbox list`)").format(job=job_id)
            )
        return _job(row)

    def due(self, now: datetime) -> list[Job]:
        """Jobs whose time has come, oldest first (an incident's updates go in order): pending ones,
        and uncertain ones whose channel is to look for the post it may have made."""
        rows = self._conn.execute(
            "SELECT * FROM outbox WHERE (state='pending' AND (next_attempt IS NULL OR next_attempt <= ?))"
            " OR (state='uncertain' AND next_attempt IS NOT NULL AND next_attempt <= ?) ORDER BY id",
            (now.astimezone(UTC).isoformat(),) * 2,
        ).fetchall()
        return [_job(r) for r in rows]

    def waiting(self) -> int:
        """How many jobs wait to be sent (pending, whenever due)."""
        return int(self._conn.execute("SELECT count(*) FROM outbox WHERE state='pending'").fetchone()[0])

    def open_jobs(self) -> list[Job]:
        """Every job not done yet: pending, sending, failed or uncertain."""
        marks = ",".join("?" * len(OPEN_STATES))
        rows = self._conn.execute(f"SELECT * FROM outbox WHERE state IN ({marks}) ORDER BY id", OPEN_STATES).fetchall()
        return [_job(r) for r in rows]

    def jobs(self, state: str | None = None) -> list[Job]:
        if state is None:
            rows = self._conn.execute("SELECT * FROM outbox ORDER BY id").fetchall()
        else:
            rows = self._conn.execute("SELECT * FROM outbox WHERE state=? ORDER BY id", (state,)).fetchall()
        return [_job(r) for r in rows]

    def last_sent(self, account: str, incident_key: str) -> ReceiptRecord | None:
        """The receipt of this account's newest sent post for an incident, if any."""
        row = self._conn.execute(
            "SELECT * FROM outbox WHERE account=? AND incident_key=? AND state='sent' ORDER BY id DESC LIMIT 1",
            (account, incident_key),
        ).fetchone()
        if row is None:
            return None
        return _job(row).receipt or None

    def sent_versions(self, job: Job) -> list[ReceiptRecord]:
        """Receipts of the versions of `job`'s update already sent to its account (an earlier text
        of the same update), oldest first: when there are some, `job` is a correction."""
        if job.update_id is None:
            return []
        rows = self._conn.execute(
            "SELECT * FROM outbox WHERE account=? AND incident_key=? AND update_id=? AND state='sent' AND key!=?"
            " ORDER BY id",
            (job.account, job.incident_key, job.update_id, job.key),
        ).fetchall()
        return [_job(row).receipt for row in rows if _job(row).receipt]

    def _set(self, key: str, **fields: object) -> None:
        fields["updated_at"] = utc_now().isoformat()
        columns = ", ".join(f"{name}=?" for name in fields)
        with self._conn:
            self._conn.execute(f"UPDATE outbox SET {columns} WHERE key=?", (*fields.values(), key))

    def claim(self, key: str, *, uncertain: bool = False, cancelled: bool = False) -> bool:
        """Take a pending or failed job for sending. One UPDATE that only one process can win:
        False when another process (or a thread) holds it, or it is sent, cancelled or uncertain.
        `uncertain`: also an uncertain job, for a channel that first looks for the post it may have
        made; `cancelled`: also a cancelled one (the user publishes it again)."""
        states = ("pending", "failed") + (("uncertain",) if uncertain else ()) + (("cancelled",) if cancelled else ())
        now = utc_now().isoformat()
        with self._conn:
            # attempted_at: when a post may have gone out. A recheck of an uncertain job keeps the
            # earlier time (a channel's window for finding its post counts from that attempt).
            cursor = self._conn.execute(
                "UPDATE outbox SET state='sending', attempts=attempts+1, claimed_by=?, updated_at=?,"
                " attempted_at=CASE WHEN state='uncertain' AND attempted_at IS NOT NULL THEN attempted_at ELSE ? END,"
                f" next_attempt=NULL WHERE key=? AND state IN ({','.join('?' * len(states))})",
                (claimer.this_process(), now, now, key, *states),
            )
        return cursor.rowcount == 1

    def mark_sending(self, key: str) -> None:
        """Claim without asking (tests and tools); `claim` is what senders use."""
        with self._conn:
            self._conn.execute(
                "UPDATE outbox SET state='sending', attempts=attempts+1, claimed_by=?, updated_at=? WHERE key=?",
                (claimer.this_process(), utc_now().isoformat(), key),
            )

    def mark_uncertain(self, key: str, error: str) -> None:
        """The outcome is unknown: it may have gone out. Never sent again without a check or the user."""
        self._set(key, state="uncertain", last_error=error, next_attempt=None)

    def mark_sent(self, key: str, receipt: ReceiptRecord) -> None:
        self._set(key, state="sent", receipt=json.dumps(receipt, default=str), last_error="")

    def mark_failed(self, key: str, error: str) -> None:
        self._set(key, state="failed", last_error=error)

    def defer(self, key: str, error: str, delay: float | None, *, state: str = "pending") -> datetime | None:
        """Nothing went out this time: `state` again (pending; or uncertain, for a job whose earlier
        attempt may have gone out), tried again in `delay` seconds (None: not on its own)."""
        when = None if delay is None else utc_now() + timedelta(seconds=max(0.0, delay))
        self._set(key, state=state, last_error=error, next_attempt=when.isoformat() if when else None)
        return when

    def hold(self, account: str, until: datetime) -> None:
        """Keep `account`'s waiting jobs until `until`: behind one that could not go, in their order."""
        with self._conn:
            self._conn.execute(
                "UPDATE outbox SET next_attempt=? WHERE account=? AND state='pending'"
                " AND (next_attempt IS NULL OR next_attempt < ?)",
                (until.astimezone(UTC).isoformat(), account, until.astimezone(UTC).isoformat()),
            )

    def next_due(self) -> datetime | None:
        """When the next waiting job is due (None: nothing waits on its own)."""
        row = self._conn.execute(
            "SELECT min(coalesce(next_attempt, '')) FROM outbox WHERE state='pending'"
            " OR (state='uncertain' AND next_attempt IS NOT NULL)"
        ).fetchone()
        if row is None or row[0] is None:
            return None
        return parse_time(row[0]) or utc_now()

    def waiting_updates(self) -> int:
        """How many distinct updates have a job waiting to be sent."""
        return int(
            self._conn.execute(
                "SELECT count(DISTINCT incident_key || '/' || coalesce(update_id, key)) FROM outbox"
                " WHERE state='pending'"
            ).fetchone()[0]
        )

    def wake(self, account: str | None = None) -> int:
        """The network is back: every pending job (of `account`) is due now. Returns how many."""
        query = (
            "UPDATE outbox SET next_attempt = CASE WHEN state='pending' THEN NULL ELSE ? END"
            " WHERE state IN ('pending', 'uncertain') AND next_attempt IS NOT NULL"
        )
        now = utc_now().isoformat()  # an uncertain job's channel looks for its post now
        with self._conn:
            if account is None:
                return self._conn.execute(query, (now,)).rowcount
            return self._conn.execute(query + " AND account=?", (now, account)).rowcount

    def _change(self, job_id: int, allowed: tuple[str, ...], refusal: str, **fields: object) -> Job:
        """Move job `job_id` from one of `allowed` states, in one UPDATE (a sender may hold it)."""
        self.job(job_id)  # OutboxError when there is none
        fields["updated_at"] = utc_now().isoformat()
        columns = ", ".join(f"{name}=?" for name in fields)
        marks = ",".join("?" * len(allowed))
        with self._conn:
            cursor = self._conn.execute(
                f"UPDATE outbox SET {columns} WHERE id=? AND state IN ({marks})", (*fields.values(), job_id, *allowed)
            )
        if cursor.rowcount != 1:
            state = self.job(job_id).state
            raise OutboxError(_("job {job} is {state}: {refusal}").format(job=job_id, state=state, refusal=refusal))
        return self.job(job_id)

    def retry(self, job_id: int) -> Job:
        """The user asks for another try of a failed, cancelled or waiting job: due now."""
        return self._change(
            job_id,
            ("pending", "failed", "cancelled"),
            _(
                "only a waiting, failed or cancelled job can be retried (an uncertain one is resolved: "
                "--sent or --resend)"
            ),
            state="pending",
            next_attempt=None,
        )

    def cancel(self, job_id: int) -> Job:
        """The user stops a job that has not gone out."""
        return self._change(
            job_id,
            ("pending", "failed", "uncertain"),
            _("only a waiting, failed or uncertain job can be cancelled"),
            state="cancelled",
            next_attempt=None,
        )

    def resolve(self, job_id: int, *, sent: bool) -> Job:
        """The user's answer for an uncertain job: it did go out (`sent`), or send it again."""
        refusal = _("only an uncertain job is resolved (retry a failed one)")
        if sent:
            job = self.job(job_id)
            receipt: ReceiptRecord = {
                "account": job.account,
                "channel": job.post.get("channel", ""),
                "remote_id": "",
                "url": "",
                "published_at": (job.attempted_at or utc_now()).isoformat(),  # when it may have gone out
                "meta": {"marked_sent_by_hand": True},
            }
            return self._change(job_id, ("uncertain",), refusal, state="sent", receipt=json.dumps(receipt))
        return self._change(job_id, ("uncertain",), refusal, state="pending", next_attempt=None)

    def recover_interrupted(self, *, all_claims: bool = False) -> list[Job]:
        """Jobs left 'sending' by a process that is gone may have gone out: they become
        'uncertain', never re-sent blindly. A job a living process is sending is left alone
        (`all_claims`: every 'sending' job, whoever holds it)."""
        rows = self._conn.execute("SELECT * FROM outbox WHERE state='sending' ORDER BY id").fetchall()
        interrupted = [_job(row) for row in rows if all_claims or not claimer.is_alive(row["claimed_by"])]
        now = utc_now().isoformat()
        for job in interrupted:
            with self._conn:
                # Due at once: a channel that can look for the post it may have made looks (the
                # sender asks the publisher); for the others the sender leaves it to the user.
                self._conn.execute(
                    "UPDATE outbox SET state='uncertain', last_error=?, updated_at=?, next_attempt=?"
                    " WHERE key=? AND state='sending'",
                    (_(INTERRUPTED), now, now, job.key),
                )
        return interrupted


def _job(row: sqlite3.Row) -> Job:
    post: PostRecord = json.loads(row["post"])  # written by enqueue and mark_sent: the shapes above
    receipt: ReceiptRecord = json.loads(row["receipt"] or "{}")
    return Job(
        id=row["id"],
        key=row["key"],
        account=row["account"],
        update_id=row["update_id"],
        post=post,
        state=row["state"],
        attempts=row["attempts"],
        last_error=row["last_error"],
        receipt=receipt,
        incident_key=row["incident_key"],
        created_at=parse_time(row["created_at"]),
        updated_at=parse_time(row["updated_at"]),
        next_attempt=parse_time(row["next_attempt"]),
        attempted_at=parse_time(row["attempted_at"]),
    )
