# SPDX-License-Identifier: GPL-3.0-or-later
"""`incident-composer templates list` and `incident-composer render`.

Errors (unknown template, missing field, bad value, broken template) exit 2 with one line.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from composer.cli.base import EXIT_OK, CommandError, add_format, open_store, print_json, record_id, say, write_output

if TYPE_CHECKING:
    import argparse
    from datetime import datetime

    from composer.core.templates import TemplateLibrary


def add_parsers(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    tpl = commands.add_parser("templates", help="the template library")
    actions = tpl.add_subparsers(dest="templates_command", metavar="ACTION", required=True)
    listing = actions.add_parser("list", help="list built-in and user templates")
    add_format(listing)
    listing.set_defaults(handler=list_templates)

    ren = commands.add_parser("render", help="render a template (long form and email: as an update file)")
    ren.add_argument("template_id", metavar="TEMPLATE_ID")
    ren.add_argument("--data", type=Path, metavar="FILE", help="field values, .json or .toml")
    ren.add_argument(
        "--set",
        action="append",
        default=[],
        metavar="NAME=VALUE",
        dest="assignments",
        help="one field value (repeatable; wins over --data)",
    )
    ren.add_argument("--sample", action="store_true", help="fill every empty field from the template's examples")
    ren.add_argument(
        "--incident",
        type=record_id,
        metavar="INCIDENT_ID",
        help="for this stored incident: its title, start and services fill empty fields, and the file "
        "names it (`incident:`), so publishing it adds an update to that incident",
    )
    ren.add_argument("--output", "-o", type=Path, metavar="FILE")
    ren.set_defaults(handler=render)


def library() -> TemplateLibrary:
    """The built-in templates and the user's own (the same folder the window uses)."""
    from composer.core.paths import user_templates  # noqa: PLC0415
    from composer.core.templates import TemplateLibrary  # noqa: PLC0415

    return TemplateLibrary(user_folder=user_templates()).load()


def list_templates(args: argparse.Namespace) -> int:
    templates = library().all()
    if args.format == "json":
        print_json([t.as_json() for t in templates])
        return EXIT_OK
    for info in templates:
        state = f"  BROKEN: {info.error}" if info.error else ""
        print(f"{info.id:<40} {info.stage:<24} {info.channel:<14} {info.language:<3} {info.title}{state}")
    return EXIT_OK


def _load_data(path: Path) -> dict[str, object]:
    import json  # noqa: PLC0415
    import tomllib  # noqa: PLC0415

    try:
        text = path.read_text(encoding="utf-8")
    except OSError as error:
        raise CommandError(f"cannot read {path}: {error.strerror}") from None
    except UnicodeDecodeError:
        raise CommandError(f"{path}: not UTF-8 text") from None
    toml = path.suffix.lower() == ".toml"
    try:
        data = tomllib.loads(text) if toml else json.loads(text)
    except (tomllib.TOMLDecodeError, json.JSONDecodeError) as error:
        raise CommandError(f"{path}: not valid {'TOML' if toml else 'JSON'}: {error}") from None
    except RecursionError:
        raise CommandError(f"{path}: nested too deeply to be field values") from None
    if not isinstance(data, dict):
        raise CommandError(f"{path}: expected a table of field values")
    return data


def render(args: argparse.Namespace) -> int:
    from composer.core.templates import FieldError, TemplateError, render_template  # noqa: PLC0415

    values: dict[str, object] = _load_data(args.data) if args.data else {}
    for assignment in args.assignments:
        name, sep, value = assignment.partition("=")
        if not sep or not name.strip():
            raise CommandError(f"--set needs NAME=VALUE, not {assignment!r}")
        values[name.strip()] = value
    try:
        info = library().get(args.template_id)
    except KeyError as error:
        raise CommandError(str(error.args[0])) from None
    known = [spec.name for spec in info.fields]
    unknown = sorted({a.partition("=")[0].strip() for a in args.assignments} - set(known))
    if unknown:  # a typo would be ignored silently otherwise
        raise CommandError(
            f"template {info.id} has no field {', '.join(f'`{n}`' for n in unknown)}; its fields: {', '.join(known)}"
        )
    last_update = None
    if args.incident is not None:
        last_update = _incident_values(args.incident, values)
    try:
        rendered = render_template(info, values, sample=args.sample)
    except (FieldError, TemplateError) as error:
        raise CommandError(str(error)) from None
    if rendered.channel.output in ("markdown", "email"):
        text = rendered.as_interchange(incident_id=args.incident, last_update=last_update)
    else:
        text = rendered.text
    write_output(args.output, text)
    if not rendered.fits:
        say(
            f"warning: {rendered.length} {rendered.channel.counter}, over the "
            f"{rendered.channel.limit} this channel allows"
        )
    return EXIT_OK


def _incident_values(incident_id: int, values: dict[str, object]) -> datetime | None:
    """Fill empty `values` from stored incident `incident_id`; the time of its last public update.
    NotFound (exit 2) when the store has no such incident."""
    store = open_store()
    try:
        incident = store.incident(incident_id)
        latest = store.latest_update(incident_id)
    finally:
        store.close()
    known: dict[str, object] = {
        "title": incident.title,
        "started": incident.started_at.isoformat(),
        "services": ", ".join(incident.affected_services),
        "impact": incident.customer_impact,
        "workaround": incident.workaround,
    }
    for name, value in known.items():
        if value and not values.get(name):
            values[name] = value
    return latest.created_at if latest is not None else None
