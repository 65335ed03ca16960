# SPDX-License-Identifier: GPL-3.0-or-later
"""Edit → Preferences…: settings of this app on this computer, one page each (a tab).

Today one page: the interface language. Each page saves itself when the dialog is accepted
(`apply()`), so a page added later (a workspace page) needs nothing from the others.

The interface language applies the next time the app starts: every widget takes its text when it
is built, and a half-translated window would be worse than a restart.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from composer.core import i18n
from composer.ui import translations

if TYPE_CHECKING:
    from PySide6.QtCore import QSettings

    from composer.app import AppContext
    from composer.ui.workspace_workflow import WorkspaceWorkflow


class Page(Protocol):
    def apply(self) -> None:
        """Saves what the page shows."""


class LanguagePage(QWidget):
    """The interface language: the system's, or one chosen; each language named in itself."""

    def __init__(self, settings: QSettings, parent: QWidget | None = None):
        super().__init__(parent)
        self._settings = settings
        self.setObjectName("languagePage")
        self.language = QComboBox()
        self.language.setObjectName("interfaceLanguage")
        system = translations.NATIVE_NAMES[i18n.system_language()]
        self.language.addItem(self.tr("The system's language (%1)").replace("%1", system), translations.SYSTEM)
        for code in i18n.SUPPORTED:
            self.language.addItem(translations.NATIVE_NAMES[code], code)
        self._saved = translations.saved_choice(settings)
        self.language.setCurrentIndex(max(0, self.language.findData(self._saved)))
        self.language.currentIndexChanged.connect(self._show_note)
        self.note = QLabel()
        self.note.setObjectName("languageNote")
        self.note.setWordWrap(True)
        self._show_note()

        form = QFormLayout(self)
        form.addRow(self.tr("Interface &language:"), self.language)
        form.addRow(self.note)
        label = form.labelForField(self.language)
        if isinstance(label, QLabel):
            label.setBuddy(self.language)

    def choice(self) -> str:
        return str(self.language.currentData())

    def changed(self) -> bool:
        return translations.resolve(self.choice()) != i18n.language() or self.choice() != self._saved

    def _show_note(self) -> None:
        self.note.setText(
            self.tr("The new language applies the next time Incident Composer starts.")
            if translations.resolve(self.choice()) != i18n.language()
            else self.tr("Menus, buttons and messages; each update keeps its own language.")
        )

    def apply(self) -> None:
        translations.save_choice(self._settings, self.choice())
        self._saved = self.choice()


class PreferencesDialog(QDialog):
    """A tab per page; OK saves every page, Cancel none."""

    def __init__(self, settings: QSettings, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("preferencesDialog")
        self.setWindowTitle(self.tr("Preferences"))
        self.pages = QTabWidget()
        self._pages: list[Page] = []
        self.language_page = LanguagePage(settings)
        self.add_page(self.language_page, self.tr("Interface"))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.pages)
        layout.addWidget(buttons)
        self.resize(max(self.sizeHint().width(), 460), self.sizeHint().height())

    def add_page(self, page: QWidget, title: str) -> None:
        """Adds a page; `page` must have `apply()`, called when the dialog is accepted."""
        assert hasattr(page, "apply"), "a preferences page saves itself with apply()"
        self.pages.addTab(page, title)
        self._pages.append(page)

    def accept(self) -> None:
        for page in self._pages:
            page.apply()
        super().accept()


def edit_preferences(context: AppContext, parent: QWidget, workspace: WorkspaceWorkflow | None = None) -> None:
    """Edit → Preferences…: the interface, and the team's workspace."""
    from composer.ui.workspace_page import WorkspacePage  # noqa: PLC0415

    dialog = PreferencesDialog(context.ui_settings, parent)
    dialog.add_page(WorkspacePage(context, workspace), dialog.tr("Workspace"))
    dialog.exec()
