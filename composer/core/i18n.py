# SPDX-License-Identifier: GPL-3.0-or-later
"""The interface's language for what core, publishers and the command line say, without Qt.

The widgets are translated by Qt Linguist (`resources/i18n/*.ts` → `.qm`); what is said outside
the widgets — checklist messages and fixes, publisher errors, command-line messages — comes from
gettext catalogues: `resources/locale/<lang>/LC_MESSAGES/composer.po` in the repository, compiled
to `composer.mo` beside it by `tools/build_translations.py` (`./dev` runs it; the `.mo` is not
committed). A checkout where the `.mo` was never built still speaks the language: the `.po` is
compiled in memory with Babel, once.

The interface language is separate from each update's language: an update written in Catalan is
checked by Catalan rules, while the messages about it are in the language of whoever reads them.

    from composer.core.i18n import _, N_, ngettext
    raise PublishError(_("The server refused the password."))
    LABEL = N_("Retry")        # marked for extraction; translated where it is shown: _(LABEL)
"""

from __future__ import annotations

import io
import os
from pathlib import Path
from typing import Protocol

DOMAIN = "composer"
SOURCE_LANGUAGE = "en"
# The interface's languages, in the order a language menu lists them.
SUPPORTED: tuple[str, ...] = ("en", "ca", "es")


class _Catalogue(Protocol):
    def gettext(self, message: str, /) -> str: ...

    def ngettext(self, singular: str, plural: str, n: int, /) -> str: ...

    def pgettext(self, context: str, message: str, /) -> str: ...


class _Source:
    """The source language: every message as written. No gettext import on this path (most
    starts are in English; the module is imported before the first paint)."""

    def gettext(self, message: str, /) -> str:
        return message

    def ngettext(self, singular: str, plural: str, n: int, /) -> str:
        return singular if n == 1 else plural

    def pgettext(self, context: str, message: str, /) -> str:
        return message


class _Deferred:
    """A language's catalogue, read when it is first asked for a message: the window's first screen
    asks none, so reading and parsing the catalogue waits until after the first paint."""

    def __init__(self, code: str):
        self.code = code
        self._loaded: _Catalogue | None = None

    def _catalogue(self) -> _Catalogue:
        if self._loaded is None:
            self._loaded = _catalogue(self.code)
        return self._loaded

    def gettext(self, message: str, /) -> str:
        return self._catalogue().gettext(message)

    def ngettext(self, singular: str, plural: str, n: int, /) -> str:
        return self._catalogue().ngettext(singular, plural, n)

    def pgettext(self, context: str, message: str, /) -> str:
        return self._catalogue().pgettext(context, message)


_translations: _Catalogue = _Source()
_language = SOURCE_LANGUAGE


def _(message: str) -> str:
    """`message` in the interface language (itself when there is no translation). The empty text
    stays empty (gettext would answer it with the catalogue's header)."""
    return _translations.gettext(message) if message else message


def ngettext(singular: str, plural: str, n: int) -> str:
    return _translations.ngettext(singular, plural, n)


def pgettext(context: str, message: str) -> str:
    """For a word that reads differently in two places ("Open" a file, an "Open" incident)."""
    return _translations.pgettext(context, message)


def N_(message: str) -> str:
    """Marks a string for extraction without translating it (module-level constants)."""
    return message


def language() -> str:
    """The interface language in effect: one of SUPPORTED."""
    return _language


def supported(code: str | None) -> str | None:
    """The supported language a locale name means ("ca_ES.UTF-8" → "ca", "es-419" → "es"), or None."""
    if not code:
        return None
    base = code.replace("-", "_").split(".", 1)[0].split("@", 1)[0].split("_", 1)[0].lower()
    return base if base in SUPPORTED else None


def system_language(environ: dict[str, str] | None = None) -> str:
    """The language the system asks for, as gettext reads it (LANGUAGE, LC_ALL, LC_MESSAGES, LANG).

    LANGUAGE may list several ("ca:es:en"): the first supported one wins. "C" and "POSIX" mean
    the source language."""
    env = os.environ if environ is None else environ
    for variable in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"):
        value = env.get(variable, "")
        if not value:
            continue
        for candidate in value.split(":"):
            found = supported(candidate)
            if found:
                return found
        if variable != "LANGUAGE":
            # The first of LC_ALL / LC_MESSAGES / LANG that is set decides, as in gettext.
            return SOURCE_LANGUAGE
    return SOURCE_LANGUAGE


def _fresh(compiled: object, source: object) -> bool:
    """Whether the built .mo is at least as new as the .po beside it. A .po edited since the last
    build wins (a checkout where the catalogue was just translated); files not on a disk (a zip)
    cannot be compared, and the .mo shipped with them is the one to read."""
    try:
        return os.stat(compiled).st_mtime_ns >= os.stat(source).st_mtime_ns  # type: ignore[arg-type]
    except (TypeError, OSError):  # not on a disk, or one of them missing
        return True


def resources_folder() -> Path:
    """The folder of `composer.resources` (a checkout's resources/, a wheel's or the bundle's copy),
    found from its package spec without importing importlib.resources (~9 ms at start-up)."""
    from importlib.util import find_spec  # noqa: PLC0415

    spec = find_spec("composer.resources")
    if spec is None or not spec.submodule_search_locations:
        raise FileNotFoundError("composer.resources is not installed")
    return Path(next(iter(spec.submodule_search_locations)))


def _locale_folder(code: str) -> Path:
    """resources/locale/<code>/LC_MESSAGES."""
    return resources_folder() / "locale" / code / "LC_MESSAGES"


def _catalogue(code: str) -> _Catalogue:
    import gettext  # noqa: PLC0415 - only when a language other than the source's is spoken

    try:
        folder = _locale_folder(code)
    except FileNotFoundError:
        return _Source()
    compiled = folder / f"{DOMAIN}.mo"
    source = folder / f"{DOMAIN}.po"
    if _fresh(compiled, source):
        try:
            return gettext.GNUTranslations(io.BytesIO(compiled.read_bytes()))
        except (FileNotFoundError, NotADirectoryError):
            pass
    try:
        text = source.read_bytes()
    except (FileNotFoundError, NotADirectoryError):
        return _Source()
    from babel.messages.mofile import write_mo  # noqa: PLC0415 - only when the .mo was never built
    from babel.messages.pofile import read_po  # noqa: PLC0415

    buffer = io.BytesIO()
    write_mo(buffer, read_po(io.BytesIO(text), locale=code))
    return gettext.GNUTranslations(io.BytesIO(buffer.getvalue()))


def set_language(code: str | None = None) -> str:
    """Speak `code` from now on (None or "" or "system": the system's language); returns the
    language in effect. An unsupported code falls back to the system's, then to English."""
    global _translations, _language  # noqa: PLW0603 - one interface language per process
    chosen = supported(code) if code and code != "system" else None
    chosen = chosen or system_language()
    _translations = _Source() if chosen == SOURCE_LANGUAGE else _Deferred(chosen)
    _language = chosen
    return chosen
