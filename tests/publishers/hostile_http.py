# SPDX-License-Identifier: GPL-3.0-or-later
"""Misbehaving HTTP servers on 127.0.0.1, written here (http.server, a thread each), for the
hostile-server tests of every HTTP publisher (test_hostile_servers.py).

A `Hostile` server logs every request it gets (method, path, headers, body) and answers each with
the route matching its method and path, else 404. A route's answer is a function of the request
handler that writes whatever it likes, well-formed or not: a redirect, 50 MB, a body that never
ends, one byte every half second, HTML, truncated JSON, the request's own Authorization echoed.
With a certificate it speaks only TLS. Answers that go on for ever stop when the client hangs up
or the server is closed.
"""

from __future__ import annotations

import json
import threading
from collections.abc import Callable
from contextlib import suppress
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import quote

from composer.core.secrets import secret_forms

DRIP_EVERY = 0.5  # seconds between the bytes of a slow-drip answer
BLOCK = b"x" * 65536


@dataclass
class Seen:
    """One request as the server received it."""

    method: str
    path: str
    headers: dict[str, str]
    body: bytes

    def text(self) -> str:
        head = "\n".join(f"{name}: {value}" for name, value in self.headers.items())
        return f"{self.method} {self.path}\n{head}\n\n{self.body.decode('utf-8', 'replace')}"


Answer = Callable[["Handler"], None]


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server: _Server

    def _any(self) -> None:
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length) if length else b""
        self.seen = Seen(self.command, self.path, dict(self.headers.items()), body)
        owner = self.server.owner
        owner.log.append(self.seen)
        answer = owner.routes.get((self.command, self.path.split("?", 1)[0]), owner.default)
        self.close_connection = True  # one request per connection: every answer may end it badly
        with suppress(OSError):  # the client hung up (ssl.SSLError is an OSError): what a hostile answer waits for
            answer(self)

    def do_GET(self) -> None:
        self._any()

    def do_POST(self) -> None:
        self._any()

    @property
    def authorization(self) -> str:
        return self.headers.get("Authorization", "")

    @property
    def stopping(self) -> threading.Event:
        return self.server.owner.stopping

    def head(self, status: int, headers: dict[str, str] | None = None, *, length: int | None = None) -> None:
        self.send_response(status)
        for name, value in (headers or {}).items():
            self.send_header(name, value)
        if length is not None:
            self.send_header("Content-Length", str(length))
        self.send_header("Connection", "close")
        self.end_headers()

    def log_message(self, *_args: Any) -> None:
        pass


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    owner: Hostile


@dataclass
class Hostile:
    """A server on 127.0.0.1 (another loopback address with `host`) answering by `routes`."""

    routes: dict[tuple[str, str], Answer] = field(default_factory=dict)
    default: Answer = field(default_factory=lambda: json_answer({"error": "NotFound", "message": "no such route"}, 404))
    certificate: Any = None  # a tests/publishers/smtp_peer.py Certificate: TLS only
    host: str = "127.0.0.1"
    log: list[Seen] = field(default_factory=list)
    stopping: threading.Event = field(default_factory=threading.Event)

    def __post_init__(self) -> None:
        self._server = _Server((self.host, 0), Handler)
        self._server.owner = self
        if self.certificate is not None:
            self._server.socket = self.certificate.server_context().wrap_socket(self._server.socket, server_side=True)
        self._thread = threading.Thread(target=self._server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
        self._thread.start()

    @property
    def url(self) -> str:
        scheme = "https" if self.certificate is not None else "http"
        return f"{scheme}://{self.host}:{self._server.server_port}"

    def close(self) -> None:
        self.stopping.set()
        self._server.shutdown()
        self._server.server_close()
        self._thread.join(5)

    def __enter__(self) -> Hostile:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()


def carries(seen: list[Seen], secrets: tuple[str, ...], username: str = "") -> list[str]:
    """The requests in `seen` holding an Authorization header or any secret in any form."""
    forms = set().union(*(secret_forms(secret, username) for secret in secrets))
    return [
        request.text()
        for request in seen
        if "authorization" in {name.lower() for name in request.headers}
        or any(form in request.text() for form in forms)
    ]


# --- answers ----------------------------------------------------------------------------------


def json_answer(data: Any, status: int = 200, headers: dict[str, str] | None = None) -> Answer:
    """A well-formed JSON answer."""
    return raw_answer(json.dumps(data).encode(), status, "application/json", headers)


def raw_answer(
    body: bytes, status: int = 200, content_type: str = "application/json", headers: dict[str, str] | None = None
) -> Answer:
    """Exactly `body`, whatever it is, with the given type."""

    def answer(handler: Handler) -> None:
        handler.head(status, {"Content-Type": content_type, **(headers or {})}, length=len(body))
        handler.wfile.write(body)

    return answer


def redirect(status: int, to: str) -> Answer:
    """A redirect to `to` (another origin, or plain http), with the request's Authorization in
    the address's path and query, as a hostile server fishing for it would send it."""

    def answer(handler: Handler) -> None:
        token = handler.authorization.split(" ")[-1]
        sent = quote(handler.seen.body.decode("utf-8", "replace"), safe="")
        echoed = quote(handler.authorization, safe="")
        body = b'{"error": "moved"}'
        headers = {
            "Location": f"{to}/moved/{token}/{sent[:40]}?auth={echoed}&sent={sent}",
            "Content-Type": "application/json",
            "Link": f'<{to}/wp-json/>; rel="https://api.w.org/"',
        }
        handler.head(status, headers, length=len(body))
        handler.wfile.write(body)

    return answer


def huge(size: int = 50 * 1024 * 1024) -> Answer:
    """A 200 JSON answer of `size` bytes, its length announced."""

    def answer(handler: Handler) -> None:
        handler.head(200, {"Content-Type": "application/json"}, length=size)
        sent = 0
        while sent < size and not handler.stopping.is_set():
            handler.wfile.write(BLOCK[: size - sent])
            sent += len(BLOCK)

    return answer


def endless() -> Answer:
    """A 200 JSON answer in chunks that never ends (no length announced)."""

    def answer(handler: Handler) -> None:
        handler.head(200, {"Content-Type": "application/json", "Transfer-Encoding": "chunked"})
        handler.wfile.write(b"1\r\n[\r\n")
        chunk = b"%x\r\n%s\r\n" % (len(BLOCK), BLOCK)
        while not handler.stopping.is_set():
            handler.wfile.write(chunk)

    return answer


def drip_body() -> Answer:
    """Headers at once, then a JSON body one byte every half second, for ever (a megabyte announced)."""

    def answer(handler: Handler) -> None:
        handler.head(200, {"Content-Type": "application/json"}, length=1_000_000)
        handler.wfile.write(b"{")
        while not handler.stopping.wait(DRIP_EVERY):
            handler.wfile.write(b" ")

    return answer


def drip_headers() -> Answer:
    """The status line, then one byte of a header every half second, for ever."""

    def answer(handler: Handler) -> None:
        handler.wfile.write(b"HTTP/1.1 200 OK\r\nX-Slow: ")
        while not handler.stopping.wait(DRIP_EVERY):
            handler.wfile.write(b"a")

    return answer


def echo_secret(status: int) -> Answer:
    """An error answer that echoes the request's Authorization and body (a password in it) in its
    JSON error body, across lines, and in its headers."""

    def answer(handler: Handler) -> None:
        sent = handler.seen.body.decode("utf-8", "replace")
        message = f"bad credentials:\n{handler.authorization}\nyou sent:\n{sent}"
        body = json.dumps(
            {
                "error": "InvalidToken\nreally",
                "message": message,
                "detail": message,
                "title": message,
                "code": "rest_forbidden",
            }
        ).encode()
        headers = {
            "Content-Type": "application/json",
            "X-Echo": handler.authorization,
            "WWW-Authenticate": f'Bearer error="invalid_token", token="{handler.authorization}"',
        }
        handler.head(status, headers, length=len(body))
        handler.wfile.write(body)

    return answer
