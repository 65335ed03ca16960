# SPDX-License-Identifier: GPL-3.0-or-later
"""`incident-composer publish FILE --to NAME[,NAME...]`: one update file to accounts.

The same publishable update the window builds (`composer.publishers.publishable`): the
template's email subject and short social texts included. Exit 0 when every account got it,
1 when any failed, 2 on bad input.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from composer.cli.accounts import publishers, stored_accounts
from composer.cli.base import EXIT_FAILED, EXIT_OK, CommandError, open_store

if TYPE_CHECKING:
    import argparse

    from composer.core.credentials import CredentialStore


def add_parsers(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    publish = commands.add_parser("publish", help="publish an update file to accounts")
    publish.add_argument("file", type=Path, metavar="FILE")
    publish.add_argument("--to", required=True, metavar="NAME[,NAME...]")
    publish.set_defaults(handler=publish_file)


def keyring_secrets() -> Callable[[str], str | None]:
    """Secrets from the OS keyring, opened on the first one asked for: the service asks only for
    accounts that need one, so a mail relay with no login never needs a keyring."""
    opened: list[CredentialStore] = []
    lock = threading.Lock()

    def secret_for(name: str) -> str | None:
        from composer.core.credentials import open_credentials  # noqa: PLC0415

        with lock:
            if not opened:
                opened.append(open_credentials(allow_session_fallback=False)[0])  # CredentialError: this account fails
        return opened[0].get(name)

    return secret_for


def publish_file(args: argparse.Namespace) -> int:
    from composer.cli.templates import library  # noqa: PLC0415
    from composer.core.interchange import InterchangeError, read_update  # noqa: PLC0415
    from composer.core.outgoing import fill_template_texts  # noqa: PLC0415
    from composer.publishers.publishable import publishable_update  # noqa: PLC0415
    from composer.publishers.service import PublishingService  # noqa: PLC0415

    try:
        doc = read_update(args.file)
    except InterchangeError as error:
        raise CommandError(str(error)) from None
    names = [n.strip() for n in args.to.split(",") if n.strip()]
    accounts = stored_accounts()
    unknown = [n for n in names if n not in accounts]
    if unknown:
        raise CommandError(f"no account named {unknown[0]!r} (see `incident-composer accounts list`)")
    kinds = publishers()
    store = open_store(strict=True)
    try:
        doc = fill_template_texts(doc, library())
        update = publishable_update(doc, long_url=store.organisation().status_page_url)
        service = PublishingService(store.outbox(), accounts, kinds, keyring_secrets())
        outcomes = service.publish(update, names)
    finally:
        store.close()
    for outcome in outcomes:
        if outcome.receipt is not None:
            where = outcome.receipt.url or outcome.receipt.remote_id
            note = " (already sent earlier; not sent again)" if outcome.reused else ""
            print(f"{outcome.account}: {where}{note}")
        else:
            print(f"{outcome.account}: ERROR {outcome.error}")
    return EXIT_OK if all(o.ok for o in outcomes) else EXIT_FAILED
