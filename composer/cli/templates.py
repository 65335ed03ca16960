# SPDX-License-Identifier: GPL-3.0-or-later
"""`incident-composer templates list` and `incident-composer render`.

`render` fills the fields left empty by --set and --data from the store: the incident --incident
names, then the organisation and the first person who may sign (`template_values`, as the
window's template form); --sample fills what is still empty.

Errors (unknown template, missing field, bad value, broken template) exit 2 with one line.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from composer.cli.base import EXIT_OK, CommandError, add_format, open_store, print_json, record_id, say, write_output
from composer.core.i18n import N_, _

if TYPE_CHECKING:
    import argparse
    from datetime import datetime

    from composer.core.templates import TemplateLibrary


def add_parsers(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    tpl = commands.add_parser("templates", help=_("the template library"))
    actions = tpl.add_subparsers(dest="templates_command", metavar="ACTION", required=True)
    listing = actions.add_parser("list", help=_("list built-in and user templates"))
    add_format(listing)
    listing.set_defaults(handler=list_templates)

    ren = commands.add_parser("render", help=_("render a template (long form and email: as an update file)"))
    ren.add_argument("template_id", metavar="TEMPLATE_ID")
    ren.add_argument("--data", type=Path, metavar="FILE", help=_("field values, .json or .toml"))
    ren.add_argument(
        "--set",
        action="append",
        default=[],
        metavar="NAME=VALUE",
        dest="assignments",
        help=_("one field value (repeatable; wins over --data)"),
    )
    ren.add_argument("--sample", action="store_true", help=_("fill every empty field from the template's examples"))
    ren.add_argument(
        "--incident",
        type=record_id,
        metavar="INCIDENT_ID",
        help=_(
            "for this stored incident: its title, start and services fill empty fields, and the file "
            "names it (`incident:`), so publishing it adds an update to that incident; what it takes "
            "down (its own website, its own email) chooses the contacts, as --own-site-down / "
            "--own-email-down"
        ),
    )
    ren.add_argument(
        "--own-site-down",
        action="store_true",
        help=_(
            "the incident takes down our own website: the contact page is the alternate one, and the "
            "file says so (`own_site_down: true`)"
        ),
    )
    ren.add_argument(
        "--own-email-down",
        action="store_true",
        help=_(
            "the incident takes down our own email: the address is the backup one, and the file says "
            "so (`own_email_down: true`)"
        ),
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
        state = "  " + _("BROKEN: {error}").format(error=info.error) if info.error else ""
        print(f"{info.id:<40} {info.stage:<24} {info.channel:<14} {info.language:<3} {info.title}{state}")
    return EXIT_OK


MAX_DATA_SIZE = 4_000_000  # bytes, as an update file: field values are never longer than the update


def _load_data(path: Path) -> dict[str, object]:
    import json  # noqa: PLC0415
    import tomllib  # noqa: PLC0415

    from composer.core.files import ReadRefused, read_text  # noqa: PLC0415

    try:
        text = read_text(path, MAX_DATA_SIZE, _("no update's field values are that long"))
    except ReadRefused as error:
        raise CommandError(str(error)) from None
    toml = path.suffix.lower() == ".toml"
    try:
        data = tomllib.loads(text) if toml else json.loads(text)
    except (tomllib.TOMLDecodeError, json.JSONDecodeError) as error:
        raise CommandError(
            _("{path}: not valid {format}: {error}").format(path=path, format="TOML" if toml else "JSON", error=error)
        ) from None
    except ValueError:  # a number of over 4,300 digits, which Python refuses to read
        raise CommandError(_("{path}: a number too long to be a field value").format(path=path)) from None
    except RecursionError:
        raise CommandError(_("{path}: nested too deeply to be field values").format(path=path)) from None
    if not isinstance(data, dict):
        raise CommandError(_("{path}: expected a table of field values").format(path=path))
    return data


def render(args: argparse.Namespace) -> int:
    from composer.core.templates import FieldError, TemplateError, render_template  # noqa: PLC0415

    values: dict[str, object] = _load_data(args.data) if args.data else {}
    for assignment in args.assignments:
        name, sep, value = assignment.partition("=")
        if not sep or not name.strip():
            raise CommandError(_("--set needs NAME=VALUE, not {assignment!r}").format(assignment=assignment))
        values[name.strip()] = value
    try:
        info = library().get(args.template_id)
    except KeyError as error:
        raise CommandError(str(error.args[0])) from None
    known = [spec.name for spec in info.fields]
    unknown = sorted({a.partition("=")[0].strip() for a in args.assignments} - set(known))
    if unknown:  # a typo would be ignored silently otherwise
        raise CommandError(
            _("template {id} has no field {names}; its fields: {fields}").format(
                id=info.id, names=", ".join(f"`{n}`" for n in unknown), fields=", ".join(known)
            )
        )
    last_update, down = _stored_values(args, values)
    # Down, with nothing elsewhere to give: readers get no way to reach us (or --sample's example).
    unreachable = [
        _(gap).format(option=option)
        for is_down, name, gap, option in (
            (
                down.own_site_down,
                "contact_url",
                N_(
                    "our own website is down and there is no alternate contact page to give: set one with "
                    "`incident-composer organisation set {option}`"
                ),
                "--alternate-contact-url URL",
            ),
            (
                down.own_email_down,
                "org_email",
                N_(
                    "our own email is down and there is no backup address to give: set one with "
                    "`incident-composer organisation set {option}`"
                ),
                "--backup-email ADDRESS",
            ),
        )
        if is_down and name in known and not values.get(name)
    ]
    try:
        rendered = render_template(info, values, sample=args.sample)
    except (FieldError, TemplateError) as error:
        raise CommandError(str(error)) from None
    if rendered.channel.output in ("markdown", "email"):
        text = rendered.as_interchange(
            incident_id=args.incident,
            last_update=last_update,
            own_site_down=down.own_site_down,
            own_email_down=down.own_email_down,
        )
    else:
        text = rendered.text
    write_output(args.output, text)
    for gap in unreachable:
        say(_("warning: {problem}").format(problem=gap))
    if not rendered.fits:
        say(
            _("warning: {length} {counter}, over the {limit} this channel allows").format(
                length=rendered.length, counter=_(rendered.channel.counter), limit=rendered.channel.limit
            )
        )
    return EXIT_OK


class Down(NamedTuple):
    """What the update's incident takes down (`contacts.DownFlags`)."""

    own_site_down: bool
    own_email_down: bool


def local_zone() -> str:
    """This computer's zone, as templates name zones: the zone of the local time (`parse_now`, as
    `check` reads it), placed by its name (`written_zone`: "CET" is Europe/Paris); "UTC" when its
    name places no region."""
    from composer.cli.check import parse_now  # noqa: PLC0415
    from composer.core.promise_text import written_zone  # noqa: PLC0415

    zone = written_zone(parse_now(None).tzname() or "")
    return str(getattr(zone, "key", "") or "UTC")


def _stored_values(args: argparse.Namespace, values: dict[str, object]) -> tuple[datetime | None, Down]:
    """Fill empty `values` from the store: stored incident `args.incident` (NotFound, exit 2, when
    there is none), then the organisation and its people, with the contacts for what the incident
    takes down. The time of the incident's last update, and what it takes down (the incident's
    flags and the command's)."""
    from composer.core.contacts import template_values  # noqa: PLC0415

    store = open_store()
    try:
        incident = store.incident(args.incident) if args.incident is not None else None
        latest = store.latest_update(args.incident) if args.incident is not None else None
        org, people = store.organisation(), store.people()
    finally:
        store.close()
    down = Down(
        own_site_down=args.own_site_down or (incident is not None and incident.own_site_down),
        own_email_down=args.own_email_down or (incident is not None and incident.own_email_down),
    )
    known: dict[str, object] = {}
    if incident is not None:
        known = {
            "title": incident.title,
            "started": incident.started_at.isoformat(),
            "services": ", ".join(incident.affected_services),
            "impact": incident.customer_impact,
            "workaround": incident.workaround,
        }
    known.update(template_values(org, people, down, local_zone=local_zone()))
    for name, value in known.items():
        if value and not values.get(name):
            values[name] = value
    return (latest.created_at if latest is not None else None), down
