# SPDX-License-Identifier: GPL-3.0-or-later
"""`incident-composer publish FILE --to NAME[,NAME...] [--queue]`: one update file to accounts,
and to every status page account (sftp, webdav) unless `--no-status-page`.

The same publishable update the window builds (`composer.publishers.publishable`): the
template's email subject and short social texts included. The file's update is stored first
(`composer.core.exchange.stored_for_publishing`): with an `incident:` key it is an update of that
incident, else a new incident; the same file published again is the same update, never sent
twice. Exit 0 when every account got it (with `--queue`: or it waits in the outbox), 1 when
any failed or may have gone out, 2 on bad input.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from composer.cli.accounts import publishers, stored_accounts
from composer.cli.base import EXIT_FAILED, EXIT_OK, CommandError, open_store
from composer.core.i18n import _

if TYPE_CHECKING:
    import argparse

    from composer.core.checks import Finding
    from composer.core.credentials import CredentialStore
    from composer.core.interchange import UpdateDocument
    from composer.core.model import Update
    from composer.publishers.base import Publisher


def add_parsers(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    publish = commands.add_parser("publish", help=_("publish an update file to accounts"))
    publish.add_argument("file", type=Path, metavar="FILE")
    publish.add_argument("--to", required=True, metavar="NAME[,NAME...]")
    publish.add_argument(
        "--override",
        metavar="REASON",
        help=_("publish although checks fail; the reason (10 characters or more) is kept in the update's history"),
    )
    publish.add_argument(
        "--queue",
        action="store_true",
        help=_("what cannot be sent now (a server unreachable) waits in the outbox for `outbox send`"),
    )
    publish.add_argument(
        "--no-status-page",
        action="store_true",
        help=_("do not update the status page accounts (sftp, webdav) with this update; they are updated by default"),
    )
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


def _failing_checks(doc: UpdateDocument, channels: list[Publisher]) -> list[Finding]:
    """The checks `doc` fails now, with the length rules of the channels it goes to."""
    from composer.cli.check import check_config, with_channels  # noqa: PLC0415
    from composer.core.checks import Verdict, check_document  # noqa: PLC0415

    limited = ",".join(sorted({publisher.id for publisher in channels if publisher.policy.limit}))
    config = with_channels(check_config(None), limited or None)
    return [f for f in check_document(doc, datetime.now(UTC).astimezone(), config) if f.verdict is Verdict.FAIL]


def publish_file(args: argparse.Namespace) -> int:
    from composer.cli.outbox import describe  # noqa: PLC0415
    from composer.cli.statuspage import site_builder  # noqa: PLC0415
    from composer.cli.templates import library  # noqa: PLC0415
    from composer.core.checks import MIN_REASON_LENGTH  # noqa: PLC0415
    from composer.core.exchange import stored_for_publishing  # noqa: PLC0415
    from composer.core.interchange import InterchangeError, read_update  # noqa: PLC0415
    from composer.core.model import Event  # noqa: PLC0415
    from composer.core.outgoing import fill_template_texts  # noqa: PLC0415
    from composer.core.workspace.gate import approval_refusal  # noqa: PLC0415
    from composer.publishers.publishable import publishable_update  # noqa: PLC0415
    from composer.publishers.service import PublishingService  # noqa: PLC0415

    try:
        doc = read_update(args.file)
    except InterchangeError as error:
        raise CommandError(str(error)) from None
    names = [n.strip() for n in args.to.split(",") if n.strip()]
    if not names:
        raise CommandError(_("--to names no account (see `incident-composer accounts list`)"))
    accounts = stored_accounts()
    unknown = [n for n in names if n not in accounts]
    if unknown:
        raise CommandError(
            _("no account named {unknown!r} (see `incident-composer accounts list`)").format(unknown=unknown[0])
        )
    kinds = publishers()
    if not args.no_status_page:  # the status page goes with every update
        pages = [n for n, a in accounts.items() if getattr(kinds.get(a.kind), "uploads_site", False) and n not in names]
        for name in pages:
            print(_("The status page on {name} is updated too (--no-status-page to leave it).").format(name=name))
        names += pages
    override = (args.override or "").strip()
    if args.override is not None and len(override) < MIN_REASON_LENGTH:
        raise CommandError(
            _("--override needs a reason of {count} characters or more: say why").format(count=MIN_REASON_LENGTH)
        )
    filled = fill_template_texts(doc, library())
    failures = _failing_checks(filled, [kinds[accounts[n].kind] for n in names if accounts[n].kind in kinds])
    if failures and not override:  # the same gate as the window's: nothing is stored or sent
        print(_('Not published: these checks fail. Fix the file, or publish with --override "why".'))
        for finding in failures:
            print(f"  FAIL  {finding.rule:<20} {finding.message}")
        return EXIT_FAILED
    store = open_store(strict=True)
    try:
        incident, update, new = stored_for_publishing(store, doc)
        assert incident.id is not None and update.id is not None
        if new:
            print(_stored_as(doc, incident.id, update))
        refusal = approval_refusal(store.path, update.id)
        if refusal:  # the workspace's approval by a second person, as in the window
            print(_("Not published: {reason}.").format(reason=refusal))
            return EXIT_FAILED
        if failures:  # recorded as the window records it
            rules = [finding.rule for finding in failures]
            store.add_event(Event(update.id, "override", {"reason": override, "rules": rules}))
        doc = filled
        organisation = store.organisation()
        publishable = publishable_update(
            doc,
            incident_id=incident.id,
            update_id=update.id,
            long_url=organisation.status_page_url,
            organisation=organisation.name,
        )
        publishable.first_of_incident = store.updates(incident.id)[0].id == update.id
        service = PublishingService(store.outbox(), accounts, kinds, keyring_secrets(), site_builder(store))
        outcomes = service.publish(publishable, names, queue=args.queue)
    finally:
        store.close()
    for outcome in outcomes:
        print(describe(outcome))
    return EXIT_OK if all(o.ok or (args.queue and o.queued) for o in outcomes) else EXIT_FAILED


def _stored_as(doc: UpdateDocument, incident_id: int, update: Update) -> str:
    """What became of a file published for the first time, and how to go on from it."""
    if doc.update_id is not None:
        again = _(" It was published before: this goes out as a correction.") if update.publications else ""
        return _("Update {update} of incident {incident} changed to this file's text.{again}").format(
            update=update.id, incident=incident_id, again=again
        )
    if doc.incident_id is None:
        return _(
            "Stored as incident {incident}: add `incident: {incident}` to the next update's "
            "file (to correct this one later: `incident-composer export {incident} --update "
            "{update}`)."
        ).format(incident=incident_id, update=update.id)
    return _(
        "Stored as update {update} of incident {incident} (to correct it later: "
        "`incident-composer export {incident} --update {update}`)."
    ).format(update=update.id, incident=incident_id)
