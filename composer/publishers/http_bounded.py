# SPDX-License-Identifier: GPL-3.0-or-later
"""The one way a publisher makes an HTTP request: bounded in time and in size, never redirected.

requests bounds each read, not the whole request: a server that drips one byte every half second
(in its headers or its body) restarts the read timeout at every byte and holds the request for
ever, and an endless or huge answer is read into memory whole. Here every request:

- ends by its deadline: the account's timeout, for connecting, sending, the headers and the body
  together. A watchdog shuts the connection's socket down when the deadline passes, which ends a
  read blocked on it at once; the request then fails with `DeadlinePassed`, a requests
  `ReadTimeout`, so each caller's words for "no answer in time" apply (after a write: it may
  have arrived);
- reads at most `max_bytes` of answer (5 MB unless said); a longer one fails with `AnswerTooLarge`;
- never follows a redirect: the caller gets the 3xx answer and `redirect_target` says where it
  pointed, so no credential follows a redirect anywhere, to another host or to plain http.

Import it lazily, inside functions: it imports requests, which the first window never loads.
"""

from __future__ import annotations

import socket
import threading
from typing import Any
from urllib.parse import urljoin, urlsplit

import requests
from requests.adapters import HTTPAdapter
from urllib3.connection import HTTPConnection, HTTPSConnection
from urllib3.connectionpool import HTTPConnectionPool, HTTPSConnectionPool

from composer.core.i18n import _
from composer.publishers.deadline import Watch

MAX_BYTES = 5 * 1024 * 1024  # no answer a publisher reads is anywhere near this
_CHUNK = 64 * 1024
# The deadline comes this much after the timeout, so that a server saying nothing at all still ends
# with requests' own ReadTimeout (the per-read timeout fires first), as it always did.
_GRACE = 0.25


class DeadlinePassed(requests.exceptions.ReadTimeout):
    """The whole request took longer than its deadline (a dripping, endless or stalled answer)."""


class AnswerTooLarge(requests.exceptions.RequestException):
    """The answer was longer than any a publisher needs."""


def describe(error: BaseException) -> str:
    """What went wrong, in a few words for a message: ours in words, requests' by its type name."""
    if isinstance(error, (DeadlinePassed, AnswerTooLarge)):
        return str(error)
    return type(error).__name__


# --- requests, watched ------------------------------------------------------------------------

_current = threading.local()  # the Watch of the request this thread is making


def _watch_socket(sock: socket.socket | None) -> None:
    watch: Watch | None = getattr(_current, "watch", None)
    if watch is not None:
        watch.add(sock)


class _WatchedHTTPConnection(HTTPConnection):
    def _new_conn(self) -> socket.socket:  # a new connection: watched before any TLS handshake
        sock = super()._new_conn()
        _watch_socket(sock)
        return sock

    def request(self, *args: Any, **kwargs: Any) -> None:  # a kept-alive connection, used again
        _watch_socket(self.sock)
        super().request(*args, **kwargs)


class _WatchedHTTPSConnection(HTTPSConnection):
    def _new_conn(self) -> socket.socket:
        sock = super()._new_conn()
        _watch_socket(sock)
        return sock

    def request(self, *args: Any, **kwargs: Any) -> None:
        _watch_socket(self.sock)
        super().request(*args, **kwargs)


class _HTTPPool(HTTPConnectionPool):
    ConnectionCls = _WatchedHTTPConnection


class _HTTPSPool(HTTPSConnectionPool):
    ConnectionCls = _WatchedHTTPSConnection


def _watched_pools(manager: Any) -> Any:
    if manager.pool_classes_by_scheme.get("http") is HTTPConnectionPool:  # not a SOCKS proxy's own
        manager.pool_classes_by_scheme = {"http": _HTTPPool, "https": _HTTPSPool}
    return manager


class _Adapter(HTTPAdapter):
    """requests' adapter with connections whose sockets the current request's Watch can shut."""

    def init_poolmanager(self, *args: Any, **kwargs: Any) -> None:
        super().init_poolmanager(*args, **kwargs)
        _watched_pools(self.poolmanager)

    def proxy_manager_for(self, *args: Any, **kwargs: Any) -> Any:
        return _watched_pools(super().proxy_manager_for(*args, **kwargs))


def session() -> requests.Session:
    """A requests session whose requests `request` can bound (any other session is fitted on first use)."""
    made = requests.Session()
    adapter = _Adapter()
    made.mount("https://", adapter)
    made.mount("http://", adapter)
    return made


def request(
    through: requests.Session | None,
    method: str,
    url: str,
    *,
    timeout: float,
    max_bytes: int = MAX_BYTES,
    body: bool = True,
    **options: Any,
) -> requests.Response:
    """One request, over by `timeout` seconds and at most `max_bytes` long, never redirected.

    The response is complete (`content`, `json()`, `text` read from memory) unless `body` is
    False: then only its status and headers were read. Raises what requests raises, plus
    `DeadlinePassed` and `AnswerTooLarge` (both requests exceptions).
    """
    own = through is None
    active = session() if through is None else through
    if not isinstance(active.get_adapter(url), _Adapter):
        adapter = _Adapter()
        active.mount("https://", adapter)
        active.mount("http://", adapter)
    watch = Watch(timeout + _GRACE)
    _current.watch = watch
    response = None
    late = False  # the deadline passed: raised below, outside the except block, holding no other error
    try:
        response = active.request(method, url, timeout=timeout, stream=True, allow_redirects=False, **options)
        content = _read(response, max_bytes) if body else b""
        late = watch.expired  # an answer without a length ends at the shutdown as if it were complete
        if not late:
            response._content = content  # what requests itself keeps once it has read the body
            response._content_consumed = True  # type: ignore[attr-defined]  # set by requests, not in its stubs
            return response
    except requests.exceptions.RequestException as error:
        if not watch.expired or isinstance(error, requests.exceptions.Timeout):
            raise  # requests' own timeout came first, or the deadline had nothing to do with it
        late = True
    finally:
        _current.watch = None
        watch.cancel()
        if response is not None:
            response.close()  # back to the pool when read whole, else closed
        if own:
            active.close()
    assert late
    raise DeadlinePassed(_("no complete answer within {timeout:g} seconds").format(timeout=timeout))


def _read(response: requests.Response, max_bytes: int) -> bytes:
    too_large = _("an answer longer than {max_bytes:g} MB, more than any it should send").format(
        max_bytes=max_bytes / 1024 / 1024
    )
    length = response.headers.get("Content-Length", "").strip()
    if length.isdigit() and int(length) > max_bytes:
        raise AnswerTooLarge(too_large)
    content = bytearray()
    for chunk in response.iter_content(_CHUNK):
        content += chunk
        if len(content) > max_bytes:
            raise AnswerTooLarge(too_large)
    return bytes(content)


def redirect_target(response: Any) -> str:
    """Where a redirect answer (any 3xx) points: its origin and a short path, without a query or a
    user name (where a hostile server would put what it echoes); "" for any other answer."""
    if not 300 <= response.status_code < 400:
        return ""
    location = "".join(str(response.headers.get("Location", "")).split())
    if not location:
        return _("no address (the answer names none)")
    try:
        parts = urlsplit(urljoin(response.url or "", location))
        host = parts.hostname or ""
        port = f":{parts.port}" if parts.port else ""
    except ValueError:
        return _("an address that is not one")
    host = f"[{host}]" if ":" in host else host
    path = parts.path if len(parts.path) <= 60 else "/…"  # never a cut secret: whole, or not at all
    return f"{parts.scheme}://{host}{port}{path}"
