# SPDX-License-Identifier: GPL-3.0-or-later
"""`incident-composer outbox list|send|retry|cancel|resolve`: what waits to be sent, and the user's say.

`send` tries every waiting post now (the user asked), then, with `--wait SECONDS`, keeps trying
the channels that could not be reached for that long, sending as soon as their server answers.
Exit codes: `send` 0 when nothing is left to do (no job waiting, failed or uncertain), 1
otherwise; the others 0, or 2 for a job that does not exist or is not in a state the action
applies to.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from composer.cli.base import (
    EXIT_BAD_INPUT,
    EXIT_FAILED,
    EXIT_OK,
    CommandError,
    add_format,
    open_store,
    print_json,
    record_id,
)
from composer.core.i18n import _

if TYPE_CHECKING:
    import argparse

    from composer.core.outbox import Job
    from composer.core.store import Store
    from composer.publishers.service import Outcome, PublishingService


def add_parsers(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    outbox = commands.add_parser("outbox", help=_("posts waiting to be sent, and what became of each"))
    actions = outbox.add_subparsers(dest="outbox_command", metavar="ACTION", required=True)

    listing = actions.add_parser("list", help=_("every job: its account, update, state, tries and error"))
    add_format(listing)
    listing.set_defaults(handler=list_jobs)

    send = actions.add_parser("send", help=_("send every waiting post now"))
    send.add_argument(
        "--wait",
        type=float,
        default=0.0,
        metavar="SECONDS",
        help=_("keep trying channels that cannot be reached for up to SECONDS (sends as soon as they answer)"),
    )
    send.set_defaults(handler=send_jobs)

    retry = actions.add_parser("retry", help=_("send a failed, cancelled or waiting job again (now)"))
    retry.add_argument("job", type=record_id, metavar="JOB")
    retry.set_defaults(handler=retry_job)

    cancel = actions.add_parser("cancel", help=_("do not send a job that has not gone out"))
    cancel.add_argument("job", type=record_id, metavar="JOB")
    cancel.set_defaults(handler=cancel_job)

    resolve = actions.add_parser("resolve", help=_("say what became of an uncertain job"))
    resolve.add_argument("job", type=record_id, metavar="JOB")
    answer = resolve.add_mutually_exclusive_group(required=True)
    answer.add_argument("--sent", action="store_true", help=_("it did go out: never send it again"))
    answer.add_argument("--resend", action="store_true", help=_("it did not go out: send it again"))
    resolve.set_defaults(handler=resolve_job)


def job_row(job: Job) -> dict[str, object]:
    """One job as `outbox list --format json` shows it."""
    return {
        "id": job.id,
        "account": job.account,
        "incident": int(job.incident_key) if job.incident_key.isdigit() else job.incident_key or None,
        "update": job.update_id,
        "state": job.state,
        "attempts": job.attempts,
        "next_attempt": job.next_attempt.isoformat() if job.next_attempt is not None else None,
        "error": job.last_error,
        "link": str(job.receipt.get("url") or ""),
        "remote_id": str(job.receipt.get("remote_id") or ""),  # e.g. an email's Message-ID
        "channel": str(job.post.get("channel", "")),
        "title": str(job.post.get("title", "")),
    }


def _local(text: object) -> str:
    from datetime import datetime  # noqa: PLC0415

    return datetime.fromisoformat(str(text)).astimezone().strftime("%Y-%m-%d %H:%M") if text else ""


def list_jobs(args: argparse.Namespace) -> int:
    store = open_store()
    try:
        rows = [job_row(job) for job in store.outbox().jobs()]
    finally:
        store.close()
    if args.format == "json":
        print_json(rows)
        return EXIT_OK
    if not rows:
        print(_("The outbox is empty: nothing was published or queued yet."))
        return EXIT_OK
    for row in rows:
        title = f"“{row['title']}” " if row["title"] else ""
        where = _("{title}(incident {incident}, update {update})").format(
            title=title, incident=row["incident"], update=row["update"]
        )
        more = (
            row["link"]
            or row["remote_id"]
            or (_("next try {when}").format(when=_local(row["next_attempt"])) if row["next_attempt"] else "")
        )
        tries = _("tries {count}").format(count=row["attempts"])
        print(f"{row['id']:>5}  {row['state']:<10} {row['account']:<16} {where}  {tries}  {more}")
        if row["error"] and row["state"] != "sent":
            print(f"       {row['error']}")
    return EXIT_OK


def _service(store: Store) -> PublishingService:
    from composer.cli.accounts import publishers  # noqa: PLC0415
    from composer.cli.publish import keyring_secrets  # noqa: PLC0415
    from composer.cli.statuspage import site_builder  # noqa: PLC0415
    from composer.publishers.accounts import load_accounts  # noqa: PLC0415
    from composer.publishers.service import PublishingService  # noqa: PLC0415

    return PublishingService(store.outbox(), load_accounts(store), publishers(), keyring_secrets(), site_builder(store))


def describe(outcome: Outcome) -> str:
    """One line for an outcome, as `publish` and `outbox send` print it."""
    job = _(" (job {id})").format(id=outcome.job_id) if outcome.job_id is not None else ""
    if outcome.receipt is not None:
        where = outcome.receipt.url or outcome.receipt.remote_id
        note = _(" (already sent earlier; not sent again)") if outcome.reused else ""
        return _("{account}{job}: sent {where}{note}").format(account=outcome.account, job=job, where=where, note=note)
    if outcome.queued:
        when = outcome.next_attempt.astimezone().strftime("%H:%M:%S") if outcome.next_attempt else _("soon")
        return _("{account}{job}: QUEUED, next try at {when}: {error}").format(
            account=outcome.account, job=job, when=when, error=outcome.error
        )
    if outcome.uncertain:
        return _("{account}{job}: UNCERTAIN {error}").format(account=outcome.account, job=job, error=outcome.error)
    return _("{account}{job}: ERROR {error}").format(account=outcome.account, job=job, error=outcome.error)


def send_jobs(args: argparse.Namespace) -> int:
    from composer.publishers import sender  # noqa: PLC0415

    if not 0 <= args.wait <= 7 * 86400:
        raise CommandError(_("--wait takes a number of seconds, up to a week"))
    store = open_store(strict=True)
    try:
        service = _service(store)
        store.outbox().wake()  # asked to send: every waiting post is tried now, whatever its backoff
        outcomes = sender.watch(service, args.wait, say=lambda outcome: print(describe(outcome), flush=True))
        left = store.outbox().open_jobs()
    finally:
        store.close()
    if not outcomes and not left:
        print(_("Nothing to send."))
    if left:
        counts: dict[str, int] = {}
        for job in left:
            counts[job.state] = counts.get(job.state, 0) + 1
        summary = ", ".join(f"{n} {state}" for state, n in sorted(counts.items()))
        print(_("Not done: {summary} (see `incident-composer outbox list`).").format(summary=summary))
        return EXIT_FAILED
    return EXIT_OK


def _act(job_id: int, action: str, **options: bool) -> int:
    from composer.core.outbox import OutboxError  # noqa: PLC0415

    store = open_store(strict=True)
    try:
        outbox = store.outbox()
        try:
            job = getattr(outbox, action)(job_id, **options)
        except OutboxError as error:
            raise CommandError(str(error), EXIT_BAD_INPUT) from None
    finally:
        store.close()
    next_step = _(" `incident-composer outbox send` sends it now.") if job.state == "pending" else ""
    print(
        _("job {id} ({account}): {state}.{next_step}").format(
            id=job.id, account=job.account, state=job.state, next_step=next_step
        )
    )
    return EXIT_OK


def retry_job(args: argparse.Namespace) -> int:
    return _act(args.job, "retry")


def cancel_job(args: argparse.Namespace) -> int:
    return _act(args.job, "cancel")


def resolve_job(args: argparse.Namespace) -> int:
    return _act(args.job, "resolve", sent=bool(args.sent))
