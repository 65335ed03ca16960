# SPDX-License-Identifier: GPL-3.0-or-later
"""The outbox: every post the app was asked to send, newest first, and what became of it.

One row per job: where it goes, which update, its state in plain words, the tries, the next
try, what went wrong (a post that may have gone out says so in `uncertain_words`' words) and
the link once sent. The buttons act on the selected job: Retry, Cancel, Mark as sent by hand and
Send anyway (an uncertain one); what could send a post twice is confirmed first, and an action
that no longer applies (the job moved meanwhile) is said in one line.

Threads: the dialog reads and changes the outbox only in the task runner's workers, through a
service over a connection of its own (`ServiceMaker`), never on the UI thread; the rows come
back as plain `JobRow`s. A job made due now (Retry, Send anyway) is sent by the window's
background sender (`due_now`).
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from functools import partial
from html import escape
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QFont, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from composer.core.model import utc_now
from composer.ui.publishing_context import ServiceMaker, post_link
from composer.ui.table_model import RowsModel

if TYPE_CHECKING:
    from composer.app import AppContext
    from composer.core.outbox import Job, Outbox
    from composer.publishers.base import Publisher
    from composer.ui.task_runner import TaskRunner

Index = QModelIndex | QPersistentModelIndex
STATE_WORDS = {  # marked for Qt Linguist; translated where shown
    "pending": QT_TRANSLATE_NOOP("OutboxModel", "Waiting to be sent"),
    "sending": QT_TRANSLATE_NOOP("OutboxModel", "Being sent now"),
    "sent": QT_TRANSLATE_NOOP("OutboxModel", "Sent"),
    "failed": QT_TRANSLATE_NOOP("OutboxModel", "Failed: needs you"),
    "uncertain": QT_TRANSLATE_NOOP("OutboxModel", "May have gone out: check"),
    "cancelled": QT_TRANSLATE_NOOP("OutboxModel", "Cancelled: will not be sent"),
}
RETRYABLE = ("pending", "failed", "cancelled")
CANCELLABLE = ("pending", "failed", "uncertain")


@dataclass(frozen=True)
class JobRow:
    """One job as the table shows it (plain data, made in a worker)."""

    id: int
    where: str  # the channel and the account
    account: str
    update: str  # the incident's title and the update's id
    state: str
    attempts: int
    next_try: datetime | None
    problem: str
    link: str
    tried_at: datetime | None
    update_id: int | None

    @property
    def state_words(self) -> str:
        return str(STATE_WORDS.get(self.state, self.state))


def job_row(job: Job, channels: dict[str, str]) -> JobRow:
    from composer.publishers.service import uncertain_words  # noqa: PLC0415

    channel = str(job.post.get("channel", ""))
    title = str(job.post.get("title") or "") or f"Incident {job.incident_key}"
    update = f"{title} · update {job.update_id}" if job.update_id is not None else title
    if job.state == "uncertain":
        problem = uncertain_words(job)
    elif job.state == "sent":
        problem = "Marked as sent by hand" if job.receipt.get("meta", {}).get("marked_sent_by_hand") else ""
    elif job.state == "cancelled":
        problem = ""
    else:
        problem = job.last_error
    waiting = job.state == "pending" or (job.state == "uncertain" and job.next_attempt is not None)
    return JobRow(
        id=job.id,
        where=f"{channels.get(channel, channel)} · {job.account}",
        account=job.account,
        update=update,
        state=job.state,
        attempts=job.attempts,
        next_try=(job.next_attempt or utc_now()) if waiting else None,
        problem=problem,
        link=post_link(dict(job.receipt)) if job.state == "sent" else "",
        tried_at=job.attempted_at,
        update_id=job.update_id,
    )


def translated_state(row: JobRow) -> str:
    return QCoreApplication.translate("OutboxModel", row.state_words)


def local_time(moment: datetime | None) -> str:
    """10:42 today, else 2024-05-02 10:42 (local time)."""
    if moment is None:
        return ""
    local = moment.astimezone()
    return (
        local.strftime("%H:%M")
        if local.date() == datetime.now().astimezone().date()
        else local.strftime("%Y-%m-%d %H:%M")
    )


class OutboxModel(RowsModel["JobRow"]):
    """Jobs as rows, newest first."""

    HEADERS = (
        QT_TRANSLATE_NOOP("OutboxModel", "Where"),
        QT_TRANSLATE_NOOP("OutboxModel", "Update"),
        QT_TRANSLATE_NOOP("OutboxModel", "State"),
        QT_TRANSLATE_NOOP("OutboxModel", "Tries"),
        QT_TRANSLATE_NOOP("OutboxModel", "Next try"),
        QT_TRANSLATE_NOOP("OutboxModel", "Problem"),
        QT_TRANSLATE_NOOP("OutboxModel", "Link"),
    )
    LINK = 6

    def set_rows(self, rows: list[JobRow]) -> None:
        super().set_rows(sorted(rows, key=lambda row: row.id, reverse=True))

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row, column = self.rows[index.row()], index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return self._text(row, column, tip=role == Qt.ItemDataRole.ToolTipRole)
        if column == self.LINK and row.link:
            if role == Qt.ItemDataRole.ForegroundRole:
                return QPalette().color(QPalette.ColorRole.Link)
            if role == Qt.ItemDataRole.FontRole:
                font = QFont()
                font.setUnderline(True)
                return font
        if role == Qt.ItemDataRole.TextAlignmentRole and column == 3:
            return int(Qt.AlignmentFlag.AlignCenter)
        return None

    def _text(self, row: JobRow, column: int, *, tip: bool) -> str:
        if column == 0:
            return row.where
        if column == 1:
            return row.update
        if column == 2:
            return translated_state(row)
        if column == 3:
            return str(row.attempts)
        if column == 4:
            return local_time(row.next_try)
        if column == 5:
            return row.problem
        if tip and row.link:
            return self.tr("Double-click to open %1").replace("%1", row.link)
        return row.link


class OutboxDialog(QDialog):
    """Every job, and the user's say over each."""

    due_now = Signal()  # a job is due now (Retry, Send anyway): the background sender sends it
    published = Signal()  # a job was marked as sent: it is in its update's history

    def __init__(
        self,
        context: AppContext,
        publishers: dict[str, Publisher],
        runner: TaskRunner,
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Outbox"))
        self.setObjectName("outboxDialog")
        self.resize(1120, 480)
        self.prompter = context.prompter
        self.runner = runner
        self.services = ServiceMaker(context, publishers)
        self._service = self.services.round()
        self._channels = {key: publisher.display_name for key, publisher in publishers.items()}
        self._busy = 0  # tasks in flight
        self._loading = False
        self._reload = False
        self.loads = 0  # finished loads (tests wait on it)
        self._closing = False

        intro = QLabel(
            self.tr(
                "Everything the app was asked to send, newest first. Waiting posts go out on their own "
                "when their server answers; failed and uncertain ones need you."
            )
        )
        intro.setWordWrap(True)
        self.model = OutboxModel(self)
        self.table = QTableView()
        self.table.setObjectName("outboxTable")
        self.table.setAccessibleName(self.tr("Posts"))
        self.table.setTabKeyNavigation(False)  # Tab leaves the table; the arrows move in it
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setWordWrap(False)  # one line a job; the selected one is told in full below
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        mode = QHeaderView.ResizeMode
        for column, (how, width) in enumerate(
            (
                (mode.Interactive, 200),
                (mode.Interactive, 240),
                (mode.ResizeToContents, 0),
                (mode.ResizeToContents, 0),
                (mode.ResizeToContents, 0),
                (mode.Stretch, 0),
                (mode.Interactive, 160),
            )
        ):
            header.setSectionResizeMode(column, how)
            if width:
                header.resizeSection(column, width)
        self.table.doubleClicked.connect(self._double_clicked)
        self.table.selectionModel().selectionChanged.connect(self._refresh_buttons)
        self.detail = QLabel()
        self.detail.setObjectName("outboxDetail")
        self.detail.setWordWrap(True)
        self.detail.setTextFormat(Qt.TextFormat.RichText)
        self.detail.setTextInteractionFlags(Qt.TextInteractionFlag.TextBrowserInteraction)
        self.detail.setOpenExternalLinks(False)  # mid: links too, through the desktop's handlers
        self.detail.linkActivated.connect(lambda _url: self.open_selected())
        self.empty = QLabel(self.tr("The outbox is empty: nothing was published or queued yet."))
        self.empty.setVisible(False)

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        role = QDialogButtonBox.ButtonRole.ActionRole
        self.retry_button = self.buttons.addButton(self.tr("&Retry"), role)
        self.cancel_button = self.buttons.addButton(self.tr("&Cancel sending"), role)
        self.mark_sent_button = self.buttons.addButton(self.tr("&Mark as sent by hand"), role)
        self.send_anyway_button = self.buttons.addButton(self.tr("Send &anyway"), role)
        self.open_button = self.buttons.addButton(self.tr("&Open link"), role)
        self.retry_button.setToolTip(self.tr("Send a waiting, failed or cancelled post at once"))
        self.cancel_button.setToolTip(self.tr("Do not send this post"))
        self.mark_sent_button.setToolTip(self.tr("It did go out (you checked): never send it again"))
        self.send_anyway_button.setToolTip(self.tr("It did not go out (you checked): send it again"))
        self.retry_button.clicked.connect(self.retry_selected)
        self.cancel_button.clicked.connect(self.cancel_selected)
        self.mark_sent_button.clicked.connect(self.mark_sent_selected)
        self.send_anyway_button.clicked.connect(self.send_anyway_selected)
        self.open_button.clicked.connect(self.open_selected)
        self.buttons.rejected.connect(self.reject)
        self.finished.connect(lambda _code: self._close_service())

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.empty)
        layout.addWidget(self.detail)
        layout.addWidget(self.buttons)
        self._refresh_buttons()
        self.refresh()

    # -- reading -----------------------------------------------------------------

    def refresh(self) -> None:
        """Read every job again (in a worker); the selection stays on its job."""
        if self._closing or self.runner.closed:
            return
        if self._loading:
            self._reload = True
            return
        self._loading = True
        service, channels = self._service, dict(self._channels)

        def load(_report: Callable[..., None], _cancel: threading.Event) -> list[JobRow]:
            jobs = service().outbox_call(lambda outbox: outbox.jobs())
            return [job_row(job, channels) for job in jobs]

        self._start(load, self._loaded, self._load_failed)

    def _loaded(self, rows: list[JobRow]) -> None:
        self._loading = False
        self.loads += 1
        chosen = self.selected()
        self.model.set_rows(rows)
        self.empty.setVisible(not rows)
        if chosen is None or not self.select_job(chosen.id):
            self.table.selectRow(0)  # the newest: told in full below the table
        self._refresh_buttons()
        if self._reload:
            self._reload = False
            self.refresh()

    def _load_failed(self, error: Exception) -> None:
        self._loading = False
        self.loads += 1
        self.prompter.warn(self.tr("Outbox"), self.tr("Could not read the outbox (%1).").replace("%1", str(error)))

    def selected(self) -> JobRow | None:
        rows = self.table.selectionModel().selectedRows() if self.table.selectionModel() else []
        return self.model.rows[rows[0].row()] if rows else None

    def select_job(self, job_id: int) -> bool:
        for number, row in enumerate(self.model.rows):
            if row.id == job_id:
                self.table.selectRow(number)
                return True
        return False

    def _refresh_buttons(self) -> None:
        """The buttons that apply to the selected job, and the whole of what is known about it."""
        row = self.selected()
        state = row.state if row is not None else ""
        self.detail.setText(self._detail(row) if row is not None else "")
        self.retry_button.setEnabled(state in RETRYABLE)
        self.cancel_button.setEnabled(state in CANCELLABLE)
        self.mark_sent_button.setEnabled(state == "uncertain")
        self.send_anyway_button.setEnabled(state == "uncertain")
        self.open_button.setEnabled(bool(row and row.link))

    # -- acting ------------------------------------------------------------------

    def retry_selected(self) -> None:
        row = self.selected()
        if row is not None:
            self._act(self.tr("Retry"), row, lambda outbox: outbox.retry(row.id), due=True)

    def cancel_selected(self) -> None:
        row = self.selected()
        if row is not None:
            self._act(self.tr("Cancel sending"), row, lambda outbox: outbox.cancel(row.id))

    def mark_sent_selected(self) -> None:
        row = self.selected()
        if row is None:
            return
        title = self.tr("Mark as sent by hand")
        question = self.tr(
            "Only if you have checked that it went out: the post to %1 was tried at %2. "
            "It will never be sent again. Mark it as sent?"
        )
        if self.prompter.confirm(title, question.replace("%1", row.account).replace("%2", self._tried(row))):
            self._act(title, row, lambda outbox: outbox.resolve(row.id, sent=True), record=True)

    def send_anyway_selected(self) -> None:
        row = self.selected()
        if row is None:
            return
        title = self.tr("Send anyway")
        question = self.tr(
            "The post to %1 may already have gone out at %2; if it did, people get it twice. Send it anyway?"
        )
        if self.prompter.confirm(title, question.replace("%1", row.account).replace("%2", self._tried(row))):
            self._act(title, row, lambda outbox: outbox.resolve(row.id, sent=False), due=True)

    def open_selected(self) -> None:
        from composer.ui.publish_dialog import open_link  # noqa: PLC0415

        row = self.selected()
        if row is not None and row.link:
            open_link(row.link)

    def _double_clicked(self, index: QModelIndex) -> None:
        if index.isValid() and self.model.rows[index.row()].link:
            self.open_selected()

    def _detail(self, row: JobRow) -> str:
        lines = [f"<b>{escape(row.where)}</b> — {escape(row.update)}: {escape(translated_state(row))}"]
        if row.problem:
            lines.append(escape(row.problem))
        if row.link:
            lines.append(f'<a href="{escape(row.link)}">{escape(row.link)}</a>')
        return "<br>".join(lines)

    def _tried(self, row: JobRow) -> str:
        return local_time(row.tried_at) or self.tr("an unknown time")

    def _act(
        self, title: str, row: JobRow, action: Callable[[Outbox], Job], *, due: bool = False, record: bool = False
    ) -> None:
        """`action` on the outbox in a worker; an action that does not apply is said in one line."""
        from composer.core.outbox import OutboxError  # noqa: PLC0415

        service = self._service

        def work(_report: Callable[..., None], _cancel: threading.Event) -> str:
            try:
                service().outbox_call(action)
            except OutboxError as error:
                return str(error)
            return ""  # a job marked sent is in its update's history: the outbox records it

        self._start(work, partial(self._acted, title, due=due, record=record), partial(self._act_failed, title))

    def _acted(self, title: str, problem: str, *, due: bool, record: bool) -> None:
        if problem:
            self.prompter.warn(title, " ".join(problem.split()))
        else:
            if due:
                self.due_now.emit()
            if record:
                self.published.emit()
        self.refresh()

    def _act_failed(self, title: str, error: Exception) -> None:
        self.prompter.warn(
            title, self.tr("Unexpected error (%1); nothing was changed.").replace("%1", type(error).__name__)
        )
        self.refresh()

    # -- tasks and closing -------------------------------------------------------

    def _start(
        self, work: Callable[..., Any], done: Callable[[Any], None], failed: Callable[[Exception], None]
    ) -> None:
        if self.runner.closed:
            return
        self._busy += 1

        def finish(callback: Callable[[Any], None], value: Any) -> None:
            self._busy -= 1
            if not self._closing:
                callback(value)
            elif not self._busy:
                self.services.close()
                self.deleteLater()

        self.runner.run(work, name="outbox view", done=partial(finish, done), failed=partial(finish, failed))

    def _close_service(self) -> None:
        """Closed: release the outbox's connection, and the dialog, once no worker uses them."""
        self._closing = True
        if not self._busy or self.runner.closed:
            self.services.close()
            self.deleteLater()
