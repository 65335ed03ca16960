# SPDX-License-Identifier: GPL-3.0-or-later
"""`incident-composer workspace setup|join|status|sync|leave`: a team's shared PostgreSQL workspace.

The data folder's store stays the working copy; joining shares what it has and syncs with the
workspace whenever it answers. The password goes to the OS keyring (read from standard input
with --password-stdin, or asked for on a terminal; a password inside the URL is moved there too).
"""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING

from composer.cli.base import EXIT_FAILED, EXIT_OK, CommandError, add_format, print_json, say
from composer.core.i18n import _

if TYPE_CHECKING:
    import argparse
    from pathlib import Path


def add_parsers(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    workspace = commands.add_parser("workspace", help=_("share incidents with a team through a PostgreSQL workspace"))
    actions = workspace.add_subparsers(dest="workspace_command", metavar="ACTION", required=True)
    setup = actions.add_parser(
        "setup", help=_("create the workspace's tables and roles in a database (once, by its administrator)")
    )
    setup.add_argument("url", metavar="URL", help=_("postgresql://OWNER@HOST/DATABASE"))
    setup.add_argument("--password-stdin", action="store_true", help=_("read the password from stdin"))
    setup.set_defaults(handler=setup_workspace)
    join = actions.add_parser("join", help=_("join a workspace with this data folder"))
    join.add_argument("url", metavar="URL", help=_("postgresql://YOU@HOST/DATABASE"))
    join.add_argument("--password-stdin", action="store_true", help=_("read the password from stdin"))
    join.set_defaults(handler=join_workspace)
    status = actions.add_parser("status", help=_("whether this data folder is in a workspace, and how it stands"))
    add_format(status)
    status.set_defaults(handler=show_status)
    sync = actions.add_parser("sync", help=_("send what changed here and get what changed elsewhere, now"))
    sync.set_defaults(handler=sync_now)
    leave = actions.add_parser("leave", help=_("leave the workspace (this data folder keeps its incidents)"))
    leave.add_argument("--force", action="store_true", help=_("leave even with changes the workspace has not got"))
    leave.set_defaults(handler=leave_workspace)


def _password(args: argparse.Namespace, url: str) -> str | None:
    from composer.core.workspace.membership import WorkspaceError, parse  # noqa: PLC0415

    try:
        address = parse(url)
    except WorkspaceError as error:
        raise CommandError(str(error)) from None
    if address.password is not None:
        return address.password
    if args.password_stdin:
        return sys.stdin.read().rstrip("\r\n")
    if sys.stdin.isatty():
        import getpass  # noqa: PLC0415

        return getpass.getpass(_("Workspace password (stored in the OS keyring): ")) or None
    return None


def setup_workspace(args: argparse.Namespace) -> int:
    from composer.core.workspace import remote  # noqa: PLC0415
    from composer.core.workspace.membership import WorkspaceError, parse  # noqa: PLC0415
    from composer.core.workspace.sync import WorkspaceRefused, WorkspaceUnreachable  # noqa: PLC0415

    password = _password(args, args.url)
    try:
        address = parse(args.url)
        with remote.connect(address.url, password) as conn:
            version = remote.set_up(conn)
    except (WorkspaceError, WorkspaceRefused) as error:
        raise CommandError(str(error)) from None
    except WorkspaceUnreachable as error:
        raise CommandError(str(error), EXIT_FAILED) from None
    say(
        _("{url} is a workspace (version {version}). Give each person a role: {roles}.").format(
            url=address.url, version=version, roles="GRANT composer_drafter | composer_reviewer | composer_admin TO …"
        )
    )
    return EXIT_OK


def _store_path() -> Path:
    from composer.core.paths import database_path  # noqa: PLC0415
    from composer.core.store import Store  # noqa: PLC0415

    path = database_path()
    store, report = Store.open(path)  # made or migrated as the window would, before the copy joins it
    store.close()
    if report.read_only:
        raise CommandError(report.message, EXIT_FAILED)
    return path


def join_workspace(args: argparse.Namespace) -> int:
    from composer.cli.accounts import credentials  # noqa: PLC0415
    from composer.core.workspace import membership  # noqa: PLC0415

    password = _password(args, args.url)
    path = _store_path()
    try:
        address = membership.join(path, args.url, credentials(), password)
    except membership.WorkspaceError as error:
        raise CommandError(str(error), EXIT_FAILED) from None
    say(_("Joined {url} as {user}.").format(url=address.url, user=address.user))
    return _sync(path)


def _sync(path: Path) -> int:
    from composer.cli.accounts import credentials  # noqa: PLC0415
    from composer.core.connection import connect  # noqa: PLC0415
    from composer.core.workspace import membership  # noqa: PLC0415
    from composer.core.workspace.session import WorkspaceCopy  # noqa: PLC0415
    from composer.core.workspace.sync import WorkspaceUnreachable  # noqa: PLC0415

    conn = connect(path)
    try:
        address, workspace = membership.open_workspace(conn, credentials())
    except membership.WorkspaceError as error:
        raise CommandError(str(error)) from None
    finally:
        conn.close()
    copy = WorkspaceCopy(path, address.user)
    try:
        done = copy.round(workspace)
        membership.synced(copy.conn)
    except WorkspaceUnreachable as error:
        raise CommandError(
            _("{problem}; your changes are kept here and sent when it answers").format(problem=error), EXIT_FAILED
        ) from None
    finally:
        workspace.close()
        copy.close()
    say(_("Synced: {sent} sent, {received} received.").format(sent=done.pushed, received=done.pulled))
    return EXIT_OK


def sync_now(_args: argparse.Namespace) -> int:
    return _sync(_store_path())


def show_status(args: argparse.Namespace) -> int:
    from composer.cli.accounts import credentials  # noqa: PLC0415
    from composer.core.connection import connect  # noqa: PLC0415
    from composer.core.workspace import membership  # noqa: PLC0415

    conn = connect(_store_path())
    try:
        workspace = None
        if membership.joined(conn) is not None:
            workspace = membership.open_workspace(conn, credentials())[1]
        found = membership.status(conn, workspace)
        if workspace is not None:
            workspace.close()
    finally:
        conn.close()
    if args.format == "json":
        print_json(found.as_json())
        return EXIT_OK
    if not found.joined:
        print(_("Not in a workspace: this data folder is only here."))
        return EXIT_OK
    print(_("Workspace: {url}").format(url=found.url))
    print(_("You: {user} ({roles})").format(user=found.user, roles=", ".join(found.roles) or _("no role")))
    if found.reachable is False:
        print(_("Unreachable now: {problem}. Drafting goes on here.").format(problem=found.error))
    print(_("Waiting to be sent: {count}").format(count=found.waiting))
    print(_("Conflicts to resolve: {count}").format(count=found.conflicts))
    if found.refused:
        print(_("Refused by the workspace: {count}").format(count=found.refused))
    print(_("Approval needed for: {policy}").format(policy=found.approval))
    for person, counts in sorted(found.team_outbox.items()):
        waiting = ", ".join(f"{count} {state}" for state, count in sorted(counts.items()))
        print(_("Waiting in {person}'s outbox: {jobs}").format(person=person, jobs=waiting))
    print(_("Last synced: {when}").format(when=found.last_sync or _("never")))
    return EXIT_OK


def leave_workspace(args: argparse.Namespace) -> int:
    from composer.cli.accounts import credentials  # noqa: PLC0415
    from composer.core.connection import connect  # noqa: PLC0415
    from composer.core.workspace import membership  # noqa: PLC0415

    path = _store_path()
    conn = connect(path)
    try:
        found = membership.status(conn)
    finally:
        conn.close()
    if not found.joined:
        raise CommandError(_("this data folder is not in a workspace"))
    if found.waiting and not args.force:
        raise CommandError(
            _(
                "{count} changes made here have not reached the workspace: sync first "
                "(`incident-composer workspace sync`), or leave with --force"
            ).format(count=found.waiting)
        )
    membership.leave(path, credentials())
    say(_("Left {url}; this data folder keeps its incidents.").format(url=found.url))
    return EXIT_OK
