# SPDX-License-Identifier: GPL-3.0-or-later
"""Edit → Find in all updates: the dialog, and what its choices do in the window."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    from composer.core.model import Update
    from composer.core.store import Store
    from composer.ui.incident_list import IncidentList
    from composer.ui.search_dialog import SearchDialog


class SearchWorkflow(QObject):
    """Opens one search dialog (kept between uses, with its words); a hit opens in the list, or
    becomes the text of a new draft through `start_from`."""

    def __init__(
        self,
        store: Store,
        incidents: IncidentList,
        start_from: Callable[[Update], None],
        parent: QWidget,
    ):
        super().__init__(parent)
        self._store = store
        self._incidents = incidents
        self._start_from = start_from
        self._parent = parent
        self.dialog: SearchDialog | None = None

    def find(self) -> None:
        from composer.ui.search_dialog import SearchDialog  # noqa: PLC0415 (not before the first paint)

        if self.dialog is None:
            self.dialog = SearchDialog(self._store.search_updates, self._parent)
            self.dialog.open_update.connect(self._incidents.open)
            self.dialog.start_from.connect(self._start)
        self.dialog.show()
        self.dialog.raise_()
        self.dialog.activateWindow()
        self.dialog.query.setFocus()
        self.dialog.query.selectAll()

    def _start(self, update_id: int) -> None:
        from composer.core.store import NotFound  # noqa: PLC0415

        try:
            source = self._store.update(update_id)
        except NotFound:  # deleted meanwhile (another window, the command line)
            if self.dialog is not None:
                self.dialog.run()
            return
        self._start_from(source)
