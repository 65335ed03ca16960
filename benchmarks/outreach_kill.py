# SPDX-License-Identifier: GPL-3.0-or-later
"""Reaching every customer under kill -9, many more kills than the test can afford:

    python benchmarks/outreach_kill.py [--kills 50] [--customers 600] [--rounds 3] [--seed N]

Each round (a fresh data folder, a fresh real SMTP server: aiosmtpd on 127.0.0.1, which stores a
message before it answers and takes 20 ms to answer): `incident-composer outreach send` for
`--customers` customers, started as a subprocess and SIGKILLed at a random moment (0.1–0.8 s
after it starts, a seeded generator) `--kills` times; then a run that is not killed; then the
user's answer for each message the kills left 'uncertain' (`outbox resolve --sent` when it is on
the server, `--resend` when not) and a last run (tests/publishers/outreach_kill.py).

Figures, counted on the server over all rounds (each must be 0):
`outreach_kill_duplicates`: customers with more than one message; `outreach_kill_missed`:
customers with none at the end; `outreach_kill_uncertain_resent`: uncertain messages sent again
before the user answered. And, for the record: `outreach_kill_kills` (kills that landed while the
command ran), `outreach_kill_uncertain` (messages the user had to answer for), `outreach_kill_s`.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests" / "publishers"))
sys.path.insert(0, str(ROOT))

from outreach_kill import kill_and_rerun  # noqa: E402
from smtp_peer import SmtpPeer  # noqa: E402

SEED = 20261215


def measure(kills: int, customers: int, rounds: int, seed: int) -> dict[str, object]:
    started = time.monotonic()
    totals = {"duplicates": 0, "missed": 0, "uncertain_resent": 0, "kills": 0, "uncertain": 0}
    for number in range(rounds):
        with tempfile.TemporaryDirectory(prefix="composer-outreach-kill-") as folder:
            relay = SmtpPeer(None, mode="plain", username="", password="").start()  # type: ignore[arg-type]
            try:
                relay.handler.reply_delay = 0.02
                figures = kill_and_rerun(Path(folder), relay, customers=customers, kills=kills, seed=seed + number)
            finally:
                relay.stop()
        for name in totals:
            totals[name] += int(getattr(figures, name))
    result: dict[str, object] = {f"outreach_kill_{name}": value for name, value in totals.items()}
    result["outreach_kill_rounds"] = rounds
    result["outreach_kill_s"] = round(time.monotonic() - started, 1)
    return result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--kills", type=int, default=50, help="kills per round")
    parser.add_argument("--customers", type=int, default=600)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--seed", type=int, default=SEED)
    args = parser.parse_args(argv)
    figures = measure(args.kills, args.customers, args.rounds, args.seed)
    print(json.dumps(figures))
    bad = (
        figures["outreach_kill_duplicates"]
        or figures["outreach_kill_missed"]
        or figures["outreach_kill_uncertain_resent"]
    )
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
