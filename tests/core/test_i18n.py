# SPDX-License-Identifier: GPL-3.0-or-later
"""What core, publishers and the command line say, in the interface's language (`composer.core.i18n`).

The system's language as gettext reads it, the fallbacks, both ways a catalogue is read (the
built .mo, the .po compiled in memory) and the catalogues themselves: every message the source
marks has a translation in Catalan and Spanish, not fuzzy, with the same placeholders.
"""

from __future__ import annotations

import importlib.util
import io
import os
import string
import sys
from pathlib import Path

import pytest
from babel.messages.catalog import Catalog
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po, write_po

from composer.core import i18n

ROOT = Path(__file__).resolve().parents[2]
LOCALE = ROOT / "resources" / "locale"


@pytest.fixture(autouse=True)
def english_again():
    """Each test leaves the process speaking English, as every other test expects."""
    yield
    i18n.set_language("en")


def _tool():
    spec = importlib.util.spec_from_file_location("extract_messages", ROOT / "tools" / "extract_messages.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("extract_messages", module)
    spec.loader.exec_module(module)
    return module


# --- the system's language ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("environ", "expected"),
    [
        ({}, "en"),
        ({"LANG": "ca_ES.UTF-8"}, "ca"),
        ({"LANG": "es_ES.UTF-8"}, "es"),
        ({"LANG": "es_419.UTF-8"}, "es"),
        ({"LC_MESSAGES": "es-419"}, "es"),
        ({"LANG": "ca_ES@valencia"}, "ca"),
        ({"LANG": "C"}, "en"),
        ({"LC_ALL": "POSIX", "LANG": "ca_ES.UTF-8"}, "en"),  # the first one set decides
        ({"LC_ALL": "C.UTF-8"}, "en"),
        ({"LANGUAGE": "ca:es:en"}, "ca"),
        ({"LANGUAGE": "fr:es:ca", "LANG": "ca_ES.UTF-8"}, "es"),  # the first supported of the list
        ({"LANGUAGE": "fr:de", "LANG": "ca_ES.UTF-8"}, "ca"),  # none supported: the locale decides
        ({"LANGUAGE": "", "LC_MESSAGES": "es_ES.UTF-8", "LANG": "ca_ES.UTF-8"}, "es"),
        ({"LANG": "fr_FR.UTF-8"}, "en"),
        ({"LANGUAGE": "pt_BR"}, "en"),
    ],
)
def test_system_language(environ, expected):
    assert i18n.system_language(environ) == expected


@pytest.mark.parametrize(
    ("code", "expected"),
    [("ca", "ca"), ("ca_ES.UTF-8", "ca"), ("es-419", "es"), ("ES", "es"), ("en_GB", "en"), ("fr", None), ("", None)],
)
def test_supported(code, expected):
    assert i18n.supported(code) == expected


def test_set_language_and_its_fallbacks(monkeypatch):
    for variable in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"):
        monkeypatch.delenv(variable, raising=False)
    monkeypatch.setenv("LANG", "es_ES.UTF-8")
    assert i18n.set_language("ca") == "ca" and i18n.language() == "ca"
    assert i18n._("No incidents yet.") == "Encara no hi ha cap incidència."
    assert i18n.set_language("fr") == "es"  # unsupported: the system's language
    assert i18n._("No incidents yet.") == "Todavía no hay ningún incidente."
    assert i18n.set_language("system") == "es"
    assert i18n.set_language(None) == "es"
    assert i18n.set_language("") == "es"
    monkeypatch.setenv("LANG", "C")
    assert i18n.set_language("fr") == "en"  # nor the system's: English
    assert i18n._("No incidents yet.") == "No incidents yet."
    assert i18n.set_language("en") == "en" and i18n.language() == "en"


def test_plural_forms_context_and_empty_text():
    i18n.set_language("ca")
    line = "Status page in {folder}: {written} file written, {unchanged} unchanged."
    lines = "Status page in {folder}: {written} files written, {unchanged} unchanged."
    assert i18n.ngettext(line, lines, 1).startswith("Pàgina d'estat a {folder}: {written} fitxer escrit")
    assert i18n.ngettext(line, lines, 2).startswith("Pàgina d'estat a {folder}: {written} fitxers escrits")
    assert "fitxers escrits" in i18n.ngettext(line, lines, 1_000_000)  # CLDR's third form ("many")
    assert i18n.ngettext("one {n} unknown", "{n} unknown", 2) == "{n} unknown"  # no entry: the source
    assert i18n.pgettext("nowhere", "No incidents yet.") == "No incidents yet."  # another context: no entry
    assert i18n._("") == ""  # not the catalogue's header
    assert i18n.N_("No incidents yet.") == "No incidents yet."  # marked, never translated


# --- reading a catalogue: the built .mo, else the .po compiled in memory ------------------------


def _po(text: str, language: str) -> bytes:
    catalog = Catalog(locale=language)
    catalog.add("No incidents yet.", text)
    buffer = io.BytesIO()
    write_po(buffer, catalog)
    return buffer.getvalue()


def _mo(text: str, language: str) -> bytes:
    catalog = read_po(io.BytesIO(_po(text, language)), locale=language)
    buffer = io.BytesIO()
    write_mo(buffer, catalog)
    return buffer.getvalue()


@pytest.fixture
def resources_in(tmp_path, monkeypatch):
    """The catalogues read from a folder of the test's own."""
    monkeypatch.setattr(i18n, "_locale_folder", lambda code: tmp_path / "locale" / code / "LC_MESSAGES")
    folder = tmp_path / "locale" / "ca" / "LC_MESSAGES"
    folder.mkdir(parents=True)
    return folder


def test_a_po_never_built_is_compiled_in_memory(resources_in):
    (resources_in / "composer.po").write_bytes(_po("Cap incidència (del .po).", "ca"))
    assert i18n.set_language("ca") == "ca"
    assert i18n._("No incidents yet.") == "Cap incidència (del .po)."
    assert not (resources_in / "composer.mo").exists()  # compiled in memory, nothing written


def test_the_built_mo_is_read_when_it_is_up_to_date(resources_in):
    po, mo = resources_in / "composer.po", resources_in / "composer.mo"
    po.write_bytes(_po("Cap incidència (del .po).", "ca"))
    mo.write_bytes(_mo("Cap incidència (del .mo).", "ca"))
    os.utime(po, ns=(1_000_000_000, 1_000_000_000))
    os.utime(mo, ns=(2_000_000_000, 2_000_000_000))
    i18n.set_language("ca")
    assert i18n._("No incidents yet.") == "Cap incidència (del .mo)."
    po.unlink()  # a bundle ships the .mo alone
    i18n.set_language("ca")
    assert i18n._("No incidents yet.") == "Cap incidència (del .mo)."


def test_a_po_edited_since_the_build_wins_over_its_stale_mo(resources_in):
    po, mo = resources_in / "composer.po", resources_in / "composer.mo"
    mo.write_bytes(_mo("Cap incidència (antic).", "ca"))
    po.write_bytes(_po("Cap incidència (nou).", "ca"))
    os.utime(mo, ns=(1_000_000_000, 1_000_000_000))
    os.utime(po, ns=(2_000_000_000, 2_000_000_000))
    i18n.set_language("ca")
    assert i18n._("No incidents yet.") == "Cap incidència (nou)."


def test_no_catalogue_at_all_speaks_english(resources_in):
    assert i18n.set_language("ca") == "ca"
    assert i18n._("No incidents yet.") == "No incidents yet."


# --- the catalogues: complete, current, faithful --------------------------------------------


def _fields(text: str) -> list[tuple[str, str | None, str | None]]:
    """The {placeholders} of a format string: name, conversion and format spec, in order of name."""
    return sorted((name, conversion, spec) for _, name, spec, conversion in string.Formatter().parse(text) if name)


def _catalogue(language: str) -> Catalog:
    with (LOCALE / language / "LC_MESSAGES" / "composer.po").open("rb") as file:
        return read_po(file, locale=language)


@pytest.fixture(scope="module")
def source_messages():
    """Every message the source marks now (not the widgets': those are Qt's)."""
    return [message for message in _tool().extract() if message.id]


def test_the_source_marks_messages(source_messages):
    ids = {message.id for message in source_messages}
    assert len(ids) > 500
    assert "cannot write {path}: {reason}" in ids  # the command line
    assert "Cancelled before posting to Bluesky; nothing was sent." in ids  # a publisher
    assert "no incident with id {id}" in ids  # core
    assert "Sign your name" in ids and "Sign as {signer}" in ids  # the checklist: a rule's title, a fix
    assert not any(message.locations[0][0].startswith("composer/ui/") for message in source_messages)


def test_the_templates_fields_are_marked(source_messages):
    """The label and help of every field the built-in templates ask for label the template and
    outreach forms: the field catalogue's and each template header's own, whatever its language."""
    from composer.core.templates.fields import catalogue
    from composer.core.templates.library import TemplateLibrary

    located = {message.id: {where for where, _ in message.locations} for message in source_messages}
    shown = {text for spec in catalogue().values() for text in (spec.label, spec.help) if text}
    for info in TemplateLibrary().load().all():
        shown.update(text for spec in info.fields for text in (spec.label, spec.help) if text)
    assert len(shown) > 100
    assert not shown - set(located), sorted(shown - set(located))[:10]
    assert "resources/templates/fields.toml" in located["What customers cannot do"]
    assert located["When it happened"] == {
        "resources/templates/ca/apology-email.j2",
        "resources/templates/en/apology-email.j2",
    }


def test_the_checklist_speaks_the_interface_language_and_fixes_write_the_updates():
    """Rule titles, findings and fix labels follow the interface language; the text a fix inserts
    is in the update's language (English here), whatever the interface's."""
    from datetime import UTC, datetime

    from composer.core.checks import RULES, CheckConfig, check_document
    from composer.core.interchange import UpdateDocument
    from composer.core.model import Person

    config = CheckConfig(people=[Person("Marta Vidal", "Head of Support")])
    doc = UpdateDocument(body="We are sorry: you cannot send email since 09:10 UTC.", language="en")
    now = datetime(2026, 11, 24, 9, 30, tzinfo=UTC)
    english = {f.rule: f for f in check_document(doc, now, config)}
    i18n.set_language("ca")
    catalan = {f.rule: f for f in check_document(doc, now, config)}
    assert {rule.id: rule.title for rule in RULES}["sign-your-name"] == "Signatura personal"
    signed, signat = english["sign-your-name"], catalan["sign-your-name"]
    assert signed.message == "Unsigned: end with the name (and role) of the person speaking."
    assert signat.message == "Sense signar: acabeu amb el nom (i el càrrec) de la persona que parla."
    assert signed.fix is not None and signat.fix is not None
    signer = "Marta Vidal, Head of Support"  # the roster's signature: what readers get
    assert (signed.fix.label, signat.fix.label) == (f"Sign as {signer}", f"Signa com a {signer}")
    assert signat.fix.text == signed.fix.text == f"\n\n{signer}"
    timely, puntual = english["be-timely"].fix, catalan["be-timely"].fix
    assert timely is not None and puntual is not None and puntual.text == timely.text  # "Next update by …"
    assert timely.label.startswith("Insert “Next update by") and puntual.label.startswith("Insereix «Next update by")
    assert all(catalan[rule].message != english[rule].message for rule in english)


@pytest.mark.parametrize("language", ["ca", "es"])
def test_every_message_is_translated(language, source_messages):
    catalogue = _catalogue(language)
    problems = []
    for message in source_messages:
        entry = catalogue.get(message.id, context=message.context)
        where = message.locations[0][0] if message.locations else "?"
        sources = message.id if isinstance(message.id, tuple) else (message.id,)
        if entry is None:
            problems.append(f"{where}: missing: {sources[0]!r}")
            continue
        translations = entry.string if isinstance(entry.string, tuple) else (entry.string,)
        if entry.fuzzy or not all(translations):
            problems.append(f"{where}: {'fuzzy' if entry.fuzzy else 'empty'}: {sources[0]!r}")
            continue
        for translation in translations:
            try:
                same = _fields(translation) == _fields(sources[-1])
            except ValueError as error:  # a lone { or }
                problems.append(f"{where}: {translation!r} is not a format string ({error})")
                continue
            if not same:
                problems.append(f"{where}: {translation!r} has not the placeholders of {sources[-1]!r}")
            if translation[:1].isspace() != sources[0][:1].isspace():
                problems.append(f"{where}: {translation!r} does not start as {sources[0]!r} (a space)")
            if translation[-1:].isspace() != sources[0][-1:].isspace():
                problems.append(f"{where}: {translation!r} does not end as {sources[0]!r} (a space)")
    assert not problems, f"{len(problems)} problems (run tools/extract_messages.py, then translate):\n" + "\n".join(
        problems[:40]
    )


def test_the_catalogues_are_current():
    """The committed .pot and .po are what tools/extract_messages.py writes from the source now."""
    assert _tool().main(["--check"]) == 0


@pytest.mark.parametrize("language", ["ca", "es"])
def test_the_translations_format(language):
    """Every translation formats with the values its source formats with (no KeyError at run time)."""
    for entry in _catalogue(language):
        if not entry.id:
            continue
        sources = entry.id if isinstance(entry.id, tuple) else (entry.id,)
        names = {name for name, _, _ in _fields(sources[-1])}
        if not names:
            continue
        values = {name: _Any() for name in names}
        for translation in entry.string if isinstance(entry.string, tuple) else (entry.string,):
            translation.format(**values)


class _Any:
    """Formats as any placeholder would: a number spec, a repr, a width."""

    def __format__(self, spec: str) -> str:
        return format(1, spec) if spec and spec[-1] in "dfgXx,n%" else format("x", spec)

    def __repr__(self) -> str:
        return "'x'"
