# SPDX-License-Identifier: GPL-3.0-or-later
"""Edit → Preferences…: the interface language is saved in the app's settings, applies at the
next start (the app's own start-up step), and the dialog is made of pages."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QSettings
from PySide6.QtWidgets import QApplication, QLabel

from composer.app import build_context, install_language
from composer.core import i18n
from composer.ui.preferences_dialog import PreferencesDialog
from composer.ui.translations import SETTING, apply_language, saved_choice

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def catalogues_built() -> None:
    """The .qm files, as ./dev builds them."""
    built = subprocess.run(
        [sys.executable, str(ROOT / "tools" / "build_translations.py")], capture_output=True, text=True, check=False
    )
    assert built.returncode == 0, built.stderr


def test_edit_menu_opens_preferences_with_the_language_choices(make_window, qtbot, monkeypatch):
    window = make_window()
    opened = []
    monkeypatch.setattr(PreferencesDialog, "exec", lambda self: opened.append(self) or 0)
    action = window.menu_actions.preferences
    assert action in window._menus[1].actions()  # the Edit menu
    assert not action.shortcut().isEmpty()
    action.trigger()
    (dialog,) = opened
    page = dialog.language_page
    assert [dialog.pages.tabText(i) for i in range(dialog.pages.count())] == ["Interface", "Workspace"]
    items = [page.language.itemText(index) for index in range(page.language.count())]
    assert items[1:] == ["English", "Català", "Español"]  # each language named in itself
    assert items[0].startswith("The system's language (")
    assert page.language.currentData() == "system"  # nothing saved yet: the system's


def test_choosing_a_language_is_saved_and_applies_at_the_next_start(tmp_path, qtbot):
    settings = QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat)
    dialog = PreferencesDialog(settings)
    qtbot.addWidget(dialog)
    page = dialog.language_page
    page.language.setCurrentIndex(page.language.findData("ca"))
    note = dialog.findChild(QLabel, "languageNote")
    assert "next time" in note.text()  # the change is said to apply after a restart
    dialog.accept()
    assert settings.value(SETTING) == "ca"

    again = QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat)
    assert saved_choice(again) == "ca"
    reopened = PreferencesDialog(again)
    qtbot.addWidget(reopened)
    assert reopened.language_page.language.currentData() == "ca"


def test_cancel_saves_nothing(tmp_path, qtbot):
    settings = QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat)
    dialog = PreferencesDialog(settings)
    qtbot.addWidget(dialog)
    dialog.language_page.language.setCurrentIndex(dialog.language_page.language.findData("es"))
    dialog.reject()
    assert saved_choice(settings) == "system"


@pytest.mark.usefixtures("catalogues_built")
def test_the_start_up_step_speaks_the_saved_language_widgets_and_core_alike(home, qtbot):
    context = build_context(home=home)
    context.ui_settings.setValue(SETTING, "es")
    app = QApplication.instance()
    try:
        assert install_language(app, context) == "es"
        assert i18n.language() == "es"
        assert QCoreApplication.translate("WindowActions", "&Publish…") == "P&ublicar…"  # the widgets' catalogue
        assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "Cancelar"  # Qt's own (qtbase_es)
        dialog = PreferencesDialog(context.ui_settings)
        qtbot.addWidget(dialog)
        assert dialog.windowTitle() == "Preferencias"
    finally:
        apply_language(app, "en")
        context.close()
    assert i18n.language() == "en"
    assert QCoreApplication.translate("WindowActions", "&Publish…") == "&Publish…"


def test_a_saved_value_that_is_not_a_language_means_the_system(tmp_path):
    settings = QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat)
    settings.setValue(SETTING, "klingon")
    assert saved_choice(settings) == "system"
