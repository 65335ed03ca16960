# SPDX-License-Identifier: GPL-3.0-or-later
"""One store file's membership of a workspace: capture, push, pull, apply — a round.

Each step is its own transaction and each is safe to cut: captured changes wait in the
revision log until pushed, pulled revisions wait in `ws_dirty` until applied, so a round cut by
a crash or a dropped connection is finished by the next one.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from composer.core.connection import connect
from composer.core.paths import user_templates
from composer.core.workspace import capture, sync, templates
from composer.core.workspace.local import LocalCopy

T = TypeVar("T")


class WorkspaceCopy:
    def __init__(self, path: Path, author: str):
        self.conn = connect(path)
        self.copy = LocalCopy(self.conn)
        self.author = author
        self.templates = user_templates(path.parent)  # the data folder's own templates, shared too

    def close(self) -> None:
        self.conn.close()

    def _immediate(self, work: Callable[[], T]) -> T:
        self.conn.execute("BEGIN IMMEDIATE")
        try:
            done = work()
        except BaseException:
            self.conn.rollback()
            raise
        self.conn.commit()
        return done

    def capture(self) -> int:
        """Records the changes saved here since the last capture (rows and template files); how many."""

        def work() -> int:
            rows = len(capture.capture(self.conn, self.author))
            return rows + templates.capture(self.conn, self.templates, self.author)

        return self._immediate(work)

    def apply(self) -> int:
        """Writes what was pulled into the rows and the templates folder; how many."""

        def work() -> int:
            dirty = {row[0] for row in self.conn.execute("SELECT object FROM ws_dirty WHERE object LIKE 'template:%'")}
            written = templates.apply(self.conn, self.templates, dirty)
            return written + capture.apply(self.conn, self.author)

        return self._immediate(work)

    def round(self, workspace: sync.Workspace) -> sync.Round:
        """Capture, push, pull, apply. Raises WorkspaceUnreachable with whatever was done kept."""
        self.capture()
        try:
            done = sync.sync_once(self.copy, workspace)
        finally:
            self.apply()  # what an earlier, cut round pulled, even when this one could not finish
        return done
