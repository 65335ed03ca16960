# SPDX-License-Identifier: GPL-3.0-or-later
"""Where account secrets live: the OS keyring, or memory for this session only.

Rules every store obeys:

- a secret is kept only in the keyring (or, if the user agreed, in memory until the app closes),
  never in settings, the database, a log, an error message or a repr;
- one keyring entry per account: service `SERVICE`, username = the account name;
- every failure is a `CredentialError` whose message is for the user, in plain words;
- `keyring` is imported only when a secret is first needed: it is slow to import and stays
  off the app's startup path.
"""

from __future__ import annotations

import logging
import threading
from abc import ABC, abstractmethod
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from composer.core.i18n import N_, _
from composer.core.secrets import scrub

if TYPE_CHECKING:
    from keyring.backend import KeyringBackend

log = logging.getLogger(__name__)

SERVICE = "incident-composer"
PROBE_ACCOUNT = "(incident-composer probe)"  # read, never written, to check the keyring answers

NO_KEYRING = N_(
    "No system keyring is available (no Secret Service/KWallet on this desktop), so "
    "passwords cannot be saved. Install and start a keyring (GNOME Keyring, KWallet, or "
    "KeePassXC with its Secret Service integration on) and try again (an open window must be "
    "reopened to see it); the window can also keep secrets for this session only."
)
LOCKED = N_(
    "The keyring is locked, or its unlock prompt was dismissed. Unlock it (log in again, or "
    "open your desktop's password manager) and try again."
)
SESSION_ONLY = N_("in memory for this session only: they are forgotten when the app closes")


class CredentialError(Exception):
    """A secret could not be read, saved or deleted. The message is for the user, never has the secret.

    `kind` lets the UI choose what to offer: "unavailable" (no keyring at all), "locked", "failed".
    """

    def __init__(self, message: str, *, kind: str = "failed"):
        super().__init__(message)
        self.message = message
        self.kind = kind


class CredentialStore(ABC):
    """Secrets by account name. `where()` completes the sentence "Secrets are kept …"."""

    persistent: bool = False

    @abstractmethod
    def get(self, account: str) -> str | None:
        """The account's secret, or None when it has none."""

    @abstractmethod
    def set(self, account: str, secret: str) -> None:
        """Keep `secret` for `account`, replacing any previous one."""

    @abstractmethod
    def delete(self, account: str) -> None:
        """Forget the account's secret; nothing happens if it has none."""

    @abstractmethod
    def where(self) -> str:
        """Where secrets are kept, in plain words, e.g. "in the macOS Keychain"."""


def _check_account(account: str) -> None:
    if not isinstance(account, str) or not account.strip():
        raise ValueError(_("an account name is required to keep its secret"))


def _check_secret(secret: str) -> None:
    if not isinstance(secret, str) or not secret:
        raise ValueError(_("an empty secret cannot be stored; delete the account's secret instead"))


class MemoryCredentials(CredentialStore):
    """Secrets in a dict: for tests, and the session-only fallback when there is no keyring."""

    persistent = False

    def __init__(self, secrets: Mapping[str, str] | None = None):
        self._secrets: dict[str, str] = dict(secrets or {})
        self._lock = threading.Lock()

    def get(self, account: str) -> str | None:
        _check_account(account)
        with self._lock:
            return self._secrets.get(account)

    def set(self, account: str, secret: str) -> None:
        _check_account(account)
        _check_secret(secret)
        with self._lock:
            self._secrets[account] = secret

    def delete(self, account: str) -> None:
        _check_account(account)
        with self._lock:
            self._secrets.pop(account, None)

    def where(self) -> str:
        return _(SESSION_ONLY)

    def __repr__(self) -> str:
        with self._lock:
            names = sorted(self._secrets)
        return f"MemoryCredentials(accounts={names!r})"


# Backend class (module.qualname) -> (what it is, where secrets are kept), in plain words.
_KNOWN_BACKENDS: dict[str, tuple[str, str]] = {
    "keyring.backends.SecretService.Keyring": (
        N_("the Secret Service (GNOME Keyring or a compatible keyring)"),
        N_("in your desktop keyring (GNOME Keyring or another Secret Service keyring)"),
    ),
    "keyring.backends.libsecret.Keyring": (
        N_("the Secret Service through libsecret (GNOME Keyring or a compatible keyring)"),
        N_("in your desktop keyring (GNOME Keyring or another Secret Service keyring)"),
    ),
    "keyring.backends.kwallet.DBusKeyring": (N_("KDE Wallet (KWallet)"), N_("in KDE Wallet (KWallet)")),
    "keyring.backends.kwallet.DBusKeyringKWallet4": (N_("KDE Wallet 4 (KWallet)"), N_("in KDE Wallet (KWallet)")),
    "keyring.backends.macOS.Keyring": (N_("the macOS Keychain"), N_("in the macOS Keychain")),
    "keyring.backends.Windows.WinVaultKeyring": (
        N_("the Windows Credential Manager"),
        N_("in the Windows Credential Manager"),
    ),
    "keyring.backends.fail.Keyring": (N_("no keyring (none is available on this system)"), N_("nowhere")),
    "keyring.backends.null.Keyring": (N_("no keyring (keyring is switched off in its settings)"), N_("nowhere")),
    "keyrings.alt.file.PlaintextKeyring": (
        N_("a plain-text file (keyrings.alt; not encrypted)"),
        N_("in a plain-text file on this computer (keyrings.alt): not encrypted"),
    ),
}


def _class_name(backend: object) -> str:
    cls = type(backend)
    return f"{cls.__module__}.{cls.__qualname__}"


def _chained(backend: object) -> list[Any]:
    try:
        return list(getattr(type(backend), "backends", ()))  # keyring's ChainerBackend has them
    except Exception:
        return []


def _describe(backend: object) -> tuple[str, str]:
    name = _class_name(backend)
    if name in _KNOWN_BACKENDS:
        what, where = _KNOWN_BACKENDS[name]
        return _(what), _(where)
    if name == "keyring.backends.chainer.ChainerBackend":
        inner = [_describe(b)[0] for b in _chained(backend)]
        if inner:
            listed = _(", then ").join(inner)
            return (
                _("the system keyrings ({listed})").format(listed=listed),
                _("in the system keyring ({listed})").format(listed=listed),
            )
        what, where = _KNOWN_BACKENDS["keyring.backends.fail.Keyring"]
        return _(what), _(where)
    return (
        _("the keyring backend {name}").format(name=name),
        _("in the keyring backend {name}").format(name=name),
    )


def _current_backend() -> KeyringBackend:
    """keyring's active backend; a backend that cannot even be chosen means there is none."""
    import keyring  # noqa: PLC0415 - slow import, kept off the startup path

    try:
        return keyring.get_keyring()
    except Exception as exc:  # a configured backend (env, keyringrc.cfg) that is not viable
        log.warning("no usable keyring backend: %s", type(exc).__name__)
        raise CredentialError(_(NO_KEYRING), kind="unavailable") from exc


def describe_backend(backend: object | None = None) -> str:
    """The active keyring backend (or `backend`) in plain words, e.g. "the macOS Keychain"."""
    if backend is None:
        try:
            backend = _current_backend()
        except CredentialError:
            return _(_KNOWN_BACKENDS["keyring.backends.fail.Keyring"][0])
    return _describe(backend)[0]


def _usable(backend: object) -> bool:
    """False for keyring's fail/null backends and anything whose priority is not above zero."""
    from keyring.backends import chainer, fail, null  # noqa: PLC0415 - slow import

    if isinstance(backend, fail.Keyring | null.Keyring):
        return False
    if isinstance(backend, chainer.ChainerBackend):
        return bool(_chained(backend))
    try:
        return float(getattr(type(backend), "priority", 0)) > 0
    except Exception:  # keyring's way of saying "not viable here"
        return False


def _is_locked(exc: BaseException) -> bool:
    """Locked collection, or an unlock prompt dismissed (seen as InitError('… Prompt dismissed')."""
    import keyring.errors  # noqa: PLC0415 - slow import

    seen: set[int] = set()
    current: BaseException | None = exc
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        if isinstance(current, keyring.errors.KeyringLocked):
            return True
        if type(current).__name__ in {"LockedException", "PromptDismissedException"}:  # secretstorage
            return True
        text = str(current).lower()
        if "prompt dismissed" in text or "is locked" in text:
            return True
        current = current.__cause__ or current.__context__
    return False


# The Secret Service backend talks D-Bus (secretstorage), which is not safe to use from several
# threads at once: parallel reads (one per account when publishing) were seen to fail now and then
# with InitError ("locked"). One call at a time, process-wide; re-entrant for delete's own get.
_KEYRING_LOCK = threading.RLock()


class KeyringCredentials(CredentialStore):
    """Secrets in the OS keyring through the `keyring` library (chosen lazily, on first use)."""

    persistent = True

    def __init__(self, service: str = SERVICE, backend: KeyringBackend | None = None):
        self.service = service
        self._backend = backend  # None: keyring.get_keyring() on first use
        self._checked = False

    def backend(self) -> KeyringBackend:
        """The keyring backend in use; CredentialError when there is no usable one."""
        backend = self._backend if self._backend is not None else _current_backend()
        if not self._checked:
            if not _usable(backend):
                raise CredentialError(_(NO_KEYRING), kind="unavailable")
            self._backend, self._checked = backend, True
        return backend

    def get(self, account: str) -> str | None:
        _check_account(account)
        backend = self.backend()
        try:
            with _KEYRING_LOCK:
                return backend.get_password(self.service, account)
        except Exception as exc:
            raise self._error(N_("read"), account, exc, None) from exc

    def set(self, account: str, secret: str) -> None:
        _check_account(account)
        _check_secret(secret)
        backend = self.backend()
        try:
            with _KEYRING_LOCK:
                backend.set_password(self.service, account, secret)
        except Exception as exc:
            error = self._error(N_("save"), account, exc, secret)
            if secret in _chain_text(exc):  # keep a backend's careless message out of tracebacks
                raise error from None
            raise error from exc

    def delete(self, account: str) -> None:
        _check_account(account)
        backend = self.backend()
        import keyring.errors  # noqa: PLC0415 - slow import

        try:
            with _KEYRING_LOCK:
                backend.delete_password(self.service, account)
        except keyring.errors.PasswordDeleteError as exc:
            if self.get(account) is None:  # nothing was there: forgetting it is already done
                return
            raise self._error(N_("delete"), account, exc, None) from exc
        except Exception as exc:
            raise self._error(N_("delete"), account, exc, None) from exc

    def where(self) -> str:
        try:
            return _describe(self.backend())[1]
        except CredentialError:
            return _("nowhere: no system keyring is available")

    def _error(self, action: str, account: str, exc: Exception, secret: str | None) -> CredentialError:
        import keyring.errors  # noqa: PLC0415 - slow import

        log.warning("keyring could not %s the secret of %r: %s", action, account, type(exc).__name__)
        if isinstance(exc, keyring.errors.NoKeyringError):
            return CredentialError(_(NO_KEYRING), kind="unavailable")
        if _is_locked(exc):
            return CredentialError(_(LOCKED), kind="locked")
        where = _describe(self._backend)[0] if self._backend is not None else _("the system keyring")
        # keyring's own messages say what went wrong; anything else is named by its type only.
        detail = str(exc).strip() if isinstance(exc, keyring.errors.KeyringError) else ""
        detail = scrub(detail, secret).rstrip(".") or type(exc).__name__
        return CredentialError(
            _("Could not {action} the secret of “{account}” in {where}: {detail}.").format(
                action=_(action), account=account, where=where, detail=detail
            )
        )

    def __repr__(self) -> str:
        return f"KeyringCredentials(service={self.service!r})"


def _chain_text(exc: BaseException) -> str:
    parts: list[str] = []
    current: BaseException | None = exc
    while current is not None and len(parts) < 10:
        parts.append(str(current))
        current = current.__cause__ or current.__context__
    return "\n".join(parts)


def open_credentials(allow_session_fallback: bool) -> tuple[CredentialStore, str]:
    """The keyring store if it answers, with reason "".

    Otherwise, if `allow_session_fallback`, a session-only MemoryCredentials and the reason in
    plain words (for the UI to ask "No keyring: keep the secret for this session only?");
    if not allowed, raise the CredentialError.
    """
    store = KeyringCredentials()
    try:
        store.get(PROBE_ACCOUNT)  # harmless: reads an entry nobody writes
    except CredentialError as exc:
        if not allow_session_fallback:
            raise
        return MemoryCredentials(), exc.message
    return store, ""
