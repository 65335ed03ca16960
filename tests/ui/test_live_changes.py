# SPDX-License-Identifier: GPL-3.0-or-later
"""Live changes: the organisation, the people and the accounts apply to the open window as
soon as they are saved, in the window or from the command line (another process), never
only after a restart; and the window's own saves of what is typed are no settings change.

The watch is polled by calling its slot where the test knows a change was made; the timer's
own polling is covered once, waited for with a timeout.
"""

from __future__ import annotations

import pytest
from outbox_cli import Composer, KeyringSession
from peers import start_peer
from PySide6.QtGui import QTextCursor

from composer.core.checks import Verdict
from composer.core.model import Incident, Organisation, Person, Status, Update, utc_now
from composer.core.store import Store
from composer.ui.profile_dialog import ProfileDialog

ALTERNATE = "https://example-hosting.pages.dev/contact"
UNSIGNED = "We are sorry: email is slow for some customers since 10:00. We are investigating."
LONG = "\n\n".join(
    f"Part {n}: we are moving every mailbox to the spare cluster, one region at a time, and checking each "
    "one before we go on, so no message is lost on the way."
    for n in range(1, 7)
)


@pytest.fixture(scope="module")
def keyring_env(tmp_path_factory):
    """A real Secret Service on a private D-Bus: `accounts add` keeps the token there, as on a desktop."""
    session = start_peer("Secret Service (dbus + gnome-keyring)", KeyringSession(tmp_path_factory.mktemp("kr")).start)
    yield session.env
    session.stop()


def _window_with_an_update(make_window, body: str):
    """A window showing one incident's update with `body` typed in it (made in the store, then shown)."""
    window = make_window()
    now = utc_now()
    incident = window.store.add_incident(Incident(title="Email delivery delayed", started_at=now))
    window.store.add_update(Update(incident_id=incident.id, status=Status.INVESTIGATING, next_update_at=now))
    window.reload(select=incident.id)
    window.editor.body.setPlainText(body)
    window.save_all()
    window.live_checks.run_now()
    return window


def _fill(dialog: ProfileDialog) -> None:
    dialog.org_name.setText("Example Hosting")
    dialog.contact_url.setText("https://www.example.net/contact")
    dialog.email.setText("support@example.net")
    dialog.phone.setText("+34 930 000 000")
    dialog.status_page.setText("https://status.example.net")
    dialog.alternate_contact_url.setText(ALTERNATE)
    dialog.table.setRowCount(0)
    dialog._add_row(Person("Marta Vidal", "Head of Support"))


def _fix(window, rule: str):
    row = window.checklist.rows[rule]
    return row.finding.fix if row.finding is not None and not row.fix.isHidden() else None


def _tab(window, title: str) -> str | None:
    tabs = window.previews
    return next((tabs.tabText(i) for i in range(tabs.count()) if tabs.tabText(i).startswith(title)), None)


def _signals(window) -> list[None]:
    seen: list[None] = []
    window.store_watch.settings_changed.connect(lambda: seen.append(None))
    return seen


# -- (a) the organisation and the people, saved in the window --------------------------------


def test_saving_the_organisation_and_a_person_brings_the_fix_buttons_without_a_restart(make_window, qtbot):
    window = _window_with_an_update(make_window, UNSIGNED)
    contact = window.checklist.rows["give-contact-info"]
    assert contact.finding.verdict is Verdict.FAIL
    assert _fix(window, "give-contact-info") is None  # nothing to insert: no organisation yet
    assert _fix(window, "sign-your-name") is None  # nobody to sign as
    assert window.templates.prefill()["org_name"] == ""

    dialog = ProfileDialog(window.store, window)  # as edit_profile makes it
    qtbot.addWidget(dialog)
    _fill(dialog)
    dialog.save()
    assert window.store_watch.poll() is True

    fix = _fix(window, "give-contact-info")
    assert fix is not None and "+34 930 000 000" in fix.text
    assert window.check_config.organisation.name == "Example Hosting"
    assert [p.name for p in window.check_config.people] == ["Marta Vidal"]
    sign = _fix(window, "sign-your-name")
    assert sign is not None and sign.text.strip() == "Marta Vidal, Head of Support"
    signers = window.editor.signer
    assert [signers.itemText(i) for i in range(signers.count())] == ["Marta Vidal, Head of Support"]
    # The workflows share the one configuration; the template form starts from the new organisation.
    assert window.templates.check_config is window.check_config is window.publishing.check_config
    prefill = window.templates.prefill()
    assert prefill["org_name"] == "Example Hosting" and prefill["signer_name"] == "Marta Vidal"

    contact.fix.click()  # the Fix works on what was just saved
    assert "+34 930 000 000" in window.editor.body.toPlainText()
    assert window.checklist.rows["give-contact-info"].finding.verdict is Verdict.PASS
    assert window.store_watch.poll() is False  # applied once: nothing new since


def test_organisation_and_people_applies_as_the_dialog_closes(make_window, qtbot, monkeypatch):
    window = _window_with_an_update(make_window, UNSIGNED)
    seen = _signals(window)

    def exec_and_save(dialog):  # the user fills the dialog in and presses Save
        _fill(dialog)
        dialog._save_and_close()
        return dialog.result()

    monkeypatch.setattr(ProfileDialog, "exec", exec_and_save)
    window.menu_actions.profile.trigger()
    assert seen == [None]  # at once, not at the next tick
    assert _fix(window, "give-contact-info") is not None
    assert _fix(window, "sign-your-name") is not None


def test_the_timer_notices_a_change_by_itself(make_window, qtbot):
    window = _window_with_an_update(make_window, UNSIGNED)
    other, _report = Store.open(window.store.path)  # another connection, as another process has
    try:
        other.save_organisation(Organisation(name="Example Hosting", phone="+34 930 000 000"))
    finally:
        other.close()
    qtbot.waitUntil(lambda: _fix(window, "give-contact-info") is not None, timeout=10_000)


def test_a_changed_checks_file_applies_too(make_window, home):
    window = _window_with_an_update(make_window, UNSIGNED)
    shared = window.check_config
    (home / "checks.toml").write_text("[timeliness]\ncadence_minutes = 45\nremind_minutes_before = 20\n")
    assert window.store_watch.poll() is True
    assert window.check_config is shared and shared.cadence.total_seconds() == 45 * 60
    assert window.promise_watch.warn_before.total_seconds() == 20 * 60


# -- (b) accounts added from the command line, another process --------------------------------


def test_accounts_added_from_the_command_line_get_previews_and_the_fits_check(make_window, home, keyring_env, qtbot):
    window = _window_with_an_update(make_window, LONG)
    qtbot.waitUntil(lambda: window.checklist.rows["fits-channels"].finding is not None, timeout=10_000)
    window.store_watch.poll()  # whatever the start left unseen
    assert _tab(window, "Mastodon") is None and _tab(window, "Bluesky") is None
    seen = _signals(window)
    cli = Composer(keyring_env, home)

    cli.add("mastodon", "toots", {"url": "https://mastodon.example"}, "a-token")
    assert window.store_watch.poll() is True
    window.previews.flush()
    assert (_tab(window, "Mastodon") or "").startswith("Mastodon · thread of 2")
    fits = window.checklist.rows["fits-channels"].finding
    assert fits.verdict is Verdict.WARN and "Mastodon: a thread of 2 posts" in fits.message
    assert [c.name for c in window.check_config.channels] == ["Mastodon"]

    cli.add("bluesky", "sky", {"handle": "status.example.com"}, "app-pass-word")
    assert window.store_watch.poll() is True
    window.previews.flush()
    assert _tab(window, "Mastodon") is not None and _tab(window, "Bluesky") is not None
    assert sorted(c.name for c in window.check_config.channels) == ["Bluesky", "Mastodon"]
    assert "Bluesky" in window.checklist.rows["fits-channels"].finding.message

    removed = cli.run("accounts", "remove", "toots")
    assert removed.returncode == 0, removed.stderr
    assert window.store_watch.poll() is True
    window.previews.flush()
    assert _tab(window, "Mastodon") is None and _tab(window, "Bluesky") is not None
    assert "Mastodon" not in window.checklist.rows["fits-channels"].finding.message
    assert len(seen) == 3


# -- (c) what the window itself saves is no settings change ----------------------------------


def test_typing_and_editing_an_update_do_not_count_as_a_settings_change(make_window, qtbot):
    window = _window_with_an_update(make_window, UNSIGNED)
    window.store_watch.poll()
    seen = _signals(window)
    before = window.store.data_version()
    window.editor.body.moveCursor(QTextCursor.MoveOperation.End)
    qtbot.keyClicks(window.editor.body, " More soon.")
    window.form.title.setText("Email delivery delayed for some")
    assert window.save_all()
    assert window.store.data_version() != before  # the database did move
    assert window.store_watch.poll() is False
    assert seen == []
    assert window.store.update(window.editor.current_update.id).body.endswith("More soon.")


@pytest.mark.parametrize(
    "settings",
    [
        b"timeliness = 'soon'\n",
        b"[plain_language]\nmax_sentence_words = 'many'\n",
        b"[timeliness]\ncadence_minutes = 1" + b"0" * 5000 + b"\n",
        "[organisation]\nname = 'Caf\u00e9'\n".encode("latin-1"),
        b"[[people]]\nname = 'A'\n[people]\nx = 1\n",
    ],
    ids=["table-as-text", "word-count-as-text", "5000-digit-number", "latin-1", "people-clash"],
)
def test_a_hostile_checks_file_is_one_warning_and_the_defaults(make_window, home, prompter, settings):
    """The window reads checks.toml through the same loader as `check --config` (fuzzed there)."""
    window = _window_with_an_update(make_window, UNSIGNED)
    (home / "checks.toml").write_bytes(settings)
    window.store_watch.poll()
    assert window.check_config.cadence.total_seconds() == 30 * 60  # the defaults
    title, text = prompter.warnings[-1]
    assert title == "Checklist settings" and "\n" not in text and "checks.toml" in text
