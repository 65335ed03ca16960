# SPDX-License-Identifier: GPL-3.0-or-later
"""`incident-composer review list|submit|approve|request-changes`: a second person's approval.

Which updates need one is the workspace's policy (its administrators set it with
`review policy`). A verdict is recorded here first and sent to the workspace at once when it
answers (later, by the next sync, when it does not); the workspace itself refuses a verdict by
someone who is not a reviewer.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from composer.cli.base import EXIT_FAILED, EXIT_OK, CommandError, add_format, print_json, say
from composer.core.i18n import N_, _

if TYPE_CHECKING:
    import argparse
    import sqlite3
    from collections.abc import Callable
    from pathlib import Path

    from composer.core.workspace.review import Review

STANDING_WORDS = {
    "draft": N_("draft"),
    "awaiting-review": N_("awaiting review"),
    "approved": N_("approved"),
    "changes-requested": N_("changes requested"),
}


def add_parsers(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    review = commands.add_parser("review", help=_("approval of updates by a second person (in a workspace)"))
    actions = review.add_subparsers(dest="review_command", metavar="ACTION", required=True)
    listing = actions.add_parser("list", help=_("the updates that need a reviewer, and where each stands"))
    listing.add_argument("--all", action="store_true", help=_("also those approved or not needing one"))
    add_format(listing)
    listing.set_defaults(handler=list_reviews)
    submit = actions.add_parser("submit", help=_("ask for a review of an update as it reads now"))
    submit.add_argument("update_id", metavar="UPDATE_ID", type=int)
    submit.set_defaults(handler=submit_update)
    approve = actions.add_parser("approve", help=_("approve an update as it reads now"))
    approve.add_argument("update_id", metavar="UPDATE_ID", type=int)
    approve.set_defaults(handler=approve_update)
    changes = actions.add_parser("request-changes", help=_("ask the writer for changes, saying which"))
    changes.add_argument("update_id", metavar="UPDATE_ID", type=int)
    changes.add_argument("--comment", required=True, metavar="TEXT", help=_("what should change"))
    changes.set_defaults(handler=request_changes)
    policy = actions.add_parser("policy", help=_("which updates need a reviewer (administrators)"))
    policy.add_argument("policy", nargs="?", choices=("none", "all", "all-but-investigating"))
    policy.set_defaults(handler=set_policy)


def _in_workspace() -> tuple[Path, str]:
    from composer.cli.workspace import _store_path  # noqa: PLC0415
    from composer.core.connection import connect  # noqa: PLC0415
    from composer.core.workspace import membership  # noqa: PLC0415

    path = _store_path()
    conn = connect(path)
    try:
        address = membership.joined(conn)
    finally:
        conn.close()
    if address is None:
        raise CommandError(_("reviews happen in a workspace: `incident-composer workspace join URL` first"))
    return path, address.user


def _record(work: Callable[[sqlite3.Connection, str], object]) -> int:
    """Records the verdict (or request) here, then syncs so the team sees it now."""
    from composer.cli.workspace import _sync  # noqa: PLC0415
    from composer.core.connection import connect  # noqa: PLC0415

    path, user = _in_workspace()
    conn = connect(path)
    try:
        with conn:
            work(conn, user)
    except LookupError as error:
        raise CommandError(str(error)) from None
    except ValueError as error:
        raise CommandError(str(error)) from None
    finally:
        conn.close()
    try:
        return _sync(path)
    except CommandError as error:
        if error.code != EXIT_FAILED:
            raise
        say(_("Recorded here; it reaches the team at the next sync ({problem}).").format(problem=error))
        return EXIT_OK


def submit_update(args: argparse.Namespace) -> int:
    from composer.core.workspace import review  # noqa: PLC0415

    return _record(lambda conn, user: review.submit(conn, args.update_id, user))


def approve_update(args: argparse.Namespace) -> int:
    from composer.core.workspace import review  # noqa: PLC0415

    return _record(lambda conn, user: review.decide(conn, args.update_id, user, approved=True))


def request_changes(args: argparse.Namespace) -> int:
    from composer.core.workspace import review  # noqa: PLC0415

    return _record(lambda conn, user: review.decide(conn, args.update_id, user, approved=False, comment=args.comment))


def set_policy(args: argparse.Namespace) -> int:
    from composer.core.connection import connect  # noqa: PLC0415
    from composer.core.workspace import review  # noqa: PLC0415

    if args.policy is None:
        path, _user = _in_workspace()
        conn = connect(path)
        try:
            print(review.policy(conn))
        finally:
            conn.close()
        return EXIT_OK
    return _record(lambda conn, user: review.set_policy(conn, args.policy, user))


def _row(update_id: int, title: str, status: str, found: Review) -> dict[str, object]:
    last = found.last
    return {
        "update": update_id,
        "incident_title": title,
        "status": status,
        "standing": found.standing.value,
        "submitted_by": found.submitted_by,
        "reviewed_by": last.by if last else "",
        "reviewed_at": last.at.isoformat() if last else "",
        "comment": last.comment if last else "",
    }


def list_reviews(args: argparse.Namespace) -> int:
    from composer.core.connection import connect  # noqa: PLC0415
    from composer.core.workspace import review  # noqa: PLC0415

    path, _user = _in_workspace()
    conn = connect(path)
    try:
        rows = []
        listed = conn.execute(
            "SELECT u.id, i.title, u.status FROM updates u JOIN incidents i ON i.id = u.incident_id "
            "WHERE NOT EXISTS (SELECT 1 FROM publications p WHERE p.update_id = u.id) ORDER BY u.created_at, u.id"
        ).fetchall()
        for update_id, title, status in listed:
            found = review.review_of(conn, update_id)
            if found is None:
                continue
            if args.all or found.standing.value in ("draft", "awaiting-review", "changes-requested"):
                rows.append(_row(update_id, title, status, found))
    finally:
        conn.close()
    if args.format == "json":
        print_json(rows)
        return EXIT_OK
    if not rows:
        print(_("Nothing waits for a reviewer."))
    for row in rows:
        words = _(STANDING_WORDS[str(row["standing"])])
        extra = f" — {row['reviewed_by']}: “{row['comment']}”" if row["comment"] else ""
        print(f"#{row['update']}  {words:<18} {row['incident_title']} ({row['status']}){extra}")
    return EXIT_OK
