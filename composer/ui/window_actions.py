# SPDX-License-Identifier: GPL-3.0-or-later
"""The main window's commands as actions: their names, shortcuts and tips, and their menus.

The window hands over what each command calls (`slots`, by name); nothing here knows the window.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu, QWidget

Shortcut = QKeySequence | QKeySequence.StandardKey | str | None


class WindowActions(QObject):
    """One QAction per command, added to the window (so its shortcut works) and to its menus."""

    def __init__(
        self,
        owner: QWidget,
        menus: Sequence[QMenu],
        slots: Mapping[str, Callable[[], object]],
        toggle_checklist: QAction,
    ):
        super().__init__(owner)
        self._owner = owner
        self._slots = slots
        key = QKeySequence.StandardKey
        self.new_incident = self._action(
            "new_incident", self.tr("&New incident…"), key.New, self.tr("Start a new incident with its first update")
        )
        self.new_update = self._action(
            "new_update", self.tr("New &update"), "Ctrl+Shift+N", self.tr("Add the next update to this incident")
        )
        self.import_file = self._action(
            "import_file", self.tr("&Import…"), key.Open, self.tr("Import an update from Markdown with front matter")
        )
        self.export_file = self._action(
            "export_file", self.tr("&Export…"), "Ctrl+E", self.tr("Export this update as Markdown with front matter")
        )
        self.save = self._action(
            "save", self.tr("&Save now"), key.Save, self.tr("Everything is saved as you type; this saves at once")
        )
        self.quit = self._action("quit", self.tr("&Quit"), "Ctrl+Q")
        self.template = self._action(
            "template",
            self.tr("New update from &template…"),
            "Ctrl+T",
            self.tr("A ready update for this stage, in every channel"),
        )
        self.publish_to = self._action(
            "publish_to",
            self.tr("&Publish…"),
            "Ctrl+Shift+P",
            self.tr("Send this update to your accounts (checks first)"),
        )
        self.reach_customers = self._action(
            "reach_customers",
            self.tr("&Reach customers…"),
            None,
            self.tr("A personal message to every affected customer of this incident, and who was reached"),
        )
        self.mark_published = self._action(
            "mark_published",
            self.tr("Mark as publis&hed…"),
            None,
            self.tr("Record that this update went out by other means (checks first)"),
        )
        self.outbox = self._action(
            "outbox", self.tr("&Outbox…"), None, self.tr("What waits to be sent, what was sent, and what needs you")
        )
        self.export_bundle = self._action(
            "export_bundle",
            self.tr("Export for &manual sending…"),
            None,
            self.tr("Write this update into a folder, ready to send by hand from another device"),
        )
        self.copy_menu = QMenu(self.tr("&Copy for"), owner)
        self.copy_menu.setObjectName("copyForMenu")
        self.copy_menu.setStatusTip(self.tr("Put on the clipboard what a channel would post, to post it by hand"))
        self.accounts = self._action(
            "accounts",
            self.tr("&Accounts…"),
            None,
            self.tr("Where updates are published, and where their secrets are kept"),
        )
        self.history = self._action(
            "history", self.tr("Revision &history…"), "Ctrl+H", self.tr("See and restore earlier texts of this update")
        )
        self.review = self._action(
            "review",
            self.tr("&Review updates…"),
            "Ctrl+Shift+R",
            self.tr("Updates that wait for a second person's approval, in a team's workspace"),
        )
        self.templates = self._action(
            "templates", self.tr("&Templates…"), None, self.tr("Your own templates beside the built-ins")
        )
        self.profile = self._action(
            "profile",
            self.tr("&Organisation and people…"),
            None,
            self.tr("Contact details and the people who may sign updates"),
        )
        self.find = self._action(
            "find",
            self.tr("&Find in all updates…"),
            "Ctrl+Shift+F",
            self.tr("Every update ever written that holds these words; start a new one from it"),
        )
        self.preferences = self._action(
            "preferences", self.tr("&Preferences…"), None, self.tr("The interface language, on this computer")
        )
        self.preferences.setShortcuts(QKeySequence.keyBindings(key.Preferences) or [QKeySequence("Ctrl+,")])
        self.preferences.setMenuRole(QAction.MenuRole.PreferencesRole)
        self.filter = self._action("filter", self.tr("&Filter incidents"), "Ctrl+F")
        self.reload = self._action(
            "reload", self.tr("&Reload"), "F5", self.tr("Show incidents imported from the command line")
        )
        focus = [
            self._action("focus_list", self.tr("Go to &incidents"), "Ctrl+1"),
            self._action("focus_editor", self.tr("Go to &editor"), "Ctrl+2"),
            self._action("focus_previews", self.tr("Go to &previews"), "Ctrl+3"),
        ]
        toggle_checklist.setShortcut(QKeySequence("Ctrl+Shift+K"))

        file_menu, edit_menu, view_menu = menus
        for act in (
            self.new_incident,
            self.new_update,
            self.template,
            None,
            self.publish_to,
            self.reach_customers,
            self.mark_published,
            self.outbox,
            None,
            self.export_bundle,
            self.copy_menu,
            None,
            self.import_file,
            self.export_file,
            None,
            self.save,
            None,
            self.quit,
        ):
            if act is None:
                file_menu.addSeparator()
            elif isinstance(act, QMenu):
                file_menu.addMenu(act)
            else:
                file_menu.addAction(act)
        edit = [self.find, self.history, self.review, None, self.profile, self.accounts, self.templates, None]
        edit.append(self.preferences)
        for act in edit:
            edit_menu.addSeparator() if act is None else edit_menu.addAction(act)
        for act in (*focus, self.filter, toggle_checklist, self.reload):
            view_menu.addAction(act)

    def _action(self, slot: str, text: str, shortcut: Shortcut = None, tip: str = "") -> QAction:
        act = QAction(text, self._owner)
        if shortcut is not None:
            act.setShortcut(QKeySequence(shortcut))
        act.setStatusTip(tip)
        act.triggered.connect(self._slots[slot])
        self._owner.addAction(act)
        return act
