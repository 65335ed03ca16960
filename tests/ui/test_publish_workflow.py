# SPDX-License-Identifier: GPL-3.0-or-later
"""The publishing workflow works from what it is given (no main window): the seam the window uses."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from composer.app import build_context
from composer.core.checks import CheckConfig
from composer.core.model import Incident, Update
from composer.core.templates import TemplateLibrary
from composer.ui.publish_workflow import PublishWorkflow


def test_the_workflow_needs_a_context_a_library_a_config_and_three_callables(qtbot, home, prompter):
    context = build_context(home=home, prompter=prompter)
    parent = QWidget()
    qtbot.addWidget(parent)
    store = context.store
    incident = store.add_incident(Incident(title="Mail is late"))
    update = store.add_update(Update(incident_id=incident.id, body="We are sorry: mail is late."))
    store.save_account("toots", "mastodon", {"url": "https://mastodon.example"})
    store.save_account("list", "email", {"host": "smtp.example.net"})
    config = CheckConfig()
    asked: list[str] = []
    workflow = PublishWorkflow(
        context,
        TemplateLibrary(user_folder=home / "templates").load(),
        config,
        on_screen=lambda: (incident, update),
        save_all=lambda: asked.append("save") or True,
        gate=lambda update_id: asked.append(f"gate {update_id}") is None,
        parent=parent,
    )
    try:
        with qtbot.waitSignal(workflow.channels_changed, timeout=15_000):
            workflow.refresh_channels()
        assert [limit.name for limit in config.channels] == ["Mastodon"]  # email has no length limit
        [preview] = workflow.channel_previews("We are sorry: mail is late. Next update by 10:30 CET.")
        assert preview.channel == "mastodon" and not preview.error
        assert "Next update by 10:30 CET" in preview.parts[0]

        dialog = workflow.publish()
        assert asked == ["save", f"gate {update.id}"]
        assert dialog is not None and set(dialog.rows) == {"toots", "list"}
        assert dialog.update_to_publish.title == "Mail is late"
        dialog.close()
    finally:
        workflow.close()
        context.close()
