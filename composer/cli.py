# SPDX-License-Identifier: GPL-3.0-or-later
"""The `incident-composer` command: no arguments opens the window, subcommands run headless.

Exit codes: 0 success, 1 the work failed (e.g. the store cannot be written),
2 bad input (unreadable file, invalid front matter, unknown id), with a one-line
reason on stderr.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

from composer import __version__

if TYPE_CHECKING:
    import argparse

EXIT_OK, EXIT_FAILED, EXIT_BAD_INPUT = 0, 1, 2


class CommandError(Exception):
    def __init__(self, message: str, code: int = EXIT_BAD_INPUT):
        super().__init__(message)
        self.code = code


def _parser() -> argparse.ArgumentParser:
    import argparse  # noqa: PLC0415 - not on the path to the window

    parser = argparse.ArgumentParser(
        prog="incident-composer",
        description="Write outage updates that are timely, signed, honest and reachable. "
        "With no command, opens the app.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    imp = commands.add_parser("import", help="store an update file (Markdown + front matter)")
    imp.add_argument("file", type=Path, help="the file to import ('-' reads standard input)")

    incidents = commands.add_parser("incidents", help="list incidents")
    incidents_commands = incidents.add_subparsers(dest="incidents_command", metavar="ACTION", required=True)
    listing = incidents_commands.add_parser("list", help="list stored incidents")
    listing.add_argument("--format", choices=("text", "json"), default="text")

    exp = commands.add_parser("export", help="write an incident's update as Markdown + front matter")
    exp.add_argument("incident_id", type=int, metavar="INCIDENT_ID")
    exp.add_argument("--output", "-o", type=Path, help="file to write (default: standard output)")
    exp.add_argument("--update", type=int, metavar="UPDATE_ID", help="export this update instead of the latest")
    chk = commands.add_parser("check", help="check update files against the lessons (see docs/checks.md)")
    chk.add_argument("files", type=Path, nargs="+", metavar="FILE")
    chk.add_argument("--now", metavar="ISO-8601", help="the time to check at (default: now)")
    chk.add_argument("--format", choices=("text", "json"), default="text")
    chk.add_argument("--config", type=Path, metavar="FILE",
                     help="organisation settings (TOML); default: checks.toml in the data folder, if any")
    chk.add_argument("--channels", metavar="ID[,ID...]",
                     help="check the length against these channels (x, mastodon, bluesky, linkedin, …)")
    tpl = commands.add_parser("templates", help="the template library")
    tpl_commands = tpl.add_subparsers(dest="templates_command", metavar="ACTION", required=True)
    tpl_list = tpl_commands.add_parser("list", help="list built-in and user templates")
    tpl_list.add_argument("--format", choices=("text", "json"), default="text")

    ren = commands.add_parser("render", help="render a template (long form and email: as an update file)")
    ren.add_argument("template_id", metavar="TEMPLATE_ID")
    ren.add_argument("--data", type=Path, metavar="FILE", help="field values, .json or .toml")
    ren.add_argument("--set", action="append", default=[], metavar="NAME=VALUE", dest="assignments",
                     help="one field value (repeatable; wins over --data)")
    ren.add_argument("--sample", action="store_true", help="fill every empty field from the template's examples")
    ren.add_argument("--output", "-o", type=Path, metavar="FILE")
    from composer.publishers.cli import add_arguments  # noqa: PLC0415 - argparse only, no network libraries

    add_arguments(commands)
    return parser


def _open_store():
    from composer.core.paths import database_path  # noqa: PLC0415
    from composer.core.store import Store  # noqa: PLC0415

    store, report = Store.open(database_path())
    if report.message:
        print(f"incident-composer: {report.message}", file=sys.stderr)
    return store


def _cmd_import(args: argparse.Namespace) -> int:
    from composer.core.exchange import import_document  # noqa: PLC0415
    from composer.core.interchange import parse_update, read_update  # noqa: PLC0415

    doc = parse_update(sys.stdin.read()) if str(args.file) == "-" else read_update(args.file)
    store = _open_store()
    try:
        incident, _update = import_document(store, doc)
    finally:
        store.close()
    print(incident.id)
    return EXIT_OK


def _cmd_incidents_list(args: argparse.Namespace) -> int:
    store = _open_store()
    try:
        rows = []
        for incident in store.incidents():
            updates = store.updates(incident.id or 0)
            latest = updates[-1] if updates else None
            rows.append({
                "id": incident.id,
                "title": incident.title,
                "status": incident.status.value,
                "severity": incident.severity.value,
                "started": incident.started_at.isoformat(),
                "updates": len(updates),
                "next_update": latest.next_update_at.isoformat() if latest and latest.next_update_at else None,
            })
    finally:
        store.close()
    if args.format == "json":
        import json  # noqa: PLC0415

        print(json.dumps(rows, indent=2, ensure_ascii=False))
    elif not rows:
        print("No incidents yet.")
    else:
        for row in rows:
            print(f"{row['id']:>5}  {row['status']:<13} {row['severity']:<11} {row['started']}  {row['title']}")
    return EXIT_OK


def _cmd_export(args: argparse.Namespace) -> int:
    from composer.core.exchange import export_document  # noqa: PLC0415
    from composer.core.interchange import dump_update, write_update  # noqa: PLC0415

    store = _open_store()
    try:
        doc = export_document(store, args.incident_id, args.update)
    finally:
        store.close()
    if args.output is None:
        sys.stdout.write(dump_update(doc))
    else:
        try:
            write_update(args.output, doc)
        except OSError as error:
            raise CommandError(f"cannot write {args.output}: {error.strerror}", EXIT_FAILED) from None
    return EXIT_OK


def _cmd_check(args: argparse.Namespace) -> int:
    from composer.core.checks.cli import run_check  # noqa: PLC0415

    return run_check(args.files, args.now, args.format, args.config, args.channels)


def _cmd_templates(args: argparse.Namespace) -> int:
    from composer.core.templates.cli import list_templates  # noqa: PLC0415

    return list_templates(args.format)


def _cmd_render(args: argparse.Namespace) -> int:
    from composer.core.templates.cli import render_command  # noqa: PLC0415

    return render_command(args.template_id, args.data, args.assignments, args.sample, args.output)


def _cmd_publishing(args: argparse.Namespace) -> int:
    from composer.publishers.cli import run  # noqa: PLC0415

    return run(args)


def _run_command(args: argparse.Namespace) -> int:
    from composer.core.interchange import InterchangeError  # noqa: PLC0415
    from composer.core.store import NotFound, StoreError  # noqa: PLC0415

    handlers = {"import": _cmd_import, "export": _cmd_export, "check": _cmd_check,
                "templates": _cmd_templates, "render": _cmd_render, "accounts": _cmd_publishing,
                "publish": _cmd_publishing}
    handler = _cmd_incidents_list if args.command == "incidents" else handlers[args.command]
    try:
        return handler(args)
    except (InterchangeError, NotFound) as error:
        raise CommandError(str(error)) from None
    except StoreError as error:
        raise CommandError(str(error), EXIT_FAILED) from None


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if not argv:  # the window: straight there, without building the command-line parser
        from composer.app import run_gui  # noqa: PLC0415 - Qt only for the window

        return run_gui()
    args = _parser().parse_args(argv)
    if args.command is None:
        from composer.app import run_gui  # noqa: PLC0415

        return run_gui()
    try:
        return _run_command(args)
    except CommandError as error:
        print(f"incident-composer: {error}", file=sys.stderr)
        return error.code
