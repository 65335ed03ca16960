# SPDX-License-Identifier: GPL-3.0-or-later
"""The durable outbox: every post to every account is a job in the store before it is sent.

A job moves pending -> sending -> sent (or failed). Its key (account + update + text) makes a
second publish of the same post return the first receipt instead of sending again. A job
found still "sending" after a crash may or may not have gone out: it becomes "uncertain" and is
never re-sent on its own; the user decides (and channels that can check, check first).
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
from dataclasses import dataclass, field
from datetime import datetime
from typing import TypedDict

from composer.core import claimer
from composer.core.model import utc_now

STATES = ("pending", "sending", "sent", "failed", "uncertain")
INTERRUPTED = "Sending was interrupted (the app or the command stopped): this may or may not have gone out."


class PostRecord(TypedDict):
    """What the outbox keeps of a post (JSON in its `post` column)."""

    channel: str
    subject: str
    parts: list[str]
    incident_key: str  # the same for every update of one incident


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

    def _set(self, key: str, **fields: object) -> None:
        fields["updated_at"] = utc_now().isoformat()
        columns = ", ".join(f"{name}=?" for name in fields)
        with self._conn:
            self._conn.execute(f"UPDATE outbox SET {columns} WHERE key=?", (*fields.values(), key))

    def claim(self, key: str) -> bool:
        """Take a pending or failed job for sending. One UPDATE that only one process can win:
        False when another process (or a thread) holds it, or it is sent or uncertain."""
        with self._conn:
            cursor = self._conn.execute(
                "UPDATE outbox SET state='sending', attempts=attempts+1, claimed_by=?, updated_at=? "
                "WHERE key=? AND state IN ('pending', 'failed')",
                (claimer.this_process(), utc_now().isoformat(), key),
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
        self._set(key, state="uncertain", last_error=error)

    def mark_sent(self, key: str, receipt: ReceiptRecord) -> None:
        self._set(key, state="sent", receipt=json.dumps(receipt, default=str), last_error="")

    def mark_failed(self, key: str, error: str) -> None:
        self._set(key, state="failed", last_error=error)

    def retry(self, key: str) -> None:
        """The user asks for another try of a failed or uncertain job."""
        self._set(key, state="pending")

    def recover_interrupted(self, *, all_claims: bool = False) -> list[Job]:
        """Jobs left 'sending' by a process that is gone may have gone out: they become
        'uncertain', never re-sent blindly. A job a living process is sending is left alone
        (`all_claims`: every 'sending' job, whoever holds it)."""
        rows = self._conn.execute("SELECT * FROM outbox WHERE state='sending' ORDER BY id").fetchall()
        interrupted = [_job(row) for row in rows if all_claims or not claimer.is_alive(row["claimed_by"])]
        for job in interrupted:
            with self._conn:
                self._conn.execute(
                    "UPDATE outbox SET state='uncertain', last_error=?, updated_at=? WHERE key=? AND state='sending'",
                    (INTERRUPTED, utc_now().isoformat(), job.key),
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
    )


def parse_time(value: object) -> datetime | None:
    return datetime.fromisoformat(str(value)) if value else None
