# SPDX-License-Identifier: GPL-3.0-or-later
"""`import`, `incidents list` and `export`: the store and the interchange file."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

from composer.cli.base import (
    EXIT_FAILED,
    EXIT_OK,
    CommandError,
    add_format,
    open_store,
    print_json,
    record_id,
    write_output,
)

if TYPE_CHECKING:
    import argparse


def add_parsers(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    imp = commands.add_parser("import", help="store an update file (Markdown + front matter)")
    imp.add_argument("file", type=Path, help="the file to import ('-' reads standard input)")
    imp.set_defaults(handler=import_file)

    incidents = commands.add_parser("incidents", help="list incidents")
    actions = incidents.add_subparsers(dest="incidents_command", metavar="ACTION", required=True)
    listing = actions.add_parser("list", help="list stored incidents")
    add_format(listing)
    listing.set_defaults(handler=list_incidents)

    exp = commands.add_parser("export", help="write an incident's update as Markdown + front matter")
    exp.add_argument("incident_id", type=record_id, metavar="INCIDENT_ID")
    where = exp.add_mutually_exclusive_group()
    where.add_argument("--output", "-o", type=Path, help="file to write (default: standard output)")
    where.add_argument(
        "--bundle",
        type=Path,
        metavar="DIR",
        help="write everything needed to send the update by hand (email, posts, pages) into this folder",
    )
    exp.add_argument("--update", type=record_id, metavar="UPDATE_ID", help="export this update instead of the latest")
    exp.set_defaults(handler=export)


def import_file(args: argparse.Namespace) -> int:
    from composer.core.exchange import import_document  # noqa: PLC0415
    from composer.core.interchange import MAX_UPDATE_SIZE, parse_update, read_update  # noqa: PLC0415

    doc = parse_update(_read_stdin(MAX_UPDATE_SIZE)) if str(args.file) == "-" else read_update(args.file)
    store = open_store(strict=True)  # a store that cannot be written: one line saying why
    try:
        incident, _update = import_document(store, doc)
    finally:
        store.close()
    print(incident.id)
    return EXIT_OK


def _read_stdin(limit: int) -> str:
    """Standard input as UTF-8 text (as update files are read), whatever the locale's encoding; at
    most `limit` characters and one more, so a longer text is refused without being read whole."""
    from composer.core.interchange import InterchangeError  # noqa: PLC0415

    binary = getattr(sys.stdin, "buffer", None)
    if binary is None:  # replaced by a text stream (an embedding program, a test)
        return sys.stdin.read(limit + 1)
    data = binary.read(limit * 4 + 1)  # UTF-8: up to 4 bytes a character
    if len(data) > limit * 4:
        raise InterchangeError(f"standard input is over {limit * 4:,} bytes: an update is never that long")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        raise InterchangeError("standard input is not UTF-8 text (save the file as UTF-8 and try again)") from None


def list_incidents(args: argparse.Namespace) -> int:
    store = open_store()
    try:
        summaries = store.incident_summaries()  # one query, however many updates each incident has
    finally:
        store.close()
    rows = [
        {
            "id": s.incident.id,
            "title": s.incident.title,
            "status": s.incident.status.value,
            "severity": s.incident.severity.value,
            "started": s.incident.started_at.isoformat(),
            "updates": s.update_count,
            "next_update": s.latest_next_update_at.isoformat() if s.latest_next_update_at else None,
        }
        for s in summaries
    ]
    if args.format == "json":
        print_json(rows)
    elif not rows:
        print("No incidents yet.")
    else:
        for row in rows:
            print(f"{row['id']:>5}  {row['status']:<13} {row['severity']:<11} {row['started']}  {row['title']}")
    return EXIT_OK


def export(args: argparse.Namespace) -> int:
    from composer.core.exchange import export_document  # noqa: PLC0415
    from composer.core.interchange import dump_update  # noqa: PLC0415

    if args.bundle is not None:
        return export_bundle(args)
    store = open_store()
    try:
        doc = export_document(store, args.incident_id, args.update)
    finally:
        store.close()
    write_output(args.output, dump_update(doc))
    return EXIT_OK


def export_bundle(args: argparse.Namespace) -> int:
    """`export ID --bundle DIR`: one line per file written."""
    from composer.cli.accounts import publishers  # noqa: PLC0415
    from composer.cli.templates import library  # noqa: PLC0415
    from composer.publishers.bundle import BundleError, write_bundle  # noqa: PLC0415

    kinds = publishers()
    templates = library()
    store = open_store()
    try:
        written = write_bundle(
            store, args.incident_id, args.bundle, update_id=args.update, library=templates, publishers=kinds
        )
    except BundleError as error:
        raise CommandError(str(error)) from None
    except OSError as error:
        raise CommandError(
            f"cannot write the bundle in {args.bundle}: {error.strerror or error}", EXIT_FAILED
        ) from None
    finally:
        store.close()
    for path in written:
        print(path)
    return EXIT_OK
