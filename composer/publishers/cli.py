# SPDX-License-Identifier: GPL-3.0-or-later
"""`incident-composer accounts ...` and `incident-composer publish FILE --to NAME[,NAME...]`.

Account settings go to the store; the secret goes to the OS keyring and nowhere else.
Exit codes: 0 success, 1 the work failed (a channel failed, no keyring), 2 bad input.
"""

from __future__ import annotations

import contextlib
import getpass
import hashlib
import json
import sys
from pathlib import Path

from composer.publishers.accounts import credentials_for, load_accounts, secret_field, settings_problem
from composer.publishers.base import Account, PublishableUpdate

EXIT_OK, EXIT_FAILED, EXIT_BAD_INPUT = 0, 1, 2
# Command-line option -> account setting name.
OPTIONS = {"url": "url", "host": "host", "port": "port", "username": "username", "from_": "from", "to": "to",
           "bcc": "bcc", "security": "security", "ca_file": "ca_file", "list_unsubscribe": "list_unsubscribe",
           "handle": "handle"}


class CommandError(Exception):
    def __init__(self, message: str, code: int = EXIT_BAD_INPUT):
        super().__init__(message)
        self.code = code


def add_arguments(commands) -> None:
    accounts = commands.add_parser("accounts", help="publishing accounts (secrets in the OS keyring)")
    actions = accounts.add_subparsers(dest="accounts_command", metavar="ACTION", required=True)
    add = actions.add_parser("add", help="add or replace an account")
    add.add_argument("kind", metavar="KIND", help="email, … (see `accounts kinds`)")
    add.add_argument("name", metavar="NAME")
    for option in ("url", "host", "port", "username", "to", "bcc", "security", "ca-file", "list-unsubscribe",
                   "handle"):
        add.add_argument(f"--{option}")
    add.add_argument("--from", dest="from_")
    add.add_argument("--set", dest="extra", action="append", default=[], metavar="NAME=VALUE",
                     help="any other setting the kind declares, e.g. --set status=draft (see `accounts kinds`)")
    add.add_argument("--password-stdin", action="store_true", help="read the password or token from stdin")
    listing = actions.add_parser("list", help="list accounts")
    listing.add_argument("--format", choices=("text", "json"), default="text")
    test = actions.add_parser("test", help="check that an account works, without posting")
    test.add_argument("name", metavar="NAME")
    remove = actions.add_parser("remove", help="remove an account and its secret")
    remove.add_argument("name", metavar="NAME")
    actions.add_parser("kinds", help="the kinds of account this app can publish to")

    publish = commands.add_parser("publish", help="publish an update file to accounts")
    publish.add_argument("file", type=Path, metavar="FILE")
    publish.add_argument("--to", required=True, metavar="NAME[,NAME...]")


def _store():
    from composer.core.paths import database_path  # noqa: PLC0415
    from composer.core.store import Store  # noqa: PLC0415

    store, report = Store.open(database_path())
    if report.read_only:
        raise CommandError(report.message, EXIT_FAILED)
    return store


def _credentials():
    from composer.core.credentials import CredentialError, open_credentials  # noqa: PLC0415

    try:
        store, _reason = open_credentials(allow_session_fallback=False)
    except CredentialError as error:
        raise CommandError(str(error), EXIT_FAILED) from None
    return store


def _publishers() -> dict[str, object]:
    from composer.publishers.registry import discover  # noqa: PLC0415

    return {entry_id: entry.publisher for entry_id, entry in discover().items() if entry.publisher is not None}


def _read_secret(args) -> str | None:
    if args.password_stdin:
        return sys.stdin.read().rstrip("\r\n")
    if sys.stdin.isatty():
        return getpass.getpass("Password or token (stored in the OS keyring): ")
    return None


def accounts_add(args) -> int:
    publishers = _publishers()
    publisher = publishers.get(args.kind)
    if publisher is None:
        raise CommandError(f"unknown account kind {args.kind!r} (one of: {', '.join(sorted(publishers))})")
    settings = {OPTIONS[k]: str(v) for k, v in vars(args).items() if k in OPTIONS and v is not None}
    fields = publisher.account_fields  # type: ignore[attr-defined]
    known = {f.name for f in fields}
    unknown = sorted(set(settings) - known)
    if unknown:
        raise CommandError(f"{args.kind} accounts do not take --{unknown[0].replace('_', '-')}")
    for item in getattr(args, "extra", []):
        name, equals, value = item.partition("=")
        name = name.strip()
        if not equals or name not in known:
            choices = ", ".join(sorted(f.name for f in fields if not f.secret))
            raise CommandError(f"--set {item!r}: {args.kind} accounts take NAME=VALUE with NAME one of {choices}")
        if any(f.secret for f in fields if f.name == name):
            raise CommandError(f"--set {name}: a secret is never given on the command line; use --password-stdin")
        settings[name] = value.strip()
    missing = [f.name for f in fields if f.required and not f.secret and f.name not in settings and not f.default]
    if missing:
        raise CommandError(f"{args.kind} accounts need --{missing[0].replace('_', '-')}")
    problem = settings_problem(publisher, settings, has_secret=True)
    if problem:
        raise CommandError(problem)
    field = secret_field(publisher)
    secret = _read_secret(args) if field is not None else None
    if field is not None and field.required and not secret:  # type: ignore[attr-defined]
        raise CommandError(f"{args.kind} accounts need a secret: pass it on stdin with --password-stdin")
    credentials = _credentials() if secret else None
    store = _store()
    try:
        store.save_account(args.name, args.kind, settings)
    finally:
        store.close()
    if secret and credentials is not None:
        credentials.set(args.name, secret)
        print(f"Account {args.name} saved; its secret is kept {credentials.where()}.")
    else:
        print(f"Account {args.name} saved.")
    return EXIT_OK


def _accounts() -> dict[str, Account]:
    store = _store()
    try:
        return load_accounts(store)
    finally:
        store.close()


def accounts_list(args) -> int:
    accounts = _accounts()
    if args.format == "json":
        print(json.dumps([{"name": a.name, "kind": a.kind, "settings": a.settings} for a in accounts.values()],
                         indent=2))
    elif not accounts:
        print("No accounts yet: add one with `incident-composer accounts add KIND NAME ...`.")
    else:
        for account in accounts.values():
            where = account.settings.get("url") or account.settings.get("host") or account.settings.get("handle", "")
            print(f"{account.name:<20} {account.kind:<10} {where}")
    return EXIT_OK


def accounts_test(args) -> int:
    account = _accounts().get(args.name)
    if account is None:
        raise CommandError(f"no account named {args.name!r}")
    publisher = _publishers().get(account.kind)
    if publisher is None:
        raise CommandError(f"no publisher for accounts of kind {account.kind!r}", EXIT_FAILED)
    from composer.publishers.base import PublishError  # noqa: PLC0415

    credentials = credentials_for(publisher, _credentials().get(args.name))
    try:
        print(publisher.test_connection(account, credentials))  # type: ignore[attr-defined]
    except PublishError as error:
        print(f"{args.name}: {error}", file=sys.stderr)
        return EXIT_FAILED
    return EXIT_OK


def accounts_remove(args) -> int:
    store = _store()
    try:
        removed = store.remove_account(args.name)
    finally:
        store.close()
    if not removed:
        raise CommandError(f"no account named {args.name!r}")
    from composer.core.credentials import CredentialError  # noqa: PLC0415

    # The account is gone; a secret we cannot reach cannot be removed either.
    with contextlib.suppress(CommandError, CredentialError):
        _credentials().delete(args.name)
    print(f"Account {args.name} removed.")
    return EXIT_OK


def accounts_kinds(_args) -> int:
    from composer.publishers.registry import discover  # noqa: PLC0415

    for entry in discover().values():
        if entry.publisher is None:
            print(f"{entry.id:<12} unavailable: {entry.error}")
            continue
        print(f"{entry.id:<12} {entry.publisher.display_name}")
        for field in entry.publisher.account_fields:
            need = "secret, --password-stdin" if field.secret else (
                "required" if field.required and not field.default else "optional")
            choices = f" [{'|'.join(field.choices)}]" if field.choices else ""
            if field.default and not field.secret:
                choices += f" (default {field.default})"
            print(f"  {field.name:<18} {need}{choices}  {field.help}".rstrip())
    return EXIT_OK


def _stable_id(text: str) -> int:
    return int(hashlib.sha256(text.encode()).hexdigest()[:12], 16)


def publish_file(args) -> int:
    from composer.core.interchange import InterchangeError, read_update  # noqa: PLC0415
    from composer.publishers.service import PublishingService  # noqa: PLC0415

    try:
        doc = read_update(args.file)
    except InterchangeError as error:
        raise CommandError(str(error)) from None
    names = [n.strip() for n in args.to.split(",") if n.strip()]
    accounts = _accounts()
    unknown = [n for n in names if n not in accounts]
    if unknown:
        raise CommandError(f"no account named {unknown[0]!r} (see `incident-composer accounts list`)")
    update = PublishableUpdate(
        incident_id=doc.incident_id or _stable_id(doc.title or doc.body[:200]),
        update_id=_stable_id(doc.body), title=doc.title or "Service update", body=doc.body,
        language=doc.language or "en", status=doc.status.value, signer=doc.signer,
        subject=str(doc.extra.get("subject") or ""), long_url=str(doc.extra.get("long_url") or ""),
        first_of_incident=doc.last_update is None,
    )
    credentials = _credentials()
    store = _store()
    try:
        service = PublishingService(store.outbox(), accounts, _publishers(), credentials.get)
        outcomes = service.publish(update, names)
    finally:
        store.close()
    for outcome in outcomes:
        if outcome.ok:
            where = outcome.receipt.url or outcome.receipt.remote_id  # type: ignore[union-attr]
            note = " (already sent earlier; not sent again)" if outcome.reused else ""
            print(f"{outcome.account}: {where}{note}")
        else:
            print(f"{outcome.account}: ERROR {outcome.error}")
    return EXIT_OK if all(o.ok for o in outcomes) else EXIT_FAILED


HANDLERS = {"add": accounts_add, "list": accounts_list, "test": accounts_test, "remove": accounts_remove,
            "kinds": accounts_kinds}


def run(args) -> int:
    try:
        if args.command == "publish":
            return publish_file(args)
        return HANDLERS[args.accounts_command](args)
    except CommandError as error:
        print(f"incident-composer: {error}", file=sys.stderr)
        return error.code
