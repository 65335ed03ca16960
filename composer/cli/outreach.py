# SPDX-License-Identifier: GPL-3.0-or-later
"""`incident-composer outreach`: a personal message to every affected customer, and who was reached.

    outreach send --incident ID --csv FILE --template TEMPLATE_ID --account NAME [--rate N/min]
                  [--map FIELD=COLUMN]... [--set FIELD=VALUE]... [--dry-run]
    outreach status --incident ID [--format json]
    outreach mark --incident ID EMAIL (--replied | --needs-call [--note TEXT] | --clear) [--by NAME]
    outreach export --incident ID [--output FILE]

`send` prints a line per customer and a summary; exit 0 when every customer has their message
(now or from an earlier run), 1 when some failed, may not have gone out (uncertain), or rows of
the list were left out, 2 on bad input (a list that cannot be read, an unknown template, field,
column or account). Made again after a crash or a kill, it sends only what did not go out.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING

from composer.cli.base import (
    EXIT_BAD_INPUT,
    EXIT_FAILED,
    EXIT_OK,
    CommandError,
    account_name,
    add_format,
    open_store,
    print_json,
    record_id,
    write_output,
)
from composer.core.i18n import N_, _, ngettext

if TYPE_CHECKING:
    import argparse

    from composer.core.outreach.messages import Plan
    from composer.core.outreach.run import RunResult
    from composer.core.store import Store

_RATE = re.compile(r"\s*(\d{1,6})\s*(?:/\s*(?:min|minute|m))?\s*", re.IGNORECASE)


def add_parsers(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    outreach = commands.add_parser("outreach", help=_("a personal message to every affected customer"))
    actions = outreach.add_subparsers(dest="outreach_command", metavar="ACTION", required=True)

    send = actions.add_parser("send", help=_("send each customer of a list their own message"))
    send.add_argument("--incident", type=record_id, required=True, metavar="ID")
    send.add_argument("--csv", type=Path, required=True, metavar="FILE", help=_("the customers: CSV, a header row"))
    send.add_argument("--template", required=True, metavar="TEMPLATE_ID", help=_("e.g. apology-email-en"))
    send.add_argument("--account", type=account_name, required=True, metavar="NAME", help=_("an email account"))
    send.add_argument("--rate", type=rate, default=30, metavar="N/min", help=_("messages a minute (default 30/min)"))
    send.add_argument(
        "--map", action="append", default=[], metavar="FIELD=COLUMN", dest="maps", help=_("a template field's column")
    )
    send.add_argument(
        "--set",
        action="append",
        default=[],
        metavar="FIELD=VALUE",
        dest="values",
        help=_("a field's value for everyone"),
    )
    send.add_argument("--dry-run", action="store_true", help=_("render every message and say who would get one"))
    send.set_defaults(handler=send_outreach)

    status = actions.add_parser("status", help=_("who was reached: one row per customer"))
    status.add_argument("--incident", type=record_id, required=True, metavar="ID")
    add_format(status)
    status.set_defaults(handler=outreach_status)

    mark = actions.add_parser("mark", help=_("mark by hand: the customer replied, or needs a call"))
    mark.add_argument("--incident", type=record_id, required=True, metavar="ID")
    mark.add_argument("email", metavar="EMAIL")
    what = mark.add_mutually_exclusive_group(required=True)
    what.add_argument("--replied", action="store_true")
    what.add_argument("--needs-call", action="store_true")
    what.add_argument("--clear", action="store_true", help=_("take back both marks"))
    mark.add_argument("--note", default="", help=_("why the call (with --needs-call)"))
    mark.add_argument("--by", default="", metavar="NAME", help=_("who (default: this computer's user)"))
    mark.set_defaults(handler=mark_contact)

    export = actions.add_parser("export", help=_("the tracking table as CSV"))
    export.add_argument("--incident", type=record_id, required=True, metavar="ID")
    export.add_argument("--output", "-o", type=Path, metavar="FILE")
    export.set_defaults(handler=export_contacts)


def rate(text: str) -> int:
    """An argparse type: `N/min` (or N), 1 to 60,000 messages a minute."""
    import argparse  # noqa: PLC0415

    from composer.core.outreach.run import MAX_RATE  # noqa: PLC0415

    match = _RATE.fullmatch(text)
    if match is None or not 1 <= int(match.group(1)) <= MAX_RATE:
        raise argparse.ArgumentTypeError(
            _("{text!r} is not a rate: give N/min, N from 1 to {largest}").format(text=text, largest=MAX_RATE)
        )
    return int(match.group(1))


def _pairs(items: list[str], option: str) -> dict[str, str]:
    pairs: dict[str, str] = {}
    for item in items:
        name, sep, value = item.partition("=")
        if not sep or not name.strip() or not value.strip():
            message = (
                _("{option} needs FIELD=COLUMN, not {item!r}")
                if option == "--map"
                else _("{option} needs FIELD=VALUE, not {item!r}")
            )
            raise CommandError(message.format(option=option, item=item))
        pairs[name.strip()] = value.strip()
    return pairs


def _plan(store: Store, args: argparse.Namespace) -> Plan:
    """Every customer's message, or a CommandError (exit 2) naming what is wrong with the input."""
    from composer.cli.templates import library, local_zone  # noqa: PLC0415
    from composer.core.outreach import CustomerListError, read_customers_file  # noqa: PLC0415
    from composer.core.outreach.messages import (  # noqa: PLC0415
        PlanError,
        organisation_region,
        plan_messages,
        shared_values,
    )

    incident = store.incident(args.incident)  # NotFound: exit 2
    organisation, people = store.organisation(), store.people()
    try:
        customers = read_customers_file(args.csv, default_region=organisation_region(organisation.phone))
    except CustomerListError as error:
        raise CommandError(str(error)) from None
    if not customers.rows:
        raise CommandError(_("{csv}: no customer with a valid address in the list").format(csv=args.csv))
    shared = shared_values(incident, organisation, people, local_zone=local_zone())
    shared.update(_pairs(args.values, "--set"))
    try:
        return plan_messages(
            customers,
            incident_id=args.incident,
            account=args.account,
            template_id=args.template,
            library=library(),
            shared=shared,
            explicit=_pairs(args.maps, "--map"),
            incident_title=incident.title,
        )
    except PlanError as error:
        raise CommandError(str(error)) from None


def send_outreach(args: argparse.Namespace) -> int:
    from composer.cli.accounts import publishers  # noqa: PLC0415
    from composer.publishers.accounts import load_accounts  # noqa: PLC0415
    from composer.publishers.outreach import OutreachAccountError, outreach_account  # noqa: PLC0415

    store = open_store(strict=True)
    try:
        try:
            outreach_account(args.account, load_accounts(store), publishers())
        except OutreachAccountError as error:
            raise CommandError(str(error)) from None
        plan = _plan(store, args)
        for note in plan.notes:
            print(_("note: {note}").format(note=note))
        if args.dry_run:
            return _dry_run(plan)
        result = _send(store, plan, args.rate)
    finally:
        store.close()
    return _summary(plan, result)


def _send(store: Store, plan: Plan, per_minute: int) -> RunResult:
    from composer.cli.outbox import _service  # noqa: PLC0415
    from composer.core.outreach import default_actor  # noqa: PLC0415
    from composer.core.outreach.run import Reached, Throttle, send_messages  # noqa: PLC0415
    from composer.publishers.outreach import deliverer  # noqa: PLC0415

    def say(reached: Reached) -> None:
        print(_line(reached.state, reached.email, reached.name, reached.error, reached.job_id), flush=True)

    service = _service(store)
    return send_messages(store, plan, deliverer(service), throttle=Throttle(per_minute), by=default_actor(), each=say)


# An outreach row's state -> what its line starts with.
_WORDS = {
    "contacted": N_("sent"),
    "already": N_("already sent earlier, not sent again:"),
    "failed": N_("FAILED"),
    "uncertain": N_("UNCERTAIN"),
    "skipped": N_("SKIPPED"),
    "cancelled": N_("CANCELLED in the outbox, not sent:"),
    "not-sent": N_("NOT SENT"),
}


def _line(state: str, email: str, name: str, error: str, job_id: int | None) -> str:
    who = f"{name} <{email}>" if name else email
    line = f"{_(_WORDS[state]) if state in _WORDS else state} {who}"
    if error:
        line += f": {error}"
    if state == "uncertain" and job_id is not None:
        line += _(" — check, then `incident-composer outbox resolve {job} --sent` or `--resend`").format(job=job_id)
    return line


def _left_out(plan: Plan) -> list[str]:
    """A line per row of the list no customer was made of, and per value dropped from a kept one."""
    lines = []
    for problem in plan.problems:
        where = _("line {line}").format(line=problem.line) + (f", {problem.column}" if problem.column else "")
        what = _("kept without it") if problem.kept else _("SKIPPED")
        lines.append(f"{what} {where}: {problem.reason}" + (f" ({problem.value})" if problem.value else ""))
    return lines


def _dry_run(plan: Plan) -> int:
    for message in plan.messages:
        customer = message.customer
        who = f"{customer.name} <{customer.email}>" if customer.name else customer.email
        print(
            _("would send {who} [{template}]: {subject}").format(
                who=who, template=message.template_id, subject=message.subject
            )
        )
    for skipped in plan.skipped:
        print(_line("skipped", skipped.customer.email, skipped.customer.name, skipped.reason, None))
    for line in _left_out(plan):
        print(line)
    messages, cannot, left_out = len(plan.messages), len(plan.skipped), len(plan.rows_left_out)
    clauses = (
        ngettext("{count} message would be sent", "{count} messages would be sent", messages).format(count=messages),
        ngettext("{count} customer cannot get one", "{count} customers cannot get one", cannot).format(count=cannot),
        ngettext("{count} row of the list left out", "{count} rows of the list left out", left_out).format(
            count=left_out
        ),
    )
    print("; ".join(clauses) + ".")
    return EXIT_OK if not plan.skipped and not plan.rows_left_out else EXIT_FAILED


def _summary(plan: Plan, result: RunResult) -> int:
    for line in _left_out(plan):
        print(line)
    sent, already, failed = result.count("contacted"), result.count("already"), result.count("failed", "not-sent")
    uncertain, missing, cancelled = result.count("uncertain"), result.count("skipped"), result.count("cancelled")
    left_out = len(plan.rows_left_out)
    counts = [
        (sent, ngettext("{count} sent", "{count} sent", sent)),
        (already, ngettext("{count} already sent earlier", "{count} already sent earlier", already)),
        (failed, ngettext("{count} failed", "{count} failed", failed)),
        (uncertain, ngettext("{count} uncertain", "{count} uncertain", uncertain)),
        (
            missing,
            ngettext(
                "{count} without a message (a field missing)", "{count} without a message (a field missing)", missing
            ),
        ),
        (cancelled, ngettext("{count} cancelled", "{count} cancelled", cancelled)),
        (left_out, ngettext("{count} row of the list left out", "{count} rows of the list left out", left_out)),
    ]
    summary = ", ".join(what.format(count=n) for n, what in counts if n)
    total = len(plan.messages) + len(plan.skipped)
    stopped = _(" Stopped before the end: run it again to go on.") if result.stopped else ""
    line = ngettext("{total} customer: {summary}.", "{total} customers: {summary}.", total)
    print(line.format(total=total, summary=summary or _("nothing to do")) + stopped)
    return EXIT_OK if result.all_sent and not plan.rows_left_out else EXIT_FAILED


def outreach_status(args: argparse.Namespace) -> int:
    store = open_store()
    try:
        store.incident(args.incident)  # NotFound: exit 2
        contacts = store.outreach_contacts(args.incident)
    finally:
        store.close()
    if args.format == "json":
        print_json([contact.as_json() for contact in contacts])
        return EXIT_OK
    if not contacts:
        print(
            _("No customer has been reached for incident {incident} (see `incident-composer outreach send`).").format(
                incident=args.incident
            )
        )
    for c in contacts:
        when = c.sent_at.astimezone().strftime("%Y-%m-%d %H:%M") if c.sent_at else "-"
        marks = [
            _("replied ({by})").format(by=c.replied_by) if c.replied_at else "",
            _("call {phone}").format(phone=c.phone or _("(no phone)")) if c.call_at else "",
        ]
        extra = "; ".join(m for m in (*marks, c.error) if m)
        print(f"{c.state:<10} {when:<16} {c.email:<32} {c.name}" + (f"  [{extra}]" if extra else ""))
    return EXIT_OK


def mark_contact(args: argparse.Namespace) -> int:
    from composer.core.outreach import UnknownContact, default_actor  # noqa: PLC0415

    by = args.by.strip() or default_actor()
    store = open_store(strict=True)
    try:
        store.incident(args.incident)
        try:
            if args.replied:
                contact = store.mark_replied(args.incident, args.email, by=by)
            elif args.needs_call:
                contact = store.mark_needs_call(args.incident, args.email, by=by, note=args.note)
            else:
                store.mark_replied(args.incident, args.email, by=by, replied=False)
                contact = store.mark_needs_call(args.incident, args.email, by=by, needed=False)
        except UnknownContact as error:
            raise CommandError(str(error), EXIT_BAD_INPUT) from None
    finally:
        store.close()
    print(f"{contact.email}: {contact.state}")
    return EXIT_OK


def export_contacts(args: argparse.Namespace) -> int:
    from composer.core.outreach import contacts_csv  # noqa: PLC0415

    store = open_store()
    try:
        store.incident(args.incident)
        text = contacts_csv(store.outreach_contacts(args.incident))
    finally:
        store.close()
    write_output(args.output, text)
    return EXIT_OK
