# SPDX-License-Identifier: GPL-3.0-or-later
"""Publish one update: choose the accounts, see what each will post, then watch each one go out.

Each account is its own task in the window's task runner (so one failing or hanging does not
hold up the others, and each can be retried alone), which calls `PublishingService.publish_one`:
one thread per account, no pool inside it. A channel that cannot be reached leaves its post
queued in the outbox (`queue=True`): the row says so, and `queued` tells the window's background
sender, which sends it when the server answers. A post that may or may not have gone out
("uncertain") offers Send again and Mark as sent on its row, each after a confirmation.

The widgets change only in the callbacks, which run on the UI thread; what the UI thread does
per report is kept small (the window must stay fluid while sending: see `publish_ui_stall_ms`
in benchmarks/publishing.py).
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from datetime import datetime
from functools import partial
from html import escape
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QTimer, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFrame,
    QGridLayout,
    QGroupBox,
    QLabel,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from composer.ui.accessibility import chain_tab_order
from composer.ui.publishing_context import marked_sent, post_link

if TYPE_CHECKING:
    from collections.abc import Callable

    from PySide6.QtGui import QWindow

    from composer.publishers.base import Account, Post, PublishableUpdate, Publisher
    from composer.publishers.service import Outcome, PublishingService
    from composer.ui.publishing_context import ServiceMaker
    from composer.ui.task_runner import Task, TaskRunner


STOPPED = "Stopped before sending; nothing was sent."
STOPPED_QUEUED = "Stopped: nothing was sent, and the outbox will not send it (retry it there to send it)."


def open_link(url: str) -> None:
    """Open a post in the browser (or a `mid:` link in the mail client)."""
    QDesktopServices.openUrl(QUrl(url))


def spoken_list(names: list[str], conjunction: str) -> str:
    """Names as a sentence lists them: A; A and B; A, B and C."""
    if len(names) < 2:
        return "".join(names)
    return f"{', '.join(names[:-1])} {conjunction} {names[-1]}"


def clock(moment: datetime | None) -> str:
    """A time of day, local, as the rows say it (10:42)."""
    return moment.astimezone().strftime("%H:%M") if moment is not None else ""


def preview_text(post: Post) -> str:
    """A post as the person publishing reads it: subject first, thread parts numbered."""
    parts: list[str] = list(post.parts)
    lines = []
    if post.subject:
        lines.append(f"Subject: {post.subject}\n")
    if len(parts) == 1:
        lines.append(parts[0])
    else:
        for number, part in enumerate(parts, 1):
            lines.append(f"── Post {number} of {len(parts)} ──\n{part}\n")
    return "\n".join(lines).rstrip() + "\n"


class OnScreen(QObject):
    """Calls `then` (once) right after `window` is on screen, its first expose painted.

    Publish can be pressed before the dialog has reached the screen (a script, a test, a fast
    double action); its first paint then comes with the workers already running, and a first
    paint that shares the CPU and the GIL with them stalls the window. So the workers wait for it.
    """

    def __init__(self, window: QWindow, then: Callable[[], None]):
        super().__init__(window)
        self._window = window
        self._then = then
        window.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Expose:
            QTimer.singleShot(0, self, self._check)  # after the expose has been handled (painted)
        return False

    def _check(self) -> None:
        if self._window.isExposed():
            self._window.removeEventFilter(self)
            self.deleteLater()
            self._then()


class ChannelRow:
    """One account's line in the grid: choose it, then follow it (queued → sending → sent/failed,
    or waiting in the outbox, or uncertain: then Send again and Mark as sent)."""

    def __init__(self, account: Account, kind_name: str, grid: QGridLayout, row: int):
        self.account = account
        self.state = "idle"
        self.check = QCheckBox(account.name)
        self.kind = QLabel(kind_name)
        self.status = QLabel()
        self.status.setTextFormat(Qt.TextFormat.RichText)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextBrowserInteraction)
        self.status.setOpenExternalLinks(False)
        self.status.setWordWrap(True)
        self.status.linkActivated.connect(open_link)
        self.progress = QProgressBar()
        self.progress.setRange(0, 100)
        self.progress.setMaximumWidth(140)
        self.progress.setVisible(False)
        self.retry = QPushButton(QCoreApplication.translate("PublishDialog", "Retry"))
        self.retry.setVisible(False)
        self.send_again = QPushButton(QCoreApplication.translate("PublishDialog", "Send again"))
        self.mark_sent = QPushButton(QCoreApplication.translate("PublishDialog", "Mark as sent"))
        # An uncertain post's two answers, one above the other, in the cell Retry has (never both shown).
        self.answers = QWidget()
        box = QVBoxLayout(self.answers)
        box.setContentsMargins(0, 0, 0, 0)
        box.addWidget(self.send_again)
        box.addWidget(self.mark_sent)
        self.answers.setVisible(False)
        for column, widget in enumerate((self.check, self.kind, self.status, self.progress, self.retry)):
            grid.addWidget(widget, row, column)
        grid.addWidget(self.answers, row, 4)
        for widget in (self.progress, self.retry):  # shown and hidden while sending: no relayout each time
            policy = widget.sizePolicy()
            policy.setRetainSizeWhenHidden(True)
            widget.setSizePolicy(policy)
        self.link = ""
        self.job_id: int | None = None  # the outbox job of an uncertain post
        self.tried_at: datetime | None = None  # when that post may have gone out

    def show_state(self, state: str, text: str, fraction: float | None = None) -> None:
        """Only what changed is touched: each change costs a layout or a paint on the UI thread."""
        if state != self.state:
            self.retry.setVisible(state in ("failed", "waiting"))
            self.retry.setText(
                QCoreApplication.translate("PublishDialog", "Send now")
                if state == "waiting"
                else QCoreApplication.translate("PublishDialog", "Retry")
            )
            self.answers.setVisible(state == "uncertain")
            self.check.setEnabled(state == "idle")
        self.state = state
        if text != self.status.text():
            self.status.setText(text)
        if self.progress.isHidden() == (fraction is not None):
            self.progress.setVisible(fraction is not None)
        value = round(fraction * 100) if fraction is not None else 0
        if fraction is not None and value != self.progress.value():
            # QProgressBar.setValue repaints at once (synchronously); with updates off it only
            # schedules a paint, which Qt folds with the others of this turn of the event loop.
            self.progress.setUpdatesEnabled(False)
            self.progress.setValue(value)
            self.progress.setUpdatesEnabled(True)


class PublishDialog(QDialog):
    """Choose accounts, preview, publish with live status per account; Stop cancels what is unsent."""

    published = Signal(object)  # an Outcome with a receipt, as each account succeeds (already in the history)
    queued = Signal(str)  # an account's post waits in the outbox: its server did not answer

    def __init__(
        self,
        update: PublishableUpdate,
        accounts: dict[str, Account],
        *,
        publishers: dict[str, Publisher],
        preselected: list[str],
        runner: TaskRunner,
        services: ServiceMaker,
        confirm: Callable[[str, str], bool] | None = None,
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Publish"))
        self.setObjectName("publishDialog")
        self.resize(820, 600)
        self.update_to_publish = update
        self.publishers = publishers
        self.runner = runner
        self.services = services
        self._confirm = confirm
        self._resolutions: dict[str, tuple[int, bool]] = {}  # account -> (uncertain job, sent?) to start with
        self._close_when_idle = False
        self.tasks: dict[str, Task] = {}
        self.sent_any = False
        self.chosen_when_published: list[str] | None = None  # the names ticked when Publish was pressed
        self._waiting: list[str] = []  # accounts queued, their tasks not started yet
        self._on_screen: OnScreen | None = None  # waits for the dialog's first expose, if it has not had it

        heading = QLabel(
            self.tr("<b>%1</b> — choose where this update goes, check what each will post, then publish.").replace(
                "%1", escape(update.title or self.tr("Update"))
            )
        )
        heading.setWordWrap(True)
        grid_holder = QWidget()
        grid = QGridLayout(grid_holder)
        grid.setColumnStretch(2, 1)
        for column, title in enumerate((self.tr("Account"), self.tr("Kind"), self.tr("Status"))):
            label = QLabel(f"<b>{title}</b>")
            grid.addWidget(label, 0, column)
        self.rows: dict[str, ChannelRow] = {}
        for number, account in enumerate(accounts.values(), 1):
            publisher = publishers.get(account.kind)
            kind_name = publisher.display_name if publisher else account.kind
            row = ChannelRow(account, kind_name, grid, number)
            # The status page goes with every update (ticked; it can be unticked for this one).
            row.check.setChecked(account.name in preselected or bool(getattr(publisher, "uploads_site", False)))
            row.check.toggled.connect(self._refresh_choice)
            row.retry.clicked.connect(lambda _checked=False, name=account.name: self._start([name]))
            row.send_again.clicked.connect(lambda _checked=False, name=account.name: self.resolve(name, sent=False))
            row.mark_sent.clicked.connect(lambda _checked=False, name=account.name: self.resolve(name, sent=True))
            if publisher is None:
                row.show_state("idle", self.tr("No publisher for accounts of kind “%1”").replace("%1", account.kind))
                row.check.setChecked(False)
                row.check.setEnabled(False)
            self.rows[account.name] = row
        grid.setRowStretch(len(self.rows) + 1, 1)
        scroll = QScrollArea()
        scroll.setFrameShape(QFrame.Shape.NoFrame)  # the group box is frame enough
        scroll.setWidgetResizable(True)
        scroll.setWidget(grid_holder)
        scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the accounts' check boxes are the Tab stops
        accounts_box = QGroupBox(self.tr("Accounts"))
        QVBoxLayout(accounts_box).addWidget(scroll)

        self.previews = QTabWidget()
        previews_box = QGroupBox(self.tr("What will be posted"))
        QVBoxLayout(previews_box).addWidget(self.previews)
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(accounts_box)
        split.addWidget(previews_box)
        split.setSizes([220, 320])

        self.summary = QLabel()
        self.summary.setObjectName("publishSummary")
        self.summary.setWordWrap(True)
        self.summary.setVisible(False)
        self.buttons = QDialogButtonBox()
        self.publish_button = self.buttons.addButton(self.tr("&Publish"), QDialogButtonBox.ButtonRole.ActionRole)
        self.stop_button = self.buttons.addButton(self.tr("&Stop sending"), QDialogButtonBox.ButtonRole.ActionRole)
        self.close_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Close)
        self.stop_button.setToolTip(self.tr("Stop what has not been sent yet; what went out stays out"))
        self.publish_button.clicked.connect(self.publish)
        self.stop_button.clicked.connect(self.stop)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(split, 1)
        layout.addWidget(self.summary)
        layout.addWidget(self.buttons)
        self._refresh_choice()

    # -- choosing ----------------------------------------------------------------

    def chosen_names(self) -> list[str]:
        return [name for name, row in self.rows.items() if row.check.isChecked()]

    def _refresh_choice(self) -> None:
        current = self.previews.tabText(self.previews.currentIndex()) if self.previews.count() else ""
        pages = [self.previews.widget(index) for index in range(self.previews.count())]
        self.previews.clear()
        for page in pages:  # clear() only takes them out
            if page is not None:
                page.deleteLater()
        for name in self.chosen_names():
            view = QPlainTextEdit()
            view.setReadOnly(True)
            view.setPlainText(self.render_for(name))
            view.setAccessibleName(self.tr("What %1 will post").replace("%1", name))
            self.previews.addTab(view, name)
            if name == current:
                self.previews.setCurrentWidget(view)
        if not self.previews.count():
            hint = QLabel(self.tr("Tick one or more accounts to see what each will post."))
            hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
            self.previews.addTab(hint, self.tr("Nothing chosen"))
        # Made last, the new pages would come after the buttons: right after their tab bar.
        new_pages = [page for i in range(self.previews.count()) if (page := self.previews.widget(i)) is not None]
        chain_tab_order([self.previews.tabBar(), *new_pages])
        self._refresh_buttons()

    def render_for(self, name: str) -> str:
        """What this account will post (or, if it cannot, why)."""
        from composer.publishers.base import PublishError  # noqa: PLC0415

        row = self.rows[name]
        publisher = self.publishers.get(row.account.kind)
        if publisher is None:
            return ""
        try:
            return preview_text(publisher.render(self.update_to_publish))
        except PublishError as error:
            return self.tr("This cannot be posted as it is: %1").replace("%1", str(error))

    def preview_of(self, name: str) -> str:
        for index in range(self.previews.count()):
            if self.previews.tabText(index) == name:
                widget = self.previews.widget(index)
                return widget.toPlainText() if isinstance(widget, QPlainTextEdit) else ""
        return ""

    # -- publishing --------------------------------------------------------------

    @property
    def running(self) -> bool:
        return bool(self._waiting) or any(task.running for task in self.tasks.values())

    def _refresh_buttons(self) -> None:
        startable = [n for n in self.chosen_names() if self.rows[n].state == "idle"]
        self.publish_button.setEnabled(bool(startable) and not self.running)
        self.stop_button.setEnabled(self.running)
        self.close_button.setEnabled(not self.running)

    def publish(self) -> None:
        names = [n for n in self.chosen_names() if self.rows[n].state == "idle"]
        if not names:
            return
        self.chosen_when_published = self.chosen_names()
        self._start(names)

    def _start(self, names: list[str]) -> None:
        """Show the accounts as queued, then start them: at once when the dialog is on screen,
        else as soon as it is (see `OnScreen`)."""
        for name in names:
            self.rows[name].show_state("queued", self.tr("Queued"), 0.0)
        self._waiting += [name for name in names if name not in self._waiting]
        self._refresh_buttons()
        handle = self.windowHandle()
        if handle is None or handle.isExposed():
            self._launch()
        elif self._on_screen is None:
            self._on_screen = OnScreen(handle, self._launch)

    def _launch(self) -> None:
        """Start a task per waiting account, once what waits to be painted is painted: while the
        workers run, every paint shares the CPU and the GIL with them."""
        self._on_screen = None
        names, self._waiting = self._waiting, []
        if not names or self.runner.closed:
            return
        QCoreApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)
        for widget in (self, self.parentWidget()):
            if widget is not None:
                QCoreApplication.sendPostedEvents(widget.window(), QEvent.Type.UpdateRequest)
        round_ = SendRound(self.services, self.services.round(), self.update_to_publish)
        for name in names:
            self.tasks[name] = self.runner.run(
                partial(round_.send, name, self._resolutions.pop(name, None)),
                name=name,
                progress=partial(self._on_progress, name),
                done=partial(self._on_done_result, name),
                failed=partial(self._on_failed, name),
            )
        self._refresh_buttons()

    def _on_progress(self, name: str, fraction: float, text: str) -> None:
        row = self.rows[name]
        if row.state in ("queued", "sending"):
            row.show_state("sending", escape(text) or self.tr("Sending"), fraction)

    def _on_done_result(self, name: str, result: tuple[Outcome, datetime | None]) -> None:
        outcome, tried_at = result
        self.rows[name].tried_at = tried_at
        self._on_done(name, outcome)

    def _on_done(self, name: str, outcome: Outcome) -> None:
        row = self.rows[name]
        row.job_id = outcome.job_id
        if outcome.queued:
            text = self.tr("Queued: will send when %1 is reachable").replace("%1", name)
            if outcome.next_attempt is not None:
                text = self.tr("%1 (next try %2)").replace("%1", text).replace("%2", clock(outcome.next_attempt))
            why = f"<br><small>{escape(outcome.error)}</small>" if outcome.error else ""
            row.show_state("waiting", f"{escape(text)}{why}")
            self.queued.emit(name)
        elif outcome.uncertain:
            row.show_state("uncertain", f"⚠ {escape(outcome.error)}")
        elif outcome.state == "sending":  # the window's background sender has it at this moment
            row.show_state(
                "waiting", escape(self.tr("Being sent from the outbox now: File → Outbox… says how it went"))
            )
        elif outcome.receipt is None:
            row.show_state("failed", f"✘ {escape(outcome.error)}")
        else:
            self.sent_any = True
            link = post_link(outcome.receipt)
            row.link = link
            if outcome.reused:
                what = "✔ " + self.tr("Already sent earlier, not sent again")
            elif outcome.receipt.meta.get("marked_sent_by_hand"):
                what = "✔ " + self.tr("Marked as sent: it will not be sent again")
            else:
                what = "✔ " + self.tr("Sent")
            if link:
                shown = outcome.receipt.remote_id if link.startswith("mid:") else self.tr("open the post")
                row.show_state("sent", f'{what} · <a href="{escape(link)}">{escape(shown)}</a>')
            elif outcome.receipt.remote_id:
                row.show_state("sent", f"{what} · {escape(outcome.receipt.remote_id)}")
            else:
                row.show_state("sent", what)
            self.published.emit(outcome)
        self._show_summary()
        self._task_ended()

    def _show_summary(self) -> None:
        """One line under the accounts for what waits in the outbox."""
        waiting = [name for name, row in self.rows.items() if row.state == "waiting"]
        if len(waiting) == 1:
            text = self.tr("Queued: will send to %1 when it is reachable").replace("%1", waiting[0])
        else:
            names = spoken_list(waiting, self.tr("and"))
            text = self.tr("Queued: will send to %1 when they are reachable").replace("%1", names)
        self.summary.setText(text if waiting else "")
        self.summary.setVisible(bool(waiting))

    # -- a post that may or may not have gone out --------------------------------

    def resolve(self, name: str, *, sent: bool) -> None:
        """The user's answer for an uncertain post: send it again, or it did go out (after a confirmation)."""
        row = self.rows[name]
        if row.state != "uncertain" or row.job_id is None:
            return
        at = clock(row.tried_at)
        email = row.account.kind == "email"
        if sent:
            title = self.tr("Mark as sent")
            question = (
                self.tr(
                    "Only if you have checked that it went out: this email was tried at %2 on %3. "
                    "It will never be sent again. Mark it as sent?"
                )
                if email
                else self.tr(
                    "Only if you have checked that it went out: this post was tried at %2 on %3. "
                    "It will never be sent again. Mark it as sent?"
                )
            )
        else:
            title = self.tr("Send again")
            question = (
                self.tr(
                    "This email may already have gone out at %2 on %3; if it did, people get it twice. Send it again?"
                )
                if email
                else self.tr(
                    "This post may already have gone out at %2 on %3; if it did, people get it twice. Send it again?"
                )
            )
        text = question.replace("%2", at or self.tr("an unknown time")).replace("%3", name)
        if not self.confirm(title, text):
            return
        self._resolutions[name] = (row.job_id, sent)
        self._start([name])

    def confirm(self, title: str, text: str) -> bool:
        if self._confirm is not None:
            return self._confirm(title, text)
        from composer.ui.interaction import Prompter  # noqa: PLC0415

        prompter = Prompter()
        prompter.parent = self
        return prompter.confirm(title, text)

    def _on_failed(self, name: str, error: Exception) -> None:
        """Something other than a publishing error: say what kind, never its text (it may hold a secret)."""
        from composer.core.credentials import CredentialError  # noqa: PLC0415

        if isinstance(error, CredentialError):
            text = error.message
        else:
            text = self.tr("Unexpected error (%1); nothing more is known. Try again, or report it.").replace(
                "%1", type(error).__name__
            )
        self.rows[name].show_state("failed", "✘ " + escape(text))
        self._task_ended()

    def _task_ended(self) -> None:
        self._refresh_buttons()
        if self._close_when_idle and not self.running:
            self.close_service()

    def stop(self) -> None:
        """Cancel what has not been sent; what is already on its way finishes or fails on its own."""
        waiting, self._waiting = self._waiting, []
        for name in waiting:
            self._resolutions.pop(name, None)
            self.rows[name].show_state("failed", "✘ " + escape(self.tr("Stopped before sending; nothing was sent.")))
        for task in self.tasks.values():
            task.cancel()
        for row in self.rows.values():
            if row.state == "queued":
                row.show_state("queued", self.tr("Stopping…"), 0.0)
        self._refresh_buttons()

    def reject(self) -> None:
        if self.running:  # Esc while sending means stop, not vanish
            self.stop()
            return
        super().reject()

    def close_service(self) -> None:
        """Release the outbox's connection once no worker uses it."""
        if self.running:
            self._close_when_idle = True
            return
        self.services.close()


@dataclass
class SendRound:
    """One press of Publish, Retry, Send again or Mark as sent: what its workers share."""

    services: ServiceMaker
    service: Callable[[], PublishingService]
    update: PublishableUpdate

    def send(
        self, name: str, resolution: tuple[int, bool] | None, report: Callable[..., None], cancel: threading.Event
    ) -> tuple[Outcome, datetime | None]:
        """In a worker: send to one account (or first settle its uncertain post: `resolution` is the
        job and whether it went out). A post that goes out is kept in the update's history by the
        outbox itself, as it marks the job sent.

        Returns the outcome and, for a post that may have gone out, when it was tried. A post queued after
        Stop is cancelled in the outbox: Stop means nothing more goes out, now or later."""
        from composer.core.outbox import Outbox, OutboxError  # noqa: PLC0415
        from composer.publishers.service import Outcome  # noqa: PLC0415

        if cancel.is_set():  # stopped while waiting for a free worker: nothing goes out
            return Outcome(name, error=STOPPED), None
        publishing = self.service()
        outcome: Outcome | None = None
        if resolution is not None:
            uncertain_job, sent = resolution
            try:
                job = publishing.outbox_call(partial(Outbox.resolve, job_id=uncertain_job, sent=sent))
            except OutboxError as error:
                return Outcome(name, error=str(error)), None
            if sent:
                outcome = marked_sent(job)
        if outcome is None:
            outcome = publishing.publish_one(
                self.update, name, progress=lambda _a, f, t: report(f, t), cancel=cancel, queue=True
            )
        job_id = outcome.job_id
        if outcome.queued and cancel.is_set() and job_id is not None:
            try:
                publishing.outbox_call(partial(Outbox.cancel, job_id=job_id))
            except OutboxError:
                pass  # it moved meanwhile (the background sender took it): say what it is
            else:
                return Outcome(name, error=STOPPED_QUEUED, state="cancelled", job_id=job_id), None
        tried_at = None
        if outcome.uncertain and job_id is not None:
            tried_at = publishing.outbox_call(partial(Outbox.job, job_id=job_id)).attempted_at
        # A post that went out is in the update's history already: the outbox records it as it
        # marks the job sent (schema migration 8), whoever sent it.
        return outcome, tried_at
