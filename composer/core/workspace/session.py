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
from composer.core.workspace import capture, sync
from composer.core.workspace.local import LocalCopy

T = TypeVar("T")


class WorkspaceCopy:
    def __init__(self, path: Path, author: str):
        self.conn = connect(path)
        self.copy = LocalCopy(self.conn)
        self.author = author

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
        """Records the changes saved here since the last capture; how many revisions."""
        return len(self._immediate(lambda: capture.capture(self.conn, self.author)))

    def apply(self) -> int:
        return self._immediate(lambda: capture.apply(self.conn, self.author))

    def round(self, workspace: sync.Workspace) -> sync.Round:
        """Capture, push, pull, apply. Raises WorkspaceUnreachable with whatever was done kept."""
        self.capture()
        try:
            done = sync.sync_once(self.copy, workspace)
        finally:
            self.apply()  # what an earlier, cut round pulled, even when this one could not finish
        return done
