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


# --- cut mode: a connection dropped on the way -----------------------------------------------


class LineServer:
    """Answers every line it reads with `ok <line>`; records each connection's bytes and how it ended."""

    def __init__(self) -> None:
        self.listener = socket.create_server((HOST, 0))
        self.port = self.listener.getsockname()[1]
        self.received: list[bytes] = []  # one entry per connection, grown as bytes arrive
        self.ended: list[str] = []  # "eof" or "reset", per finished connection
        self.lock = threading.Lock()
        self.finished = threading.Semaphore(0)
        threading.Thread(target=self._accept, daemon=True).start()

    def _accept(self) -> None:
        while True:
            try:
                connection, _ = self.listener.accept()
            except OSError:
                return
            with self.lock:
                self.received.append(b"")
                index = len(self.received) - 1
            threading.Thread(target=self._serve, args=(connection, index), daemon=True).start()

    def _serve(self, connection: socket.socket, index: int) -> None:
        pending, how = b"", "eof"
        with connection:
            try:
                while data := connection.recv(65536):
                    with self.lock:
                        self.received[index] += data
                    pending += data
                    while b"\n" in pending:
                        line, pending = pending.split(b"\n", 1)
                        connection.sendall(b"ok " + line + b"\n")
            except ConnectionResetError:
                how = "reset"
        with self.lock:
            self.ended.append(how)
        self.finished.release()

    def wait_finished(self, count: int = 1) -> None:
        for _ in range(count):
            assert self.finished.acquire(timeout=10), "the server's connection did not end"

    def close(self) -> None:
        self.listener.close()


def _read_line(client: socket.socket) -> bytes:
    data = b""
    while not data.endswith(b"\n"):
        chunk = client.recv(65536)
        if not chunk:
            break
        data += chunk
    return data


@pytest.mark.parametrize("delay_ms", [0, 20])
def test_cut_after_request_bytes_gives_the_server_that_many_and_resets_the_client(delay_ms):
    server = LineServer()
    try:
        with (
            LatencyProxies([(0, server.port)], delay_ms=delay_ms, cut_after_request_bytes=40) as proxies,
            _connect(proxies.port_for(server.port)) as client,
        ):
            client.sendall(b"x" * 100)  # no newline: the server only collects
            with pytest.raises(ConnectionResetError):
                client.recv(1)  # the client hears a reset, never an answer or a clean end
            server.wait_finished()
            deadline = time.monotonic() + 10
            while not proxies.cuts and time.monotonic() < deadline:
                time.sleep(0.01)
            assert proxies.cuts == [
                {"listen": proxies.port_for(server.port), "target": server.port, "to_server": 40,
                 "rule": "after 40 request bytes"}
            ]  # fmt: skip
    finally:
        server.close()
    assert server.received == [b"x" * 40]  # exactly N bytes arrived …
    assert server.ended == ["eof"]  # … then the end of the request, which the server saw as such


def test_cut_answer_after_lets_the_request_through_and_loses_the_answer():
    server = LineServer()
    try:
        with LatencyProxies([(0, server.port)], delay_ms=0, cut_answer_after="POST /x\r\n", cut_count=1) as proxies:
            port = proxies.port_for(server.port)
            with _connect(port) as client:
                client.sendall(b"GET /a\r\n")
                assert _read_line(client) == b"ok GET /a\r\n"  # before the text: answers pass
                client.sendall(b"POST /x\r\n")
                with pytest.raises(ConnectionResetError):
                    _read_line(client)  # the answer to it never comes: the connection is reset
            server.wait_finished()
            # The count is spent: the next connection (a retry) gets its answer.
            with _connect(port) as client:
                client.sendall(b"POST /x\r\n")
                assert _read_line(client) == b"ok POST /x\r\n"
                client.shutdown(socket.SHUT_WR)
                assert _read_line(client) == b""
            server.wait_finished()
            assert [cut["rule"] for cut in proxies.cuts] == ["answer after b'POST /x\\r\\n'"]
            assert proxies.cuts[0]["to_server"] == len(b"GET /a\r\nPOST /x\r\n")
    finally:
        server.close()
    # The server got the whole request both times and answered it: the first answer was lost on the way.
    assert server.received == [b"GET /a\r\nPOST /x\r\n", b"POST /x\r\n"]
    assert server.ended == ["eof", "eof"]


def test_cut_answer_after_finds_the_text_split_across_chunks():
    server = LineServer()
    try:
        with (
            LatencyProxies([(0, server.port)], delay_ms=0, cut_answer_after=b"\r\n.\r\n") as proxies,
            _connect(proxies.port_for(server.port)) as client,
        ):
            client.sendall(b"Subject: hi\r\n\r\nbody\r\n")
            answered = b""
            while not answered.endswith(b"ok body\r\n"):  # every line so far answered: the chunk went by
                answered += client.recv(65536)
            client.sendall(b".\r\n")  # the end of an SMTP message: its first two bytes were in the last chunk
            with pytest.raises(ConnectionResetError):
                client.recv(65536)  # the answer to it never comes
            server.wait_finished()
    finally:
        server.close()
    assert server.received == [b"Subject: hi\r\n\r\nbody\r\n.\r\n"]


def test_without_a_cut_option_nothing_is_cut(echo):
    _server, port = echo
    with _connect(port) as client:
        client.sendall(b"POST /x\r\n" * 100)
        client.shutdown(socket.SHUT_WR)
        assert _read_all(client) == b"POST /x\r\n" * 100


def test_the_cut_options_on_the_command_line():
    from latency_proxy import _escape, _escaped, main

    assert _escaped(r"\r\n.\r\n") == b"\r\n.\r\n"
    for data in (b"\r\n.\r\n", bytes(range(256)), "POST /ñ".encode()):
        assert _escaped(_escape(data)) == data
    for wrong in (
        ["--cut-after-request-bytes", "3", "--cut-answer-after", "x", "0:1"],
        ["--cut-count", "1", "0:1"],
        ["--cut-after-request-bytes", "-1", "0:1"],
    ):
        with pytest.raises(SystemExit) as exited:
            main(wrong)
        assert exited.value.code == 2
