# SPDX-License-Identifier: GPL-3.0-or-later
"""Issue 18 end to end: `accounts add sftp|webdav`, then `publish` an update, and read back over HTTP
what a reader of the independent host gets. A real OpenSSH server and a real Apache with mod_dav on
127.0.0.1 (openssh_peer.py, webdav_peer.py), the accounts' secrets in a real Secret Service, the
commands run as a user runs them (outbox_cli.Composer)."""

from __future__ import annotations

import re
from contextlib import suppress
from datetime import UTC
from pathlib import Path

import feedparser
import pytest
import requests
from icalendar import Calendar
from openssh_peer import (  # noqa: F401  (the fixtures `ssh_keys`, `sftp_server`)
    OpenSshPeer,
    fingerprint,
    running,
    sftp_server_fixture,
    ssh_keys_fixture,
)
from outbox_cli import Composer, KeyringSession, new_marker, update_file
from peers import start_peer
from test_site_hosts import fetched, served
from webdav_peer import dav_folder_fixture, webdav_server_fixture  # noqa: F401  (`webdav_server`, `dav_folder`)

from composer.core.interchange import read_update


@pytest.fixture(scope="module")
def keyring_env(tmp_path_factory):
    session = start_peer("Secret Service (dbus + gnome-keyring)", KeyringSession(tmp_path_factory.mktemp("kr")).start)
    yield session.env
    session.stop()


def incident_of(composer: Composer, marker: str) -> str:
    """The id of the incident whose title carries `marker` (`incidents list`)."""
    listing = composer.run("incidents", "list").stdout
    found = re.search(rf"^\s*(\d+)\s.*{marker}", listing, re.MULTILINE)
    assert found, listing
    return found.group(1)


ALTERNATE_PAGE = "https://contact.example-backup.org/"
BACKUP_EMAIL = "help@example-backup.org"


def set_organisation(composer: Composer) -> None:
    """The contacts that still work when our own site and mail are down, as a user sets them."""
    done = composer.run(
        "organisation", "set", "--name", "Example Hosting", "--alternate-contact-url", ALTERNATE_PAGE,
        "--backup-email", BACKUP_EMAIL, "--phone", "+34 930 000 000", "--timezone", "Europe/Madrid",
    )  # fmt: skip
    assert done.returncode == 0, done.stderr


def assert_reader_sees(base_url: str, marker: str, incident: str, update: Path, published: int) -> None:
    """What a reader of the host gets: the front page lists the open incident with its status, its
    next update time and the alternate contacts; its own page has the timeline; the feed (read by
    feedparser, as a feed reader does) has one entry per published update; the calendar parses."""
    got = fetched(base_url, ["index.html", f"incidents/{incident}.html", "feed.atom", "maintenance.ics"])
    front = got["index.html"].decode()
    assert marker in front and "Investigating" in front
    assert ALTERNATE_PAGE in front and BACKUP_EMAIL in front and "+34 930 000 000" in front
    next_update = read_update(update).next_update
    assert next_update is not None
    assert f'datetime="{next_update.astimezone(UTC).isoformat().replace("+00:00", "Z")}"' in front
    assert marker in got[f"incidents/{incident}.html"].decode()
    feed = feedparser.parse(got["feed.atom"])
    assert not feed.bozo, feed.bozo_exception
    assert len(feed.entries) == published and len({entry.id for entry in feed.entries}) == published
    assert any(marker in entry.title for entry in feed.entries)
    assert Calendar.from_ical(got["maintenance.ics"]).get("version") == "2.0"


def on_disk(folder: Path) -> dict[str, tuple[int, int]]:
    """Each file the server holds, as (inode, modification time): a file replaced by a rename changes both."""
    return {
        p.relative_to(folder).as_posix(): (p.stat().st_ino, p.stat().st_mtime_ns)
        for p in folder.rglob("*")
        if p.is_file()
    }


def test_sftp_account_pins_the_host_key_then_publish_puts_the_update_on_the_page(
    tmp_path, keyring_env, sftp_server, ssh_keys
):
    composer = Composer(keyring_env, tmp_path / "data")
    set_organisation(composer)
    settings = {
        "host": sftp_server.host,
        "port": str(sftp_server.port),
        "folder": str(sftp_server.site),
        "username": sftp_server.username,
        "key_file": str(ssh_keys.client),
    }
    options = [f"--{key.replace('_', '-')}={value}" for key, value in settings.items()]
    pinned = fingerprint(ssh_keys.host.with_suffix(".pub"))

    # Not on a terminal: the key is shown, nothing is saved until it is passed with --host-key.
    first = composer.run("accounts", "add", "sftp", "page", *options)
    assert first.returncode == 2, first.stderr
    assert pinned in first.stderr and "--host-key" in first.stderr and len(first.stderr.splitlines()) == 1
    assert "page" not in composer.run("accounts", "list").stdout
    # A wrong fingerprint is saved as given, and refused at the first upload, before logging in.
    wrong = fingerprint(ssh_keys.other_host.with_suffix(".pub"))
    assert composer.run("accounts", "add", "sftp", "page", *options, f"--host-key={wrong}").returncode == 0
    marker = new_marker("sftp")
    first_file = update_file(tmp_path, marker)  # written once: its times are those of this moment
    refused = composer.run("publish", str(first_file), "--to", "page")
    assert refused.returncode == 1 and "changed" in refused.stdout + refused.stderr
    assert "index.html" not in {p.name for p in sftp_server.site.iterdir()}

    assert composer.run("accounts", "add", "sftp", "page", *options, f"--host-key={pinned}").returncode == 0
    retried = composer.run("publish", str(first_file), "--to", "page")
    assert retried.returncode == 0, retried.stdout + retried.stderr
    incident = incident_of(composer, marker)

    with served(sftp_server.site) as url:
        assert_reader_sees(url, marker, incident, first_file, published=1)
        # A second incident's update: only what it changes goes (the index, its page, the feed, the manifest).
        before = on_disk(sftp_server.site)
        second = new_marker("second")
        done = composer.run("publish", str(update_file(tmp_path, second)), "--to", "page")
        assert done.returncode == 0, done.stdout + done.stderr
        got = fetched(url, ["index.html"])
        assert second in got["index.html"].decode() and marker in got["index.html"].decode()
    after = on_disk(sftp_server.site)
    replaced = {path for path in after if before.get(path) != after[path]}
    page = f"incidents/{incident_of(composer, second)}.html"
    assert replaced == {"index.html", page, "feed.atom", ".composer-manifest.json"}
    assert not [p for p in sftp_server.site.rglob("*") if ".part-" in p.name]


def test_webdav_account_then_publish_puts_the_update_on_the_page(tmp_path, keyring_env, webdav_server, dav_folder):
    composer = Composer(keyring_env, tmp_path / "data")
    set_organisation(composer)
    composer.add(
        "webdav",
        "nextcloud",
        {"url": dav_folder.dav_url, "username": webdav_server.username, "public_url": dav_folder.public_url},
        webdav_server.password,
    )
    marker = new_marker("webdav")
    file = update_file(tmp_path, marker)
    done = composer.run("publish", str(file), "--to", "nextcloud")
    assert done.returncode == 0, done.stdout + done.stderr
    incident = incident_of(composer, marker)
    assert_reader_sees(dav_folder.public_url, marker, incident, file, published=1)
    # Read back without credentials, as any reader: the page is public, the upload needed the password.
    assert requests.get(dav_folder.public_url + "index.html", timeout=10).status_code == 200
    assert dav_folder.public_url.rstrip("/") + "/index.html" in done.stdout  # the receipt links the page


def test_every_publish_updates_the_status_page_unless_told_not_to(tmp_path, keyring_env, webdav_server, dav_folder):
    composer = Composer(keyring_env, tmp_path / "data")
    mirror = webdav_server.new_folder("mirror")
    for name, folder in (("page", dav_folder), ("mirror", mirror)):
        settings = {"url": folder.dav_url, "username": webdav_server.username}
        composer.add("webdav", name, settings, webdav_server.password)
    first = new_marker("both")
    done = composer.run("publish", str(update_file(tmp_path, first)), "--to", "mirror")
    assert done.returncode == 0, done.stdout + done.stderr
    assert "The status page on page is updated too" in done.stdout
    assert first in requests.get(dav_folder.public_url + "index.html", timeout=10).text
    assert first in requests.get(mirror.public_url + "index.html", timeout=10).text

    only = new_marker("only")
    done = composer.run("publish", str(update_file(tmp_path, only)), "--to", "mirror", "--no-status-page")
    assert done.returncode == 0, done.stdout + done.stderr
    assert only in requests.get(mirror.public_url + "index.html", timeout=10).text
    assert only not in requests.get(dav_folder.public_url + "index.html", timeout=10).text


def test_a_full_remote_disk_keeps_the_old_page_and_the_job_can_be_retried(tmp_path, keyring_env, ssh_keys):
    """The host's disk fills up between two updates: the second publish fails in one line, readers
    still get the whole first page (never half of the second), and `outbox retry` then `outbox send`
    finish it."""
    with running(OpenSshPeer(ssh_keys, disk_bytes=1024 * 1024)) as server:
        composer = Composer(keyring_env, tmp_path / "data")
        set_organisation(composer)
        pinned = fingerprint(ssh_keys.host.with_suffix(".pub"))
        settings = {"host": server.host, "port": str(server.port), "folder": str(server.site)}
        settings |= {"username": server.username, "key_file": str(ssh_keys.client), "host_key": pinned}
        composer.add("sftp", "page", settings, None)
        first = new_marker("first")
        assert composer.run("publish", str(update_file(tmp_path, first)), "--to", "page").returncode == 0
        filler = server.site / "filler.bin"
        with suppress(OSError), filler.open("wb") as handle:  # fill the disk up to its last bytes
            while True:
                handle.write(b"\0" * 4096)
                handle.flush()
        second = new_marker("second")
        failed = composer.run("publish", str(update_file(tmp_path, second)), "--to", "page")
        assert failed.returncode == 1, failed.stdout + failed.stderr
        assert "full" in failed.stdout + failed.stderr
        with served(server.site) as url:
            front = fetched(url, ["index.html"])["index.html"].decode()
            assert first in front and second not in front and front.rstrip().endswith("</html>")
            filler.unlink()
            job = next(j for j in composer.jobs() if j["account"] == "page" and j["state"] == "failed")
            assert composer.run("outbox", "retry", str(job["id"])).returncode == 0  # due again
            sent = composer.run("outbox", "send")
            assert sent.returncode == 0, sent.stdout + sent.stderr
            front = fetched(url, ["index.html"])["index.html"].decode()
            assert first in front and second in front
        assert not [p for p in server.site.rglob("*") if ".part-" in p.name]
