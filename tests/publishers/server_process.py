# SPDX-License-Identifier: GPL-3.0-or-later
"""A real server run by a test as a child process on 127.0.0.1 (openssh_peer.py, webdav_peer.py):
a free port (another one when it was taken meanwhile), ready when it answers its own greeting,
stopped by SIGTERM (then SIGKILL). Subclasses say how to prepare, launch and greet."""

from __future__ import annotations

import signal
import socket
import subprocess
import time
from contextlib import suppress
from pathlib import Path
from typing import Self

HOST = "127.0.0.1"


class PeerError(RuntimeError):
    """A test server could not start; the message says what failed."""


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind((HOST, 0))
        return probe.getsockname()[1]


class ServerProcess:
    """`start()` (prepare, then launch on a free port until one binds), `stop()`, a context manager."""

    name = "server"
    stop_grace = 10.0  # seconds between SIGTERM and SIGKILL

    def __init__(self) -> None:
        self.host = HOST
        self.port = 0
        self.folder: Path | None = None
        self._process: subprocess.Popen[bytes] | None = None

    # --- what a server says --------------------------------------------------------------------

    def _prepare(self) -> None:
        """Everything before the first launch (folders, keys, configuration)."""

    def _launch(self) -> subprocess.Popen[bytes]:
        raise NotImplementedError

    def _greets(self, probe: socket.socket) -> bool:
        """Whether what answers on the port is this server (its banner, an HTTP answer)."""
        raise NotImplementedError

    def _log(self) -> str:
        return ""

    def _cleanup(self) -> None:
        """Everything after the process stopped (mounts, folders)."""

    # --- lifecycle -----------------------------------------------------------------------------

    def start(self) -> Self:
        try:
            self._prepare()
            for _attempt in range(5):  # a port taken between free_port() and the server's bind: another port
                self.port = free_port()
                self._process = self._launch()
                if self._wait_ready():
                    return self
                self._terminate()
                if "Address already in use" not in self._log():
                    break
            raise PeerError(f"{self.name} did not start: {self._log()[-1500:]}")
        except BaseException:
            self.stop()
            raise

    def _wait_ready(self, timeout: float = 15) -> bool:
        """Whether the server answers (polled), False when it exited first."""
        assert self._process is not None
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self._process.poll() is not None:
                return False
            with suppress(OSError), socket.create_connection((HOST, self.port), timeout=1) as probe:
                probe.settimeout(5)
                if self._greets(probe):
                    return True
            time.sleep(0.02)
        raise PeerError(f"{self.name} was not ready within {timeout:g} s: {self._log()[-1500:]}")

    def _terminate(self) -> None:
        process, self._process = self._process, None
        if process is None:
            return
        if process.poll() is None:
            process.send_signal(signal.SIGTERM)
            try:
                process.wait(self.stop_grace)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait(10)

    def stop(self) -> None:
        self._terminate()
        self._cleanup()

    def __enter__(self) -> Self:
        return self.start()

    def __exit__(self, *_exc: object) -> None:
        self.stop()
