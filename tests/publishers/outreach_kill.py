# SPDX-License-Identifier: GPL-3.0-or-later
"""`incident-composer outreach send` killed with kill -9 at random moments, then run again, counted
on a real SMTP server (aiosmtpd on 127.0.0.1): for test_outreach_send.py and
benchmarks/outreach_kill.py.

One data folder and one list of customers; `kills` times: start the send as a subprocess, SIGKILL
it at a random moment (a seeded generator), and check that no customer has more than one message
on the server. Then a run that is not killed: a message that may or may not have gone out
('uncertain': the kill landed while it was being sent) is not sent again, and the run says so
(exit 1). The user then answers for each one, as `outbox resolve` asks — here by looking at the
server, as the user would look in the customer's mailbox: `--sent` when it arrived, `--resend`
when not — and a last run completes. Counted on the server at the end: duplicates (a customer with
more than one message) and missed (a customer with none).
"""

from __future__ import annotations

import json
import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from dataclasses import dataclass, field
from email import message_from_bytes, policy
from email.utils import getaddresses
from pathlib import Path

TITLE = "Card payments failing"
SIGNER_EMAIL = "marta.vidal@example.net"


@dataclass
class KillFigures:
    customers: int
    kills: int = 0  # the process was still running when killed
    uncertain: int = 0  # messages the kills left 'uncertain' (the user answered for each)
    uncertain_resent: int = 0  # of them, sent again before the user answered: must be 0
    duplicates: int = 0  # customers with more than one message on the server: must be 0
    missed: int = 0  # customers with no message on the server at the end: must be 0
    worst_during: int = 0  # the most messages one customer had on the server after any kill
    exit_codes: list[int] = field(default_factory=list)


class Cli:
    """`python -m composer ...` in a data folder of its own."""

    def __init__(self, folder: Path):
        self.folder = folder
        self.env = {k: v for k, v in os.environ.items() if k not in ("DBUS_SESSION_BUS_ADDRESS",)}
        self.env.update(HOME=str(folder), INCIDENT_COMPOSER_HOME=str(folder / "data"))
        self.command = [sys.executable, "-m", "composer"]

    def run(self, *args: str, check: bool = True) -> subprocess.CompletedProcess[str]:
        done = subprocess.run([*self.command, *args], env=self.env, capture_output=True, text=True, timeout=300,
                              check=False, stdin=subprocess.DEVNULL)  # fmt: skip
        if check:
            assert done.returncode == 0, (args, done.stdout, done.stderr)
        return done

    def start(self, *args: str) -> subprocess.Popen[bytes]:
        return subprocess.Popen([*self.command, *args], env=self.env, stdout=subprocess.DEVNULL,
                                stderr=subprocess.DEVNULL, stdin=subprocess.DEVNULL)  # fmt: skip

    def jobs_of(self, incident: int) -> dict[str, tuple[int, str]]:
        """Each customer's job id and state, read from the database (no store opening: no recovery)."""
        conn = sqlite3.connect(self.folder / "data" / "composer.db")
        try:
            rows = conn.execute(
                "SELECT c.email, o.id, o.state FROM outreach_contacts c JOIN outbox o ON o.key = c.job_key"
                " WHERE c.incident_id=?",
                (incident,),
            ).fetchall()
        finally:
            conn.close()
        return {email: (job_id, state) for email, job_id, state in rows}


def prepare(folder: Path, smtp_port: int, customers: int) -> tuple[Cli, Path]:
    """An incident, the organisation, a signer with their own address, a mail relay account, a list."""
    cli = Cli(folder)
    update = folder / "incident.md"
    update.write_text(
        f"---\ntitle: {TITLE}\nstatus: resolved\nstarted: 2026-11-21T11:00:00+01:00\nlanguage: en\n---\n"
        "Card payments work again.\n",
        encoding="utf-8",
    )
    assert cli.run("import", str(update)).stdout.strip() == "1"
    cli.run("organisation", "set", "--name", "Example Hosting", "--phone", "+34 930 000 000")
    cli.run("people", "add", "Marta Vidal", "--role", "Head of Support", "--email", SIGNER_EMAIL)
    cli.run("accounts", "add", "email", "relay", "--host", "127.0.0.1", "--port", str(smtp_port), "--security", "none",
            "--from", "Example Status <status@example.net>", "--to", "everyone@example.net")  # fmt: skip
    path = folder / "customers.csv"
    path.write_text(customer_csv(customers), encoding="utf-8")
    return cli, path


def customer_csv(customers: int) -> str:
    lines = ["Name,Email,Impact"]
    lines += [
        f"Customer Nº{n},customer{n}@example.com,your shop {n} could not take card payments" for n in range(customers)
    ]
    return "\n".join(lines) + "\n"


def send_args(csv_path: Path) -> list[str]:
    return ["outreach", "send", "--incident", "1", "--csv", str(csv_path), "--template", "apology-email-en",
            "--account", "relay", "--rate", "60000/min", "--map", "customer_impact=Impact",
            "--set", "data_loss=No payment data was lost."]  # fmt: skip


def received(deliveries: list[object]) -> dict[str, int]:
    """How many messages each recipient got, from the raw messages on the server (To and envelope)."""
    counts: dict[str, int] = {}
    for delivery in deliveries:
        message = message_from_bytes(delivery.raw, policy=policy.default)  # type: ignore[attr-defined]
        [(_, to)] = getaddresses(message.get_all("To", []))
        assert [to] == delivery.rcpt_tos  # type: ignore[attr-defined]  # addressed to them alone
        counts[to] = counts.get(to, 0) + 1
    return counts


def kill_and_rerun(folder: Path, relay: object, *, customers: int, kills: int, seed: int) -> KillFigures:
    """See the module's docstring. `relay`: a started SmtpPeer (plain, no login)."""
    cli, csv_path = prepare(folder, relay.port, customers)  # type: ignore[attr-defined]
    rng = random.Random(seed)
    figures = KillFigures(customers=customers)
    args = send_args(csv_path)
    for _ in range(kills):
        process = cli.start(*args)
        time.sleep(rng.uniform(0.1, 0.8))
        if process.poll() is None:
            process.send_signal(signal.SIGKILL)
            figures.kills += 1
        process.wait(30)
        counts = received(relay.deliveries)  # type: ignore[attr-defined]
        figures.worst_during = max([figures.worst_during, *counts.values()])
    before = received(relay.deliveries)  # type: ignore[attr-defined]
    again = cli.run(*args, check=False)
    figures.exit_codes.append(again.returncode)
    uncertain = {email: job for email, (job, state) in cli.jobs_of(1).items() if state == "uncertain"}
    figures.uncertain = len(uncertain)
    after = received(relay.deliveries)  # type: ignore[attr-defined]
    figures.uncertain_resent = sum(1 for email in uncertain if after.get(email, 0) > before.get(email, 0))
    for email, job in uncertain.items():  # the user's answer, from the customer's mailbox
        cli.run("outbox", "resolve", str(job), "--sent" if after.get(email) else "--resend")
    last = cli.run(*args, check=False)
    figures.exit_codes.append(last.returncode)
    final = received(relay.deliveries)  # type: ignore[attr-defined]
    everyone = [f"customer{n}@example.com" for n in range(customers)]
    figures.duplicates = sum(1 for email in everyone if final.get(email, 0) > 1)
    figures.missed = sum(1 for email in everyone if not final.get(email))
    status = json.loads(cli.run("outreach", "status", "--incident", "1", "--format", "json").stdout)
    assert len(status) == customers and {row["state"] for row in status} == {"contacted"}, status
    return figures
