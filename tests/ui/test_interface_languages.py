# SPDX-License-Identifier: GPL-3.0-or-later
"""Every window and dialog, in every interface language: nothing left in English, nothing clipped.

For each language the real main window opens on a seeded data folder (an incident with updates,
an organisation, a signer, accounts, a queued post), then every dialog the app has. Every
visible text is read — labels, buttons, menu actions and their tips, tabs (each one visited),
group boxes, placeholders, tooltips, window titles, combo box items, views' headers and rows —
and:

- in Catalan and Spanish, a text that the English run of the same scenario shows too is
  untranslated, unless what is left once data (the seeded names and texts), brands, URLs,
  numbers and the words in SAME_IN are taken out has no letters;
- in every language, a label or button that does not word-wrap and is narrower than its text
  (sizeHint) is clipped.

Texts the widgets' catalogues do not hold come from core or the publishers (gettext): they are
listed apart, so it is clear who translates them.
"""

from __future__ import annotations

import html
import re
import subprocess
import sys
import zoneinfo
from dataclasses import dataclass, field
from datetime import timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QApplication,
    QComboBox,
    QDialog,
    QGroupBox,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMessageBox,
    QPlainTextEdit,
    QStyle,
    QStyleOptionComboBox,
    QTabWidget,
    QTextEdit,
    QWidget,
)

from composer.app import build_context, create_window
from composer.core.credentials import MemoryCredentials
from composer.core.model import Incident, Organisation, Person, Publication, Severity, Status, Update, utc_now
from composer.core.store import Store
from composer.ui.accounts_dialog import AccountsDialog
from composer.ui.history_dialog import HistoryDialog
from composer.ui.new_incident_dialog import NewIncidentDialog
from composer.ui.preferences_dialog import PreferencesDialog
from composer.ui.profile_dialog import ProfileDialog
from composer.ui.publish_gate import OverrideDialog
from composer.ui.template_dialog import TemplateDialog
from composer.ui.template_editor import TemplateEditor
from composer.ui.translations import apply_language

ROOT = Path(__file__).resolve().parents[2]
READY_TIMEOUT_MS = 20_000  # generous: a busy CI machine
TITLE = "Email delivery delayed"
SIGNER = "Marta Vidal, Head of Support"
CUSTOMERS = "Name,Email,Language,Impact\nEmma Clarke,emma@example.com,en,card payments failed\nBad row,x,en,y\n"
BODY = (
    "## Email delivery delayed\n\nSince 09:10 CET, email you send is delayed by up to 40 minutes. "
    "Use webmail meanwhile. Call +34 930 000 000 or see https://status.example.net.\n\n" + SIGNER + "\n"
)
# What the seeded data says: shown as it is in every language.
DATA = (
    TITLE,
    "Scheduled database maintenance",
    "Maintenance completed.",
    "We are looking into delayed email.",
    SIGNER,
    "Marta Vidal",
    "Head of Support",
    "Example Hosting",
    "Outgoing mail",
    "SMTP relay",
    "Sent mail arrives up to 40 minutes late",
    "Use webmail for urgent mail",
    "Barcelona (BCN1)",
    "customers",
    "status mail",
    "toots",
    "Emma Clarke",
    "card payments failed",
    "Bad row",
    "Name",  # the CSV's column names (the customers' list is data)
    "Email",
    "Language",
    "Impact",
    "Support",
    "On call",
    "Email delivery delayed: we are on it",  # the update's subject in its own language (English)
    "Example",  # the seeded organisation in previews' subject lines
    *(line for line in BODY.replace("## ", "").splitlines() if line),  # the update's text, in search results
)
# Not words of the interface: names of products, formats and protocols, time zones.
BRANDS = (
    "Incident Composer",
    "Mastodon",
    "Bluesky",
    "LinkedIn",
    "WordPress",
    "X (Twitter)",
    "SMTP",
    "SFTP",
    "STARTTLS",
    "TLS",
    "HTML",
    "CSV",
    "Markdown",
    "README.txt",
    "CET",
    "CEST",
    "UTC",
    "English",  # the language menu names each language in itself
    "Català",
    "Español",
)
# Words spelt the same in the language as in English, each with why.
SAME_IN = {
    "ca": {
        "Blog": "the Catalan word for a blog (DIEC: blog)",
        "Secret": "the same word (a password or token)",
        "min": "the abbreviation of minut and minuto alike",
        "Total": "the same word",
        "No": "the same word (Qt's own No button)",
        "Port": "the same word for a network port (TERMCAT: port)",
    },
    "es": {
        "Blog": "the Spanish word for a blog (RAE: blog)",
        "min": "the abbreviation of minuto",
        "Total": "the same word",
        "Error": "the same word",
        "No": "the same word (Qt's own No button)",
    },
}
# URLs, addresses, domain and file names, and time zone names (Europe/Madrid).
URL = re.compile(
    r"(?:https?|mid|mailto):\S+|[\w.+-]+@[\w-]+(?:\.[\w-]+)+|\b[\w-]+(?:\.[\w-]+)+\b|\b[A-Z]\w*(?:/[\w+-]+)+"
)
ZONES = zoneinfo.available_timezones()
# A template field's or a rule's name, alone or heading its description: code, not words.
IDENTIFIER = re.compile(r"[a-z][a-z0-9]*(?:[_-][a-z0-9]+)*")
IDENTIFIER_BEFORE_COLON = re.compile(r"^[a-z][a-z0-9]*(?:[_-][a-z0-9]+)*: ")  # the profile's time zone list: IANA names
TAGS = re.compile(r"<[^>]+>")
BREAKS = re.compile(r"<br\s*/?>|</?(?:p|div|li|ul|ol|tr|table|h\d)\b[^>]*>", re.IGNORECASE)


@dataclass
class Seen:
    """Every text one language run showed, and where; and what was clipped."""

    texts: dict[str, set[str]] = field(default_factory=dict)  # normalised text → where
    clipped: list[str] = field(default_factory=list)
    data: set[str] = field(default_factory=set)  # content shown as it is: the templates' own titles

    def add(self, where: str, text: str) -> None:
        for line in plain(text).splitlines():
            line = " ".join(line.split())
            if line:
                self.texts.setdefault(line, set()).add(where)


def plain(text: str) -> str:
    """What the person reads: no mnemonic ampersand, no tags, entities decoded."""
    if "<" in text and ">" in text:
        text = BREAKS.sub("\n", text)
        text = TAGS.sub("", text)
    text = html.unescape(text)
    return re.sub(r"&(?!&)", "", text).replace("&&", "&")


def numberless(text: str) -> str:
    return re.sub(r"\d+", "#", text)


def leftover(text: str, language: str, data: set[str]) -> str:
    """The letters of `text` once data, brands, URLs and the words SAME_IN the language are out."""
    if text in ZONES or IDENTIFIER.fullmatch(text):
        return ""
    text = IDENTIFIER_BEFORE_COLON.sub("", text)  # "data_loss: Say whether…", "be-timely: 40 minutes…"
    for known in sorted((*DATA, *BRANDS, *data), key=len, reverse=True):
        text = text.replace(known, " ")
    text = URL.sub(" ", text)
    words = [word for word in re.findall(r"[^\W\d_]+", text) if word not in SAME_IN[language]]
    return " ".join(words)


# -- walking the widgets --------------------------------------------------------------


def label_of(widget: QWidget) -> str:
    top = widget.window()
    return f"{top.objectName() or type(top).__name__}/{widget.objectName() or type(widget).__name__}"


def read(top: QWidget, seen: Seen, where: str) -> None:
    """Every visible text of `top`, visiting each tab of each tab widget."""
    read_visible(top, seen, where)
    for tabs in top.findChildren(QTabWidget):
        if not tabs.isVisible():
            continue
        current = tabs.currentIndex()
        for index in range(tabs.count()):
            tabs.setCurrentIndex(index)
            QCoreApplication.processEvents()
            read_visible(tabs.widget(index), seen, f"{where}:{tabs.tabText(index)}")
        tabs.setCurrentIndex(current)


def read_visible(top: QWidget, seen: Seen, where: str) -> None:
    for widget in [top, *top.findChildren(QWidget)]:
        if not widget.isVisible():
            continue
        here = f"{where} {label_of(widget)}"
        if widget.isWindow():
            seen.add(here + " (title)", widget.windowTitle())
        if widget.toolTip():
            seen.add(here + " (tooltip)", widget.toolTip())
        if isinstance(widget, QLabel):
            seen.add(here, widget.text())
            if not widget.wordWrap() and widget.text() and widget.sizeHint().width() > widget.width() + 1:
                seen.clipped.append(
                    f"{here}: {plain(widget.text())!r} needs {widget.sizeHint().width()} px, has {widget.width()}"
                )
        elif isinstance(widget, QAbstractButton):
            seen.add(here, widget.text())
            if widget.text() and widget.sizeHint().width() > widget.width() + 1:
                seen.clipped.append(
                    f"{here}: {plain(widget.text())!r} needs {widget.sizeHint().width()} px, has {widget.width()}"
                )
            menu = getattr(widget, "menu", lambda: None)()
            if menu is not None:
                for action in menu.actions():
                    seen.add(here + " (menu)", action.text())
        elif isinstance(widget, QGroupBox):
            seen.add(here, widget.title())
        elif isinstance(widget, QLineEdit | QPlainTextEdit | QTextEdit):
            seen.add(here + " (placeholder)", widget.placeholderText())
        elif isinstance(widget, QComboBox):
            for index in range(widget.count()):
                seen.add(here + " (item)", widget.itemText(index))
            if not widget.isEditable() and widget.currentText():
                option = QStyleOptionComboBox()
                widget.initStyleOption(option)
                room = widget.style().subControlRect(
                    QStyle.ComplexControl.CC_ComboBox, option, QStyle.SubControl.SC_ComboBoxEditField, widget
                )
                needed = widget.fontMetrics().horizontalAdvance(widget.currentText())
                if needed > room.width() + 1:
                    seen.clipped.append(f"{here}: {widget.currentText()!r} needs {needed} px, has {room.width()}")
            if widget.isEditable() and widget.lineEdit() is not None:
                seen.add(here + " (placeholder)", widget.lineEdit().placeholderText())
        elif isinstance(widget, QAbstractItemView) and not isinstance(widget.parent(), QComboBox):
            read_view(widget, seen, here)
        if isinstance(widget, QTabWidget):
            for index in range(widget.count()):
                seen.add(here + " (tab)", widget.tabText(index))
                seen.add(here + " (tab tip)", widget.tabToolTip(index))
        if isinstance(widget, QMainWindow):
            read_menus(widget, seen, here)
            seen.add(here + " (status bar)", widget.statusBar().currentMessage())


def read_view(view: QAbstractItemView, seen: Seen, where: str) -> None:
    model = view.model()
    if model is None:
        return

    def columns(parent) -> int:
        try:
            return model.columnCount(parent)
        except TypeError:  # a list model's columnCount is private: one column
            return 1

    def rows(parent, depth):
        for row in range(min(model.rowCount(parent), 40)):
            for column in range(columns(parent)):
                index = model.index(row, column, parent)
                for role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
                    value = model.data(index, role)
                    if isinstance(value, str):
                        seen.add(where + " (row)", value)
                if depth < 2 and column == 0:
                    rows(index, depth + 1)

    header = getattr(view, "horizontalHeader", None) or getattr(view, "header", None)
    if header is not None and header().isVisible():
        for column in range(columns(QModelIndex())):
            seen.add(where + " (header)", str(model.headerData(column, Qt.Orientation.Horizontal) or ""))
    rows(QModelIndex(), 0)


def read_menus(window: QMainWindow, seen: Seen, where: str) -> None:
    def walk(menu, path):
        seen.add(path, menu.title())
        for action in menu.actions():
            if action.menu() is not None:
                walk(action.menu(), f"{path}>{action.menu().title()}")
                continue
            seen.add(f"{path} (action)", action.text())
            seen.add(f"{path} (status tip)", action.statusTip())

    for action in window.menuBar().actions():
        if action.menu() is not None:
            walk(action.menu(), f"{where} menu")


# -- the scenario -----------------------------------------------------------------------


def seed(home: Path) -> None:
    store, _ = Store.open(home / "composer.db")
    store.save_person(Person("Marta Vidal", "Head of Support", "marta@example.net", "+34 930 000 000"))
    store.save_organisation(
        Organisation(
            name="Example Hosting",
            phone="+34 930 000 000",
            email="support@example.net",
            contact_url="https://example.net/contact",
            status_page_url="https://status.example.net",
        )
    )
    store.save_account(
        "customers",
        "email",
        {
            "host": "127.0.0.1",
            "port": "9",
            "from": "status@example.net",
            "to": "customers@example.net",
            "security": "none",
        },
    )
    store.save_account("toots", "mastodon", {"url": "https://mastodon.example.net"})
    now = utc_now()
    older = store.add_incident(
        Incident(
            title="Scheduled database maintenance",
            status=Status.COMPLETED,
            severity=Severity.MAINTENANCE,
            started_at=now - timedelta(days=2),
        )
    )
    store.add_update(Update(incident_id=older.id, status=Status.COMPLETED, body="Maintenance completed."))
    incident = store.add_incident(
        Incident(
            title=TITLE,
            status=Status.IDENTIFIED,
            severity=Severity.MAJOR,
            started_at=now - timedelta(minutes=52),
            affected_services=["Outgoing mail", "SMTP relay"],
            customer_impact="Sent mail arrives up to 40 minutes late",
            workaround="Use webmail for urgent mail",
            region="Barcelona (BCN1)",
        )
    )
    first = store.add_update(
        Update(
            incident_id=incident.id,
            status=Status.INVESTIGATING,
            signer=SIGNER,
            body="We are looking into delayed email.",
            created_at=now - timedelta(minutes=45),
            next_update_at=now + timedelta(minutes=23),
        )
    )
    store.add_publication(first.id, Publication(channel="manual", published_at=now - timedelta(minutes=40)))
    store.add_update(
        Update(
            incident_id=incident.id,
            status=Status.IDENTIFIED,
            signer=SIGNER,
            body=BODY,
            next_update_at=now + timedelta(minutes=23),
        )
    )
    store.close()


def settle(qtbot, widget: QWidget) -> None:
    widget.show()
    qtbot.waitExposed(widget, timeout=READY_TIMEOUT_MS)
    QCoreApplication.sendPostedEvents()
    QCoreApplication.processEvents()


def run_in(language: str, home: Path, qtbot, monkeypatch, prompter) -> Seen:
    """The scenario in `language`: the window and every dialog, each read."""
    seen = Seen()
    apply_language(QApplication.instance(), language)
    home.mkdir()
    seed(home)
    context = build_context(home=home, prompter=prompter)
    context.credentials = MemoryCredentials()
    window = create_window(context)
    monkeypatch.setattr(OverrideDialog, "ask", classmethod(lambda cls, failures, parent=None: "checked by hand"))
    try:
        window.resize(1280, 800)
        settle(qtbot, window)
        qtbot.waitUntil(lambda: window.is_ready, timeout=READY_TIMEOUT_MS)
        QCoreApplication.sendPostedEvents()
        window.live_checks.run_now()
        QCoreApplication.processEvents()
        read(window, seen, "main")
        # Each template is written in its own language: its title is content, shown as it is.
        for info in window.templates.library.all():
            seen.data.update((info.title, info.id))

        opened: list[tuple[str, QWidget]] = []

        def dialog(name: str, widget: QWidget | None) -> QWidget:
            assert widget is not None, f"{name} did not open"
            settle(qtbot, widget)
            opened.append((name, widget))
            read(widget, seen, name)
            return widget

        dialog("new incident", NewIncidentDialog(window))
        publish = window.publishing.publish()
        assert publish is not None
        for row in publish.rows.values():
            row.check.setChecked(True)
        dialog("publish", publish)
        dialog("override", OverrideDialog(window.live_checks.failures(), window))
        accounts = dialog("accounts", AccountsDialog(context, window))
        dialog("account editor", accounts.edit(None))
        update = window.editor.current_update
        dialog("history", HistoryDialog(context.store.revisions(update.id), window, context.store.events(update.id)))
        dialog("outbox", window.outbox.show_outbox())
        csv = home / "customers.csv"
        csv.write_text(CUSTOMERS, encoding="utf-8")
        prompter.answers.append(csv)
        outreach = dialog("outreach", window.reaching.reach_customers())
        outreach.open_csv.click()
        qtbot.waitUntil(lambda: outreach.customers is not None, timeout=READY_TIMEOUT_MS)
        read(outreach, seen, "outreach with a list")
        dialog("profile", ProfileDialog(context.store, window))
        window.search.find()
        search = dialog("search", window.search.dialog)
        search.query.setText("delayed")
        qtbot.waitUntil(
            lambda: search.results.count() > 0 if hasattr(search, "results") else True, timeout=READY_TIMEOUT_MS
        )
        read(search, seen, "search with results")
        library = window.templates.library
        dialog("template", TemplateDialog(library, window.templates.prefill(), "en", "investigating", window))
        dialog("template editor", TemplateEditor(library, prompter, window))
        dialog("preferences", PreferencesDialog(context.ui_settings, window))
        box = QMessageBox(
            QMessageBox.Icon.Question, "?", "?", QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, window
        )
        dialog("question", box)
        asking = QInputDialog(window)
        asking.setLabelText("?")
        dialog("input", asking)
        for title, text in prompter.warnings:
            seen.add("warning", title)
            seen.add("warning", text)
        for _name, widget in reversed(opened):
            if isinstance(widget, QDialog):
                widget.done(QDialog.DialogCode.Rejected)
            widget.close()
    finally:
        window.close()
        window.shutdown()
        context.close()
        apply_language(QApplication.instance(), "en")
    return seen


# -- the tests --------------------------------------------------------------------------


RUNS: dict[str, Seen] = {}  # each language's scenario runs once for the tests below


@pytest.fixture
def seen_in(tmp_path, qtbot, monkeypatch, prompter):
    """What the scenario showed in a language (run on first use, then kept for the module)."""

    def seen(language: str) -> Seen:
        if language not in RUNS:
            RUNS[language] = run_in(language, tmp_path / language, qtbot, monkeypatch, type(prompter)())
        return RUNS[language]

    return seen


@pytest.fixture(scope="module")
def widget_messages() -> list[re.Pattern[str]]:
    """A pattern for each text of the widgets' catalogue (resources/i18n/composer_ca.ts), %1 as anything."""
    from xml.etree import ElementTree

    patterns = []
    for message in ElementTree.parse(ROOT / "resources" / "i18n" / "composer_ca.ts").iter("message"):
        for line in plain(message.findtext("source") or "").splitlines():
            line = " ".join(line.split())
            parts = re.split(r"%(?:\d|n)", line)
            if re.search(r"[^\W\d_]", "".join(parts)):  # not a bare "%3"
                patterns.append(re.compile(".*".join(re.escape(part) for part in parts)))
    return patterns


@pytest.fixture(scope="module")
def gettext_messages() -> list[re.Pattern[str]]:
    """Builds the catalogues (as ./dev does); a pattern for each message core, publishers and the
    command line say through gettext (resources/locale/ca/…/composer.po), placeholders as anything."""
    built = subprocess.run(
        [sys.executable, str(ROOT / "tools" / "build_translations.py")], capture_output=True, text=True, check=False
    )
    assert built.returncode == 0, built.stderr
    source = ROOT / "resources" / "locale" / "ca" / "LC_MESSAGES" / "composer.po"
    if not source.exists():
        return []
    from babel.messages.pofile import read_po

    patterns = []
    with source.open("rb") as handle:
        for message in read_po(handle):
            for text in message.id if isinstance(message.id, tuple) else (message.id,):
                for line in plain(text).splitlines():
                    line = " ".join(line.split())
                    parts = re.split(r"\{[^{}]*\}|%\(\w+\)[sd]|%[sd]", line)
                    if line and re.search(r"[^\W\d_]", "".join(parts)):
                        patterns.append(re.compile(".*".join(re.escape(part) for part in parts)))
    return patterns


def untranslated(english: Seen, translated: Seen, language: str) -> dict[str, set[str]]:
    """Texts the language run shows as the English run did, beyond data, brands and SAME_IN words."""
    shown_in_english = {numberless(text) for text in english.texts}
    return {
        text: where
        for text, where in translated.texts.items()
        if numberless(text) in shown_in_english and leftover(text, language, translated.data)
    }


def listed(texts: dict[str, set[str]]) -> str:
    return "\n".join(f"{text!r} — {sorted(where)[0]}" for text, where in sorted(texts.items()))


def outside_literals() -> set[str]:
    """Every string core and the publishers hold in their code, and the templates' field
    definitions (resources/templates/*.toml): what they may show, whether marked for gettext yet or not."""
    import ast
    import tomllib

    found: set[str] = set()
    for folder in ("composer/core", "composer/publishers"):
        for path in (ROOT / folder).rglob("*.py"):
            for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
                if isinstance(node, ast.Constant) and isinstance(node.value, str):
                    found.add(" ".join(node.value.split()))

    def strings(value: object) -> None:
        if isinstance(value, str):
            found.add(" ".join(value.split()))
        elif isinstance(value, dict):
            for item in value.values():
                strings(item)
        elif isinstance(value, list):
            for item in value:
                strings(item)

    for path in (ROOT / "resources" / "templates").glob("*.toml"):
        strings(tomllib.loads(path.read_text(encoding="utf-8")))
    return found


OUTSIDE = outside_literals()


def widgets_own(text: str, widget_messages: list[re.Pattern[str]], gettext_messages: list[re.Pattern[str]]) -> bool:
    """A text of the widgets' own catalogue (Qt Linguist), not one core, a publisher or a template says."""
    if text in OUTSIDE or text.removesuffix(" *") in OUTSIDE or any(p.fullmatch(text) for p in gettext_messages):
        return False
    return any(p.fullmatch(text) for p in widget_messages)


@pytest.mark.parametrize("language", ["ca", "es"])
def test_the_widgets_speak_the_language(language, seen_in, widget_messages, gettext_messages):
    """Every visible text the widgets write themselves is translated (or is data, a name, a brand)."""
    translated = seen_in(language)
    assert len(translated.texts) > 300, "the scenario read too little to mean anything"
    missing = untranslated(seen_in("en"), translated, language)
    ours = {text: where for text, where in missing.items() if widgets_own(text, widget_messages, gettext_messages)}
    assert not ours, f"{len(ours)} texts of the widgets not translated into {language}:\n" + listed(ours)


@pytest.mark.parametrize("language", ["ca", "es"])
def test_what_core_says_in_the_window_is_translated(language, seen_in, widget_messages, gettext_messages):
    """Every other visible text — what core, the publishers and the templates' field definitions
    say (gettext): the checklist, the accounts' and templates' forms, channel names — is
    translated too. The failure lists exactly which are not, and where they are shown."""
    missing = untranslated(seen_in("en"), seen_in(language), language)
    theirs = {
        text: where for text, where in missing.items() if not widgets_own(text, widget_messages, gettext_messages)
    }
    assert not theirs, f"{len(theirs)} texts from outside the widgets not translated into {language}:\n" + listed(
        theirs
    )


@pytest.mark.parametrize("language", ["en", "ca", "es"])
def test_no_label_or_button_is_clipped(language, seen_in):
    clipped = seen_in(language).clipped
    assert not clipped, f"clipped in {language}:\n" + "\n".join(clipped)
