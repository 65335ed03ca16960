# SPDX-License-Identifier: GPL-3.0-or-later
"""A team's workspace (issue 17): figures for run.py ("workspace"), or alone:

    python benchmarks/workspace.py [--runs 11] [--incidents 1000]

A real PostgreSQL is started for the run (tests/publishers/postgres_peer.py: Debian's
`postgresql`, a private cluster on 127.0.0.1).

- `workspace_notify_ms` (target ≤ 1,000): one person saves an update; the time until the other
  person's copy has it in its store (their sync's report, which the window turns into a reload),
  both syncs running as in the app; median of the runs.
- `workspace_first_sync_ms` (target ≤ 10,000): a workspace holding 1,000 incidents × 20 updates
  (and their publications and events); a new member joins with an empty data folder; the time
  of their first sync until they have it all.
- `workspace_open_ratio_1000x20` and `workspace_search_ratio_1000x20` (targets ≤ 1.5): that
  member's window painting its first screen, and a search across all updates, against the same
  data in a store that is in no workspace; interleaved runs, medians (the opening ratio only
  from run.py, which runs the first-paint children).
"""

from __future__ import annotations

import argparse
import contextlib
import json
import queue
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))
sys.path.insert(0, str(ROOT / "tests" / "publishers"))
INCIDENTS, UPDATES = 1000, 20
SEARCH = "certificat rotat"  # words of every seeded update, typed short (prefixes)


def _server():  # type: ignore[no-untyped-def]
    from postgres_peer import PostgresPeer

    from composer.core.workspace import remote

    server = PostgresPeer().start()
    for database in ("notify", "first"):
        server.create_database(database)
        with server.admin(database) as conn:
            conn.autocommit = False
            remote.set_up(conn)
    for name in ("ana", "bo"):
        server.add_person(name, f"{name}-pass", "composer_reviewer")
    return server


def _join(server, home: Path, name: str, database: str):  # type: ignore[no-untyped-def]
    from composer.core.credentials import MemoryCredentials
    from composer.core.store import Store
    from composer.core.workspace import membership

    path = home / "composer.db"
    Store.open(path)[0].close()
    return path, membership.join(path, server.url(database, name), MemoryCredentials(), f"{name}-pass")


def _round(path: Path, server, name: str) -> int:  # type: ignore[no-untyped-def]
    from composer.core.workspace import remote
    from composer.core.workspace.session import WorkspaceCopy

    copy = WorkspaceCopy(path, name)
    workspace = remote.RemoteWorkspace(server.url("first", name), f"{name}-pass")
    try:
        return copy.round(workspace).pulled
    finally:
        workspace.close()
        copy.close()


def first_sync(server, scratch: Path, incidents: int) -> tuple[dict[str, float], Path]:  # type: ignore[no-untyped-def]
    """The newcomer's first sync; also returns their data folder (the synced copy)."""
    import statuspage

    seeded = scratch / "seeded"
    seeded.mkdir(parents=True, exist_ok=True)
    statuspage.seed(seeded / "composer.db", incidents, UPDATES)
    local = scratch / "local"  # the same year in a store in no workspace, for against_local
    local.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(seeded / "composer.db", local / "composer.db")
    path, _ = _join(server, seeded, "ana", "first")
    start = time.perf_counter()
    _round(path, server, "ana")  # everything Ana has, captured and pushed
    share_ms = (time.perf_counter() - start) * 1000
    newcomer = scratch / "newcomer"
    newcomer.mkdir(parents=True, exist_ok=True)
    path, _ = _join(server, newcomer, "bo", "first")
    start = time.perf_counter()
    pulled = _round(path, server, "bo")
    first_ms = (time.perf_counter() - start) * 1000
    from composer.core.store import Store

    store, _ = Store.open(path)
    try:
        have = len(store.incidents())
    finally:
        store.close()
    if have != incidents:
        raise RuntimeError(f"the newcomer has {have} incidents after the first sync, expected {incidents}")
    figures = {
        "workspace_first_sync_ms": round(first_ms, 1),
        "workspace_first_sync_revisions": pulled,
        "workspace_share_ms": round(share_ms, 1),
    }
    return figures, newcomer


def against_local(newcomer: Path, scratch: Path, incidents: int, runs: int, paint) -> dict[str, float]:  # type: ignore[no-untyped-def]
    """Opening and searching the newcomer's copy (in the workspace) against the same year in a store
    in no workspace: first paint (`paint(home)` in ms, run.py's child) and `Store.search_updates`,
    interleaved runs, medians."""
    import statuspage

    from composer.core.store import Store

    local = scratch / "local"  # seeded by first_sync, before the seeded store joined
    if not (local / "composer.db").exists():
        local.mkdir(parents=True, exist_ok=True)
        statuspage.seed(local / "composer.db", incidents, UPDATES)
    figures: dict[str, float] = {}
    if paint is not None:
        paint(newcomer), paint(local)  # warm the caches of both
        opened: dict[str, list[float]] = {"workspace": [], "local": []}
        for _ in range(runs):
            opened["workspace"].append(paint(newcomer))
            opened["local"].append(paint(local))
        figures["workspace_open_ratio_1000x20"] = round(
            statistics.median(opened["workspace"]) / statistics.median(opened["local"]), 3
        )
        figures["workspace_open_ms_1000x20"] = round(statistics.median(opened["workspace"]), 1)
    stores = {"workspace": Store.open(newcomer / "composer.db")[0], "local": Store.open(local / "composer.db")[0]}
    try:
        found: dict[str, list[float]] = {"workspace": [], "local": []}
        for store in stores.values():
            store.search_updates("warm up")
        for _ in range(max(runs, 11)):
            for side, store in stores.items():
                start = time.perf_counter()
                hits = store.search_updates(SEARCH)
                found[side].append((time.perf_counter() - start) * 1000)
                if not hits:
                    raise RuntimeError(f"the search found nothing in the {side} store")
    finally:
        for store in stores.values():
            store.close()
    figures["workspace_search_ratio_1000x20"] = round(
        statistics.median(found["workspace"]) / statistics.median(found["local"]), 3
    )
    figures["workspace_search_ms_1000x20"] = round(statistics.median(found["workspace"]), 1)
    return figures


def notify(server, scratch: Path, runs: int) -> dict[str, float]:  # type: ignore[no-untyped-def]
    from composer.core.model import Incident, Status, Update
    from composer.core.store import Store
    from composer.core.workspace.service import SyncService

    services, stores, changes = [], [], []
    try:
        for name in ("ana", "bo"):
            home = scratch / f"notify-{name}"
            home.mkdir(parents=True, exist_ok=True)
            path, address = _join(server, home, name, "notify")
            store, _ = Store.open(path)
            reports: queue.Queue[set[str]] = queue.Queue()
            states: queue.Queue[object] = queue.Queue()
            service = SyncService(path, address, f"{name}-pass", on_changed=reports.put, on_state=states.put)
            service.start()
            services.append(service)
            stores.append(store)
            changes.append(reports)
            states.get(timeout=30)
        ana, bo = stores
        incident = ana.add_incident(Incident("Mail delayed"))
        update = ana.add_update(Update(incident.id, "Mail is delayed.", Status.INVESTIGATING))
        uid = ana._conn.execute("SELECT uid FROM updates WHERE id = ?", (update.id,)).fetchone()[0]
        _wait_for(bo, changes[1], uid, "Mail is delayed.")
        samples = []
        for n in range(runs):
            update.body = f"Mail is delayed ({n})."
            start = time.perf_counter()
            ana.save_update(update)
            _wait_for(bo, changes[1], uid, update.body)
            samples.append((time.perf_counter() - start) * 1000)
            time.sleep(0.2)
        return {
            "workspace_notify_ms": round(statistics.median(samples), 1),
            "workspace_notify_max_ms": round(max(samples), 1),
        }
    finally:
        for service in services:
            service.stop()
        for store in stores:
            store.close()


def _wait_for(store, reports: queue.Queue[set[str]], uid: str, body: str, timeout: float = 30) -> None:  # type: ignore[no-untyped-def]
    """Until the other person's store holds `body` for the update: each report of their sync
    wakes this up to look (the window reloads on the same report)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        row = store._conn.execute("SELECT body FROM updates WHERE uid = ?", (uid,)).fetchone()
        if row is not None and row[0] == body:
            return
        with contextlib.suppress(queue.Empty):
            reports.get(timeout=max(0.01, min(0.5, deadline - time.monotonic())))
    raise RuntimeError("the other copy never got the change")


def measure(runs: int, scratch: Path, incidents: int = INCIDENTS, paint=None) -> dict[str, float]:  # type: ignore[no-untyped-def]
    """Every figure; `paint(home) -> ms` (run.py's first-paint child) adds the opening ratio."""
    server = _server()
    try:
        figures = notify(server, scratch, runs)
        synced, newcomer = first_sync(server, scratch, incidents)
        figures.update(synced)
    finally:
        server.stop()
    figures.update(against_local(newcomer, scratch, incidents, runs, paint))
    return figures


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=11)
    parser.add_argument("--incidents", type=int, default=INCIDENTS)
    args = parser.parse_args()
    scratch = Path(tempfile.mkdtemp(prefix="composer-workspace-"))
    try:
        print(json.dumps(measure(args.runs, scratch, args.incidents), indent=1))
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
