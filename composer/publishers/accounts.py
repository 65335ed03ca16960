# SPDX-License-Identifier: GPL-3.0-or-later
"""Accounts as the command line, the app and the publishing service all see them.

One place for the rules: which settings an account of a kind needs, how its one secret is
handed to the publisher, and how stored rows become `Account`s.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from composer.core.i18n import _
from composer.publishers.base import Account, AccountField, Publisher, ValidatesSettings

if TYPE_CHECKING:
    from composer.core.store import Store


def load_accounts(store: Store) -> dict[str, Account]:
    """Every stored account by name (settings only: secrets are in the credential store)."""
    return {name: Account(name, kind, settings) for name, kind, settings in store.accounts()}


def secret_field(publisher: Publisher) -> AccountField | None:
    """The publisher's secret field (one per kind: a password, an app password or a token)."""
    return next((f for f in publisher.account_fields if f.secret), None)


def needs_secret(publisher: Publisher, account: Account) -> bool:
    """Whether publishing through `account` needs its secret: not for a kind without one, nor
    when the secret is optional and the account has no user name (a mail relay with no login).
    An account that needs none never touches the keyring."""
    field = secret_field(publisher)
    if field is None:
        return False
    return field.required or bool(str(account.settings.get("username") or "").strip())


def credentials_for(publisher: Publisher, secret: str | None) -> dict[str, str]:
    """The credentials dict `publish`/`test_connection` take: the secret field's name -> the secret."""
    field = secret_field(publisher)
    return {field.name: secret} if secret and field is not None else {}


def settings_problem(publisher: Publisher, settings: dict[str, str], *, has_secret: bool) -> str:
    """What stops these settings from making a working account, in plain words; "" when nothing.

    Required fields first, then the publisher's own `validate_settings` (addresses, URLs, ports),
    if it has that optional hook (`ValidatesSettings`). The message never contains a secret: secrets
    are not in `settings`.
    """
    for field in publisher.account_fields:
        if field.secret:
            if field.required and not has_secret:
                return _("{label} is required.").format(label=_(field.label))
        elif field.required and not str(settings.get(field.name, "")).strip() and not field.default:
            return _("{label} is required.").format(label=_(field.label))
    if isinstance(publisher, ValidatesSettings):
        try:
            publisher.validate_settings(settings)
        except ValueError as error:
            return str(error)
    return ""
