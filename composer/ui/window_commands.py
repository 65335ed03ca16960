# SPDX-License-Identifier: GPL-3.0-or-later
"""The main window's commands that bring an incident or an update to the screen: a new incident,
a new update (empty, or reworded from a past one), import and export, the revision history; and the
dialogs that edit what updates are made from (the templates, the organisation and its people)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol, cast

from PySide6.QtCore import QObject

from composer.core.model import Status, Update, utc_now
from composer.core.store import SaveFailed
from composer.ui.update_editor import DEFAULT_CADENCE

if TYPE_CHECKING:
    from PySide6.QtWidgets import QStatusBar, QWidget

    from composer.core.model import Incident
    from composer.core.templates import TemplateLibrary
    from composer.ui.store_watch import SettingsWindow

    class CommandWindow(SettingsWindow, Protocol):
        """What of the main window its commands use (the window itself, once it is ready)."""

        library: TemplateLibrary

        @property
        def incident(self) -> Incident | None: ...

        def put_incident(self, incident_id: int | None, *, select: bool = False) -> None: ...

        def show_incident(self, incident_id: int | None) -> None: ...

        def show_update(self, update_id: int | None) -> None: ...

        def statusBar(self) -> QStatusBar: ...


class WindowCommands(QObject):
    """File and Edit commands, each acting on the window as it is (its store, its incident on
    screen, its editor), saving what is typed first."""

    def __init__(self, window: CommandWindow):
        super().__init__(cast("QObject", window))
        self.window = window
        self._widget = cast("QWidget", window)  # the dialogs' parent

    def new_incident(self) -> None:
        window = self.window
        prompter, store = window.context.prompter, window.store
        answer = prompter.ask_new_incident(self.tr("New incident"))  # title, since when
        if answer is None:
            return
        window.save_all()
        now = utc_now()
        try:
            incident = store.add_incident(answer.incident())
            store.add_update(
                Update(incident_id=incident.id, status=Status.INVESTIGATING, next_update_at=now + DEFAULT_CADENCE)
            )
        except SaveFailed as error:
            prompter.warn(self.tr("New incident"), str(error))
            return
        window.put_incident(incident.id, select=True)  # one row added: the list is not read again
        window.show_incident(incident.id)
        window.editor.focus_body()

    def new_update(self) -> None:
        self.start_from(None)

    def start_from(self, source: Update | None) -> None:
        """A new update of this incident: empty, or with the text of `source` (a past update, found
        by search) to reword; the checklist runs on it as on any draft."""
        window = self.window
        incident, prompter = window.incident, window.context.prompter
        if incident is None:
            prompter.warn(self.tr("New update"), self.tr("Open the incident the new update is for first."))
            return
        window.save_all()
        from composer.core.lifecycle import next_status  # noqa: PLC0415

        updates = window.store.updates(incident.id or 0)
        previous = updates[-1] if updates else None
        update = Update(
            incident_id=incident.id,
            body=source.body if source is not None else "",
            status=next_status(incident, updates),
            signer=previous.signer if previous else "",
            language=source.language if source else previous.language if previous else "en",
            next_update_at=utc_now() + DEFAULT_CADENCE,
        )
        try:
            window.store.add_update(update)
        except SaveFailed as error:
            prompter.warn(self.tr("New update"), str(error))
            return
        window.show_incident(incident.id)
        window.editor.focus_body()

    def import_file(self) -> None:
        from composer.core.exchange import import_document  # noqa: PLC0415
        from composer.core.interchange import InterchangeError, read_update  # noqa: PLC0415

        window = self.window
        prompter = window.context.prompter
        path = prompter.open_file(self.tr("Import an update"))
        if path is None:
            return
        window.save_all()
        try:
            incident, _update = import_document(window.store, read_update(path))
        except (InterchangeError, SaveFailed) as error:
            prompter.warn(
                self.tr("Import"), self.tr("Could not import %1: %2").replace("%1", path.name).replace("%2", str(error))
            )
            return
        window.put_incident(incident.id, select=True)
        window.show_incident(incident.id)

    def export_file(self) -> None:
        from composer.ui.file_export import export_on_screen  # noqa: PLC0415

        window = self.window
        incident = window.incident
        if incident is not None:
            window.save_all()
            say = lambda text: window.statusBar().showMessage(text, 5000)  # noqa: E731
            update, body = window.editor.current_update, window.editor.body.toPlainText()
            export_on_screen(window.store, window.context.prompter, incident, update, body=body, say=say)

    def show_history(self) -> None:
        from composer.core.workspace.history import team_versions  # noqa: PLC0415
        from composer.ui.history_dialog import HistoryDialog  # noqa: PLC0415

        window = self.window
        update = window.editor.current_update
        if update is None or update.id is None:
            return
        window.save_all()
        store = window.store
        team = team_versions(store.path, update.id) if str(store.path) != ":memory:" else []
        revision = HistoryDialog.ask(store.revisions(update.id), self._widget, store.events(update.id), team)
        if revision is None:
            return
        try:
            if revision.id is None:  # a teammate's version: its text, saved as this update's newest
                update.body = revision.body
                store.save_update(update, new_revision=True)
                restored = update
            else:
                restored = store.restore_revision(revision.id)
        except SaveFailed as error:
            window.context.prompter.warn(self.tr("Revision history"), str(error))
            return
        window.show_update(restored.id)

    def edit_profile(self) -> None:
        from composer.ui.store_watch import edit_profile  # noqa: PLC0415

        edit_profile(self.window)  # what is saved applies at once

    def edit_templates(self) -> None:
        from composer.ui.template_editor import TemplateEditor  # noqa: PLC0415

        window = self.window
        TemplateEditor(window.library, window.context.prompter, self._widget).exec()
        window.library.load()
