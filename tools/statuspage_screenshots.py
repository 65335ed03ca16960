# SPDX-License-Identifier: GPL-3.0-or-later
"""Take the status page screenshots into docs/screenshots/: the page `statuspage build` writes for a
store that went through a real day (an outage with three updates, a planned maintenance, a month of
history), opened in a headless Chromium at a desktop and a phone width.

.venv/bin/python tools/statuspage_screenshots.py [TARGET_DIR]     (needs `chromium`: apt install chromium)

1. statuspage-desktop.png   1280 px wide
2. statuspage-phone.png     390 px wide (an iPhone 14's CSS width)
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from datetime import UTC, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tools"))

from docs_screenshots import seed_organisation  # noqa: E402 - the same organisation as the window's screenshots

from composer.core.model import Incident, Publication, Severity, Status, Update  # noqa: E402
from composer.core.statuspage import build_site  # noqa: E402
from composer.core.store import Store  # noqa: E402

NOW = datetime(2026, 12, 7, 10, 40, tzinfo=UTC)
SIGNER = "Marta Vidal, Head of Support"
TIMELINE = (
    (
        Status.INVESTIGATING,
        timedelta(minutes=-80),
        "We are sorry: since 10:20 CET email you send is delayed by up to 40 minutes. Nothing is lost: "
        "every message is queued and will be delivered. We are looking into why.",
    ),
    (
        Status.IDENTIFIED,
        timedelta(minutes=-45),
        "A change we made to our mail relays this morning went wrong, and that is on us. We are rolling it back "
        "now. Until then, use webmail for urgent mail: it sends at once.",
    ),
    (
        Status.MONITORING,
        timedelta(minutes=-10),
        "The change is rolled back and the queue is draining: mail sent since 10:20 CET is arriving now, oldest "
        "first. **Next update by 12:15 CET**, or sooner if anything changes. Call +34 930 000 000 any time.",
    ),
)


def _published(store: Store, incident: Incident, status: Status, at: datetime, body: str, **fields) -> None:
    update = store.add_update(Update(incident.id, body, status, SIGNER, created_at=at, edited_at=at, **fields))
    store.add_publication(update.id, Publication("email", at + timedelta(minutes=1)))


def seed(path: Path) -> Store:
    store, _ = Store.open(path)
    seed_organisation(store)
    org = store.organisation()
    org.alternate_contact_url = "https://example-status.netlify.app/contact"
    org.backup_email = "help@example-backup.org"
    org.phone_hours = "24/7"
    org.timezone = "Europe/Madrid"
    store.save_organisation(org)
    outage = store.add_incident(
        Incident(
            title="Email delivery delayed",
            status=Status.MONITORING,
            severity=Severity.MAJOR,
            started_at=NOW - timedelta(minutes=80),
            affected_services=["Outgoing mail"],
            customer_impact="Sent mail arrives up to 40 minutes late",
            workaround="Use webmail for urgent mail",
        )
    )
    for status, offset, body in TIMELINE:
        promise = NOW + timedelta(minutes=35) if status is Status.MONITORING else None
        _published(store, outage, status, NOW + offset, body, next_update_at=promise)
    window = datetime(2026, 12, 9, 23, 30, tzinfo=UTC)  # Thursday 00:30 CET
    maintenance = store.add_incident(
        Incident(
            title="Webmail upgrade",
            status=Status.SCHEDULED,
            started_at=window,
            affected_services=["Webmail"],
            customer_impact="Webmail is unavailable for up to 30 minutes; mail apps keep working",
        )
    )
    _published(
        store,
        maintenance,
        Status.SCHEDULED,
        NOW - timedelta(days=1),
        "On Thursday from 00:30 to 01:00 CET webmail will be unavailable while we upgrade it. Mail apps on your "
        "phone and computer keep working, and no mail is lost.",
    )
    for days, title in ((6, "Control panel slow to load"), (19, "Backups delayed"), (33, "DNS changes delayed")):
        start = NOW - timedelta(days=days, hours=3)
        past = store.add_incident(Incident(title=title, status=Status.RESOLVED, started_at=start))
        _published(store, past, Status.INVESTIGATING, start, f"We are sorry: {title.lower()} since {start:%H:%M} UTC.")
        _published(
            store,
            past,
            Status.RESOLVED,
            start + timedelta(hours=2),
            "Fixed, and nothing was lost. It was a capacity limit we had set too low; we have raised it.",
        )
    return store


def shoot(page: Path, target: Path, width: int, height: int) -> None:
    browser = shutil.which("chromium") or shutil.which("chromium-browser")
    if browser is None:
        raise SystemExit("chromium is needed for these screenshots: apt install chromium")
    subprocess.run(
        [
            browser,
            *("--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--force-device-scale-factor=1"),
            f"--window-size={width},{height}",
            f"--screenshot={target}",
            page.as_uri(),
        ],
        check=True,
        capture_output=True,
        timeout=120,
    )
    print(f"wrote {target}")


def main(target_dir: str) -> None:
    target = Path(target_dir)
    target.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as scratch:
        store = seed(Path(scratch) / "composer.db")
        site = build_site(store, now=NOW)
        store.close()
        folder = Path(scratch) / "site"
        for name, data in site.items():
            (folder / name).parent.mkdir(parents=True, exist_ok=True)
            (folder / name).write_bytes(data)
        shoot(folder / "index.html", target / "statuspage-desktop.png", 1280, 1100)
        shoot(folder / "index.html", target / "statuspage-phone.png", 390, 1400)


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else str(ROOT / "docs" / "screenshots"))
