# SPDX-License-Identifier: GPL-3.0-or-later
"""Workspace mode for one window (issue 17): the background sync, its banner, live reloads,
who edits what, conflicts to resolve and updates to review.

It is given what it needs, not the window: the context (store, secrets, prompter), what is on
screen, save everything, reload the window, and the editor's body (made read-only while someone
else edits the update on screen, until the person chooses "Edit anyway"). The sync runs on its
own thread (`composer.core.workspace.service`); its reports come here as queued signals.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

from composer.ui.workspace_banner import WorkspaceBanner

if TYPE_CHECKING:
    from PySide6.QtWidgets import QPlainTextEdit, QWidget

    from composer.app import AppContext
    from composer.core.model import Incident, Update
    from composer.core.workspace.service import SyncService, SyncState
    from composer.ui.review_dialog import ReviewDialog, Waiting

OnScreen = Callable[[], "tuple[Incident | None, Update | None]"]


class WorkspaceWorkflow(QObject):
    remote_changed = Signal(object)  # set of objects, from the sync thread
    state_changed = Signal(object)  # SyncState, from the sync thread

    def __init__(
        self,
        context: AppContext,
        *,
        on_screen: OnScreen,
        save_all: Callable[[], bool],
        reload: Callable[[], None],
        body: QPlainTextEdit,
        parent: QWidget,
    ):
        super().__init__(parent)
        self.context = context
        self._on_screen, self._save_all, self._reload, self._body = on_screen, save_all, reload, body
        self._parent = parent
        self.banner = WorkspaceBanner()
        self.banner.review.connect(self.review)
        self.banner.resolve.connect(self.resolve)
        self.banner.edit_anyway.connect(self._edit_anyway)
        self.remote_changed.connect(self._on_remote)
        self.state_changed.connect(self._on_state)
        self.service: SyncService | None = None
        self.state: SyncState | None = None
        self._anyway: str | None = None  # the object edited despite someone else
        self.dialog: ReviewDialog | None = None

    # -- starting ------------------------------------------------------------------------------

    def _conn(self) -> sqlite3.Connection:
        from composer.core.connection import connect  # noqa: PLC0415

        return connect(self.context.store.path)

    def start(self) -> bool:
        """Starts the sync if this data folder is in a workspace; whether it is."""
        from composer.core.workspace import membership  # noqa: PLC0415
        from composer.core.workspace.service import SyncService  # noqa: PLC0415
        from composer.ui.publishing_context import credential_store  # noqa: PLC0415

        if str(self.context.store.path) == ":memory:":
            return False
        conn = self._conn()
        try:
            address = membership.joined(conn)
        except sqlite3.Error:
            address = None
        finally:
            conn.close()
        if address is None:
            return False
        secrets = credential_store(self.context, ask=False)
        password = secrets.get(address.secret_account) if secrets is not None else None
        self.service = SyncService(
            self.context.store.path,
            address,
            password,
            on_changed=self.remote_changed.emit,
            on_state=self.state_changed.emit,
        )
        self.service.start()
        return True

    def stop(self) -> None:
        if self.service is not None:
            self.service.stop()
            self.service = None

    # -- what the sync says ----------------------------------------------------------------------

    def _on_remote(self, objects: set[str]) -> None:
        """Another person's change was written into this store: show it. What was typed here
        and not yet saved is saved first (kept as a revision of its own: never lost)."""
        self._save_all()
        self._reload()
        self._show()

    def _on_state(self, state: SyncState) -> None:
        self.state = state
        self._show()

    def _object_on_screen(self) -> str | None:
        _incident, update = self._on_screen()
        if update is None or update.id is None:
            return None
        conn = self._conn()
        try:
            row = conn.execute("SELECT uid FROM updates WHERE id = ?", (update.id,)).fetchone()
        finally:
            conn.close()
        return f"update:{row[0]}" if row and row[0] else None

    def shown(self) -> None:
        """The window shows another update: say so to the others, and who else edits it."""
        obj = self._object_on_screen()
        if self.service is not None:
            self.service.editing(obj)
        self._show()

    def _to_review(self) -> list[int]:
        from composer.core.workspace import review  # noqa: PLC0415

        conn = self._conn()
        try:
            ids = [
                row[0]
                for row in conn.execute(
                    "SELECT id FROM updates u WHERE NOT EXISTS (SELECT 1 FROM publications p WHERE p.update_id = u.id)"
                )
            ]
            waiting = []
            for update_id in ids:
                found = review.review_of(conn, update_id)
                if found is not None and found.standing.value == "awaiting-review":
                    waiting.append(update_id)
            return waiting
        finally:
            conn.close()

    def _show(self) -> None:
        state = self.state
        if state is None:
            return
        obj = self._object_on_screen()
        editor = state.editing.get(obj, "") if obj else ""
        held = bool(editor) and self._anyway != obj
        self._body.setReadOnly(held)
        self.banner.show_state(
            offline="" if state.online else state.error,
            waiting=state.waiting,
            conflicts=state.conflicts,
            to_review=len(self._to_review()),
            editor=editor,
            refused=state.refused,
        )

    def _edit_anyway(self) -> None:
        obj = self._object_on_screen()
        who = self.state.editing.get(obj or "", "") if self.state else ""
        question = self.tr(
            "%1 is editing this update now. If you both change it, both versions are kept and one of you resolves the conflict. Edit it anyway?"  # noqa: E501 - one message for translators
        ).replace("%1", who)
        if self.context.prompter.confirm(self.tr("Edit anyway"), question):
            self._anyway = obj
            self._show()
            if self.service is not None:
                self.service.editing(obj)

    # -- reviewing ---------------------------------------------------------------------------------

    def waiting(self) -> list[Waiting]:
        from composer.core.checks import RULES, check_document  # noqa: PLC0415
        from composer.core.model import utc_now  # noqa: PLC0415
        from composer.core.outgoing import update_document  # noqa: PLC0415
        from composer.core.workspace import review  # noqa: PLC0415
        from composer.ui.review_dialog import Waiting  # noqa: PLC0415
        from composer.ui.vocabulary import verdict_text  # noqa: PLC0415

        titles = {rule.id: rule.title for rule in RULES}
        store = self.context.store
        found: list[Waiting] = []
        conn = self._conn()
        try:
            for update_id in self._to_review():
                update = store.update(update_id)
                incident = store.incident(update.incident_id or 0)
                standing = review.review_of(conn, update_id)
                if standing is None:
                    continue
                doc = update_document(incident, update, store.previous_public_update_at(update))
                findings = [
                    (
                        verdict_text(f.verdict) if f.verdict.value != "pass" else "",
                        titles.get(f.rule, f.rule),
                        f.message,
                    )
                    for f in check_document(doc, utc_now().astimezone())
                ]
                found.append(Waiting(update_id, incident.title, update.body, standing, findings))
        finally:
            conn.close()
        return found

    def decide(self, update_id: int, approved: bool, comment: str) -> str:
        """Records a verdict here and asks the sync to send it now; "" or why it cannot be."""
        from composer.core.workspace import review  # noqa: PLC0415

        conn = self._conn()
        try:
            user = self.service.address.user if self.service is not None else ""
            with conn:
                review.decide(conn, update_id, user, approved=approved, comment=comment)
        except (ValueError, LookupError) as error:
            return str(error)
        finally:
            conn.close()
        if self.service is not None:
            self.service.poke()
        return ""

    def review(self) -> ReviewDialog | None:
        from composer.ui.review_dialog import ReviewDialog  # noqa: PLC0415

        if self.service is None:
            self.context.prompter.warn(
                self.tr("Review updates"),
                self.tr("Reviews happen in a team's workspace: join one in Edit → Preferences → Workspace."),
            )
            return None
        self.dialog = ReviewDialog(self.waiting(), self.decide, self._parent)
        self.dialog.finished.connect(lambda _code: self._show())
        self.dialog.open()
        return self.dialog

    # -- conflicts ----------------------------------------------------------------------------------

    def resolve(self) -> None:
        """Each conflict in turn: keep the version shown, or the other one (both stay in history)."""
        from composer.core.workspace.capture import apply  # noqa: PLC0415
        from composer.core.workspace.local import LocalCopy, resolve  # noqa: PLC0415

        if self.service is None:
            return
        conn = self._conn()
        try:
            for state in LocalCopy(conn).conflicts():
                shown, other = state.shown, state.others[0]
                question = self.tr(
                    "Two people changed the same thing at the same time.\n\nShown now (%1):\n%2\n\nThe other version (%3):\n%4\n\nKeep the version shown? (No keeps the other one.)"  # noqa: E501 - one message for translators
                )
                for key, value in (
                    ("%1", shown.author),
                    ("%2", _summary(shown.content)),
                    ("%3", other.author),
                    ("%4", _summary(other.content)),
                ):
                    question = question.replace(key, value)
                keep_shown = self.context.prompter.confirm(self.tr("Resolve a conflict"), question)
                chosen = shown.content if keep_shown else other.content
                with conn:
                    resolve(conn, state.object, chosen, self.service.address.user)
                    conn.execute("INSERT OR IGNORE INTO ws_dirty (object) VALUES (?)", (state.object,))
            conn.execute("BEGIN IMMEDIATE")  # the rows show the version kept now, not at the next round
            apply(conn, self.service.address.user)
            conn.commit()
        finally:
            conn.close()
        self._reload()
        self.service.poke()


def _summary(content: object) -> str:
    if not isinstance(content, dict):
        return "—"
    text = str(content.get("body") or content.get("title") or content.get("name") or content)
    return text if len(text) <= 600 else text[:600] + "…"
