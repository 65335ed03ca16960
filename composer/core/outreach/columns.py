# SPDX-License-Identifier: GPL-3.0-or-later
"""What a customer list's columns mean: header names in English, Catalan and Spanish.

`role_of` says what a header names (email, name, phone, language, company, plan), comparing
without case or accents; `map_columns` maps a template's fields onto the columns, explicit
`FIELD=COLUMN` choices first; `language_code` reads a language cell as en, ca or es.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping, Sequence

from composer.core.i18n import _

# Each role's header names, as people write them; compared through `normalise`.
_SYNONYMS: dict[str, tuple[str, ...]] = {
    "email": (
        "email", "e-mail", "e mail", "mail", "email address", "e-mail address", "mail address",
        "correu", "correu electrònic", "correu-e", "adreça electrònica", "adreça de correu",
        "correo", "correo electrónico", "correo-e", "dirección de correo", "dirección de correo electrónico",
    ),
    "name": (
        "name", "full name", "customer name", "client name", "contact name", "customer", "client",
        "nom", "nom complet", "nom del client", "cliente", "nombre", "nombre completo", "nombre del cliente",
    ),
    "phone": (
        "phone", "phone number", "telephone", "tel", "mobile", "mobile phone", "cell",
        "telèfon", "mòbil", "número de telèfon", "teléfono", "móvil", "número de teléfono",
    ),
    "language": ("language", "lang", "locale", "idioma", "llengua"),
    "company": (
        "company", "organisation", "organization", "empresa", "organització", "companyia",
        "organización", "compañía",
    ),
    "plan": ("plan", "pla", "tier", "subscription"),
}  # fmt: skip

# Template fields that name a role other than their own name.
_FIELD_ROLES = {
    "customer_name": "name",
    "customer_email": "email",
    "customer_phone": "phone",
    "customer_company": "company",
    "customer_plan": "plan",
    "customer_language": "language",
}

# A language cell: a code with at most one subtag (en, ca-ES, es_419), as `normalise` leaves it, or the
# language's name in en, ca or es.
_LANGUAGE_CODE = re.compile(r"(en|ca|es)(?: [a-z0-9]{2,8})?")
_LANGUAGE_NAMES = {
    "english": "en", "angles": "en", "ingles": "en", "eng": "en",
    "catalan": "ca", "catala": "ca", "catalana": "ca", "cat": "ca",
    "spanish": "es", "espanol": "es", "espanyol": "es", "castellano": "es", "castella": "es", "spa": "es",
}  # fmt: skip


class ColumnError(ValueError):
    """A column mapping that cannot be used; the message is one line naming the column."""


def normalise(text: str) -> str:
    """`text` without case, accents, punctuation between words or surrounding space."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    plain = "".join(character for character in decomposed if not unicodedata.combining(character))
    return " ".join(re.sub(r"[\s_\-.:/]+", " ", plain).split())


_ROLES = {normalise(name): role for role, names in _SYNONYMS.items() for name in names}


def role_of(header: str) -> str:
    """The role a header names ("email", "name", "phone", "language", "company", "plan"), or ""."""
    return _ROLES.get(normalise(header), "")


def find_roles(columns: Sequence[str]) -> dict[str, int]:
    """Each role's column (its index), the first one that names it."""
    roles: dict[str, int] = {}
    for index, column in enumerate(columns):
        role = role_of(column)
        if role and role not in roles:
            roles[role] = index
    return roles


def language_code(value: str) -> str:
    """en, ca or es when `value` says one of them ("ca", "ca-ES", "Català", "Spanish"), else ""."""
    plain = normalise(value)
    if match := _LANGUAGE_CODE.fullmatch(plain):
        return match.group(1)
    return _LANGUAGE_NAMES.get(plain, "")


def map_columns(
    columns: Sequence[str],
    wanted_fields: Iterable[str],
    explicit: Mapping[str, str],
    *,
    used: Iterable[str] = (),
) -> tuple[dict[str, str], list[str]]:
    """Map template fields onto columns: `explicit` (field -> column) first, then header names.

    Returns (field -> column, notes): a note for each field left without a column and for each
    column no field uses (`used` names columns used otherwise, such as the addresses). Names
    match without case or accents. ColumnError for an explicit column the list does not have
    or a field the template does not declare, naming the ones there are."""
    wanted = list(dict.fromkeys(wanted_fields))
    by_name: dict[str, str] = {}
    for column in columns:
        by_name.setdefault(normalise(column), column)
    mapping: dict[str, str] = {}
    for field, column in explicit.items():
        if field not in wanted:
            raise ColumnError(
                _("{field}={column}: the template has no field '{field}'; its fields: {listed}").format(
                    field=field, column=column, listed=_listed(wanted)
                )
            )
        found = by_name.get(normalise(column))
        if found is None:
            raise ColumnError(
                _("{field}={column}: the list has no column '{column}'; its columns: {listed}").format(
                    field=field, column=column, listed=_listed(columns)
                )
            )
        mapping[field] = found
    for field in wanted:
        if field not in mapping and (found := _column_for(field, columns, by_name)):
            mapping[field] = found
    notes = [_("field '{field}' has no column").format(field=field) for field in wanted if field not in mapping]
    taken = set(mapping.values()) | set(used)
    notes += [_("column '{column}' is not used").format(column=column) for column in columns if column not in taken]
    return {field: mapping[field] for field in wanted if field in mapping}, notes


def _column_for(field: str, columns: Sequence[str], by_name: Mapping[str, str]) -> str:
    """The column named like `field` itself, else the first column naming the field's role."""
    if same := by_name.get(normalise(field)):
        return same
    role = _FIELD_ROLES.get(field) or role_of(field)
    if not role:
        return ""
    return next((column for column in columns if role_of(column) == role), "")


def _listed(names: Iterable[str]) -> str:
    quoted = [f"'{name}'" for name in names]
    return ", ".join(quoted) if quoted else "none"
