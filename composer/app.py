# SPDX-License-Identifier: GPL-3.0-or-later
"""Builds the one context object the widgets share, and starts the window.

Nothing here runs at import time: tests build a context of their own with
`build_context(home=..., prompter=...)`.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

from composer import APP_ID, APP_NAME, __version__
from composer.core.paths import DATABASE_NAME, data_home
from composer.core.store import OpenReport, Store

# Pure Python, imported before Qt: PySide6 reads the source of every module imported after it.
from composer.ui.interaction import Prompter

if TYPE_CHECKING:
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    from composer.core.credentials import CredentialStore
    from composer.publishers.registry import Entry
    from composer.ui.main_window import MainWindow
    from composer.ui.task_runner import TaskRunner


class AppContext:
    """What every widget may need, passed down instead of globals."""

    def __init__(self, home: Path, store: Store, open_report: OpenReport, prompter: Prompter, ui_settings: QSettings):
        self.home = home
        self.store = store
        self.open_report = open_report
        self.prompter = prompter
        self.ui_settings = ui_settings
        # Built on first use, off the startup path (keyring and the publishers are slow to import).
        self.credentials: CredentialStore | None = None  # the keyring, or memory for this session (with consent)
        self.keyring_problem = ""  # why there is no keyring, in plain words
        self.session_secrets_consent: bool | None = None  # the answer to "keep secrets for this session only?"
        self._publishers: dict[str, Entry] | None = None
        self._runner: TaskRunner | None = None

    def publishers(self) -> dict[str, Entry]:
        """Every publisher the registry knows, the unavailable ones with their error."""
        if self._publishers is None:
            from composer.publishers.registry import discover  # noqa: PLC0415

            self._publishers = discover()
        return self._publishers

    def runner(self) -> TaskRunner:
        """The one task runner for work off the UI thread."""
        if self._runner is None:
            from composer.ui.task_runner import TaskRunner  # noqa: PLC0415

            self._runner = TaskRunner()
        return self._runner

    def close(self) -> None:
        if self._runner is not None:
            self._runner.shutdown()
        self.ui_settings.sync()
        self.store.close()


def build_context(home: Path | None = None, prompter: Prompter | None = None) -> AppContext:
    from PySide6.QtCore import QSettings  # noqa: PLC0415

    home = home or data_home()
    store, report = Store.open(home / DATABASE_NAME)
    # UI-only state (geometry, dock layout) beside the data, never in the store.
    settings = QSettings(str(home / "ui.ini"), QSettings.Format.IniFormat)
    return AppContext(home=home, store=store, open_report=report, prompter=prompter or Prompter(), ui_settings=settings)


def create_application(argv: list[str] | None = None) -> QApplication:
    from PySide6.QtWidgets import QApplication  # noqa: PLC0415

    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(argv if argv is not None else sys.argv)
    app.setApplicationName(APP_NAME)
    app.setApplicationVersion(__version__)
    app.setOrganizationName("incident-composer")
    app.setDesktopFileName(APP_ID)
    return app  # the window icon is set after the first paint (loading SVG costs startup time)


def create_window(context: AppContext) -> MainWindow:
    from composer.ui.main_window import MainWindow  # noqa: PLC0415

    return MainWindow(context)


def install_language(app: QApplication, context: AppContext) -> str:
    """Speak the interface language saved in the settings (the system's by default); returns it.

    Before the first window: widgets take their text when they are built."""
    from composer.ui.translations import apply_language, saved_choice  # noqa: PLC0415

    return apply_language(app, saved_choice(context.ui_settings))


def run_gui(argv: list[str] | None = None) -> int:
    app = create_application(argv)
    context = build_context()
    install_language(app, context)
    window = create_window(context)
    window.show()
    try:
        return app.exec()
    finally:
        context.close()
