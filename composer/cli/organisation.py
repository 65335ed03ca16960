# SPDX-License-Identifier: GPL-3.0-or-later
"""`incident-composer organisation show|set` and `incident-composer people list|add|remove`.

The same store the window's "Organisation and people" dialog edits, with the same refusals
(`contacts.organisation_problem`): a refused change exits 2 and saves nothing.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from composer.cli.base import EXIT_OK, CommandError, add_format, open_store, print_json
from composer.core.i18n import N_, _

if TYPE_CHECKING:
    import argparse

    from composer.core.model import Organisation, Person

# Command-line option -> organisation field, in the order `show` lists them.
FIELDS = {
    "name": "name",
    "contact-url": "contact_url",
    "phone": "phone",
    "email": "email",
    "status-page": "status_page_url",
    "alternate-contact-url": "alternate_contact_url",
    "backup-email": "backup_email",
    "phone-hours": "phone_hours",
    "timezone": "timezone",
}
METAVARS = {"phone": "PHONE", "email": "ADDRESS", "backup-email": "ADDRESS", "phone-hours": "HOURS", "timezone": "ZONE"}
HELP = {
    "contact-url": N_("the normal contact page"),
    "status-page": N_("the status page (also the link social posts give)"),
    "alternate-contact-url": N_(
        "a contact page hosted outside your own infrastructure: given when your website is down"
    ),
    "backup-email": N_("an address on another domain than your own: given when your email is down"),
    "phone-hours": N_("when the phone is answered, with the time zone (24/7, 08:00–20:00 CET)"),
    "timezone": N_("the readers' IANA time zone, like Europe/Madrid (empty: this computer's)"),
}


def add_parsers(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    org = commands.add_parser("organisation", help=_("who speaks, and where customers can reach them"))
    actions = org.add_subparsers(dest="organisation_command", metavar="ACTION", required=True)
    show = actions.add_parser("show", help=_("show the organisation"))
    add_format(show)
    show.set_defaults(handler=show_organisation)
    change = actions.add_parser("set", help=_("change the fields given (an empty value clears one)"))
    for option, name in FIELDS.items():
        metavar = METAVARS.get(option, "URL" if option.endswith(("url", "page")) else "NAME")
        change.add_argument(f"--{option}", dest=name, metavar=metavar, help=_(HELP[option]) if option in HELP else None)
    change.set_defaults(handler=set_organisation)

    people = commands.add_parser("people", help=_("the people who may sign updates"))
    actions = people.add_subparsers(dest="people_command", metavar="ACTION", required=True)
    listing = actions.add_parser("list", help=_("list the people who may sign (the first signs by default)"))
    add_format(listing)
    listing.set_defaults(handler=list_people)
    add = actions.add_parser("add", help=_("add a person who may sign, or replace the one of that name"))
    add.add_argument("name", metavar="NAME")
    add.add_argument("--role", required=True, help=_("as signed: “Marta Vidal, Head of Support”"))
    add.add_argument("--email", default="")
    add.add_argument("--phone", default="")
    add.set_defaults(handler=add_person)
    remove = actions.add_parser("remove", help=_("remove a person (by name, or by the id `people list` shows)"))
    remove.add_argument("who", metavar="NAME_OR_ID")
    remove.set_defaults(handler=remove_person)


def _as_json(org: Organisation) -> dict[str, str]:
    return {name: getattr(org, name) for name in FIELDS.values()}


def show_organisation(args: argparse.Namespace) -> int:
    store = open_store()
    try:
        org = store.organisation()
    finally:
        store.close()
    if args.format == "json":
        print_json(_as_json(org))
        return EXIT_OK
    for option, name in FIELDS.items():
        value = getattr(org, name) or (_("(this computer's)") if name == "timezone" else "")
        print(f"{option:<22} {value}".rstrip())
    return EXIT_OK


def set_organisation(args: argparse.Namespace) -> int:
    from composer.core.contacts import organisation_problem  # noqa: PLC0415

    given = {name: str(getattr(args, name)).strip() for name in FIELDS.values() if getattr(args, name) is not None}
    if not given:
        raise CommandError(
            _("nothing to change: give one or more of {options}").format(options=", ".join(f"--{o}" for o in FIELDS))
        )
    if any(not c.isprintable() for value in given.values() for c in value):
        raise CommandError(_("a value has control characters (a line break?): give each on one line"))
    store = open_store(strict=True)
    try:
        org = store.organisation()
        for name, value in given.items():
            setattr(org, name, value)
        problem = organisation_problem(org)
        if problem:
            raise CommandError(problem)
        store.save_organisation(org)
    finally:
        store.close()
    print(_("Organisation saved."))
    return EXIT_OK


def _person_json(person: Person) -> dict[str, object]:
    return {
        "id": person.id,
        "name": person.name,
        "role": person.role,
        "email": person.email,
        "phone": person.phone,
        "signature": person.signature,
    }


def list_people(args: argparse.Namespace) -> int:
    store = open_store()
    try:
        people = store.people()
    finally:
        store.close()
    if args.format == "json":
        print_json([_person_json(p) for p in people])
    elif not people:
        print(_("Nobody may sign yet: add someone with `incident-composer people add NAME --role ROLE`."))
    else:
        for person in people:
            print(f"{person.id:<5} {person.signature:<40} {person.email:<30} {person.phone}".rstrip())
    return EXIT_OK


def _same_name(a: str, b: str) -> bool:
    return " ".join(a.split()).casefold() == " ".join(b.split()).casefold()


def add_person(args: argparse.Namespace) -> int:
    from composer.core.model import Person  # noqa: PLC0415

    name, role, email, phone = (" ".join(str(v).split()) for v in (args.name, args.role, args.email, args.phone))
    if not name:
        raise CommandError(_("a person needs a name"))
    if "," in name:  # the signature is "Name, Role": a comma would move part of the name into the role
        raise CommandError(_("{name!r}: a name without commas (the role goes in --role)").format(name=name))
    if any(not c.isprintable() for c in name + role + email + phone):
        raise CommandError(_("a value has control characters: give each on one line"))
    store = open_store(strict=True)
    try:
        same = [p for p in store.people() if _same_name(p.name, name)]
        person = Person(name, role, email, phone, id=same[0].id if same else None)
        store.save_person(person)
    finally:
        store.close()
    template = _("Replaced {signature} (id {id}).") if same else _("Added {signature} (id {id}).")
    print(template.format(signature=person.signature, id=person.id))
    return EXIT_OK


def remove_person(args: argparse.Namespace) -> int:
    who = str(args.who).strip()
    store = open_store(strict=True)
    try:
        people = store.people()
        found = [p for p in people if who.isdigit() and str(p.id) == who] or [
            p for p in people if _same_name(p.name, who)
        ]
        if not found:
            raise CommandError(
                _("no person with the name or id {who!r} (see `incident-composer people list`)").format(who=who)
            )
        if len(found) > 1:
            ids = ", ".join(str(p.id) for p in found)
            raise CommandError(
                _("{count} people are named {who!r}: remove one by its id ({ids})").format(
                    count=len(found), who=who, ids=ids
                )
            )
        person = found[0]
        store.remove_person(person.id or 0)
    finally:
        store.close()
    print(_("Removed {signature}.").format(signature=person.signature))
    return EXIT_OK
