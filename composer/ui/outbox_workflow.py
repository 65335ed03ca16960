# SPDX-License-Identifier: GPL-3.0-or-later
"""The window's outbox, tied together: the background sender, the banner, File → Outbox…, and
sending by hand (File → Export for manual sending…, File → Copy for).

Like `PublishWorkflow`, it is given what it needs rather than the window: the context, the
publish workflow (its publishers, the update as publishers take it, and its `queued` signal),
the template library, what is on screen, save everything, the status bar, and a way to say
something in it. The window places the banner and connects `delivered`.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

from composer.ui.manual_sending import ManualSending
from composer.ui.outbox_banner import OutboxBanner
from composer.ui.outbox_sender import OutboxSender

if TYPE_CHECKING:
    from PySide6.QtWidgets import QMenu, QWidget

    from composer.app import AppContext
    from composer.core.model import Incident, Update
    from composer.core.templates import TemplateLibrary
    from composer.publishers.service import Outcome
    from composer.ui.outbox_dialog import OutboxDialog
    from composer.ui.outbox_sender import Waiting
    from composer.ui.publish_workflow import PublishWorkflow
    from composer.ui.status_panel import StatusPanel


class OutboxWorkflow(QObject):
    """What waits to be sent, what became of it, and what to do when nothing can be sent."""

    delivered = Signal()  # posts that waited went out (already in their updates' history)

    def __init__(
        self,
        context: AppContext,
        publishing: PublishWorkflow,
        library: TemplateLibrary,
        *,
        on_screen: Callable[[], tuple[Incident | None, Update | None]],
        save_all: Callable[[], bool],
        status: StatusPanel,
        show_message: Callable[[str, int], None],
        parent: QWidget,
    ):
        super().__init__(parent)
        self.context = context
        self.publishing = publishing
        self._status = status
        self._show_message = show_message
        self._parent = parent
        self.dialog: OutboxDialog | None = None
        self.background = OutboxSender(context, publishing.publishers, self)
        self.banner = OutboxBanner()
        self.manual = ManualSending(
            context,
            library,
            publishers=publishing.publishers,
            publishable=publishing.publishable,
            on_screen=on_screen,
            save_all=save_all,
            show_message=show_message,
            parent=parent,
        )
        publishing.queued.connect(self.background.note_queued)
        self.background.waiting_changed.connect(self._waiting_changed)
        self.background.delivered.connect(self._delivered)
        self.banner.open_outbox.connect(self.show_outbox)

    def start(self) -> None:
        """After the window's first paint: send what waits, and watch for the network."""
        self.background.start()

    def attach(self, copy_menu: QMenu) -> None:
        """File → Copy for: its channels are listed when it opens."""
        copy_menu.aboutToShow.connect(lambda: self.manual.fill_copy_menu(copy_menu))

    def export_bundle(self) -> None:
        self.manual.export_bundle()

    def show_outbox(self) -> OutboxDialog:
        """File → Outbox… (and the banner's button). Returns the dialog (tests)."""
        from composer.ui.outbox_dialog import OutboxDialog  # noqa: PLC0415

        if self.dialog is not None and self.dialog.isVisible():
            self.dialog.raise_()
            self.dialog.activateWindow()
            return self.dialog
        dialog = OutboxDialog(self.context, self.publishing.publishers(), self.context.runner(), self._parent)
        dialog.due_now.connect(self.background.run)  # only that job is due: wake no other
        dialog.published.connect(self.delivered)
        dialog.finished.connect(lambda _code: self._dialog_closed(dialog))
        self.dialog = dialog
        dialog.show()
        return dialog

    def _dialog_closed(self, dialog: OutboxDialog) -> None:
        if self.dialog is dialog:
            self.dialog = None

    def _waiting_changed(self, waiting: Waiting) -> None:
        self.banner.show_waiting(waiting)
        self._status.show_servers_down(waiting.servers_down)
        if self.dialog is not None and self.dialog.isVisible():
            self.dialog.refresh()

    def _delivered(self, outcomes: list[Outcome]) -> None:
        names = sorted({o.account for o in outcomes if o.receipt is not None and not o.reused})
        self._show_message(self.tr("Sent from the outbox to %1").replace("%1", ", ".join(names)), 10_000)
        self.delivered.emit()

    def stop(self) -> None:
        """The window is closing (its task runner drained): no more runs, and none left running."""
        self.background.stop()
