# SPDX-License-Identifier: GPL-3.0-or-later
"""Sending every customer their message from the window: the account, the rate, the progress,
Pause/Resume and Stop.

Threads: the run is `send_messages` in one of the task runner's workers, with the plan made
there too (rendering ten thousand messages takes a second) and a store and a publishing service
of its own (`ServiceMaker`, as the Publish window sends). The buttons reach the worker only
through a `RunControl`; the window closing cancels the task, which stops the run even while it
is paused. Progress comes back as `(fraction, text, counts)`; nothing here touches a widget
from the worker.

A run stopped, crashed or cut off is made again with Send: `send_messages` skips whoever already
got their message (their outbox job is sent), and leaves a message that may or may not have gone
out to the user in File → Outbox….
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

if TYPE_CHECKING:
    from composer.app import AppContext
    from composer.core.outreach.messages import Plan
    from composer.core.outreach.run import Reached, RunControl, RunResult
    from composer.ui.publishing_context import ServiceMaker
    from composer.ui.task_runner import Task

DEFAULT_RATE = 30  # messages a minute, as `outreach send` (composer.core.outreach.run.DEFAULT_RATE)
MAX_RATE = 60_000
COUNTED = ("contacted", "already", "failed", "not-sent", "uncertain", "skipped", "cancelled")
MakePlan = Callable[[str], "Plan"]  # the account's name -> the plan (runs in the worker)


def stop_when_cancelled(cancel: threading.Event, control: RunControl, over: threading.Event) -> None:
    """Until `over`: the task cancelled (the window closing) stops the run, a paused one too."""
    while not over.wait(0.1):
        if cancel.is_set():
            control.stop()
            return


def send_work(
    make_plan: MakePlan, account: str, *, per_minute: int, control: RunControl, maker: ServiceMaker, by: str
) -> Callable[[Callable[..., None], threading.Event], tuple[Plan, RunResult]]:
    """The worker's function: plan, then send through the outbox; reports (fraction, text, counts)."""
    service_for = maker.round()  # here, on the UI thread: it picks where the secrets are

    def work(report: Callable[..., None], cancel: threading.Event) -> tuple[Plan, RunResult]:
        from composer.core.outreach.run import Throttle, send_messages  # noqa: PLC0415
        from composer.publishers.outreach import deliverer  # noqa: PLC0415

        over = threading.Event()
        threading.Thread(
            target=stop_when_cancelled, args=(cancel, control, over), name="outreach-cancel", daemon=True
        ).start()
        try:
            plan = make_plan(account)
            counts: dict[str, int] = {}

            def each(reached: Reached) -> None:
                counts[reached.state] = counts.get(reached.state, 0) + 1

            report(0.0, "", dict(counts))
            result = send_messages(
                maker.outbox_store(),
                plan,
                deliverer(service_for()),
                throttle=Throttle(per_minute),
                control=control,
                report=lambda fraction, text: report(fraction, text, dict(counts)),
                by=by,
                each=each,
            )
        finally:
            over.set()
        return plan, result

    return work


class SendPage(QWidget):
    """Step 3: from which account, how fast, and the run itself."""

    started = Signal()
    progressed = Signal()  # a customer's outcome came in (the tracking table may read again)
    ended = Signal()  # the run is over (done, stopped or failed)

    def __init__(self, context: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.context = context
        self.control: RunControl | None = None
        self.task: Task | None = None
        self.result: RunResult | None = None
        self._maker: ServiceMaker | None = None

        self.account = QComboBox()
        self.account.setObjectName("outreachAccount")
        self.rate = QSpinBox()
        self.rate.setObjectName("outreachRate")
        self.rate.setRange(1, MAX_RATE)
        self.rate.setValue(DEFAULT_RATE)
        self.rate.setSuffix(self.tr(" messages a minute"))
        self.rate.setToolTip(self.tr("Evenly spaced, so the mail server does not turn the run away"))
        self.no_account = QLabel(
            self.tr(
                "No account can send a personal message yet: add an email account in Edit → Accounts…, "
                "then open this window again."
            )
        )
        self.no_account.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("From the &account:"), self.account)
        form.addRow(self.tr("At &most:"), self.rate)

        self.summary = QLabel()
        self.summary.setObjectName("sendSummary")
        self.summary.setWordWrap(True)
        self.send = QPushButton(self.tr("&Send to every customer"))
        self.send.setObjectName("sendOutreach")
        self.pause = QPushButton(self.tr("&Pause"))
        self.stop = QPushButton(self.tr("S&top"))
        self.pause.clicked.connect(self.toggle_pause)
        self.stop.clicked.connect(self.stop_run)
        buttons = QHBoxLayout()
        buttons.addWidget(self.send)
        buttons.addWidget(self.pause)
        buttons.addWidget(self.stop)
        buttons.addStretch(1)
        self.progress = QProgressBar()
        self.progress.setObjectName("outreachProgress")
        self.progress.setRange(0, 1000)
        self.progress.setValue(0)
        self.progress.setFormat("%p%")
        self.counts = QLabel()
        self.counts.setObjectName("sendCounts")
        self.counts.setWordWrap(True)
        resumable = QLabel(
            self.tr(
                "Each customer gets their message once. Stopped, closed, crashed or cut off from the network: "
                "Send again, and whoever already got their message is skipped. A message that may or may not "
                "have gone out is never sent again on its own: it waits for you in File → Outbox…."
            )
        )
        resumable.setWordWrap(True)
        resumable.setStyleSheet("color: palette(placeholder-text);")

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.no_account)
        layout.addWidget(self.summary)
        layout.addLayout(buttons)
        layout.addWidget(self.progress)
        layout.addWidget(self.counts)
        layout.addStretch(1)
        layout.addWidget(resumable)
        self._enable(can_send=False)

    @property
    def running(self) -> bool:
        return self.task is not None

    def set_accounts(self, names: list[str]) -> None:
        chosen = self.account.currentText()
        self.account.clear()
        self.account.addItems(names)
        if chosen in names:
            self.account.setCurrentText(chosen)
        self.no_account.setVisible(not names)

    def set_summary(self, text: str, *, can_send: bool) -> None:
        self.summary.setText(text)
        self._enable(can_send=can_send)

    def _enable(self, *, can_send: bool) -> None:
        running = self.running
        self.send.setEnabled(can_send and not running and self.account.count() > 0)
        self.account.setEnabled(not running)
        self.rate.setEnabled(not running)
        self.pause.setEnabled(running)
        self.stop.setEnabled(running)
        self._can_send = can_send

    # -- the run -------------------------------------------------------------------

    def start(self, make_plan: MakePlan, by: str) -> bool:
        """Send from the chosen account; False when it cannot (said to the user)."""
        from composer.core.outreach.run import RunControl  # noqa: PLC0415
        from composer.publishers.accounts import load_accounts  # noqa: PLC0415
        from composer.publishers.outreach import OutreachAccountError, outreach_account  # noqa: PLC0415
        from composer.ui.publishing_context import ServiceMaker  # noqa: PLC0415

        if self.running:
            return False
        name = self.account.currentText()
        publishers = {k: e.publisher for k, e in self.context.publishers().items() if e.publisher is not None}
        try:
            outreach_account(name, load_accounts(self.context.store), publishers)
        except OutreachAccountError as error:
            self.context.prompter.warn(self.tr("Reach customers"), str(error))
            return False
        self.control = RunControl()
        self._maker = ServiceMaker(self.context, publishers)
        self.result = None
        self.progress.setValue(0)
        self.counts.setText(self.tr("Starting…"))
        self.pause.setText(self.tr("&Pause"))
        work = send_work(make_plan, name, per_minute=self.rate.value(), control=self.control, maker=self._maker, by=by)
        self.task = self.context.runner().run(
            work, done=self._done, failed=self._failed, progress=self._progress, name="outreach"
        )
        self._enable(can_send=self._can_send)
        self.started.emit()
        return True

    def toggle_pause(self) -> None:
        if self.control is None or not self.running:
            return
        if self.control.paused:
            self.control.resume()
            self.pause.setText(self.tr("&Pause"))
            self.counts.setText(self.tr("Going on…"))
        else:
            self.control.pause()
            self.pause.setText(self.tr("&Resume"))
            self.counts.setText(
                self.tr("Paused: a message being sent finishes, then nothing goes out until you resume.")
            )

    def stop_run(self) -> None:
        if self.control is not None and self.running:
            self.control.stop()
            self.pause.setEnabled(False)
            self.counts.setText(self.tr("Stopping after the message being sent…"))

    @property
    def paused(self) -> bool:
        return self.control is not None and self.control.paused

    def _progress(self, fraction: float, _text: str, counts: dict[str, int]) -> None:
        self.progress.setValue(round(fraction * 1000))
        if not self.paused:
            self.counts.setText(self.counts_text(counts))
        self.progressed.emit()

    def counts_text(self, counts: dict[str, int]) -> str:
        words = {
            "contacted": self.tr("sent"),
            "already": self.tr("already sent earlier"),
            "failed": self.tr("failed"),
            "not-sent": self.tr("not sent"),
            "uncertain": self.tr("uncertain (see File → Outbox…)"),
            "skipped": self.tr("without a message (a field missing)"),
            "cancelled": self.tr("cancelled in the outbox"),
        }
        parts = [f"{counts[state]} {words[state]}" for state in COUNTED if counts.get(state)]
        return ", ".join(parts) if parts else self.tr("Nothing sent yet.")

    def _done(self, value: tuple[Plan, RunResult]) -> None:
        plan, result = value
        self._finish()
        self.result = result
        counts = {state: result.count(state) for state in COUNTED}
        text = self.counts_text(counts) + "."
        if result.stopped:
            text += " " + self.tr("Stopped before the end: Send again to go on; whoever got their message is skipped.")
        else:
            self.progress.setValue(self.progress.maximum())
        if plan.rows_left_out:
            text += " " + self.tr("Rows of the list left out (step 1): %1.").replace("%1", str(len(plan.rows_left_out)))
        self.counts.setText(text)
        self.ended.emit()

    def _failed(self, error: Exception) -> None:
        self._finish()
        self.counts.setText(
            self.tr("The run stopped: %1. Send again to go on; whoever got their message is skipped.").replace(
                "%1", str(error) or type(error).__name__
            )
        )
        self.ended.emit()

    def _finish(self) -> None:
        self.task = None
        self.control = None
        if self._maker is not None:
            self._maker.close()
            self._maker = None
        self.pause.setText(self.tr("&Pause"))
        self._enable(can_send=self._can_send)
