# SPDX-License-Identifier: GPL-3.0-or-later
"""A real OpenSSH server (Debian's sshd, `internal-sftp`) on 127.0.0.1, for the SFTP site host.

    keys = make_keys(folder)                  # once: the host key and the clients' keys
    with OpenSshPeer(keys) as server:
        server.port, server.username, server.site   # log in with keys.client (or server.password)

A private `sshd_config` (../shared/PEERS.md): its own port, host key, authorized keys, log; started
in the foreground (`-D`), so the PID we hold is sshd's and it is stopped by that PID.

Run as root, the server logs in `nobody`, not root: a folder made read-only (chmod) then really
refuses writes, as on a real host. `nobody` has no password on this machine, so sshd runs in a
private mount namespace (`unshare --mount`) where a shadow file of our own, bind-mounted over
/etc/shadow, gives it one: nothing outside that namespace sees it. `disk_bytes` mounts a small
tmpfs as the site folder before sshd starts (so sshd's namespace has it too): a full disk.
Not root: the server logs in the user running it; no password and no small disk then.
"""

from __future__ import annotations

import getpass
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from pathlib import Path

import pytest
from peers import start_peer
from server_process import HOST, PeerError, ServerProcess

SSHD = "/usr/sbin/sshd"
INSTALL_HINT = "Install it with `./dev deps` (Debian: apt-get install -y --no-install-recommends openssh-server)."
CLIENT_PASSPHRASE = "correct horse battery staple (test key)"
LOGIN_PASSWORD = "sftp-Passw0rd-never-in-a-message"
IS_ROOT = os.geteuid() == 0


def _private_mounts() -> bool:
    """Whether this machine gives a process a private mount namespace (not in a chroot, whose root
    is no mount point: `unshare` refuses, and the login user then gets no password)."""
    if not IS_ROOT:
        return False
    done = subprocess.run(
        ["unshare", "--mount", "--propagation", "private", "true"], capture_output=True, timeout=30, check=False
    )
    return done.returncode == 0


# The login user gets a password (sshd in its own mount namespace, with a shadow file of ours).
PASSWORD_LOGIN = _private_mounts()


def _run(*command: str, stdin: str | None = None) -> str:
    done = subprocess.run(command, input=stdin, capture_output=True, text=True, timeout=60, check=False)
    if done.returncode != 0:
        raise PeerError(f"{' '.join(command[:2])} exited with {done.returncode}: {done.stderr.strip()[-500:]}")
    return done.stdout


def fingerprint(public_key: Path) -> str:
    """The key's fingerprint as `ssh-keygen -lf` prints it (`SHA256:…`)."""
    return _run("ssh-keygen", "-l", "-E", "sha256", "-f", str(public_key)).split()[1]


@dataclass(frozen=True)
class SshKeys:
    """The server's host key and the clients' keys (private key files; `.pub` beside each)."""

    folder: Path
    host: Path  # ed25519, the server's
    host_rsa: Path  # rsa 2048: a second host key, for servers that have several
    client: Path  # ed25519, no passphrase, authorized
    client_ecdsa: Path  # ecdsa, CLIENT_PASSPHRASE, authorized
    client_rsa: Path  # rsa 2048, no passphrase, authorized
    stranger: Path  # ed25519, not authorized
    other_host: Path  # ed25519: what a changed server would present

    def fingerprint(self, key: Path) -> str:
        return fingerprint(key.with_suffix(".pub"))


def make_keys(folder: Path) -> SshKeys:
    """Fresh keys in `folder` (readable by the login user: sshd reads authorized keys as that user)."""
    if shutil.which("ssh-keygen") is None:
        raise PeerError(f"`ssh-keygen` is missing. {INSTALL_HINT}")
    folder.mkdir(parents=True, exist_ok=True)
    folder.chmod(0o755)

    def key(name: str, kind: str, passphrase: str = "", *bits: str) -> Path:
        path = folder / name
        _run("ssh-keygen", "-q", "-t", kind, *bits, "-N", passphrase, "-C", name, "-f", str(path))
        path.with_suffix(".pub").chmod(0o644)
        return path

    return SshKeys(
        folder=folder,
        host=key("host", "ed25519"),
        host_rsa=key("host_rsa", "rsa", "", "-b", "2048"),
        client=key("client", "ed25519"),
        client_ecdsa=key("client_ecdsa", "ecdsa", CLIENT_PASSPHRASE),
        client_rsa=key("client_rsa", "rsa", "", "-b", "2048"),
        stranger=key("stranger", "ed25519"),
        other_host=key("other_host", "ed25519"),
    )


class OpenSshPeer(ServerProcess):
    """A running sshd: `.port`, `.username`, `.password` (root only), `.site` (the folder to upload to)."""

    name = "sshd"

    def __init__(self, keys: SshKeys, *, disk_bytes: int = 0, host_keys: tuple[Path, ...] = ()):
        super().__init__()
        self.keys = keys
        self.host_keys = host_keys or (keys.host,)
        self.disk_bytes = disk_bytes
        self.username = "nobody" if IS_ROOT else getpass.getuser()
        self.password = LOGIN_PASSWORD if PASSWORD_LOGIN else ""
        self.site = Path()
        self._mounted = False

    # --- lifecycle (server_process.ServerProcess) --------------------------------------------------

    def _prepare(self) -> None:
        if not os.access(SSHD, os.X_OK):
            raise PeerError(f"{SSHD} is missing. {INSTALL_HINT}")
        if self.disk_bytes and not IS_ROOT:
            raise PeerError("a small disk (tmpfs) needs root")
        user = pwd.getpwnam(self.username)
        self.folder = Path(tempfile.mkdtemp(prefix="ic-openssh-"))
        self.folder.chmod(0o755)  # the login user reads the authorized keys in here
        self.site = self.folder / "site"
        self.site.mkdir()
        if self.disk_bytes:
            _run("mount", "-t", "tmpfs", "-o", f"size={self.disk_bytes},mode=0755", "ic-full-disk", str(self.site))
            self._mounted = True
        if IS_ROOT:
            os.chown(self.site, user.pw_uid, user.pw_gid)
            Path("/run/sshd").mkdir(parents=True, exist_ok=True)  # sshd's privilege separation folder
        authorized = self.folder / "authorized_keys"
        authorized.write_text(
            "".join(
                path.with_suffix(".pub").read_text()
                for path in (self.keys.client, self.keys.client_ecdsa, self.keys.client_rsa)
            )
        )
        authorized.chmod(0o644)

    def _launch(self) -> subprocess.Popen[bytes]:
        assert self.folder is not None
        config = self.folder / "sshd_config"
        config.write_text(
            "\n".join(
                [
                    f"Port {self.port}",
                    f"ListenAddress {HOST}",
                    *(f"HostKey {path}" for path in self.host_keys),
                    f"PidFile {self.folder / 'sshd.pid'}",
                    f"AuthorizedKeysFile {self.folder / 'authorized_keys'}",
                    f"PasswordAuthentication {'yes' if self.password else 'no'}",
                    "KbdInteractiveAuthentication no",
                    "PermitRootLogin no",
                    "UsePAM no",
                    "StrictModes no",
                    "LogLevel VERBOSE",
                    "Subsystem sftp internal-sftp",
                    "",
                ]
            )
        )
        command = [SSHD, "-D", "-f", str(config), "-E", str(self.folder / "sshd.log")]
        if self.password:
            shadow = self.folder / "shadow"
            hashed = _run("openssl", "passwd", "-6", "-stdin", stdin=self.password).strip()
            shadow.write_text(f"{self.username}:{hashed}:19000:0:99999:7:::\n")
            shadow.chmod(0o600)
            # Our shadow file only inside sshd's own mount namespace; `exec`: the PID is sshd's.
            script = 'mount --bind "$1" /etc/shadow && shift && exec "$@"'
            command = ["unshare", "--mount", "--propagation", "private", "bash", "-c", script, "sshd", str(shadow)]
            command += [SSHD, "-D", "-f", str(config), "-E", str(self.folder / "sshd.log")]
        # What fails before sshd opens its own log (unshare, mount) goes to a file; the child keeps its copy.
        with (self.folder / "stderr.log").open("wb") as stderr:
            return subprocess.Popen(command, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=stderr)

    def _greets(self, probe: socket.socket) -> bool:
        return probe.recv(4).startswith(b"SSH-")  # its banner: sshd itself, not a stranger on the port

    def _log(self) -> str:
        if self.folder is None:
            return ""
        text = ""
        for name in ("stderr.log", "sshd.log"):
            with suppress(OSError):
                text += (self.folder / name).read_text(errors="replace")
        return text or "(no log)"

    def _cleanup(self) -> None:
        if self._mounted:
            subprocess.run(["umount", str(self.site)], capture_output=True, timeout=60, check=False)
            self._mounted = False
        if self.folder is not None:
            with suppress(OSError):
                self._writable(self.site)
            shutil.rmtree(self.folder, ignore_errors=True)
            self.folder = None

    # --- what tests do to the server ---------------------------------------------------------------

    @contextmanager
    def read_only(self) -> Iterator[None]:
        """Every folder of the site read-only for the login user for the duration of the block."""
        folders = [self.site, *(path for path in self.site.rglob("*") if path.is_dir())]
        for folder in folders:
            folder.chmod(0o555)
        try:
            yield
        finally:
            self._writable(self.site)

    @staticmethod
    def _writable(site: Path) -> None:
        for folder in [site, *(path for path in site.rglob("*") if path.is_dir())]:
            folder.chmod(0o755)

    def files(self) -> dict[str, bytes]:
        """Every file under the site folder (leftovers included), by its path relative to it."""
        return {
            path.relative_to(self.site).as_posix(): path.read_bytes() for path in self.site.rglob("*") if path.is_file()
        }

    def log(self) -> str:
        return self._log()


@pytest.fixture(scope="session", name="ssh_keys")
def ssh_keys_fixture() -> Iterator[SshKeys]:
    """The host key and client keys, made once (ssh-keygen), in a folder the login user can read."""
    folder = Path(tempfile.mkdtemp(prefix="ic-ssh-keys-"))
    try:
        yield start_peer("OpenSSH (keys)", lambda: make_keys(folder))
    finally:
        shutil.rmtree(folder, ignore_errors=True)


@contextmanager
def running(peer: OpenSshPeer, name: str = "OpenSSH (sshd)") -> Iterator[OpenSshPeer]:
    """`peer` started (or the test failed saying why), stopped after the block."""
    started = start_peer(name, peer.start)
    try:
        yield started
    finally:
        started.stop()


@pytest.fixture(name="sftp_server")
def sftp_server_fixture(ssh_keys) -> Iterator[OpenSshPeer]:
    """`sftp_server`: a fresh sshd for one test (it starts in a few milliseconds), stopped after it."""
    peer = start_peer("OpenSSH (sshd)", OpenSshPeer(ssh_keys).start)
    try:
        yield peer
    finally:
        peer.stop()


if __name__ == "__main__":  # a quick manual check: start, print, stop
    started = time.monotonic()
    with tempfile.TemporaryDirectory() as scratch, OpenSshPeer(make_keys(Path(scratch) / "keys")) as running:
        print(running.port, running.username, running.site, f"{time.monotonic() - started:.2f} s")
