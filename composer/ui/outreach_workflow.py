# SPDX-License-Identifier: GPL-3.0-or-later
"""File → Reach customers…: the incident on screen's outreach window, one per incident.

Like the other workflows it is given what it needs rather than the window: the context, the
template library, what is on screen and a way to save everything. A window whose run is going
on is kept when closed (the run goes on), and shown again for its incident.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    from composer.app import AppContext
    from composer.core.model import Incident, Update
    from composer.core.templates import TemplateLibrary
    from composer.ui.outreach_dialog import OutreachDialog


class OutreachWorkflow(QObject):
    """Opens (or brings back) the outreach window of the incident on screen."""

    def __init__(
        self,
        context: AppContext,
        library: TemplateLibrary,
        on_screen: Callable[[], tuple[Incident | None, Update | None]],
        save_all: Callable[[], bool],
        parent: QWidget,
    ):
        super().__init__(parent)
        self.context = context
        self._library = library
        self._on_screen = on_screen
        self._save_all = save_all
        self._parent = parent
        self.dialogs: dict[int, OutreachDialog] = {}

    def reach_customers(self) -> OutreachDialog | None:
        """Show the window for the incident on screen; returns it (tests), None without an incident."""
        from composer.ui.outreach_dialog import OutreachDialog  # noqa: PLC0415 (not before the first paint)

        incident, update = self._on_screen()
        if incident is None or incident.id is None:
            self.context.prompter.warn(self.tr("Reach customers"), self.tr("Open the incident to write about first."))
            return None
        self._save_all()  # the messages take the incident's facts as saved
        dialog = self.dialogs.get(incident.id)
        if dialog is None:
            dialog = OutreachDialog(
                self.context,
                self._library,
                incident,
                signer=update.signer if update is not None else "",
                language=update.language if update is not None else "en",
                parent=self._parent,
            )
            dialog.finished.connect(lambda _code, key=incident.id: self._closed(key))
            self.dialogs[incident.id] = dialog
        else:
            dialog.tracking.refresh()
        dialog.show()
        dialog.raise_()
        dialog.activateWindow()
        return dialog

    def _closed(self, incident_id: int) -> None:
        """A closed window is forgotten unless its run goes on (reopening shows its progress)."""
        dialog = self.dialogs.get(incident_id)
        if dialog is not None and not dialog.sending.running:
            del self.dialogs[incident_id]
            dialog.deleteLater()
