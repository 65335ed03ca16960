# SPDX-License-Identifier: GPL-3.0-or-later
"""The incident list's model: open incidents first, then closed ones grouped by month.

Rows are made lazily: the view asks only for the rows it paints, and a row's text is computed
when asked (`setUniformItemSizes` on the view: no size asked of every row), so a year of
incidents or ten costs one store query and a sort. One incident changing (a new one, an import,
a publication, a title typed) moves or repaints that row alone.
"""

from __future__ import annotations

import bisect
from datetime import datetime
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, QObject

from composer.core.listing import OPEN_GROUP, IncidentSummary
from composer.core.promises import PromiseState

if TYPE_CHECKING:
    from collections.abc import Callable

    from PySide6.QtCore import QPersistentModelIndex

    from composer.core.model import Incident

    Index = QModelIndex | QPersistentModelIndex

# Qt.ItemDataRole values as numbers: the enum namespace costs start-up time (see incident_list).
DISPLAY_ROLE, TOOLTIP_ROLE, FONT_ROLE, FOREGROUND_ROLE, ACCESSIBLE_ROLE = 0, 3, 6, 9, 11

OPEN = OPEN_GROUP


def sort_key(summary: IncidentSummary) -> tuple[tuple[int, int, int], datetime, int]:
    """Groups first (open, then months newest first), then newest start first; descending."""
    return (summary.group, summary.incident.started_at, summary.incident_id)


class Header:
    """A group's heading row: 'Open' or a month."""

    __slots__ = ("count", "group")

    def __init__(self, group: tuple[int, int, int], count: int):
        self.group = group
        self.count = count


Row = IncidentSummary | Header


class IncidentModel(QAbstractListModel):
    """Every incident the filter lets through, in groups; `texts` says how a row reads."""

    def __init__(self, texts: RowTexts, parent: QObject | None = None):
        super().__init__(parent)
        self.texts = texts
        self._all: dict[int, IncidentSummary] = {}
        self._rows: list[Row] = []
        self._row_of: dict[int, int] = {}
        self._accepts: Callable[[IncidentSummary], bool] | None = None
        self._bold: Any = None

    # -- what the view asks ----------------------------------------------------------------

    def rowCount(self, parent: Index | None = None) -> int:
        return 0 if parent is not None and parent.isValid() else len(self._rows)

    def data(self, index: Index, role: int = DISPLAY_ROLE) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        if isinstance(row, Header):
            if role in (DISPLAY_ROLE, ACCESSIBLE_ROLE, TOOLTIP_ROLE):
                return self.texts.header(row.group, row.count)
            if role == FONT_ROLE:
                return self._header_font()
            return None
        if role == FOREGROUND_ROLE:
            return self.texts.alert_color() if self._overdue(row) else None
        if role in (DISPLAY_ROLE, ACCESSIBLE_ROLE, TOOLTIP_ROLE):
            overdue = self._overdue(row)
            # Overdue is written in the row too: the red is never the only sign.
            text = self.texts.incident(row.incident, self.texts.now(), overdue=overdue)
            if role == TOOLTIP_ROLE:  # the whole row, which a narrow list elides
                return f"{text}\n{self.texts.overdue_tip()}" if overdue else text
            return text
        return None

    # -- what the list asks -----------------------------------------------------------------

    def incident_at(self, row: int) -> IncidentSummary | None:
        found = self._rows[row] if 0 <= row < len(self._rows) else None
        return found if isinstance(found, IncidentSummary) else None

    def nearest_incident_row(self, row: int, step: int) -> int | None:
        """The first incident row from `row` in the direction `step` (+1 down, -1 up), else the other way:
        headings are stepped over (they are rows only so that the view stays one flat, lazy list)."""
        for direction in (step, -step):
            probe = row
            while 0 <= probe < len(self._rows):
                if isinstance(self._rows[probe], IncidentSummary):
                    return probe
                probe += direction
        return None

    def row_of(self, incident_id: int | None) -> int | None:
        return self._row_of.get(incident_id or 0)

    def shown(self) -> list[IncidentSummary]:
        """The incidents shown, top to bottom."""
        return [row for row in self._rows if isinstance(row, IncidentSummary)]

    def total(self) -> int:
        """How many incidents there are, whatever the filter shows."""
        return len(self._all)

    def summary(self, incident_id: int) -> IncidentSummary | None:
        return self._all.get(incident_id)

    def open_rows(self) -> range:
        """The rows of open incidents (they show a moving age)."""
        if not self._rows or not isinstance(self._rows[0], Header) or self._rows[0].group != OPEN:
            return range(0)
        return range(1, 1 + self._rows[0].count)

    def tick(self) -> None:
        """The open incidents' ages moved: repaint those rows (their text is made when painted)."""
        rows = self.open_rows()
        if rows:
            self.dataChanged.emit(self.index(rows.start), self.index(rows.stop - 1), [DISPLAY_ROLE])

    # -- changes ------------------------------------------------------------------------------

    def set_summaries(self, summaries: list[IncidentSummary], *, ordered: bool = False) -> None:
        """Show these incidents; `ordered`: they come in the list's order already (the store's)."""
        self._all = {s.incident_id: s for s in summaries}
        self._rebuild(ordered)

    def set_filter(self, accepts: Callable[[IncidentSummary], bool] | None) -> None:
        self._accepts = accepts
        self._rebuild()

    def put(self, summary: IncidentSummary) -> None:
        """Show one incident as it is now (new, changed, moved to another group) touching only its rows."""
        incident_id = summary.incident_id
        old = self._all.get(incident_id)
        self._all[incident_id] = summary
        row = self._row_of.get(incident_id)
        if row is not None and old is not None and sort_key(old) == sort_key(summary):
            self._rows[row] = summary  # same place: repaint it
            self.dataChanged.emit(self.index(row), self.index(row))
            return
        if row is not None:
            self._remove_row(row)
        if self._accepts is None or self._accepts(summary):
            self._insert(summary)

    def drop(self, incident_id: int) -> None:
        self._all.pop(incident_id, None)
        row = self._row_of.get(incident_id)
        if row is not None:
            self._remove_row(row)

    def _rebuild(self, ordered: bool = False) -> None:
        shown = [s for s in self._all.values() if self._accepts is None or self._accepts(s)]
        if not ordered:
            shown.sort(key=sort_key, reverse=True)
        rows: list[Row] = []
        header: Header | None = None
        for summary in shown:
            group = summary.group
            if header is None or header.group != group:
                header = Header(group, 0)
                rows.append(header)
            header.count += 1
            rows.append(summary)
        self.beginResetModel()
        self._rows = rows
        self._reindex()
        self.endResetModel()

    def _reindex(self) -> None:
        """Where each incident's row is, after rows moved (a dict over the rows: ~1 ms at 10,000)."""
        self._row_of = {
            item.incident_id: row for row, item in enumerate(self._rows) if isinstance(item, IncidentSummary)
        }

    def _header_row(self, group: tuple[int, int, int]) -> int | None:
        """Where the group's heading is (headings are few: a bisect over them is not needed)."""
        for row, item in enumerate(self._rows):
            if isinstance(item, Header) and item.group == group:
                return row
        return None

    def _insert(self, summary: IncidentSummary) -> None:
        group = summary.group
        header_row = self._header_row(group)
        if header_row is None:
            # A new group: its heading goes before the first row of an older group.
            at = next(
                (r for r, item in enumerate(self._rows) if isinstance(item, Header) and item.group < group),
                len(self._rows),
            )
            self.beginInsertRows(QModelIndex(), at, at + 1)
            self._rows[at:at] = [Header(group, 1), summary]
            self.endInsertRows()
            self._reindex()
            return
        header = self._rows[header_row]
        assert isinstance(header, Header)
        members = self._rows[header_row + 1 : header_row + 1 + header.count]
        keys = [sort_key(m) for m in members if isinstance(m, IncidentSummary)]
        # Members are in descending order: bisect over the negated position.
        offset = len(keys) - bisect.bisect_left(keys[::-1], sort_key(summary))
        at = header_row + 1 + offset
        self.beginInsertRows(QModelIndex(), at, at)
        self._rows.insert(at, summary)
        header.count += 1
        self.endInsertRows()
        self.dataChanged.emit(self.index(header_row), self.index(header_row))
        self._reindex()

    def _remove_row(self, row: int) -> None:
        item = self._rows[row]
        assert isinstance(item, IncidentSummary)
        self._row_of.pop(item.incident_id, None)
        header_row = self._header_row(item.group)
        header = self._rows[header_row] if header_row is not None else None
        if isinstance(header, Header) and header_row is not None and header.count == 1:
            self.beginRemoveRows(QModelIndex(), header_row, row)
            del self._rows[header_row : row + 1]
            self.endRemoveRows()
            self._reindex()
            return
        self.beginRemoveRows(QModelIndex(), row, row)
        del self._rows[row]
        if isinstance(header, Header) and header_row is not None:
            header.count -= 1
        self.endRemoveRows()
        if header_row is not None:
            self.dataChanged.emit(self.index(header_row), self.index(header_row))
        self._reindex()

    def _overdue(self, summary: IncidentSummary) -> bool:
        return summary.promise(self.texts.now()).state is PromiseState.OVERDUE

    def _header_font(self) -> Any:
        """Headings in bold, from just after the first paint: a QFont made before it would make
        eight of Qt's font enums on the way (~2 ms); until then they read in the plain font."""
        if self._bold is None:
            self._bold = False
            from PySide6.QtCore import QTimer  # noqa: PLC0415

            QTimer.singleShot(0, self, self._make_bold)
        return self._bold or None

    def _make_bold(self) -> None:
        from PySide6.QtGui import QFont  # noqa: PLC0415

        bold = QFont()
        bold.setBold(True)
        self._bold = bold
        if self._rows:
            self.dataChanged.emit(self.index(0), self.index(len(self._rows) - 1), [FONT_ROLE])


class RowTexts:
    """How rows read; the list widget gives one that translates (`tr`) and knows the palette."""

    def now(self) -> datetime:
        raise NotImplementedError

    def header(self, group: tuple[int, int, int], count: int) -> str:
        raise NotImplementedError

    def incident(self, incident: Incident, now: datetime, *, overdue: bool = False) -> str:
        raise NotImplementedError

    def alert_color(self) -> Any:
        raise NotImplementedError

    def overdue_tip(self) -> str:
        raise NotImplementedError
