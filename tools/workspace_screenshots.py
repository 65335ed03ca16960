# SPDX-License-Identifier: GPL-3.0-or-later
"""Take the team workspace's screenshots into docs/screenshots/: Ana's real window on a workspace (a
private PostgreSQL on 127.0.0.1, tests/publishers/postgres_peer.py) where Bo, a drafter, wrote an
update and asked for a review, and Ana, a reviewer, asked for changes once before.

xvfb-run -a -s "-screen 0 1400x900x24" .venv/bin/python tools/workspace_screenshots.py [TARGET_DIR]

1. workspace-review.png    Edit → Review updates…: the update with the changes since Ana's last
                           review, the checklist's findings, Approve / Request changes
2. workspace-offline.png   the workspace stopped: the bar says drafting goes on and what waits
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tools"))
sys.path.insert(0, str(ROOT / "tests" / "publishers"))

from docs_screenshots import save, seed_organisation, wait  # noqa: E402
from postgres_peer import PostgresPeer  # noqa: E402

from composer.app import build_context, create_application, create_window  # noqa: E402
from composer.core.credentials import MemoryCredentials  # noqa: E402
from composer.core.model import Incident, Severity, Status, Update, utc_now  # noqa: E402
from composer.core.store import Store  # noqa: E402
from composer.core.workspace import membership, remote, review  # noqa: E402
from composer.core.workspace.session import WorkspaceCopy  # noqa: E402

FIRST = (
    "Since 09:40 CET card payments at checkout fail for some customers in the EU region.\n\n"
    "We are working on it. Next update by 10:30 CET.\n\nBo Lindqvist, Support"
)
SECOND = (
    "Since 09:40 CET, Visa and Mastercard payments at checkout fail for about one customer in five "
    "in the EU region. PayPal and bank transfers work. Nothing was charged twice.\n\n"
    "This is our fault: a certificate we should have renewed expired. We are sorry.\n\n"
    "Next update by 10:30 CET. Call +34 930 000 000 if you need help.\n\nBo Lindqvist, Support"
)


def member(server: PostgresPeer, folder: Path, name: str) -> tuple[Path, WorkspaceCopy, remote.RemoteWorkspace]:
    path = folder / name / "composer.db"
    Store.open(path)[0].close()
    membership.join(path, server.url("comms", name), MemoryCredentials(), f"{name}-pass")
    return path, WorkspaceCopy(path, name), remote.RemoteWorkspace(server.url("comms", name), f"{name}-pass")


def main(target: Path) -> int:
    target.mkdir(parents=True, exist_ok=True)
    folder = Path(tempfile.mkdtemp(prefix="composer-shots-"))
    server = PostgresPeer().start()
    try:
        server.create_database("comms")
        with server.admin("comms") as conn:
            conn.autocommit = False
            remote.set_up(conn)
        for name, role in (("ana", "composer_reviewer"), ("bo", "composer_drafter"), ("carla", "composer_admin")):
            server.add_person(name, f"{name}-pass", role)
        _, carla, carla_ws = member(server, folder, "carla")
        with carla.conn:
            review.set_policy(carla.conn, "all-but-investigating", "carla")
        carla.round(carla_ws)
        bo_path, bo, bo_ws = member(server, folder, "bo")
        store, _ = Store.open(bo_path)
        seed_organisation(store)
        incident = store.add_incident(
            Incident("Card payments failing at checkout", severity=Severity.MAJOR, started_at=utc_now())
        )
        update = store.add_update(Update(incident.id, FIRST, Status.IDENTIFIED, signer="Bo Lindqvist, Support"))
        with bo.conn:
            review.submit(bo.conn, update.id, "bo")
        bo.round(bo_ws)
        ana_path, ana, ana_ws = member(server, folder, "ana")
        ana.round(ana_ws)
        ana_update = Store.open(ana_path)[0].updates(1)[0]
        with ana.conn:
            review.decide(
                ana.conn,
                ana_update.id,
                "ana",
                approved=False,
                comment="Say which cards, and that nothing was charged twice.",
            )
        ana.round(ana_ws)
        bo.round(bo_ws)
        update.body = SECOND
        store.save_update(update)
        with bo.conn:
            review.submit(bo.conn, update.id, "bo")
        bo.round(bo_ws)
        store.close()

        app = create_application([sys.argv[0]])
        context = build_context(home=ana_path.parent)
        context.credentials = MemoryCredentials()
        context.credentials.set(membership.parse(server.url("comms", "ana")).secret_account, "ana-pass")
        window = create_window(context)
        window.resize(1360, 860)
        window.show()
        while not window.is_ready:
            app.processEvents()
        wait(3000)
        dialog = window.workspace.review()
        if dialog is None or dialog.list.count() != 1:
            raise SystemExit("the review dialog shows no update waiting")
        wait(800)
        save(dialog, target / "workspace-review.png")
        dialog.reject()
        server.pause()
        window.editor.body.setPlainText(window.editor.body.toPlainText() + "\n")
        window.save_all()
        for _ in range(100):
            wait(200)
            if (
                "Workspace unreachable" in window.workspace.banner.text.text()
                and "change" in window.workspace.banner.text.text()
            ):
                break
        save(window, target / "workspace-offline.png")
        server.resume()
        window.close()
        context.close()
    finally:
        server.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "docs" / "screenshots"))
