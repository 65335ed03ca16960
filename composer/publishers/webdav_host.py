# SPDX-License-Identifier: GPL-3.0-or-later
"""A site host reached over WebDAV (requests): Apache's mod_dav, Nextcloud, ownCloud, a storage service.

The account's address is the folder itself, e.g. `https://cloud.example.org/remote.php/dav/files/ana/status/`
(Nextcloud) or `https://dav.example.org/status/`; https, or plain http only to this computer. It logs
in with HTTP Basic (a user name and a password or app password).

Each file is PUT to a temporary name in its folder, then MOVEd over the final name (`Overwrite: T`):
a reader gets the old file or the new one, never half of one. Missing folders are made with MKCOL,
folders listed with PROPFIND (Depth 1). Every request goes through `http_bounded` (a deadline for
the whole request, a size limit, never a redirect followed: the password stays with the account's
own address).

requests is imported when a request is made, not with this module.
"""

from __future__ import annotations

import posixpath
import threading
from collections.abc import Mapping
from contextlib import suppress
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any
from urllib.parse import quote, unquote, urlsplit, urlunsplit
from xml.etree import ElementTree

from composer.core.i18n import N_, _
from composer.publishers.base import (
    AuthRejected,
    NetworkError,
    NotFound,
    OutcomeUnknown,
    PublishError,
    RateLimited,
    Rejected,
    Report,
)
from composer.publishers.sitehost import UploadResult, temporary_name, upload_site
from composer.publishers.web import guarded, is_loopback, may_have_arrived, redirected, retry_after_header
from composer.publishers.web import timeout_seconds as parse_timeout

if TYPE_CHECKING:
    import requests

DEFAULT_TIMEOUT = 30.0
_DAV = "{DAV:}"
_PROPFIND = (
    b'<?xml version="1.0" encoding="utf-8"?>\n'
    b'<d:propfind xmlns:d="DAV:"><d:prop><d:resourcetype/></d:prop></d:propfind>\n'
)
_CHANGES = frozenset({"MOVE", "DELETE"})  # requests that change what readers see
_WRITES = frozenset({"PUT", "MOVE", "DELETE", "MKCOL"})


def folder_url(text: str) -> str:
    """The account's address as a folder URL ending in "/"; PublishError says what is wrong with it."""
    url = text.strip()
    try:
        parts = urlsplit(url)
        parts.port  # noqa: B018  (raises ValueError for a port that is not one)
    except ValueError:
        raise PublishError(_("The WebDAV address “{url}” is not a web address.").format(url=url)) from None
    if parts.scheme not in ("https", "http") or not parts.hostname or parts.query or parts.fragment:
        raise PublishError(
            _("The WebDAV address “{url}” is not a web address of a folder (https://…/folder/).").format(url=url)
        )
    if parts.username is not None or parts.password is not None:
        raise PublishError(_("The WebDAV address must not hold a user name or password; enter them in the account."))
    if parts.scheme == "http" and not is_loopback(parts.hostname):
        raise PublishError(
            _("The WebDAV address “{url}” must use https (plain http only for this computer).").format(url=url)
        )
    path = parts.path if parts.path.endswith("/") else parts.path + "/"
    return urlunsplit((parts.scheme, parts.netloc, path, "", ""))


@dataclass(frozen=True)
class WebDavSettings:
    """A WebDAV account's settings (no secret)."""

    url: str  # the site's folder, ending in "/" (see `folder_url`)
    username: str
    timeout: float = DEFAULT_TIMEOUT  # seconds, for each request as a whole

    @classmethod
    def from_account(cls, settings: Mapping[str, str]) -> WebDavSettings:
        """From an account's settings (url, username, timeout)."""
        return cls(
            url=folder_url(settings.get("url", "")),
            username=(settings.get("username") or "").strip(),
            timeout=parse_timeout(settings.get("timeout", ""), "WebDAV", DEFAULT_TIMEOUT),
        )


class WebDavHost:
    """A WebDAV folder (a `SiteHost`), logged in with Basic auth. Use it in a `with` block."""

    def __init__(self, settings: WebDavSettings, password: str):
        from composer.publishers import http_bounded  # noqa: PLC0415

        self.settings = WebDavSettings(folder_url(settings.url), settings.username, settings.timeout)
        self._session = http_bounded.session()
        self._session.auth = (settings.username, password)
        self._session.headers.update({"User-Agent": "IncidentComposer"})

    def __repr__(self) -> str:
        return f"WebDavHost({self.settings.url!r})"

    @property
    def where(self) -> str:
        return self.settings.url

    def __enter__(self) -> WebDavHost:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    def close(self) -> None:
        self._session.close()

    def _url(self, path: str, *, folder: bool = False) -> str:
        tail = quote(path, safe="/") if path else ""
        return self.settings.url + tail + ("/" if folder and path else "")

    # --- the SiteHost operations ---

    def list_folder(self, folder: str) -> set[str] | None:
        url = self._url(folder, folder=True)
        headers = {"Depth": "1", "Content-Type": "application/xml; charset=utf-8"}
        response = self._send("PROPFIND", url, folder or ".", N_("list"), headers=headers, data=_PROPFIND)
        if response.status_code == 404:
            return None
        if response.status_code != 207:
            raise self._answer_error(response, "PROPFIND", N_("list"), folder or ".")
        return _files_in(response.content, urlsplit(url).path, self.where)

    def read_file(self, path: str) -> bytes | None:
        response = self._send("GET", self._url(path), path, N_("read"))
        if response.status_code == 404:
            return None
        if response.status_code != 200:
            raise self._answer_error(response, "GET", N_("read"), path)
        return bytes(response.content)

    def make_folder(self, folder: str) -> None:
        response = self._send("MKCOL", self._url(folder, folder=True), folder, N_("create the folder"))
        if response.status_code in (200, 201, 204, 405):  # 405: it exists already
            return
        raise self._answer_error(response, "MKCOL", N_("create the folder"), folder)

    def put_file(self, path: str, data: bytes) -> None:
        temporary = self._url(temporary_name(path))
        headers = {"Content-Type": "application/octet-stream"}
        response = self._send("PUT", temporary, path, N_("write"), headers=headers, data=data)
        if response.status_code not in (200, 201, 204):
            self._discard(temporary)
            raise self._answer_error(response, "PUT", N_("write"), path)
        moved = self._send(
            "MOVE", temporary, path, N_("replace"), headers={"Destination": self._url(path), "Overwrite": "T"}
        )
        if moved.status_code not in (200, 201, 204):
            self._discard(temporary)
            raise self._answer_error(moved, "MOVE", N_("replace"), path)

    def _discard(self, url: str) -> None:
        """Remove a temporary file after a failure, if the server still answers (else: next time)."""
        from composer.publishers import http_bounded  # noqa: PLC0415

        with suppress(Exception):
            http_bounded.request(self._session, "DELETE", url, timeout=self.settings.timeout)

    def remove_file(self, path: str) -> None:
        response = self._send("DELETE", self._url(path), path, N_("delete"))
        if response.status_code not in (200, 204, 404):
            raise self._answer_error(response, "DELETE", N_("delete"), path)

    # --- requests and their errors ---

    def _send(self, method: str, url: str, path: str, doing: str, **options: Any) -> requests.Response:
        """One bounded request; what requests raises as the contract's error."""
        import requests  # noqa: PLC0415

        from composer.publishers import http_bounded  # noqa: PLC0415

        host = urlsplit(url).netloc
        failure: PublishError
        try:
            return http_bounded.request(self._session, method, url, timeout=self.settings.timeout, **options)
        except requests.exceptions.SSLError:
            failure = NetworkError(
                _(
                    "The certificate of {host} could not be verified; check the WebDAV address. Nothing was sent."
                ).format(host=host)
            )
        except requests.exceptions.RequestException as error:
            reason = http_bounded.describe(error)
            if method in _CHANGES and may_have_arrived(error):
                failure = OutcomeUnknown(
                    _(
                        "{host} did not answer ({reason}) after being asked to {doing} {path}: it may or may not "
                        "have been done. Uploading again is safe and sends whatever differs."
                    ).format(host=host, reason=reason, doing=_(doing), path=path)
                )
            elif isinstance(error, requests.exceptions.Timeout):
                failure = NetworkError(
                    _("{host} did not answer within {timeout:g} seconds while trying to {doing} {path}.").format(
                        host=host, timeout=self.settings.timeout, doing=_(doing), path=path
                    )
                )
            elif may_have_arrived(error):
                failure = NetworkError(
                    _("The connection to {host} was lost ({reason}) while trying to {doing} {path}.").format(
                        host=host, reason=reason, doing=_(doing), path=path
                    )
                )
            else:
                failure = NetworkError(
                    _("Could not connect to {host} ({reason}); check the WebDAV address and the network.").format(
                        host=host, reason=reason
                    )
                )
        raise failure  # outside the except block: no chained exception holds the request

    def _answer_error(self, response: Any, method: str, doing: str, path: str) -> PublishError:
        """An answer that is not success, as the contract's error."""
        where, status = self.where, response.status_code
        moved = redirected(
            response,
            where,
            writing=method in _CHANGES,
            advice=_("Check the WebDAV address (Nextcloud: …/remote.php/dav/files/USER/FOLDER/)."),
            look=_("uploading again is safe"),
        )
        if moved is not None:
            return moved
        if status == 401:
            return AuthRejected(
                _("{where} refused the user name or password (HTTP 401); check them in the account.").format(
                    where=where
                )
            )
        if status == 403:
            return Rejected(
                _("{where} refused to {doing} {path} (HTTP 403 Forbidden): the account may not write there.").format(
                    where=where, doing=_(doing), path=path
                )
            )
        if status in (404, 409):
            return NotFound(
                _("{where} could not {doing} {path} (HTTP {status}): its folder does not exist.").format(
                    where=where, doing=_(doing), path=path, status=status
                )
            )
        if status == 413:
            return Rejected(_("{where} refused {path} as too large (HTTP 413).").format(where=where, path=path))
        if status == 423:
            return NetworkError(
                _("{path} is locked on {where} (HTTP 423) by another program; try again later.").format(
                    path=path, where=where
                )
            )
        if status == 429:
            return RateLimited(
                _("{where} asks to slow down (HTTP 429).").format(where=where), retry_after_header(response)
            )
        if status == 507:
            return Rejected(
                _(
                    "{where} has no room to {doing} {path} (HTTP 507 Insufficient Storage): free some space "
                    "or raise the quota."
                ).format(where=where, doing=_(doing), path=path)
            )
        if status == 500 and method in _WRITES:
            return Rejected(
                _(
                    "{where} could not {doing} {path} (HTTP 500): a problem on the server, such as a folder "
                    "it may not write to or a full disk; its error log says which."
                ).format(where=where, doing=_(doing), path=path)
            )
        if status >= 500:
            return NetworkError(
                _("{where} had a problem (HTTP {status}) trying to {doing} {path}; try again later.").format(
                    where=where, status=status, doing=_(doing), path=path
                )
            )
        return PublishError(
            _("{where} answered HTTP {status} when asked to {doing} {path}.").format(
                where=where, status=status, doing=_(doing), path=path
            )
        )


def _files_in(content: bytes, folder_path: str, where: str) -> set[str]:
    """The names of the files (not folders) a PROPFIND answer lists directly in `folder_path`."""
    head = content[:4096].upper()
    if b"<!DOCTYPE" in head or b"<!ENTITY" in head:  # no entity expansion, ever (a billion laughs)
        raise PublishError(
            _("{where} answered a folder listing with XML Incident Composer does not read.").format(where=where)
        )
    try:
        root = ElementTree.fromstring(content)
    except ElementTree.ParseError:
        raise PublishError(
            _("{where} answered a folder listing that is not XML; is it a WebDAV server?").format(where=where)
        ) from None
    folder = unquote(folder_path).rstrip("/")
    names: set[str] = set()
    for response in root.iter(f"{_DAV}response"):
        href = response.findtext(f"{_DAV}href") or ""
        path = unquote(urlsplit(href.strip()).path)
        collection = path.endswith("/") or response.find(f".//{_DAV}resourcetype/{_DAV}collection") is not None
        path = path.rstrip("/")
        if not collection and posixpath.dirname(path) == folder and posixpath.basename(path):
            names.add(posixpath.basename(path))
    return names


def upload(
    settings: WebDavSettings,
    password: str,
    files: Mapping[str, bytes],
    *,
    report: Report | None = None,
    cancel: threading.Event | None = None,
) -> UploadResult:
    """Upload the site (`sitehost.upload_site`) to the WebDAV folder. Raises the contract's errors,
    never holding the password."""
    with guarded(password), WebDavHost(settings, password) as host:
        return upload_site(host, files, report=report, cancel=cancel)


def check_connection(settings: WebDavSettings, password: str) -> str:
    """Log in and look at the folder without changing anything; a one-line message."""
    from composer.publishers.sitehost import describe_folder  # noqa: PLC0415

    with guarded(password), WebDavHost(settings, password) as host:
        return describe_folder(host)
