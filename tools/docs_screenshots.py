# SPDX-License-Identifier: GPL-3.0-or-later
"""Take the documentation screenshots into docs/screenshots/: the real window, each on its own
fresh data folder (INCIDENT_COMPOSER_HOME), grabbed from the widgets.

xvfb-run -a -s "-screen 0 1400x900x24" .venv/bin/python tools/docs_screenshots.py [TARGET_DIR]

1. first-window.png         an empty data folder: the empty state
2. checklist-after-fix.png  an update missing its contact info and signature, after one Fix
3. email-preview.png        the previews on their Email tab (subject, plain text, HTML)
4. correction-mailed.png    a correction as the email publisher mailed it to a local SMTP server
                            (aiosmtpd): its headers and its text/plain part
"""

from __future__ import annotations

import email
import email.policy
import os
import socket
import sys
import tempfile
from datetime import timedelta
from pathlib import Path

from PySide6.QtCore import QEventLoop, QTimer
from PySide6.QtGui import QColor, QFont, QFontDatabase, QPainter, QPixmap
from PySide6.QtWidgets import QApplication, QPlainTextEdit, QWidget

from composer.app import build_context, create_application, create_window
from composer.core.model import Incident, Organisation, Person, Severity, Status, Update, utc_now
from composer.core.store import Store

SIZE = (1360, 860)
SIGNER = "Marta Vidal, Head of Support"

NO_CONTACT = """\
**Since {started}, email you send is delayed by up to 40 minutes.** Nothing is lost: every
message is queued and will be delivered. Receiving mail works normally.

A change we made to our mail relays this morning went wrong; we are rolling it back.
We are sorry for the disruption to your work.

Next update by {next}, sooner if this is fixed.
"""

PREVIEW = """\
## Email delivery delayed

**Since {started}, email you send is delayed by up to 40 minutes.** Nothing is lost: every
message is queued and will be delivered. This is our fault, and we are sorry.

- **What you can do now:** urgent messages can go through [webmail](https://webmail.example.net),
  which is not affected.
- **Next update:** by {next}, sooner if this is fixed.

Follow along on [our status page](https://status.example.net) or call us on +34 930 000 000.

Marta Vidal, Head of Support
"""

RESOLVED = """\
## Email delivery restored

**Since 10:05 UTC, email is delivered normally again.** Every message queued during the delay
has been delivered.

Questions? Write to support@example.net or call +34 930 000 000.

Marta Vidal, Head of Support
"""

CORRECTED = RESOLVED.replace("10:05 UTC", "10:25 UTC").replace(
    "has been delivered.",
    "has been delivered. (Our first message gave 10:05 UTC: the last queue emptied at 10:25 UTC.)",
)


def _clock(value) -> str:
    return value.astimezone().strftime("%H:%M %Z")


def wait(ms: int) -> None:
    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()


def save(widget: QWidget, target: Path) -> None:
    if not widget.grab().save(str(target)):
        raise SystemExit(f"Could not write {target}")
    print(f"wrote {target}")


def seed_organisation(store: Store) -> None:
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


def seed_incident(home: Path, body: str, *, signer: str = SIGNER) -> None:
    store, _ = Store.open(home / "composer.db")
    seed_organisation(store)
    store.save_account(
        "customers", "email", {"host": "smtp.example.net", "from": "status@example.net", "to": "customers@example.net"}
    )
    now = utc_now()
    started, promise = now - timedelta(minutes=10), now + timedelta(minutes=25)
    incident = store.add_incident(
        Incident(
            title="Email delivery delayed",
            status=Status.IDENTIFIED,
            severity=Severity.MAJOR,
            started_at=started,
            affected_services=["Outgoing mail", "SMTP relay"],
            customer_impact="Sent mail arrives up to 40 minutes late",
            workaround="Use webmail for urgent mail",
        )
    )
    store.add_update(
        Update(
            incident_id=incident.id,
            status=Status.IDENTIFIED,
            signer=signer,
            body=body.format(started=_clock(started), next=_clock(promise)),
            next_update_at=promise,
        )
    )
    store.close()


def open_window(home: Path):
    """The app's window on the data folder `home`, shown and settled (as tools/screenshot.py)."""
    os.environ["INCIDENT_COMPOSER_HOME"] = str(home)
    context = build_context(home=home)
    window = create_window(context)
    window.resize(*SIZE)
    window.show()
    wait(1500)
    window.ensure_ready()
    wait(300)
    return context, window


def close_window(context, window) -> None:
    window.close()
    wait(100)
    context.close()


def first_window(target: Path) -> None:
    context, window = open_window(Path(tempfile.mkdtemp(prefix="ic-docs-empty-")))
    save(window, target)
    close_window(context, window)


def checklist_after_fix(target: Path) -> None:
    home = Path(tempfile.mkdtemp(prefix="ic-docs-fix-"))
    seed_incident(home, NO_CONTACT, signer="")
    context, window = open_window(home)
    window.live_checks.run_now()
    wait(300)
    row = window.checklist.rows["give-contact-info"]
    if not row.fix.isVisible():
        raise SystemExit("The contact check offers no Fix: the screenshot would not show one")
    row.fix.click()
    wait(1200)  # the checks run again on the edited text
    save(window, target)
    close_window(context, window)


def email_preview(target: Path) -> None:
    home = Path(tempfile.mkdtemp(prefix="ic-docs-email-"))
    seed_incident(home, PREVIEW)
    context, window = open_window(home)
    window.publishing.refresh_channels()
    window.previews.render_now()
    window.previews.setCurrentIndex(1)  # Email
    # Give the previews more room than the editor, so the HTML part reads.
    sizes = window.centre_split.sizes()
    window.centre_split.setSizes([sum(sizes) * 2 // 5, sum(sizes) * 3 // 5])
    wait(400)
    # The window with the plain-text part, and under it the Email tab again on its HTML part.
    shot = window.grab()
    parts = window.previews.email_html.parentWidget().parentWidget()  # the Plain text / HTML tabs
    parts.setCurrentWidget(window.previews.email_html)
    wait(300)
    html = window.previews.widget(1).grab()
    close_window(context, window)
    gap = 12
    image = QPixmap(shot.width(), shot.height() + gap + html.height())
    image.fill(QColor("#d0d0d0"))
    painter = QPainter(image)
    painter.drawPixmap(0, 0, shot)
    painter.drawPixmap((shot.width() - html.width()) // 2, shot.height() + gap, html)
    painter.end()
    if not image.save(str(target)):
        raise SystemExit(f"Could not write {target}")
    print(f"wrote {target}")


def mail_correction() -> bytes:
    """Send an update, then its correction, through EmailPublisher to a local aiosmtpd server;
    the correction's raw bytes as the server received them."""
    from aiosmtpd.controller import Controller  # noqa: PLC0415
    from aiosmtpd.handlers import Sink  # noqa: PLC0415

    from composer.publishers.base import Account, PublishableUpdate  # noqa: PLC0415
    from composer.publishers.email import EmailPublisher  # noqa: PLC0415

    received: list[bytes] = []

    class Keep(Sink):
        async def handle_DATA(self, server, session, envelope):
            received.append(envelope.original_content or envelope.content)
            return "250 OK"

    with socket.socket() as probe:  # a free port (aiosmtpd cannot be given port 0)
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    controller = Controller(Keep(), hostname="127.0.0.1", port=port)
    controller.start()
    try:
        account = Account(
            "customers",
            "email",
            {
                "host": "127.0.0.1",
                "port": str(port),
                "security": "none",
                "from": "Example Hosting Status <status@example.net>",
                "to": "customers@example.net",
            },
        )
        publisher = EmailPublisher()
        update = PublishableUpdate(
            incident_id=7,
            update_id=31,
            title="Email delivery delayed",
            subject="Resolved: Email delivery delayed",
            body=RESOLVED,
            status="resolved",
            signer=SIGNER,
            first_of_incident=False,
        )
        first = publisher.publish(publisher.render(update), account, {})
        corrected = publisher.render(PublishableUpdate(**{**vars(update), "body": CORRECTED}))
        corrected.meta["correction"] = {"of": {"remote_id": first.remote_id, "meta": first.meta}, "number": 1}
        publisher.publish(corrected, account, {})
    finally:
        controller.stop()
    if len(received) != 2:
        raise SystemExit(f"The SMTP server received {len(received)} messages, not 2")
    return received[1]


def correction_mailed(target: Path) -> None:
    raw = mail_correction()
    message = email.message_from_bytes(raw, policy=email.policy.default)
    headers = [f"{name}: {message[name]}" for name in ("From", "To", "Subject", "Date", "Message-ID", "In-Reply-To")]
    headers.append(f"References: {message['References']}")
    plain = message.get_body(preferencelist=("plain",))
    text = plain.get_content() if plain is not None else ""
    parts = ", ".join(part.get_content_type() for part in message.iter_parts())
    view = QPlainTextEdit()
    view.setReadOnly(True)
    view.setWindowTitle("Correction as mailed")
    font = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
    font.setPointSize(max(font.pointSize(), 10))
    view.setFont(QFont(font))
    view.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
    view.setPlainText(
        "\n".join(headers) + f"\nContent-Type: {message.get_content_type()} ({parts})\n\n"
        f"--- text/plain part ---\n{text}"
    )
    view.resize(900, 330)
    view.show()
    wait(300)
    save(view, target)
    view.close()


def main(target_dir: str) -> None:
    target = Path(target_dir)
    target.mkdir(parents=True, exist_ok=True)
    app = create_application([])
    first_window(target / "first-window.png")
    checklist_after_fix(target / "checklist-after-fix.png")
    email_preview(target / "email-preview.png")
    correction_mailed(target / "correction-mailed.png")
    QApplication.processEvents()
    app.quit()


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "docs/screenshots")
