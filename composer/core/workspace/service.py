# SPDX-License-Identifier: GPL-3.0-or-later
"""Keeping a copy in step with its workspace, in the background (no Qt: the window wraps it).

One thread does the rounds (capture, push, pull, apply). It starts one when:

- the workspace says something changed (PostgreSQL `LISTEN/NOTIFY`: within a second of another
  person's save);
- this store changed (`PRAGMA data_version` moves when any connection commits: the window, the
  command line, an import — whoever saved);
- `RETRY_S` passed, as a safety net.

When the workspace cannot be reached, drafting goes on in the local store: the service says
"offline", with how many changes wait, and tries again after a growing pause (`BACKOFF_S`). Who
is editing which update (`ws_editing`) is told the same way and refreshed while editing.
"""

from __future__ import annotations

import contextlib
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from composer.core.workspace import schema
from composer.core.workspace.membership import Address, status, synced
from composer.core.workspace.remote import RemoteWorkspace, connect, reachable
from composer.core.workspace.session import WorkspaceCopy
from composer.core.workspace.sync import WorkspaceUnreachable

RETRY_S = 30.0
BACKOFF_S = (2.0, 5.0, 10.0, 30.0, 60.0)
SLICE_S = 0.1  # how often the thread looks at this store and the workspace's notifications
PRESENCE_S = 20.0  # an editor's mark is refreshed this often; older than PRESENCE_TTL, it is gone
PRESENCE_TTL = timedelta(seconds=60)


@dataclass
class SyncState:
    online: bool | None = None  # None: not tried yet
    error: str = ""
    waiting: int = 0
    conflicts: int = 0
    refused: int = 0
    last_sync: datetime | None = None
    editing: dict[str, str] = field(default_factory=dict)  # object -> who else edits it ("ana, bo")


class SyncService:
    def __init__(
        self,
        path: Path,
        address: Address,
        password: str | None,
        *,
        on_changed: Callable[[set[str]], None],
        on_state: Callable[[SyncState], None],
    ):
        self.path, self.address, self._password = path, address, password
        self._on_changed, self._on_state = on_changed, on_state
        self._stop = threading.Event()
        self._wake = threading.Event()
        self._thread: threading.Thread | None = None
        self._editing: str | None = None
        self._editing_lock = threading.Lock()
        self.state = SyncState()

    # -- called from any thread ----------------------------------------------------------------

    def start(self) -> None:
        self._thread = threading.Thread(target=self._run, name="workspace-sync", daemon=True)
        self._thread.start()

    def stop(self, timeout: float = 10.0) -> None:
        self._stop.set()
        self._wake.set()
        if self._thread is not None:
            self._thread.join(timeout)

    def poke(self) -> None:
        """Sync now (a save that must reach the team, "Sync now")."""
        self._wake.set()

    def editing(self, obj: str | None) -> None:
        """This person now edits `obj` (None: nothing); told to the others at the next turn."""
        with self._editing_lock:
            self._editing = obj
        self._wake.set()

    # -- the thread ------------------------------------------------------------------------------

    def _run(self) -> None:
        copy = WorkspaceCopy(self.path, self.address.user)
        workspace = RemoteWorkspace(self.address.url, self._password)
        listener: Any = None
        seen_version = -1
        failures = 0
        next_round = 0.0
        marked: tuple[str | None, float] = (None, 0.0)
        try:
            while not self._stop.is_set():
                version = int(copy.conn.execute("PRAGMA data_version").fetchone()[0])
                due = version != seen_version or time.monotonic() >= next_round or self._wake.is_set()
                self._wake.clear()
                if due:
                    seen_version = version
                    try:
                        if listener is None:
                            listener = self._listen()
                        marked = self._round(copy, workspace, listener, marked)
                        failures, next_round = 0, time.monotonic() + RETRY_S
                        if self.state.waiting:
                            self._wake.set()  # captured after this round's push: send it now
                    except Exception as error:  # the thread goes on; the state says why
                        listener = self._close(listener)
                        pause = BACKOFF_S[min(failures, len(BACKOFF_S) - 1)]
                        failures += 1
                        next_round = time.monotonic() + pause
                        reason = str(error) if isinstance(error, WorkspaceUnreachable) else f"sync failed: {error}"
                        self._offline(copy, " ".join(reason.split()))
                    # Not read again here: a save that landed during the round moved the version
                    # and brings the next round at once (its change may have been captured by the
                    # round's apply, after the push).
                self._wait(listener, next_round)
        finally:
            self._close(listener)
            workspace.close()
            copy.close()

    def _listen(self) -> Any:
        import psycopg  # noqa: PLC0415

        conn = connect(self.address.url, self._password, autocommit=True)
        try:
            conn.execute(f"LISTEN {schema.CHANNEL}")
        except psycopg.OperationalError as error:
            conn.close()
            raise WorkspaceUnreachable(str(error)) from None
        return conn

    @staticmethod
    def _close(listener: Any) -> None:
        if listener is not None:
            with contextlib.suppress(Exception):  # closing a connection that is already gone
                listener.close()

    def _wait(self, listener: Any, until: float) -> None:
        """Until a notification, a wake, a change of this store, or `until`: slice by slice."""
        import psycopg  # noqa: PLC0415

        deadline = time.monotonic() + SLICE_S
        while not self._stop.is_set() and not self._wake.is_set():
            if listener is not None:
                try:
                    for _note in listener.notifies(timeout=SLICE_S, stop_after=1):
                        self._wake.set()
                except psycopg.OperationalError:
                    self._wake.set()  # the connection dropped: the next round says so
                    return
            else:
                self._stop.wait(SLICE_S)
            if time.monotonic() >= min(deadline, until):
                return

    def _round(
        self, copy: WorkspaceCopy, workspace: RemoteWorkspace, listener: Any, marked: tuple[str | None, float]
    ) -> tuple[str | None, float]:
        done = copy.round(workspace)
        synced(copy.conn)
        with self._editing_lock:
            editing = self._editing
        with reachable():
            marked = self._presence(listener, editing, marked)
            others = self._others_editing(listener)
        found = status(copy.conn)
        self.state = SyncState(
            online=True,
            waiting=found.waiting,
            conflicts=found.conflicts,
            refused=found.refused,
            last_sync=datetime.now(UTC),
            editing=others,
        )
        if done.changed:
            self._on_changed(done.changed)
        self._on_state(self.state)
        return marked

    def _presence(self, conn: Any, editing: str | None, marked: tuple[str | None, float]) -> tuple[str | None, float]:
        was, at = marked
        if editing == was and (editing is None or time.monotonic() - at < PRESENCE_S):
            return marked
        who = self.address.user
        conn.execute("DELETE FROM ws_editing WHERE who = %s", (who,))
        if editing is not None:
            now = datetime.now(UTC)
            conn.execute(
                "INSERT INTO ws_editing (object, who, since, seen) VALUES (%s, %s, %s, %s) "
                "ON CONFLICT (object, who) DO UPDATE SET seen = EXCLUDED.seen",
                (editing, who, now, now),
            )
        return editing, time.monotonic()

    def _others_editing(self, conn: Any) -> dict[str, str]:
        since = datetime.now(UTC) - PRESENCE_TTL
        rows = conn.execute(
            "SELECT object, string_agg(who, ', ' ORDER BY since) FROM ws_editing WHERE seen > %s AND who <> %s "
            "GROUP BY object",
            (since, self.address.user),
        )
        return {str(obj): str(who) for obj, who in rows.fetchall()}

    def _offline(self, copy: WorkspaceCopy, error: str) -> None:
        found = status(copy.conn)
        self.state = SyncState(
            online=False,
            error=error,
            waiting=found.waiting,
            conflicts=found.conflicts,
            refused=found.refused,
            last_sync=self.state.last_sync,
        )
        self._on_state(self.state)
