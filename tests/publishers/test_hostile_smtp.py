# SPDX-License-Identifier: GPL-3.0-or-later
"""The email publisher against SMTP servers that misbehave on purpose, written here (socketserver,
a thread per connection, on 127.0.0.1).

Each server speaks enough SMTP to get to the step it spoils: the greeting, the EHLO reply, the
login, STARTTLS, or the reply after the message. Whatever it does, the test asserts what the
contract promises: the password is never sent unencrypted where the account asked for encryption
(the server logs no AUTH) and is in no form in the error, its traceback or anything printed; the
attempt ends, with the account's timeout of 1 s, well within 1 + 5 seconds, with ONE line of
error (a PublishError); a message the server may have received ends OutcomeUnknown.
Plain SMTP ("none") is allowed for a server on this computer only, so that is what these use,
except where STARTTLS itself is the test.
"""

from __future__ import annotations

import base64
import socketserver
import threading
import time
import traceback
from collections.abc import Callable
from contextlib import suppress

import pytest

from composer.core.secrets import secret_forms
from composer.publishers.base import Account, AuthRejected, OutcomeUnknown, PublishableUpdate, PublishError
from composer.publishers.email import EmailPublisher

TIMEOUT = 1.0
ENDED = TIMEOUT + 5
USER = "ops@example.net"
PASSWORD = "Hostile-SMTP-pass-7q2"
DRIP_EVERY = 0.5
# A TLS record header promising 16 KB, then a ServerHello header promising 16,380 bytes: the
# client's handshake waits for all of them, and gets one more every half second.
TLS_RECORD_START = b"\x16\x03\x03\x40\x00" + b"\x02\x00\x3f\xfc"

Step = Callable[["Dialogue", bytes], None]


class Dialogue(socketserver.StreamRequestHandler):
    """One SMTP session: well-behaved, except where the server's `steps` say otherwise."""

    server: _Server

    def say(self, text: bytes) -> None:
        self.wfile.write(text)

    def drip(self, first: bytes = b"") -> None:
        """`first`, then one byte every half second until the client leaves or the server stops."""
        self.say(first)
        while not self.server.stopping.wait(DRIP_EVERY):
            self.say(b"5")

    def flood(self, line: bytes) -> None:
        """`line` for ever, as fast as the client takes it."""
        while not self.server.stopping.is_set():
            self.say(line * 64)

    def handle(self) -> None:
        steps = self.server.steps
        with suppress(OSError):
            steps.get("greeting", lambda dialogue, _line: dialogue.say(b"220 hostile.example ESMTP\r\n"))(self, b"")
            while line := self.rfile.readline(65536):
                self.server.log.append(line)
                verb = line.split(b" ", 1)[0].strip().upper().decode("ascii", "replace")
                if verb in steps:
                    steps[verb](self, line)
                elif verb in ("EHLO", "HELO"):
                    self.say(b"250-hostile.example\r\n250-AUTH PLAIN LOGIN\r\n250 8BITMIME\r\n")
                elif verb in ("MAIL", "RCPT", "NOOP", "RSET"):
                    self.say(b"250 OK\r\n")
                elif verb == "AUTH":
                    self.say(b"235 2.7.0 Authentication successful\r\n")
                elif verb == "DATA":
                    self.say(b"354 Go ahead\r\n")
                    while (data := self.rfile.readline(65536)) not in (b".\r\n", b""):
                        self.server.log.append(data)
                    steps.get("after data", lambda dialogue, _line: dialogue.say(b"250 2.0.0 Queued\r\n"))(self, b"")
                elif verb == "QUIT":
                    self.say(b"221 Bye\r\n")
                    return
                else:
                    self.say(b"502 5.5.2 Not implemented\r\n")


class _Server(socketserver.ThreadingTCPServer):
    daemon_threads = True
    allow_reuse_address = True
    steps: dict[str, Step]
    log: list[bytes]
    stopping: threading.Event


@pytest.fixture
def smtp():
    """Starts a hostile SMTP server with the given steps; closes every one at the end."""
    started: list[_Server] = []

    def start(**steps: Step) -> _Server:
        server = _Server(("127.0.0.1", 0), Dialogue)
        server.steps = {name.replace("_", " ") if name == "after_data" else name: step for name, step in steps.items()}
        server.log, server.stopping = [], threading.Event()
        threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True).start()
        started.append(server)
        return server

    yield start
    for server in started:
        server.stopping.set()
        server.shutdown()
        server.server_close()


def send(server: _Server, *, security: str = "none", test_connection: bool = False) -> tuple[PublishError, float]:
    settings = {
        "host": "127.0.0.1",
        "port": str(server.server_address[1]),
        "security": security,
        "username": USER,
        "from": "Example Status <status@example.net>",
        "to": "customers@example.net",
        "timeout": f"{TIMEOUT:g}",
    }
    account = Account("hostile mail", "email", settings)
    publisher = EmailPublisher()
    post = publisher.render(
        PublishableUpdate(incident_id=12, update_id=3, title="Checkout payments failing", body="We are investigating.")
    )
    started = time.monotonic()
    with pytest.raises(PublishError) as raised:
        if test_connection:
            publisher.test_connection(account, {"password": PASSWORD})
        else:
            publisher.publish(post, account, {"password": PASSWORD})
    return raised.value, time.monotonic() - started


def check(error: PublishError, elapsed: float, capsys, *, arrived: bool = False) -> str:
    message = str(error)
    assert elapsed < ENDED, f"took {elapsed:.1f} s: {message}"
    assert message.strip() and "\n" not in message and "\r" not in message, repr(message)
    printed = capsys.readouterr()
    shown = "\n".join([message, repr(error.args), "".join(traceback.format_exception(error)), printed.out, printed.err])
    for form in secret_forms(PASSWORD, USER):
        assert form not in shown, f"a form of the password is shown: {message}"
    assert isinstance(error, OutcomeUnknown) == arrived, f"{type(error).__name__}: {message}"
    return message


def auth_lines(server: _Server) -> list[bytes]:
    return [line for line in server.log if line.upper().startswith(b"AUTH")]


def test_a_greeting_dripped_byte_by_byte_ends_at_the_deadline(smtp, capsys):
    """A tarpit (what some anti-spam servers do on purpose) or a server in swap: the greeting one
    byte every half second. Each byte would restart the socket's timeout; the step's deadline ends it."""
    server = smtp(greeting=lambda dialogue, _line: dialogue.drip(b"2"))
    error, elapsed = send(server)
    assert "did not answer within 1 seconds" in check(error, elapsed, capsys)


def test_an_endless_ehlo_reply_is_cut_at_the_size_limit(smtp, capsys):
    """A broken or hostile server answering EHLO with continuation lines ("250-…") for ever:
    cut at 64 KB, never read into memory whole, and said in one line."""
    server = smtp(EHLO=lambda dialogue, _line: dialogue.flood(b"250-PIPELINING\r\n"))
    error, elapsed = send(server)
    assert "longer than 64 KB" in check(error, elapsed, capsys)


def test_an_oversized_reply_line_is_refused(smtp, capsys):
    """A single reply line of 100 KB without an end (a server writing garbage, a wrong port): refused."""
    server = smtp(EHLO=lambda dialogue, _line: dialogue.say(b"250 " + b"x" * 100_000 + b"\r\n"))
    error, elapsed = send(server, test_connection=True)
    assert "longer than 8192 bytes" in check(error, elapsed, capsys)


def _echo_auth(dialogue: Dialogue, line: bytes) -> None:
    """535, echoing the credentials the client sent, raw and decoded, over two lines."""
    sent = line.split(b" ", 2)[-1].strip()
    decoded = base64.b64decode(sent + b"===") if sent else b""
    dialogue.say(b"535-5.7.8 Authentication failed for " + sent + b"\r\n535 5.7.8 you sent " + decoded + b"\r\n")


def test_a_535_echoing_the_auth_plain_secret_shows_none_of_it(smtp, capsys):
    """A server (or a debugging relay) whose 535 reply quotes the AUTH PLAIN credentials back, as
    sent (base64) and decoded, over a multi-line reply: the error says the login was refused, in
    one line, with none of it."""
    server = smtp(AUTH=_echo_auth)
    error, elapsed = send(server)
    message = check(error, elapsed, capsys)
    assert isinstance(error, AuthRejected) and "refused the user name or password" in message


def test_a_535_echoing_the_auth_login_password_shows_none_of_it(smtp, capsys):
    """The same with AUTH LOGIN (user name and password sent one after the other, each base64):
    the server echoes the password's line."""

    def login(dialogue: Dialogue, _line: bytes) -> None:
        dialogue.say(b"334 UGFzc3dvcmQ6\r\n")
        password = dialogue.rfile.readline(65536).strip()
        dialogue.server.log.append(password)
        dialogue.say(b"535 5.7.8 Bad password " + password + b" = " + base64.b64decode(password) + b"\r\n")

    server = smtp(
        EHLO=lambda dialogue, _line: dialogue.say(b"250-hostile.example\r\n250 AUTH LOGIN\r\n"),
        AUTH=login,
    )
    error, elapsed = send(server)
    assert isinstance(error, AuthRejected)
    check(error, elapsed, capsys)


def test_no_starttls_offered_means_no_password_sent(smtp, capsys):
    """A server (or a man in the middle stripping it) that does not offer STARTTLS when the
    account asks for it: the password is not sent in the clear; the error says why."""
    server = smtp()  # its EHLO offers AUTH but no STARTTLS
    error, elapsed = send(server, security="starttls")
    assert "does not offer STARTTLS" in check(error, elapsed, capsys)
    assert auth_lines(server) == []


def test_a_refused_starttls_means_no_password_sent(smtp, capsys):
    """A server that offers STARTTLS and then refuses it (454, TLS not available): no login follows."""
    server = smtp(
        EHLO=lambda dialogue, _line: dialogue.say(b"250-hostile.example\r\n250-STARTTLS\r\n250 AUTH PLAIN\r\n"),
        STARTTLS=lambda dialogue, _line: dialogue.say(b"454 4.7.0 TLS not available\r\n"),
    )
    error, elapsed = send(server, security="starttls")
    check(error, elapsed, capsys)
    assert auth_lines(server) == []


def test_a_starttls_handshake_dripped_ends_at_the_deadline(smtp, capsys):
    """A server that accepts STARTTLS and then drips its TLS handshake (a record header promising
    16 KB, then a byte every half second): the handshake is bounded too, and no login follows."""
    server = smtp(
        EHLO=lambda dialogue, _line: dialogue.say(b"250-hostile.example\r\n250-STARTTLS\r\n250 AUTH PLAIN\r\n"),
        STARTTLS=lambda dialogue, _line: dialogue.drip(b"220 2.0.0 Ready\r\n" + TLS_RECORD_START),
    )
    error, elapsed = send(server, security="starttls")
    check(error, elapsed, capsys)
    assert auth_lines(server) == []


def test_an_implicit_tls_handshake_dripped_ends_at_the_deadline(smtp, capsys):
    """Port 465 style (TLS from the first byte): the server answers the client's hello with a
    record header promising 16 KB, then a byte every half second. Python's ssl module bounds a
    whole handshake by the socket's timeout: it ends at the deadline like every other step."""
    server = smtp(greeting=lambda dialogue, _line: dialogue.drip(TLS_RECORD_START))
    error, elapsed = send(server, security="tls")
    check(error, elapsed, capsys)
    assert auth_lines(server) == []


def test_a_reply_to_the_message_dripped_is_outcome_unknown(smtp, capsys):
    """The whole message was sent, then the final reply drips one byte every half second: the email
    may have been delivered, so it is OutcomeUnknown, and it ends at the deadline."""
    server = smtp(after_data=lambda dialogue, _line: dialogue.drip(b"2"))
    error, elapsed = send(server)
    check(error, elapsed, capsys, arrived=True)


def test_an_endless_reply_to_the_message_is_outcome_unknown(smtp, capsys):
    """The whole message was sent, then an endless multi-line reply: cut at the size limit, and
    OutcomeUnknown, since the server had the message."""
    server = smtp(after_data=lambda dialogue, _line: dialogue.flood(b"250-still thinking\r\n"))
    error, elapsed = send(server)
    check(error, elapsed, capsys, arrived=True)
