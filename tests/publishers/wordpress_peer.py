# SPDX-License-Identifier: GPL-3.0-or-later
"""A real WordPress on 127.0.0.1 for publisher tests and benchmarks.

Debian's WordPress (`/usr/share/wordpress`) served by `php -S` with tests/peers/wordpress/router.php,
on a private MariaDB (own datadir, unix socket, no networking). The site folder is a mirror of
symlinks with our own wp-config.php, so nothing under /etc is written and two sites can run at once.
Usable outside pytest:

    with WordPressPeer() as site:
        print(site.url, site.username, site.app_password)

`public_url` makes the site believe it lives elsewhere (e.g. behind benchmarks/latency_proxy.py):
WordPress builds its links and the REST API's `Link` header from it, and it is `.url`, while
`php -S` still listens on `.port`.

Every process is stopped by its PID on exit, also when starting fails.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import socket
import subprocess
import tempfile
import time
from contextlib import contextmanager, suppress
from pathlib import Path

import pytest
from peers import start_peer

HOST = "127.0.0.1"
PEER_FILES = Path(__file__).resolve().parents[1] / "peers" / "wordpress"
WORDPRESS = Path("/usr/share/wordpress")
INSTALL_HINT = (
    "Install the WordPress test peer with `./dev deps` (Debian: apt-get install -y "
    "--no-install-recommends wordpress mariadb-server php-cli php-mysql)."
)
SITE_TIMEZONE = "Europe/Madrid"  # not UTC, so tests see the readers' time with its zone


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind((HOST, 0))
        return probe.getsockname()[1]


class PeerError(RuntimeError):
    """The WordPress peer could not start; the message says what to install or what failed."""


def _require(program: str) -> str:
    found = shutil.which(program) or shutil.which(program, path="/usr/sbin:/usr/bin:/sbin:/bin")
    if not found:
        raise PeerError(f"`{program}` is missing. {INSTALL_HINT}")
    return found


def _wait_for(check, what: str, timeout: float, process: subprocess.Popen, log: Path) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise PeerError(f"{what} exited with {process.returncode}: {_tail(log)}")
        if check():
            return
        time.sleep(0.05)
    raise PeerError(f"{what} was not ready within {timeout:g} s: {_tail(log)}")


def _tail(log: Path) -> str:
    try:
        return log.read_text(errors="replace")[-2000:]
    except OSError:
        return "(no log)"


def _signal_group(group: int, signal_number: int) -> None:
    with suppress(ProcessLookupError):
        os.killpg(group, signal_number)


def _wait_group_gone(group: int, timeout: float) -> bool:
    """Whether the group emptied in time (exited workers linger as zombies until init reaps them)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            os.killpg(group, 0)
        except ProcessLookupError:
            return True
        time.sleep(0.05)
    return False


class WordPressPeer:
    """A running WordPress site: `.url`, `.username`, `.app_password` (HTTP Basic for the REST API)."""

    def __init__(self, *, timezone: str = SITE_TIMEZONE, username: str = "editor", public_url: str = ""):
        self.timezone = timezone
        self.username = username
        self.public_url = public_url.rstrip("/")  # the site's address if not its own port (a proxy in front)
        self.app_password = ""
        self.contributor = ""
        self.contributor_password = ""
        self.port = 0
        self.url = ""
        self.folder: Path | None = None
        self._env: dict[str, str] = {}
        self._database: subprocess.Popen | None = None
        self._server: subprocess.Popen | None = None

    # --- lifecycle -------------------------------------------------------------------------------

    def start(self) -> WordPressPeer:
        try:
            self._start()
        except BaseException:
            self.stop()
            raise
        return self

    def _start(self) -> None:
        php, mariadbd = _require("php"), _require("mariadbd")
        install_db, client = _require("mariadb-install-db"), _require("mariadb")
        if not (WORDPRESS / "wp-settings.php").is_file():
            raise PeerError(f"{WORDPRESS} has no WordPress. {INSTALL_HINT}")
        self.folder = Path(tempfile.mkdtemp(prefix="ic-wordpress-"))
        # mariadbd runs as the mysql user when we are root: it must be able to traverse this folder.
        self.folder.chmod(0o755)
        scratch = self.folder / "scratch"
        scratch.mkdir()
        # MariaDB's own temporary files: $TMPDIR may not be writable by the mysql user.
        db_tmp = self.folder / "dbtmp"
        db_tmp.mkdir()
        db_tmp.chmod(0o1777)
        as_mysql = ["--user=mysql"] if os.geteuid() == 0 else []
        datadir = self.folder / "db"
        sock = datadir / "mysql.sock"  # inside the datadir, which install-db gives to mysql
        db_log = self.folder / "mariadb.log"
        installed = subprocess.run(
            [
                install_db,
                *as_mysql,
                f"--datadir={datadir}",
                f"--tmpdir={db_tmp}",
                "--auth-root-authentication-method=normal",
                "--skip-test-db",
            ],
            capture_output=True,
            text=True,
            timeout=120,
            check=False,
        )
        if installed.returncode != 0:
            said = " ".join((installed.stderr or installed.stdout).split()[-40:])
            raise PeerError(f"mariadb-install-db exited with {installed.returncode}: {said}")
        with db_log.open("wb") as log:
            self._database = subprocess.Popen(
                [
                    mariadbd,
                    "--no-defaults",
                    *as_mysql,
                    f"--datadir={datadir}",
                    f"--socket={sock}",
                    f"--tmpdir={db_tmp}",
                    "--skip-networking",
                    f"--pid-file={datadir / 'mariadb.pid'}",
                    "--skip-log-bin",
                    "--innodb-buffer-pool-size=16M",
                    "--innodb-log-file-size=8M",
                    "--performance-schema=OFF",
                ],
                stdout=log,
                stderr=subprocess.STDOUT,
                stdin=subprocess.DEVNULL,
            )

        def database_ready() -> bool:
            return (
                subprocess.run(
                    [
                        client,
                        "--no-defaults",
                        f"--socket={sock}",
                        "-uroot",
                        "-e",
                        "CREATE DATABASE IF NOT EXISTS wordpress CHARACTER SET utf8mb4",
                    ],
                    capture_output=True,
                    timeout=30,
                ).returncode
                == 0
            )

        _wait_for(database_ready, "MariaDB", 60, self._database, db_log)

        site = self.folder / "site"
        site.mkdir()
        for entry in WORDPRESS.iterdir():
            if entry.name not in ("wp-config.php", ".htaccess"):
                (site / entry.name).symlink_to(entry)
        (site / "wp-config.php").symlink_to(PEER_FILES / "wp-config.php")

        self.port = free_port()
        self.url = self.public_url or f"http://{HOST}:{self.port}"
        env = {
            "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
            "HOME": str(scratch),
            "TMPDIR": str(scratch),
            "IC_WP_DB_SOCKET": str(sock),
            "IC_WP_URL": self.url,
            "IC_WP_SITE": str(site),
            "IC_WP_USER": self.username,
            "IC_WP_TIMEZONE": self.timezone,
            "PHP_CLI_SERVER_WORKERS": "4",
        }
        self._env = env
        installed = subprocess.run(
            [php, str(PEER_FILES / "install.php")], env=env, capture_output=True, text=True, timeout=120
        )
        if installed.returncode != 0 or not installed.stdout.strip():
            raise PeerError(f"Installing WordPress failed: {installed.stdout[-1500:]} {installed.stderr[-1500:]}")
        answer = json.loads(installed.stdout.strip().splitlines()[-1])
        self.app_password = answer["app_password"]
        self.contributor, self.contributor_password = answer["contributor"], answer["contributor_password"]

        server_log = self.folder / "php.log"
        with server_log.open("wb") as log:
            # Own session: the workers PHP forks share the group, stopped together by its id.
            self._server = subprocess.Popen(
                [php, "-S", f"{HOST}:{self.port}", "-t", str(site), str(PEER_FILES / "router.php")],
                env=env,
                stdout=log,
                stderr=subprocess.STDOUT,
                stdin=subprocess.DEVNULL,
                start_new_session=True,
            )
        _wait_for(self._answers, "php -S (WordPress)", 30, self._server, server_log)

    def set_option(self, name: str, value: str) -> None:
        """Set one site option (e.g. `permalink_structure`, or a switch of mu-plugins/test-switches.php)."""
        done = subprocess.run(
            [_require("php"), str(PEER_FILES / "option.php"), name, value],
            env=self._env,
            capture_output=True,
            text=True,
            timeout=60,
        )
        if done.returncode != 0:
            raise PeerError(f"Setting the option {name} failed: {done.stdout[-1000:]} {done.stderr[-1000:]}")

    @contextmanager
    def option(self, name: str, value: str, restore: str):
        """The option set for the duration of a `with` block, then `restore`d."""
        self.set_option(name, value)
        try:
            yield self
        finally:
            self.set_option(name, restore)

    def _answers(self) -> bool:
        try:
            with socket.create_connection((HOST, self.port), timeout=1):
                return True
        except OSError:
            return False

    def stop(self) -> None:
        if self._server is not None:
            # The whole group: PHP's workers do not stop with their parent.
            _signal_group(self._server.pid, signal.SIGTERM)
            try:
                self._server.wait(10)
            except subprocess.TimeoutExpired:
                _signal_group(self._server.pid, signal.SIGKILL)
                self._server.wait(10)
            if not _wait_group_gone(self._server.pid, 5):
                _signal_group(self._server.pid, signal.SIGKILL)
                _wait_group_gone(self._server.pid, 5)
            self._server = None
        if self._database is not None:
            if self._database.poll() is None:
                self._database.terminate()
                try:
                    self._database.wait(30)
                except subprocess.TimeoutExpired:
                    self._database.kill()
                    self._database.wait(10)
            self._database = None
        if self.folder is not None:
            shutil.rmtree(self.folder, ignore_errors=True)
            self.folder = None

    def __enter__(self) -> WordPressPeer:
        return self.start()

    def __exit__(self, *_exc) -> None:
        self.stop()

    # --- reading the site back (tests check what the publisher did through the REST API) ---------

    def rest(self, method: str, route: str, **options):
        """A REST call as the admin, e.g. `rest("GET", "/wp/v2/posts", params={...})`; the response."""
        import requests

        options.setdefault("timeout", 30)
        return requests.request(
            method, f"{self.url}/wp-json{route}", auth=(self.username, self.app_password), **options
        )

    def posts(self, **params) -> list[dict]:
        """Every post (any status) with raw content, newest first."""
        response = self.rest(
            "GET", "/wp/v2/posts", params={"status": "any", "context": "edit", "per_page": 100, **params}
        )
        response.raise_for_status()
        return response.json()


@pytest.fixture(scope="session", name="wordpress_site")
def wordpress_site_fixture():
    """`wordpress_site`: one real WordPress for the whole test session.

    Import it as `wordpress_site_fixture` (ruff's F811 would flag tests whose parameter shadows
    an imported `wordpress_site`); the fixture's name stays `wordpress_site`.
    """
    peer = start_peer("WordPress (PHP + MariaDB)", WordPressPeer().start)
    try:
        yield peer
    finally:
        peer.stop()


wordpress_site = wordpress_site_fixture  # the name the brief gave; both register the same fixture


if __name__ == "__main__":  # a quick manual check: start, print, stop
    started = time.monotonic()
    with WordPressPeer() as running:
        print(
            json.dumps(
                {"url": running.url, "username": running.username, "seconds": round(time.monotonic() - started, 2)}
            )
        )
        print(running.rest("GET", "/").json()["name"])
