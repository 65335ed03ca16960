# SPDX-License-Identifier: GPL-3.0-or-later
"""A real SMTP server (aiosmtpd) on 127.0.0.1 that records what it receives, for publisher tests."""

from __future__ import annotations

import asyncio
import socket
import ssl
import subprocess
import threading
from dataclasses import dataclass, field
from pathlib import Path

from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult, LoginPassword

HOST = "127.0.0.1"
# The account every test SMTP server takes (the password must never show in any message).
SMTP_USER = "status-bot"
SMTP_PASSWORD = "Tr0ub4dor&3-not-in-any-message"


@dataclass(frozen=True)
class Certificate:
    """A self-signed certificate for localhost and 127.0.0.1; `cert` doubles as its CA file."""

    cert: Path
    key: Path

    def server_context(self) -> ssl.SSLContext:
        context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
        context.load_cert_chain(self.cert, self.key)
        return context


def make_certificate(folder: Path) -> Certificate:
    """`openssl req -x509` into `folder`: valid two days, for DNS:localhost and IP:127.0.0.1."""
    cert, key = folder / "cert.pem", folder / "key.pem"
    subprocess.run(
        [
            "openssl",
            "req",
            "-x509",
            "-newkey",
            "rsa:2048",
            "-nodes",
            "-days",
            "2",
            "-subj",
            "/CN=localhost",
            "-addext",
            "subjectAltName=DNS:localhost,IP:127.0.0.1",
            "-keyout",
            str(key),
            "-out",
            str(cert),
        ],
        check=True,
        capture_output=True,
    )
    return Certificate(cert=cert, key=key)


def free_port() -> int:
    """A TCP port nothing listens on (right now) on 127.0.0.1."""
    with socket.socket() as probe:
        probe.bind((HOST, 0))
        return probe.getsockname()[1]


@dataclass
class Delivery:
    """One message as the server received it: the raw bytes on the wire and the envelope."""

    raw: bytes
    mail_from: str
    rcpt_tos: list[str]


@dataclass
class RecordingHandler:
    """Records every accepted message; can be told to refuse some recipients or every message."""

    deliveries: list[Delivery] = field(default_factory=list)
    refuse_recipients: dict[str, str] = field(default_factory=dict)  # address -> reply
    refuse_data: str = ""  # a reply such as "550 5.7.1 ..." to refuse every message
    reply_delay: float = 0.0  # seconds between storing a message and saying 250 (a slow MTA)
    lock: threading.Lock = field(default_factory=threading.Lock)

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        reply = self.refuse_recipients.get(address)
        if reply:
            return reply
        envelope.rcpt_tos.append(address)
        envelope.rcpt_options.extend(rcpt_options)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        if self.refuse_data:
            return self.refuse_data
        with self.lock:
            self.deliveries.append(
                Delivery(
                    raw=bytes(envelope.original_content), mail_from=envelope.mail_from, rcpt_tos=list(envelope.rcpt_tos)
                )
            )
        if self.reply_delay:  # stored first, as a real MTA does: a sender killed now has delivered
            await asyncio.sleep(self.reply_delay)
        return "250 2.0.0 Message accepted for delivery"


class Authenticator:
    """Accepts one user name and password; counts the attempts."""

    def __init__(self, username: str, password: str):
        self.username = username.encode()
        self.password = password.encode()
        self.attempts = 0

    def __call__(self, server, session, envelope, mechanism, auth_data) -> AuthResult:
        self.attempts += 1
        ok = (
            isinstance(auth_data, LoginPassword)
            and auth_data.login == self.username
            and auth_data.password == self.password
        )
        return AuthResult(success=ok, handled=False)

    def __repr__(self) -> str:
        return "Authenticator(...)"


class SmtpPeer:
    """A running aiosmtpd server: STARTTLS with login required, implicit TLS, or a plain local relay."""

    def __init__(self, certificate: Certificate, *, mode: str, username: str, password: str):
        if mode not in ("starttls", "tls", "plain"):
            raise ValueError(mode)
        self.mode = mode
        self.host = HOST
        self.port = free_port()
        self.handler = RecordingHandler()
        self.authenticator = Authenticator(username, password)
        options: dict[str, object] = {"authenticator": self.authenticator, "auth_required": True}
        if mode == "plain":  # a relay on this machine: no TLS, no login (what --security none is for)
            options = {}
        elif mode == "starttls":
            options.update(tls_context=certificate.server_context(), require_starttls=True, auth_require_tls=True)
        else:
            # Implicit TLS: aiosmtpd does not know the socket is encrypted, so it must not insist on
            # STARTTLS before AUTH (aiosmtpd issue #281).
            options.update(ssl_context=certificate.server_context(), auth_require_tls=False)
        self.controller = Controller(self.handler, hostname=self.host, port=self.port, **options)

    @property
    def deliveries(self) -> list[Delivery]:
        return self.handler.deliveries

    def start(self) -> SmtpPeer:
        self.controller.start()
        return self

    def stop(self) -> None:
        self.controller.stop()

    def __enter__(self) -> SmtpPeer:
        return self.start()

    def __exit__(self, *_exc) -> None:
        self.stop()


class SilentServer:
    """A TCP port that accepts connections and never says a word (a hung server)."""

    def __init__(self):
        self.socket = socket.socket()
        self.socket.bind((HOST, 0))
        self.socket.listen(8)
        self.port = self.socket.getsockname()[1]
        self.accepted: list[socket.socket] = []
        self._stop = threading.Event()
        self.socket.settimeout(0.1)
        self._thread = threading.Thread(target=self._accept, daemon=True)
        self._thread.start()

    def _accept(self) -> None:
        while not self._stop.is_set():
            try:
                connection, _ = self.socket.accept()
            except TimeoutError:
                continue
            except OSError:
                return
            self.accepted.append(connection)

    def close(self) -> None:
        self._stop.set()
        self._thread.join(2)
        for connection in self.accepted:
            connection.close()
        self.socket.close()
