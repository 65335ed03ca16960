# SPDX-License-Identifier: GPL-3.0-or-later
"""Keyboard and screen reader: every control is reached by Tab and has a name, in the window and
in every dialog; the checklist's rows and Fix buttons too; colour is never the only sign.

The main window opens on the data folder test_interface_languages seeds (an incident with updates,
an organisation, a signer, accounts), then every dialog the app has, opened as that test opens
them. In each, Tab is pressed (real key events) until the focus comes back where it started:

- every visible, enabled control (buttons, line and text edits, combo and spin boxes, check
  boxes, list, tree and table views, tab bars) must have been reached: Tab never stops in a
  trap and never skips one; each tab of a tab widget is walked through;
- each must have a name a screen reader reads (its own accessible name, its text, or the label
  whose buddy it is; a combo box's current value is no name), in the interface language.

Parts of Qt's own widgets that take no focus by design (headers, a dock's title buttons, a line
edit's clear button) are left out: `qt_own` says why each has a keyboard way round.
"""

from __future__ import annotations

import re
from datetime import timedelta
from xml.etree import ElementTree

import pytest
import shiboken6
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QDialog,
    QHeaderView,
    QInputDialog,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QTabBar,
    QTabWidget,
    QTextEdit,
    QWidget,
)
from test_interface_languages import CUSTOMERS, ROOT, seed

from composer.core.credentials import MemoryCredentials
from composer.core.model import Incident, Publication, Severity, Status, Update, utc_now
from composer.core.store import Store
from composer.core.workspace.review import Review, Standing
from composer.ui.accounts_dialog import AccountsDialog
from composer.ui.history_dialog import HistoryDialog
from composer.ui.new_incident_dialog import NewIncidentDialog
from composer.ui.preferences_dialog import PreferencesDialog
from composer.ui.profile_dialog import ProfileDialog
from composer.ui.publish_gate import OverrideDialog
from composer.ui.review_dialog import ReviewDialog, Waiting
from composer.ui.template_dialog import TemplateDialog
from composer.ui.template_editor import TemplateEditor
from composer.ui.translations import apply_language
from composer.ui.vocabulary import verdict_text

READY_TIMEOUT_MS = 20_000
MAX_TABS = 400  # a date edit takes a Tab per section; no window here has half as many stops
INTERACTIVE = (
    QAbstractButton,
    QLineEdit,
    QTextEdit,
    QPlainTextEdit,
    QComboBox,
    QAbstractSpinBox,
    QAbstractItemView,
    QTabBar,
)


# -- what a screen reader and the Tab key see ---------------------------------------------


def accessible_text(widget: QWidget, which: QAccessible.Text = QAccessible.Text.Name) -> str:
    """A text of the widget's accessibility interface, as a screen reader gets it."""
    interface = QAccessible.queryAccessibleInterface(widget)
    if interface is None:
        return ""
    try:
        return interface.text(which).strip()
    finally:
        # Qt deletes the interface with its widget, unseen by the Python wrapper: drop the wrapper
        # now, so that no object made later at the same address is taken for it.
        shiboken6.invalidate(interface)


def labelled_by(widget: QWidget) -> str:
    """The label a screen reader announces the widget with (the "labelled by" relation: a QLabel
    whose buddy it is)."""
    interface = QAccessible.queryAccessibleInterface(widget)
    if interface is None:
        return ""
    try:
        labels = interface.relations(QAccessible.Relation.Label)
        texts = [label.text(QAccessible.Text.Name).strip() for label, _relation in labels]
        for label, _relation in labels:
            shiboken6.invalidate(label)
        return next((text for text in texts if text), "")
    finally:
        shiboken6.invalidate(interface)


def accessible_name(widget: QWidget) -> str:
    """What a screen reader says the widget is: its accessible name, its text, or its label. A combo
    box's "name" on Linux is its current value: only its own name or a label names it."""
    if isinstance(widget, QComboBox):
        return widget.accessibleName().strip() or labelled_by(widget)
    return accessible_text(widget) or labelled_by(widget)


def key(widget: QWidget) -> str:
    """`Class#objectName`, or `Class in <the nearest named or custom ancestor>`."""
    if widget.objectName() and not widget.objectName().startswith("qt_"):
        return f"{type(widget).__name__}#{widget.objectName()}"
    parent = widget.parentWidget()
    while parent is not None:
        name = parent.objectName()
        if name and not name.startswith("qt_"):
            return f"{type(widget).__name__} in {name}"
        if not type(parent).__name__.startswith("Q"):
            return f"{type(widget).__name__} in {type(parent).__name__}"
        parent = parent.parentWidget()
    return type(widget).__name__


def qt_own(widget: QWidget) -> bool:
    """Parts of Qt's own widgets that take no focus by design, each with a keyboard way round:
    a view's header (the view itself is a stop), a dock's float and close buttons (View →
    Checklist, Ctrl+Shift+K), a line edit's clear button (select all, Delete), a tab bar's scroll
    arrows (the arrow keys on the tab bar), a table's corner button (Ctrl+A). And a line edit
    inside a spin or combo box, whose focus goes to its box. (Told by class: PySide6's
    `focusProxy()` can leave wrappers behind that later take other widgets for deleted.)"""
    parent = widget.parentWidget()
    if isinstance(widget, QLineEdit) and isinstance(parent, QAbstractSpinBox | QComboBox):
        return True
    if widget.focusPolicy() != Qt.FocusPolicy.NoFocus:
        return False
    return (
        isinstance(widget, QHeaderView)
        or widget.objectName().startswith(("qt_dockwidget_", "qt_tableview_cornerbutton"))
        or isinstance(parent, QLineEdit | QTabBar)
    )


def controls(top: QWidget) -> list[QWidget]:
    """The visible, enabled controls of `top`'s own window."""
    found = []
    for widget in top.findChildren(QWidget):
        if not isinstance(widget, INTERACTIVE) or widget.window() is not top:
            continue
        if not widget.isVisible() or not widget.isEnabled() or qt_own(widget):
            continue
        inside_combo = widget.parentWidget()
        while inside_combo is not None and not isinstance(inside_combo, QComboBox):
            inside_combo = inside_combo.parentWidget()
        if inside_combo is None:  # a combo box's popup list is the combo box's own
            found.append(widget)
    return found


def walk(qtbot, top: QWidget) -> tuple[list[QWidget], str]:
    """Press Tab from the focused widget until the focus is back on it: the widgets it visited, in
    order, and what went wrong ("" if nothing: Tab is trapped when it goes round without coming back)."""
    top.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is top, timeout=READY_TIMEOUT_MS)
    start = QApplication.focusWidget()
    if start is None or start.window() is not top:
        top.focusNextPrevChild(True)
        start = QApplication.focusWidget()
    if start is None or start.window() is not top:
        return [], f"nothing in {key(top)} takes the focus"
    visited = [start]
    for _ in range(MAX_TABS):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        now = QApplication.focusWidget()
        if now is None or now.window() is not top:
            return visited, f"Tab left {key(top)} after {key(visited[-1])}"
        if now is start:
            return visited, ""
        if now is visited[-1]:  # a date-time edit's next section
            continue
        if now in visited:
            return visited, f"Tab is trapped in {key(top)}: after {key(visited[-1])} it goes back to {key(now)}"
        visited.append(now)
    return visited, f"Tab never comes back to {key(start)} in {key(top)}; it stays in {key(visited[-1])}"


def walk_every_tab(qtbot, top: QWidget) -> tuple[list[QWidget], list[QWidget], list[str]]:
    """The walk, the controls it must reach and what went wrong, each tab of each tab widget shown in turn."""
    visited, trouble = walk(qtbot, top)
    present, troubles = controls(top), [trouble]
    for tabs in top.findChildren(QTabWidget):
        if not tabs.isVisible() or tabs.window() is not top:
            continue
        current = tabs.currentIndex()
        for index in range(tabs.count()):
            if index == current:
                continue
            tabs.setCurrentIndex(index)  # as the arrow keys on the tab bar do
            QCoreApplication.processEvents()
            more, trouble = walk(qtbot, top)
            visited += more
            present += controls(top)
            troubles.append(trouble)
        tabs.setCurrentIndex(current)
    return visited, present, [trouble for trouble in troubles if trouble]


def problems(where: str, qtbot, top: QWidget, names: dict[str, str]) -> list[str]:
    """What is wrong in `top`: controls Tab skips, controls without a name. Every name read goes
    into `names` (name → where). Only texts leave it: a widget kept alive by a failure's traceback
    could outlive its C++ object."""
    visited, present, found = walk_every_tab(qtbot, top)
    reached = set(visited)
    for widget in dict.fromkeys(present):
        if widget not in reached:
            found.append(f"{where}: Tab never reaches {key(widget)} ({accessible_name(widget)!r})")
        name = accessible_name(widget)
        if name:
            names.setdefault(name, f"{where}: {key(widget)}")
        else:
            found.append(f"{where}: {key(widget)} has no name a screen reader can read")
    return found


# -- the window and its dialogs -----------------------------------------------------------


def settle(qtbot, widget: QWidget) -> None:
    widget.show()
    qtbot.waitExposed(widget, timeout=READY_TIMEOUT_MS)
    QCoreApplication.sendPostedEvents()
    QCoreApplication.processEvents()


@pytest.fixture
def language() -> str:
    return "en"


@pytest.fixture
def window(home, make_window, monkeypatch, language):
    """The main window on the seeded data folder, in `language`."""
    seed(home)
    monkeypatch.setattr(OverrideDialog, "ask", classmethod(lambda cls, failures, parent=None: "checked by hand"))
    apply_language(QApplication.instance(), language)
    try:
        opened = make_window()
        opened.context.credentials = MemoryCredentials()
        opened.resize(1280, 800)
        opened.live_checks.run_now()
        QCoreApplication.processEvents()
        yield opened
    finally:
        apply_language(QApplication.instance(), "en")


def dialogs(window, home, prompter, qtbot):
    """Every dialog the app has, one at a time (name, dialog), each closed after its turn."""
    context = window.context

    def opened(widget):
        assert widget is not None
        settle(qtbot, widget)
        return widget

    yield "new incident", opened(NewIncidentDialog(window))
    publish = opened(window.publishing.publish())
    for row in publish.rows.values():
        row.check.setChecked(True)
    yield "publish", publish
    yield "override", opened(OverrideDialog(window.live_checks.failures(), window))
    accounts = opened(AccountsDialog(context, window))
    yield "accounts", accounts
    yield "account editor", opened(accounts.edit(None))
    update = window.editor.current_update
    revisions, events = context.store.revisions(update.id), context.store.events(update.id)
    yield "history", opened(HistoryDialog(revisions, window, events))
    yield "outbox", opened(window.outbox.show_outbox())
    csv = home / "customers.csv"
    csv.write_text(CUSTOMERS, encoding="utf-8")
    prompter.answers.append(csv)
    outreach = opened(window.reaching.reach_customers())
    outreach.open_csv.click()
    qtbot.waitUntil(lambda: outreach.customers is not None, timeout=READY_TIMEOUT_MS)
    yield "outreach", outreach
    yield "profile", opened(ProfileDialog(context.store, window))
    window.search.find()
    search = opened(window.search.dialog)
    search.query.setText("delayed")
    qtbot.waitUntil(lambda: search.results.count() > 0, timeout=READY_TIMEOUT_MS)
    yield "search", search
    library = window.templates.library
    yield "template", opened(TemplateDialog(library, window.templates.prefill(), "en", "investigating", window))
    yield "template editor", opened(TemplateEditor(library, prompter, window))
    yield "preferences", opened(PreferencesDialog(context.ui_settings, window))
    review = Review(update="u1", standing=Standing.AWAITING, needed=True)
    waiting = Waiting(update.id, "Email delivery delayed", update.body, review, [("fail", "Sign your name", "…")])
    yield "review", opened(ReviewDialog([waiting], lambda *_args: "", window))
    buttons = QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No
    yield "question", opened(QMessageBox(QMessageBox.Icon.Question, "?", "?", buttons, window))
    asking = QInputDialog(window)
    asking.setLabelText("?")
    yield "input", opened(asking)


def close(widget: QWidget) -> None:
    if isinstance(widget, QDialog):
        widget.done(QDialog.DialogCode.Rejected)
    widget.close()


def english_sources() -> dict[re.Pattern[str], str]:
    """Each widget message of the catalogue (%1, %n as anything) whose Catalan differs from it."""
    patterns = {}
    for message in ElementTree.parse(ROOT / "resources" / "i18n" / "composer_ca.ts").iter("message"):
        source = message.findtext("source") or ""
        translation = message.find("translation")
        text = "".join(translation.itertext()) if translation is not None else ""
        if source and text and text != source and re.search(r"[^\W\d_]{3}", source):
            parts = re.split(r"%(?:\d|n)", source.replace("&", ""))
            patterns[re.compile(".*".join(re.escape(part) for part in parts))] = source
    return patterns


# -- the tests -----------------------------------------------------------------------------


@pytest.mark.parametrize("language", ["en", "ca", "es"])
def test_tab_reaches_every_control_and_each_has_a_name(language, window, home, prompter, qtbot):
    names: dict[str, str] = {}
    found = problems("main", qtbot, window, names)
    for where, dialog in dialogs(window, home, prompter, qtbot):
        found += problems(where, qtbot, dialog, names)
        close(dialog)
    assert len(names) > 100, "the walk read too few names to mean anything"
    assert not found, "\n".join(found)
    if language != "en":
        # Names are words people hear: in the interface language, like what they read.
        sources = english_sources()
        english = [(n, w) for n, w in names.items() if any(p.fullmatch(n) for p in sources)]
        assert not english, "names left in English:\n" + "\n".join(f"{n!r} — {w}" for n, w in english)


def test_tab_goes_through_the_window_as_it_reads(window, qtbot):
    """Filter and incidents, the update's fields and text, the previews, then the checklist."""
    visited, trouble = walk(qtbot, window)
    assert not trouble
    first = visited.index(window.incident_list.filter.text)
    order = visited[first:] + visited[:first]
    editor, checklist = window.editor, window.checklist
    milestones = [
        window.incident_list.filter.text,
        window.incident_list.incidents,
        window.incident_list.updates,
        window.form.title,
        editor.status,
        editor.next_update,
        editor.body,
        window.previews.tabBar(),
        next(iter(checklist.rows.values())),
    ]
    positions = [order.index(widget) for widget in milestones]
    assert positions == sorted(positions), [key(order[p]) for p in positions]


def test_a_channel_preview_follows_its_tab(window, qtbot):
    """A channel's preview, made after the window's Tab order was set, comes right after the tab
    bar when shown, and the checklist after it."""
    previews = window.previews
    page = previews.findChild(QPlainTextEdit, "preview-mastodon")
    assert page is not None, "the seeded accounts give no Mastodon preview: the test means nothing"
    previews.setCurrentWidget(page)
    QCoreApplication.processEvents()
    visited, trouble = walk(qtbot, window)
    assert not trouble
    after_tabs = visited[visited.index(previews.tabBar()) + 1 :]
    assert after_tabs[0] is page
    assert after_tabs[1] is next(iter(window.checklist.rows.values()))
    assert accessible_name(page) == "What Mastodon will post"


def test_tab_goes_through_the_template_dialog_as_it_reads(window, qtbot):
    """Stage and language, the fields top to bottom, the previews, then the buttons; the same
    after another stage makes the fields and previews anew."""
    dialog = TemplateDialog(window.templates.library, window.templates.prefill(), "en", "investigating", window)
    settle(qtbot, dialog)
    try:
        for stage in ("investigating", "resolved"):
            dialog.stage.setCurrentIndex(dialog.stage.findData(stage))
            QCoreApplication.processEvents()
            visited, trouble = walk(qtbot, dialog)
            assert not trouble
            fields = [w for w in dialog.form.tab_stops() if w.isVisible() and w.isEnabled()]
            buttons = [b for b in dialog.buttons.buttons() if b.isEnabled()]
            page = dialog.previews.currentWidget()
            start = visited.index(dialog.stage)
            order = visited[start:] + visited[:start]
            expected = [dialog.stage, dialog.language, *fields, dialog.previews.tabBar(), page]
            assert order[: len(expected)] == expected, [key(w) for w in order]
            assert set(order[len(expected) :]) == set(buttons)
            assert accessible_name(dialog.stage) == "Stage"
            assert accessible_name(page) == "Preview: Blog post"  # the first channel's page
            times = [w for w in fields if isinstance(w, QAbstractSpinBox)]
            assert times, "no date-time field: the test means nothing"
            assert all(accessible_name(w) for w in times)
    finally:
        close(dialog)


def test_checklist_rows_and_fixes_by_keyboard(window, qtbot):
    """Each row is a stop and says its verdict in words; its Fix is the next stop, named for what it
    does, and Space applies it; Up and Down move between rows; Enter marks the evidence."""
    checklist = window.checklist
    visited, trouble = walk(qtbot, window)
    assert not trouble
    rows = list(checklist.rows.values())
    with_fix = [row for row in rows if row.fix.isVisible()]
    assert with_fix, "the seeded update has no check with a Fix: the test means nothing"
    for row in rows:
        verdict = verdict_text(row.finding.verdict)
        assert row in visited, f"Tab never reaches the row {row.rule_id}"
        assert accessible_name(row) == f"{row.rule_title}: {verdict}"
        assert accessible_text(row, QAccessible.Text.Description) == row.finding.message
        assert verdict in row.title.text()  # written out, not only a coloured mark
        if row.fix.isVisible():
            assert visited[visited.index(row) + 1] is row.fix, f"{row.rule_id}'s Fix does not follow its row"
            assert accessible_name(row.fix) == f"Fix: {row.finding.fix.label}"

    # Up and Down from a row.
    rows[1].setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.keyClick(rows[1], Qt.Key.Key_Down)
    assert QApplication.focusWidget() is rows[2]
    qtbot.keyClick(rows[2], Qt.Key.Key_Up)
    assert QApplication.focusWidget() is rows[1]

    # Enter on a row does what a click does: it asks for the evidence.
    with qtbot.waitSignal(checklist.evidence_requested, timeout=1000):
        qtbot.keyClick(rows[0], Qt.Key.Key_Return)

    # Tab from the row to its Fix, then Space: the text is mended and the check passes.
    row = with_fix[0]
    fix = row.finding.fix
    row.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.keyClick(row, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is row.fix
    qtbot.keyClick(row.fix, Qt.Key.Key_Space)
    assert fix.text.strip() in window.editor.body.toPlainText()
    assert row.finding.fix is None or row.finding.fix.text != fix.text  # this Fix is applied, not offered again
    # Enter works as well as Space: the next Fix, if the update still has one.
    others = [other for other in rows if other.fix.isVisible()]
    if others:
        other_fix = others[0].finding.fix
        others[0].fix.setFocus(Qt.FocusReason.TabFocusReason)
        qtbot.keyClick(others[0].fix, Qt.Key.Key_Return)
        assert other_fix.text.strip() in window.editor.body.toPlainText()


def test_a_narrow_list_elides_rows_and_tells_them_whole(window, qtbot):
    """In the narrowest left pane no row is cut at its edge behind a horizontal scroll bar: rows
    are as wide as the list (the end of a long one elided), and each tooltip gives the whole row."""
    settle(qtbot, window)
    listing = window.incident_list
    window.main_split.setSizes([listing.minimumWidth(), 1200])
    QCoreApplication.processEvents()
    for view in (listing.incidents, listing.updates):
        assert not view.horizontalScrollBar().isVisible()
        assert view.textElideMode() == Qt.TextElideMode.ElideRight
        model = view.model()
        rows = [model.index(row, 0) for row in range(model.rowCount())]
        assert len(rows) >= 2
        assert all(view.visualRect(index).width() <= view.viewport().width() for index in rows)
        texts = [str(index.data(Qt.ItemDataRole.DisplayRole)) for index in rows]
        width = view.fontMetrics().horizontalAdvance
        assert any(width(line) > view.viewport().width() for text in texts for line in text.split("\n"))
        assert [index.data(Qt.ItemDataRole.ToolTipRole) for index in rows] == texts


def test_overdue_is_written_not_only_red(home, make_window, qtbot):
    """An overdue incident's row says so in words; the countdown has a mark beside its red."""
    seed(home)
    store, _ = Store.open(home / "composer.db")
    now = utc_now()
    late = store.add_incident(
        Incident(
            title="Checkout down",
            status=Status.IDENTIFIED,
            severity=Severity.CRITICAL,
            started_at=now - timedelta(hours=1),
        )
    )
    update = store.add_update(
        Update(
            incident_id=late.id,
            status=Status.IDENTIFIED,
            body="Paying fails.",
            next_update_at=now - timedelta(minutes=5),
        )
    )
    store.add_publication(update.id, Publication(channel="manual", published_at=now - timedelta(minutes=20)))
    store.close()
    window = make_window()
    listing = window.incident_list
    overdue = QCoreApplication.translate("IncidentList", "⚠ Update overdue")
    assert overdue in listing.incident_text(late.id)
    assert listing.incident_foreground(late.id) is not None  # the red is still there, beside the words
    calm = next(s.incident.id for s in window.store.incident_summaries() if s.incident.id != late.id)
    assert overdue not in listing.incident_text(calm)
    listing.open(late.id)
    qtbot.waitUntil(lambda: window.incident is not None and window.incident.id == late.id, timeout=READY_TIMEOUT_MS)
    status = window.status_panel
    assert status.attention.isVisible()
    assert accessible_name(status.attention) == "Needs your attention"
    assert "overdue" in status.countdown.text()
