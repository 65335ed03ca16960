# SPDX-License-Identifier: GPL-3.0-or-later
"""The main window: incidents on the left, the update in the centre, checks on the right."""

from __future__ import annotations

from datetime import timedelta
from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QMainWindow, QSplitter, QVBoxLayout, QWidget

from composer import APP_NAME
from composer.core.model import Event, Incident, Publication, Update, utc_now
from composer.core.promises import DEFAULT_WARN_BEFORE, Promise, promise_for
from composer.core.store import NotFound, SaveFailed
from composer.ui import window_state
from composer.ui.incident_list import IncidentList
from composer.ui.status_panel import StatusPanel
from composer.ui.update_editor import UpdateEditor

if TYPE_CHECKING:
    from PySide6.QtGui import QCloseEvent, QPaintEvent

    from composer.app import AppContext
    from composer.core.checks import CheckConfig, Draft
    from composer.ui.incident_form import IncidentForm


FIRST_SCREEN = 60  # incidents listed before the first paint; the rest right after it


class MainWindow(QMainWindow):
    """Built in two steps: what the first frame shows (the incidents and the editor), then,
    right after that frame is painted, the rest (menus, previews, checklist, network)."""

    def __init__(self, context: AppContext):
        self._painted = False
        self._ready = False
        self._shut_down = False
        super().__init__()
        self.context = context
        self.store = context.store
        context.prompter.parent = self
        self.setWindowTitle(APP_NAME)
        self.setObjectName("mainWindow")
        self._incident: Incident | None = None

        self.incident_list = IncidentList()
        self.form: IncidentForm | None = None  # built in ensure_ready()
        self.editor = UpdateEditor(self.store)
        self.centre = QWidget()
        self._centre_layout = QVBoxLayout(self.centre)
        self._centre_layout.setContentsMargins(6, 6, 6, 0)
        self._centre_layout.addWidget(self.editor, 1)
        self.main_split = QSplitter()  # horizontal; Qt's enum namespace costs ~12 ms to load
        self.main_split.addWidget(self.incident_list)
        self.main_split.addWidget(self.centre)
        self.main_split.setStretchFactor(0, 1)
        self.main_split.setStretchFactor(1, 4)
        self.incident_list.setMinimumWidth(200)
        self.main_split.setSizes([280, 900])
        self.setCentralWidget(self.main_split)
        # Filled in ensure_ready(); here so nothing shifts.
        self._menus = [
            self.menuBar().addMenu(title) for title in (self.tr("&File"), self.tr("&Edit"), self.tr("&View"))
        ]

        self.status_panel = StatusPanel(self.statusBar(), self)
        self.incident_list.incident_selected.connect(self.show_incident)
        self.incident_list.update_selected.connect(self.show_update)
        self.editor.saved.connect(self.status_panel.show_saved)
        self.editor.save_failed.connect(self.status_panel.show_save_failed)
        self.editor.fields_changed.connect(self._on_update_fields)
        window_state.restore_geometry(self, context.ui_settings)
        self.reload(select=None, screenful=FIRST_SCREEN)

    @property
    def incident(self) -> Incident | None:
        return self._incident

    @property
    def is_ready(self) -> bool:
        return self._ready

    @property
    def is_shut_down(self) -> bool:
        return self._shut_down

    def _splitters(self) -> dict[str, QSplitter]:
        return {"main": self.main_split, "centre": self.centre_split} if self._ready else {"main": self.main_split}

    def on_screen(self) -> tuple[Incident | None, Update | None]:
        """The incident and the update the window shows (what the workflows act on)."""
        return self._incident, self.editor.current_update

    def ensure_ready(self) -> None:
        """Build what the first frame does not show. Runs once, right after the first paint
        (or earlier, when a caller needs the actions before the window is painted)."""
        if self._ready or self._shut_down:
            return
        self._ready = True
        self.status_panel.show_emphasis()
        from PySide6.QtCore import Qt  # noqa: PLC0415 - realising Qt's enums costs ~12 ms
        from PySide6.QtWidgets import QDockWidget  # noqa: PLC0415

        from composer.core.checks import RULES  # noqa: PLC0415
        from composer.core.paths import user_templates  # noqa: PLC0415
        from composer.core.templates import TemplateLibrary  # noqa: PLC0415
        from composer.ui.accessibility import chain_tab_order  # noqa: PLC0415
        from composer.ui.checklist_panel import ChecklistPanel  # noqa: PLC0415
        from composer.ui.empty_state import EmptyState  # noqa: PLC0415
        from composer.ui.incident_form import IncidentForm  # noqa: PLC0415
        from composer.ui.live_checks import LiveChecks  # noqa: PLC0415
        from composer.ui.notifier import Notifier  # noqa: PLC0415
        from composer.ui.outreach_workflow import OutreachWorkflow  # noqa: PLC0415
        from composer.ui.preferences_dialog import edit_preferences  # noqa: PLC0415
        from composer.ui.previews import PreviewTabs  # noqa: PLC0415
        from composer.ui.promise_watch import PromiseWatch  # noqa: PLC0415
        from composer.ui.publish_workflow import PublishWorkflow  # noqa: PLC0415
        from composer.ui.search_workflow import SearchWorkflow  # noqa: PLC0415
        from composer.ui.store_watch import watch_settings  # noqa: PLC0415
        from composer.ui.template_workflow import TemplateWorkflow  # noqa: PLC0415
        from composer.ui.window_actions import WindowActions  # noqa: PLC0415
        from composer.ui.window_commands import WindowCommands  # noqa: PLC0415

        self.form = IncidentForm(self.store)
        self.form.saved.connect(self.status_panel.show_saved)
        self.form.save_failed.connect(self.status_panel.show_save_failed)
        self.form.changed.connect(self._on_incident_fields)
        self.form.load(self._incident)
        self._centre_layout.insertWidget(0, self.form)
        self.editor.build_fields()
        self.previews = PreviewTabs()
        self.centre_split = QSplitter(Qt.Orientation.Vertical)
        self._centre_layout.removeWidget(self.editor)
        self.centre_split.addWidget(self.editor)
        self.centre_split.addWidget(self.previews)
        self.centre_split.setStretchFactor(0, 3)
        self.centre_split.setStretchFactor(1, 2)
        self.centre_split.setSizes([480, 320])  # until the user's own split is restored
        self._centre_layout.addWidget(self.centre_split, 1)
        self.editor.text_edited.connect(lambda: self.previews.show_text(self.editor.body.toPlainText()))

        self.checklist_dock = QDockWidget(self.tr("Checklist"), self)
        self.checklist_dock.setObjectName("checklistDock")
        self.check_config = self._load_check_config()
        self.checklist = ChecklistPanel([(rule.id, rule.title) for rule in RULES])
        self.checklist_dock.setWidget(self.checklist)
        self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.checklist_dock)
        self.live_checks = LiveChecks(self.checklist, self.editor.body, self.current_draft, self)
        for signal in (self.editor.text_edited, self.editor.fields_changed, self.form.changed):
            signal.connect(self.live_checks.schedule)
        self.check_config.channels = ()  # until the accounts are read, just below
        self.library = TemplateLibrary(user_folder=user_templates(self.context.home)).load()
        self.templates = TemplateWorkflow(
            self.store, self.library, self.check_config, self.context.prompter, on_screen=self.on_screen, parent=self
        )
        self.templates.update_made.connect(self.show_incident)
        self.templates.page_saved.connect(
            lambda path: self.statusBar().showMessage(self.tr("Contact page saved to %1").replace("%1", path), 8000)
        )
        self.publishing = PublishWorkflow(
            self.context,
            self.library,
            self.check_config,
            on_screen=self.on_screen,
            save_all=self.save_all,
            gate=self.pass_checks_gate,
            parent=self,
        )
        self.publishing.channels_changed.connect(self.previews.render_now)
        self.publishing.channels_changed.connect(self.live_checks.schedule)
        self.publishing.published.connect(lambda: self.after_publication(self.tr("Published")))
        self.previews.channel_source = self.publishing.channel_previews
        self.previews.email_source = self.publishing.email_preview
        from composer.ui.outbox_workflow import OutboxWorkflow  # noqa: PLC0415

        self.outbox = OutboxWorkflow(
            self.context,
            self.publishing,
            self.library,
            on_screen=self.on_screen,
            save_all=self.save_all,
            status=self.status_panel,
            show_message=self.statusBar().showMessage,
            parent=self,
        )
        self._centre_layout.insertWidget(0, self.outbox.banner)
        from composer.ui.workspace_workflow import WorkspaceWorkflow  # noqa: PLC0415

        self.workspace = WorkspaceWorkflow(
            self.context, on_screen=self.on_screen, save_all=self.save_all, body=self.editor.body, parent=self,
            reload=lambda: self.reload(self.incident_list.current_incident_id()),
        )  # fmt: skip
        self._centre_layout.insertWidget(0, self.workspace.banner)
        QTimer.singleShot(0, self.publishing, self.publishing.refresh_channels)  # reads the accounts and publishers
        self.notifier = Notifier(self)
        self.promise_watch = PromiseWatch(self.store, self, self.check_config.remind_before)
        self.promise_watch.states_changed.connect(self._refresh_promises)
        self.promise_watch.due_soon.connect(self._warn_due_soon)
        self.outbox.delivered.connect(self.promise_watch.refresh)
        self.outbox.delivered.connect(self.editor.publications_changed)
        self.store_watch = watch_settings(self)  # organisation, people, accounts saved anywhere: applied at once
        self.commands = commands = WindowCommands(self)
        self.search = SearchWorkflow(self.store, self.incident_list, commands.start_from, self)
        self.reaching = OutreachWorkflow(self.context, self.library, self.on_screen, self.save_all, self)
        self.menu_actions = WindowActions(
            self,
            self._menus,
            {
                "new_incident": commands.new_incident,
                "new_update": commands.new_update,
                "import_file": commands.import_file,
                "export_file": commands.export_file,
                "save": self.save_all,
                "quit": self.close,
                "template": self.templates.new_update_from_template,
                "publish_to": self.publishing.publish,
                "reach_customers": self.reaching.reach_customers,
                "mark_published": self.mark_published,
                "accounts": self.publishing.manage_accounts,
                "outbox": self.outbox.show_outbox,
                "export_bundle": self.outbox.export_bundle,
                "history": commands.show_history,
                "review": self.workspace.review,
                "templates": commands.edit_templates,
                "profile": commands.edit_profile,
                "preferences": lambda: edit_preferences(self.context, self, self.workspace),
                "reload": lambda: self.reload(self.incident_list.current_incident_id()),
                "find": self.search.find,
                "filter": self.incident_list.add_filter().text.setFocus,
                "focus_list": self.incident_list.incidents.setFocus,
                "focus_editor": self.editor.focus_body,
                "focus_previews": self.previews.setFocus,
            },
            self.checklist_dock.toggleViewAction(),
        )
        self.outbox.attach(self.menu_actions.copy_menu)
        self.empty_state = EmptyState.place(self.main_split, self.centre, self.incident_list, self.menu_actions)
        stops = [*self.incident_list.tab_stops(), *self.empty_state.tab_stops(), *self.workspace.banner.tab_stops()]
        stops += [*self.outbox.banner.tab_stops(), *self.form.tab_stops(), *self.editor.tab_stops(), self.previews]
        chain_tab_order([*stops, *self.checklist.tab_stops()])  # left to right, top to bottom
        window_state.restore_layout(self, self.context.ui_settings, self._splitters())
        self._update_actions()
        self.previews.show_text(self.editor.body.toPlainText())
        self.previews.show_social(self.templates.social_renderings(self.editor.current_update))
        self.live_checks.run_now()
        self.promise_watch.refresh()

    def paintEvent(self, event: QPaintEvent) -> None:
        if not self._painted:
            # Work the first screen does not need waits until it is on screen.
            self._painted = True
            QTimer.singleShot(0, self, self._after_first_paint)
        super().paintEvent(event)

    def _after_first_paint(self) -> None:
        from PySide6.QtGui import QIcon  # noqa: PLC0415
        from PySide6.QtWidgets import QApplication  # noqa: PLC0415

        from composer.ui.icons import app_icon_path  # noqa: PLC0415

        if self._shut_down:
            return
        self._list_the_rest()
        self.ensure_ready()
        QApplication.setWindowIcon(QIcon(str(app_icon_path())))  # SVG: loads the svg plugin
        report = self.context.open_report
        if report.message:
            self.status_panel.show_save_failed(report.message if report.read_only else self.tr("Database recovered"))
            self.context.prompter.warn(self.tr("Your data"), report.message)
        self.status_panel.start_network_watch()
        self.outbox.start()
        self.workspace.start()

    # -- showing -----------------------------------------------------------------

    def reload(self, select: int | None, *, screenful: int = -1) -> None:
        """Fill the incident list from the store (one query; the first `screenful` of them, the rest
        just after) and show `select` (None: the first)."""
        listing = self.incident_list
        shown = self.store.incident_summaries(limit=screenful)
        listing.show_summaries(shown, select, ordered=True)
        self._rest_to_list = len(shown) == screenful  # a year of them: listed after the first paint
        if listing.current_incident_id() is None:  # none asked for, or gone: the first one
            listing.select_quietly(listing.first_incident_id())
        self.show_incident(listing.current_incident_id())

    def _list_the_rest(self) -> None:
        if self._rest_to_list and not self._shut_down:
            self._rest_to_list = False
            self.incident_list.show_all(self.store.incident_summaries())

    def put_incident(self, incident_id: int | None, *, select: bool = False) -> None:
        """One incident's row as stored now (new, imported, published): the others are left alone."""
        for summary in self.store.incident_summaries(incident_id or 0):
            if self._incident is not None and summary.incident.id == self._incident.id and not select:
                summary = summary.with_incident(self._incident)  # the one on screen may hold unsaved edits
            self.incident_list.put(summary, select=select)

    def show_incident(self, incident_id: int | None) -> None:
        self.save_all()
        try:
            self._incident = self.store.incident(incident_id) if incident_id is not None else None
        except NotFound:
            self._incident = None
        if self.form is not None:
            self.form.load(self._incident)
        if self._incident is None:
            self.status_panel.follow(None, None)
        updates = self.store.updates(self._incident.id or 0) if self._incident else []
        latest = updates[-1] if updates else None
        self.incident_list.show_updates(updates, latest.id if latest else None)
        self.show_update(latest.id if latest else None)
        self.editor.set_signers([p.signature for p in self.store.people()])
        title = self._incident.title if self._incident else ""
        self.setWindowTitle(f"{title} — {APP_NAME}" if title else APP_NAME)
        self._update_actions()

    def show_update(self, update_id: int | None) -> None:
        update = None
        if update_id is not None:
            try:
                update = self.store.update(update_id)
            except NotFound:
                update = None
        self.editor.load(update)
        if self._ready:
            self.previews.show_text(update.body if update else "")
            self.previews.show_social(self.templates.social_renderings(update))
            self.live_checks.run_now()
        self.status_panel.follow(self._incident, self._promise(self._incident) if self._incident else None)
        self._update_actions()
        if self._ready:
            self.workspace.shown()

    def _update_actions(self) -> None:
        if not self._ready:
            return
        actions, has_incident = self.menu_actions, self._incident is not None
        for action in (actions.new_update, actions.template, actions.export_file, actions.reach_customers):
            action.setEnabled(has_incident)
        copy = actions.copy_menu.menuAction()
        for action in (actions.history, actions.mark_published, actions.publish_to, actions.export_bundle, copy):
            action.setEnabled(self.editor.current_update is not None)

    # -- reacting to edits -------------------------------------------------------

    def _on_update_fields(self) -> None:
        update = self.editor.current_update
        if update is None or self._incident is None:
            return
        self.incident_list.relabel_update(update)
        self._refresh_promises()

    def _on_incident_fields(self) -> None:
        """Runs on every keystroke in the incident's fields: touch only this incident."""
        if self._incident is not None:
            self.setWindowTitle(f"{self._incident.title} — {APP_NAME}")
            self.incident_list.refresh_incident(self._incident)
            self.status_panel.follow(self._incident, self._promise(self._incident))

    def _promise(self, incident: Incident) -> Promise:
        """From the figures the store keeps (one row, not every update: it runs on each keystroke)."""
        found = self.store.incident_summaries(incident.id or 0)
        if not found:  # deleted meanwhile: nothing published
            return promise_for(incident, [], utc_now(), self._remind_before())
        return found[0].promise(utc_now(), self._remind_before(), incident=incident)

    def _remind_before(self) -> timedelta:
        return self.check_config.remind_before if self._ready else DEFAULT_WARN_BEFORE

    def _refresh_promises(self) -> None:
        """Recolour the incident list and the countdown after a publication or a tick: the open
        incidents' rows (one query), and the one on screen, which a publication may have closed."""
        for summary in self.store.incident_summaries(open_only=True):
            if self._incident is None or summary.incident.id != self._incident.id:
                self.incident_list.put(summary)
        if self._incident is not None:
            self.put_incident(self._incident.id)
            self.status_panel.follow(self._incident, self._promise(self._incident))

    def _warn_due_soon(self, incident: Incident, promise: Promise) -> None:
        from PySide6.QtWidgets import QApplication  # noqa: PLC0415

        when = promise.deadline.astimezone().strftime("%H:%M %Z") if promise.deadline else ""
        text = self.tr("The next update for “%1” is due at %2.").replace("%1", incident.title).replace("%2", when)
        self.statusBar().showMessage(text, 60_000)
        QApplication.alert(self)
        self.notifier.notify(self.tr("Next update due soon"), text)
        self._refresh_promises()

    def _load_check_config(self) -> CheckConfig:
        from composer.ui.store_watch import load_check_config  # noqa: PLC0415

        return load_check_config(self.context.home, self.store, self.context.prompter, self)

    def current_draft(self) -> Draft | None:
        """The update on screen as the checklist sees it (the same draft `check` builds from a file)."""
        from composer.core.checks.engine import make_draft  # noqa: PLC0415
        from composer.core.outgoing import update_document  # noqa: PLC0415

        update = self.editor.current_update
        if update is None or self._incident is None:
            return None
        config = self.check_config
        last = self.store.previous_public_update_at(update) if update.id else None
        # The short social texts matter only to the length rule: rendered only when it has channels.
        doc = update_document(
            self._incident,
            update,
            last,
            body=self.editor.body.toPlainText(),
            library=self.library if config.channels else None,
            subject=False,
        )
        return make_draft(doc, utc_now().astimezone(), config)

    def _save_incident(self) -> None:
        if self._incident is None:
            return
        try:
            self.store.save_incident(self._incident)
        except SaveFailed as error:
            self.status_panel.show_save_failed(str(error))

    def save_all(self) -> bool:
        return (self.form is None or self.form.flush()) and self.editor.flush()

    # -- publishing by hand ------------------------------------------------------

    def mark_published(self) -> bool:
        """Record that the update on screen went out. Failing checks need a typed reason."""
        update = self.editor.current_update
        if update is None or update.id is None or self._incident is None:
            return False
        if not self.save_all():
            self.context.prompter.warn(self.tr("Publish"), self.tr("Save the update first: see the status bar."))
            return False
        try:
            if not self.pass_checks_gate(update.id):
                return False
            self.store.add_publication(update.id, Publication(channel="manual", published_at=utc_now()))
            self.store.add_event(Event(update.id, "published", {"channel": "manual"}))
        except SaveFailed as error:
            self.context.prompter.warn(self.tr("Publish"), str(error))
            return False
        self.after_publication(self.tr("Recorded as published"))
        return True

    def pass_checks_gate(self, update_id: int) -> bool:
        """The checklist gate before anything goes out: failing checks need a typed reason, recorded.

        The previews are brought up to date too: what is about to go out is what they show (and
        a render still waiting on its timer has no place while sending)."""
        from composer.ui.publish_gate import OverrideDialog  # noqa: PLC0415

        self.previews.flush()
        failures = self.live_checks.failures()
        if not failures:
            return True
        reason = OverrideDialog.ask(failures, self)
        if reason is None:
            return False
        self.store.add_event(Event(update_id, "override", {"reason": reason, "rules": [f.rule for f in failures]}))
        return True

    def after_publication(self, message: str) -> None:
        """The promise timer now runs from this publication."""
        if self._shut_down:
            return
        if self._incident is not None:
            self.show_incident(self._incident.id)
        self._refresh_promises()
        self.statusBar().showMessage(message, 5000)

    # -- closing -----------------------------------------------------------------

    def closeEvent(self, event: QCloseEvent) -> None:
        if self._shut_down:  # closed before (a second close, e.g. from a test's teardown)
            event.accept()
            return
        if not self.save_all():
            keep = self.context.prompter.confirm(
                self.tr("Unsaved text"),
                self.tr("The last changes could not be saved (see the status bar). Stay open so you can export them?"),
            )
            if keep:
                event.ignore()
                return
        window_state.save(self, self.context.ui_settings, self._splitters(), docks=self._ready)
        self.shutdown()
        event.accept()

    def shutdown(self) -> None:
        """Stop everything that could still touch the store: after this the store may close.

        Work in the task runner is cancelled and waited for, and its last results are handled
        (a post that went out is recorded); then the window's dialogs close, and every timer in
        the window (checks, previews, saves, promises, the clock) stops. Runs once.
        """
        from PySide6.QtWidgets import QDialog  # noqa: PLC0415

        if self._shut_down:
            return
        self.save_all()
        self.context.runner().shutdown()
        for dialog in self.findChildren(QDialog):
            if dialog.isVisible():
                dialog.done(QDialog.DialogCode.Rejected)  # closes even a dialog that would rather stop first
        if self._ready:
            self.publishing.close()
            self.outbox.stop()
            self.workspace.stop()
        self._shut_down = True
        self.status_panel.stop()
        for timer in self.findChildren(QTimer):
            timer.stop()
