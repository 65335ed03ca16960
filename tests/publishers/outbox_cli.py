# SPDX-License-Identifier: GPL-3.0-or-later
"""`incident-composer` as a user runs it, against the real peers, for the outbox's tests and benchmark.

- `KeyringSession`: a real Secret Service (gnome-keyring) on a private D-Bus, started here and
  stopped by its PIDs: every command run with its `env` finds the accounts' secrets in it, as on
  a desktop. (cli_session.py does the same inside `dbus-run-session`; a session that outlives one
  command lets a test start, kill and restart commands one at a time.)
- `Composer`: runs `python -m composer ...` with one data folder (INCIDENT_COMPOSER_HOME) and that
  keyring; `add` an account (the secret on stdin, into the keyring), `jobs()` as `outbox list
  --format json` shows them.
- `update_file`: an update whose every rendering (email, blog post, toot, Bluesky post) carries
  a marker, so a peer can count what arrived of it.
- `Peers`: the four real peers the outbox tests publish to (aiosmtpd, WordPress, the Bluesky PDS,
  the Mastodon stand-in), each reached through a port of its own that a test can leave closed
  ("the network is down"), open with benchmarks/latency_proxy.py in front ("it is back"), or open
  with the proxy cutting connections ("the answer was lost"). `delivered(channel, marker)` counts
  on the peer's side.
"""

from __future__ import annotations

import json
import os
import random
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import uuid
from contextlib import ExitStack
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "benchmarks"))

from latency_proxy import LatencyProxies  # noqa: E402

HOST = "127.0.0.1"
SECRETS_NAME = "org.freedesktop.secrets"
KEYRING_PASSWORD = "outbox-tests-keyring"
MASTODON_TOKEN = "outbox-tests-mastodon-token"
CHANNELS = ("email", "wordpress", "bluesky", "mastodon")
# After which bytes of the request the answer is the one to lose (see latency_proxy.py's cut mode):
# the end of the SMTP message (DATA), and each channel's "create the post" request.
CUT_ANSWER_AFTER = {
    "email": b"\r\n.\r\n",
    "wordpress": b"POST /wp-json/wp/v2/posts ",
    "bluesky": b"POST /xrpc/com.atproto.repo.createRecord ",
    "mastodon": b"POST /api/v1/statuses ",
}


def passing_update(title: str, words: str) -> str:
    """An update file that passes every check now (so `publish` needs no --override): it started a
    few minutes ago, apologises, promises the next update in half an hour, gives a phone and is
    signed. `words` goes into its first sentence."""
    now = datetime.now(UTC).replace(second=0, microsecond=0)
    started, next_update = now - timedelta(minutes=5), now + timedelta(minutes=30)
    return (
        f"---\ntitle: {title}\nstatus: investigating\nstarted: {started.isoformat()}\n"
        f"next_update: {next_update.isoformat()}\nlanguage: en\n---\n"
        f"We are sorry: since {started:%H:%M} UTC email you send is delayed ({words}). We are investigating.\n\n"
        f"Next update by {next_update:%H:%M} UTC. If you need help, call us on +34 930 000 000.\n\n"
        "Marta Vidal, Head of Support\n"
    )


def new_marker(what: str) -> str:
    """A word found in nothing else, to count one update on a peer (letters and digits: WordPress searches it)."""
    return f"zq{''.join(c for c in what if c.isalnum())}{uuid.uuid4().hex[:12]}"


def update_file(folder: Path, marker: str) -> Path:
    """An update file whose email, blog post, toot and Bluesky post all carry `marker`."""
    path = folder / f"update-{marker}.md"
    path.write_text(passing_update(f"Email delivery delayed {marker}", marker), encoding="utf-8")
    return path


def front_port() -> int:
    """A port for an account to point at, closed until a proxy opens it: below the kernel's range of
    ports handed out for port 0 and outgoing connections, so that nothing else (another test's
    server, a connection's own end) takes it while it is meant to be closed. Free right now."""
    try:
        low = int(Path("/proc/sys/net/ipv4/ip_local_port_range").read_text().split()[0])
    except (OSError, ValueError, IndexError):
        low = 32768
    for _ in range(200):
        port = random.randrange(max(1024, low - 12000), low)
        with socket.socket() as probe:
            try:
                probe.bind((HOST, port))
            except OSError:
                continue
            return port
    raise RuntimeError("no free port below the ephemeral range")


class KeyringSession:
    """dbus-daemon and gnome-keyring-daemon (unlocked, secrets only), private to `folder`."""

    def __init__(self, folder: Path):
        self.folder = folder
        self.env: dict[str, str] = {}
        self._bus: subprocess.Popen[str] | None = None
        self._keyring: subprocess.Popen[bytes] | None = None

    def start(self) -> KeyringSession:
        for program in ("dbus-daemon", "gnome-keyring-daemon", "dbus-send"):
            if not shutil.which(program):
                raise RuntimeError(f"`{program}` is missing: apt-get install gnome-keyring dbus")
        try:
            self._start()
        except BaseException:
            self.stop()
            raise
        return self

    def _start(self) -> None:
        runtime = self.folder / "run"
        runtime.mkdir(parents=True, exist_ok=True)
        runtime.chmod(0o700)
        env = {
            k: v
            for k, v in os.environ.items()
            if k not in ("DBUS_SESSION_BUS_ADDRESS", "DISPLAY", "WAYLAND_DISPLAY", "PYTHON_KEYRING_BACKEND")
        }
        env.update(
            HOME=str(self.folder),
            XDG_RUNTIME_DIR=str(runtime),
            XDG_DATA_HOME=str(self.folder / "data"),
            XDG_CACHE_HOME=str(self.folder / "cache"),
            XDG_CONFIG_HOME=str(self.folder / "config"),
        )
        self._bus = subprocess.Popen(
            ["dbus-daemon", "--session", "--nofork", "--nopidfile", "--print-address=1"],
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,  # it complains that it may not raise its file limit
            text=True,
            env=env,
        )
        address = self._bus.stdout.readline().strip()  # type: ignore[union-attr]
        if not address:
            raise RuntimeError(f"dbus-daemon exited with {self._bus.wait(10)} before giving its address")
        env["DBUS_SESSION_BUS_ADDRESS"] = address
        self._keyring = subprocess.Popen(
            ["gnome-keyring-daemon", "--foreground", "--unlock", "--components=secrets"],
            stdin=subprocess.PIPE,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            env=env,
        )
        self._keyring.stdin.write(KEYRING_PASSWORD.encode())  # type: ignore[union-attr]
        self._keyring.stdin.close()  # type: ignore[union-attr]
        deadline = time.monotonic() + 20
        while not self._serves(env):
            if self._keyring.poll() is not None:
                raise RuntimeError(f"gnome-keyring-daemon exited with {self._keyring.returncode}")
            if time.monotonic() > deadline:
                raise RuntimeError("gnome-keyring-daemon did not take the Secret Service name within 20 s")
            time.sleep(0.05)
        self.env = env

    @staticmethod
    def _serves(env: dict[str, str]) -> bool:
        asked = subprocess.run(
            ["dbus-send", "--session", "--print-reply", "--dest=org.freedesktop.DBus", "/org/freedesktop/DBus",
             "org.freedesktop.DBus.NameHasOwner", f"string:{SECRETS_NAME}"],
            env=env, capture_output=True, text=True, timeout=10, check=False,
        )  # fmt: skip
        return asked.returncode == 0 and "boolean true" in asked.stdout

    def stop(self) -> None:
        for process in (self._keyring, self._bus):
            if process is None or process.poll() is not None:
                continue
            process.terminate()
            try:
                process.wait(10)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait(10)
        if self._bus is not None and self._bus.stdout is not None:
            self._bus.stdout.close()
        self._keyring = self._bus = None

    def __enter__(self) -> KeyringSession:
        return self.start()

    def __exit__(self, *_exc: object) -> None:
        self.stop()


class Composer:
    """`python -m composer ...` with one data folder, in a keyring session's environment."""

    def __init__(self, env: dict[str, str], data: Path):
        self.data = data
        self.env = {**env, "INCIDENT_COMPOSER_HOME": str(data)}
        self.env.pop("PYTHONDONTWRITEBYTECODE", None)  # every command starts from cached bytecode

    def command(self, *args: str) -> list[str]:
        return [sys.executable, "-m", "composer", *args]

    def run(self, *args: str, stdin: str = "", timeout: float = 120) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            self.command(*args),
            input=stdin,
            env=self.env,
            cwd=ROOT,
            capture_output=True,
            text=True,
            timeout=timeout,
            check=False,
        )

    def popen(self, *args: str) -> subprocess.Popen[bytes]:
        return subprocess.Popen(
            self.command(*args),
            env=self.env,
            cwd=ROOT,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )

    def add(self, kind: str, name: str, settings: dict[str, str], secret: str | None) -> None:
        options = [f"--{key.replace('_', '-')}={value}" for key, value in settings.items()]
        if secret:
            options.append("--password-stdin")
        done = self.run("accounts", "add", kind, name, *options, stdin=(secret or "") + "\n")
        if done.returncode != 0:
            raise RuntimeError(f"accounts add {kind} {name} exited with {done.returncode}: {done.stderr}")

    def jobs(self) -> list[dict]:
        done = self.run("outbox", "list", "--format", "json")
        if done.returncode != 0:
            raise RuntimeError(f"outbox list exited with {done.returncode}: {done.stderr}")
        return json.loads(done.stdout)


@dataclass
class Route:
    """Where the app reaches one peer: a port of its own in front of the peer's."""

    channel: str
    listen: int  # the port the account points at
    target: int  # the peer's own port


class Peers:
    """The four real peers, each behind a port of its own (see the module's docstring).

    `start()` starts them (each cleans up after itself on `stop()`); `add_accounts(composer)` adds one
    account per channel, named after it; `open(...)` puts a proxy on the accounts' ports (nothing
    listens there before: the network is down).
    """

    def __init__(self, certificate, *, smtp_reply_delay: float = 0.0):
        self.certificate = certificate
        self.smtp_reply_delay = smtp_reply_delay
        self.routes: dict[str, Route] = {}
        self.smtp = self.wordpress = self.bluesky = self.mastodon = None
        self._stack = ExitStack()

    def start(self) -> Peers:
        try:
            self._start()
        except BaseException:
            self.stop()
            raise
        return self

    def _start(self) -> None:
        from bluesky_peer import BlueskyPeer
        from mastodon_standin import MastodonStandIn
        from smtp_peer import SmtpPeer
        from wordpress_peer import WordPressPeer

        listen = {channel: front_port() for channel in CHANNELS}
        self.smtp = self._stack.enter_context(SmtpPeer(self.certificate, mode="plain", username="", password=""))
        self.smtp.handler.reply_delay = self.smtp_reply_delay
        # WordPress names its API by its own address: the site believes it lives at the front port.
        self.wordpress = self._stack.enter_context(WordPressPeer(public_url=f"http://{HOST}:{listen['wordpress']}"))
        # No rate limits: a benchmark logs in hundreds of times (the PDS allows 30 a 5 minutes).
        self.bluesky = self._stack.enter_context(BlueskyPeer(handle="outbox.test", rate_limits=False))
        self.mastodon = self._stack.enter_context(MastodonStandIn(token=MASTODON_TOKEN))
        targets = {
            "email": self.smtp.port,
            "wordpress": self.wordpress.port,
            "bluesky": int(self.bluesky.url.rsplit(":", 1)[1]),
            "mastodon": self.mastodon.port,
        }
        self.routes = {channel: Route(channel, listen[channel], targets[channel]) for channel in CHANNELS}

    def accounts(self) -> dict[str, tuple[str, dict[str, str], str | None]]:
        """Each channel's account, pointing at its front port: name -> (kind, settings, secret)."""
        at = {channel: f"http://{HOST}:{route.listen}" for channel, route in self.routes.items()}
        return {
            "email": (
                "email",
                {"host": HOST, "port": str(self.routes["email"].listen), "security": "none",
                 "from": "status@example.net", "to": "all@example.net"},
                None,
            ),
            "wordpress": ("wordpress", {"url": at["wordpress"], "username": self.wordpress.username},
                          self.wordpress.app_password),
            "bluesky": ("bluesky", {"handle": self.bluesky.handle, "url": at["bluesky"]}, self.bluesky.app_password),
            "mastodon": ("mastodon", {"url": at["mastodon"]}, MASTODON_TOKEN),
        }  # fmt: skip

    def add_accounts(self, composer: Composer, channels=CHANNELS) -> None:
        for channel in channels:
            kind, settings, secret = self.accounts()[channel]
            composer.add(kind, channel, settings, secret)

    def open(self, channels=CHANNELS, *, delay_ms: float = 0.0, **cut: object) -> LatencyProxies:
        """A proxy on the channels' front ports (a `with` block): the network is up. `cut`: see LatencyProxies."""
        routes = [(self.routes[c].listen, self.routes[c].target) for c in channels]
        return LatencyProxies(routes, delay_ms=delay_ms, **cut)  # type: ignore[arg-type]

    def delivered(self, channel: str, marker: str) -> int:
        """How many times the peer received the update carrying `marker` (counted on its side)."""
        if channel == "email":
            return sum(1 for d in self.smtp.deliveries if marker.encode() in d.raw)
        if channel == "wordpress":
            return sum(1 for post in self.wordpress_posts(marker) if marker in post["content"]["raw"])
        if channel == "bluesky":
            return sum(1 for record in self.bluesky.records() if marker in record["value"].get("text", ""))
        if channel == "mastodon":
            with self.mastodon._lock:
                return sum(1 for status in self.mastodon.statuses.values() if marker in status["content"])
        raise ValueError(channel)

    def wordpress_posts(self, search: str) -> list[dict]:
        """The site's posts (any status) matching `search`, asked at its own port (the front one may be closed)."""
        import requests

        response = requests.get(
            f"http://{HOST}:{self.wordpress.port}/wp-json/wp/v2/posts",
            params={"status": "any", "context": "edit", "per_page": 100, "search": search},
            auth=(self.wordpress.username, self.wordpress.app_password),
            timeout=30,
        )
        response.raise_for_status()
        return response.json()

    def violations(self) -> list[str]:
        return list(self.mastodon.violations) if self.mastodon is not None else []

    def stop(self) -> None:
        self._stack.close()

    def __enter__(self) -> Peers:
        return self.start()

    def __exit__(self, *_exc: object) -> None:
        self.stop()


def scratch(prefix: str) -> Path:
    """A fresh folder (the caller removes it)."""
    return Path(tempfile.mkdtemp(prefix=prefix))
