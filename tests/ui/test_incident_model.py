# SPDX-License-Identifier: GPL-3.0-or-later
"""The incident list's grouping: open incidents first, then closed ones by month; one row at a time."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from composer.core.listing import IncidentSummary
from composer.core.model import Incident, Status
from composer.ui.incident_list import IncidentList
from composer.ui.incident_model import Header

NOW = datetime(2026, 12, 7, 12, 0, tzinfo=UTC)


def _incident(number: int, status: Status, started: datetime) -> IncidentSummary:
    return IncidentSummary(Incident(id=number, title=f"Incident {number}", status=status, started_at=started))


def _rows(widget: IncidentList) -> list[str]:
    """Each row as '# heading' or the incident's id, top to bottom."""
    out = []
    for row in range(widget.model.rowCount()):
        item = widget.model._rows[row]
        out.append(
            f"# {widget.model.index(row).data().splitlines()[0]}" if isinstance(item, Header) else item.incident.id
        )
    return out


@pytest.fixture
def widget(qtbot):
    widget = IncidentList()
    qtbot.addWidget(widget)
    return widget


def test_open_first_then_closed_by_month_newest_first(widget):
    summaries = [
        _incident(1, Status.RESOLVED, datetime(2026, 10, 3, 9, tzinfo=UTC)),
        _incident(2, Status.RESOLVED, datetime(2026, 11, 20, 9, tzinfo=UTC)),
        _incident(3, Status.INVESTIGATING, datetime(2026, 9, 1, 9, tzinfo=UTC)),  # open for months: still on top
        _incident(4, Status.COMPLETED, datetime(2026, 11, 2, 9, tzinfo=UTC)),
        _incident(5, Status.MONITORING, NOW - timedelta(hours=2)),
        _incident(6, Status.POSTMORTEM, datetime(2026, 10, 30, 9, tzinfo=UTC)),
    ]
    widget.show_summaries(summaries, None)
    assert _rows(widget) == ["# Open", 5, 3, "# November 2026", 2, 4, "# October 2026", 6, 1]
    assert widget.model.index(0).data() == "Open\n2 incidents"
    assert widget.model.index(3).data() == "November 2026\n2 closed"
    assert widget.first_incident_id() == 5
    # A closed incident shows the day it started, not an age that grows for ever.
    assert widget.incident_text(4).endswith("Completed · major · 2026-11-02")
    assert widget.incident_count() == 6


def test_the_keyboard_and_the_mouse_step_over_headings(widget, qtbot):
    from PySide6.QtCore import Qt

    widget.show_summaries(
        [
            _incident(1, Status.IDENTIFIED, NOW - timedelta(hours=1)),
            _incident(2, Status.RESOLVED, datetime(2026, 11, 20, 9, tzinfo=UTC)),
        ],
        1,
    )
    widget.show()
    widget.incidents.setFocus()
    with qtbot.waitSignal(widget.incident_selected) as chosen:
        qtbot.keyClick(widget.incidents, Qt.Key.Key_Down)  # over the "November 2026" heading
    assert chosen.args == [2]
    assert widget.current_incident_id() == 2
    with qtbot.waitSignal(widget.incident_selected) as chosen:
        qtbot.keyClick(widget.incidents, Qt.Key.Key_Up)  # back over it
    assert chosen.args == [1]
    # A click on a heading opens the first incident under it.
    heading = widget.incidents.visualRect(widget.model.index(2)).center()
    with qtbot.waitSignal(widget.incident_selected) as chosen:
        qtbot.mouseClick(widget.incidents.viewport(), Qt.MouseButton.LeftButton, pos=heading)
    assert chosen.args == [2]
    with qtbot.waitSignal(widget.incident_selected) as chosen:
        qtbot.keyClick(widget.incidents, Qt.Key.Key_Home)  # the "Open" heading, then the incident under it
    assert chosen.args == [1] and widget.current_incident_id() == 1


def test_one_incident_changing_moves_only_its_row(widget, qtbot):
    widget.show_summaries(
        [
            _incident(1, Status.IDENTIFIED, NOW - timedelta(hours=1)),
            _incident(2, Status.RESOLVED, datetime(2026, 11, 20, 9, tzinfo=UTC)),
        ],
        1,
    )
    inserted, removed = [], []
    widget.model.rowsInserted.connect(lambda _parent, first, last: inserted.append((first, last)))
    widget.model.rowsRemoved.connect(lambda _parent, first, last: removed.append((first, last)))
    resets = []
    widget.model.modelReset.connect(lambda: resets.append(1))

    # A new open incident that started before the other: under it, in the open group.
    widget.put(_incident(3, Status.INVESTIGATING, NOW - timedelta(hours=3)), select=True)
    assert _rows(widget) == ["# Open", 1, 3, "# November 2026", 2]
    assert inserted == [(2, 2)] and widget.current_incident_id() == 3
    assert widget.model.index(0).data() == "Open\n2 incidents"

    # Incident 1 is resolved: it leaves the open group for December's, a new heading.
    widget.put(_incident(1, Status.RESOLVED, NOW - timedelta(hours=1)))
    assert _rows(widget) == ["# Open", 3, "# December 2026", 1, "# November 2026", 2]
    assert widget.current_incident_id() == 3  # the selection stays where it was

    # The last open incident closes: the "Open" heading goes with it.
    widget.put(_incident(3, Status.RESOLVED, NOW - timedelta(hours=3)))
    assert _rows(widget) == ["# December 2026", 1, 3, "# November 2026", 2]
    assert widget.current_incident_id() == 3
    assert resets == []  # never the whole list again

    # A title typed on screen repaints that row in place.
    removed.clear()
    inserted.clear()
    widget.refresh_incident(
        Incident(id=2, title="Mail was late", status=Status.RESOLVED, started_at=datetime(2026, 11, 20, 9, tzinfo=UTC))
    )
    assert widget.incident_text(2).startswith("Mail was late\n")
    assert inserted == [] and removed == []


def test_ten_thousand_incidents_one_more_is_one_row(widget):
    start = NOW - timedelta(days=3650)
    summaries = [
        _incident(n, Status.RESOLVED if n < 9_990 else Status.INVESTIGATING, start + timedelta(hours=8 * n))
        for n in range(1, 10_001)
    ]
    widget.show_summaries(summaries, None)
    assert widget.incident_count() == 10_000
    assert widget.first_incident_id() == 10_000
    months = [row for row in widget.model._rows if isinstance(row, Header)]
    assert sum(h.count for h in months) == 10_000 and months[0].group == (1, 0, 0) and months[0].count == 11
    widget.put(_incident(10_001, Status.INVESTIGATING, NOW), select=True)
    assert widget.first_incident_id() == 10_001 and widget.current_incident_id() == 10_001
    assert widget.model.rowCount() == 10_001 + len(months)


def test_a_filter_hides_rows_but_not_the_count(widget):
    widget.show_summaries(
        [
            _incident(1, Status.IDENTIFIED, NOW - timedelta(hours=1)),
            _incident(2, Status.RESOLVED, datetime(2026, 11, 20, 9, tzinfo=UTC)),
        ],
        1,
    )
    widget.model.set_filter(lambda summary: summary.incident.status.is_closed)
    assert _rows(widget) == ["# November 2026", 2]
    assert widget.incident_count() == 2  # the empty-state guide must not appear for a filter
    widget.put(_incident(3, Status.INVESTIGATING, NOW))  # filtered out: not shown
    assert _rows(widget) == ["# November 2026", 2]
    widget.model.set_filter(None)
    assert _rows(widget) == ["# Open", 3, 1, "# November 2026", 2]


def test_creating_importing_and_saving_never_read_the_whole_list_again(make_window, prompter, qtbot, tmp_path):
    window = make_window()
    whole = []
    real = window.store.incident_summaries

    def counted(incident_id=None, *, open_only=False, limit=-1):
        if incident_id is None and not open_only:
            whole.append(1)
        return real(incident_id, open_only=open_only, limit=limit)

    window.store.incident_summaries = counted
    prompter.answers.append("Email delivery delayed")
    window.menu_actions.new_incident.trigger()
    qtbot.keyClicks(window.editor.body, "We are sorry: mail is late.")
    assert window.save_all()
    window.menu_actions.new_update.trigger()
    target = tmp_path / "update.md"
    target.write_text("---\ntitle: Checkout down\nstatus: investigating\n---\nCard payments fail.\n", encoding="utf-8")
    prompter.answers.append(target)
    window.menu_actions.import_file.trigger()
    assert window.incident.title == "Checkout down"
    assert window.incident_list.incident_count() == 2
    assert whole == []  # one row each time, never the whole list
    window.menu_actions.reload.trigger()  # F5 does read it all: that is what it is for
    assert whole == [1]


def test_a_long_history_lists_a_screenful_first_and_the_rest_right_after(make_window, home, qtbot):
    from composer.core.store import Store
    from composer.ui.main_window import FIRST_SCREEN

    store, _ = Store.open(home / "composer.db")
    with store.transaction():
        for n in range(FIRST_SCREEN + 15):
            store.add_incident(
                Incident(title=f"Incident {n}", status=Status.RESOLVED, started_at=NOW - timedelta(days=n + 1))
            )
        store.add_incident(
            Incident(title="Still open", status=Status.INVESTIGATING, started_at=NOW - timedelta(days=400))
        )
    store.close()
    window = make_window()  # waits for the first paint and what follows it
    qtbot.waitUntil(lambda: window.incident_list.incident_count() == FIRST_SCREEN + 16, timeout=10_000)
    assert window.incident.title == "Still open"  # open first, however old; still selected after the fill
    assert window.incident_list.current_incident_id() == window.incident.id
