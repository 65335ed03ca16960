# SPDX-License-Identifier: GPL-3.0-or-later
"""The fields a template asks for: declared in its header, described in one shared catalogue.

A template lists catalogue names (`fields = ["impact", "next_update"]`) and may add fields of
its own (`[[field]]` tables). Values arrive as text (a form, `--set NAME=VALUE`, JSON/TOML)
and are turned into the field's type here, with a one-line error naming the field.
"""

from __future__ import annotations

import tomllib
from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import datetime
from functools import lru_cache
from importlib.resources import files

from composer.core.i18n import _

TYPES = ("text", "multiline", "datetime", "url", "email", "phone", "integer", "choice", "zone")


class FieldError(ValueError):
    """A value is missing or unusable; the message names the field and the template."""


@dataclass(frozen=True)
class Field:
    name: str
    label: str
    type: str = "text"
    required: bool = False
    default: object = None
    help: str = ""
    example: object = None  # a value, or a table of values by language
    choices: tuple[str, ...] = ()

    def example_for(self, language: str) -> object:
        if isinstance(self.example, dict):
            return self.example.get(language, self.example.get("en"))
        return self.example

    def as_json(self) -> dict[str, object]:
        return {
            "name": self.name,
            "label": self.label,
            "type": self.type,
            "required": self.required,
            "default": self.default,
            "help": self.help,
        }

    def coerce(self, value: object, template_id: str) -> object:
        """The value in this field's type (datetimes aware, integers int)."""
        where = _("field `{name}` of template {template}").format(name=self.name, template=template_id)
        if value is None or value == "":
            return None
        if self.type == "datetime":
            if isinstance(value, datetime):
                parsed = value
            else:
                try:
                    parsed = datetime.fromisoformat(str(value).strip())
                except ValueError:
                    raise FieldError(
                        _("{where}: {shown} is not an ISO 8601 time (write it like 2026-11-24T14:30:00+01:00)").format(
                            where=where, shown=_shown(value)
                        )
                    ) from None
            if parsed.tzinfo is None:
                raise FieldError(
                    _("{where}: {shown} has no time zone (add one, like +01:00 or Z)").format(
                        where=where, shown=_shown(value)
                    )
                )
            return parsed
        if self.type == "integer":
            try:
                return int(str(value))
            except ValueError:
                raise FieldError(
                    _("{where}: {shown} is not a whole number").format(where=where, shown=_shown(value))
                ) from None
        if self.type == "choice" and self.choices and str(value) not in self.choices:
            raise FieldError(
                _("{where}: {shown} is not one of {choices}").format(
                    where=where, shown=_shown(value), choices=", ".join(self.choices)
                )
            )
        if self.type == "zone":
            from zoneinfo import ZoneInfo, ZoneInfoNotFoundError  # noqa: PLC0415

            try:
                ZoneInfo(str(value))
            except (ZoneInfoNotFoundError, ValueError):
                raise FieldError(
                    _("{where}: {shown} is not a time zone name (like Europe/Madrid)").format(
                        where=where, shown=_shown(value)
                    )
                ) from None
        if isinstance(value, (list, dict)):
            raise FieldError(_("{where}: expected text, not a {kind}").format(where=where, kind=type(value).__name__))
        return str(value)


def _shown(value: object) -> str:
    """A value as an error message quotes it: a long one cut short, so the message stays one short line."""
    text = repr(value)
    return text if len(text) <= 80 else text[:70] + "…" + text[-8:]


def field_from_table(name: str, table: dict[str, object], source: str) -> Field:
    kind = str(table.get("type", "text"))
    if kind not in TYPES:
        raise FieldError(
            _("{source}: field `{name}` has unknown type {kind!r} (one of: {types})").format(
                source=source, name=name, kind=kind, types=", ".join(TYPES)
            )
        )
    choices = table.get("choices", ())
    if not isinstance(choices, Iterable):
        raise FieldError(_("{source}: the choices of field `{name}` are not a list").format(source=source, name=name))
    return Field(
        name=name,
        label=str(table.get("label", name.replace("_", " ").capitalize())),
        type=kind,
        required=bool(table.get("required", False)),
        default=table.get("default"),
        help=str(table.get("help", "")),
        example=table.get("example"),
        choices=tuple(str(c) for c in choices),
    )


@lru_cache(maxsize=1)
def catalogue() -> dict[str, Field]:
    """The shared field catalogue, resources/templates/fields.toml."""
    text = files("composer.resources").joinpath("templates", "fields.toml").read_text(encoding="utf-8")
    return {name: field_from_table(name, table, "fields.toml") for name, table in tomllib.loads(text).items()}


def resolve_fields(names: list[object], own: list[dict[str, object]], source: str) -> tuple[Field, ...]:
    """The template's fields: catalogue names (optionally overridden) and its own tables."""
    shared = catalogue()
    result: dict[str, Field] = {}
    for entry in names:
        if not isinstance(entry, str) or entry not in shared:
            raise FieldError(
                _("{source}: unknown field {entry!r} (not in the field catalogue)").format(source=source, entry=entry)
            )
        result[entry] = shared[entry]
    for table in own:
        name = str(table.get("name", ""))
        if not name:
            raise FieldError(_("{source}: a [[field]] needs a name").format(source=source))
        if name in shared and set(table) <= {"name", "required", "default", "label", "help", "example"}:
            result[name] = _overridden(result.get(name, shared[name]), table)
        else:
            result[name] = field_from_table(name, table, source)
    return tuple(result.values())


def _overridden(base: Field, table: dict[str, object]) -> Field:
    """A catalogue field with what a template may change of it (required, default, label, help, example)."""
    return replace(
        base,
        required=bool(table.get("required", base.required)),
        default=table.get("default", base.default),
        label=str(table.get("label", base.label)),
        help=str(table.get("help", base.help)),
        example=table.get("example", base.example),
    )
