# SPDX-License-Identifier: GPL-3.0-or-later
"""A deadline for a whole exchange with a server, not for each read.

A socket's timeout bounds each read; a server that sends one byte every half second restarts it
at every byte and holds the exchange for ever. A `Watch` shuts its sockets down when its deadline
passes, which ends any read blocked on them at once. HTTP (http_bounded.py) and SMTP
(smtp_bounded.py) use it; it imports nothing the first window would not load.
"""

from __future__ import annotations

import socket
import threading
from contextlib import suppress


class Watch:
    """A deadline for the sockets added to it: when it passes, they are shut down, so a read blocked
    on one of them returns at once, whatever its own per-read timeout. `cancel` it when done."""

    def __init__(self, seconds: float) -> None:
        self.seconds = seconds
        self.expired = False
        self._sockets: list[socket.socket] = []
        self._lock = threading.Lock()
        self._timer = threading.Timer(seconds, self._expire)
        self._timer.daemon = True
        self._timer.start()

    def add(self, sock: socket.socket | None) -> None:
        if sock is None:
            return
        with self._lock:
            if not self.expired:
                self._sockets.append(sock)
                return
        _shut(sock)

    def cancel(self) -> None:
        self._timer.cancel()
        with self._lock:
            self._sockets.clear()

    def _expire(self) -> None:
        with self._lock:
            self.expired = True
            sockets, self._sockets = self._sockets, []
        for sock in sockets:
            _shut(sock)


def _shut(sock: socket.socket) -> None:
    # The plain socket's shutdown, also beneath TLS (an SSLSocket's own would unwrap it first).
    with suppress(OSError):
        socket.socket.shutdown(sock, socket.SHUT_RDWR)
