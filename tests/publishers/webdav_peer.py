# SPDX-License-Identifier: GPL-3.0-or-later
"""A real WebDAV server (Debian's Apache with mod_dav and mod_dav_fs) on 127.0.0.1, for the WebDAV site host.

    with WebDavPeer() as server:
        folder = server.new_folder("site-a")     # a folder of its own for one test
        folder.dav_url                           # http://127.0.0.1:P/dav/site-a/ (Basic auth, DAV)
        folder.public_url                        # http://127.0.0.1:P/site/site-a/ (plain GET, no login)

A private configuration (../shared/PEERS.md): its own ServerRoot, port, modules, lock database,
htpasswd; started in the foreground (`-DFOREGROUND`), so the PID we hold is Apache's and it is
stopped by that PID. `/dav/` and `/site/` are the same folder: what was uploaded over WebDAV is
read back exactly as a visitor would read it.

Run as root, Apache's children run as www-data and the folders belong to it: a folder made
read-only (chmod) then really refuses writes, and `new_folder(disk_bytes=…)` mounts a small tmpfs
(a full disk). Not root: Apache runs as the user running it; no small disk then.
"""

from __future__ import annotations

import itertools
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
from urllib.parse import quote

import pytest
from peers import start_peer
from server_process import HOST, PeerError, ServerProcess

APACHE = "/usr/sbin/apache2"
MODULES = Path("/usr/lib/apache2/modules")
INSTALL_HINT = "Install it with `./dev deps` (Debian: apt-get install -y --no-install-recommends apache2)."
DAV_USER = "publisher"
DAV_PASSWORD = "dav-Passw0rd-never-in-a-message"
IS_ROOT = os.geteuid() == 0
_MODULES = (
    ("mpm_event_module", "mod_mpm_event.so"),
    ("authz_core_module", "mod_authz_core.so"),
    ("authn_core_module", "mod_authn_core.so"),
    ("authn_file_module", "mod_authn_file.so"),
    ("authz_user_module", "mod_authz_user.so"),
    ("auth_basic_module", "mod_auth_basic.so"),
    ("dav_module", "mod_dav.so"),
    ("dav_fs_module", "mod_dav_fs.so"),
    ("alias_module", "mod_alias.so"),
    ("mime_module", "mod_mime.so"),
    ("dir_module", "mod_dir.so"),
)
_names = itertools.count(1)


@dataclass
class DavFolder:
    """One test's folder on the server: its WebDAV address, its public address, where it is on disk."""

    name: str
    path: Path
    dav_url: str
    public_url: str
    mounted: bool = False

    def files(self) -> dict[str, bytes]:
        """Every file in it (leftovers included), by its path relative to it."""
        return {p.relative_to(self.path).as_posix(): p.read_bytes() for p in self.path.rglob("*") if p.is_file()}

    @contextmanager
    def read_only(self) -> Iterator[None]:
        """Every folder in it read-only for Apache's user for the duration of the block."""
        folders = [self.path, *(p for p in self.path.rglob("*") if p.is_dir())]
        for folder in folders:
            folder.chmod(0o555)
        try:
            yield
        finally:
            for folder in folders:
                folder.chmod(0o755)


class WebDavPeer(ServerProcess):
    """A running Apache: `.port`, `.username`, `.password`; `new_folder()` for each test."""

    name = "Apache"
    stop_grace = 15.0  # Apache stops its children, then itself

    def __init__(self) -> None:
        super().__init__()
        self.username = DAV_USER
        self.password = DAV_PASSWORD
        self.site = Path()
        self._owner = pwd.getpwnam("www-data" if IS_ROOT else pwd.getpwuid(os.getuid()).pw_name)
        self._folders: list[DavFolder] = []

    @property
    def url(self) -> str:
        return f"http://{HOST}:{self.port}"

    # --- lifecycle -------------------------------------------------------------------------------

    def _prepare(self) -> None:
        if not os.access(APACHE, os.X_OK):
            raise PeerError(f"{APACHE} is missing. {INSTALL_HINT}")
        missing = [name for _module, name in _MODULES if not (MODULES / name).is_file()]
        if missing:
            raise PeerError(f"Apache's modules {', '.join(missing)} are missing. {INSTALL_HINT}")
        self.folder = Path(tempfile.mkdtemp(prefix="ic-webdav-"))
        self.folder.chmod(0o755)  # www-data must traverse it (a 0700 parent: 403 "unable to read htaccess")
        self.site = self.folder / "site"
        for name in ("site", "lock", "run", "www"):
            (self.folder / name).mkdir()
        for name in ("site", "lock"):
            os.chown(self.folder / name, self._owner.pw_uid, self._owner.pw_gid)
        htpasswd = self.folder / "htpasswd"
        done = subprocess.run(
            ["htpasswd", "-c", "-i", "-B", "-C", "5", str(htpasswd), self.username],
            input=self.password,
            capture_output=True,
            text=True,
            timeout=60,
            check=False,
        )
        if done.returncode != 0:
            raise PeerError(f"htpasswd exited with {done.returncode}: {done.stderr.strip()[-300:]}")
        htpasswd.chmod(0o644)

    def _launch(self) -> subprocess.Popen[bytes]:
        assert self.folder is not None
        root = self.folder
        config = root / "httpd.conf"
        lines = [
            f'ServerRoot "{root}"',
            "ServerName 127.0.0.1",
            f"Listen {HOST}:{self.port}",
            f'PidFile "{root}/run/httpd.pid"',
            f'DefaultRuntimeDir "{root}/run"',
            f'ErrorLog "{root}/error.log"',
            "LogLevel warn",
            *(f"LoadModule {module} {MODULES / name}" for module, name in _MODULES),
            *([f"User {self._owner.pw_name}", f"Group {self._owner.pw_name}"] if IS_ROOT else []),
            "StartServers 1",
            "ServerLimit 2",
            "ThreadsPerChild 8",
            "MaxRequestWorkers 16",
            "TypesConfig /etc/mime.types",
            f'DAVLockDB "{root}/lock/davlock"',
            f'DocumentRoot "{root}/www"',
            f'Alias /dav/ "{self.site}/"',
            f'Alias /site/ "{self.site}/"',
            f'<Directory "{self.site}">',
            "  Options None",
            "  AllowOverride None",
            "</Directory>",
            "<Location /dav/>",
            "  Dav On",
            "  AuthType Basic",
            '  AuthName "Incident Composer test"',
            f'  AuthUserFile "{root}/htpasswd"',
            "  Require valid-user",
            "  DirectoryIndex disabled",  # else PROPFIND on a folder with an index.html answers 405
            "</Location>",
            "Redirect 301 /moved/ https://127.0.0.1:9/elsewhere/",  # a folder that moved to another host
            "<Location /site/>",
            "  Require all granted",
            "  DirectoryIndex index.html",
            "</Location>",
            "",
        ]
        config.write_text("\n".join(lines))
        with (root / "stderr.log").open("wb") as stderr:  # the child keeps its own copy of the file
            return subprocess.Popen(
                [APACHE, "-f", str(config), "-DFOREGROUND"],
                stdin=subprocess.DEVNULL,
                stdout=subprocess.DEVNULL,
                stderr=stderr,
                env={"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "LANG": "C"},
            )

    def _greets(self, probe: socket.socket) -> bool:
        probe.sendall(b"HEAD /site/ HTTP/1.0\r\n\r\n")
        return probe.recv(5) == b"HTTP/"

    def _log(self) -> str:
        if self.folder is None:
            return ""
        text = ""
        for name in ("stderr.log", "error.log"):
            with suppress(OSError):
                text += (self.folder / name).read_text(errors="replace")
        return text or "(no log)"

    def _cleanup(self) -> None:
        for folder in list(self._folders):
            self.remove_folder(folder)
        if self.folder is not None:
            shutil.rmtree(self.folder, ignore_errors=True)
            self.folder = None

    # --- folders for tests -----------------------------------------------------------------------

    def new_folder(self, label: str = "site", *, disk_bytes: int = 0) -> DavFolder:
        """An empty folder of its own, Apache's user's; on a tmpfs of `disk_bytes` (root only) if given."""
        name = f"{label}-{next(_names)}"
        path = self.site / name
        path.mkdir()
        folder = DavFolder(name, path, f"{self.url}/dav/{quote(name)}/", f"{self.url}/site/{quote(name)}/")
        self._folders.append(folder)
        if disk_bytes:
            if not IS_ROOT:
                raise PeerError("a small disk (tmpfs) needs root")
            subprocess.run(
                ["mount", "-t", "tmpfs", "-o", f"size={disk_bytes},mode=0755", "ic-full-disk", str(path)],
                check=True,
                capture_output=True,
                timeout=60,
            )
            folder.mounted = True
        os.chown(path, self._owner.pw_uid, self._owner.pw_gid)
        return folder

    def remove_folder(self, folder: DavFolder) -> None:
        for path in [folder.path, *(p for p in folder.path.rglob("*") if p.is_dir())]:
            with suppress(OSError):
                path.chmod(0o755)
        if folder.mounted:
            subprocess.run(["umount", str(folder.path)], capture_output=True, timeout=60, check=False)
            folder.mounted = False
        shutil.rmtree(folder.path, ignore_errors=True)
        if folder in self._folders:
            self._folders.remove(folder)


@pytest.fixture(scope="session", name="webdav_server")
def webdav_server_fixture() -> Iterator[WebDavPeer]:
    """`webdav_server`: one Apache with mod_dav for the whole session; tests take folders of their own."""
    peer = start_peer("WebDAV (Apache, mod_dav)", WebDavPeer().start)
    try:
        yield peer
    finally:
        peer.stop()


@pytest.fixture(name="dav_folder")
def dav_folder_fixture(webdav_server) -> Iterator[DavFolder]:
    """An empty folder on the WebDAV server for one test, removed after it."""
    folder = webdav_server.new_folder()
    try:
        yield folder
    finally:
        webdav_server.remove_folder(folder)


if __name__ == "__main__":  # a quick manual check: start, print, stop
    started = time.monotonic()
    with WebDavPeer() as running:
        made = running.new_folder()
        print(made.dav_url, made.public_url, f"{time.monotonic() - started:.2f} s")
