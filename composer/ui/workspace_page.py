# SPDX-License-Identifier: GPL-3.0-or-later
"""Preferences → Workspace: join a team's workspace, see how this copy stands in it, leave it.

The same operations as `incident-composer workspace join|status|leave`, off the UI thread (a
workspace that does not answer takes up to its connection timeout). The password goes to the
keyring (or, with no keyring and the person's consent, memory for this session). Joining starts
the window's sync at once; leaving stops it first.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

if TYPE_CHECKING:
    from composer.app import AppContext
    from composer.core.workspace.membership import Status
    from composer.ui.workspace_workflow import WorkspaceWorkflow


class WorkspacePage(QWidget):
    def __init__(self, context: AppContext, workflow: WorkspaceWorkflow | None, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("workspacePage")
        self.context = context
        self.workflow = workflow
        self.summary = QLabel()
        self.summary.setObjectName("workspaceSummary")
        self.summary.setWordWrap(True)
        self.url = QLineEdit()
        self.url.setObjectName("workspaceUrl")
        self.url.setPlaceholderText("postgresql://you@db.example.net/comms")
        self.url.setAccessibleName(self.tr("Workspace address"))
        self.password = QLineEdit()
        self.password.setObjectName("workspacePassword")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setAccessibleName(self.tr("Password"))
        self.join_button = QPushButton(self.tr("&Join"))
        self.join_button.clicked.connect(self.join)
        self.leave_button = QPushButton(self.tr("&Leave the workspace"))
        self.leave_button.clicked.connect(self.leave)
        self.roles = QLabel()
        self.roles.setObjectName("workspaceRoles")
        self.roles.setWordWrap(True)
        self.outcome = QLabel()
        self.outcome.setObjectName("workspaceOutcome")
        self.outcome.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("&Address:"), self.url)
        form.addRow(self.tr("&Password:"), self.password)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.leave_button)
        buttons.addWidget(self.join_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.roles)
        layout.addLayout(form)
        layout.addLayout(buttons)
        layout.addWidget(self.outcome)
        layout.addStretch(1)
        self.refresh()

    def apply(self) -> None:
        """Nothing to save on OK: joining and leaving happen when their buttons are pressed."""

    def _status(self) -> Status:
        from composer.core.connection import connect  # noqa: PLC0415
        from composer.core.workspace import membership  # noqa: PLC0415

        conn = connect(self.context.store.path)
        try:
            return membership.status(conn)
        finally:
            conn.close()

    def refresh(self) -> None:
        found = self._status()
        joined = found.joined
        if joined:
            state = self.workflow.state if self.workflow is not None else None
            lines = [
                self.tr("This data folder is in the workspace %1 as %2.")
                .replace("%1", found.url)
                .replace("%2", found.user)
            ]
            if state is not None and state.online is False:
                lines.append(self.tr("It cannot be reached now: drafting goes on here."))
            lines.append(
                self.tr("Waiting to be sent: %1. Conflicts: %2.")
                .replace("%1", str(found.waiting))
                .replace("%2", str(found.conflicts))
            )
            self.summary.setText("\n".join(lines))
            self._ask_roles()
        else:
            self.roles.clear()
            self.summary.setText(
                self.tr(
                    "Not in a workspace: this data folder is only here. Join a team's workspace (a PostgreSQL database) to share incidents, the roster and approvals."  # noqa: E501
                )
            )
        for widget in (self.url, self.password, self.join_button):
            widget.setEnabled(not joined)
        self.leave_button.setEnabled(joined)

    def _ask_roles(self) -> None:
        """What this person may do, asked of the workspace off the UI thread (it may not answer)."""
        from composer.core.workspace import membership  # noqa: PLC0415
        from composer.ui.publishing_context import credential_store  # noqa: PLC0415

        secrets = credential_store(self.context, ask=False)
        if secrets is None:
            return
        path = self.context.store.path

        def ask(_report: object, _cancelled: object) -> list[str]:
            from composer.core.connection import connect  # noqa: PLC0415

            conn = connect(path)
            try:
                workspace = membership.open_workspace(conn, secrets)[1]
            finally:
                conn.close()
            try:
                return workspace.roles()
            finally:
                workspace.close()

        words = {
            "draft": self.tr("draft"),
            "review": self.tr("review and approve"),
            "administer": self.tr("administer"),
        }

        def show(roles: list[str]) -> None:
            said = ", ".join(words.get(role, role) for role in roles) or self.tr("nothing (no role was granted)")
            self.roles.setText(self.tr("You may: %1.").replace("%1", said))

        def unknown(_error: Exception) -> None:
            self.roles.setText(self.tr("What you may do will show when the workspace answers."))

        self.context.runner().run(ask, done=show, failed=unknown, name="workspace roles")

    def join(self) -> None:
        from composer.core.workspace import membership  # noqa: PLC0415
        from composer.ui.publishing_context import credential_store  # noqa: PLC0415

        secrets = credential_store(self.context, ask=True)
        if secrets is None:
            self.outcome.setText(self.tr("There is nowhere to keep the password (no keyring): not joined."))
            return
        url, password = self.url.text().strip(), self.password.text() or None
        path = self.context.store.path
        self.join_button.setEnabled(False)
        self.outcome.setText(self.tr("Joining…"))

        def joined(_address: object) -> None:
            self.password.clear()
            self.outcome.setText(self.tr("Joined. The first sync runs now."))
            if self.workflow is not None:
                self.workflow.start()
            self.refresh()

        def failed(error: Exception) -> None:
            text = str(error) if isinstance(error, membership.WorkspaceError) else f"{type(error).__name__}: {error}"
            self.outcome.setText(self.tr("Not joined: %1").replace("%1", text))
            self.refresh()

        self.context.runner().run(
            lambda _report, _cancelled: membership.join(path, url, secrets, password),
            done=joined,
            failed=failed,
            name="join workspace",
        )

    def leave(self) -> None:
        from composer.core.credentials import MemoryCredentials  # noqa: PLC0415  (no keyring: nothing to forget)
        from composer.core.workspace import membership  # noqa: PLC0415
        from composer.ui.publishing_context import credential_store  # noqa: PLC0415

        found = self._status()
        if found.waiting:
            question = self.tr(
                "%1 changes made here have not reached the workspace and would not reach the team. Leave anyway?"
            ).replace("%1", str(found.waiting))
        else:
            question = self.tr(
                "Leave the workspace? This data folder keeps its incidents; the team's changes stop arriving."
            )
        if not self.context.prompter.confirm(self.tr("Leave the workspace"), question):
            return
        if self.workflow is not None:
            self.workflow.stop()
        secrets = credential_store(self.context, ask=False)
        membership.leave(self.context.store.path, secrets if secrets is not None else MemoryCredentials())
        self.outcome.setText(self.tr("Left the workspace."))
        self.refresh()
