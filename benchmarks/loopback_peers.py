# SPDX-License-Identifier: GPL-3.0-or-later
"""Child of the publishing benchmark: the in-process peers (aiosmtpd and the Mastodon stand-in)
in a process of their own, so their work does not share the measured process's interpreter.

Prints one JSON line with what the accounts need, then serves until stdin closes. The test
certificate and its private key live in a temporary folder removed on the way out, whether
stdin closed, an exception was raised or the process was sent SIGTERM/SIGINT/SIGHUP.
"""

from __future__ import annotations

import json
import signal
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests" / "publishers"))

SMTP_USER, SMTP_PASSWORD = "status-bot", "bench-smtp-password"
MASTODON_TOKEN = "bench-mastodon-token"


def _exit_on_signal(signum: int, _frame: object) -> None:
    raise SystemExit(128 + signum)  # unwinds through the `with` blocks: the folder is removed


def main() -> int:
    import warnings

    for signum in (signal.SIGTERM, signal.SIGHUP, signal.SIGINT):
        signal.signal(signum, _exit_on_signal)

    warnings.filterwarnings("ignore", message="Session.login_data is deprecated")  # aiosmtpd, not ours
    from mastodon_standin import MastodonStandIn
    from smtp_peer import SmtpPeer, make_certificate

    with tempfile.TemporaryDirectory(prefix="bench-smtp-") as folder:
        certificate = make_certificate(Path(folder))
        with (
            SmtpPeer(certificate, mode="starttls", username=SMTP_USER, password=SMTP_PASSWORD) as smtp,
            MastodonStandIn(token=MASTODON_TOKEN) as mastodon,
        ):
            print(
                json.dumps(
                    {
                        "email": {
                            "settings": {
                                "host": "127.0.0.1",
                                "port": str(smtp.port),
                                "security": "starttls",
                                "username": SMTP_USER,
                                "from": "Status <status@example.net>",
                                "to": "customers@example.net",
                                "ca_file": str(certificate.cert),
                            },
                            "secret": SMTP_PASSWORD,
                        },
                        "mastodon": {"settings": {"url": mastodon.url}, "secret": MASTODON_TOKEN},
                    }
                ),
                flush=True,
            )
            sys.stdin.read()  # until the benchmark closes our stdin
            if mastodon.violations:
                print("\n".join(mastodon.violations), file=sys.stderr)
                return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
