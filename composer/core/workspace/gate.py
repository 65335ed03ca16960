# SPDX-License-Identifier: GPL-3.0-or-later
"""The publishing gate's question to the workspace, for the window and the command line alike:
may this update go out, as it reads now? Outside a workspace, always."""

from __future__ import annotations

import sqlite3
from pathlib import Path


def approval_refusal(path: Path, update_id: int) -> str:
    """Why the update may not be published yet (it needs a second person's approval of this
    very text, as stored), or "" when it may."""
    from composer.core.connection import connect  # noqa: PLC0415
    from composer.core.workspace import membership, review  # noqa: PLC0415

    conn = connect(path)
    try:
        try:
            address = membership.joined(conn)
        except sqlite3.Error:
            return ""
        if address is None:
            return ""
        found = review.review_of(conn, update_id)
        return "" if found is None else found.refusal()
    finally:
        conn.close()
