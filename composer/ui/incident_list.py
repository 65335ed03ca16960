# SPDX-License-Identifier: GPL-3.0-or-later
"""The left pane: incidents (open ones first, then closed ones by month) and the updates of the selected one."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QTimer, Signal
from PySide6.QtWidgets import (
    QLabel,
    QListView,
    QListWidget,
    QListWidgetItem,
    QStyledItemDelegate,
    QVBoxLayout,
    QWidget,
)

from composer.core.model import Incident, Update, utc_now
from composer.ui.clock import format_duration
from composer.ui.incident_model import FOREGROUND_ROLE, OPEN, IncidentModel, RowTexts
from composer.ui.vocabulary import severity_text, status_text

if TYPE_CHECKING:
    from collections.abc import Callable

    from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QSize
    from PySide6.QtGui import QColor, QPalette
    from PySide6.QtWidgets import QStyleOptionViewItem

    from composer.core.listing import IncidentSummary
    from composer.ui.incident_filter import IncidentFilter

AGE_TICK_MS = 30_000  # the ages ("4 min") are repainted at least this often
AGE_MARGIN_MS = 100  # ... and just after a shown age changes, so they move with the status bar's


def alert_color(palette: QPalette) -> QColor:
    """A red that reads on both light and dark palettes."""
    # Imported here: a Qt class first used costs startup time, and alerts are rare.
    from PySide6.QtGui import QColor, QPalette  # noqa: PLC0415

    dark = palette.color(QPalette.ColorRole.Window).lightness() < 128
    return QColor("#ff6b6b") if dark else QColor("#c62828")


def ms_to_next_age(age: timedelta) -> int:
    """How long until `format_duration(age)` reads differently: '45 s' moves each second, '12 min'
    and '3 h 05 min' each minute, '2 d 4 h' each hour (the same clock the status bar reads)."""
    ms = int(age.total_seconds() * 1000)
    size = abs(ms)
    unit = 1000 if size < 60_000 else 60_000 if size < 48 * 3_600_000 else 3_600_000
    if ms >= 0:
        return unit - ms % unit
    return size % unit  # counting down to a start in the future: the value shown shrinks


MONTHS = (  # a closed month's heading: the month and its year (%1)
    QT_TRANSLATE_NOOP("IncidentList", "January %1"),
    QT_TRANSLATE_NOOP("IncidentList", "February %1"),
    QT_TRANSLATE_NOOP("IncidentList", "March %1"),
    QT_TRANSLATE_NOOP("IncidentList", "April %1"),
    QT_TRANSLATE_NOOP("IncidentList", "May %1"),
    QT_TRANSLATE_NOOP("IncidentList", "June %1"),
    QT_TRANSLATE_NOOP("IncidentList", "July %1"),
    QT_TRANSLATE_NOOP("IncidentList", "August %1"),
    QT_TRANSLATE_NOOP("IncidentList", "September %1"),
    QT_TRANSLATE_NOOP("IncidentList", "October %1"),
    QT_TRANSLATE_NOOP("IncidentList", "November %1"),
    QT_TRANSLATE_NOOP("IncidentList", "December %1"),
)


class FitWidth(QStyledItemDelegate):
    """Rows as wide as the list and no wider: a long row is elided (the views' default elide mode,
    right) instead of making a horizontal scroll bar and being cut at the pane's edge; its whole text
    is in its tooltip. Only the height is measured (the incidents' once: uniform item sizes)."""

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> QSize:
        hint = super().sizeHint(option, index)
        hint.setWidth(0)
        return hint


class ListTexts(RowTexts):
    """How the list's rows read, in the widget's language and palette."""

    def __init__(self, widget: QWidget):
        self.widget = widget

    def now(self) -> datetime:
        return utc_now()

    def header(self, group: tuple[int, int, int], count: int) -> str:
        # English has no catalogue: one of a count is its own message ("1 incident").
        if group == OPEN:
            many = (
                QCoreApplication.translate("IncidentList", "1 incident")
                if count == 1
                else IncidentList.tr("%n incidents", "", count)  # type: ignore[arg-type]  # the class: lupdate's context
            )
            return QCoreApplication.translate("IncidentList", "Open") + "\n" + many
        month = QCoreApplication.translate("IncidentList", str(MONTHS[group[2] - 1])).replace("%1", str(group[1]))
        closed = (
            QCoreApplication.translate("IncidentList", "1 closed")
            if count == 1
            else IncidentList.tr("%n closed", "", count)  # type: ignore[arg-type]  # the class: lupdate's context
        )
        return f"{month}\n{closed}"

    def incident(self, incident: Incident, now: datetime, *, overdue: bool = False) -> str:
        title = incident.title or QCoreApplication.translate("IncidentList", "Untitled incident")
        if incident.status.is_closed:  # no running age: the day it started
            when = incident.started_at.astimezone().strftime("%Y-%m-%d")
        else:
            when = format_duration(now - incident.started_at)
        line = f"{status_text(incident.status)} · {severity_text(incident.severity).lower()} · {when}"
        if overdue:  # first on its line: the list may cut the end of a long one
            line = QCoreApplication.translate("IncidentList", "⚠ Update overdue") + " · " + line
        return f"{title}\n{line}"

    def alert_color(self) -> QColor:
        return alert_color(self.widget.palette())

    def overdue_tip(self) -> str:
        return QCoreApplication.translate("IncidentList", "The promised next update is overdue")


class IncidentList(QWidget):
    incident_selected = Signal(int)
    update_selected = Signal(int)
    incidents_shown = Signal(int)  # the list was filled: how many incidents there are (filtered or not)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.model = IncidentModel(ListTexts(self), self)
        self.incidents = QListView()
        self.incidents.setObjectName("incidentList")
        self.incidents.setAlternatingRowColors(True)
        self.incidents.setUniformItemSizes(True)  # rows are never all measured: a year of them costs nothing
        self.incidents.setModel(self.model)
        self.updates = QListWidget()
        self.updates.setObjectName("updateList")
        fit = FitWidth(self)
        for view in (self.incidents, self.updates):
            view.setItemDelegate(fit)
        incidents_label = QLabel(self.tr("&Incidents"))
        incidents_label.setBuddy(self.incidents)
        self.filter: IncidentFilter | None = None  # made after the first paint: add_filter()
        updates_label = QLabel(self.tr("U&pdates"))
        updates_label.setBuddy(self.updates)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(incidents_label)
        layout.addWidget(self.incidents, 3)
        layout.addWidget(updates_label)
        layout.addWidget(self.updates, 2)
        self._update_ids: list[int] = []
        # Repaints the open incidents' ages. It restarts itself for the next moment a shown age
        # changes (at most AGE_TICK_MS away): tests drive it by patching utc_now and calling tick_ages().
        self.age_timer = QTimer(self)
        self.age_timer.setInterval(AGE_TICK_MS)
        self.age_timer.timeout.connect(self.tick_ages)
        self.age_timer.start()
        self.incidents.selectionModel().currentRowChanged.connect(self._on_incident)
        self.updates.currentRowChanged.connect(self._on_update)

    def current_incident_id(self) -> int | None:
        found = self.model.incident_at(self.incidents.currentIndex().row())
        return found.incident_id if found is not None else None

    def show_summaries(self, summaries: list[IncidentSummary], select: int | None, *, ordered: bool = False) -> None:
        """Fill the list (`ordered`: in the list's order already, as the store gives them); `select`
        is selected without a signal: the caller shows it."""
        selection = self.incidents.selectionModel()
        selection.blockSignals(True)
        self.model.set_summaries(summaries, ordered=ordered)
        self._select_quietly(select)
        selection.blockSignals(False)
        self._schedule_tick(utc_now())
        self.incidents_shown.emit(self.model.total())

    def show_all(self, summaries: list[IncidentSummary]) -> None:
        """Every incident, in the store's order, the selection kept (after a first screenful)."""
        self.show_summaries(summaries, self.current_incident_id(), ordered=True)

    def incident_count(self) -> int:
        return self.model.total()

    def first_incident_id(self) -> int | None:
        row = self.model.nearest_incident_row(0, 1)
        found = self.model.incident_at(row) if row is not None else None
        return found.incident_id if found is not None else None

    def put(self, summary: IncidentSummary, *, select: bool = False) -> None:
        """One incident as it is now (new, imported, changed), leaving every other row as it was."""
        keep = summary.incident_id if select else self.current_incident_id()
        selection = self.incidents.selectionModel()
        selection.blockSignals(True)
        self.model.put(summary)
        self._select_quietly(keep)
        selection.blockSignals(False)
        self._schedule_tick(utc_now())
        self.incidents_shown.emit(self.model.total())

    def refresh_incident(self, incident: Incident) -> None:
        """The incident on screen, edited: its row shows the fields as typed."""
        summary = self.model.summary(incident.id or 0)
        if summary is not None:
            self.put(summary.with_incident(incident))

    def add_filter(self) -> IncidentFilter:
        """The filter row above the list, made once, after the first paint (its combo boxes cost
        start-up time the first frame does not need)."""
        if self.filter is None:
            from composer.ui.incident_filter import IncidentFilter  # noqa: PLC0415

            self.filter = IncidentFilter()
            self.filter.changed.connect(self._apply_filter)
            layout = self.layout()
            assert isinstance(layout, QVBoxLayout)
            layout.insertWidget(layout.indexOf(self.incidents), self.filter)
        return self.filter

    def tab_stops(self) -> list[QWidget]:
        """What Tab visits here, top to bottom (the filter, made last, comes first)."""
        return [*(self.filter.tab_stops() if self.filter is not None else []), self.incidents, self.updates]

    def open(self, incident_id: int, update_id: int | None = None) -> None:
        """Select an incident (clearing a filter that hides it) and one of its updates; the window
        follows through `incident_selected` and `update_selected`."""
        if self.model.row_of(incident_id) is None and self.filter is not None and self.filter.active:
            self.filter.clear()
        row = self.model.row_of(incident_id)
        if row is None:
            return
        index = self.model.index(row)
        self.incidents.setCurrentIndex(index)
        self.incidents.scrollTo(index)
        if update_id in self._update_ids:
            self.updates.setCurrentRow(self._update_ids.index(update_id))

    def _apply_filter(self, accepts: Callable[[IncidentSummary], bool] | None) -> None:
        keep = self.current_incident_id()
        selection = self.incidents.selectionModel()
        selection.blockSignals(True)
        self.model.set_filter(accepts)
        self._select_quietly(keep)  # still on screen: still selected (the editor never changes for a filter)
        selection.blockSignals(False)

    def incident_text(self, incident_id: int | None) -> str:
        """What the incident's row reads ('' when it is not shown)."""
        row = self.model.row_of(incident_id)
        return str(self.model.index(row).data()) if row is not None else ""

    def incident_foreground(self, incident_id: int | None) -> object:
        row = self.model.row_of(incident_id)
        return self.model.data(self.model.index(row), FOREGROUND_ROLE) if row is not None else None

    def tick_ages(self) -> None:
        """Repaint the open incidents' ages (their text is made when painted): no store query, nothing
        re-sorted. Then wait for the next moment one of them changes, so the ages move when the status
        bar's does."""
        now = utc_now()
        self.model.tick()
        self._schedule_tick(now)

    def _schedule_tick(self, now: datetime) -> None:
        wait = AGE_TICK_MS
        for row in self.model.open_rows():
            summary = self.model.incident_at(row)
            if summary is not None:
                wait = min(wait, ms_to_next_age(now - summary.incident.started_at) + AGE_MARGIN_MS)
        self.age_timer.start(wait)

    def select_quietly(self, incident_id: int | None) -> None:
        """Select the incident's row without saying `incident_selected`: the caller shows it."""
        selection = self.incidents.selectionModel()
        selection.blockSignals(True)
        self._select_quietly(incident_id)
        selection.blockSignals(False)

    def _select_quietly(self, incident_id: int | None) -> None:
        row = self.model.row_of(incident_id)
        if row is None:
            self.incidents.selectionModel().clear()
            return
        # No scrollTo: its hint argument makes Qt's enums before the first paint (~8 ms); the row
        # chosen here is the first, or one just put on screen.
        self.incidents.setCurrentIndex(self.model.index(row))

    def show_updates(self, updates: list[Update], select: int | None) -> None:
        """Fill the list and select `select` quietly: the caller shows that update itself."""
        self.updates.blockSignals(True)
        self.updates.clear()
        self._update_ids = [update.id or 0 for update in updates]
        for number, update in enumerate(updates, start=1):
            label = self.update_label(number, update)
            item = QListWidgetItem(label)
            item.setToolTip(label)  # the whole row, which a narrow list elides
            self.updates.addItem(item)
            if update.id == select:
                self.updates.setCurrentRow(number - 1)
        self.updates.blockSignals(False)

    def relabel_update(self, update: Update) -> None:
        if update.id in self._update_ids:
            row = self._update_ids.index(update.id)
            item, label = self.updates.item(row), self.update_label(row + 1, update)
            item.setText(label)
            item.setToolTip(label)

    def update_label(self, number: int, update: Update) -> str:
        when = update.created_at.astimezone().strftime("%H:%M")
        status = status_text(update.status)
        if update.publications:
            return (
                self.tr("#%1 %2 · %3 · published").replace("%1", str(number)).replace("%2", status).replace("%3", when)
            )
        return f"#{number} {status} · {when}"

    def _on_incident(self, current: QModelIndex, previous: QModelIndex) -> None:
        found = self.model.incident_at(current.row())
        if found is not None:
            self.incident_selected.emit(found.incident_id)
        elif current.isValid():  # a heading: on to the incident beyond it, the way the cursor moved
            # (no flags() override makes headings unselectable: it would load Qt's enums before the first paint)
            step = -1 if previous.isValid() and current.row() < previous.row() else 1
            target = self.model.nearest_incident_row(current.row(), step)
            if target is not None:
                self.incidents.setCurrentIndex(self.model.index(target))

    def _on_update(self, row: int) -> None:
        if 0 <= row < len(self._update_ids):
            self.update_selected.emit(self._update_ids[row])
