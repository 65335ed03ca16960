# SPDX-License-Identifier: GPL-3.0-or-later
"""Extract what core, publishers and the command line say into the gettext catalogues.

    .venv/bin/python tools/extract_messages.py           # write composer.pot, update ca and es
    .venv/bin/python tools/extract_messages.py --check   # exit 1 if a catalogue is out of date

Babel reads every module of `composer/` except `composer/ui` (the widgets' strings are Qt's:
`resources/i18n/*.ts`) for `_()`, `N_()`, `ngettext()` and `pgettext()` (`composer/core/i18n.py`).
The built-in templates' fields are interface text too, though no code spells them: the label and
help of each field of the field catalogue (`resources/templates/fields.toml`) and of each built-in
template's header (its `[[field]]` tables), read by core's own loader, label the template and
outreach forms, which show them through gettext. Then it writes the template
`resources/locale/composer.pot` and updates each language's
`resources/locale/<lang>/LC_MESSAGES/composer.po`: translations are kept, new messages come in
empty, a changed message comes in fuzzy (with the old translation as a guess) and a message no
longer in the source is dropped. Then translate the empty and fuzzy entries (docs/glossary.md).
`tests/core/test_i18n.py` fails while any is left, or while a translation loses a `{placeholder}`.
"""

from __future__ import annotations

import argparse
import io
import sys
from collections.abc import Iterator
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_dir
from babel.messages.pofile import read_po, write_po

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:  # run as a script from a checkout: core's template loader
    sys.path.insert(0, str(ROOT))
SOURCE = ROOT / "composer"
LOCALE = ROOT / "resources" / "locale"
TEMPLATE = LOCALE / "composer.pot"
LANGUAGES = ("ca", "es")  # English is the source language
KEYWORDS: dict[str, tuple[int | tuple[int, str], ...] | None] = {
    "_": None,
    "N_": None,
    "ngettext": (1, 2),
    "pgettext": ((1, "c"), 2),
}
METHOD_MAP = [("ui/**", "ignore"), ("**.py", "python")]
HEADER = "What Incident Composer says outside its widgets: core, publishers, command line."
TEAM = {
    "msgid_bugs_address": "",
    "last_translator": "Incident Composer translators",
    "language_team": "Incident Composer translators",
}


def extract() -> Catalog:
    """Every message of `composer/` (not `composer/ui`), in the order the files are read."""
    catalog = Catalog(
        project="Incident Composer",
        header_comment=f"# {HEADER}\n# SPDX-License-Identifier: GPL-3.0-or-later",
        fuzzy=False,
        **TEAM,
    )
    for filename, lineno, message, comments, context in extract_from_dir(
        str(SOURCE), METHOD_MAP, keywords=KEYWORDS, comment_tags=("TRANSLATORS:",), strip_comment_tags=True
    ):
        catalog.add(message, None, [(f"composer/{filename}", lineno)], auto_comments=comments, context=context)
    for where, text in template_field_texts():
        catalog.add(text, None, [(where, None)], auto_comments=[FIELD_COMMENT])
    return catalog


FIELD_COMMENT = "A field of the template and outreach forms: its label, or its help (tooltip, placeholder)."


def template_field_texts() -> Iterator[tuple[str, str]]:
    """(file, text) for the label and help of every field the built-in templates ask for: the field
    catalogue's, then each template's own and overridden ones, in English whatever the template's
    language (the forms speak the interface's language, the template the readers')."""
    from composer.core.templates.fields import catalogue  # noqa: PLC0415 - core's loader, not a copy of it
    from composer.core.templates.library import TemplateLibrary  # noqa: PLC0415

    shared = catalogue()
    for spec in shared.values():
        yield from (("resources/templates/fields.toml", text) for text in (spec.label, spec.help) if text)
    for info in TemplateLibrary().load().all():
        if not info.builtin:
            continue
        if info.error:
            raise SystemExit(f"resources/templates/{info.path}: {info.error}")
        for spec in info.fields:
            base = shared.get(spec.name)
            said = (base.label, base.help) if base is not None else ()
            # Only what the template itself says: the catalogue's words are located in fields.toml.
            where = f"resources/templates/{info.path}"
            yield from ((where, text) for text in (spec.label, spec.help) if text and text not in said)


def render(catalog: Catalog) -> bytes:
    """The catalogue as a .po file: no line numbers (they would change with every edit), no obsolete entries."""
    buffer = io.BytesIO()
    write_po(buffer, catalog, width=100, include_lineno=False, ignore_obsolete=True, omit_header=False)
    return buffer.getvalue()


def _without_dates(data: bytes) -> bytes:
    """A .po file without its creation and revision dates, to compare contents."""
    return b"\n".join(
        line for line in data.splitlines() if not line.startswith((b'"POT-Creation-Date:', b'"PO-Revision-Date:'))
    )


def updated(language: str, template: Catalog) -> Catalog:
    path = LOCALE / language / "LC_MESSAGES" / "composer.po"
    if path.is_file():
        with path.open("rb") as file:
            catalog = read_po(file, locale=language)
    else:
        catalog = Catalog(locale=language, project="Incident Composer", fuzzy=False, **TEAM)
    catalog.update(template, update_header_comment=True)
    catalog.last_translator = catalog.language_team = TEAM["language_team"]
    catalog.header_comment = f"# {HEADER}\n# SPDX-License-Identifier: GPL-3.0-or-later"
    catalog.fuzzy = False
    return catalog


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="change nothing; exit 1 if a catalogue is out of date")
    args = parser.parse_args(argv)
    template = extract()
    outputs = {TEMPLATE: render(template)}
    for language in LANGUAGES:
        outputs[LOCALE / language / "LC_MESSAGES" / "composer.po"] = render(updated(language, template))
    stale = [
        path
        for path, data in outputs.items()
        if not path.is_file() or _without_dates(path.read_bytes()) != _without_dates(data)
    ]
    if args.check:
        for path in stale:
            print(f"{path.relative_to(ROOT)} is out of date: run tools/extract_messages.py", file=sys.stderr)
        return 1 if stale else 0
    for path in stale:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(outputs[path])
        print(f"wrote {path.relative_to(ROOT)}")
    print(f"{len(template)} messages")
    return 0


if __name__ == "__main__":
    sys.exit(main())
