# SPDX-License-Identifier: GPL-3.0-or-later
"""Take the Edit → Find in all updates screenshot into docs/screenshots/: the real window on a fresh
data folder holding a few months of incidents written in Catalan, Spanish and English.

xvfb-run -a -s "-screen 0 1400x900x24" .venv/bin/python tools/search_screenshots.py [TARGET_DIR]

1. search-results.png   the words "interrupcio corre" typed without accents: the Catalan and
                        Spanish updates that hold both (interrupció/interrupción,
                        correu/correo), newest first, the words in bold; English ones do not match
"""

from __future__ import annotations

import sys
import tempfile
from datetime import timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tools"))

from docs_screenshots import close_window, open_window, save, seed_organisation, wait  # noqa: E402

from composer.app import create_application  # noqa: E402
from composer.core.model import Incident, Publication, Severity, Status, Update, utc_now  # noqa: E402
from composer.core.store import Store  # noqa: E402

QUERY = "interrupcio corre"
SIGNER = "Marta Vidal, Head of Support"

# (days ago, title, language, the updates' statuses and texts, oldest first)
INCIDENTS = (
    (
        96,
        "Interrupció del correu entrant",
        "ca",
        (
            (Status.INVESTIGATING, "Hi ha una interrupció del correu entrant: els missatges arriben amb retard."),
            (Status.IDENTIFIED, "Hem trobat la causa de la interrupció del correu: un filtre antispam saturat."),
            (Status.RESOLVED, "La interrupció del correu s'ha acabat; tots els missatges retinguts s'han lliurat."),
        ),
    ),
    (
        71,
        "Card payments fail at checkout",
        "en",
        (
            (Status.INVESTIGATING, "Some customers in the EU cannot pay by card. Pay with PayPal meanwhile."),
            (Status.RESOLVED, "Card payments work again since 14:20 UTC."),
        ),
    ),
    (
        52,
        "Interrupción del correo saliente",
        "es",
        (
            (Status.INVESTIGATING, "Hay una interrupción del correo saliente; los mensajes esperan en la cola."),
            (Status.MONITORING, "La interrupción del correo ha terminado; vigilamos que la cola se vacíe."),
            (Status.RESOLVED, "Todo el correo retenido durante la interrupción se ha entregado."),
        ),
    ),
    (
        30,
        "Email delivery delayed",
        "en",
        (
            (Status.INVESTIGATING, "Email delivery is delayed by up to 40 minutes after a queue filled up."),
            (Status.RESOLVED, "Email is delivered normally again; nothing was lost."),
        ),
    ),
    (
        9,
        "Correu web no disponible",
        "ca",
        (
            (Status.INVESTIGATING, "El correu web no respon. El correu per IMAP funciona amb normalitat."),
            (Status.IDENTIFIED, "Una interrupció del servidor de correu web: el reiniciem ara."),
        ),
    ),
    (
        1,
        "Correo con retraso en Madrid",
        "es",
        (
            (Status.INVESTIGATING, "Una interrupción de la red en MAD1 retrasa el correo entrante unos minutos."),
            (Status.IDENTIFIED, "La interrupción de la red viene de un proveedor; el correo llega con retraso."),
        ),
    ),
)


def seed(home: Path) -> None:
    store, report = Store.open(home / "composer.db")
    if report.message:
        raise SystemExit(f"Could not open the store in {home}: {report.message}")
    seed_organisation(store)
    now = utc_now()
    for days, title, language, updates in INCIDENTS:
        started = now - timedelta(days=days)
        closed = updates[-1][0].is_closed
        incident = store.add_incident(
            Incident(title=title, status=updates[-1][0], severity=Severity.MAJOR, started_at=started)
        )
        for k, (status, body) in enumerate(updates):
            at = started + timedelta(minutes=25 * k)
            update = store.add_update(
                Update(
                    incident_id=incident.id,
                    status=status,
                    signer=SIGNER,
                    language=language,
                    body=f"{body}\n\n{SIGNER}",
                    created_at=at,
                    edited_at=at,
                    next_update_at=None if closed else at + timedelta(minutes=30),
                )
            )
            store.add_publication(update.id or 0, Publication("manual", at + timedelta(minutes=1)))
    store.close()


def search_results(target: Path) -> None:
    home = Path(tempfile.mkdtemp(prefix="ic-docs-search-"))
    seed(home)
    context, window = open_window(home)
    window.menu_actions.find.trigger()
    dialog = window.search.dialog
    if dialog is None:
        raise SystemExit("Find in all updates did not open")
    dialog.query.setText(QUERY)
    dialog.run()
    wait(300)
    if not dialog.hits:
        raise SystemExit(f"Find in all updates found nothing for “{QUERY}”")
    save(dialog, target)
    dialog.close()
    close_window(context, window)


def main(target_dir: str) -> None:
    target = Path(target_dir)
    target.mkdir(parents=True, exist_ok=True)
    app = create_application([])
    search_results(target / "search-results.png")
    app.quit()


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else str(ROOT / "docs" / "screenshots"))
