# SPDX-License-Identifier: GPL-3.0-or-later
"""A TCP proxy on 127.0.0.1 that adds a fixed one-way delay: a network between a client and its
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

Run it as a child process, so its work does not share the measured process's interpreter:

    python benchmarks/latency_proxy.py [--delay-ms 10] LISTEN_PORT:TARGET_PORT ...

LISTEN_PORT 0 lets the proxy choose. It prints one JSON line when every port listens,
{"delay_ms": 10.0, "host": "127.0.0.1", "routes": [{"listen": ..., "target": ...}, ...]}
(in the order given), then serves until its stdin closes. From Python, `LatencyProxies` does that.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import subprocess
import sys
from pathlib import Path

HOST = "127.0.0.1"
DEFAULT_DELAY_MS = 10.0  # one way; the round trip is twice this
CHUNK = 64 * 1024
_RESET = None  # in a queue: the source failed (reset), so the destination is aborted, not half-closed


async def _carry(source: asyncio.StreamReader, destination: asyncio.StreamWriter, delay: float, abort_source) -> None:
    """Forward one direction: each chunk at its arrival + delay, then the end of stream the same way."""
    loop = asyncio.get_running_loop()
    queue: asyncio.Queue[tuple[float, bytes | None]] = asyncio.Queue()

    async def deliver() -> None:
        while True:
            due, data = await queue.get()
            wait = due - loop.time()
            if wait > 0:
                await asyncio.sleep(wait)
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
            # The arrival time, taken once per chunk: chunks waiting in the queue do not add up delays.
            queue.put_nowait((loop.time() + delay, data))
            if not data:
                break
        await sender
    finally:
        sender.cancel()


async def _connection(
    client_reader: asyncio.StreamReader, client_writer: asyncio.StreamWriter, host: str, target: int, delay: float
) -> None:
    client = client_writer.transport
    try:
        server_reader, server_writer = await asyncio.open_connection(host, target)
    except (OSError, asyncio.CancelledError):
        client.abort()
        return
    server = server_writer.transport
    directions = [
        asyncio.create_task(_carry(client_reader, server_writer, delay, client.abort)),
        asyncio.create_task(_carry(server_reader, client_writer, delay, server.abort)),
    ]
    failed = True
    try:
        done, _pending = await asyncio.wait(directions, return_when=asyncio.FIRST_EXCEPTION)
        failed = any(not task.cancelled() and task.exception() is not None for task in done)
    except asyncio.CancelledError:
        pass  # shutting down (stdin closed) with the connection still open: it is dropped like a cable pulled
    finally:
        for task in directions:
            task.cancel()
        await asyncio.gather(*directions, return_exceptions=True)
        for transport in (client, server):
            if failed:
                transport.abort()
            else:
                transport.close()  # both ends said they were done: what is still buffered goes out first


async def serve(routes: list[tuple[int, int]], delay_ms: float, host: str = HOST) -> None:
    """Listen on every route, print the ready line, serve until stdin closes."""
    delay = delay_ms / 1000
    servers, chosen = [], []
    for listen, target in routes:
        server = await asyncio.start_server(
            lambda r, w, target=target: _connection(r, w, host, target, delay), host, listen
        )
        servers.append(server)
        chosen.append({"listen": server.sockets[0].getsockname()[1], "target": target})
    print(json.dumps({"delay_ms": delay_ms, "host": host, "routes": chosen}), flush=True)
    await asyncio.to_thread(sys.stdin.buffer.read)  # until whoever started us closes our stdin
    for server in servers:
        server.close()


def _route(text: str) -> tuple[int, int]:
    listen, _, target = text.partition(":")
    try:
        return int(listen), int(target)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected LISTEN_PORT:TARGET_PORT, not {text!r}") from None


class LatencyProxies:
    """The proxy child, started and stopped from Python:

    with LatencyProxies([(0, 8080), (0, 2525)], delay_ms=10) as proxies:
        proxies.port_for(8080)   # where to connect to reach 8080 through the delay
    """

    def __init__(self, routes: list[tuple[int, int]], *, delay_ms: float = DEFAULT_DELAY_MS, host: str = HOST):
        self.routes = list(routes)
        self.delay_ms = delay_ms
        self.host = host
        self.ports: dict[int, int] = {}  # target port -> listening port
        self.process: subprocess.Popen[str] | None = None

    @property
    def rtt_ms(self) -> float:
        return 2 * self.delay_ms

    def port_for(self, target: int) -> int:
        return self.ports[target]

    def start(self) -> LatencyProxies:
        self.process = subprocess.Popen(
            [
                sys.executable,
                str(Path(__file__).resolve()),
                "--delay-ms",
                str(self.delay_ms),
                "--host",
                self.host,
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
        return self

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
    parser.add_argument("routes", nargs="+", type=_route, metavar="LISTEN_PORT:TARGET_PORT")
    args = parser.parse_args(argv)
    asyncio.run(serve(args.routes, args.delay_ms, args.host))
    return 0


if __name__ == "__main__":
    sys.exit(main())
