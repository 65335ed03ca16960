# SPDX-License-Identifier: GPL-3.0-or-later
"""The status page on a host outside our own infrastructure: SFTP and WebDAV accounts (issue 18).

Publishing an update to one of these accounts uploads the whole static site (`composer.core.
statuspage`), built by the publishing service when the job is sent, with the update going out
counted as published: the service puts it in `post.meta["site"]` for every publisher whose
`uploads_site` is true. `sitehost.upload_site` sends only what changed, each file to a temporary
name and renamed.

An upload is idempotent: sending the same site again leaves the host exactly as one upload does
(a file is the old one or the new one, never half). So a connection lost after a rename was asked
for is a plain network error, retried by the outbox, not an "uncertain" post: nothing can go out
twice.

The SFTP server's host key is pinned in the account (`host_key`, `host_key_type`): `host_key_offer`
fetches the key a server shows, without logging in, for the user to confirm once; a key that
changes afterwards is refused before any password is sent.
"""

from __future__ import annotations

import threading
from collections.abc import Mapping
from datetime import datetime
from typing import TYPE_CHECKING

from composer.core.i18n import N_, _
from composer.core.model import utc_now
from composer.publishers.base import (
    API_VERSION,
    Account,
    AccountField,
    NetworkError,
    OutcomeUnknown,
    Post,
    PublishableUpdate,
    Receipt,
    Rejected,
    Report,
    TextPolicy,
    no_report,
)
from composer.publishers.sitehost import UploadResult, digest, manifest_bytes

if TYPE_CHECKING:
    from composer.publishers.sftp_host import SftpLogin

NOT_BUILT = N_("The status page was not built, so nothing was uploaded (publish through the app or `publish`).")
_LANGUAGES = AccountField(
    "languages",
    N_("Languages"),
    required=False,
    help=N_("the page's languages, e.g. ca,es,en (the first is the main one)"),
)
_PUBLIC_URL = AccountField(
    "public_url",
    N_("Public address"),
    required=False,
    kind="url",
    help=N_("where readers open the page, e.g. https://status.example.net/ (shown in links and receipts)"),
)


def _site(post: Post) -> dict[str, bytes]:
    site = post.meta.get("site")
    if not isinstance(site, dict) or "index.html" not in site:
        raise Rejected(_(NOT_BUILT))
    return site


def _receipt(
    account: Account, channel: str, site: Mapping[str, bytes], result: UploadResult, when: datetime
) -> Receipt:
    """The site's fingerprint as the remote id: the same site uploaded twice has the same one;
    published when the site says it was (the time it was built with), so the next build agrees."""
    fingerprint = digest(manifest_bytes({path: digest(data) for path, data in site.items()}))
    public = account.settings.get("public_url", "").strip()
    url = public.rstrip("/") + "/index.html" if public else ""
    meta: dict[str, object] = {"files_sent": result.files_sent, "where": result.where}
    return Receipt(account.name, channel, fingerprint, url, when, meta)


class _SitePublisher:
    api_version = API_VERSION
    uploads_site = True  # the publishing service builds the site into post.meta["site"]
    policy = TextPolicy(limit=None, counter=N_("characters"), formats=("html",))
    id = ""

    def render(self, update: PublishableUpdate) -> Post:
        return Post(channel=self.id, parts=[update.title or update.body[:80]], subject=update.title)

    def publish(
        self,
        post: Post,
        account: Account,
        credentials: dict[str, str],
        *,
        report: Report = no_report,
        cancel: threading.Event | None = None,
    ) -> Receipt:
        site = _site(post)
        try:
            result = self._upload(account, credentials, site, report, cancel)
        except OutcomeUnknown as error:  # idempotent: uploading again is safe (see the module's note)
            raise NetworkError(_("{error} Uploading again is safe.").format(error=error)) from None
        when = post.meta.get("published_at")
        return _receipt(account, self.id, site, result, when if isinstance(when, datetime) else utc_now())

    def _upload(
        self,
        account: Account,
        credentials: dict[str, str],
        site: Mapping[str, bytes],
        report: Report,
        cancel: threading.Event | None,
    ) -> UploadResult:
        raise NotImplementedError


class SftpStatusPage(_SitePublisher):
    id = "sftp"
    display_name = N_("Status page on an SFTP host")
    account_fields = (
        AccountField("host", N_("Host"), kind="host"),
        AccountField("port", N_("Port"), required=False, kind="port", default="22"),
        AccountField("folder", N_("Folder"), help=N_("the site's folder on the server; it must exist")),
        AccountField("username", N_("User name")),
        AccountField("key_file", N_("Private key file"), required=False, kind="path", help=N_("instead of a password")),
        AccountField(
            "host_key", N_("Host key fingerprint"), required=False, help=N_("SHA256:…, confirmed once, then pinned")
        ),
        AccountField("host_key_type", N_("Host key type"), required=False, help=N_("e.g. ssh-ed25519")),
        _PUBLIC_URL,
        _LANGUAGES,
        AccountField("password", N_("Password, or the key's passphrase"), secret=True, required=False),
    )

    @staticmethod
    def _login(account_settings: Mapping[str, str], credentials: Mapping[str, str]) -> SftpLogin:
        from composer.publishers.sftp_host import SftpLogin  # noqa: PLC0415

        secret = credentials.get("password", "")
        if (account_settings.get("key_file") or "").strip():
            return SftpLogin.from_credentials(account_settings, {"passphrase": secret})
        return SftpLogin.from_credentials(account_settings, {"password": secret})

    def _upload(
        self,
        account: Account,
        credentials: dict[str, str],
        site: Mapping[str, bytes],
        report: Report,
        cancel: threading.Event | None,
    ) -> UploadResult:
        from composer.publishers.sftp_host import SftpSettings, upload  # noqa: PLC0415

        login = self._login(account.settings, credentials)
        return upload(SftpSettings.from_account(account.settings), login, site, report=report, cancel=cancel)

    def test_connection(self, account: Account, credentials: dict[str, str]) -> str:
        from composer.publishers.sftp_host import SftpSettings, check_connection  # noqa: PLC0415

        return check_connection(SftpSettings.from_account(account.settings), self._login(account.settings, credentials))

    def validate_settings(self, settings: dict[str, str]) -> None:
        from composer.publishers.base import PublishError  # noqa: PLC0415
        from composer.publishers.sftp_host import SftpSettings  # noqa: PLC0415

        try:
            SftpSettings.from_account(settings)
        except PublishError as error:
            raise ValueError(str(error)) from None

    def host_key_offer(self, settings: Mapping[str, str]) -> tuple[str, str]:
        """The fingerprint and type of the key the server shows, without logging in; raises the
        contract's errors when it cannot be reached."""
        from composer.publishers.sftp_host import SftpLogin, SftpSettings, UnknownHostKey, connect  # noqa: PLC0415

        unpinned = {key: value for key, value in settings.items() if key not in ("host_key", "host_key_type")}
        try:
            # With no pin, connecting stops at the host key, before any login is tried.
            with connect(SftpSettings.from_account(unpinned), SftpLogin(password="-")):
                pass
        except UnknownHostKey as offer:
            return offer.fingerprint, offer.key_type
        raise Rejected(_("The server did not show a host key."))  # connect() never logs in without a pin


class WebDavStatusPage(_SitePublisher):
    id = "webdav"
    display_name = N_("Status page on a WebDAV host (Nextcloud, ownCloud…)")
    account_fields = (
        AccountField("url", N_("Folder address"), kind="url", help=N_("https://…/remote.php/dav/files/USER/status/")),
        AccountField("username", N_("User name")),
        _PUBLIC_URL,
        _LANGUAGES,
        AccountField("password", N_("Password or app password"), secret=True),
    )

    def _upload(
        self,
        account: Account,
        credentials: dict[str, str],
        site: Mapping[str, bytes],
        report: Report,
        cancel: threading.Event | None,
    ) -> UploadResult:
        from composer.publishers.webdav_host import WebDavSettings, upload  # noqa: PLC0415

        settings = WebDavSettings.from_account(account.settings)
        return upload(settings, credentials.get("password", ""), site, report=report, cancel=cancel)

    def test_connection(self, account: Account, credentials: dict[str, str]) -> str:
        from composer.publishers.webdav_host import WebDavSettings, check_connection  # noqa: PLC0415

        return check_connection(WebDavSettings.from_account(account.settings), credentials.get("password", ""))

    def validate_settings(self, settings: dict[str, str]) -> None:
        from composer.publishers.base import PublishError  # noqa: PLC0415
        from composer.publishers.webdav_host import WebDavSettings  # noqa: PLC0415

        try:
            WebDavSettings.from_account(settings)
        except (PublishError, ValueError) as error:
            raise ValueError(str(error)) from None
