# SPDX-License-Identifier: GPL-3.0-or-later
"""Live settings: the organisation, the people and the accounts as saved now, applied to the
open window without a restart, whoever saved them (this window's dialogs, or another process
such as `incident-composer accounts add`).

`StoreWatch` polls the store cheaply (one `PRAGMA data_version` and one stat of checks.toml a
second) and reads the settings only when the database moved; it says `settings_changed` only
when what they hold is different, so the window's own saves of what is typed never count.
`apply_settings` then brings up to date what the window keeps from them: the checklist's
configuration (Fix buttons for the contact details and the signature), the signers offered,
the channels with a length limit (previews and the fits-channels check) and the promises'
warning time.
"""

from __future__ import annotations

import contextlib
import sqlite3
from dataclasses import fields
from pathlib import Path
from typing import TYPE_CHECKING, Protocol, cast

from PySide6.QtCore import QCoreApplication, QObject, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QGuiApplication

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    from composer.app import AppContext
    from composer.core.checks import CheckConfig
    from composer.core.model import Organisation, Person
    from composer.core.store import Store
    from composer.ui.interaction import Prompter
    from composer.ui.live_checks import LiveChecks
    from composer.ui.promise_watch import PromiseWatch
    from composer.ui.publish_workflow import PublishWorkflow
    from composer.ui.template_workflow import TemplateWorkflow
    from composer.ui.update_editor import UpdateEditor

    # The organisation, the people, the accounts (name, kind, settings), the checks file's stamp.
    Fingerprint = tuple[Organisation, list[Person], list[tuple[str, str, dict[str, str]]], tuple[int, int] | None]

POLL_MS = 1000  # another process's change shows within a second (and at once when the app is activated)


class SettingsWindow(Protocol):
    """What of the main window the settings reach (the window itself, once it is ready)."""

    context: AppContext
    store: Store
    check_config: CheckConfig
    editor: UpdateEditor
    live_checks: LiveChecks
    templates: TemplateWorkflow
    publishing: PublishWorkflow
    promise_watch: PromiseWatch
    store_watch: StoreWatch

    @property
    def is_ready(self) -> bool: ...

    @property
    def is_shut_down(self) -> bool: ...

    def save_all(self) -> bool: ...

    def _load_check_config(self) -> CheckConfig: ...

    def _refresh_promises(self) -> None: ...


def _file_stamp(path: Path) -> tuple[int, int] | None:
    try:
        stat = path.stat()
    except OSError:
        return None
    return stat.st_mtime_ns, stat.st_size


class StoreWatch(QObject):
    """Says `settings_changed` once whenever the organisation, the people, the accounts or the
    checks file (`config_path`) change, by this process or another."""

    settings_changed = Signal()

    def __init__(self, store: Store, config_path: Path, parent: QObject | None = None, interval_ms: int = POLL_MS):
        super().__init__(parent)
        self._store = store
        self._config_path = config_path
        self._version: tuple[int, int] | None = None
        self._seen: Fingerprint | None = None
        with contextlib.suppress(sqlite3.Error):
            self._version = store.data_version()
            self._seen = self.fingerprint()
        self._timer = QTimer(self)
        self._timer.timeout.connect(self.poll)
        self._timer.start(interval_ms)
        app = QGuiApplication.instance()
        if isinstance(app, QGuiApplication):  # back to the app (from the terminal, say): look at once
            app.applicationStateChanged.connect(self._on_application_state)

    def fingerprint(self) -> Fingerprint:
        """The settings as stored now (a few small tables, and the checks file's stamp)."""
        store = self._store
        return store.organisation(), store.people(), store.accounts(), _file_stamp(self._config_path)

    @Slot()
    def poll(self) -> bool:
        """Emit `settings_changed` if the settings changed since the last look; True when they did.
        Reads the settings only when the database moved or the checks file was touched."""
        try:
            version = self._store.data_version()
            stamp = _file_stamp(self._config_path)
            if version == self._version and self._seen is not None and stamp == self._seen[3]:
                return False
            self._version = version
            seen = self.fingerprint()
        except sqlite3.Error:  # closed, or unreadable for now: the next look tells
            return False
        if seen == self._seen:
            return False
        self._seen = seen
        self.settings_changed.emit()
        return True

    def stop(self) -> None:
        self._timer.stop()

    @Slot(Qt.ApplicationState)
    def _on_application_state(self, state: Qt.ApplicationState) -> None:
        if state == Qt.ApplicationState.ApplicationActive and self._timer.isActive():
            self.poll()


def watch_settings(window: SettingsWindow) -> StoreWatch:
    """The window's watch (a child of the window: its timer stops with the window's). Built once it is ready."""
    from composer.core.checks.config import CONFIG_NAME  # noqa: PLC0415

    watch = StoreWatch(window.store, window.context.home / CONFIG_NAME, cast("QObject", window))
    watch.settings_changed.connect(lambda: apply_settings(window))
    return watch


def apply_settings(window: SettingsWindow) -> None:
    """Bring what the window keeps from the settings up to date, as a restart would."""
    if window.is_shut_down or not window.is_ready:
        return
    fresh = window._load_check_config()
    config = window.check_config  # shared with the workflows: changed in place, never replaced
    for field in fields(fresh):
        if field.name != "channels":  # kept by the publishing workflow, from the accounts: just below
            setattr(config, field.name, getattr(fresh, field.name))
    window.templates.check_config = window.publishing.check_config = config
    window.editor.set_signers([p.signature for p in window.store.people()])
    if window.promise_watch.warn_before != config.remind_before:
        window.promise_watch.warn_before = config.remind_before
        window._refresh_promises()
        window.promise_watch.refresh()
    window.publishing.refresh_channels()  # the previews re-render for the accounts there are now
    window.live_checks.run_now()


def edit_profile(window: SettingsWindow) -> None:
    """Edit → Organisation and people…: what is saved applies to the window at once."""
    from composer.ui.profile_dialog import ProfileDialog  # noqa: PLC0415

    window.save_all()
    if ProfileDialog(window.store, cast("QWidget", window)).exec():
        window.store_watch.poll()


def load_check_config(home: Path, store: Store, prompter: Prompter, parent: QWidget) -> CheckConfig:
    """checks.toml in the data folder, with the roster and organisation from the store."""
    from composer.core.checks.config import CONFIG_NAME, CheckConfig, ConfigError, load_config  # noqa: PLC0415

    path = home / CONFIG_NAME
    config = CheckConfig()
    if path.is_file():
        try:
            config = load_config(path)
        except ConfigError as error:
            prompter.warn(
                QCoreApplication.translate("StoreWatch", "Checklist settings"),
                QCoreApplication.translate("StoreWatch", "%1 — using the default settings.").replace("%1", str(error)),
            )
    if not config.people:
        config.people = store.people()
    org = store.organisation()
    if not config.organisation.name and not config.organisation.phone:
        config.organisation = org
    return config
