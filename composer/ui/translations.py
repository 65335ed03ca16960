# SPDX-License-Identifier: GPL-3.0-or-later
"""The interface language: which one the person chose, and the Qt translators that speak it.

The choice is kept in the app's QSettings (`interface/language`: "system", "en", "ca" or "es");
"system" follows the system's language as gettext reads it (`composer.core.i18n`). At startup
`apply_language` sets the gettext side (core, publishers) and installs two translators on the
application: the widgets' (`resources/i18n/composer_<lang>.qm`, built from the `.ts` sources by
`tools/build_translations.py`) and Qt's own (`qtbase_<lang>.qm`: standard buttons, shortcuts).
Only the one language's files are read. A missing `.qm` leaves that part in English.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QSettings, QTranslator

from composer.core import i18n

SETTING = "interface/language"
SYSTEM = "system"
# The choices the Preferences dialog offers, in order.
CHOICES: tuple[str, ...] = (SYSTEM, *i18n.SUPPORTED)
# Each language named in itself, as a language menu lists it: never translated.
NATIVE_NAMES = {"en": "English", "ca": "Català", "es": "Español"}
_TRANSLATOR_NAME = "composer-interface-translator"


def saved_choice(settings: QSettings) -> str:
    """The saved choice, one of CHOICES ("system" when nothing or something unknown is saved)."""
    value = settings.value(SETTING, SYSTEM)
    return value if isinstance(value, str) and value in CHOICES else SYSTEM


def save_choice(settings: QSettings, choice: str) -> None:
    settings.setValue(SETTING, choice if choice in CHOICES else SYSTEM)
    settings.sync()


def resolve(choice: str) -> str:
    """The language a choice means: "system" is the system's language."""
    return i18n.supported(choice) or i18n.system_language()


def widget_catalogue(code: str) -> str:
    """The path of the widgets' compiled catalogue for `code` (it may not exist)."""
    return str(i18n.resources_folder() / "i18n" / f"composer_{code}.qm")


def apply_language(app: QCoreApplication, choice: str) -> str:
    """Speak `choice` from now on, widgets and core alike; returns the language in effect.

    Replaces the translators a previous call installed. Widgets built before keep their text:
    the change shows in what is built after (the Preferences dialog says so)."""
    for old in app.findChildren(QTranslator, _TRANSLATOR_NAME):
        QCoreApplication.removeTranslator(old)
        old.deleteLater()
    code = i18n.set_language(resolve(choice))
    if code == i18n.SOURCE_LANGUAGE:
        return code
    qt_folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    _install(app, f"qtbase_{code}", qt_folder)
    _install(app, widget_catalogue(code))  # installed last, so it is asked first
    return code


def _install(app: QCoreApplication, name: str, folder: str = "") -> None:
    translator = QTranslator(app)
    translator.setObjectName(_TRANSLATOR_NAME)
    if translator.load(name, folder):
        QCoreApplication.installTranslator(translator)
    else:
        translator.deleteLater()
