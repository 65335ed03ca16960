# SPDX-License-Identifier: GPL-3.0-or-later
"""Reading an email account's address settings: every address checked, nothing dropped."""

from __future__ import annotations

import re
from email.headerregistry import Address
from urllib.parse import urlsplit

from composer.core.i18n import _
from composer.publishers.base import PublishError

_NAMED_ADDRESS = re.compile(r"(?P<name>[^<>]*)<(?P<spec>[^<>]*)>")


def addresses(value: str, label: str) -> list[tuple[Address, str]]:
    """Addresses separated by commas, each checked; (address, its ASCII domain).

    Each may carry a display name (`Example Status <status@example.net>`). Not `getaddresses`:
    it drops what it cannot parse (`foo bar` becomes `foo`), and nothing may be dropped here.
    """
    from email_validator import EmailNotValidError, validate_email  # noqa: PLC0415

    result = []
    for chunk in split_addresses(value):
        named = _NAMED_ADDRESS.fullmatch(chunk)
        name, spec = (named["name"].strip().strip('"').strip(), named["spec"].strip()) if named else ("", chunk)
        try:
            checked = validate_email(spec, check_deliverability=False)
        except EmailNotValidError as error:
            raise PublishError(
                _("{label}: “{chunk}” is not a valid email address ({error})").format(
                    label=_(label), chunk=chunk, error=error
                )
            ) from None
        result.append((Address(display_name=name, addr_spec=checked.normalized), checked.ascii_domain.lower()))
    return result


def split_addresses(value: str) -> list[str]:
    """Split at commas (or semicolons) outside quotes and angle brackets."""
    chunks: list[str] = []
    current: list[str] = []
    quoted = bracketed = False
    for character in value:
        if character == '"':
            quoted = not quoted
        elif character in "<>" and not quoted:
            bracketed = character == "<"
        if character in ",;" and not quoted and not bracketed:
            chunks.append("".join(current))
            current = []
        else:
            current.append(character)
    chunks.append("".join(current))
    return [chunk.strip() for chunk in chunks if chunk.strip()]


def unsubscribe_link(value: str) -> str:
    """A List-Unsubscribe target: an http(s) URL or a mailto: address, without angle brackets."""
    if not value:
        return ""
    value = value.removeprefix("<").removesuffix(">")
    parts = urlsplit(value)
    scheme = parts.scheme.lower()
    valid = (scheme in ("https", "http") and bool(parts.netloc)) or (scheme == "mailto" and "@" in parts.path)
    if not valid or any(character in value for character in ' <>"'):
        raise PublishError(
            _("The unsubscribe link “{value}” must be an https URL or a mailto: address.").format(value=value)
        )
    return value
