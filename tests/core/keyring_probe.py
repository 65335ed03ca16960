# SPDX-License-Identifier: GPL-3.0-or-later
"""Child process for test_credentials: exercises the real keyring and prints JSON. Never run by hand."""

from __future__ import annotations

import json
import logging
import sys

from composer.core.credentials import (
    SERVICE,
    CredentialError,
    KeyringCredentials,
    describe_backend,
    open_credentials,
)


def _backend_name() -> str:
    import keyring

    cls = type(keyring.get_keyring())
    return f"{cls.__module__}.{cls.__qualname__}"


def _try(call) -> dict[str, object]:
    try:
        return {"value": call()}
    except CredentialError as exc:
        return {"error": exc.message, "kind": exc.kind, "repr": repr(exc)}


def roundtrip(account: str, secret: str, other: str) -> dict[str, object]:
    import keyring

    store = KeyringCredentials()
    out: dict[str, object] = {"backend": _backend_name(), "where": store.where(), "describe": describe_backend()}
    out["persistent"] = store.persistent
    out["before"] = store.get(account)
    store.set(account, secret)
    out["after_set"] = store.get(account)
    out["raw"] = keyring.get_password(SERVICE, account)  # one entry per account, username = account
    out["fresh_store"] = KeyringCredentials().get(account)
    store.set(account, other)
    out["after_overwrite"] = store.get(account)
    store.set("second account", secret)
    out["second"] = store.get("second account")
    store.delete(account)
    out["after_delete"] = store.get(account)
    store.delete(account)  # deleting what is gone is not an error
    out["after_second_delete"] = store.get(account)
    out["second_kept"] = store.get("second account")
    opened, reason = open_credentials(False)
    out["opened"] = type(opened).__name__
    out["reason"] = reason
    out["repr"] = repr(store)
    return out


def keep(account: str, secret: str) -> dict[str, object]:
    KeyringCredentials().set(account, secret)
    return {"kept": True}


def read(account: str) -> dict[str, object]:
    return {"value": KeyringCredentials().get(account), "backend": _backend_name()}


def unavailable(account: str, secret: str) -> dict[str, object]:
    store = KeyringCredentials()
    out: dict[str, object] = {"backend": _backend_name(), "describe": describe_backend(), "where": store.where()}
    out["get"] = _try(lambda: store.get(account))
    out["set"] = _try(lambda: store.set(account, secret))
    out["delete"] = _try(lambda: store.delete(account))
    out["strict"] = _try(lambda: open_credentials(False))
    fallback, reason = open_credentials(True)
    fallback.set(account, secret)
    out["fallback"] = {
        "type": type(fallback).__name__,
        "persistent": fallback.persistent,
        "where": fallback.where(),
        "reason": reason,
        "value": fallback.get(account),
        "repr": repr(fallback),
    }
    return out


SCENARIOS = {"roundtrip": roundtrip, "keep": keep, "read": read, "unavailable": unavailable}

if __name__ == "__main__":
    logging.basicConfig(level=logging.DEBUG, stream=sys.stderr)  # so the test can check logs too
    result = SCENARIOS[sys.argv[1]](*sys.argv[2:])
    print(json.dumps(result))
