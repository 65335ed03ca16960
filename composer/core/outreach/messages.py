# SPDX-License-Identifier: GPL-3.0-or-later
"""One personal message per customer: the template rendered with that customer's values.

`plan_messages` maps the template's fields onto the list's columns (`map_columns`), then renders
each customer in their language when the list gives one and the template exists in it (the
same template id with that language's ending: `apology-email-en` → `apology-email-ca`), else the
template given. Values come from the customer's own cells first, then from what the incident, the
organisation and the roster give (`shared`). A customer the template cannot be rendered for (a
required field without a value) is `Skipped` with the reason; the others go on.

Each message's outbox key is made of the account, the incident, the template, the recipient and
the text (`message_key`): two customers with the same text are two jobs, and a run made again
finds every message it already sent.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import TYPE_CHECKING

from composer.core.i18n import _
from composer.core.outbox import PostRecord, job_key
from composer.core.outreach.columns import map_columns

if TYPE_CHECKING:
    from composer.core.model import Incident, Organisation, Person
    from composer.core.outreach.customers import Customer, CustomerList, Problem
    from composer.core.templates import TemplateInfo, TemplateLibrary

RECIPIENT_FIELDS = ("customer_email",)  # the address is the recipient itself, never a value to map


class PlanError(ValueError):
    """The run cannot be planned at all (an unknown template, a mapping that names no column); one line."""


@dataclass(frozen=True, slots=True)
class Message:
    """One customer's message, rendered: what goes out, and its outbox key."""

    customer: Customer
    template_id: str
    language: str
    subject: str
    text: str  # Markdown, as the template wrote it
    key: str
    reply_to: str = ""  # the signer's own address
    signer_name: str = ""


@dataclass(frozen=True, slots=True)
class Skipped:
    """A customer no message could be made for, and why (one line)."""

    customer: Customer
    reason: str


@dataclass
class Plan:
    """Every customer's message for one incident, template and account, and who was left out."""

    incident_id: int
    account: str
    template_id: str
    mapping: dict[str, str]  # template field -> the list's column
    notes: list[str]  # fields without a column, columns no field uses
    messages: list[Message] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)  # a required field without a value
    problems: tuple[Problem, ...] = ()  # rows of the list that were not taken, or a value dropped
    incident_title: str = ""

    @property
    def rows_left_out(self) -> list[Problem]:
        """The list's rows no customer was made of (an invalid or repeated address…)."""
        return [problem for problem in self.problems if not problem.kept]


def shared_values(
    incident: Incident, organisation: Organisation, people: Sequence[Person], *, local_zone: str, signer: str = ""
) -> dict[str, object]:
    """What the store gives every customer's message: the incident (title, start, services, impact,
    cause, fix), the organisation's contacts for what the incident takes down, who signs and
    their own address (`contacts.template_values`)."""
    from composer.core.contacts import template_values  # noqa: PLC0415

    values: dict[str, object] = {
        "title": incident.title,
        "started": incident.started_at.isoformat(),
        "services": ", ".join(incident.affected_services),
        "impact": incident.customer_impact,
        "workaround": incident.workaround,
    }
    values.update(template_values(organisation, people, incident, local_zone=local_zone, signer=signer))
    return {name: value for name, value in values.items() if value not in (None, "")}


def message_key(account: str, incident_id: int, template_id: str, address: str, *, subject: str, text: str) -> str:
    """The outbox key of one message: account, incident, template, recipient and text."""
    return job_key(
        account, f"outreach/{int(incident_id)}/{template_id}/{address.strip().lower()}", f"{subject}\0{text}"
    )


def language_template(library: TemplateLibrary, info: TemplateInfo, language: str) -> TemplateInfo:
    """The same template in `language` when the library has it (usable), else `info` itself."""
    if not language or language == info.language or not info.id.endswith(f"-{info.language}"):
        return info
    sibling_id = info.id[: -len(info.language)] + language
    try:
        sibling = library.get(sibling_id)
    except KeyError:
        return info
    same = (sibling.stage, sibling.channel) == (info.stage, info.channel)
    return sibling if sibling.usable and same and sibling.language == language else info


def plan_messages(
    customers: CustomerList,
    *,
    incident_id: int,
    account: str,
    template_id: str,
    library: TemplateLibrary,
    shared: Mapping[str, object] | None = None,
    explicit: Mapping[str, str] | None = None,
    incident_title: str = "",
    now: datetime | None = None,
) -> Plan:
    """Render every customer's message (see the module's docstring). PlanError for an unknown or
    broken template, or a `FIELD=COLUMN` the template or the list does not have; a ColumnError is
    turned into one."""
    from composer.core.outreach.columns import ColumnError  # noqa: PLC0415
    from composer.core.templates import FieldError, TemplateError, render_template  # noqa: PLC0415

    try:
        info = library.get(template_id)
    except KeyError as error:
        raise PlanError(str(error.args[0])) from None
    if info.error:
        raise PlanError(_("template {template} cannot be used: {error}").format(template=template_id, error=info.error))
    if info.channel != "email":
        raise PlanError(
            _("template {template} is a {channel} template; a personal message needs an email one").format(
                template=template_id, channel=info.channel
            )
        )
    wanted = [spec.name for spec in info.fields if spec.name not in RECIPIENT_FIELDS]
    used = [customers.roles[role] for role in ("email", "language", "phone") if role in customers.roles]
    try:
        mapping, column_notes = map_columns(customers.columns, wanted, explicit or {}, used=used)
    except ColumnError as error:
        raise PlanError(str(error)) from None
    shared = {name: value for name, value in (shared or {}).items() if value not in (None, "")}
    required = {spec.name for spec in info.fields if spec.required}
    notes = [
        _("field '{name}' has no column and no value").format(name=name)
        + (_(": every customer needs it, give --map or --set") if name in required else "")
        for name in wanted
        if name not in mapping and name not in shared and not (name == "customer_name" and "name" in customers.roles)
    ]
    notes += [note for note in column_notes if note.startswith("column ")]
    plan = Plan(
        incident_id=incident_id,
        account=account,
        template_id=template_id,
        mapping=mapping,
        notes=notes,
        problems=customers.problems,
        incident_title=incident_title,
    )
    for customer in customers.rows:
        chosen = language_template(library, info, customer.language)
        values: dict[str, object] = {name: value for name, value in shared.items() if value not in (None, "")}
        for name, column in mapping.items():
            cell = customer.values.get(column, "").strip()
            if cell:
                values[name] = cell
        if "customer_name" not in mapping and customer.name:
            values.setdefault("customer_name", customer.name)
        known = {spec.name for spec in chosen.fields}
        try:
            rendered = render_template(chosen, {k: v for k, v in values.items() if k in known}, now=now)
        except (FieldError, TemplateError) as error:
            plan.skipped.append(Skipped(customer, _("line {line}: {error}").format(line=customer.line, error=error)))
            continue
        reply_to = str(rendered.values.get("signer_email") or "")
        plan.messages.append(
            Message(
                customer=customer,
                template_id=chosen.id,
                language=chosen.language,
                subject=rendered.subject,
                text=rendered.text,
                key=message_key(
                    account, incident_id, chosen.id, customer.email, subject=rendered.subject, text=rendered.text
                ),
                reply_to=reply_to,
                signer_name=str(rendered.values.get("signer_name") or ""),
            )
        )
    return plan


def post_record(message: Message, *, incident_id: int, channel: str = "email", title: str = "") -> PostRecord:
    """The outbox's record of one message: the text and HTML as the email publisher sends them,
    and in `meta` the one recipient (`Post.recipient`), the key its Message-ID is made from, and
    the signer's own address to reply to."""
    from composer.core.social_text import plain_text  # noqa: PLC0415
    from composer.core.templates.render import markdown_to_html  # noqa: PLC0415

    customer = message.customer
    return {
        "channel": channel,
        "subject": " ".join(message.subject.split()),
        "parts": [plain_text(message.text, keep_lines=True) + "\n"],
        "html": markdown_to_html(message.text),
        "incident_key": f"outreach:{int(incident_id)}",  # not the incident's own: no update thread to join
        "title": title or _("Personal message to {customer}").format(customer=customer.name or customer.email),
        "meta": {
            "recipient": {"address": customer.email, "name": customer.name},
            "message_key": message.key,
            "incident_id": int(incident_id),
            "language": message.language,
            "reply_to": message.reply_to,
            "signer_name": message.signer_name,
            "outreach": {"template": message.template_id, "line": customer.line},
        },
    }


def organisation_region(phone: str) -> str:
    """The region of the organisation's phone number ("ES" for +34 …): the list's numbers written
    without a country code are read as from there. "" when it says none."""
    import phonenumbers  # noqa: PLC0415

    try:
        number = phonenumbers.parse(phone, None)
    except phonenumbers.NumberParseException:
        return ""
    return phonenumbers.region_code_for_number(number) or ""
