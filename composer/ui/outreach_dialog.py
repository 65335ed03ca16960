# SPDX-License-Identifier: GPL-3.0-or-later
"""File → Reach customers…: a personal message to every affected customer of one incident.

Four pages: 1. the list of customers (a CSV file, or rows pasted from a spreadsheet; rows left
out are listed with their lines and why), 2. the message (template, who signs, each field's
column, a live preview of the first customers' messages, who a missing field stops), 3. sending
(the account, the rate, progress, Pause/Resume, Stop), and who was reached (the tracking table,
also there when nothing is being sent).

Threads: reading the list and planning the whole run happen in the task runner's workers; only
the preview's first customers are rendered on the UI thread (a millisecond). The core does the
work (`composer.core.outreach`), as `incident-composer outreach` does.
"""

from __future__ import annotations

from collections.abc import Callable
from contextlib import suppress
from dataclasses import replace
from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QPlainTextEdit,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from composer.ui.accessibility import chain_tab_order
from composer.ui.outreach_mapping import NO_COLUMN, PREVIEWED, MappingPage
from composer.ui.outreach_send import SendPage
from composer.ui.outreach_table import CSV_FILTER, TrackingPage

if TYPE_CHECKING:
    from composer.app import AppContext
    from composer.core.model import Incident
    from composer.core.outreach import CustomerList
    from composer.core.outreach.messages import Plan
    from composer.core.templates import TemplateInfo, TemplateLibrary

LANGUAGES = ("en", "ca", "es")
PLAN_DELAY_MS = 250  # the whole run is planned again this long after the last change


class OutreachDialog(QDialog):
    """One incident's outreach: import, message, send, and who was reached."""

    LIST, MESSAGE, SEND, TRACKING = range(4)

    def __init__(
        self,
        context: AppContext,
        library: TemplateLibrary,
        incident: Incident,
        *,
        signer: str = "",
        language: str = "en",
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        self.context = context
        self.library = library
        self.incident = incident
        self.incident_id = incident.id or 0
        self.customers: CustomerList | None = None
        self.plan: Plan | None = None  # the whole run as last planned (for the counts)
        self._generation = 0  # a planning result older than the last change is dropped
        self._template_id = ""
        self._signature = ""
        self._shared: dict[str, object] = {}
        self.setWindowTitle(self.tr("Reach customers — %1").replace("%1", incident.title))
        self.setObjectName("outreachDialog")

        self.tabs = QTabWidget()
        self.tabs.addTab(self._list_page(), self.tr("&1 · Customers"))
        self.mapping = MappingPage()
        self.tabs.addTab(self.mapping, self.tr("&2 · Message"))
        self.sending = SendPage(context)
        self.tabs.addTab(self.sending, self.tr("&3 · Send"))
        self.tracking = TrackingPage(context.store, self.incident_id, context.prompter, self.actor)
        self.tabs.addTab(self.tracking, self.tr("&Who was reached"))
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)
        layout.addWidget(close)

        self._plan_timer = QTimer(self)
        self._plan_timer.setSingleShot(True)
        self._plan_timer.setInterval(PLAN_DELAY_MS)
        self._plan_timer.timeout.connect(self.plan_all)
        self._table_timer = QTimer(self)
        self._table_timer.setSingleShot(True)
        self._table_timer.setInterval(400)
        self._table_timer.timeout.connect(self.tracking.refresh)

        self.mapping.set_templates(self._templates(), f"apology-email-{language if language in LANGUAGES else 'en'}")
        signatures = [person.signature for person in context.store.people()]
        self.mapping.set_signers(signatures, signer if signer in signatures else "")
        self.mapping.changed.connect(self._message_changed)
        self.sending.set_accounts(self._accounts())
        self.sending.send.clicked.connect(self.send)
        self.sending.progressed.connect(self._table_soon)
        self.sending.ended.connect(self.tracking.refresh)
        self._message_changed()
        self.tabs.setCurrentIndex(self.TRACKING if self.tracking.model.rows else self.LIST)
        self.resize(1180, 760)

    # -- page 1: the list ------------------------------------------------------------

    def _list_page(self) -> QWidget:
        page = QWidget()
        intro = QLabel(
            self.tr(
                "The customers to write to: a CSV file (a header row; comma, semicolon or tab; UTF-8 or "
                "Windows-1252), or rows copied from a spreadsheet, the header row first. A column of "
                "addresses is needed; names, languages, phones and anything else are used when the "
                "template has a field for them."
            )
        )
        intro.setWordWrap(True)
        self.open_csv = QPushButton(self.tr("&Open a CSV file…"))
        self.open_csv.clicked.connect(self.choose_file)
        self.paste = QPlainTextEdit()
        self.paste.setObjectName("pastedCustomers")
        self.paste.setPlaceholderText(self.tr("…or paste the rows here (Name, Email, Language, Phone…)"))
        self.paste.setAccessibleName(self.tr("Pasted rows"))
        self.paste.setTabChangesFocus(True)  # pasted tabs stay; typed, Tab moves on (commas separate too)
        self.use_paste = QPushButton(self.tr("&Use the pasted rows"))
        self.use_paste.clicked.connect(self.read_paste)
        self.list_state = QLabel(self.tr("No list yet."))
        self.list_state.setObjectName("listState")
        self.list_state.setWordWrap(True)
        self.left_out = QListWidget()
        self.left_out.setObjectName("rowsLeftOut")
        self.left_out.setAccessibleName(self.tr("Rows left out"))
        self.next_step = QPushButton(self.tr("&Next: the message →"))
        self.next_step.setEnabled(False)
        self.next_step.clicked.connect(lambda: self.tabs.setCurrentIndex(self.MESSAGE))
        row = QHBoxLayout()
        row.addWidget(self.open_csv)
        row.addStretch(1)
        row.addWidget(self.use_paste)
        bottom = QHBoxLayout()
        bottom.addStretch(1)
        bottom.addWidget(self.next_step)
        layout = QVBoxLayout(page)
        layout.addWidget(intro)
        layout.addLayout(row)
        layout.addWidget(self.paste, 2)
        layout.addWidget(self.list_state)
        layout.addWidget(self.left_out, 1)
        layout.addLayout(bottom)
        return page

    def choose_file(self) -> None:
        path = self.context.prompter.open_file(self.tr("Customers to reach"), CSV_FILTER)
        if path is not None:
            self._read(lambda region: _read_file(path, region), path.name)

    def read_paste(self) -> None:
        text = self.paste.toPlainText()
        if text.strip():
            self._read(lambda region: _read_text(text, region), self.tr("the pasted rows"))

    def _read(self, read: Callable[[str], CustomerList], source: str) -> None:
        from composer.core.outreach.messages import organisation_region  # noqa: PLC0415

        region = organisation_region(self.context.store.organisation().phone)
        self.list_state.setText(self.tr("Reading %1…").replace("%1", source))
        self.open_csv.setEnabled(False)
        self.use_paste.setEnabled(False)
        self.context.runner().run(
            lambda _report, _cancel: read(region),
            done=lambda customers: self._list_read(customers, source),
            failed=self._list_failed,
            name="outreach-list",
        )

    def _list_read(self, customers: CustomerList, source: str) -> None:
        self.open_csv.setEnabled(True)
        self.use_paste.setEnabled(True)
        self.customers = customers
        separators = {",": self.tr("comma"), ";": self.tr("semicolon"), "\t": self.tr("tab")}
        how = separators.get(customers.delimiter, customers.delimiter)
        if customers.encoding:
            how = f"{customers.encoding.upper()}, {how}"
        left_out = [p for p in customers.problems if not p.kept]
        text = (
            self.tr("Customers read from %1 (%2): %3.")
            .replace("%1", source)
            .replace("%2", how)
            .replace("%3", str(len(customers.rows)))
        )
        if left_out:
            text += " " + self.tr("Rows left out: %1, listed below; fix them in the list and import it again.").replace(
                "%1", str(len(left_out))
            )
        self.list_state.setText(text)
        self.list_state.setStyleSheet("")
        self.left_out.clear()
        for problem in customers.problems:
            where = self.tr("line %1").replace("%1", str(problem.line))
            if problem.column:
                where += f", {problem.column}"
            what = self.tr("kept without it") if problem.kept else self.tr("left out")
            value = f" ({problem.value})" if problem.value else ""
            self.left_out.addItem(f"{where}: {what}: {problem.reason}{value}")
        self.next_step.setEnabled(bool(customers.rows))
        self._show_fields()
        self.refresh()

    def _list_failed(self, error: Exception) -> None:
        self.open_csv.setEnabled(True)
        self.use_paste.setEnabled(True)
        self.list_state.setText(self.tr("Could not import the list: %1").replace("%1", str(error)))
        self.list_state.setStyleSheet("color: #b3261e;")

    # -- page 2: the message ---------------------------------------------------------

    def _templates(self) -> list[TemplateInfo]:
        usable = [info for info in self.library.all() if info.channel == "email" and info.usable]
        return sorted(usable, key=lambda info: (info.stage != "apology", info.stage, info.language))

    def _message_changed(self) -> None:
        template_id, signature = self.mapping.template_id(), self.mapping.signature()
        if (template_id, signature) != (self._template_id, self._signature):
            self._template_id, self._signature = template_id, signature
            self._shared = self._shared_values(signature)
            self._show_fields()
        self.refresh()

    def _shared_values(self, signature: str) -> dict[str, object]:
        from composer.core.outreach.messages import shared_values  # noqa: PLC0415
        from composer.core.store import NotFound  # noqa: PLC0415
        from composer.ui.template_workflow import local_zone_name  # noqa: PLC0415

        store = self.context.store
        with suppress(NotFound):
            self.incident = store.incident(self.incident_id)  # as saved now
        return shared_values(
            self.incident, store.organisation(), store.people(), local_zone=local_zone_name(), signer=signature
        )

    def _show_fields(self) -> None:
        try:
            info = self.library.get(self._template_id)
        except KeyError:
            return
        self.mapping.show_fields(info, self.customers, self._shared)
        # The fields' rows are made anew: Tab takes them between the signer and the preview, as shown.
        page = self.mapping
        rows = [widget for row in page.rows.values() for widget in (row.column, row.everyone)]
        chain_tab_order([page.template, page.signer, *rows, page.preview, page.stopped])

    def make_plan(self, rows: int | None = None) -> Callable[[str], Plan]:
        """The plan's inputs as chosen now; the callable renders them (any thread) for an account."""
        from composer.core.outreach.messages import plan_messages  # noqa: PLC0415

        customers = self.customers
        if customers is None:
            raise ValueError("no list of customers yet")
        chosen = customers.rows if rows is None else customers.rows[:rows]
        listed = replace(customers, columns=(*customers.columns, NO_COLUMN), rows=chosen)
        shared = {**self._shared, **self.mapping.everyone()}
        explicit, template_id, library = self.mapping.explicit(), self._template_id, self.library
        incident_id, title = self.incident_id, self.incident.title

        def make(account: str) -> Plan:
            return plan_messages(
                listed,
                incident_id=incident_id,
                account=account,
                template_id=template_id,
                library=library,
                shared=shared,
                explicit=explicit,
                incident_title=title,
            )

        return make

    def refresh(self) -> None:
        """The preview now (its few customers), the whole run's plan a moment after the last change."""
        from composer.core.outreach.messages import PlanError  # noqa: PLC0415

        self._generation += 1
        if self.customers is None:
            self.mapping.show_preview([], [])
            self.mapping.show_stopped([], 0)
            self.sending.set_summary(self.tr("Import the list of customers first (step 1)."), can_send=False)
            return
        try:
            preview = self.make_plan(PREVIEWED)("")
        except PlanError as error:
            self.mapping.show_preview([], [], error=str(error))
        else:
            self.mapping.show_preview(preview.messages, preview.skipped)
        self._plan_timer.start()

    def plan_all(self) -> None:
        """Plan the whole run in a worker: who a missing field stops, and how many get a message."""
        if self.customers is None:
            return
        self._plan_timer.stop()
        generation = self._generation
        make = self.make_plan()
        self.context.runner().run(
            lambda _report, _cancel: make(""),
            done=lambda plan: self._planned(plan, generation),
            failed=lambda error: self._plan_failed(error, generation),
            name="outreach-plan",
        )

    def _planned(self, plan: Plan, generation: int) -> None:
        if generation != self._generation:
            return
        self.plan = plan
        total = len(plan.messages) + len(plan.skipped)
        self.mapping.show_stopped(plan.skipped, total)
        text = self.tr("Customers who will get their own message: %1").replace("%1", str(len(plan.messages)))
        if plan.skipped:
            text += self.tr("; with none, a field missing (step 2): %1").replace("%1", str(len(plan.skipped)))
        if plan.rows_left_out:
            text += self.tr("; rows of the list left out (step 1): %1").replace("%1", str(len(plan.rows_left_out)))
        self.sending.set_summary(text + ".", can_send=bool(plan.messages))

    def _plan_failed(self, error: Exception, generation: int) -> None:
        if generation == self._generation:
            self.plan = None
            self.sending.set_summary(str(error), can_send=False)

    # -- page 3 and the table ---------------------------------------------------------

    def _accounts(self) -> list[str]:
        from composer.publishers.accounts import load_accounts  # noqa: PLC0415
        from composer.publishers.base import sends_personal_messages  # noqa: PLC0415

        entries = self.context.publishers()
        names = []
        for name, account in sorted(load_accounts(self.context.store).items()):
            entry = entries.get(account.kind)
            if entry is not None and entry.publisher is not None and sends_personal_messages(entry.publisher):
                names.append(name)
        return names

    def actor(self) -> str:
        """Who is doing it: this computer's user, else who signs."""
        from composer.core.outreach import default_actor  # noqa: PLC0415

        return default_actor() or self._signature.partition(",")[0].strip()

    def send(self) -> bool:
        if self.customers is None or self.sending.running:
            return False
        from composer.core.outreach.messages import PlanError  # noqa: PLC0415

        try:
            self.make_plan(PREVIEWED)("")  # a broken template or mapping is said here, not in the worker
        except PlanError as error:
            self.context.prompter.warn(self.tr("Reach customers"), str(error))
            return False
        return self.sending.start(self.make_plan(), self.actor())

    def _table_soon(self) -> None:
        if not self._table_timer.isActive():
            self._table_timer.start()


def _read_file(path: object, region: str) -> CustomerList:
    from composer.core.outreach import read_customers_file  # noqa: PLC0415

    return read_customers_file(str(path), default_region=region)


def _read_text(text: str, region: str) -> CustomerList:
    from composer.core.outreach import read_customers_text  # noqa: PLC0415

    return read_customers_text(text, default_region=region)
