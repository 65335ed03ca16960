# SPDX-License-Identifier: GPL-3.0-or-later
"""`incident-composer accounts add|list|test|remove|kinds`.

Account settings go to the store; the secret goes to the OS keyring and nowhere else (read
from standard input with --password-stdin, or asked for on a terminal; never an argument).
"""

from __future__ import annotations

import contextlib
import sys
from typing import TYPE_CHECKING

from composer.cli.base import EXIT_FAILED, EXIT_OK, CommandError, account_name, add_format, open_store, print_json
from composer.core.i18n import _

if TYPE_CHECKING:
    import argparse
    from collections.abc import Callable

    from composer.core.credentials import CredentialStore
    from composer.publishers.base import Account, Publisher

# Command-line option -> account setting name.
OPTIONS = {
    "url": "url",
    "host": "host",
    "port": "port",
    "username": "username",
    "from_": "from",
    "to": "to",
    "bcc": "bcc",
    "security": "security",
    "ca_file": "ca_file",
    "list_unsubscribe": "list_unsubscribe",
    "handle": "handle",
    "folder": "folder",
    "key_file": "key_file",
    "host_key": "host_key",
    "public_url": "public_url",
    "languages": "languages",
}


def add_parsers(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    accounts = commands.add_parser("accounts", help=_("publishing accounts (secrets in the OS keyring)"))
    actions = accounts.add_subparsers(dest="accounts_command", metavar="ACTION", required=True)
    add = actions.add_parser("add", help=_("add or replace an account"))
    add.add_argument("kind", metavar="KIND", help=_("email, … (see `accounts kinds`)"))
    add.add_argument("name", type=account_name, metavar="NAME")
    for option in (
        *("url", "host", "port", "username", "to", "bcc", "security", "ca-file", "list-unsubscribe", "handle"),
        *("folder", "key-file", "public-url", "languages"),
    ):
        add.add_argument(f"--{option}")
    add.add_argument(
        "--host-key",
        metavar="SHA256:…",
        help=_("sftp: the server's host key fingerprint, as your host gives it (else shown once to confirm)"),
    )
    add.add_argument("--from", dest="from_")
    add.add_argument(
        "--set",
        dest="extra",
        action="append",
        default=[],
        metavar="NAME=VALUE",
        help=_("any other setting the kind declares, e.g. --set status=draft (see `accounts kinds`)"),
    )
    add.add_argument("--password-stdin", action="store_true", help=_("read the password or token from stdin"))
    add.set_defaults(handler=add_account)
    listing = actions.add_parser("list", help=_("list accounts"))
    add_format(listing)
    listing.set_defaults(handler=list_accounts)
    test = actions.add_parser("test", help=_("check that an account works, without posting"))
    test.add_argument("name", metavar="NAME")
    test.set_defaults(handler=test_account)
    remove = actions.add_parser("remove", help=_("remove an account and its secret"))
    remove.add_argument("name", metavar="NAME")
    remove.set_defaults(handler=remove_account)
    kinds = actions.add_parser("kinds", help=_("the kinds of account this app can publish to"))
    kinds.set_defaults(handler=list_kinds)


def credentials() -> CredentialStore:
    """The OS keyring; no session-only fallback on the command line (nothing would outlive it)."""
    from composer.core.credentials import CredentialError, open_credentials  # noqa: PLC0415

    try:
        store, _reason = open_credentials(allow_session_fallback=False)
    except CredentialError as error:
        raise CommandError(str(error), EXIT_FAILED) from None
    return store


def publishers() -> dict[str, Publisher]:
    from composer.publishers.registry import available  # noqa: PLC0415

    return available()


def stored_accounts() -> dict[str, Account]:
    from composer.publishers.accounts import load_accounts  # noqa: PLC0415

    store = open_store(strict=True)
    try:
        return load_accounts(store)
    finally:
        store.close()


def _read_secret(args: argparse.Namespace) -> str | None:
    if args.password_stdin:
        return sys.stdin.read().rstrip("\r\n")
    if sys.stdin.isatty():
        import getpass  # noqa: PLC0415

        return getpass.getpass(_("Password or token (stored in the OS keyring): "))
    return None


def add_account(args: argparse.Namespace) -> int:
    from composer.publishers.accounts import secret_field, settings_problem  # noqa: PLC0415

    kinds = publishers()
    publisher = kinds.get(args.kind)
    if publisher is None:
        raise CommandError(
            _("unknown account kind {kind!r} (one of: {kinds})").format(kind=args.kind, kinds=", ".join(sorted(kinds)))
        )
    settings = {OPTIONS[k]: str(v) for k, v in vars(args).items() if k in OPTIONS and v is not None}
    fields = publisher.account_fields
    known = {f.name for f in fields}
    unknown = sorted(set(settings) - known)
    if unknown:
        raise CommandError(
            _("{kind} accounts do not take --{option}").format(kind=args.kind, option=unknown[0].replace("_", "-"))
        )
    for item in args.extra:
        name, equals, value = item.partition("=")
        name = name.strip()
        if not equals or name not in known:
            choices = ", ".join(sorted(f.name for f in fields if not f.secret))
            raise CommandError(
                _("--set {item!r}: {kind} accounts take NAME=VALUE with NAME one of {choices}").format(
                    item=item, kind=args.kind, choices=choices
                )
            )
        if any(f.secret for f in fields if f.name == name):
            raise CommandError(
                _("--set {name}: a secret is never given on the command line; use --password-stdin").format(name=name)
            )
        settings[name] = value.strip()
    missing = [f.name for f in fields if f.required and not f.secret and f.name not in settings and not f.default]
    if missing:
        raise CommandError(
            _("{kind} accounts need --{option}").format(kind=args.kind, option=missing[0].replace("_", "-"))
        )
    problem = settings_problem(publisher, settings, has_secret=True)
    if problem:
        raise CommandError(problem)
    field = secret_field(publisher)
    secret = _read_secret(args) if field is not None else None
    offer = getattr(publisher, "host_key_offer", None)
    if callable(offer) and not settings.get("host_key"):
        settings.update(_confirmed_host_key(offer, settings, asked=not args.password_stdin))
    if field is not None and field.required and not secret:
        raise CommandError(
            _("{kind} accounts need a secret: pass it on stdin with --password-stdin").format(kind=args.kind)
        )
    keyring = credentials() if secret else None
    store = open_store(strict=True)
    try:
        store.save_account(args.name, args.kind, settings)
    finally:
        store.close()
    if secret and keyring is not None:
        keyring.set(args.name, secret)
        print(_("Account {name} saved; its secret is kept {where}.").format(name=args.name, where=keyring.where()))
    else:
        print(_("Account {name} saved.").format(name=args.name))
    return EXIT_OK


def _confirmed_host_key(
    offer: Callable[[dict[str, str]], tuple[str, str]], settings: dict[str, str], *, asked: bool
) -> dict[str, str]:
    """The server's host key, pinned once the user confirms it is the one their host gave them:
    on a terminal by answering yes, else by passing it with --host-key (nothing is saved until then)."""
    from composer.publishers.base import PublishError  # noqa: PLC0415

    try:
        fingerprint, key_type = offer(settings)
    except PublishError as error:
        raise CommandError(
            _("cannot reach the server to see its host key: {error}").format(error=error), EXIT_FAILED
        ) from None
    where = f"{settings.get('host', '')}:{settings.get('port') or 22}"
    shown = _("The server at {where} shows a {key_type} host key with fingerprint {fingerprint}.").format(
        where=where, key_type=key_type, fingerprint=fingerprint
    )
    if asked and sys.stdin.isatty():
        print(shown)
        answer = input(_("Is this the fingerprint your host gave you? Type yes to trust it: ")).strip().lower()
        if answer == "yes":
            return {"host_key": fingerprint, "host_key_type": key_type}
        raise CommandError(_("host key not confirmed: nothing saved"))
    raise CommandError(
        _("{shown} Check it with your host, then add the account again with --host-key {fingerprint}").format(
            shown=shown, fingerprint=fingerprint
        )
    )


def list_accounts(args: argparse.Namespace) -> int:
    accounts = stored_accounts()
    if args.format == "json":
        print_json([{"name": a.name, "kind": a.kind, "settings": a.settings} for a in accounts.values()])
    elif not accounts:
        print(_("No accounts yet: add one with `incident-composer accounts add KIND NAME ...`."))
    else:
        for account in accounts.values():
            where = account.settings.get("url") or account.settings.get("host") or account.settings.get("handle", "")
            print(f"{account.name:<20} {account.kind:<10} {where}")
    return EXIT_OK


def test_account(args: argparse.Namespace) -> int:
    from composer.publishers.accounts import credentials_for  # noqa: PLC0415
    from composer.publishers.base import PublishError  # noqa: PLC0415

    account = stored_accounts().get(args.name)
    if account is None:
        raise CommandError(_("no account named {name!r}").format(name=args.name))
    publisher = publishers().get(account.kind)
    if publisher is None:
        raise CommandError(_("no publisher for accounts of kind {kind!r}").format(kind=account.kind), EXIT_FAILED)
    secrets = credentials_for(publisher, credentials().get(args.name))
    try:
        print(publisher.test_connection(account, secrets))
    except PublishError as error:
        print(f"{args.name}: {error}", file=sys.stderr)
        return EXIT_FAILED
    return EXIT_OK


def remove_account(args: argparse.Namespace) -> int:
    from composer.core.credentials import CredentialError  # noqa: PLC0415

    store = open_store(strict=True)
    try:
        removed = store.remove_account(args.name)
    finally:
        store.close()
    if not removed:
        raise CommandError(_("no account named {name!r}").format(name=args.name))
    # The account is gone; a secret we cannot reach cannot be removed either.
    with contextlib.suppress(CommandError, CredentialError):
        credentials().delete(args.name)
    print(_("Account {name} removed.").format(name=args.name))
    return EXIT_OK


def list_kinds(_args: argparse.Namespace) -> int:
    from composer.publishers.registry import discover  # noqa: PLC0415

    for entry in discover().values():
        if entry.publisher is None:
            print(f"{entry.id:<12} " + _("unavailable: {error}").format(error=entry.error))
            continue
        print(f"{entry.id:<12} {_(entry.publisher.display_name)}")
        for field in entry.publisher.account_fields:
            need = (
                _("secret, --password-stdin")
                if field.secret
                else (_("required") if field.required and not field.default else _("optional"))
            )
            choices = f" [{'|'.join(field.choices)}]" if field.choices else ""
            if field.default and not field.secret:
                choices += _(" (default {default})").format(default=field.default)
            print(f"  {field.name:<18} {need}{choices}  {_(field.help) if field.help else ''}".rstrip())
    return EXIT_OK
