# SPDX-License-Identifier: GPL-3.0-or-later
"""Child of the publishing benchmark: the in-process peers (aiosmtpd and the Mastodon stand-in)
in a process of their own, so their work does not share the measured process's interpreter.

Prints one JSON line with what the accounts need, then serves until stdin closes.
"""

from __future__ import annotations

import json
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests" / "publishers"))

SMTP_USER, SMTP_PASSWORD = "status-bot", "bench-smtp-password"
MASTODON_TOKEN = "bench-mastodon-token"


def main() -> int:
    import warnings

    warnings.filterwarnings("ignore", message="Session.login_data is deprecated")  # aiosmtpd, not ours
    from mastodon_standin import MastodonStandIn
    from smtp_peer import SmtpPeer, make_certificate

    certificate = make_certificate(Path(tempfile.mkdtemp(prefix="bench-smtp-")))
    with SmtpPeer(certificate, mode="starttls", username=SMTP_USER, password=SMTP_PASSWORD) as smtp, \
            MastodonStandIn(token=MASTODON_TOKEN) as mastodon:
        print(json.dumps({
            "email": {"settings": {"host": "127.0.0.1", "port": str(smtp.port), "security": "starttls",
                                   "username": SMTP_USER, "from": "Status <status@example.net>",
                                   "to": "customers@example.net", "ca_file": str(certificate.cert)},
                      "secret": SMTP_PASSWORD},
            "mastodon": {"settings": {"url": mastodon.url}, "secret": MASTODON_TOKEN},
        }), flush=True)
        sys.stdin.read()  # until the benchmark closes our stdin
        if mastodon.violations:
            print("\n".join(mastodon.violations), file=sys.stderr)
            return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
