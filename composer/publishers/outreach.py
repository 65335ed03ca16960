# SPDX-License-Identifier: GPL-3.0-or-later
"""The publishers' side of reaching every customer (`composer.core.outreach.run`): which account
can send personal messages, and the `deliver` that hands each message's job to the publishing
service (`PublishingService.send_job`: the outbox's claim, recovery and uncertain handling)."""

from __future__ import annotations

import threading
from typing import TYPE_CHECKING

from composer.core.i18n import _
from composer.core.outreach.run import Delivery, Report
from composer.publishers.base import Account, Publisher, sends_personal_messages

if TYPE_CHECKING:
    from collections.abc import Callable, Mapping

    from composer.core.outbox import Job
    from composer.publishers.service import PublishingService


class OutreachAccountError(ValueError):
    """The account cannot send personal messages (unknown, or its channel cannot); one line."""


def outreach_account(name: str, accounts: Mapping[str, Account], publishers: Mapping[str, Publisher]) -> Account:
    """Account `name`, when its channel can send a message to one customer alone; else OutreachAccountError."""
    account = accounts.get(name)
    if account is None:
        known = ", ".join(sorted(accounts)) or _("none yet")
        raise OutreachAccountError(
            _("there is no account named {name!r} (accounts: {known})").format(name=name, known=known)
        )
    publisher = publishers.get(account.kind)
    if publisher is None:
        raise OutreachAccountError(
            _("account {name!r} is of kind {account_kind!r}, whose publisher is not available").format(
                name=name, account_kind=account.kind
            )
        )
    if not sends_personal_messages(publisher):
        raise OutreachAccountError(
            _(
                "account {name!r} ({display_name}) cannot send a personal message to one customer; "
                "choose an email account"
            ).format(name=name, display_name=_(publisher.display_name))
        )
    return account


def deliverer(service: PublishingService) -> Callable[[Job, threading.Event, Report], Delivery]:
    """`deliver` for `send_messages`: the job sent once through the service (never queued for the
    background sender: a refusal comes back 'pending' for the run's own backoff)."""

    def deliver(job: Job, cancel: threading.Event, report: Report) -> Delivery:
        outcome = service.send_job(
            job, cancel=cancel, queue=True, progress=lambda _account, fraction, text: report(fraction, text)
        )
        state = outcome.state or ("sent" if outcome.ok else "failed")
        return Delivery(state, "" if outcome.ok else outcome.error)

    return deliver
