# SPDX-License-Identifier: GPL-3.0-or-later
"""The site hosts against real servers on 127.0.0.1: OpenSSH's sshd (SFTP) and Apache's mod_dav
(WebDAV). Every upload is read back over plain HTTP, as a visitor reads it: for SFTP a throwaway
`http.server` serves the uploaded folder, for WebDAV Apache serves the same folder without a login.

Hostile cases are real too: a folder the login user may not write (chmod), a full disk (a small
tmpfs), a server restarted with another host key, wrong keys and passwords.
"""

from __future__ import annotations

import functools
import hashlib
import http.server
import json
import os
import re
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import replace
from pathlib import Path

import pytest
import requests
from openssh_peer import (  # noqa: F401  (the fixtures `ssh_keys`, `sftp_server`)
    CLIENT_PASSPHRASE,
    IS_ROOT,
    PASSWORD_LOGIN,
    OpenSshPeer,
    SshKeys,
    fingerprint,
    running,
    sftp_server_fixture,
    ssh_keys_fixture,
)
from webdav_peer import (  # noqa: F401  (the fixtures `webdav_server`, `dav_folder`)
    DavFolder,
    WebDavPeer,
    dav_folder_fixture,
    webdav_server_fixture,
)

from composer.publishers import sftp_host, webdav_host
from composer.publishers.base import AuthRejected, Cancelled, NetworkError, NotFound, PublishError, Rejected
from composer.publishers.sftp_host import (
    HostKeyChanged,
    SftpLogin,
    SftpSettings,
    UnknownHostKey,
    normalise_fingerprint,
)
from composer.publishers.sitehost import (
    MANIFEST,
    is_temporary,
    manifest_bytes,
    parse_manifest,
    upload_order,
    upload_site,
)
from composer.publishers.webdav_host import WebDavSettings, folder_url

PAGES = ("incidents/1.html", "incidents/2.html", "feed.atom", "maintenance.ics", "index.html")


def site(version: int = 1, changes: dict[str, bytes] | None = None) -> dict[str, bytes]:
    """A small status site; `changes` replace or add files."""
    files = {
        "index.html": f"<!doctype html><title>Status</title><p>All systems: version {version}</p>".encode(),
        "incidents/1.html": b"<!doctype html><title>Incident 1</title><p>Resolved.</p>",
        "incidents/2.html": "<!doctype html><title>Incident 2</title><p>Investigating — ça va.</p>".encode(),
        "feed.atom": b'<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"></feed>',
        "maintenance.ics": b"BEGIN:VCALENDAR\r\nVERSION:2.0\r\nEND:VCALENDAR\r\n",
    }
    files.update(changes or {})
    return files


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *_args) -> None:
        pass


@contextmanager
def served(folder: Path) -> Iterator[str]:
    """`folder` over plain HTTP on 127.0.0.1 (a throwaway http.server), as a web host would serve it."""
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(folder)))
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.02}, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(10)


def fetched(base_url: str, paths) -> dict[str, bytes]:
    """Each path as an HTTP GET reads it (the status must be 200)."""
    found = {}
    for path in paths:
        response = requests.get(base_url + path, timeout=10)
        assert response.status_code == 200, (path, response.status_code)
        found[path] = response.content
    return found


def assert_one_line(error: BaseException, *secrets: str) -> str:
    text = str(error)
    assert "\n" not in text and "127.0.0.1" in text, text
    for secret in secrets:
        assert secret not in text, text
    return text


def leftovers(files: dict[str, bytes]) -> list[str]:
    return [path for path in files if is_temporary(path.rsplit("/", 1)[-1])]


# --- the shared part -------------------------------------------------------------------------------


def test_pages_go_first_the_index_then_the_manifest_last():
    assert upload_order(["index.html", "feed.atom", "incidents/9.html", "logo.svg", "maintenance.ics"]) == [
        "logo.svg",
        "incidents/9.html",
        "feed.atom",
        "maintenance.ics",
        "index.html",
    ]


def test_a_corrupt_or_foreign_manifest_means_send_everything():
    good = manifest_bytes({"index.html": "a" * 64})
    assert parse_manifest(good) == {"index.html": "a" * 64}
    for bad in (None, b"", b"{", b"[]", b'{"version": 2, "files": {}}', good.replace(b'"a', b'"z'), b"\xff"):
        assert parse_manifest(bad) == {}
    assert parse_manifest(manifest_bytes({"../etc/passwd": "a" * 64})) == {}


def test_fingerprints_are_read_as_openssh_prints_them(ssh_keys: SshKeys):
    expected = fingerprint(ssh_keys.host.with_suffix(".pub"))
    line = f"256 {expected} host (ED25519)"
    assert normalise_fingerprint(line) == expected
    assert normalise_fingerprint(expected + "=") == expected
    with pytest.raises(ValueError, match="not a host key fingerprint"):
        normalise_fingerprint("MD5:12:34")


def test_webdav_addresses_are_https_or_this_computer():
    assert folder_url("https://cloud.example.org/remote.php/dav/files/ana/status") == (
        "https://cloud.example.org/remote.php/dav/files/ana/status/"
    )
    assert folder_url("http://127.0.0.1:8080/dav/") == "http://127.0.0.1:8080/dav/"
    for bad, said in (
        ("http://dav.example.org/status/", "must use https"),
        ("https://ana:secret@dav.example.org/status/", "must not hold a user name or password"),
        ("ftp://dav.example.org/", "not a web address"),
        ("https://dav.example.org/x/?a=1", "not a web address"),
    ):
        with pytest.raises(PublishError, match=said) as raised:
            folder_url(bad)
        assert "secret" not in str(raised.value)


def test_account_settings_are_read_and_checked():
    settings = SftpSettings.from_account(
        {
            "host": "files.example.org",
            "port": "2222",
            "folder": "/srv/status",
            "username": "ana",
            "host_key": "256 SHA256:YC07ZHTxQWHJqDZtV46kqPLvxt0tbfIeK3PRwh6id0o host (ED25519)",
        }
    )
    assert (settings.address, settings.host_key) == (
        "files.example.org:2222",
        "SHA256:YC07ZHTxQWHJqDZtV46kqPLvxt0tbfIeK3PRwh6id0o",
    )
    assert SftpSettings.from_account({"host": "h", "username": "u"}).port == 22
    for bad, said in (
        ({"port": "99999"}, "not a port"),
        ({"host": "ana@h"}, "not a host"),
        ({"host_key": "x"}, "fingerprint"),
    ):
        with pytest.raises(PublishError, match=said):
            SftpSettings.from_account({"host": "h", "username": "u", **bad})
    assert "secret" not in repr(SftpLogin(key_file="k", passphrase="secret", password="secret"))
    dav_settings = WebDavSettings.from_account(
        {"url": "https://cloud.example.org/remote.php/dav/files/ana/status", "username": "ana"}
    )
    assert dav_settings.url.endswith("/status/") and dav_settings.timeout == webdav_host.DEFAULT_TIMEOUT


# --- SFTP --------------------------------------------------------------------------------------------


def sftp_settings(server: OpenSshPeer, keys: SshKeys, **overrides) -> SftpSettings:
    values = {
        "host": server.host,
        "port": server.port,
        "username": server.username,
        "folder": str(server.site),
        "host_key": fingerprint(keys.host.with_suffix(".pub")),
        "timeout": 20.0,
        **overrides,
    }
    return SftpSettings(**values)


def by_key(keys: SshKeys) -> SftpLogin:
    return SftpLogin(key_file=str(keys.client))


def test_sftp_uploads_a_site_that_http_reads_back_byte_for_byte(sftp_server: OpenSshPeer, ssh_keys: SshKeys):
    files = site(1)
    result = sftp_host.upload(sftp_settings(sftp_server, ssh_keys), by_key(ssh_keys), files)

    assert result.sent == (*PAGES, MANIFEST)  # pages, feeds, the index, the manifest last
    assert result.unchanged == 0 and result.bytes_sent > sum(map(len, files.values()))
    with served(sftp_server.site) as url:
        assert fetched(url, files) == files
        manifest = json.loads(fetched(url, [MANIFEST])[MANIFEST])
    assert manifest["files"] == {path: hashlib.sha256(data).hexdigest() for path, data in files.items()}
    assert leftovers(sftp_server.files()) == []


def test_sftp_sends_only_what_changed(sftp_server: OpenSshPeer, ssh_keys: SshKeys):
    settings, login = sftp_settings(sftp_server, ssh_keys), by_key(ssh_keys)
    sftp_host.upload(settings, login, site(1))

    changed = site(1, {"incidents/2.html": b"<!doctype html><p>Update 2: fixed.</p>"})
    again = sftp_host.upload(settings, login, changed)
    assert again.sent == ("incidents/2.html", MANIFEST) and again.files_sent == 2
    assert again.unchanged == len(changed) - 1

    assert sftp_host.upload(settings, login, changed).sent == ()  # nothing changed: nothing sent
    with served(sftp_server.site) as url:
        assert fetched(url, changed) == changed


def test_sftp_resends_a_file_someone_deleted_and_ignores_a_corrupt_manifest(sftp_server, ssh_keys):
    settings, login = sftp_settings(sftp_server, ssh_keys), by_key(ssh_keys)
    sftp_host.upload(settings, login, site(1))
    (sftp_server.site / "feed.atom").unlink()
    assert sftp_host.upload(settings, login, site(1)).sent == ("feed.atom", MANIFEST)

    (sftp_server.site / MANIFEST).write_bytes(b"{ not json")
    assert sftp_host.upload(settings, login, site(1)).sent == (*PAGES, MANIFEST)


def test_sftp_deletes_pages_the_new_site_lacks_after_the_manifest_and_nothing_else(sftp_server, ssh_keys):
    settings, login = sftp_settings(sftp_server, ssh_keys), by_key(ssh_keys)
    sftp_host.upload(settings, login, site(1))
    (sftp_server.site / "robots.txt").write_text("User-agent: *\n")  # the owner's, not ours
    smaller = site(2)
    del smaller["incidents/1.html"]

    result = sftp_host.upload(settings, login, smaller)
    assert result.sent == ("index.html", MANIFEST) and result.deleted == ("incidents/1.html",)
    on_server = sftp_server.files()
    assert "incidents/1.html" not in on_server and on_server["robots.txt"] == b"User-agent: *\n"
    assert parse_manifest(on_server[MANIFEST]).keys() == smaller.keys()


def test_sftp_first_connection_shows_the_host_key_fingerprint_and_sends_nothing(sftp_server, ssh_keys):
    settings = sftp_settings(sftp_server, ssh_keys, host_key="")
    with pytest.raises(UnknownHostKey) as raised:
        sftp_host.upload(settings, by_key(ssh_keys), site(1))

    expected = fingerprint(ssh_keys.host.with_suffix(".pub"))  # `ssh-keygen -lf host.pub`
    assert raised.value.fingerprint == expected and raised.value.key_type == "ssh-ed25519"
    assert (raised.value.host, raised.value.port) == ("127.0.0.1", sftp_server.port)
    assert expected in assert_one_line(raised.value)
    assert sftp_server.files() == {}
    assert "Accepted" not in sftp_server.log() and "Failed" not in sftp_server.log()  # never logged in

    # What the app keeps once the user confirmed it:
    pinned = replace(settings, host_key=raised.value.fingerprint, host_key_type=raised.value.key_type)
    assert sftp_host.upload(pinned, by_key(ssh_keys), site(1)).files_sent == len(PAGES) + 1


def test_sftp_pinned_key_type_is_asked_for_first_on_a_server_with_several_keys(ssh_keys: SshKeys):
    with running(OpenSshPeer(ssh_keys, host_keys=(ssh_keys.host, ssh_keys.host_rsa))) as server:
        rsa = fingerprint(ssh_keys.host_rsa.with_suffix(".pub"))
        pinned = sftp_settings(server, ssh_keys, host_key=rsa, host_key_type="ssh-rsa")
        assert sftp_host.upload(pinned, by_key(ssh_keys), site(1)).files_sent == len(PAGES) + 1
        # Without the type paramiko asks for Ed25519 first: the pinned RSA key is not what it sees.
        with pytest.raises(HostKeyChanged):
            sftp_host.upload(replace(pinned, host_key_type=""), by_key(ssh_keys), site(1))


def test_sftp_refuses_a_changed_host_key_before_logging_in(ssh_keys: SshKeys):
    # The same address, restarted with another host key: what a man in the middle would look like.
    with running(OpenSshPeer(ssh_keys, host_keys=(ssh_keys.other_host,))) as server:
        pinned = fingerprint(ssh_keys.host.with_suffix(".pub"))
        now = fingerprint(ssh_keys.other_host.with_suffix(".pub"))
        login = SftpLogin(password=server.password) if server.password else by_key(ssh_keys)
        with pytest.raises(HostKeyChanged) as raised:
            sftp_host.upload(sftp_settings(server, ssh_keys, host_key=pinned), login, site(1))
        text = assert_one_line(raised.value, *([login.password] if login.password else []))
        assert text.startswith(f"The host key of 127.0.0.1:{server.port} changed (was {pinned}, now {now})")
        assert "refusing to upload" in text
        assert (raised.value.expected, raised.value.fingerprint) == (pinned, now)
        assert server.files() == {}
        assert "Accepted" not in server.log() and "Failed" not in server.log()  # the password never went


@pytest.mark.skipif(
    not PASSWORD_LOGIN,
    reason="the test login user gets a password only as root, in a private mount namespace (refused in a chroot)",
)
def test_sftp_logs_in_with_a_password_and_refuses_a_wrong_one(sftp_server, ssh_keys):
    settings = sftp_settings(sftp_server, ssh_keys)
    assert sftp_host.upload(settings, SftpLogin(password=sftp_server.password), site(1)).files_sent == 6

    with pytest.raises(AuthRejected) as raised:
        sftp_host.upload(settings, SftpLogin(password="wrong-Passw0rd-xyz"), site(2))
    assert "refused the user name or password" in assert_one_line(raised.value, "wrong-Passw0rd-xyz")


def test_sftp_keys_ecdsa_with_passphrase_rsa_and_wrong_ones(sftp_server, ssh_keys):
    settings = sftp_settings(sftp_server, ssh_keys)
    ecdsa = SftpLogin(key_file=str(ssh_keys.client_ecdsa), passphrase=CLIENT_PASSPHRASE)
    assert sftp_host.upload(settings, ecdsa, site(1)).files_sent == 6
    assert sftp_host.upload(settings, SftpLogin(key_file=str(ssh_keys.client_rsa)), site(2)).sent == (
        "index.html",
        MANIFEST,
    )

    cases = (
        (SftpLogin(key_file=str(ssh_keys.stranger)), AuthRejected, "refused the user name or key"),
        (SftpLogin(key_file=str(ssh_keys.client_ecdsa)), AuthRejected, "protected by a passphrase"),
        (SftpLogin(key_file=str(ssh_keys.client_ecdsa), passphrase="not it"), AuthRejected, "does not open"),
        (SftpLogin(key_file=str(ssh_keys.host.with_suffix(".pub"))), PublishError, "not a private key"),
    )
    for login, kind, said in cases:
        with pytest.raises(kind, match=said) as raised:
            sftp_host.upload(settings, login, site(3))
        assert "\n" not in str(raised.value) and "not it" not in str(raised.value)
    assert parse_manifest(sftp_server.files()[MANIFEST]) == parse_manifest(manifest_bytes_of(site(2)))


def manifest_bytes_of(files: dict[str, bytes]) -> bytes:
    return manifest_bytes({path: hashlib.sha256(data).hexdigest() for path, data in files.items()})


def test_sftp_read_only_folder_is_rejected_and_the_old_page_stays(sftp_server, ssh_keys):
    settings, login = sftp_settings(sftp_server, ssh_keys), by_key(ssh_keys)
    sftp_host.upload(settings, login, site(1))
    newer = site(2, {"incidents/3.html": b"<p>Incident 3</p>"})

    with sftp_server.read_only(), pytest.raises(Rejected) as raised:
        sftp_host.upload(settings, login, newer)
    text = assert_one_line(raised.value)
    assert "permission denied" in text and "the page still shows the previous version" in text
    with served(sftp_server.site) as url:
        assert fetched(url, site(1)) == site(1)  # the old index, whole
    assert leftovers(sftp_server.files()) == []

    retried = sftp_host.upload(settings, login, newer)  # the folder is writable again
    assert retried.sent == ("incidents/3.html", "index.html", MANIFEST)
    with served(sftp_server.site) as url:
        assert fetched(url, newer) == newer


def test_sftp_full_disk_is_rejected_the_old_page_stays_and_a_retry_sends_the_rest(ssh_keys: SshKeys):
    if not IS_ROOT:
        pytest.skip("a full disk is a small tmpfs, and mounting one needs root")
    with running(OpenSshPeer(ssh_keys, disk_bytes=64 * 1024), "OpenSSH (sshd, small disk)") as server:
        settings, login = sftp_settings(server, ssh_keys), by_key(ssh_keys)
        sftp_host.upload(settings, login, site(1))  # 6 small files: 6 pages of 4 KB
        filler = server.site / "filler.bin"  # the rest of the disk, but 8 KB
        free = os.statvfs(server.site).f_bavail * os.statvfs(server.site).f_frsize
        filler.write_bytes(b"\0" * (free - 8 * 1024))
        newer = site(2, {"incidents/1.html": b"<p>Resolved, with a postmortem.</p>", "incidents/3.html": b"x" * 20_000})

        with pytest.raises(Rejected) as raised:
            sftp_host.upload(settings, login, newer)
        text = assert_one_line(raised.value)
        assert "incidents/3.html" in text and "disk may be full" in text
        before = site(1) | {"incidents/1.html": newer["incidents/1.html"]}  # sent before the disk filled up
        with served(server.site) as url:
            assert fetched(url, before) == before  # the old index, whole
        assert leftovers(server.files()) == []  # the half-written temporary file is gone

        filler.unlink()  # the user frees some space
        retried = sftp_host.upload(settings, login, newer)
        assert retried.sent == ("incidents/1.html", "incidents/3.html", "index.html", MANIFEST)
        with served(server.site) as url:
            assert fetched(url, newer) == newer


def test_sftp_removes_temporary_files_an_interrupted_upload_left(sftp_server, ssh_keys):
    settings, login = sftp_settings(sftp_server, ssh_keys), by_key(ssh_keys)
    sftp_host.upload(settings, login, site(1))
    for path in (".index.html.part-0123456789ab", "incidents/.2.html.part-ba9876543210", ".mine.part-x"):
        (sftp_server.site / path).write_bytes(b"half a file")

    result = sftp_host.upload(settings, login, site(1))
    assert sorted(result.cleaned) == [".index.html.part-0123456789ab", "incidents/.2.html.part-ba9876543210"]
    assert result.sent == ()
    assert sorted(sftp_server.files()) == sorted([*site(1), MANIFEST, ".mine.part-x"])  # not ours: left


def test_sftp_cancelled_half_way_keeps_the_old_index_and_manifest(sftp_server, ssh_keys):
    settings, login = sftp_settings(sftp_server, ssh_keys), by_key(ssh_keys)
    sftp_host.upload(settings, login, site(1))
    newer = site(2, {"incidents/1.html": b"<p>1 again</p>", "incidents/2.html": b"<p>2 again</p>"})
    cancel = threading.Event()

    def report(_fraction: float, text: str) -> None:
        if text == "Sending incidents/2.html":  # the first page is sent: stop before the second
            cancel.set()

    with pytest.raises(Cancelled, match="still shows the previous version"):
        sftp_host.upload(settings, login, newer, report=report, cancel=cancel)
    on_server = sftp_server.files()
    assert on_server["incidents/1.html"] == newer["incidents/1.html"]
    assert on_server["index.html"] == site(1)["index.html"] and on_server[MANIFEST] == manifest_bytes_of(site(1))
    retried = sftp_host.upload(settings, login, newer)
    assert retried.sent == ("incidents/1.html", "incidents/2.html", "index.html", MANIFEST)


def test_sftp_connection_lost_half_way_is_a_network_error_and_the_retry_completes(sftp_server, ssh_keys):
    settings, login = sftp_settings(sftp_server, ssh_keys), by_key(ssh_keys)
    sftp_host.upload(settings, login, site(1))
    newer = site(2, {"incidents/1.html": b"<p>1 again</p>", "incidents/2.html": b"<p>2 again</p>"})
    with sftp_host.connect(settings, login) as host:

        def report(_fraction: float, text: str) -> None:
            if text == "Sending incidents/2.html":
                host._transport.close()  # the line drops between two files

        with pytest.raises(NetworkError, match=r"connection to 127\.0\.0\.1:\d+ was lost") as raised:
            upload_site(host, newer, report=report)
    assert raised.value.retryable and "the page still shows the previous version" in assert_one_line(raised.value)
    assert sftp_server.files()["index.html"] == site(1)["index.html"]
    assert sftp_host.upload(settings, login, newer).sent == (
        "incidents/1.html",
        "incidents/2.html",
        "index.html",
        MANIFEST,
    )


def test_sftp_missing_folder_is_not_created_and_a_closed_port_is_a_network_error(sftp_server, ssh_keys, closed_port):
    missing = sftp_settings(sftp_server, ssh_keys, folder=str(sftp_server.site / "typo"))
    with pytest.raises(NotFound, match="does not exist"):
        sftp_host.upload(missing, by_key(ssh_keys), site(1))
    assert sftp_server.files() == {}

    with pytest.raises(NetworkError, match="refused the connection") as raised:
        sftp_host.upload(sftp_settings(sftp_server, ssh_keys, port=closed_port), by_key(ssh_keys), site(1))
    assert_one_line(raised.value)


def test_sftp_connection_check_describes_the_folder(sftp_server, ssh_keys):
    settings, login = sftp_settings(sftp_server, ssh_keys), by_key(ssh_keys)
    assert "no status page yet" in sftp_host.check_connection(settings, login)
    sftp_host.upload(settings, login, site(1))
    assert "status page of 5 files" in sftp_host.check_connection(settings, login)


# --- WebDAV ------------------------------------------------------------------------------------------


def dav(server: WebDavPeer, folder: DavFolder, **overrides) -> WebDavSettings:
    return WebDavSettings(**{"url": folder.dav_url, "username": server.username, "timeout": 20.0, **overrides})


def test_webdav_uploads_a_site_that_http_reads_back_byte_for_byte(webdav_server, dav_folder):
    files = site(1)
    files["incidents/état du service.html"] = b"<p>Estat del servei</p>"  # quoted in URLs
    result = webdav_host.upload(dav(webdav_server, dav_folder), webdav_server.password, files)

    assert result.sent[-2:] == ("index.html", MANIFEST) and len(result.sent) == len(files) + 1
    assert fetched(dav_folder.public_url, files) == files  # Apache, plain GET, no login
    assert parse_manifest(fetched(dav_folder.public_url, [MANIFEST])[MANIFEST]) == parse_manifest(
        manifest_bytes_of(files)
    )
    assert leftovers(dav_folder.files()) == []


def test_webdav_sends_only_what_changed(webdav_server, dav_folder):
    settings = dav(webdav_server, dav_folder)
    webdav_host.upload(settings, webdav_server.password, site(1))
    changed = site(1, {"incidents/2.html": b"<p>Update 2: fixed.</p>"})

    again = webdav_host.upload(settings, webdav_server.password, changed)
    assert again.sent == ("incidents/2.html", MANIFEST) and again.unchanged == len(changed) - 1
    assert webdav_host.upload(settings, webdav_server.password, changed).sent == ()
    assert fetched(dav_folder.public_url, changed) == changed


def test_webdav_wrong_password_is_rejected_without_showing_it(webdav_server, dav_folder):
    with pytest.raises(AuthRejected, match="HTTP 401") as raised:
        webdav_host.upload(dav(webdav_server, dav_folder), "wrong-dav-Passw0rd", site(1))
    assert_one_line(raised.value, "wrong-dav-Passw0rd", webdav_server.password)
    assert dav_folder.files() == {}


def test_webdav_read_only_folder_is_rejected_and_the_old_page_stays(webdav_server, dav_folder):
    settings, password = dav(webdav_server, dav_folder), webdav_server.password
    webdav_host.upload(settings, password, site(1))
    newer = site(2, {"incidents/3.html": b"<p>Incident 3</p>"})

    with dav_folder.read_only(), pytest.raises(Rejected) as raised:
        webdav_host.upload(settings, password, newer)
    text = assert_one_line(raised.value, password)
    assert "incidents/3.html" in text and "the page still shows the previous version" in text
    assert fetched(dav_folder.public_url, site(1)) == site(1)
    assert leftovers(dav_folder.files()) == []

    retried = webdav_host.upload(settings, password, newer)
    assert retried.sent == ("incidents/3.html", "index.html", MANIFEST)
    assert fetched(dav_folder.public_url, newer) == newer


def test_webdav_full_disk_is_rejected_the_old_page_stays_and_a_retry_sends_the_rest(webdav_server):
    if not IS_ROOT:
        pytest.skip("a full disk is a small tmpfs, and mounting one needs root")
    folder = webdav_server.new_folder("small-disk", disk_bytes=64 * 1024)
    try:
        settings, password = dav(webdav_server, folder), webdav_server.password
        webdav_host.upload(settings, password, site(1))
        filler = folder.path / "filler.bin"
        free = os.statvfs(folder.path).f_bavail * os.statvfs(folder.path).f_frsize
        filler.write_bytes(b"\0" * (free - 8 * 1024))
        newer = site(2, {"incidents/3.html": b"x" * 20_000})

        with pytest.raises(Rejected, match="HTTP 507") as raised:
            webdav_host.upload(settings, password, newer)
        assert "incidents/3.html" in assert_one_line(raised.value, password)
        assert fetched(folder.public_url, site(1)) == site(1)
        assert leftovers(folder.files()) == []

        filler.unlink()
        assert webdav_host.upload(settings, password, newer).sent == ("incidents/3.html", "index.html", MANIFEST)
        assert fetched(folder.public_url, newer) == newer
    finally:
        webdav_server.remove_folder(folder)


def test_webdav_removes_temporary_files_an_interrupted_upload_left(webdav_server, dav_folder):
    settings = dav(webdav_server, dav_folder)
    webdav_host.upload(settings, webdav_server.password, site(1))
    (dav_folder.path / ".index.html.part-0123456789ab").write_bytes(b"half")
    (dav_folder.path / "incidents" / ".1.html.part-ba9876543210").write_bytes(b"half")

    result = webdav_host.upload(settings, webdav_server.password, site(1))
    assert sorted(result.cleaned) == [".index.html.part-0123456789ab", "incidents/.1.html.part-ba9876543210"]
    assert leftovers(dav_folder.files()) == []


def test_webdav_missing_folder_is_not_created(webdav_server, dav_folder):
    settings = dav(webdav_server, dav_folder, url=dav_folder.dav_url + "typo/")
    with pytest.raises(NotFound, match="does not exist"):
        webdav_host.upload(settings, webdav_server.password, site(1))
    assert dav_folder.files() == {} and list(dav_folder.path.iterdir()) == []


def test_webdav_redirect_is_not_followed_and_a_closed_port_is_a_network_error(webdav_server, closed_port):
    moved = WebDavSettings(url=f"{webdav_server.url}/moved/status/", username=webdav_server.username)
    with pytest.raises(
        NotFound, match=re.escape("answered 301, redirecting to https://127.0.0.1:9/elsewhere/status/")
    ) as raised:
        webdav_host.upload(moved, webdav_server.password, site(1))
    assert_one_line(raised.value, webdav_server.password)

    closed = WebDavSettings(url=f"http://127.0.0.1:{closed_port}/dav/", username="x", timeout=5)
    with pytest.raises(NetworkError, match=re.escape("Could not connect to 127.0.0.1")) as raised:
        webdav_host.upload(closed, webdav_server.password, site(1))
    assert raised.value.retryable


def test_webdav_connection_check_describes_the_folder(webdav_server, dav_folder):
    settings = dav(webdav_server, dav_folder)
    assert "no status page yet" in webdav_host.check_connection(settings, webdav_server.password)
    webdav_host.upload(settings, webdav_server.password, site(1))
    assert "status page of 5 files" in webdav_host.check_connection(settings, webdav_server.password)
