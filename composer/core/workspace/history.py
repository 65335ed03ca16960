# SPDX-License-Identifier: GPL-3.0-or-later
"""An update's versions as the team made them: each revision of `update:<uid>` that the workspace
holds or this copy made, with who made it and when (the History window lists them beside this
copy's own snapshots). Outside a workspace there are none."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from composer.core.workspace import local
from composer.core.workspace.revisions import Revision


@dataclass(frozen=True)
class TeamVersion:
    author: str
    at: datetime
    body: str
    shown: bool  # the version this copy shows now (a leaf chosen as the latest)


def team_versions(path: Path, update_id: int) -> list[TeamVersion]:
    """Newest first; a version whose text did not change from the one before it is left out."""
    from composer.core.connection import connect  # noqa: PLC0415
    from composer.core.workspace.revisions import state  # noqa: PLC0415

    conn = connect(path)
    try:
        try:
            row = conn.execute("SELECT uid FROM updates WHERE id = ?", (update_id,)).fetchone()
            if row is None or not row[0]:
                return []
            found = local.revisions_of(conn, f"update:{row[0]}")
        except sqlite3.OperationalError:
            return []  # not in a workspace: no log
    finally:
        conn.close()
    revisions = sorted(found, key=Revision.order)
    current = state(revisions)
    versions: list[TeamVersion] = []
    last_body: str | None = None
    for revision in revisions:
        body = revision.content.get("body") if revision.content else None
        if not isinstance(body, str) or body == last_body:
            continue
        last_body = body
        shown = current is not None and revision.id == current.shown.id
        versions.append(TeamVersion(revision.author, revision.at, body, shown))
    return list(reversed(versions))
