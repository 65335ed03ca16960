# SPDX-License-Identifier: GPL-3.0-or-later
"""Putting a built static site onto a host of its own (SFTP, WebDAV): what every host shares.

A host (the `SiteHost` protocol: sftp_host.py, webdav_host.py) knows five things: list a folder,
read a file, make a folder, put a file, remove a file. `upload_site` does the rest, alike for all:

- It reads the remote manifest (`.composer-manifest.json`: each file's path and sha256, as the last
  upload left them) and lists the site's folders; it sends only the files whose hash differs, that
  the manifest does not know, or that are not there. A missing or unreadable manifest: everything.
- Atomic files. A host writes each file under a temporary name in the same folder
  (`.NAME.part-HEX`, see `temporary_name`) and renames it over the final name, so a reader gets
  the old file or the new one, never half of one. A failed write removes its temporary file; the
  temporaries an interrupted upload left are removed by the next one (`UploadResult.cleaned`).
- Order. Assets, then pages (incidents/*.html), then feeds and calendars, then `index.html`, then
  the manifest last. An upload that stops half way leaves the old index (the page readers land on)
  and the old manifest, which claims nothing the host lacks: the next upload sends what differs.
- Deleting. Files the previous manifest listed and the new site no longer has are deleted only
  after the new manifest is in place; a file that cannot be deleted is left (`UploadResult.kept`)
  and never blocks the upload. Files Incident Composer did not upload are never touched.

Errors are the publisher contract's (`base.py`): `NotFound` when the folder itself is missing (it is
never created: a typo must not make a site nobody looks at), and whatever the host raises. Pure
Python, no Qt, no network here.
"""

from __future__ import annotations

import hashlib
import json
import posixpath
import re
import secrets
import threading
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Protocol

from composer.core.i18n import _, ngettext
from composer.publishers.base import Cancelled, NotFound, PublishError, Report, no_report

MANIFEST = ".composer-manifest.json"
MANIFEST_VERSION = 1
_TEMPORARY = re.compile(r"\..+\.part-[0-9a-f]{12}")
_FEEDS = (".atom", ".rss", ".xml", ".ics", ".json", ".txt")
_MAX_PATH = 400  # characters; a site path longer than this is a builder's bug


class SiteHost(Protocol):
    """A place a site is uploaded to. Paths are relative to the site's folder, POSIX style
    ("incidents/1.html"); "" is the site's folder itself. Every method raises the contract's errors."""

    @property
    def where(self) -> str:
        """The host and folder, for messages (never a secret)."""
        ...

    def list_folder(self, folder: str) -> set[str] | None:
        """The names of the files (not folders) in `folder`; None when the folder does not exist."""
        ...

    def read_file(self, path: str) -> bytes | None:
        """The file's bytes; None when there is no such file."""
        ...

    def make_folder(self, folder: str) -> None:
        """Create `folder`, whose parent exists; one that already exists is fine."""
        ...

    def put_file(self, path: str, data: bytes) -> None:
        """Write the file atomically: to `temporary_name(path)`, then renamed over `path`."""
        ...

    def remove_file(self, path: str) -> None:
        """Delete the file; one that is already gone is fine."""
        ...


@dataclass(frozen=True)
class UploadResult:
    """What an upload did. `sent` is in the order sent, the manifest last when it was written."""

    where: str
    sent: tuple[str, ...]
    unchanged: int  # files of the site that were already there, the same
    bytes_sent: int
    deleted: tuple[str, ...] = ()  # the previous site's files the new one no longer has
    kept: tuple[str, ...] = ()  # such files that could not be deleted (left in place)
    cleaned: tuple[str, ...] = ()  # temporary files an earlier, interrupted upload had left

    @property
    def files_sent(self) -> int:
        """How many files went over the wire, the manifest included (the benchmark's count)."""
        return len(self.sent)

    def summary(self) -> str:
        """One line for the user."""
        if not self.sent and not self.deleted:
            return ngettext(
                "{where} already has this version of the page ({count} file).",
                "{where} already has this version of the page ({count} files).",
                self.unchanged,
            ).format(where=self.where, count=self.unchanged)
        pages = [path for path in self.sent if path != MANIFEST]
        text = ngettext("Sent {count} changed file to {where}", "Sent {count} changed files to {where}", len(pages))
        text = text.format(count=len(pages), where=self.where)
        if self.deleted:
            text += _(", deleted {count}").format(count=len(self.deleted))
        return text + _("; {count} unchanged.").format(count=self.unchanged)


def temporary_name(path: str) -> str:
    """Where `path` is written before it is renamed: a hidden name in the same folder, unique."""
    folder, name = posixpath.split(path)
    return posixpath.join(folder, f".{name}.part-{secrets.token_hex(6)}")


def is_temporary(name: str) -> bool:
    """Whether a file name is one of `temporary_name`'s (a leftover when an upload is not running)."""
    return _TEMPORARY.fullmatch(name) is not None


def digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def manifest_bytes(hashes: Mapping[str, str]) -> bytes:
    """The manifest for a site whose files have these sha256 hashes."""
    document = {"generator": "Incident Composer", "version": MANIFEST_VERSION, "files": dict(sorted(hashes.items()))}
    return (json.dumps(document, indent=0, ensure_ascii=False) + "\n").encode()


def parse_manifest(data: bytes | None) -> dict[str, str]:
    """Path -> sha256 from a manifest's bytes; empty for none, or for one that cannot be read."""
    if not data:
        return {}
    try:
        document = json.loads(data)
    except ValueError:  # also UnicodeDecodeError
        return {}
    if not isinstance(document, dict) or document.get("version") != MANIFEST_VERSION:
        return {}
    files = document.get("files")
    if not isinstance(files, dict):
        return {}
    hashes: dict[str, str] = {}
    for path, value in files.items():
        if not isinstance(value, str) or not re.fullmatch(r"[0-9a-f]{64}", value) or _bad_path(path):
            return {}  # one wrong entry: the whole manifest is not to be trusted
        hashes[path] = value
    return hashes


def _bad_path(path: object) -> str:
    """Why `path` cannot be a file of a site ("" when it can)."""
    if not isinstance(path, str) or not path:
        return _("an empty or non-text path")
    if len(path) > _MAX_PATH:
        return _("a path too long")
    if path.startswith("/") or "\\" in path or any(ord(character) < 32 or character == "\x7f" for character in path):
        return _("an absolute path, a backslash or a control character")
    parts = path.split("/")
    if any(part in ("", ".", "..") for part in parts):
        return _("an empty, . or .. part")
    if path == MANIFEST or is_temporary(parts[-1]):
        return _("a name the upload itself uses")
    return ""


def check_site(files: Mapping[str, bytes]) -> None:
    """Raise PublishError when a path of the site cannot be uploaded as it is (a site builder's bug)."""
    for path, data in files.items():
        problem = _bad_path(path)
        if not problem and not isinstance(data, bytes):
            problem = _("contents that are not bytes")
        if problem:
            raise PublishError(
                _("The status page has a file that cannot be uploaded ({problem}): {path!r}.").format(
                    problem=problem, path=path
                )
            )
    folders = {parent for path in files for parent in _parents(path)}
    clash = sorted(folders & set(files))
    if clash:
        raise PublishError(_("The status page has {clash!r} both as a file and as a folder.").format(clash=clash[0]))


def _parents(path: str) -> list[str]:
    """The folders above `path`, outermost first, without the site's folder ("")."""
    parts = path.split("/")[:-1]
    return ["/".join(parts[: end + 1]) for end in range(len(parts))]


def upload_order(paths: list[str]) -> list[str]:
    """Assets first, then pages, then feeds and calendars, then the top `index.html` (the manifest
    comes after all of them): every file a page links to is there before the page, and the page
    readers land on changes only once everything it links to is in place."""

    def rank(path: str) -> tuple[int, int, str]:
        if path == "index.html":
            return 3, 0, path
        if path.endswith((".html", ".htm")):
            return 1, -path.count("/"), path  # deeper pages first: index pages link down
        if path.endswith(_FEEDS):
            return 2, 0, path
        return 0, 0, path

    return sorted(paths, key=rank)


def upload_site(
    host: SiteHost,
    files: Mapping[str, bytes],
    *,
    report: Report | None = None,
    cancel: threading.Event | None = None,
) -> UploadResult:
    """Bring the site on `host` to `files` (path -> bytes), sending only what changed. See the module."""
    report = report or no_report
    check_site(files)
    hashes = {path: digest(data) for path, data in files.items()}
    report(0.0, _("Looking at {where}").format(where=host.where))
    previous = parse_manifest(host.read_file(MANIFEST))
    folders = sorted({"", *(parent for path in files for parent in _parents(path))}, key=lambda f: (f.count("/"), f))
    present: dict[str, set[str]] = {}
    cleaned: list[str] = []
    for folder in folders:
        if folder and posixpath.dirname(folder) not in present:
            continue  # its parent is missing: so is it
        names = host.list_folder(folder)
        if names is None:
            if not folder:
                raise NotFound(
                    _(
                        "The folder {where} does not exist. Create it on the server, or correct the account's "
                        "folder; nothing was sent."
                    ).format(where=host.where)
                )
            continue
        present[folder] = names
        for name in sorted(names):
            if is_temporary(name):
                leftover = posixpath.join(folder, name)
                try:
                    host.remove_file(leftover)
                except PublishError:
                    continue  # another try next time; it is hidden and harms nobody
                cleaned.append(leftover)

    def there(path: str) -> bool:
        folder, name = posixpath.split(path)
        return name in present.get(folder, set())

    to_send = upload_order([path for path in files if previous.get(path) != hashes[path] or not there(path)])
    new_manifest = manifest_bytes(hashes)
    write_manifest = bool(to_send) or previous != hashes or not there(MANIFEST)
    total = len(to_send) + (1 if write_manifest else 0)
    sent: list[str] = []
    sent_bytes = 0
    try:
        for folder in folders:
            if folder not in present and any(path.startswith(folder + "/") for path in to_send):
                host.make_folder(folder)
                present[folder] = set()
        for path in to_send:
            if cancel is not None and cancel.is_set():
                raise Cancelled(  # always before index.html, the last page: readers still see the old one
                    _(
                        "Stopped after sending {count} of {total} files to {where}; the page there still shows "
                        "the previous version, and uploading again sends the rest."
                    ).format(count=len(sent), total=total, where=host.where)
                )
            report(len(sent) / max(total, 1), _("Sending {path}").format(path=path))
            host.put_file(path, files[path])
            sent.append(path)
            sent_bytes += len(files[path])
        if write_manifest:
            report(len(sent) / max(total, 1), _("Sending the manifest"))
            host.put_file(MANIFEST, new_manifest)
            sent.append(MANIFEST)
            sent_bytes += len(new_manifest)
    except PublishError as error:
        _explain(error, sent, to_send)
        raise
    deleted: list[str] = []
    kept: list[str] = []
    for path in sorted(set(previous) - set(hashes)):
        try:
            host.remove_file(path)
        except PublishError:
            kept.append(path)
        else:
            deleted.append(path)
    report(1.0, _("Uploaded to {where}").format(where=host.where))
    return UploadResult(
        where=host.where,
        sent=tuple(sent),
        unchanged=len(files) - len(to_send),
        bytes_sent=sent_bytes,
        deleted=tuple(deleted),
        kept=tuple(kept),
        cleaned=tuple(cleaned),
    )


def _explain(error: PublishError, sent: list[str], to_send: list[str]) -> None:
    """Add to the error's message what readers now see and what trying again does."""
    if isinstance(error, Cancelled):
        return
    state = ""
    if "index.html" in to_send:
        state = (
            _("; the page shows the new version")
            if "index.html" in sent
            else _("; the page still shows the previous version")
        )
    done = _("{count} of {count2} changed files were sent{state}").format(
        count=len(sent), count2=len(to_send), state=state
    )
    text = str(error).rstrip()
    ending = "" if text.endswith(".") else "."
    error.args = (text + ending + " " + _("{done}; uploading again sends the rest.").format(done=done),)


def describe_folder(host: SiteHost) -> str:
    """One line saying the folder is there and what is in it (for an account's connection test)."""
    names = host.list_folder("")
    if names is None:
        raise NotFound(
            _("The folder {where} does not exist. Create it on the server, or correct the folder.").format(
                where=host.where
            )
        )
    if MANIFEST in names:
        known = len(parse_manifest(host.read_file(MANIFEST)))
        return _("Connected to {where}: it holds a status page of {known} files uploaded by Incident Composer.").format(
            where=host.where, known=known
        )
    return _("Connected to {where}: the folder is there ({count} files, no status page yet).").format(
        where=host.where, count=len(names)
    )
