# SPDX-License-Identifier: GPL-3.0-or-later
"""A real PostgreSQL (Debian's `postgresql` package) on 127.0.0.1, for the team workspace.

    with PostgresPeer() as server:
        server.url("composer")               # postgresql://postgres@127.0.0.1:PORT/composer
        server.create_database("composer")
        server.add_person("ana", "secret", role="composer_reviewer")

A private cluster in a temporary folder (../shared/PEERS.md): `initdb` with password
authentication over TCP (scram-sha-256; the superuser's password is `SUPERUSER_PASSWORD`) and
trust on its own Unix socket, then `postgres` in the foreground on a free port, so the PID we
hold is the server's. Run as root, both run as the `postgres` user the package created.
`stop()` and `start()` again keep the data: a workspace that goes away mid-edit and comes back.
"""

from __future__ import annotations

import os
import pwd
import shutil
import signal
import socket
import struct
import subprocess
import tempfile
import time
from contextlib import suppress
from pathlib import Path

from server_process import HOST, PeerError, ServerProcess

BIN = Path("/usr/lib/postgresql/15/bin")
INSTALL_HINT = "Install it with `./dev deps` (Debian: apt-get install -y --no-install-recommends postgresql)."
SUPERUSER_PASSWORD = "postgres test superuser"
SSL_REQUEST = struct.pack("!ii", 8, 80877103)


def _binaries() -> Path:
    found = sorted(Path("/usr/lib/postgresql").glob("*/bin/initdb")) if not (BIN / "initdb").exists() else []
    folder = BIN if (BIN / "initdb").exists() else (found[-1].parent if found else None)
    if folder is None:
        raise PeerError(f"PostgreSQL is not installed. {INSTALL_HINT}")
    return folder


class PostgresPeer(ServerProcess):
    name = "PostgreSQL"

    def __init__(self) -> None:
        super().__init__()
        self.bin = _binaries()
        self.user: str | None = "postgres" if os.geteuid() == 0 else None
        self._fixed_port = 0

    # --- ServerProcess ---------------------------------------------------------------------------

    def _prepare(self) -> None:
        if self.folder is not None:
            return  # restarted: same cluster, same port
        self.folder = Path(tempfile.mkdtemp(prefix="composer-pg-"))
        password_file = self.folder / "pwfile"
        password_file.write_text(SUPERUSER_PASSWORD + "\n")
        if self.user is not None:
            os.chmod(self.folder, 0o755)
            entry = pwd.getpwnam(self.user)
            for path in (self.folder, password_file):
                os.chown(path, entry.pw_uid, entry.pw_gid)
        options = "--auth-local=trust --auth-host=scram-sha-256 --no-sync --encoding=UTF8 --locale=C.UTF-8"
        done = subprocess.run(
            [
                str(self.bin / "initdb"),
                "-D",
                str(self.folder / "data"),
                "-U",
                "postgres",
                *options.split(),
                f"--pwfile={password_file}",
            ],
            capture_output=True,
            text=True,
            timeout=120,
            check=False,
            user=self.user,
        )
        if done.returncode != 0:
            raise PeerError(f"initdb failed: {(done.stderr or done.stdout)[-1500:]}")

    def _launch(self) -> subprocess.Popen[bytes]:
        assert self.folder is not None
        if self._fixed_port:
            self.port = self._fixed_port
        log = open(self.folder / "log", "ab")  # noqa: SIM115 - the child keeps it
        settings = (f"listen_addresses={HOST}", "fsync=off", "max_connections=60")
        return subprocess.Popen(
            [
                str(self.bin / "postgres"),
                "-D",
                str(self.folder / "data"),
                "-p",
                str(self.port),
                "-k",
                str(self.folder),
                *(part for setting in settings for part in ("-c", setting)),
            ],
            stdout=log,
            stderr=log,
            user=self.user,
            start_new_session=True,
        )

    def _greets(self, probe: socket.socket) -> bool:
        probe.sendall(SSL_REQUEST)  # the server answers one byte: S or N
        return probe.recv(1) in (b"S", b"N")

    def _wait_ready(self, timeout: float = 15) -> bool:
        """Answering on the port is not enough: after a restart it refuses sessions until its
        recovery is done. Ready when a session opens."""
        if not super()._wait_ready(timeout):
            return False
        import psycopg

        deadline = time.monotonic() + timeout
        while True:
            try:
                psycopg.connect(self.url(), password=SUPERUSER_PASSWORD, connect_timeout=2).close()
                return True
            except psycopg.OperationalError as error:
                if time.monotonic() > deadline:
                    raise PeerError(f"PostgreSQL accepts no session: {error}") from None
                time.sleep(0.05)

    def _terminate(self) -> None:
        """A fast shutdown (SIGINT): SIGTERM would wait for every session to end."""
        process = self._process
        if process is not None and process.poll() is None:
            process.send_signal(signal.SIGINT)
            with suppress(subprocess.TimeoutExpired):
                process.wait(self.stop_grace)
        super()._terminate()

    def _log(self) -> str:
        if self.folder is None or not (self.folder / "log").exists():
            return ""
        return (self.folder / "log").read_text(errors="replace")

    def _cleanup(self) -> None:
        if self.folder is not None and not self._fixed_port:
            shutil.rmtree(self.folder, ignore_errors=True)
            self.folder = None

    # --- a workspace that goes away and comes back --------------------------------------------------

    def pause(self) -> None:
        """Stops the server, keeping its data and port, as an outage would."""
        self._fixed_port = self.port
        self._terminate()

    def resume(self) -> None:
        assert self._fixed_port, "resume() after pause()"
        self._process = self._launch()
        if not self._wait_ready():
            raise PeerError(f"PostgreSQL did not start again: {self._log()[-1500:]}")

    def stop(self) -> None:
        self._fixed_port = 0
        super().stop()

    # --- what tests ask ------------------------------------------------------------------------------

    def url(self, database: str = "postgres", user: str = "postgres") -> str:
        return f"postgresql://{user}@{HOST}:{self.port}/{database}"

    def admin(self, database: str = "postgres"):
        import psycopg

        return psycopg.connect(self.url(database), password=SUPERUSER_PASSWORD, autocommit=True)

    def create_database(self, name: str) -> str:
        with self.admin() as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}"')
            conn.execute(f'CREATE DATABASE "{name}"')
        return self.url(name)

    def add_person(self, name: str, password: str, role: str) -> None:
        with self.admin() as conn:
            exists = conn.execute("SELECT 1 FROM pg_roles WHERE rolname = %s", (name,)).fetchone()
            verb = "ALTER" if exists else "CREATE"
            conn.execute(f"{verb} ROLE \"{name}\" LOGIN PASSWORD '{password}'")
            conn.execute(f'GRANT {role} TO "{name}"')
