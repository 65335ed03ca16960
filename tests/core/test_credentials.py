# SPDX-License-Identifier: GPL-3.0-or-later
"""The credential store: memory, error mapping, and the real Secret Service in a private D-Bus session."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

from composer.core.credentials import (
    LOCKED,
    NO_KEYRING,
    SERVICE,
    SESSION_ONLY,
    CredentialError,
    CredentialStore,
    KeyringCredentials,
    MemoryCredentials,
    describe_backend,
    open_credentials,
)

PROBE = Path(__file__).with_name("keyring_probe.py")
KEYRING_PASSWORD = "test-login-password"  # unlocks the throwaway login keyring in the tmp HOME
SECRET = "s3cret-Ünïcode-pa55!"
OTHER_SECRET = "another-app-password-42"
PACKAGES = "gnome-keyring dbus"  # Debian/Ubuntu: apt-get install -y --no-install-recommends gnome-keyring dbus

# Variables that could lead a child to the developer's own keyring, display or keyring settings.
DROPPED = (
    "DBUS_SESSION_BUS_ADDRESS",
    "DISPLAY",
    "WAYLAND_DISPLAY",
    "PYTHON_KEYRING_BACKEND",
    "GNOME_KEYRING_CONTROL",
    "GNOME_KEYRING_PID",
    "SSH_AUTH_SOCK",
)


@pytest.fixture(autouse=True)
def no_real_keyring_here(monkeypatch):
    """In this process keyring never looks for the developer's keyring: it finds none."""
    import keyring
    from keyring.backends import fail

    monkeypatch.setattr(keyring, "get_keyring", fail.Keyring)


@pytest.fixture
def private_env(tmp_path):
    """A child environment whose HOME, XDG folders and runtime dir are throwaway folders."""
    home = tmp_path / "home"
    home.mkdir()
    # Short path: gnome-keyring puts a Unix socket in it (at most 108 bytes).
    runtime = Path(tempfile.mkdtemp(prefix="ic-run-"))
    runtime.chmod(0o700)
    env = {k: v for k, v in os.environ.items() if k not in DROPPED}
    env.update(
        HOME=str(home),
        XDG_DATA_HOME=str(home / ".local" / "share"),
        XDG_CONFIG_HOME=str(home / ".config"),
        XDG_CACHE_HOME=str(home / ".cache"),
        XDG_RUNTIME_DIR=str(runtime),
        IC_KEYRING_PASSWORD=KEYRING_PASSWORD,
    )
    yield env
    shutil.rmtree(runtime, ignore_errors=True)


def _need_secret_service() -> None:
    missing = [tool for tool in ("dbus-run-session", "gnome-keyring-daemon") if shutil.which(tool) is None]
    if missing:
        # A missing peer is a failure, not a skip: `./dev test` installs these packages.
        pytest.fail(f"{', '.join(missing)} not found: install the packages {PACKAGES} (./dev test does)")


def _finish(result: subprocess.CompletedProcess[str]) -> dict:
    assert result.returncode == 0, f"probe failed ({result.returncode}):\n{result.stdout}\n{result.stderr}"
    return {**json.loads(result.stdout.strip().splitlines()[-1]), "_stderr": result.stderr}


def in_session(env: dict[str, str], *args: str, unlock: bool = True) -> dict:
    """Run the probe in a private D-Bus session with its own gnome-keyring (unlocked unless told)."""
    _need_secret_service()
    daemon = "gnome-keyring-daemon --components=secrets >/dev/null"
    if unlock:
        daemon = 'printf %s "$IC_KEYRING_PASSWORD" | gnome-keyring-daemon --unlock --components=secrets >/dev/null'
    command = ["dbus-run-session", "--", "sh", "-c", daemon + ' && exec "$@"', "sh", sys.executable, str(PROBE)]
    result = subprocess.run([*command, *args], env=env, capture_output=True, text=True, timeout=120)
    return _finish(result)


def without_dbus(env: dict[str, str], *args: str) -> dict:
    result = subprocess.run([sys.executable, str(PROBE), *args], env=env, capture_output=True, text=True, timeout=60)
    return _finish(result)


# --- the real Secret Service -------------------------------------------------------------


def test_secret_service_round_trip(private_env):
    out = in_session(private_env, "roundtrip", "smtp main", SECRET, OTHER_SECRET)
    assert out["backend"] == "keyring.backends.SecretService.Keyring"
    assert "Secret Service" in out["where"]
    assert "Secret Service" in out["describe"]
    assert out["persistent"] is True
    assert out["before"] is None
    assert out["after_set"] == SECRET
    assert out["raw"] == SECRET  # service "incident-composer", username = account name
    assert out["fresh_store"] == SECRET
    assert out["after_overwrite"] == OTHER_SECRET
    assert out["second"] == SECRET
    assert out["after_delete"] is None
    assert out["after_second_delete"] is None
    assert out["second_kept"] == SECRET
    assert out["opened"] == "KeyringCredentials"
    assert out["reason"] == ""
    assert out["repr"] == f"KeyringCredentials(service={SERVICE!r})"
    assert SECRET not in out["_stderr"]  # DEBUG logging of keyring, secretstorage and ours
    assert OTHER_SECRET not in out["_stderr"]


def test_secret_outlives_the_session_and_stays_in_the_tmp_home(private_env):
    assert in_session(private_env, "keep", "mastodon", SECRET)["kept"] is True
    again = in_session(private_env, "read", "mastodon")  # a new bus, a new daemon, the same tmp HOME
    assert again["value"] == SECRET
    home = Path(private_env["HOME"])
    keyrings = list((home / ".local" / "share" / "keyrings").glob("*.keyring"))
    assert keyrings, "gnome-keyring did not write its file under the tmp HOME"
    for path in home.rglob("*"):  # encrypted at rest: the secret is in no file as plain text
        if path.is_file():
            assert SECRET.encode() not in path.read_bytes(), path


def test_locked_keyring_says_so_and_offers_the_session(private_env):
    in_session(private_env, "keep", "mastodon", SECRET)
    out = in_session(private_env, "unavailable", "mastodon", SECRET, unlock=False)  # nobody types the password
    assert out["backend"] == "keyring.backends.SecretService.Keyring"
    assert out["get"] == {"error": LOCKED, "kind": "locked", "repr": f"CredentialError({LOCKED!r})"}
    assert out["set"]["kind"] == "locked"
    assert out["strict"]["error"] == LOCKED
    assert out["fallback"]["type"] == "MemoryCredentials"
    assert out["fallback"]["reason"] == LOCKED
    assert SECRET not in json.dumps({k: v for k, v in out.items() if k not in {"fallback"}})


def test_without_dbus_there_is_no_keyring_and_a_session_only_fallback(private_env):
    out = without_dbus(private_env, "unavailable", "smtp main", SECRET)
    assert out["backend"] == "keyring.backends.fail.Keyring"
    assert out["describe"].startswith("no keyring")
    assert out["where"].startswith("nowhere")
    for call in ("get", "set", "delete"):
        assert out[call]["kind"] == "unavailable"
        assert out[call]["error"] == NO_KEYRING
    assert out["strict"]["error"].startswith("No system keyring is available (no Secret Service/KWallet")
    fallback = out["fallback"]
    assert fallback["type"] == "MemoryCredentials"
    assert fallback["persistent"] is False
    assert fallback["where"] == SESSION_ONLY
    assert fallback["reason"] == NO_KEYRING
    assert fallback["value"] == SECRET
    assert SECRET not in fallback["repr"]
    assert SECRET not in out["_stderr"]


# --- in this process: memory, mapping of failures, secrets kept out of messages ------------


def test_core_import_stays_light():
    probe = (
        "import sys, composer.core.credentials;"
        "print(','.join(m for m in sys.modules if m.split('.')[0] in {'keyring', 'PySide6', 'shiboken6'}))"
    )
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == ""


def test_memory_credentials():
    store = MemoryCredentials()
    assert isinstance(store, CredentialStore)
    assert store.persistent is False
    assert store.where() == SESSION_ONLY
    assert store.get("smtp") is None
    store.set("smtp", SECRET)
    assert store.get("smtp") == SECRET
    store.set("smtp", OTHER_SECRET)
    assert store.get("smtp") == OTHER_SECRET
    store.delete("smtp")
    store.delete("smtp")
    assert store.get("smtp") is None
    with pytest.raises(ValueError):
        store.set("", SECRET)
    with pytest.raises(ValueError):
        store.set("smtp", "")


class FakeBackend:
    """Duck-typed backend (not a keyring subclass, so keyring never registers it).

    `fail(password)` makes the error to raise; a backend only knows the secret when given it.
    """

    priority = 1

    def __init__(self, fail=None):
        self.fail = fail
        self.secrets: dict[tuple[str, str], str] = {}

    def get_password(self, service, username):
        if self.fail:
            raise self.fail("")
        return self.secrets.get((service, username))

    def set_password(self, service, username, password):
        if self.fail:
            raise self.fail(password)
        self.secrets[(service, username)] = password

    def delete_password(self, service, username):
        from keyring.errors import PasswordDeleteError

        if self.fail:
            raise self.fail("")
        if (service, username) not in self.secrets:
            raise PasswordDeleteError("No such password!")
        del self.secrets[(service, username)]


def test_keyring_store_uses_one_entry_per_account():
    backend = FakeBackend()
    store = KeyringCredentials(backend=backend)
    store.set("smtp main", SECRET)
    store.set("mastodon", OTHER_SECRET)
    assert backend.secrets == {(SERVICE, "smtp main"): SECRET, (SERVICE, "mastodon"): OTHER_SECRET}
    store.delete("smtp main")
    store.delete("smtp main")  # already gone: not an error
    assert store.get("smtp main") is None
    assert store.get("mastodon") == OTHER_SECRET


def _dismissed(_password):
    from keyring.errors import InitError

    class PromptDismissedException(Exception):  # named like secretstorage's
        pass

    error = InitError("Failed to create the collection: Prompt dismissed..")
    error.__cause__ = PromptDismissedException("Prompt dismissed.")
    return error


def _failures():
    from keyring.errors import KeyringError, KeyringLocked, NoKeyringError, PasswordSetError

    return [
        (lambda _p: NoKeyringError("No recommended backend was available."), "unavailable", NO_KEYRING),
        (lambda _p: KeyringLocked("Failed to unlock the collection!"), "locked", LOCKED),
        (_dismissed, "locked", LOCKED),
        (lambda p: PasswordSetError(f"refused {p}"), "failed", "Could not "),
        (lambda p: KeyringError(f"backend said {p!r}"), "failed", "Could not "),
        (lambda p: OSError(f"socket closed while sending {p}"), "failed", "Could not "),
    ]


@pytest.mark.parametrize(("fail", "kind", "message"), _failures())
def test_failures_become_one_plain_error_without_the_secret(fail, kind, message, caplog):
    caplog.set_level("DEBUG")
    store = KeyringCredentials(backend=FakeBackend(fail))
    for call in (lambda: store.set("smtp", SECRET), lambda: store.get("smtp"), lambda: store.delete("smtp")):
        with pytest.raises(CredentialError) as raised:
            call()
        assert raised.value.kind == kind
        assert raised.value.message.startswith(message)
        for shown in (str(raised.value), repr(raised.value), repr(raised.value.args), repr(store), caplog.text):
            assert SECRET not in shown
        if kind == "failed":
            assert "FakeBackend" in raised.value.message  # names the backend
    with pytest.raises(CredentialError) as raised:
        store.set("smtp", SECRET)
    if SECRET in str(fail(SECRET)):  # a careless backend message is not kept as the cause either
        assert raised.value.__cause__ is None
        assert raised.value.__suppress_context__


def test_no_backend_is_refused_before_any_call():
    from keyring.backends import fail, null

    for backend in (fail.Keyring(), null.Keyring()):
        store = KeyringCredentials(backend=backend)
        with pytest.raises(CredentialError) as raised:
            store.set("smtp", SECRET)
        assert raised.value.message == NO_KEYRING
        assert raised.value.kind == "unavailable"
        assert store.where().startswith("nowhere")

    class Unviable(FakeBackend):
        priority = 0

    with pytest.raises(CredentialError, match="No system keyring"):
        KeyringCredentials(backend=Unviable()).get("smtp")


def test_open_credentials_without_a_keyring_here():
    with pytest.raises(CredentialError) as raised:
        open_credentials(False)
    assert raised.value.message == NO_KEYRING
    store, reason = open_credentials(True)
    assert isinstance(store, MemoryCredentials)
    assert reason == NO_KEYRING


def _backend_named(module: str, name: str) -> object:
    return type(name, (), {"__module__": module, "priority": 5})()


@pytest.mark.parametrize(
    ("module", "name", "describe", "where"),
    [
        ("keyring.backends.SecretService", "Keyring", "the Secret Service", "Secret Service"),
        ("keyring.backends.libsecret", "Keyring", "the Secret Service", "Secret Service"),
        ("keyring.backends.kwallet", "DBusKeyring", "KDE Wallet", "in KDE Wallet"),
        ("keyring.backends.macOS", "Keyring", "the macOS Keychain", "in the macOS Keychain"),
        ("keyring.backends.Windows", "WinVaultKeyring", "the Windows Credential Manager", "in the Windows"),
        ("keyrings.alt.file", "PlaintextKeyring", "a plain-text file", "not encrypted"),
        ("somewhere.else", "Vault", "the keyring backend somewhere.else.Vault", "somewhere.else.Vault"),
    ],
)
def test_backends_in_plain_words(module, name, describe, where):
    backend = _backend_named(module, name)
    assert describe_backend(backend).startswith(describe)
    assert where in KeyringCredentials(backend=backend).where()


def test_describe_backend_defaults_to_the_active_one():
    assert describe_backend().startswith("no keyring")  # this process sees no keyring (fixture)
