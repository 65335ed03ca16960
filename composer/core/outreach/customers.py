# SPDX-License-Identifier: GPL-3.0-or-later
"""Reading the list of affected customers: a CSV file, or a paste from a spreadsheet.

Every row becomes a customer or a problem with its line number, never nothing: an invalid or
repeated address, a missing one or a row whose fields do not match the header is listed and
skipped; an invalid phone number or an unknown language is listed and the customer kept
without it. What stops the whole import (an unclosed quote, no column of addresses, an empty
or binary file, a file over its limits) is a CustomerListError whose message is one line
naming the line.

The bytes are UTF-8 (with or without its byte-order mark), UTF-16 with its mark (Excel's
"Unicode text"), or else Windows-1252 (what spreadsheets in Catalan and Spanish save); the
delimiter is a comma, a semicolon or a tab.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from composer.core.i18n import _
from composer.core.outreach.columns import find_roles, language_code

MAX_BYTES = 20_000_000
MAX_COLUMNS = 200
MAX_ROWS = 200_000
DELIMITERS = ",;\t"
_SNIFF_LINES = 20
_SNIFF_CHARS = 4096  # csv.Sniffer's quote search is quadratic in the sample: ~80 ms at worst
_ADDRESS_SAMPLE = 200  # rows looked at to find the column of addresses when no header names it
_SHOWN_CHARS = 200  # of a raw row quoted in a problem

_LOOKS_LIKE_ADDRESS = re.compile(r"[^@\s]+@[^@\s]+\.[^@\s]+")
_SEP_LINE = re.compile(r"sep=([^\r\n])(?:\r\n|\r|\n|$)", re.IGNORECASE)  # Excel's own first line naming the delimiter
# UTF-8 for the Latin-1 letters and signs (à, ñ, «, ·): in Windows-1252 "Â" or "Ã" before a symbol,
# which Catalan and Spanish text never has.
_UTF8_LETTER = re.compile(rb"[\xc2\xc3][\x80-\xbf]")
_MISSING_AT = "An email address must have an @-sign."  # email-validator's words, for the fast path


class CustomerListError(ValueError):
    """A list that cannot be imported at all; the message is one line, naming the line when there is one."""

    def __init__(self, message: str, line: int = 0):
        super().__init__(message)
        self.line = line


@dataclass(frozen=True, slots=True)
class Customer:
    """One customer to reach; `values` holds every column's text as the list gave it."""

    line: int  # where the record starts in the file, from 1
    email: str  # as email-validator normalises it
    name: str = ""
    phone: str = ""  # E.164 (+34930000111), "" when there is none or it was not valid
    language: str = ""  # en, ca or es when the list says so
    values: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class Problem:
    """A row, or one value of it, that could not be taken as given; `kept` when the customer still is."""

    line: int
    column: str  # "" when it is about the whole row
    reason: str
    value: str  # the raw text
    kept: bool = False


@dataclass(frozen=True, slots=True)
class CustomerList:
    """The customers of one list, what was wrong with its rows, and how it was read."""

    columns: tuple[str, ...]  # the header's names in order ("column 1"… when there is no header row)
    rows: tuple[Customer, ...]
    problems: tuple[Problem, ...]
    encoding: str  # utf-8, utf-8-sig, utf-16 or cp1252; "" when given as text
    delimiter: str
    header: bool  # whether the first record was a header row
    roles: dict[str, str]  # role (email, name, phone, language, company, plan) -> its column
    source: str = ""


def read_customers_file(path: Path | str, *, default_region: str = "", source: str = "") -> CustomerList:
    """The customers in the file at `path`; CustomerListError when it cannot be read or imported."""
    path = Path(path)
    return read_customers(_read_bounded(path), default_region=default_region, source=source or str(path))


def read_customers(data: bytes, *, default_region: str = "", source: str = "") -> CustomerList:
    """The customers in `data` (a CSV file's bytes); `default_region` (ES) reads numbers without +country."""
    if len(data) > MAX_BYTES:
        raise _error(source, 0, _("over {limit:,} bytes; split the list").format(limit=MAX_BYTES))
    text, encoding = _decode(data, source)
    return _read(text, encoding, default_region, source)


def read_customers_text(text: str, *, default_region: str = "", source: str = "") -> CustomerList:
    """The customers in `text`, as pasted from a spreadsheet (tab-separated) or a CSV file."""
    if len(text) > MAX_BYTES:
        raise _error(source, 0, _("over {limit:,} characters; split the list").format(limit=MAX_BYTES))
    return _read(text.removeprefix("\ufeff"), "", default_region, source)


# -- bytes to text -------------------------------------------------------------------------


def _read_bounded(path: Path) -> bytes:
    """At most MAX_BYTES of `path` (`composer.core.files.read_bytes`), to decode here."""
    from composer.core.files import ReadRefused, read_bytes  # noqa: PLC0415

    try:
        return read_bytes(path, MAX_BYTES, _("split the list"))
    except ReadRefused as error:
        raise CustomerListError(str(error)) from None


def _decode(data: bytes, source: str) -> tuple[str, str]:
    """The text and the encoding it was in: a byte-order mark decides, else UTF-8, else Windows-1252."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16"), "utf-16"
        except UnicodeDecodeError as error:
            line = _line_of(data[: error.start].decode("utf-16", "replace"))
            raise _error(
                source, line, _("not UTF-16 text, although the file starts with UTF-16's byte-order mark")
            ) from None
    if (nul := data.find(b"\0")) >= 0:
        line = _line_of_bytes(data, nul)
        raise _error(source, line, _("a NUL byte: not a text file (save the list as CSV, UTF-8)"))
    if data.startswith(b"\xef\xbb\xbf"):
        try:
            return data[3:].decode("utf-8"), "utf-8-sig"
        except UnicodeDecodeError as error:
            line = _line_of_bytes(data, error.start + 3)
            raise _error(
                source, line, _("not UTF-8 text, although the file starts with UTF-8's byte-order mark")
            ) from None
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError as error:
        if _UTF8_LETTER.search(data):  # "Ã" then a symbol: UTF-8's à-ÿ, which Windows-1252 would garble
            line, byte = _line_of_bytes(data, error.start), data[error.start]
            raise _error(
                source,
                line,
                _("UTF-8 mixed with another encoding (byte 0x{byte:02X}); save the list as CSV, UTF-8").format(
                    byte=byte
                ),
            ) from None
    try:
        return data.decode("cp1252"), "cp1252"
    except UnicodeDecodeError as error:
        line = _line_of_bytes(data, error.start)
        byte = data[error.start]
        raise _error(
            source,
            line,
            _("neither UTF-8 nor Windows-1252 (byte 0x{byte:02X}); save the list as CSV, UTF-8").format(byte=byte),
        ) from None


def _line_of_bytes(data: bytes, position: int) -> int:
    """The line (from 1) holding byte `position`: lines end at \\n, \\r\\n or a lone \\r."""
    before = data[:position]
    return before.count(b"\n") + before.count(b"\r") - before.count(b"\r\n") + 1


def _line_of(text: str) -> int:
    """The line (from 1) that follows `text`."""
    return text.count("\n") + text.count("\r") - text.count("\r\n") + 1


def _error(source: str, line: int, message: str) -> CustomerListError:
    """The error "source: line 7: message", without what is not known."""
    at = _("line {line}: ").format(line=line) if line else ""
    return CustomerListError(f"{source}: {at}{message}" if source else f"{at}{message}", line)


# -- text to records -----------------------------------------------------------------------


def _read(text: str, encoding: str, default_region: str, source: str) -> CustomerList:
    if (nul := text.find("\0")) >= 0:
        raise _error(source, _line_of(text[:nul]), _("a NUL character: not a list of customers"))
    check = _Checker(default_region, source)
    first_line = 1
    delimiter = ""
    if (sep := _SEP_LINE.match(text)) and sep.group(1) in DELIMITERS:
        delimiter = sep.group(1)
        text = text[sep.end() :]
        first_line = 2
    if not text.strip():
        raise _error(source, 0, _("no customers: the list is empty"))
    delimiter = delimiter or sniff_delimiter(text)
    records = _records(text, delimiter, first_line, source)
    if not records:
        raise _error(source, 0, _("no customers: the list is empty"))
    return _customers(records, delimiter, encoding, check, source)


def sniff_delimiter(text: str) -> str:
    """Comma, semicolon or tab: what csv.Sniffer finds in the first lines, unless the first line
    (outside quotes) holds none of it and another; with none at all, a comma (one column)."""
    lines = io.StringIO(text[: _SNIFF_CHARS * 4], newline="").readlines()
    sample = "".join(lines[:_SNIFF_LINES])[:_SNIFF_CHARS]
    counts = _count_outside_quotes(next((line for line in lines if line.strip()), ""))
    most = max(DELIMITERS, key=lambda delimiter: (counts[delimiter], -"\t;,".index(delimiter)))
    try:
        found = csv.Sniffer().sniff(sample, delimiters=DELIMITERS).delimiter
    except csv.Error:
        found = ""
    if found and found in DELIMITERS and (counts[found] or not counts[most]):
        return found
    return most if counts[most] else ","


def _count_outside_quotes(line: str) -> dict[str, int]:
    counts = dict.fromkeys(DELIMITERS, 0)
    quoted = False
    for character in line:
        if character == '"':
            quoted = not quoted
        elif not quoted and character in counts:
            counts[character] += 1
    return counts


def _records(text: str, delimiter: str, first_line: int, source: str) -> list[tuple[int, list[str]]]:
    """Each non-blank record with the line it starts on; CustomerListError for bad quoting or a list too big."""
    lines = io.StringIO(text, newline="")
    reader = csv.reader(lines, delimiter=delimiter, quotechar='"', doublequote=True, strict=True)
    records: list[tuple[int, list[str]]] = []
    start = first_line
    while True:
        try:
            fields = next(reader)
        except StopIteration:
            return records
        except csv.Error as error:
            several_lines = reader.line_num + first_line - 1 > start
            raise _error(source, start, _quoting_problem(str(error), several_lines)) from None
        if len(fields) > MAX_COLUMNS:
            raise _error(
                source,
                start,
                _("{count} fields; a list has at most {limit}").format(count=len(fields), limit=MAX_COLUMNS),
            )
        if any(value.strip() for value in fields):
            if len(records) > MAX_ROWS:  # the header and MAX_ROWS customers are there already
                raise _error(source, start, _("over {limit:,} customers; split the list").format(limit=MAX_ROWS))
            records.append((start, fields))
        start = reader.line_num + first_line


def _quoting_problem(message: str, several_lines: bool) -> str:
    if "unexpected end of data" in message or ("field larger" in message and several_lines):
        return _("a quoted field is never closed")
    if "field larger" in message:
        return _("a field over {limit:,} characters").format(limit=csv.field_size_limit())
    if "expected after" in message:
        return _('text after a quoted field\'s closing quote (a quote inside a quoted field is written twice: "")')
    return _("cannot be read as CSV ({message})").format(message=message)


# -- records to customers ------------------------------------------------------------------


def _customers(
    records: list[tuple[int, list[str]]], delimiter: str, encoding: str, check: _Checker, source: str
) -> CustomerList:
    first_line, first = records[0]
    named = find_roles(first)
    email_index = named.get("email")
    if email_index is None:
        # Judged on the rows after the first, which may be a header (on the first alone when it is all).
        email_index = _address_column(records[1 : _ADDRESS_SAMPLE + 1] or records[:1])
        if email_index is None:
            raise _error(source, first_line, _("no column of email addresses: name one email, correu or correo"))
    header = "email" in named or not _LOOKS_LIKE_ADDRESS.fullmatch(_cell(first, email_index).strip())
    if header:
        # A header shorter than the rows holding the addresses gets names for what it lacks.
        columns = _unique([name.strip() for name in first] + [""] * (email_index + 1 - len(first)))
        roles = {role: columns[index] for role, index in named.items()}
        data = records[1:]
    else:
        columns = [_("column {number}").format(number=number) for number in range(1, len(first) + 1)]
        roles = {}
        data = records
    roles["email"] = columns[email_index]
    rows = _Rows(roles, check)
    width = len(columns)
    for line, fields in data:
        while len(fields) > width and not fields[-1].strip():
            fields.pop()  # a spreadsheet's trailing empty cells
        if len(fields) != width:
            shown = delimiter.join(fields)[:_SHOWN_CHARS]
            rows.problems.append(
                Problem(
                    line,
                    "",
                    _("{count} fields where the header has {width}").format(count=len(fields), width=width),
                    shown,
                )
            )
        else:
            rows.add(line, dict(zip(columns, fields, strict=True)))
    return CustomerList(
        columns=tuple(columns),
        rows=tuple(rows.customers),
        problems=tuple(sorted(rows.problems, key=lambda problem: problem.line)),
        encoding=encoding,
        delimiter=delimiter,
        header=header,
        roles=roles,
        source=source,
    )


class _Rows:
    """The customers taken so far, the problems found, and the addresses already seen."""

    def __init__(self, roles: dict[str, str], check: _Checker):
        self.roles = roles
        self.check = check
        self.customers: list[Customer] = []
        self.problems: list[Problem] = []
        self.seen: dict[str, int] = {}  # casefolded address -> the line of the customer kept with it

    def add(self, line: int, values: dict[str, str]) -> None:
        """The customer of one row, or its problem when it has no usable address."""
        column = self.roles["email"]
        raw = values[column]
        if not raw.strip():
            self.problems.append(Problem(line, column, _("no email address"), raw))
            return
        email, why = self.check.email(raw.strip())
        if why:
            self.problems.append(Problem(line, column, _("not a valid email address ({why})").format(why=why), raw))
            return
        key = email.casefold()
        if key in self.seen:
            self.problems.append(
                Problem(line, column, _("the same address as line {seen}").format(seen=self.seen[key]), raw)
            )
            return
        self.seen[key] = line
        name = values[self.roles["name"]].strip() if "name" in self.roles else ""
        phone, language = self._phone(line, values), self._language(line, values)
        self.customers.append(Customer(line, email, name, phone, language, values))

    def _phone(self, line: int, values: dict[str, str]) -> str:
        column = self.roles.get("phone")
        if not column or not (raw := values[column]).strip():
            return ""
        phone, why = self.check.phone(raw.strip())
        if why:
            self.problems.append(
                Problem(line, column, _("{why}; the customer is kept without it").format(why=why), raw, kept=True)
            )
        return phone

    def _language(self, line: int, values: dict[str, str]) -> str:
        column = self.roles.get("language")
        if not column or not (raw := values[column]).strip():
            return ""
        language = self.check.language(raw)
        if not language:
            reason = _("not a language of the templates (en, ca, es); the customer is kept without one")
            self.problems.append(Problem(line, column, reason, raw, kept=True))
        return language


def _address_column(records: Sequence[tuple[int, list[str]]]) -> int | None:
    """The column whose values are mostly addresses (more than half of those not empty), or None."""
    best: tuple[float, int] | None = None
    width = max(len(fields) for _, fields in records)
    for index in range(width):
        cells = [cell.strip() for _, fields in records if (cell := _cell(fields, index)).strip()]
        if not cells:
            continue
        share = sum(1 for cell in cells if _LOOKS_LIKE_ADDRESS.fullmatch(cell)) / len(cells)
        if share > 0.5 and (best is None or share > best[0]):
            best = (share, index)
    return None if best is None else best[1]


def _cell(fields: Sequence[str], index: int) -> str:
    return fields[index] if index < len(fields) else ""


def _unique(names: list[str]) -> list[str]:
    """Header names made unique: an empty one is "column N", a repeated one "Name (2)"."""
    unique: list[str] = []
    taken: set[str] = set()
    for number, name in enumerate(names, start=1):
        candidate = name or _("column {number}").format(number=number)
        count = 1
        while candidate.casefold() in taken:
            count += 1
            candidate = f"{name or f'column {number}'} ({count})"
        taken.add(candidate.casefold())
        unique.append(candidate)
    return unique


class _Checker:
    """email-validator, phonenumbers and the language names, each distinct value checked once per list."""

    def __init__(self, default_region: str, source: str):
        import phonenumbers  # noqa: PLC0415  # slow to import; only an import needs it

        self.region = default_region.strip().upper()
        if self.region and self.region not in phonenumbers.SUPPORTED_REGIONS:
            raise _error(source, 0, _("'{region}' is not a region phone numbers know").format(region=default_region))
        self._emails: dict[str, tuple[str, str]] = {}
        self._phones: dict[str, tuple[str, str]] = {}
        self._languages: dict[str, str] = {}

    def email(self, raw: str) -> tuple[str, str]:
        """(normalised address, "") or ("", why it is not valid)."""
        if (known := self._emails.get(raw)) is not None:
            return known
        # The fast path for what is plainly not an address; everything else goes through email-validator.
        result = ("", _MISSING_AT) if "@" not in raw else _validate_email(raw)
        self._emails[raw] = result
        return result

    def phone(self, raw: str) -> tuple[str, str]:
        """(E.164 number, "") or ("", why it is not valid)."""
        if (known := self._phones.get(raw)) is None:
            known = self._phones[raw] = _parse_phone(raw, self.region)
        return known

    def language(self, raw: str) -> str:
        """en, ca, es or ""."""
        if (known := self._languages.get(raw)) is None:
            known = self._languages[raw] = language_code(raw)
        return known


def _validate_email(raw: str) -> tuple[str, str]:
    from email_validator import EmailNotValidError, validate_email  # noqa: PLC0415

    try:
        return validate_email(raw, check_deliverability=False).normalized, ""
    except EmailNotValidError as error:
        return "", str(error)


def _parse_phone(raw: str, region: str) -> tuple[str, str]:
    import phonenumbers  # noqa: PLC0415

    try:
        number: phonenumbers.PhoneNumber = phonenumbers.parse(raw, region or None)
    except phonenumbers.NumberParseException as error:
        if error.error_type == phonenumbers.NumberParseException.INVALID_COUNTRY_CODE and not region:
            return "", _("a phone number without its country code (+34…) and no default region")
        return "", _("not a valid phone number")
    if not phonenumbers.is_valid_number(number):
        return "", _("not a valid phone number")
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164), ""
