# SPDX-License-Identifier: GPL-3.0-or-later
"""Take the File → Reach customers… screenshots into docs/screenshots/: the real window on a fresh
data folder, a list of customers in Catalan, Spanish and English imported from a CSV file, and a
real send to a local SMTP server (aiosmtpd on 127.0.0.1, which turns one mailbox away).

xvfb-run -a -s "-screen 0 1400x900x24" .venv/bin/python tools/outreach_screenshots.py [TARGET_DIR]

1. outreach-mapping.png    step 2: the columns of the list for the template's fields, the preview
                           of the first customers' messages, and who a missing field stops
2. outreach-tracking.png   who was reached: contacted, failed and why, replied, needs a call
"""

from __future__ import annotations

import os
import socket
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tools"))

from docs_screenshots import save, seed_organisation, wait  # noqa: E402 - the same organisation as the window's

from composer.app import build_context, create_application, create_window  # noqa: E402
from composer.core.credentials import MemoryCredentials  # noqa: E402
from composer.core.model import Incident, Severity, Status, Update, utc_now  # noqa: E402
from composer.core.store import Store  # noqa: E402
from composer.ui.interaction import Prompter  # noqa: E402

REFUSED = "jordi.ferrer@example.cat"  # the mailbox the local server turns away (550: full)
CUSTOMERS = """\
Nom,Correu electrònic,Idioma,Telèfon,Empresa,Pla,Impacte
Laura Puig i Serra,laura.puig@example.cat,ca,612 345 678,Fusteria Puig,Pro,la vostra botiga en línia no va poder cobrar amb targeta durant dues hores
Javier Martínez López,javier.martinez@example.es,es,+34 622 111 222,Taller Martínez,Business,vuestra tienda no pudo cobrar con tarjeta durante dos horas
Emma Clarke,emma.clarke@example.co.uk,en,+44 20 7946 0018,Clarke Prints,Pro,your shop could not take card payments for two hours
Núria Soler,nuria.soler@example.cat,ca,633 444 555,Llibreria Soler,Basic,els vostres clients no van poder pagar les comandes durant dues hores
Jordi Ferrer,jordi.ferrer@example.cat,ca,644 555 666,Ferrer Bicicletes,Pro,la vostra botiga no va poder cobrar cap comanda
Lucía Fernández,lucia.fernandez@example.es,es,655 666 777,Estudio Fernández,Business,
Oliver Hughes,oliver.hughes@example.com,en,,Hughes & Co,Basic,your customers could not pay for their orders
Marc Vidal,marc.vidal@example,ca,666 777 888,Vidal Fotografia,Pro,la vostra botiga no va poder cobrar
Carmen Ruiz,carmen.ruiz@example.es,es,677 888 999,Ruiz Diseño,Pro,vuestros clientes no pudieron pagar sus pedidos
"""  # noqa: E501 - a list as a spreadsheet saves it


class Answers(Prompter):
    """Answers the file dialog with the list; everything else as the real prompter does."""

    def __init__(self, csv_path: Path):
        super().__init__()
        self.csv_path = csv_path

    def open_file(self, title: str, file_filter: str = "") -> Path | None:
        return self.csv_path


def wait_until(condition: Callable[[], bool], what: str, seconds: float = 30) -> None:
    deadline = time.monotonic() + seconds
    while not condition():
        if time.monotonic() > deadline:
            raise SystemExit(f"Gave up waiting for {what}")
        wait(50)


def free_port() -> int:
    with socket.socket() as probe:  # aiosmtpd cannot be given port 0
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def smtp_server(port: int):
    """A local mail server keeping what it receives, which turns REFUSED away (mailbox full)."""
    from aiosmtpd.controller import Controller  # noqa: PLC0415
    from aiosmtpd.handlers import Sink  # noqa: PLC0415

    class Keep(Sink):
        async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
            if address == REFUSED:
                return "552 5.2.2 Mailbox full"
            envelope.rcpt_tos.append(address)
            return "250 OK"

        async def handle_DATA(self, server, session, envelope):
            return "250 OK"

    return Controller(Keep(), hostname="127.0.0.1", port=port)


def seed(home: Path, port: int) -> None:
    store, _ = Store.open(home / "composer.db")
    seed_organisation(store)
    store.save_account(
        "customers",
        "email",
        {
            "host": "127.0.0.1",
            "port": str(port),
            "security": "none",
            "from": "Example Hosting <status@example.net>",
            "to": "customers@example.net",  # the account's list; a personal message goes to its customer alone
        },
    )
    now = utc_now()
    incident = store.add_incident(
        Incident(
            title="Card payments failing",
            status=Status.RESOLVED,
            severity=Severity.MAJOR,
            started_at=now - timedelta(hours=3),
            affected_services=["Online shops", "Card payments"],
            customer_impact="Shops could not take card payments for two hours",
        )
    )
    store.add_update(
        Update(
            incident_id=incident.id,
            status=Status.RESOLVED,
            signer="Marta Vidal, Head of Support",
            body="Card payments work again in every shop. Nothing was charged twice.",
        )
    )
    store.close()


def main(target_dir: str) -> None:
    target = Path(target_dir)
    target.mkdir(parents=True, exist_ok=True)
    os.environ["LOGNAME"] = "marta"  # who marks replies and calls (`default_actor`: this computer's user)
    app = create_application([])
    home = Path(tempfile.mkdtemp(prefix="ic-docs-outreach-"))
    csv_path = home / "clients-afectats.csv"
    csv_path.write_text(CUSTOMERS, encoding="utf-8")
    port = free_port()
    server = smtp_server(port)
    server.start()
    try:
        seed(home, port)
        context = build_context(home=home, prompter=Answers(csv_path))
        context.credentials = MemoryCredentials()  # the local server needs no password
        window = create_window(context)
        window.resize(1360, 860)
        window.show()
        wait(1200)
        window.ensure_ready()
        wait(200)
        dialog = window.reaching.reach_customers()
        if dialog is None:
            raise SystemExit("No outreach window: is the incident on screen?")
        dialog.resize(1320, 820)
        dialog.open_csv.click()
        wait_until(lambda: dialog.customers is not None, "the list")
        mapping = dialog.mapping
        mapping.choose_column("customer_impact", "Impacte")
        mapping.rows["data_loss"].everyone.setText("No card data was lost or exposed, and nobody was charged twice.")
        mapping.rows["remedy"].everyone.setText("We have credited a month of your plan to your account.")
        dialog.tabs.setCurrentIndex(dialog.MESSAGE)
        wait_until(lambda: dialog.plan is not None and bool(dialog.plan.messages), "the plan")
        mapping.split.setSizes([690, 610])
        wait(400)
        save(dialog, target / "outreach-mapping.png")

        dialog.tabs.setCurrentIndex(dialog.SEND)
        dialog.sending.rate.setValue(600)
        dialog.sending.send.click()
        wait_until(lambda: not dialog.sending.running, "the run", seconds=120)
        tracking = dialog.tracking
        dialog.tabs.setCurrentIndex(dialog.TRACKING)
        tracking.select_email("emma.clarke@example.co.uk")
        tracking.mark_replied()
        tracking.select_email("javier.martinez@example.es")
        context.prompter.ask_text = lambda *_args, **_kw: "Wants to talk about the lost orders"  # type: ignore[method-assign]
        tracking.mark_needs_call()
        tracking.select_email("carmen.ruiz@example.es")
        tracking.mark_replied()
        tracking.table.clearSelection()
        dialog.resize(1320, 560)
        wait(400)
        save(dialog, target / "outreach-tracking.png")
        dialog.close()
        window.close()
        wait(100)
        context.close()
    finally:
        server.stop()
    app.quit()


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "docs/screenshots")
