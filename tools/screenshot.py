# SPDX-License-Identifier: GPL-3.0-or-later
"""Take the README's screenshots: the real window, on a demo incident, on whatever display is set.

xvfb-run -a -s "-screen 0 1400x900x24" .venv/bin/python tools/screenshot.py --all [FOLDER]
xvfb-run -a -s "-screen 0 1400x900x24" .venv/bin/python tools/screenshot.py docs/screenshot.png
xvfb-run -a -s "-screen 0 1400x900x24" .venv/bin/python tools/screenshot.py --language ca \
    docs/screenshots/main-window-ca.png
xvfb-run -a -s "-screen 0 1400x900x24" .venv/bin/python tools/screenshot.py --language es --window publish \
    docs/screenshots/publish-es.png

--all: every screenshot the README and the AppStream metainfo use (`SHOTS`), each by its script in
a process of its own, into its place under FOLDER (default: this repository); the status page's
need `chromium`, the workspace's a PostgreSQL server binary (as tests/publishers do).
docs/screenshots/README.md says what each one shows.

--language: the interface language (en, ca, es; the demo data stays as it is); --window: the main
window (default) or the Publish window after Publish: one email account sent to a local SMTP
server (aiosmtpd), one whose server is down, the social accounts left unticked.
"""

from __future__ import annotations

import argparse
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path

from PySide6.QtCore import QEventLoop, QTimer
from PySide6.QtWidgets import QApplication

from composer.app import build_context, create_application, create_window
from composer.core.checks.base import Verdict
from composer.core.credentials import MemoryCredentials
from composer.core.model import Incident, Organisation, Person, Publication, Severity, Status, Update, utc_now
from composer.core.store import Store
from composer.ui.publish_gate import OverrideDialog
from composer.ui.translations import apply_language

ROOT = Path(__file__).resolve().parent.parent
TOOLS = ROOT / "tools"


@dataclass(frozen=True)
class Shot:
    """One run of a screenshot script: `outputs` are paths under the repository's root; a script
    with `folder` set is given the folder of its outputs, any other the one output's path."""

    script: str
    outputs: tuple[str, ...]
    arguments: tuple[str, ...] = ()
    folder: bool = False

    def command(self, root: Path) -> list[str]:
        target = root / self.outputs[0]
        return [
            sys.executable,
            str(TOOLS / self.script),
            *self.arguments,
            str(target.parent if self.folder else target),
        ]


SHOTS = (
    Shot("screenshot.py", ("docs/screenshot.png",)),
    Shot("screenshot.py", ("docs/screenshots/main-window-ca.png",), ("--language", "ca")),
    Shot("screenshot.py", ("docs/screenshots/main-window-es.png",), ("--language", "es")),
    Shot("screenshot.py", ("docs/publish.png",), ("--window", "publish")),
    Shot("screenshot.py", ("docs/screenshots/publish-ca.png",), ("--language", "ca", "--window", "publish")),
    Shot("screenshot.py", ("docs/screenshots/publish-es.png",), ("--language", "es", "--window", "publish")),
    Shot(
        "docs_screenshots.py",
        tuple(
            f"docs/screenshots/{name}.png"
            for name in ("first-window", "checklist-after-fix", "email-preview", "correction-mailed")
        ),
        folder=True,
    ),
    Shot("search_screenshots.py", ("docs/screenshots/search-results.png",), folder=True),
    Shot(
        "outreach_screenshots.py",
        ("docs/screenshots/outreach-mapping.png", "docs/screenshots/outreach-tracking.png"),
        folder=True,
    ),
    Shot(
        "workspace_screenshots.py",
        ("docs/screenshots/workspace-review.png", "docs/screenshots/workspace-offline.png"),
        folder=True,
    ),
    Shot(
        "statuspage_screenshots.py",
        ("docs/screenshots/statuspage-desktop.png", "docs/screenshots/statuspage-phone.png"),
        folder=True,
    ),
)

BODY = """\
## Email delivery delayed

**Since {started}, email you send is delayed by up to 40 minutes.** Nothing is lost:
every message is queued and will be delivered. Receiving mail works normally.

This is our fault. A change we made to our mail relays this morning went wrong, and
we are sorry for the disruption to your work.

- **What you can do now:** urgent messages can go through webmail, which is not affected.
- **Next update:** by {next}, sooner if this is fixed.

If you need help, call us on +34 930 000 000 or write to support@example.net.

Marta Vidal, Head of Support
"""

SENT_TO = "customers"  # the email account whose server takes the update
DOWN = "press desk"  # the email account whose server is not running


def _clock(value) -> str:
    return value.astimezone().strftime("%H:%M %Z")


def free_port() -> int:
    """A port nothing listens on (aiosmtpd cannot be given port 0)."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def wait(ms: int) -> None:
    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()


def seed(home: Path, smtp_port: int) -> None:
    store, _ = Store.open(home / "composer.db")
    store.save_person(Person("Marta Vidal", "Head of Support", "marta@example.net", "+34 930 000 000"))
    store.save_organisation(
        Organisation(
            name="Example Hosting",
            phone="+34 930 000 000",
            email="support@example.net",
            contact_url="https://example.net/contact",
            status_page_url="https://status.example.net",
        )
    )
    for name, port in ((SENT_TO, smtp_port), (DOWN, free_port())):
        store.save_account(
            name,
            "email",
            {
                "host": "127.0.0.1",
                "port": str(port),
                "security": "none",
                "from": "Example Hosting Status <status@example.net>",
                "to": "customers@example.net",
            },
        )
    store.save_account("toots", "mastodon", {"url": "https://mastodon.social"})
    store.save_account("sky", "bluesky", {"handle": "status.example.net"})
    now = utc_now()
    promise = now + timedelta(minutes=23)
    older = store.add_incident(
        Incident(
            title="Scheduled database maintenance",
            status=Status.COMPLETED,
            severity=Severity.MAINTENANCE,
            started_at=now - timedelta(days=2),
        )
    )
    store.add_update(Update(incident_id=older.id, status=Status.COMPLETED, body="Maintenance completed."))
    incident = store.add_incident(
        Incident(
            title="Email delivery delayed",
            status=Status.IDENTIFIED,
            severity=Severity.MAJOR,
            started_at=now - timedelta(minutes=52),
            affected_services=["Outgoing mail", "SMTP relay"],
            customer_impact="Sent mail arrives up to 40 minutes late",
            workaround="Use webmail for urgent mail",
            region="Barcelona (BCN1)",
        )
    )
    first = store.add_update(
        Update(
            incident_id=incident.id,
            status=Status.INVESTIGATING,
            signer="Marta Vidal, Head of Support",
            body="We are looking into delayed email.",
            created_at=now - timedelta(minutes=45),
            next_update_at=promise,
        )
    )
    store.add_publication(first.id, Publication(channel="manual", published_at=now - timedelta(minutes=12)))
    store.add_update(
        Update(
            incident_id=incident.id,
            status=Status.IDENTIFIED,
            signer="Marta Vidal, Head of Support",
            body=BODY.format(started=_clock(incident.started_at), next=_clock(promise)),
            next_update_at=promise,
        )
    )
    store.close()


def settle(done: Callable[[], bool], seconds: float, what: str) -> None:
    deadline = time.monotonic() + seconds
    while not done():
        if time.monotonic() > deadline:
            raise SystemExit(f"{what} did not finish within {seconds:.0f} s")
        wait(100)


def publish_window(window, target: str) -> None:
    """The Publish window after Publish: the update sent to one account, the other's server down."""
    # The demo update fails a check on purpose; the screenshot shows the window after the gate.
    answer = classmethod(lambda cls, failures, parent=None: "screenshot")
    OverrideDialog.ask = answer  # type: ignore[method-assign, assignment]
    window.publishing.remember_choice(
        window.incident_list.current_incident_id() or 0, [SENT_TO, DOWN]
    )  # ticked as the window opens
    dialog = window.publishing.publish()
    if dialog is None:
        raise SystemExit("the Publish window did not open")
    dialog.move(0, 0)
    dialog.resize(1000, 640)
    wait(300)
    dialog.publish()
    settle(lambda: not dialog.running and dialog.rows[SENT_TO].state not in ("idle", "queued"), 60, "Publishing")
    if dialog.rows[SENT_TO].state != "sent":
        raise SystemExit(f"the local SMTP server did not take the update: {dialog.rows[SENT_TO].status.text()}")
    wait(300)
    # Rendered from the widgets (no window frame), so nothing depends on where the window lands.
    if not dialog.grab().save(target):
        raise SystemExit(f"Could not write {target}")


def main_window(window, target: str) -> None:
    tabs = window.previews
    for index in range(tabs.count()):  # show how a short channel splits the update
        if tabs.tabText(index).startswith("Bluesky"):
            tabs.setCurrentIndex(index)
    checklist = window.checklist
    for row in checklist.rows.values():  # and the checklist's row about it, however long the list
        if row.finding is not None and row.finding.verdict is not Verdict.PASS:
            checklist.rows_area.ensureWidgetVisible(row)
    wait(300)
    if not window.screen().grabWindow(window.winId()).save(target):
        raise SystemExit(f"Could not write {target}")


def main(target: str, language: str = "en", which: str = "main") -> None:
    from aiosmtpd.controller import Controller  # noqa: PLC0415 - a test dependency
    from aiosmtpd.handlers import Sink  # noqa: PLC0415

    port = free_port()
    server = Controller(Sink(), hostname="127.0.0.1", port=port)
    server.start()
    try:
        home = Path(tempfile.mkdtemp(prefix="ic-shot-"))
        seed(home, port)
        app = create_application([])
        apply_language(app, language)  # as the app's start does with the saved choice
        context = build_context(home=home)
        context.credentials = MemoryCredentials()  # no keyring prompt on the display
        window = create_window(context)
        window.resize(1360, 860)
        window.show()
        wait(1500)
        window.ensure_ready()
        window.publishing.refresh_channels()
        window.previews.render_now()
        (publish_window if which == "publish" else main_window)(window, target)
        print(f"wrote {target}")
        window.close()
        QApplication.processEvents()
        context.close()
    finally:
        server.stop()


def take_all(root: Path) -> int:
    """Run every script of `SHOTS`; 0 when each wrote all its outputs, else 1 (after trying all)."""
    try:
        root.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise SystemExit(f"Cannot write screenshots under {root}: {error}") from None
    failed: list[str] = []
    written = 0
    for shot in SHOTS:
        command = shot.command(root)
        try:
            for output in shot.outputs:
                (root / output).parent.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            failed.append(f"{shot.script}: cannot make its folder: {error}")
            continue
        print(f"== {' '.join([shot.script, *shot.arguments])}", flush=True)
        started = time.time()
        try:
            result = subprocess.run(command, check=False, timeout=600, cwd=ROOT)
        except subprocess.TimeoutExpired:
            failed.append(f"{shot.script}: no answer within 10 minutes")
            continue
        missing = [o for o in shot.outputs if not (root / o).is_file() or (root / o).stat().st_mtime < started]
        written += len(shot.outputs) - len(missing)
        if result.returncode != 0 or missing:
            what = " ".join([shot.script, *shot.arguments])
            failed.append(f"{what}: exit code {result.returncode}; not written: {', '.join(missing) or 'none'}")
    print(f"{written} of {sum(len(shot.outputs) for shot in SHOTS)} screenshots written under {root}")
    for line in failed:
        print(f"FAILED {line}", file=sys.stderr)
    return 1 if failed else 0


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description="Screenshots of the real window on demo data.")
    parser.add_argument("target", nargs="?", help="the image (default docs/screenshot.png); with --all, the folder")
    parser.add_argument("--all", action="store_true", help="every screenshot the README and the metainfo use")
    parser.add_argument("--language", choices=("en", "ca", "es"), default="en", help="the interface language")
    parser.add_argument("--window", choices=("main", "publish"), default="main", help="which window to take")
    arguments = parser.parse_args()
    if arguments.all:
        if arguments.language != "en" or arguments.window != "main":
            parser.error("--all takes every screenshot in every language: no --language or --window with it")
        sys.exit(take_all(Path(arguments.target).resolve() if arguments.target else ROOT))
    main(arguments.target or "docs/screenshot.png", arguments.language, arguments.window)
