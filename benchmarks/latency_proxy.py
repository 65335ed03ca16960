# SPDX-License-Identifier: GPL-3.0-or-later
r"""A TCP proxy on 127.0.0.1 that adds a fixed one-way delay: a network between a client and its
loopback peers, for the publishing benchmark.

Why in user space: the usual tool, `tc qdisc add dev lo root netem delay 10ms`, needs the kernel's
sch_netem module, which the benchmark machines' kernel does not have (the command fails there).
So the delay is added here, with nothing but the standard library (asyncio).

What it emulates: every chunk read from one side is forwarded to the other at its arrival time
plus the delay (default 10 ms each way, a 20 ms round trip: a server in the same country), in
both directions and in order. The delay is per chunk, not per recv call in a row: back-to-back
chunks of one answer all arrive about one delay late, as on a link with latency but ample
bandwidth. End of stream (a half-close) and resets are passed on after the same delay. Bytes are
never looked at, so anything inside TCP passes (STARTTLS in SMTP, TLS, HTTP keep-alive).
Not emulated: the TCP handshake itself (the kernel completes it on loopback at once, so a new
connection costs one round trip less than on a real network), loss, jitter and bandwidth.

Cut mode: a connection dropped on the way, at a moment chosen so that tests can reproduce it.
The client's side is reset (RST: the client reads ECONNRESET, as when a link or a middlebox drops
the connection); the server's side is half-closed after what it was given, and what it still
says is read and thrown away, so the server finishes (or gives up on) the request in its own way.

- `--cut-after-request-bytes N`: the first N bytes the client sends go to the server, then the
  connection is cut: the request arrived in part (or, with N its whole length, in full) and the
  client never hears back.
- `--cut-answer-after TEXT`: everything the client sends goes to the server; once TEXT has gone
  by (e.g. `POST /api/v1/statuses`, or `\r\n.\r\n`, the end of an SMTP message), the server's
  next bytes are not passed on: the connection is cut as the answer starts. The request reached
  the server and was carried out; the client cannot know. TEXT takes backslash escapes (`\r`,
  `\n`, `\xNN`). Only what the proxy can read: plain TCP, plain http, SMTP without TLS.
- `--cut-count K`: cut the first K connections that meet the rule, then carry everything (so the
  client's next try gets through). Without it, every connection that meets the rule is cut.

Each cut prints a JSON line {"cut": {"listen", "target", "to_server", "rule"}} (`to_server`: the
bytes the server was given on that connection); `LatencyProxies.cuts` collects them.

Run it as a child process, so its work does not share the measured process's interpreter:

    python benchmarks/latency_proxy.py [--delay-ms 10] [cut options] LISTEN_PORT:TARGET_PORT ...

LISTEN_PORT 0 lets the proxy choose. It prints one JSON line when every port listens,
{"delay_ms": 10.0, "host": "127.0.0.1", "routes": [{"listen": ..., "target": ...}, ...]}
(in the order given), then serves until its stdin closes. From Python, `LatencyProxies` does that.
"""

from __future__ import annotations

import argparse
import asyncio
import codecs
import contextlib
import json
import socket
import struct
import subprocess
import sys
import threading
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

HOST = "127.0.0.1"
DEFAULT_DELAY_MS = 10.0  # one way; the round trip is twice this
CHUNK = 64 * 1024
_RESET = None  # in a queue: the source failed (reset), so the destination is aborted, not half-closed
_CUT: Any = object()  # in a queue: what came before is delivered, then the connection is cut
DRAIN_SECONDS = 30.0  # after a cut, how long the server may take to finish before its side is dropped too


@dataclass
class CutRule:
    """When to cut a route's connections (see the module's docstring); shared by the route's connections."""

    after_request_bytes: int | None = None
    answer_after: bytes | None = None
    count: int | None = None  # cuts left; None: no limit

    @property
    def active(self) -> bool:
        return self.after_request_bytes is not None or bool(self.answer_after)

    def take(self) -> bool:
        """Whether one more connection may be cut now (and count it)."""
        if self.count is None:
            return True
        if self.count <= 0:
            return False
        self.count -= 1
        return True

    def describe(self) -> str:
        if self.after_request_bytes is not None:
            return f"after {self.after_request_bytes} request bytes"
        return f"answer after {self.answer_after!r}"


class _Watch:
    """One connection's view of the rule: reads the bytes going by, says when to cut."""

    def __init__(self, rule: CutRule):
        self.rule = rule
        self.to_server = 0  # bytes handed to the server on this connection
        self.armed = False  # the answer-after text has gone by: the server's next bytes are cut
        self._tail = b""

    def client_bytes(self, data: bytes) -> tuple[bytes, bool]:
        """Of a chunk from the client: what goes on to the server, and whether to cut after it."""
        limit = self.rule.after_request_bytes
        if limit is not None and self.to_server + len(data) >= limit and self.rule.take():
            data = data[: max(0, limit - self.to_server)]
            self.to_server += len(data)
            return data, True
        self.to_server += len(data)
        text = self.rule.answer_after
        if text and not self.armed:
            seen = self._tail + data
            self.armed = text in seen
            self._tail = seen[-(len(text) - 1) :] if len(text) > 1 else b""
        return data, False

    def server_bytes(self, data: bytes) -> bool:
        """Whether a chunk from the server is the answer to cut (instead of passing it on)."""
        return self.armed and self.rule.take()


def _reset(transport: asyncio.Transport) -> None:
    """Close with a TCP reset (SO_LINGER 0): the peer reads ECONNRESET, as when a connection is dropped."""
    sock = transport.get_extra_info("socket")
    if sock is not None:
        with contextlib.suppress(OSError):
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
    transport.abort()


async def _carry(
    source: asyncio.StreamReader,
    destination: asyncio.StreamWriter,
    delay: float,
    abort_source,
    *,
    inspect: Callable[[bytes], tuple[bytes, bool]] | None = None,
    cut: Callable[[], None] | None = None,
) -> None:
    """Forward one direction: each chunk at its arrival + delay, then the end of stream the same way.

    `inspect(chunk)` (cut mode) says what of a chunk goes on and whether the connection is cut after
    it; then `cut()` is called once that much has been handed to the destination."""
    loop = asyncio.get_running_loop()
    queue: asyncio.Queue[tuple[float, Any]] = asyncio.Queue()

    async def deliver() -> None:
        while True:
            due, data = await queue.get()
            wait = due - loop.time()
            if wait > 0:
                await asyncio.sleep(wait)
            if data is _CUT:
                while destination.transport.get_write_buffer_size():  # all of it in the kernel's hands first
                    await asyncio.sleep(0.001)
                if cut is not None:
                    cut()
                return
            if data is _RESET:
                destination.transport.abort()
                return
            if not data:  # end of stream: half-close; the other direction carries on
                if destination.can_write_eof():
                    destination.write_eof()
                return
            try:
                destination.write(data)
                await destination.drain()
            except OSError:  # the destination is gone: so is the source (its read ends, then we raise)
                abort_source()
                raise

    sender = asyncio.create_task(deliver())
    try:
        while True:
            try:
                data: bytes | None = await source.read(CHUNK)
            except OSError:
                data = _RESET
            cutting = False
            if data and inspect is not None:
                data, cutting = inspect(data)
            # The arrival time, taken once per chunk: chunks waiting in the queue do not add up delays.
            arrival = loop.time() + delay
            if cutting:
                if data:
                    queue.put_nowait((arrival, data))
                queue.put_nowait((arrival, _CUT))
                break
            queue.put_nowait((arrival, data))
            if not data:
                break
        await sender
    finally:
        sender.cancel()


async def _connection(
    client_reader: asyncio.StreamReader,
    client_writer: asyncio.StreamWriter,
    host: str,
    target: int,
    delay: float,
    *,
    rule: CutRule | None = None,
    on_cut: Callable[[dict], None] | None = None,
) -> None:
    client = client_writer.transport
    try:
        server_reader, server_writer = await asyncio.open_connection(host, target)
    except (OSError, asyncio.CancelledError):
        client.abort()
        return
    server = server_writer.transport
    watch = _Watch(rule) if rule is not None and rule.active else None
    was_cut = asyncio.Event()
    directions = [
        asyncio.create_task(
            _carry(
                client_reader,
                server_writer,
                delay,
                client.abort,
                inspect=watch.client_bytes if watch else None,
                cut=was_cut.set,
            )
        ),
        asyncio.create_task(
            _carry(
                server_reader,
                client_writer,
                delay,
                server.abort,
                inspect=(lambda data: (b"", True) if watch.server_bytes(data) else (data, False)) if watch else None,
                cut=was_cut.set,
            )
        ),
    ]
    cut_wait = asyncio.create_task(was_cut.wait())
    failed = True
    try:
        pending: set[asyncio.Task] = {*directions, cut_wait}
        while True:
            done, pending = await asyncio.wait(pending, return_when=asyncio.FIRST_COMPLETED)
            if cut_wait in done:
                break
            if any(not task.cancelled() and task.exception() is not None for task in done):
                break
            if all(task.done() for task in directions):
                failed = False
                break
    except asyncio.CancelledError:
        pass  # shutting down (stdin closed) with the connection still open: it is dropped like a cable pulled
    finally:
        cut_wait.cancel()
        for task in directions:
            task.cancel()
        await asyncio.gather(*directions, cut_wait, return_exceptions=True)
        if was_cut.is_set():
            assert watch is not None and rule is not None
            if on_cut is not None:
                on_cut({"to_server": watch.to_server, "rule": rule.describe()})
            await _after_cut(client, server_reader, server_writer)
        else:
            for transport in (client, server):
                if failed:
                    transport.abort()
                else:
                    transport.close()  # both ends said they were done: what is still buffered goes out first


async def _after_cut(
    client: asyncio.Transport, server_reader: asyncio.StreamReader, server_writer: asyncio.StreamWriter
) -> None:
    """The client is reset; the server is told the request ended and heard out until it closes."""
    _reset(client)
    try:
        if server_writer.can_write_eof():
            server_writer.write_eof()
        async with asyncio.timeout(DRAIN_SECONDS):
            while await server_reader.read(CHUNK):
                pass
    except (OSError, TimeoutError, asyncio.CancelledError):
        pass
    finally:
        server_writer.transport.abort()


async def serve(routes: list[tuple[int, int]], delay_ms: float, host: str = HOST, cut: CutRule | None = None) -> None:
    """Listen on every route, print the ready line, serve until stdin closes."""
    delay = delay_ms / 1000
    servers, chosen = [], []
    for listen, target in routes:
        # Each route counts its own cuts (--cut-count K: K per route).
        rule = CutRule(cut.after_request_bytes, cut.answer_after, cut.count) if cut is not None else None
        where = {"listen": listen, "target": target}  # the port listened on, once known
        server = await asyncio.start_server(
            lambda r, w, where=where, rule=rule: _connection(
                r,
                w,
                host,
                where["target"],
                delay,
                rule=rule,
                on_cut=lambda details, where=where: _report_cut(where, details),
            ),
            host,
            listen,
        )
        where["listen"] = server.sockets[0].getsockname()[1]
        servers.append(server)
        chosen.append(dict(where))
    print(json.dumps({"delay_ms": delay_ms, "host": host, "routes": chosen}), flush=True)
    await asyncio.to_thread(sys.stdin.buffer.read)  # until whoever started us closes our stdin
    for server in servers:
        server.close()


def _report_cut(where: dict[str, int], details: dict) -> None:
    print(json.dumps({"cut": {**where, **details}}), flush=True)


def _route(text: str) -> tuple[int, int]:
    listen, _, target = text.partition(":")
    try:
        return int(listen), int(target)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected LISTEN_PORT:TARGET_PORT, not {text!r}") from None


def _escaped(text: str) -> bytes:
    """TEXT with backslash escapes (\\r, \\n, \\xNN) as bytes."""
    try:
        return codecs.escape_decode(text.encode("utf-8"))[0]
    except ValueError as error:
        raise argparse.ArgumentTypeError(f"cannot read {text!r}: {error}") from None


def _escape(data: bytes) -> str:
    """The inverse of `_escaped`: bytes written as one command-line argument."""
    return data.decode("latin-1").encode("unicode_escape").decode("ascii")


class LatencyProxies:
    """The proxy child, started and stopped from Python:

    with LatencyProxies([(0, 8080), (0, 2525)], delay_ms=10) as proxies:
        proxies.port_for(8080)   # where to connect to reach 8080 through the delay

    Cut mode (see the module's docstring): `cut_after_request_bytes`, `cut_answer_after` (bytes or
    str) and `cut_count`; `cuts` lists the cuts made so far (one dict each, as the child reports them).
    """

    def __init__(
        self,
        routes: list[tuple[int, int]],
        *,
        delay_ms: float = DEFAULT_DELAY_MS,
        host: str = HOST,
        cut_after_request_bytes: int | None = None,
        cut_answer_after: bytes | str | None = None,
        cut_count: int | None = None,
    ):
        self.routes = list(routes)
        self.delay_ms = delay_ms
        self.host = host
        self.cut_after_request_bytes = cut_after_request_bytes
        self.cut_answer_after = cut_answer_after.encode() if isinstance(cut_answer_after, str) else cut_answer_after
        self.cut_count = cut_count
        self.ports: dict[int, int] = {}  # target port -> listening port
        self.cuts: list[dict] = []  # appended by a reader thread as the child reports them
        self.process: subprocess.Popen[str] | None = None
        self._reader: threading.Thread | None = None

    @property
    def rtt_ms(self) -> float:
        return 2 * self.delay_ms

    def port_for(self, target: int) -> int:
        return self.ports[target]

    def _cut_arguments(self) -> list[str]:
        arguments = []
        if self.cut_after_request_bytes is not None:
            arguments += ["--cut-after-request-bytes", str(self.cut_after_request_bytes)]
        if self.cut_answer_after:
            arguments += ["--cut-answer-after", _escape(self.cut_answer_after)]
        if self.cut_count is not None:
            arguments += ["--cut-count", str(self.cut_count)]
        return arguments

    def start(self) -> LatencyProxies:
        self.process = subprocess.Popen(
            [
                sys.executable,
                str(Path(__file__).resolve()),
                "--delay-ms",
                str(self.delay_ms),
                "--host",
                self.host,
                *self._cut_arguments(),
                *(f"{listen}:{target}" for listen, target in self.routes),
            ],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
        )
        line = self.process.stdout.readline()  # type: ignore[union-attr]
        if not line:
            code = self.process.wait(10)
            self.process = None
            raise RuntimeError(f"latency_proxy.py exited with {code} before listening")
        ready = json.loads(line)
        self.ports = {route["target"]: route["listen"] for route in ready["routes"]}
        self._reader = threading.Thread(target=self._read_reports, args=(self.process,), daemon=True)
        self._reader.start()
        return self

    def _read_reports(self, process: subprocess.Popen[str]) -> None:
        for line in process.stdout:  # type: ignore[union-attr]
            report = json.loads(line)
            if "cut" in report:
                self.cuts.append(report["cut"])

    def stop(self) -> None:
        process, self.process = self.process, None
        if process is None:
            return
        process.stdin.close()  # type: ignore[union-attr]
        try:
            process.wait(10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(10)
        if self._reader is not None:
            self._reader.join(10)
            self._reader = None
        process.stdout.close()  # type: ignore[union-attr]

    def __enter__(self) -> LatencyProxies:
        try:
            return self.start()
        except BaseException:
            self.stop()
            raise

    def __exit__(self, *_exc) -> None:
        self.stop()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--delay-ms", type=float, default=DEFAULT_DELAY_MS, help="one-way delay (default 10)")
    parser.add_argument("--host", default=HOST, help="the address listened on and connected to")
    parser.add_argument(
        "--cut-after-request-bytes",
        type=int,
        metavar="N",
        help="give the server the client's first N bytes, then cut the connection (reset the client)",
    )
    parser.add_argument(
        "--cut-answer-after",
        type=_escaped,
        metavar="TEXT",
        help="once the client has sent TEXT (backslash escapes), cut the connection as the server's answer starts",
    )
    parser.add_argument("--cut-count", type=int, metavar="K", help="cut only the first K such connections per route")
    parser.add_argument("routes", nargs="+", type=_route, metavar="LISTEN_PORT:TARGET_PORT")
    args = parser.parse_args(argv)
    if args.cut_after_request_bytes is not None and args.cut_answer_after:
        parser.error("choose one of --cut-after-request-bytes and --cut-answer-after")
    if args.cut_after_request_bytes is not None and args.cut_after_request_bytes < 0:
        parser.error("--cut-after-request-bytes takes a number of bytes (0 or more)")
    cut = None
    if args.cut_after_request_bytes is not None or args.cut_answer_after:
        cut = CutRule(args.cut_after_request_bytes, args.cut_answer_after or None, args.cut_count)
    elif args.cut_count is not None:
        parser.error("--cut-count goes with --cut-after-request-bytes or --cut-answer-after")
    asyncio.run(serve(args.routes, args.delay_ms, args.host, cut))
    return 0


if __name__ == "__main__":
    sys.exit(main())
