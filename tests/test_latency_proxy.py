# SPDX-License-Identifier: GPL-3.0-or-later
"""benchmarks/latency_proxy.py emulates a network faithfully: bytes unchanged both ways, ends of
stream passed on, every chunk one delay late in each direction and never cumulatively.

The bounds are generous: this checks the emulation's correctness, not the machine's speed.
"""

from __future__ import annotations

import contextlib
import os
import socket
import sys
import threading
import time
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))
from latency_proxy import LatencyProxies

HOST = "127.0.0.1"
DELAY = 0.05  # one way, in seconds: large beside scheduling noise, so the bounds below can be loose
CHUNK = 100  # bytes per numbered chunk in the timing tests


class EchoServer:
    """Sends back whatever it reads; on the client's half-close, finishes sending and closes too."""

    def __init__(self) -> None:
        self.listener = socket.create_server((HOST, 0))
        self.port = self.listener.getsockname()[1]
        self.received_eof = threading.Event()
        threading.Thread(target=self._accept, daemon=True).start()

    def _accept(self) -> None:
        while True:
            try:
                connection, _ = self.listener.accept()
            except OSError:
                return
            threading.Thread(target=self._echo, args=(connection,), daemon=True).start()

    def _echo(self, connection: socket.socket) -> None:
        connection.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        with connection:
            while data := connection.recv(65536):
                connection.sendall(data)
            self.received_eof.set()
            connection.shutdown(socket.SHUT_WR)

    def close(self) -> None:
        self.listener.close()


class ChunkServer:
    """On connect, sends `count` numbered chunks `gap` seconds apart, each stamped with its send time."""

    def __init__(self, count: int, gap: float) -> None:
        self.count, self.gap = count, gap
        self.sent_at: list[float] = []
        self.listener = socket.create_server((HOST, 0))
        self.port = self.listener.getsockname()[1]
        threading.Thread(target=self._serve, daemon=True).start()

    def _serve(self) -> None:
        connection, _ = self.listener.accept()
        connection.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        with connection:
            for number in range(self.count):
                self.sent_at.append(time.monotonic())
                connection.sendall(f"{number:<{CHUNK}}".encode())
                time.sleep(self.gap)
            connection.shutdown(socket.SHUT_WR)
            connection.recv(1)  # until the client closes

    def close(self) -> None:
        self.listener.close()


@pytest.fixture
def echo():
    server = EchoServer()
    with LatencyProxies([(0, server.port)], delay_ms=DELAY * 1000) as proxies:
        yield server, proxies.port_for(server.port)
    server.close()


def _connect(port: int) -> socket.socket:
    client = socket.create_connection((HOST, port), timeout=30)
    client.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
    return client


def _read_all(client: socket.socket) -> bytes:
    parts = []
    while data := client.recv(65536):
        parts.append(data)
    return b"".join(parts)


def test_the_ready_line_names_each_route_and_a_chosen_port_is_used():
    server = EchoServer()
    try:
        with LatencyProxies([(0, server.port)], delay_ms=1) as proxies:
            assert proxies.rtt_ms == 2
            assert proxies.port_for(server.port) not in (0, server.port)
    finally:
        server.close()


def test_bytes_pass_unchanged_both_ways_and_a_half_close_is_passed_on(echo):
    server, port = echo
    payload = os.urandom(3 * 1024 * 1024) + bytes(range(256))  # larger than any socket buffer: many chunks
    with _connect(port) as client:
        sending = threading.Thread(target=lambda: (client.sendall(payload), client.shutdown(socket.SHUT_WR)))
        sending.start()
        echoed = _read_all(client)  # ends only if the server's close came back through the proxy
        sending.join()
    assert server.received_eof.is_set()  # our half-close reached the server, which then finished
    assert echoed == payload


def test_a_small_exchange_after_a_half_close_still_answers(echo):
    _server, port = echo
    with _connect(port) as client:
        client.sendall(b"EHLO bench\r\n")
        client.shutdown(socket.SHUT_WR)  # we are done writing; the answer must still come back
        assert _read_all(client) == b"EHLO bench\r\n"


def test_a_round_trip_takes_two_delays(echo):
    _server, port = echo
    with _connect(port) as client:
        for _ in range(3):
            started = time.monotonic()
            client.sendall(b"ping")
            assert client.recv(16) == b"ping"
            elapsed = time.monotonic() - started
            assert 2 * DELAY - 0.002 <= elapsed < 2 * DELAY + 0.5, elapsed


def test_back_to_back_chunks_each_arrive_one_delay_late_not_cumulatively():
    count, gap = 8, 0.005
    server = ChunkServer(count, gap)
    try:
        with (
            LatencyProxies([(0, server.port)], delay_ms=DELAY * 1000) as proxies,
            _connect(proxies.port_for(server.port)) as client,
        ):
            received, arrived_at = b"", []
            while len(arrived_at) < count:
                data = client.recv(65536)
                assert data, "the stream ended early"
                now = time.monotonic()
                received += data
                arrived_at += [now] * (len(received) // CHUNK - len(arrived_at))
    finally:
        server.close()
    assert received == b"".join(f"{n:<{CHUNK}}".encode() for n in range(count))
    lateness = [arrived - sent for arrived, sent in zip(arrived_at, server.sent_at, strict=True)]
    # One delay each (minus a little for the clocks' granularity), far from the n x delay a per-recv
    # delay would give the last chunks (8 x 50 ms here).
    assert all(DELAY - 0.002 <= late < 2 * DELAY for late in lateness), lateness
    # They also keep their spacing: the whole answer takes its own time plus one delay, not eight.
    assert arrived_at[-1] - server.sent_at[0] < (count - 1) * gap + 2 * DELAY, lateness


def test_a_refused_target_closes_the_client_connection():
    with socket.socket() as probe:  # a port nobody listens on
        probe.bind((HOST, 0))
        dead = probe.getsockname()[1]
    with (
        LatencyProxies([(0, dead)], delay_ms=1) as proxies,
        _connect(proxies.port_for(dead)) as client,
        contextlib.suppress(ConnectionResetError),
    ):  # a close or a reset: either says "refused"
        assert client.recv(1) == b""
