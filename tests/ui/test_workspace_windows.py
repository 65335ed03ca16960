# SPDX-License-Identifier: GPL-3.0-or-later
"""Two people's windows on one workspace (a real PostgreSQL), each with its own data folder:
a new incident and an edit made in one window appear in the other without anyone asking; while
the workspace is down the window says so and drafting goes on; a reviewer approves in the
Review window and the drafter's publishing gate then lets the update through."""

from __future__ import annotations

import pytest
from peers import start_peer
from postgres_peer import PostgresPeer

from composer.app import build_context, create_window
from composer.core.credentials import MemoryCredentials
from composer.core.workspace import membership, remote, review
from composer.core.workspace.gate import approval_refusal
from composer.core.workspace.session import WorkspaceCopy

READY_TIMEOUT_MS = 20_000
WAIT_MS = 20_000  # a bound that holds on a loaded machine; speed is the benchmark's to measure


@pytest.fixture
def server():
    peer = start_peer("PostgreSQL", PostgresPeer().start)
    try:
        peer.create_database("team")
        with peer.admin("team") as conn:
            conn.autocommit = False
            remote.set_up(conn)
        for name, role in (("ana", "composer_reviewer"), ("bo", "composer_drafter"), ("carla", "composer_admin")):
            peer.add_person(name, f"{name}-pass", role)
        yield peer
    finally:
        peer.stop()


@pytest.fixture
def open_window(qtbot, tmp_path, server, prompter):
    opened = []

    def open_as(name):
        prompter_ = type(prompter)()  # tests/ui/conftest.py's scripted prompter, one per person
        context = build_context(home=tmp_path / name, prompter=prompter_)
        context.credentials = MemoryCredentials()
        membership.join(context.store.path, server.url("team", name), context.credentials, f"{name}-pass")
        window = create_window(context)
        opened.append((window, context))
        qtbot.addWidget(window)
        window.show()
        qtbot.waitUntil(lambda: window.is_ready, timeout=READY_TIMEOUT_MS)
        qtbot.waitUntil(lambda: window.workspace.state is not None and window.workspace.state.online, timeout=WAIT_MS)
        return window

    yield open_as
    for window, context in reversed(opened):
        if not window.is_shut_down:
            window.close()
            window.shutdown()
        context.close()


def test_two_windows_on_one_workspace(qtbot, server, open_window, tmp_path):
    ana, bo = open_window("ana"), open_window("bo")
    ana.context.prompter.answers.append("Mail delayed")
    ana.menu_actions.new_incident.trigger()
    ana.editor.body.setPlainText("Mail is delayed by up to an hour. We are on it.")
    assert ana.save_all()
    qtbot.waitUntil(lambda: bo.incident_list.incident_count() == 1, timeout=WAIT_MS)
    bo.show_incident(bo.store.incidents()[0].id)
    qtbot.waitUntil(lambda: "up to an hour" in bo.editor.body.toPlainText(), timeout=WAIT_MS)
    # Bo's edit reaches Ana's window, in the update she has on screen.
    bo.editor.body.setPlainText("Mail is delayed by up to an hour; sending works, receiving is late.")
    assert bo.save_all()
    qtbot.waitUntil(lambda: "receiving is late" in ana.editor.body.toPlainText(), timeout=WAIT_MS)
    # Who edits: Ana sees that Bo has the update open.
    qtbot.waitUntil(lambda: "bo is editing this update" in ana.workspace.banner.text.text(), timeout=WAIT_MS)
    assert ana.editor.body.isReadOnly()
    ana.context.prompter.answers.append(True)
    ana.workspace.banner.edit_button.click()
    assert not ana.editor.body.isReadOnly()

    # The workspace goes down: the window says so, and drafting goes on.
    server.pause()
    try:
        ana.editor.body.setPlainText("Mail is delayed by up to two hours; sending works, receiving is late.")
        assert ana.save_all()
        said = "Workspace unreachable: drafting goes on here; 1 change will be sent when it answers."
        qtbot.waitUntil(lambda: said in ana.workspace.banner.text.text(), timeout=WAIT_MS)
        assert ana.workspace.banner.isVisible()
    finally:
        server.resume()
    ana.workspace.service.poke()
    qtbot.waitUntil(lambda: "Workspace unreachable" not in ana.workspace.banner.text.text(), timeout=WAIT_MS)
    bo.workspace.service.poke()
    qtbot.waitUntil(lambda: "two hours" in bo.editor.body.toPlainText(), timeout=WAIT_MS)

    # Both edit the update while the workspace is down: when it is back, both windows show the
    # conflict and keep both texts; Ana resolves it and both windows agree again.
    server.pause()
    try:
        ana.editor.body.setPlainText("Ana: mail is late by up to two hours.")
        assert ana.save_all()
        if bo.editor.body.isReadOnly():
            bo.context.prompter.answers.append(True)
            bo.workspace.banner.edit_button.click()
        bo.editor.body.setPlainText("Bo: mail is late; only receiving.")
        assert bo.save_all()
        for window in (ana, bo):
            qtbot.waitUntil(lambda w=window: "1 change will be sent" in w.workspace.banner.text.text(), timeout=WAIT_MS)
    finally:
        server.resume()
    for window in (ana, bo, ana):
        window.workspace.service.poke()
        qtbot.wait(300)
    conflict = "1 change conflicts: two people changed the same thing. Both versions are kept."
    for window in (ana, bo):
        qtbot.waitUntil(lambda w=window: conflict in w.workspace.banner.text.text(), timeout=WAIT_MS)
        assert not window.workspace.banner.resolve_button.isHidden()
    kept = {ana.editor.body.toPlainText(), bo.editor.body.toPlainText()}
    assert len(kept) == 1 and kept < {"Ana: mail is late by up to two hours.", "Bo: mail is late; only receiving."}
    ana.context.prompter.answers.append(True)  # keep the version shown
    ana.workspace.banner.resolve_button.click()
    for window in (ana, bo):
        window.workspace.service.poke()
        qtbot.waitUntil(lambda w=window: "conflict" not in w.workspace.banner.text.text(), timeout=WAIT_MS)
        assert window.editor.body.toPlainText() in kept
    # History lists the team's versions with who made them; restoring Bo's makes it Ana's newest text.
    from composer.core.workspace.history import team_versions
    from composer.ui.history_dialog import HistoryDialog

    update_id = ana.editor.current_update.id
    versions = team_versions(ana.store.path, update_id)
    assert {version.author for version in versions} == {"ana", "bo"}
    dialog = HistoryDialog(ana.store.revisions(update_id), ana, ana.store.events(update_id), versions)
    texts = [dialog.list.item(row).text() for row in range(dialog.list.count())]
    bo_row = next(row for row, text in enumerate(texts) if " · by bo · " in text)
    dialog.list.setCurrentRow(bo_row)
    chosen = dialog.chosen()
    assert chosen.id is None and chosen.body == next(v.body for v in versions if v.author == "bo")
    dialog.reject()


def test_review_in_the_window_lets_the_update_through(qtbot, server, open_window, tmp_path):
    path = _carla_store(tmp_path)  # the administrator sets the policy
    membership.join(path, server.url("team", "carla"), MemoryCredentials(), "carla-pass")
    admin = WorkspaceCopy(path, "carla")
    with admin.conn:
        review.set_policy(admin.conn, "all", "carla")
    workspace = remote.RemoteWorkspace(server.url("team", "carla"), "carla-pass")
    admin.round(workspace)
    workspace.close()
    admin.close()
    ana, bo = open_window("ana"), open_window("bo")
    bo.context.prompter.answers.append("Payments failing")
    bo.menu_actions.new_incident.trigger()
    bo.editor.body.setPlainText("Card payments fail since 10:05 CET. We are on it.")
    assert bo.save_all()
    update = bo.editor.current_update
    assert "second person" in approval_refusal(bo.store.path, update.id)
    with bo.workspace._conn() as conn:
        review.submit(conn, update.id, "bo")
    bo.workspace.service.poke()
    qtbot.waitUntil(lambda: not ana.workspace.banner.review_button.isHidden(), timeout=WAIT_MS)
    dialog = ana.workspace.review()
    assert dialog.list.count() == 1
    assert "Card payments fail" in dialog.text.toPlainText()
    dialog.approve_button.click()
    assert dialog.outcome.text() == "Approved."
    qtbot.waitUntil(lambda: approval_refusal(bo.store.path, update.id) == "", timeout=WAIT_MS)


def _carla_store(tmp_path):
    from composer.core.store import Store

    path = tmp_path / "carla" / "composer.db"
    Store.open(path)[0].close()
    return path


def test_joining_and_leaving_from_preferences(qtbot, server, tmp_path, prompter):
    from composer.ui.workspace_page import WorkspacePage

    context = build_context(home=tmp_path / "ana", prompter=prompter)
    context.credentials = MemoryCredentials()
    window = create_window(context)
    qtbot.addWidget(window)
    window.show()
    try:
        qtbot.waitUntil(lambda: window.is_ready, timeout=READY_TIMEOUT_MS)
        page = WorkspacePage(context, window.workspace)
        assert "Not in a workspace" in page.summary.text() and not page.leave_button.isEnabled()
        page.url.setText(server.url("team", "ana"))
        page.password.setText("wrong")
        page.join_button.click()
        qtbot.waitUntil(lambda: page.outcome.text().startswith("Not joined:"), timeout=WAIT_MS)
        assert "password" in page.outcome.text()
        page.password.setText("ana-pass")
        page.join_button.click()
        qtbot.waitUntil(lambda: page.outcome.text().startswith("Joined"), timeout=WAIT_MS)
        assert page.password.text() == ""  # the password went to the keyring, not the form
        assert context.credentials.get(membership.parse(server.url("team", "ana")).secret_account) == "ana-pass"
        qtbot.waitUntil(lambda: window.workspace.state is not None and window.workspace.state.online, timeout=WAIT_MS)
        assert "in the workspace" in page.summary.text() and page.leave_button.isEnabled()
        qtbot.waitUntil(lambda: page.roles.text() == "You may: draft, review and approve.", timeout=WAIT_MS)
        prompter.answers.append(True)
        page.leave_button.click()
        assert window.workspace.service is None
        assert "Not in a workspace" in page.summary.text()
        assert context.credentials.get(membership.parse(server.url("team", "ana")).secret_account) is None
    finally:
        window.close()
        window.shutdown()
        context.close()
