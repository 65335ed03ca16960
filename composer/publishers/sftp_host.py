# SPDX-License-Identifier: GPL-3.0-or-later
"""A site host reached over SFTP (paramiko): an OpenSSH server, a web host's shell account, a storage box.

The host key is pinned. The account keeps the server's key fingerprint as OpenSSH prints it
(`SHA256:…`, e.g. from `ssh-keygen -lf`), and every connection compares the key the server shows
with it before anything else is sent, before logging in:

- no fingerprint kept yet: `UnknownHostKey`, carrying the fingerprint and key type to show the
  user for confirmation (trust on first use, once confirmed) and to keep in the account;
- another key: `HostKeyChanged`, and the connection is closed at once.

The user's ~/.ssh/known_hosts is never read, and no key is ever accepted without a pin.

Files are written to a temporary name and renamed over the final one with OpenSSH's
`posix-rename@openssh.com` (an atomic replace); on a server without it, the old file is removed and
the new one renamed (a reader may then miss the file for a moment, never see half of it). Writes
wait for the server's answer to each block (paramiko drops the errors of pipelined writes), and the
written size is checked before the rename.

paramiko is imported when a connection is made, not with this module.
"""

from __future__ import annotations

import posixpath
import re
import socket
import stat
import threading
from collections.abc import Mapping
from contextlib import suppress
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from composer.core.i18n import N_, _
from composer.publishers.base import (
    AuthRejected,
    NetworkError,
    NotFound,
    OutcomeUnknown,
    PublishError,
    Rejected,
    Report,
)
from composer.publishers.sitehost import UploadResult, temporary_name, upload_site
from composer.publishers.web import guarded, timeout_seconds

DEFAULT_PORT = 22
DEFAULT_TIMEOUT = 30.0
MAX_READ = 8 * 1024 * 1024  # a manifest longer than this is not one of ours
_FINGERPRINT = re.compile(r"SHA256:([A-Za-z0-9+/]{43})=?")
# paramiko's names for the host key algorithms of each key type (RSA keys sign with SHA-2).
_ALGORITHMS = {"ssh-rsa": ("rsa-sha2-512", "rsa-sha2-256", "ssh-rsa")}


class HostKeyError(PublishError):
    """The server's host key is not the one the account pinned. `fingerprint` and `key_type` are
    what the server showed."""

    def __init__(self, message: str, *, host: str, port: int, fingerprint: str, key_type: str):
        super().__init__(message)
        self.host = host
        self.port = port
        self.fingerprint = fingerprint
        self.key_type = key_type


class UnknownHostKey(HostKeyError):
    """No fingerprint is pinned yet: show this one to the user, and keep it once they confirm it."""


class HostKeyChanged(HostKeyError):
    """The server shows another key than the pinned one (`expected`): refused, nothing was sent."""

    def __init__(self, message: str, *, expected: str, host: str, port: int, fingerprint: str, key_type: str):
        super().__init__(message, host=host, port=port, fingerprint=fingerprint, key_type=key_type)
        self.expected = expected


def normalise_fingerprint(text: str) -> str:
    """`SHA256:…` from what a user pastes (also a whole `ssh-keygen -lf` line); ValueError if none."""
    found = _FINGERPRINT.search(text.strip())
    if found is None:
        raise ValueError(
            _(
                "“{strip}” is not a host key fingerprint; it looks like SHA256: and 43 letters, as "
                "`ssh-keygen -lf` prints it."
            ).format(strip=text.strip()[:80])
        )
    return f"SHA256:{found.group(1)}"


@dataclass(frozen=True)
class SftpSettings:
    """An SFTP account's settings (no secret)."""

    host: str
    username: str
    folder: str  # absolute, or relative to the login folder
    port: int = DEFAULT_PORT
    host_key: str = ""  # the pinned fingerprint, SHA256:…; "" until the user confirmed one
    host_key_type: str = ""  # e.g. ssh-ed25519: asked for first, so the server shows the pinned key
    timeout: float = DEFAULT_TIMEOUT  # seconds, for connecting and for each answer

    @property
    def address(self) -> str:
        host = f"[{self.host}]" if ":" in self.host else self.host
        return f"{host}:{self.port}"

    @classmethod
    def from_account(cls, settings: Mapping[str, str]) -> SftpSettings:
        """From an account's settings (host, port, folder, username, host_key, host_key_type, timeout)."""
        port_text = (settings.get("port") or "").strip() or str(DEFAULT_PORT)
        if not port_text.isdigit() or not 0 < int(port_text) < 65536:
            raise PublishError(
                _("The SFTP port “{port_text}” is not a port number (1 to 65535).").format(port_text=port_text)
            )
        pinned = (settings.get("host_key") or "").strip()
        try:
            pinned = normalise_fingerprint(pinned) if pinned else ""
        except ValueError as error:
            raise PublishError(str(error)) from None
        host = (settings.get("host") or "").strip()
        if not host or any(character.isspace() or character in "/@" for character in host):
            raise PublishError(_("The SFTP host “{host}” is not a host name or address.").format(host=host))
        return cls(
            host=host,
            username=(settings.get("username") or "").strip(),
            folder=(settings.get("folder") or "").strip(),
            port=int(port_text),
            host_key=pinned,
            host_key_type=(settings.get("host_key_type") or "").strip(),
            timeout=timeout_seconds(settings.get("timeout", ""), "SFTP", DEFAULT_TIMEOUT),
        )


@dataclass(frozen=True)
class SftpLogin:
    """How to log in: a private key file (with its passphrase, if it has one) or a password."""

    key_file: str = ""
    passphrase: str = field(default="", repr=False)
    password: str = field(default="", repr=False)

    @classmethod
    def from_credentials(cls, settings: Mapping[str, str], credentials: Mapping[str, str]) -> SftpLogin:
        """The key file from the settings (`key_file`), the passphrase or password from the keyring."""
        return cls(
            key_file=(settings.get("key_file") or "").strip(),
            passphrase=credentials.get("passphrase", ""),
            password=credentials.get("password", ""),
        )


def _paramiko() -> Any:
    import paramiko  # type: ignore[import-untyped]  # noqa: PLC0415  (no types; imported when used)

    return paramiko


def load_key(path: str, passphrase: str = "") -> Any:
    """The private key in `path` (Ed25519, ECDSA or RSA; OpenSSH or PEM format) as paramiko's key."""
    paramiko = _paramiko()
    shown = Path(path).name
    try:
        data = Path(path).expanduser().read_bytes()
    except OSError as error:
        raise PublishError(
            _("The key file {path} cannot be read ({strerror}).").format(path=path, strerror=error.strerror or error)
        ) from None
    encrypted = _encrypted(data)
    if encrypted and not passphrase:
        raise AuthRejected(
            _("The key file {shown} is protected by a passphrase: enter it in the account.").format(shown=shown)
        )
    try:
        return paramiko.PKey.from_path(Path(path).expanduser(), passphrase.encode() if encrypted else None)
    except (ValueError, TypeError, paramiko.SSHException):
        if encrypted:
            raise AuthRejected(_("The passphrase does not open the key file {shown}.").format(shown=shown)) from None
        raise PublishError(
            _("The key file {shown} is not a private key Incident Composer can use (Ed25519, ECDSA or RSA).").format(
                shown=shown
            )
        ) from None


def _encrypted(data: bytes) -> bool:
    """Whether the key in `data` needs a passphrase."""
    from cryptography.exceptions import UnsupportedAlgorithm  # noqa: PLC0415
    from cryptography.hazmat.primitives import serialization  # noqa: PLC0415

    for load in (serialization.load_ssh_private_key, serialization.load_pem_private_key):
        try:
            load(data, None)
        except TypeError:  # "password was not given but private key is encrypted"
            return True
        except (ValueError, UnsupportedAlgorithm):
            continue
        return False
    return False


def connect(settings: SftpSettings, login: SftpLogin) -> SftpHost:
    """An open SFTP connection to the account's folder, host key checked, logged in. Close it."""
    if not settings.username:
        raise AuthRejected(_("No user name is set for {address}.").format(address=settings.address))
    if not login.key_file and not login.password:
        raise AuthRejected(
            _("Neither a key file nor a password is set for {address}.").format(address=settings.address)
        )
    key = load_key(login.key_file, login.passphrase) if login.key_file else None
    paramiko = _paramiko()
    transport = _handshake(settings, paramiko)
    try:
        _check_host_key(settings, transport)
        _log_in(settings, login, key, transport, paramiko)
        try:
            client = paramiko.SFTPClient.from_transport(transport)
        except (paramiko.SSHException, OSError, EOFError) as error:
            raise NetworkError(
                _("{address} did not open an SFTP session ({reason}).").format(
                    address=settings.address, reason=_reason(error)
                )
            ) from None
        if client is None:
            raise NetworkError(_("{address} did not open an SFTP session.").format(address=settings.address))
        client.get_channel().settimeout(settings.timeout)
        return SftpHost(settings, client, transport)
    except BaseException:
        transport.close()
        raise


def _handshake(settings: SftpSettings, paramiko: Any) -> Any:
    where = settings.address
    try:
        sock = socket.create_connection((settings.host, settings.port), timeout=settings.timeout)
    except socket.gaierror:
        raise NetworkError(
            _("The server {settings_host} was not found (DNS); check the host name.").format(
                settings_host=settings.host
            )
        ) from None
    except ConnectionRefusedError:
        raise NetworkError(
            _("{where} refused the connection; nothing was sent. Check the host and port.").format(where=where)
        ) from None
    except TimeoutError:
        raise NetworkError(
            _("{where} did not answer within {timeout:g} seconds; nothing was sent.").format(
                where=where, timeout=settings.timeout
            )
        ) from None
    except OSError as error:
        raise NetworkError(
            _("Could not connect to {where} ({reason}); nothing was sent.").format(where=where, reason=_reason(error))
        ) from None
    transport = paramiko.Transport(sock)
    transport.banner_timeout = transport.handshake_timeout = transport.auth_timeout = settings.timeout
    if settings.host_key_type:  # the pinned key's type first: a server with several keys shows that one
        offered = list(transport.get_security_options().key_types)
        wanted = _ALGORITHMS.get(settings.host_key_type, (settings.host_key_type,))
        first = [name for name in wanted if name in offered]
        transport.get_security_options().key_types = first + [name for name in offered if name not in first]
    try:
        transport.start_client(timeout=settings.timeout)
    except (paramiko.SSHException, OSError, EOFError) as error:
        transport.close()
        raise NetworkError(
            _("{where} did not complete an SSH handshake ({reason}); is it an SSH server? Nothing was sent.").format(
                where=where, reason=_reason(error)
            )
        ) from None
    return transport


def _check_host_key(settings: SftpSettings, transport: Any) -> None:
    """Raise unless the server's key is the pinned one (before logging in: no password goes to an impostor)."""
    key = transport.get_remote_server_key()
    shown, key_type = str(key.fingerprint), str(key.get_name())
    if not settings.host_key:
        raise UnknownHostKey(
            _(
                "{address} is not known yet: its {key_type} host key has the fingerprint {shown}. Check "
                "it with the server's administrator and confirm it to upload there."
            ).format(address=settings.address, key_type=key_type, shown=shown),
            host=settings.host,
            port=settings.port,
            fingerprint=shown,
            key_type=key_type,
        )
    if shown != settings.host_key:
        raise HostKeyChanged(
            _(
                "The host key of {address} changed (was {host_key}, now {shown}): refusing to upload. If "
                "the server really got a new key, confirm the new fingerprint in the account."
            ).format(address=settings.address, host_key=settings.host_key, shown=shown),
            expected=settings.host_key,
            host=settings.host,
            port=settings.port,
            fingerprint=shown,
            key_type=key_type,
        )


def _log_in(settings: SftpSettings, login: SftpLogin, key: Any, transport: Any, paramiko: Any) -> None:
    where, user = settings.address, settings.username
    what = "key" if key is not None else "password"
    try:
        more = transport.auth_publickey(user, key) if key is not None else transport.auth_password(user, login.password)
    except paramiko.BadAuthenticationType as error:
        allowed = ", ".join(str(kind) for kind in error.allowed_types) or _("nothing we offer")
        raise AuthRejected(
            _("{where} does not accept a {what} for logging in (it accepts: {allowed}).").format(
                where=where, what=what, allowed=allowed
            )
        ) from None
    except paramiko.AuthenticationException:
        raise AuthRejected(
            _("{where} refused the user name or {what}; check them in the account.").format(where=where, what=what)
        ) from None
    except (paramiko.SSHException, OSError, EOFError) as error:
        raise NetworkError(
            _("{where} closed the connection while logging in ({reason}).").format(where=where, reason=_reason(error))
        ) from None
    if more or not transport.is_authenticated():
        raise AuthRejected(
            _("{where} asks for another login step ({more}), which is not supported.").format(
                where=where, more=", ".join(more or [])
            )
        )


def _reason(error: BaseException) -> str:
    """A short reason, never a secret (paramiko's and the OS's words)."""
    text = " ".join(str(error).split())[:120]
    return text or type(error).__name__


class SftpHost:
    """An open SFTP connection to a site's folder (a `SiteHost`). Use it in a `with` block."""

    def __init__(self, settings: SftpSettings, client: Any, transport: Any):
        self.settings = settings
        self._client = client
        self._transport = transport
        self._root = settings.folder.rstrip("/") or ("/" if settings.folder.startswith("/") else ".")
        self._posix_rename = True  # until the server says it has no posix-rename@openssh.com

    @property
    def where(self) -> str:
        folder = self.settings.folder or "(login folder)"
        return f"sftp://{self.settings.address}{'' if folder.startswith('/') else '/'}{folder}"

    def __enter__(self) -> SftpHost:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    def close(self) -> None:
        try:
            self._client.close()
        finally:
            self._transport.close()

    def _remote(self, path: str) -> str:
        return posixpath.join(self._root, path) if path else self._root

    # --- the SiteHost operations ---

    def list_folder(self, folder: str) -> set[str] | None:
        try:
            entries = self._client.listdir_attr(self._remote(folder))
        except FileNotFoundError:
            return None
        except Exception as error:
            raise self._failure(error, N_("list"), folder or ".", changes=False) from None
        return {str(entry.filename) for entry in entries if not stat.S_ISDIR(entry.st_mode or 0)}

    def read_file(self, path: str) -> bytes | None:
        try:
            with self._client.open(self._remote(path), "rb") as remote:
                data = bytes(remote.read(MAX_READ + 1))
        except FileNotFoundError:
            return None
        except Exception as error:
            raise self._failure(error, N_("read"), path, changes=False) from None
        return data if len(data) <= MAX_READ else None

    def make_folder(self, folder: str) -> None:
        try:
            self._client.mkdir(self._remote(folder))
        except Exception as error:
            if self._folder_exists(folder):  # made meanwhile, or the server words "exists" its own way
                return
            raise self._failure(error, N_("create the folder"), folder, changes=False) from None

    def _folder_exists(self, folder: str) -> bool:
        try:
            return stat.S_ISDIR(self._client.stat(self._remote(folder)).st_mode or 0)
        except Exception:  # the mkdir's own error is the one to report
            return False

    def put_file(self, path: str, data: bytes) -> None:
        temporary = temporary_name(path)
        try:
            with self._client.open(self._remote(temporary), "wb") as remote:
                remote.write(data)  # not pipelined: each block's answer is read, so an error shows here
            written = self._client.stat(self._remote(temporary)).st_size
            if written != len(data):
                raise OSError(_("{written} of {count} bytes were stored").format(written=written, count=len(data)))
        except Exception as error:
            self._discard(temporary)
            raise self._failure(error, N_("write"), path, changes=False) from None
        try:
            self._replace(temporary, path)
        except Exception as error:
            self._discard(temporary)
            raise self._failure(error, N_("replace"), path, changes=True) from None

    def _replace(self, temporary: str, path: str) -> None:
        source, target = self._remote(temporary), self._remote(path)
        if self._posix_rename:
            try:
                self._client.posix_rename(source, target)
                return
            except OSError as error:
                if type(error) is not OSError or "support" not in str(error).lower():
                    raise
                self._posix_rename = False  # an SFTP server without OpenSSH's extension
        with suppress(FileNotFoundError):
            self._client.remove(target)
        self._client.rename(source, target)

    def _discard(self, temporary: str) -> None:
        """Remove a temporary file after a failure, if the connection still allows (else: next time)."""
        with suppress(Exception):  # best effort: the next upload removes leftovers
            self._client.remove(self._remote(temporary))

    def remove_file(self, path: str) -> None:
        try:
            self._client.remove(self._remote(path))
        except FileNotFoundError:
            return
        except Exception as error:
            raise self._failure(error, N_("delete"), path, changes=True) from None

    # --- errors ---

    def _failure(self, error: BaseException, doing: str, path: str, *, changes: bool) -> PublishError:
        """What went wrong, as the contract's error. `changes`: the request may have changed what readers see."""
        where = self.settings.address
        if isinstance(error, PublishError):
            return error
        if not self._transport.is_active():  # paramiko words a closed connection as a plain OSError too
            return self._lost(error, doing, path, changes=changes)
        if isinstance(error, PermissionError):
            return Rejected(
                _(
                    "{where} refused to {doing} {path}: permission denied. Check that the account may write "
                    "to {folder}."
                ).format(where=where, doing=_(doing), path=path, folder=self.settings.folder or "its folder")
            )
        if isinstance(error, FileNotFoundError):
            return NotFound(
                _("{where} could not {doing} {path}: no such file or folder.").format(
                    where=where, doing=_(doing), path=path
                )
            )
        if type(error) is OSError:  # the server's own answer (SFTP has no code for a full disk: "Failure")
            said = _reason(error)
            hint = _(" Its disk may be full, or the file too large for it.") if doing == "write" else ""
            return Rejected(
                _("{where} could not {doing} {path} (the server said: {said}).{hint}").format(
                    where=where, doing=_(doing), path=path, said=said, hint=hint
                )
            )
        return self._lost(error, doing, path, changes=changes)

    def _lost(self, error: BaseException, doing: str, path: str, *, changes: bool) -> PublishError:
        where = self.settings.address
        reason = _reason(error)
        if isinstance(error, TimeoutError):
            reason = _("no answer within {timeout:g} seconds").format(timeout=self.settings.timeout)
        if changes:
            return OutcomeUnknown(
                _(
                    "The connection to {where} was lost ({reason}) after asking it to {doing} {path}: it may "
                    "or may not have been done. Uploading again is safe and sends whatever differs."
                ).format(where=where, reason=reason, doing=_(doing), path=path)
            )
        return NetworkError(
            _("The connection to {where} was lost ({reason}) while trying to {doing} {path}.").format(
                where=where, reason=reason, doing=_(doing), path=path
            )
        )


def upload(
    settings: SftpSettings,
    login: SftpLogin,
    files: Mapping[str, bytes],
    *,
    report: Report | None = None,
    cancel: threading.Event | None = None,
) -> UploadResult:
    """Connect, upload the site (`sitehost.upload_site`), close. Raises the contract's errors, or a
    `HostKeyError` when the server's key is not the pinned one."""
    with guarded(login.password, login.passphrase), connect(settings, login) as host:
        return upload_site(host, files, report=report, cancel=cancel)


def check_connection(settings: SftpSettings, login: SftpLogin) -> str:
    """Log in and look at the folder without changing anything; a one-line message."""
    from composer.publishers.sitehost import describe_folder  # noqa: PLC0415

    with guarded(login.password, login.passphrase), connect(settings, login) as host:
        return describe_folder(host)
