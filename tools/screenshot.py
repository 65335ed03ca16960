# SPDX-License-Identifier: GPL-3.0-or-later
"""Take the README screenshot: the real window, on a demo incident, on whatever display is set.

xvfb-run -s "-screen 0 1400x900x24" .venv/bin/python tools/screenshot.py docs/screenshot.png
xvfb-run -s "-screen 0 1400x900x24" .venv/bin/python tools/screenshot.py --language ca \
    docs/screenshots/main-window-ca.png
xvfb-run -s "-screen 0 1400x900x24" .venv/bin/python tools/screenshot.py --language es --window publish \
    docs/screenshots/publish-es.png

--language: the interface language (en, ca, es; the demo data stays as it is); --window: the main
window (default) or the Publish window, every account ticked so each shows what it will post.
"""

from __future__ import annotations

import argparse
import tempfile
from datetime import timedelta
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QWidget

from composer.app import build_context, create_application, create_window
from composer.core.credentials import MemoryCredentials
from composer.core.model import Incident, Organisation, Person, Publication, Severity, Status, Update, utc_now
from composer.core.store import Store
from composer.ui.publish_gate import OverrideDialog
from composer.ui.translations import apply_language

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


def _clock(value) -> str:
    return value.astimezone().strftime("%H:%M %Z")


def seed(home: Path) -> None:
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
    store.save_account(
        "customers", "email", {"host": "smtp.example.net", "from": "status@example.net", "to": "customers@example.net"}
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


def main(target: str, language: str = "en", which: str = "main") -> None:
    home = Path(tempfile.mkdtemp(prefix="ic-shot-"))
    seed(home)
    app = create_application([])
    apply_language(app, language)  # as the app's start does with the saved choice
    context = build_context(home=home)
    context.credentials = MemoryCredentials()  # no keyring prompt on the display
    window = create_window(context)
    window.resize(1360, 860)
    window.show()

    def grab(widget: QWidget) -> None:
        QTimer.singleShot(300, lambda: (widget.screen().grabWindow(widget.winId()).save(target), app.quit()))

    def snap() -> None:
        window.ensure_ready()
        window.publishing.refresh_channels()
        window.previews.render_now()
        if which == "publish":
            # The demo update fails a check on purpose; the screenshot shows the window after the gate.
            answer = classmethod(lambda cls, failures, parent=None: "screenshot")
            OverrideDialog.ask = answer  # type: ignore[method-assign, assignment]
            dialog = window.publishing.publish()
            if dialog is None:
                raise SystemExit("the Publish window did not open")
            for row in dialog.rows.values():
                row.check.setChecked(True)
            dialog.move(0, 0)
            dialog.resize(1180, 760)
            # Rendered from the widgets (no window frame), so nothing depends on where the window lands.
            QTimer.singleShot(300, lambda: (dialog.grab().save(target), app.quit()))
            return
        tabs = window.previews
        for index in range(tabs.count()):  # show how a short channel splits the update
            if tabs.tabText(index).startswith("Bluesky"):
                tabs.setCurrentIndex(index)
        grab(window)

    QTimer.singleShot(1500, snap)
    app.exec()
    context.close()


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description="Screenshot of the real window on a demo incident.")
    parser.add_argument("target", nargs="?", default="docs/screenshot.png")
    parser.add_argument("--language", choices=("en", "ca", "es"), default="en", help="the interface language")
    parser.add_argument("--window", choices=("main", "publish"), default="main", help="which window to take")
    arguments = parser.parse_args()
    main(arguments.target, arguments.language, arguments.window)
