# SPDX-License-Identifier: GPL-3.0-or-later
"""Importing the list of affected customers (issue 15): composer/core/outreach."""

from __future__ import annotations

import codecs

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from composer.core.outreach import (
    ColumnError,
    CustomerList,
    CustomerListError,
    map_columns,
    read_customers,
    read_customers_file,
    read_customers_text,
)
from composer.core.outreach import customers as customers_module

ROWS = [
    ("Núria Ferrer", "nuria@example.com", "+34 930 000 111"),
    ("Jordi Peña", "jordi@example.com", "+34 600 000 222"),
    ("Laura Soler", "laura@example.org", ""),
]


def csv_text(delimiter: str, rows=ROWS, header=("Name", "Email", "Phone")) -> str:
    lines = [delimiter.join(header)] if header else []
    lines += [delimiter.join(row) for row in rows]
    return "\r\n".join(lines) + "\r\n"


def emails(result: CustomerList) -> list[str]:
    return [customer.email for customer in result.rows]


def problems(result: CustomerList) -> list[tuple[int, str, bool]]:
    return [(problem.line, problem.column, problem.kept) for problem in result.problems]


def fatal(data: bytes | str, **options) -> CustomerListError:
    with pytest.raises(CustomerListError) as caught:
        if isinstance(data, str):
            read_customers_text(data, **options)
        else:
            read_customers(data, **options)
    message = str(caught.value)
    assert "\n" not in message and message == message.strip()
    return caught.value


# -- dialects and encodings ------------------------------------------------------------------


@pytest.mark.parametrize("delimiter", [",", ";", "\t"])
def test_each_delimiter_is_found_and_every_row_read(delimiter):
    result = read_customers(csv_text(delimiter).encode())
    assert result.delimiter == delimiter
    assert result.header is True
    assert result.columns == ("Name", "Email", "Phone")
    assert result.roles == {"name": "Name", "email": "Email", "phone": "Phone"}
    assert emails(result) == ["nuria@example.com", "jordi@example.com", "laura@example.org"]
    assert [customer.line for customer in result.rows] == [2, 3, 4]
    assert [customer.name for customer in result.rows] == ["Núria Ferrer", "Jordi Peña", "Laura Soler"]
    assert [customer.phone for customer in result.rows] == ["+34930000111", "+34600000222", ""]
    assert result.rows[0].values == {"Name": "Núria Ferrer", "Email": "nuria@example.com", "Phone": "+34 930 000 111"}
    assert result.problems == ()


def test_a_comma_inside_names_does_not_win_over_the_tab_that_separates_the_columns():
    text = "Nom\tCorreu\nFerrer, Núria\tnuria@example.com\nPuig, Jordi\tjordi@example.com\n"
    result = read_customers_text(text)
    assert result.delimiter == "\t"
    assert [customer.name for customer in result.rows] == ["Ferrer, Núria", "Puig, Jordi"]


def test_quoted_delimiters_do_not_split_a_field():
    text = 'Name;Email;Company\n"Ferrer; Núria";nuria@example.com;"Pinewood; SL"\n'
    result = read_customers_text(text)
    assert result.delimiter == ";"
    assert result.rows[0].name == "Ferrer; Núria"
    assert result.rows[0].values["Company"] == "Pinewood; SL"


def test_excel_sep_line_names_the_delimiter_and_counts_as_a_line():
    result = read_customers(b"sep=;\r\nName;Email\r\nLaura;laura@example.com\r\n")
    assert result.delimiter == ";"
    assert result.columns == ("Name", "Email")
    assert result.rows[0].line == 3


def test_utf8_with_and_without_its_byte_order_mark():
    text = csv_text(",")
    plain = read_customers(text.encode("utf-8"))
    marked = read_customers(codecs.BOM_UTF8 + text.encode("utf-8"))
    assert (plain.encoding, marked.encoding) == ("utf-8", "utf-8-sig")
    assert marked.columns == plain.columns == ("Name", "Email", "Phone")  # the mark is not in the first name
    assert marked.rows == plain.rows


def test_windows_1252_as_catalan_and_spanish_spreadsheets_save_it():
    text = (
        "Nom;Correu;Import;Nota\r\n"
        "Núria Ferrer;nuria@example.com;12,50 €;«ACCIÓ»\r\n"  # « Ó » in Windows-1252 is not UTF-8 for anything
        "José Peña;jose@example.com;3 €;ESPAÑA\xa0\r\n"
    )
    data = text.encode("cp1252")
    with pytest.raises(UnicodeDecodeError):
        data.decode("utf-8")
    result = read_customers(data)
    assert result.encoding == "cp1252"
    assert [customer.name for customer in result.rows] == ["Núria Ferrer", "José Peña"]
    assert result.rows[0].values["Import"] == "12,50 €" and result.rows[0].values["Nota"] == "«ACCIÓ»"


@pytest.mark.parametrize("codec", ["utf-16", "utf-16-le", "utf-16-be"])
def test_utf16_with_its_byte_order_mark_as_excel_unicode_text(codec):
    text = csv_text("\t")
    data = text.encode(codec)
    if codec != "utf-16":
        data = (codecs.BOM_UTF16_LE if codec.endswith("le") else codecs.BOM_UTF16_BE) + data
    result = read_customers(data)
    assert result.encoding == "utf-16"
    assert result.delimiter == "\t"
    assert [customer.name for customer in result.rows] == ["Núria Ferrer", "Jordi Peña", "Laura Soler"]


def test_a_paste_from_a_spreadsheet_is_the_same_text():
    pasted = csv_text("\t").replace("\r\n", "\n")
    result = read_customers_text(pasted, source="pasted")
    assert result.encoding == "" and result.delimiter == "\t" and result.source == "pasted"
    assert emails(result) == emails(read_customers(csv_text(",").encode()))


# -- quoting and line numbers ----------------------------------------------------------------


def test_quoted_fields_with_newlines_and_doubled_quotes_keep_later_line_numbers_right():
    text = (
        "Name,Email,Notes\n"  # 1
        'Núria,nuria@example.com,"Called twice:\nonce at 9,\nonce at 10"\n'  # 2-4
        'Jordi,jordi@example.com,"He said ""no calls"""\n'  # 5
        'Laura,laura@example.com,"two\r\nlines"\n'  # 6-7
        "Pau,not an address,\n"  # 8
        "Marta,marta@example.com,\n"  # 9
    )
    result = read_customers_text(text)
    assert [(customer.line, customer.name) for customer in result.rows] == [
        (2, "Núria"),
        (5, "Jordi"),
        (6, "Laura"),
        (9, "Marta"),
    ]
    assert result.rows[0].values["Notes"] == "Called twice:\nonce at 9,\nonce at 10"
    assert result.rows[1].values["Notes"] == 'He said "no calls"'
    assert result.rows[2].values["Notes"] == "two\r\nlines"
    assert problems(result) == [(8, "Email", False)]


def test_blank_lines_are_not_customers_and_do_not_shift_line_numbers():
    result = read_customers_text("\nName,Email\n\nLaura,laura@example.com\n,\n\nPau,pau@example.com\n")
    assert [(customer.line, customer.name) for customer in result.rows] == [(4, "Laura"), (7, "Pau")]
    assert result.problems == ()


def test_old_mac_line_ends_count_as_lines():
    result = read_customers(b"Name,Email\rLaura,laura@example.com\rPau,pau@example.com\r")
    assert [customer.line for customer in result.rows] == [2, 3]


# -- headers ---------------------------------------------------------------------------------


def test_a_header_in_catalan():
    text = "Nom;Correu electrònic;Telèfon;Idioma;Empresa;Pla\nNúria;nuria@example.com;930 000 111;català;Pinewood;Pro\n"
    result = read_customers_text(text, default_region="ES")
    assert result.roles == {
        "name": "Nom",
        "email": "Correu electrònic",
        "phone": "Telèfon",
        "language": "Idioma",
        "company": "Empresa",
        "plan": "Pla",
    }
    customer = result.rows[0]
    assert (customer.name, customer.email, customer.phone, customer.language) == (
        "Núria",
        "nuria@example.com",
        "+34930000111",
        "ca",
    )


def test_a_header_in_spanish_without_accents_or_case():
    text = "NOMBRE;CORREO ELECTRONICO;Móvil;idioma\nJosé Peña;jose@example.com;600 000 222;es-ES\n"
    result = read_customers_text(text, default_region="ES")
    assert result.roles == {"name": "NOMBRE", "email": "CORREO ELECTRONICO", "phone": "Móvil", "language": "idioma"}
    assert (result.rows[0].name, result.rows[0].phone, result.rows[0].language) == ("José Peña", "+34600000222", "es")


@pytest.mark.parametrize(
    "name", ["email", "E-mail", "Mail", "correu", "Correu electrònic", "correo", "Correo electrónico"]
)
def test_every_name_of_the_address_column(name):
    result = read_customers_text(f"Client,{name}\nLaura,laura@example.com\n")
    assert result.roles["email"] == name and result.roles["name"] == "Client"


def test_an_unknown_header_over_a_column_of_addresses():
    result = read_customers_text("Persona;Adreça\nLaura;laura@example.com\nPau;pau@example.com\nMarta;-\n")
    assert result.header is True
    assert result.roles == {"email": "Adreça"}
    assert emails(result) == ["laura@example.com", "pau@example.com"]
    assert problems(result) == [(4, "Adreça", False)]


def test_no_header_row_the_addresses_are_found_by_content():
    text = "Laura Soler,laura@example.com,Pro\nPau Vidal,pau@example.com,Basic\nMarta Roig,marta@example.com,Pro\n"
    result = read_customers_text(text)
    assert result.header is False
    assert result.columns == ("column 1", "column 2", "column 3")
    assert result.roles == {"email": "column 2"}
    assert [(customer.line, customer.email) for customer in result.rows] == [
        (1, "laura@example.com"),
        (2, "pau@example.com"),
        (3, "marta@example.com"),
    ]
    assert result.rows[0].values == {"column 1": "Laura Soler", "column 2": "laura@example.com", "column 3": "Pro"}


def test_a_single_column_of_addresses():
    result = read_customers_text("laura@example.com\npau@example.com\n")
    assert result.header is False and emails(result) == ["laura@example.com", "pau@example.com"]


def test_empty_and_repeated_header_names_are_made_unique():
    result = read_customers_text("Email,Name,,Name\nlaura@example.com,Laura,x,L\n")
    assert result.columns == ("Email", "Name", "column 3", "Name (2)")
    assert result.rows[0].values == {"Email": "laura@example.com", "Name": "Laura", "column 3": "x", "Name (2)": "L"}


# -- problems, listed with their lines -------------------------------------------------------


def test_invalid_missing_and_duplicate_addresses_are_listed_and_the_rest_kept():
    text = (
        "Name,Email\n"  # 1
        "Laura,laura@example.com\n"  # 2
        "Pau,pau at example.com\n"  # 3
        "Marta,marta@example\n"  # 4
        "Jordi,\n"  # 5
        "Laura again,LAURA@example.com\n"  # 6
        "Núria, nuria@example.com \n"  # 7
        "Laura thrice,laura@example.com\n"  # 8
    )
    result = read_customers_text(text)
    assert [(customer.line, customer.email) for customer in result.rows] == [
        (2, "laura@example.com"),
        (7, "nuria@example.com"),
    ]
    listed = {problem.line: problem for problem in result.problems}
    assert sorted(listed) == [3, 4, 5, 6, 8]
    assert all(problem.column == "Email" and not problem.kept for problem in result.problems)
    assert listed[3].reason.startswith("not a valid email address (") and listed[3].value == "pau at example.com"
    assert "period" in listed[4].reason  # email-validator's own reason
    assert listed[5].reason == "no email address"
    assert listed[6].reason == "the same address as line 2" and listed[6].value == "LAURA@example.com"
    assert listed[8].reason == "the same address as line 2"


def test_addresses_are_normalised_by_email_validator():
    result = read_customers_text("Email\nNúria@Example.COM\n")
    assert emails(result) == ["Núria@example.com"]


def test_an_invalid_phone_number_keeps_the_customer_without_it():
    text = "Name;Email;Phone\nLaura;laura@example.com;12 34\nPau;pau@example.com;+44 20 7946 0000\n"
    result = read_customers_text(text, default_region="ES")
    assert [(customer.email, customer.phone) for customer in result.rows] == [
        ("laura@example.com", ""),
        ("pau@example.com", "+442079460000"),
    ]
    (problem,) = result.problems
    assert (problem.line, problem.column, problem.value, problem.kept) == (2, "Phone", "12 34", True)
    assert "kept" in problem.reason


def test_the_default_region_reads_national_numbers():
    text = "Name;Email;Telèfon\nLaura;laura@example.com;930 000 111\n"
    assert read_customers_text(text, default_region="ES").rows[0].phone == "+34930000111"
    assert read_customers_text(text, default_region="es").rows[0].phone == "+34930000111"
    without = read_customers_text(text)
    assert without.rows[0].phone == ""
    assert "country code" in without.problems[0].reason and without.problems[0].kept


def test_an_unknown_default_region_is_refused():
    assert "'XX'" in str(fatal("Email\nlaura@example.com\n", default_region="XX"))


def test_languages_en_ca_es_and_an_unknown_one_listed():
    languages = ["en", "Català", "castellano", "fr", ""]
    text = "Email,Language\n" + "".join(f"{n}@example.com,{language}\n" for n, language in enumerate(languages))
    result = read_customers_text(text)
    assert [customer.language for customer in result.rows] == ["en", "ca", "es", "", ""]
    assert problems(result) == [(5, "Language", True)]


def test_rows_with_more_or_fewer_fields_than_the_header_are_listed_and_skipped():
    text = (
        "Name,Email,Plan\n"
        "Ferrer, Núria,nuria@example.com,Pro\n"  # an unquoted comma: the fields are shifted
        "Pau,pau@example.com\n"
        "Laura,laura@example.com,Pro,,\n"  # a spreadsheet's trailing empty cells: fine
        "Marta,marta@example.com,Pro\n"
    )
    result = read_customers_text(text)
    assert emails(result) == ["laura@example.com", "marta@example.com"]
    assert result.rows[0].values == {"Name": "Laura", "Email": "laura@example.com", "Plan": "Pro"}
    first, second = result.problems
    assert (first.line, first.column, first.kept) == (2, "", False)
    assert first.reason == "4 fields where the header has 3" and first.value == "Ferrer, Núria,nuria@example.com,Pro"
    assert (second.line, second.reason) == (3, "2 fields where the header has 3")


def test_no_row_is_dropped_silently():
    text = "Name,Email,Phone\n" + "".join(
        f"P{n},{'bad' if n % 7 == 0 else f'p{n % 40}@example.com'},{'1' if n % 5 == 0 else ''}\n" for n in range(100)
    )
    result = read_customers_text(text, default_region="ES")
    skipped = {problem.line for problem in result.problems if not problem.kept}
    assert len(result.rows) + len(skipped) == 100
    assert {customer.line for customer in result.rows}.isdisjoint(skipped)


# -- what stops the whole import, in one line ------------------------------------------------


def test_a_quoted_field_never_closed_names_the_line_where_its_record_starts():
    text = (
        "Name,Email\n" + "".join(f"P{n},p{n}@example.com\n" for n in range(2, 7)) + 'Laura,"laura@example.com\nPau,x\n'
    )
    error = fatal(text.encode())
    assert str(error) == "line 7: a quoted field is never closed"
    assert error.line == 7


def test_text_after_a_closing_quote_names_its_line():
    error = fatal(b'Name,Email\nLaura,laura@example.com\n"Pau" Vidal,pau@example.com\n')
    assert str(error).startswith("line 3: text after a quoted field's closing quote")


def test_no_column_of_addresses():
    error = fatal(b"Name,Phone\nLaura,930000111\n")
    assert str(error) == "line 1: no column of email addresses: name one email, correu or correo"


@pytest.mark.parametrize("data", [b"", b"\n\r\n  \n", codecs.BOM_UTF8, b",,,\n,,\r\n"])
def test_an_empty_file(data):
    assert "empty" in str(fatal(data))


def test_a_binary_file_names_the_line_of_its_first_nul():
    error = fatal(b"Name,Email\nLaura,laura@example.com\nPau\x00,x\n")
    assert str(error).startswith("line 3: a NUL byte")


def test_utf16_without_its_mark_is_refused_as_not_text():
    assert "NUL" in str(fatal(csv_text(",").encode("utf-16-le")))


def test_bytes_that_are_neither_utf8_nor_windows_1252_name_their_line():
    error = fatal(b"Name,Email\nLaura,laura@example.com\nPau\x81,pau@example.com\n")
    assert str(error).startswith("line 3: neither UTF-8 nor Windows-1252 (byte 0x81)")


def test_utf8_mixed_with_windows_1252_names_the_first_line_that_is_not_utf8():
    data = "Nom;Correu\nNúria;nuria@example.com\n".encode() + "Peña;pena@example.com\n".encode("cp1252")
    assert str(fatal(data)) == "line 3: UTF-8 mixed with another encoding (byte 0xF1); save the list as CSV, UTF-8"


def test_a_utf8_mark_over_other_bytes_names_the_line():
    error = fatal(codecs.BOM_UTF8 + "Name,Email\nNúria,n@example.com\n".encode("cp1252"))
    assert str(error).startswith("line 2: not UTF-8 text")


def test_too_many_columns():
    error = fatal(",".join(["Email", *(f"c{n}" for n in range(250))]).encode())
    assert str(error) == "line 1: 251 fields; a list has at most 200"


def test_too_many_rows(monkeypatch):
    monkeypatch.setattr(customers_module, "MAX_ROWS", 5)
    assert len(read_customers_text("Email\n" + "".join(f"p{n}@example.com\n" for n in range(5))).rows) == 5
    error = fatal("Email\n" + "".join(f"p{n}@example.com\n" for n in range(6)))
    assert str(error) == "line 7: over 5 customers; split the list"


def test_too_many_bytes(monkeypatch):
    monkeypatch.setattr(customers_module, "MAX_BYTES", 100)
    assert "over 100 bytes" in str(fatal(b"Email\n" + b"p@example.com\n" * 10))


def test_the_source_names_the_list_in_every_message():
    assert str(fatal(b"Name\nLaura\n", source="customers.csv")).startswith("customers.csv: line 1: no column")


# -- files -------------------------------------------------------------------------------------


def test_a_file_is_read_and_named(tmp_path):
    path = tmp_path / "clients.csv"
    path.write_bytes(csv_text(";").encode("cp1252"))
    result = read_customers_file(path, default_region="ES")
    assert result.source == str(path) and result.encoding == "cp1252" and len(result.rows) == 3
    path.write_bytes(b'Name;Email\nLaura;"x\n')
    assert str(fatal_file(path)) == f"{path}: line 2: a quoted field is never closed"


def test_a_missing_or_oversized_file_is_one_line(tmp_path, monkeypatch):
    assert str(fatal_file(tmp_path / "none.csv")).startswith(f"cannot read {tmp_path / 'none.csv'}: ")
    monkeypatch.setattr(customers_module, "MAX_BYTES", 100)
    path = tmp_path / "big.csv"
    path.write_bytes(b"Email\n" + b"p@example.com\n" * 10)
    assert str(fatal_file(path)) == f"{path}: over 100 bytes; split the list"


def fatal_file(path) -> CustomerListError:
    with pytest.raises(CustomerListError) as caught:
        read_customers_file(path)
    assert "\n" not in str(caught.value)
    return caught.value


# -- mapping columns onto a template's fields ------------------------------------------------


def test_map_columns_by_header_names_without_case_or_accents():
    columns = ("Correu electrònic", "NOM", "Empresa", "Pla", "Telefon", "Notes", "Customer impact")
    mapping, notes = map_columns(
        columns,
        ["customer_name", "company", "plan", "phone", "customer_impact", "signer"],
        {},
        used=["Correu electrònic"],
    )
    assert mapping == {
        "customer_name": "NOM",
        "company": "Empresa",
        "plan": "Pla",
        "phone": "Telefon",
        "customer_impact": "Customer impact",
    }
    assert notes == ["field 'signer' has no column", "column 'Notes' is not used"]


def test_explicit_choices_come_first_and_match_without_case():
    columns = ("Email", "Name", "Nickname")
    mapping, notes = map_columns(columns, ["customer_name"], {"customer_name": "nickname"})
    assert mapping == {"customer_name": "Nickname"}
    assert notes == ["column 'Email' is not used", "column 'Name' is not used"]


def test_an_unknown_explicit_column_names_the_columns_there_are():
    with pytest.raises(ColumnError) as caught:
        map_columns(("Email", "Nom"), ["customer_name"], {"customer_name": "Nmae"})
    assert str(caught.value) == "customer_name=Nmae: the list has no column 'Nmae'; its columns: 'Email', 'Nom'"


def test_an_explicit_field_the_template_lacks_is_refused():
    with pytest.raises(ColumnError) as caught:
        map_columns(("Email", "Nom"), ["customer_name"], {"plan": "Nom"})
    assert str(caught.value) == "plan=Nom: the template has no field 'plan'; its fields: 'customer_name'"


# -- any input, and a big one ------------------------------------------------------------------

_TOKENS = [*',;\t"\r\n @.aéz€0+\x00\ufeff', "sep=", "email", "a@example.com", "930 000 111", '""']
_CSVISH = st.lists(st.sampled_from(_TOKENS), max_size=80).map("".join)


@settings(derandomize=True, database=None, max_examples=300, deadline=None, suppress_health_check=list(HealthCheck))
@given(data=st.binary(max_size=400) | _CSVISH.map(lambda text: text.encode("utf-8", "surrogatepass")))
def test_any_bytes_give_a_list_or_one_line_error(data):
    try:
        result = read_customers(data, default_region="ES")
    except CustomerListError as error:
        assert str(error) and "\n" not in str(error)
        return
    assert isinstance(result, CustomerList)
    assert all(problem.line >= 1 for problem in result.problems)
    assert all(customer.line >= 1 for customer in result.rows)


@settings(derandomize=True, database=None, max_examples=200, deadline=None, suppress_health_check=list(HealthCheck))
@given(cells=st.lists(st.lists(st.text(max_size=12), min_size=3, max_size=3), max_size=12))
def test_any_quoted_table_reads_back_with_its_values_and_lines(cells):
    """Every cell quoted as a spreadsheet writes it; each valid address comes back with its row's line."""
    rows = [[f"p{n}@example.com", *row[1:]] for n, row in enumerate(cells)]
    lines = ['"Email","Name","Notes"'] + [",".join('"' + cell.replace('"', '""') + '"' for cell in row) for row in rows]
    text = "\n".join(lines) + "\n"
    try:
        result = read_customers_text(text)
    except CustomerListError as error:
        assert "NUL" in str(error)
        return
    starts, line = [], 2
    for row in rows:
        starts.append(line)
        line += sum(cell.count("\n") + cell.count("\r") - cell.count("\r\n") for cell in row) + 1
    assert [customer.line for customer in result.rows] == starts
    assert [list(customer.values.values()) for customer in result.rows] == rows


def test_ten_thousand_rows(tmp_path):
    lines = ["Nom;Correu electrònic;Telèfon;Idioma;Empresa"]
    for n in range(10_000):
        email = f"client{n}@empresa{n % 997}.cat" if n % 1000 != 500 else "no address"
        lines.append(f"Client {n};{email};6{n:08d};{'ca' if n % 2 else 'es'};Empresa {n % 997}")
    path = tmp_path / "big.csv"
    path.write_bytes(codecs.BOM_UTF8 + "\r\n".join(lines).encode("utf-8"))
    result = read_customers_file(path, default_region="ES")
    assert len(result.rows) == 9_990
    assert [problem.line for problem in result.problems] == [n + 2 for n in range(500, 10_000, 1000)]
    last = result.rows[-1]
    assert (last.line, last.email, last.phone, last.language, last.name) == (
        10_001,
        "client9999@empresa29.cat",
        "+34600009999",
        "ca",
        "Client 9999",
    )
