# SPDX-License-Identifier: GPL-3.0-or-later
"""The window shows how each account's channel will carry the update, and checks it fits."""

from __future__ import annotations

from composer.core.checks import Verdict
from composer.core.lengths import mastodon_length
from composer.core.model import Organisation

# Five parts: two posts of Mastodon's 500 whatever the promise sentence the window adds says ("Next
# update by 00:17 UTC on December 8." when the next update falls on the next day; six parts made a
# third post then, in the last half hour of every day).
LONG = "\n\n".join(
    f"Part {n}: we are moving every mailbox to the spare cluster, one region at a time, and checking each "
    "one before we go on, so no message is lost on the way."
    for n in range(1, 6)
)


def _preview_tab(window, title):
    tabs = window.previews
    return next((tabs.tabText(i) for i in range(tabs.count()) if tabs.tabText(i).startswith(title)), None)


def _start_with_accounts(make_window, prompter, *accounts):
    window = make_window()
    for name, kind, settings in accounts:
        window.store.save_account(name, kind, settings)
    window.publishing.refresh_channels()
    prompter.answers.append("Email delivery delayed")
    window.menu_actions.new_incident.trigger()
    return window


def test_without_limited_channels_there_is_no_channel_tab_and_the_rule_passes(make_window, qtbot, prompter):
    window = _start_with_accounts(make_window, prompter, ("list", "email", {"host": "smtp.example.net"}))
    window.editor.body.setPlainText(LONG)
    qtbot.waitUntil(lambda: window.checklist.rows["fits-channels"].finding is not None, timeout=10_000)
    assert window.checklist.rows["fits-channels"].finding.verdict is Verdict.PASS
    assert _preview_tab(window, "Mastodon") is None


def test_a_long_update_shows_the_thread_and_warns(make_window, qtbot, prompter):
    window = _start_with_accounts(
        make_window,
        prompter,
        ("toots", "mastodon", {"url": "https://mastodon.example"}),
        ("blog", "wordpress", {"url": "https://blog.example", "username": "ed"}),
    )
    window.editor.body.setPlainText(LONG)
    qtbot.waitUntil(
        lambda: (_preview_tab(window, "Mastodon") or "").startswith("Mastodon · thread of 2"), timeout=10_000
    )
    view = window.previews.findChild(type(window.previews.email), "preview-mastodon")
    text = view.toPlainText()
    assert "── post 1 of 2 · " in text and "── post 2 of 2 · " in text and "(2/2)" in text
    assert _preview_tab(window, "WordPress") is None  # no limit: not a short channel
    row = window.checklist.rows["fits-channels"]
    qtbot.waitUntil(lambda: row.finding is not None and row.finding.verdict is Verdict.WARN, timeout=10_000)
    assert "Mastodon: a thread of 2 posts" in row.finding.message


def test_a_short_update_fits_and_the_tab_shows_its_count(make_window, qtbot, prompter):
    window = _start_with_accounts(make_window, prompter, ("toots", "mastodon", {"url": "https://mastodon.example"}))
    window.store.save_organisation(Organisation(name="Example", status_page_url="https://status.example"))
    window.editor.body.setPlainText("We are sorry: email is slow. https://status.example.com/incidents/" + "x" * 80)
    qtbot.waitUntil(lambda: (_preview_tab(window, "Mastodon") or "").endswith("/500"), timeout=10_000)
    view = window.previews.findChild(type(window.previews.email), "preview-mastodon")
    posted = view.toPlainText()
    # What goes out: the text with the promise of the ticked "Next update by" box written in.
    assert posted.startswith("We are sorry: email is slow.") and "Next update by" in posted
    assert _preview_tab(window, "Mastodon") == f"Mastodon · {mastodon_length(posted)}/500"  # the link counts 23
    assert mastodon_length(posted) == 52 + mastodon_length(posted.split("\n\n", 1)[1]) + 2
    row = window.checklist.rows["fits-channels"]
    qtbot.waitUntil(lambda: row.finding is not None and row.finding.verdict is Verdict.PASS, timeout=10_000)
