# SPDX-License-Identifier: GPL-3.0-or-later
"""Building the status page: a figure for run.py ("statuspage_build"), or alone:

    python benchmarks/statuspage.py [--runs 3] [--incidents 1000] [--updates 20]

`statuspage_build_ms_1000x20` (target ≤ 500): the wall time of `build_site` (reading the store,
every page, the Atom feed and its archives, the maintenance calendar: all ~1,000 files) for a store of
1,000 incidents with 20 published updates each, in one language, as every publish builds it: with
the build cache on disk that earlier builds filled (`composer/core/statuspage/cache.py`; the bytes
are checked to be the same as without it). `statuspage_build_cold_ms_1000x20`: the same with no
cache (every update's Markdown rendered, every page), as the very first build does.
`statuspage_rebuild_cached_ms_1000x20`: a rebuild after one more update keeping only the in-memory
`html_cache`; `statuspage_rebuild_changed_files`: the files whose bytes that update changed;
`statuspage_upload_changed_files` (target ≤ 4): what `upload_site` sends after it (the manifest
included), to a folder host (the choice of files is the uploader's, whatever the transport).
The store: a year and more of history, the 10 newest incidents still open, one in ten a planned
maintenance; every update a different text of about 700 characters, as written updates are.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

NOW = datetime(2026, 11, 24, 12, 0, tzinfo=UTC)
BODY = (
    "We are sorry: since {start} some customers in the EU region cannot complete checkout "
    "(incident {incident}, update {update}). Card payments fail with *payment declined* even when "
    "the card is fine; baskets and accounts are not affected.\n\n"
    "We have identified the cause: a certificate on the link to our payment provider expired during "
    "a planned rotation. Engineers are renewing it now and checking the fallback route.\n\n"
    "Until it is fixed you can pay with PayPal or by bank transfer. We will post the next update by "
    "{next}. Call +34 930 000 000 or write to help@pinewood-backup.example.\n\nJordi Puig, On-call engineer"
)


def seed(path: Path, incidents: int, updates: int) -> None:
    """`incidents` incidents 10 hours apart, each with `updates` published updates 20 minutes apart."""
    from composer.core.model import Incident, Organisation, Publication, Severity, Status, Update
    from composer.core.store import Store

    store, report = Store.open(path)
    if report.message:
        raise RuntimeError(f"cannot seed {path}: {report.message}")
    outage = (Status.INVESTIGATING, Status.IDENTIFIED, Status.MONITORING)
    with store.transaction():
        store.save_organisation(
            Organisation(
                name="Pinewood",
                contact_url="https://pinewood.example/contact",
                phone="+34 930 000 000",
                email="support@pinewood.example",
                alternate_contact_url="https://contact.pinewood-backup.example/",
                backup_email="help@pinewood-backup.example",
                phone_hours="24/7",
                timezone="Europe/Madrid",
            )
        )
        for n in range(incidents):
            started = NOW - timedelta(hours=10 * (incidents - n))
            maintenance = n % 10 == 5
            still_open = n >= incidents - 10
            incident = store.add_incident(
                Incident(
                    title=f"Card payments fail at checkout ({n})" if not maintenance else f"Database upgrade ({n})",
                    severity=Severity.MAINTENANCE if maintenance else Severity.MAJOR,
                    started_at=started,
                    affected_services=["Checkout", "Payments API"],
                    customer_impact="Customers in the EU cannot pay by card.",
                    workaround="Pay with PayPal or by bank transfer.",
                    created_at=started,
                )
            )
            for k in range(updates):
                at = started + timedelta(minutes=20 * k)
                last = k == updates - 1
                if maintenance:
                    status = Status.SCHEDULED if k == 0 else Status.IN_PROGRESS
                    status = Status.COMPLETED if last and not still_open else status
                else:
                    status = Status.RESOLVED if last and not still_open else outage[min(k, 2)]
                update = store.add_update(
                    Update(
                        incident_id=incident.id,
                        body=BODY.format(start=f"{started:%H:%M} UTC", incident=n, update=k, next=f"{at:%H:%M} UTC"),
                        status=status,
                        signer="Jordi Puig, On-call engineer",
                        language="en",
                        next_update_at=None if status.is_closed else at + timedelta(minutes=30),
                        created_at=at,
                        edited_at=at,
                    )
                )
                store.add_publication(update.id or 0, Publication("mastodon", at + timedelta(minutes=1)))
    store.close()


class FolderHost:
    """A `SiteHost` on a local folder: what `upload_site` sends to it is what it would send to an
    SFTP or WebDAV host (the choice of files is the uploader's, not the transport's)."""

    def __init__(self, folder: Path):
        self.folder = folder
        self.where = str(folder)

    def list_folder(self, folder: str) -> set[str] | None:
        path = self.folder / folder
        return {p.name for p in path.iterdir() if p.is_file()} if path.is_dir() else None

    def read_file(self, path: str) -> bytes | None:
        target = self.folder / path
        return target.read_bytes() if target.is_file() else None

    def make_folder(self, folder: str) -> None:
        (self.folder / folder).mkdir(parents=True, exist_ok=True)

    def put_file(self, path: str, data: bytes) -> None:
        (self.folder / path).write_bytes(data)

    def remove_file(self, path: str) -> None:
        (self.folder / path).unlink(missing_ok=True)


def measure(runs: int, scratch: Path, incidents: int = 1000, updates: int = 20) -> dict[str, object]:
    """Cold builds (the median of `runs`), warm ones (the median of at least three), then one
    rebuild after a new update with the HTML cache an app that rebuilds after each publish keeps
    (`html_cache`), and the files that changed."""
    from composer.core.model import Publication, Status, Update
    from composer.core.statuspage import build_site
    from composer.core.statuspage.cache import BuildCache
    from composer.core.store import Store

    path = scratch / "statuspage-home" / "composer.db"
    path.parent.mkdir(parents=True, exist_ok=True)
    seed(path, incidents, updates)
    empty = Store.open_memory()
    build_site(empty, now=NOW)  # imports and compiles the templates, as any first build does
    empty.close()
    store, _ = Store.open(path)
    try:
        cold, files, cache = [], {}, {}
        for _ in range(runs):
            cache = {}
            start = time.perf_counter()
            files = build_site(store, now=NOW, html_cache=cache)
            cold.append((time.perf_counter() - start) * 1000)
        # What each publish does: the whole site, with what earlier builds rendered on disk.
        disk = BuildCache(scratch / "statuspage-cache.db")
        build_site(store, now=NOW, cache=disk)  # the first build after the app's first start fills it
        times = []
        for _ in range(max(runs, 3)):  # under a second each: the median of three even in a quick run
            start = time.perf_counter()
            warm = build_site(store, now=NOW, cache=disk)
            times.append((time.perf_counter() - start) * 1000)
        disk.close()
        if warm != files:
            raise RuntimeError("the site built with the cache differs from the one built without it")
        latest = store.incidents()[0]
        update = store.add_update(
            Update(latest.id, "We have found the cause and are fixing it.", Status.IDENTIFIED, "Jordi Puig")
        )
        store.add_publication(update.id or 0, Publication("mastodon", NOW))
        start = time.perf_counter()
        again = build_site(store, now=NOW, html_cache=cache)
        rebuild_ms = (time.perf_counter() - start) * 1000
    finally:
        store.close()
    from composer.publishers.sitehost import upload_site

    host = FolderHost(scratch / "statuspage-host")
    host.folder.mkdir(parents=True, exist_ok=True)
    upload_site(host, files)
    sent = upload_site(host, again)
    return {
        # files sent to the host after one new update (the manifest included; target ≤ 4)
        "statuspage_upload_changed_files": sent.files_sent,
        f"statuspage_build_ms_{incidents}x{updates}": round(statistics.median(times), 1),
        f"statuspage_build_cold_ms_{incidents}x{updates}": round(statistics.median(cold), 1),
        f"statuspage_rebuild_cached_ms_{incidents}x{updates}": round(rebuild_ms, 1),
        "statuspage_rebuild_changed_files": sorted(name for name in again if again[name] != files.get(name)),
        "statuspage_build_files": len(files),
        "statuspage_index_kb": round(len(files["index.html"]) / 1024, 1),
        "statuspage_feed_kb": round(len(files["feed.atom"]) / 1024, 1),
    }


def main(argv: list[str] | None = None) -> int:
    import tempfile

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--incidents", type=int, default=1000)
    parser.add_argument("--updates", type=int, default=20)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="composer-statuspage-") as folder:
        print(json.dumps(measure(args.runs, Path(folder), args.incidents, args.updates)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
