# SPDX-License-Identifier: GPL-3.0-or-later
"""`import`, `incidents list`, `incidents search` and `export`: the store and the interchange file."""

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
    say,
    write_output,
)
from composer.core.i18n import _

if TYPE_CHECKING:
    import argparse
    from datetime import datetime

    from composer.core.model import Status


def add_parsers(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    imp = commands.add_parser("import", help=_("store an update file (Markdown + front matter)"))
    imp.add_argument("file", type=Path, help=_("the file to import ('-' reads standard input)"))
    imp.set_defaults(handler=import_file)

    incidents = commands.add_parser("incidents", help=_("list incidents, search their updates"))
    actions = incidents.add_subparsers(dest="incidents_command", metavar="ACTION", required=True)
    listing = actions.add_parser("list", help=_("list stored incidents"))
    add_format(listing)
    listing.set_defaults(handler=list_incidents)
    search = actions.add_parser(
        "search",
        help=_("find updates by their words (any case, with or without accents; 'interr' finds 'interrupció')"),
    )
    search.add_argument("query", nargs="+", metavar="QUERY", help=_("words that must all appear (as word beginnings)"))
    search.add_argument("--status", type=status_value, metavar="STATUS", help=_("only updates with this status"))
    search.add_argument("--since", type=since_time, metavar="DATE", help=_("only updates written from then on (ISO)"))
    search.add_argument(
        "--limit", type=match_limit, default=200, metavar="N", help=_("at most N matches (default 200)")
    )
    add_format(search)
    search.set_defaults(handler=search_updates)

    exp = commands.add_parser("export", help=_("write an incident's update as Markdown + front matter"))
    exp.add_argument("incident_id", type=record_id, metavar="INCIDENT_ID")
    where = exp.add_mutually_exclusive_group()
    where.add_argument("--output", "-o", type=Path, help=_("file to write (default: standard output)"))
    where.add_argument(
        "--bundle",
        type=Path,
        metavar="DIR",
        help=_("write everything needed to send the update by hand (email, posts, pages) into this folder"),
    )
    exp.add_argument(
        "--update", type=record_id, metavar="UPDATE_ID", help=_("export this update instead of the latest")
    )
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
        raise InterchangeError(
            _("standard input is over {limit:,} bytes: an update is never that long").format(limit=limit * 4)
        )
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        raise InterchangeError(_("standard input is not UTF-8 text (save the file as UTF-8 and try again)")) from None


def list_incidents(args: argparse.Namespace) -> int:
    store = open_store()
    try:
        listing = store.incident_listing()  # one query, however many updates each incident has
    finally:
        store.close()
    keys = ("id", "title", "status", "severity", "started", "updates", "next_update")
    rows = [dict(zip(keys, row, strict=True)) for row in listing]
    if args.format == "json":
        print_json(rows)
    elif not rows:
        print(_("No incidents yet."))
    else:
        for row in rows:
            print(f"{row['id']:>5}  {row['status']:<13} {row['severity']:<11} {row['started']}  {row['title']}")
    return EXIT_OK


def status_value(text: str) -> Status:
    """An argparse type: an update status, as the store names them ('in progress' too)."""
    import argparse  # noqa: PLC0415

    from composer.core.model import parse_status  # noqa: PLC0415

    try:
        return parse_status(text)
    except ValueError as error:
        raise argparse.ArgumentTypeError(str(error)) from None


def match_limit(text: str) -> int:
    """An argparse type: how many matches to show at most (a whole number from 1)."""
    import argparse  # noqa: PLC0415

    try:
        value = int(text)
    except ValueError:
        value = 0
    if value < 1:
        raise argparse.ArgumentTypeError(
            _("{text!r} is not a number of matches (a whole number from 1)").format(text=text[:80])
        )
    return value


def since_time(text: str) -> datetime:
    """An argparse type: an ISO date or date-time; without a zone it is this computer's local time."""
    import argparse  # noqa: PLC0415
    from datetime import datetime  # noqa: PLC0415

    try:
        return datetime.fromisoformat(text.strip()).astimezone()
    except (ValueError, OverflowError, OSError):
        raise argparse.ArgumentTypeError(
            _("{text!r} is not an ISO date or date-time (like 2026-11-24 or 2026-11-24T09:00+01:00)").format(
                text=text[:80]
            )
        ) from None


def search_updates(args: argparse.Namespace) -> int:
    """`incidents search QUERY`: one line (or JSON object) per matching update, newest first."""
    import sqlite3  # noqa: PLC0415

    from composer.core.search import query_terms  # noqa: PLC0415

    query = " ".join(args.query)
    if not query_terms(query):
        raise CommandError(
            _("nothing to search for in {query!r}: give a word (letters or digits)").format(query=query[:80])
        )
    store = open_store()
    try:
        hits = store.search_updates(query, status=args.status, since=args.since, limit=args.limit + 1)
    except sqlite3.Error as error:
        raise CommandError(_("cannot search the store: {error}").format(error=error), EXIT_FAILED) from None
    finally:
        store.close()
    more, hits = len(hits) > args.limit, hits[: args.limit]
    if args.format == "json":
        print_json(
            [
                {
                    "incident": hit.incident_id,
                    "update": hit.update_id,
                    "title": hit.title,
                    "status": hit.status.value,
                    "published_at": hit.published_at.isoformat() if hit.published_at else None,
                    "snippet": hit.snippet,
                }
                for hit in hits
            ]
        )
    elif not hits:
        print(_("No update matches {query!r}.").format(query=query[:80]))
    else:
        for hit in hits:
            when = f"{hit.published_at.astimezone():%Y-%m-%d %H:%M}" if hit.published_at else _("draft")
            print(
                f"{hit.incident_id:>5}  update {hit.update_id:<6} {when:<16}  {hit.status.value:<13}"
                f" {hit.title} — {hit.snippet}"
            )
    if more:
        say(
            _("only the newest {limit} matches are shown: add words, --status or --since, or raise --limit").format(
                limit=args.limit
            )
        )
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
            _("cannot write the bundle in {bundle}: {reason}").format(
                bundle=args.bundle, reason=error.strerror or error
            ),
            EXIT_FAILED,
        ) from None
    finally:
        store.close()
    for path in written:
        print(path)
    return EXIT_OK
