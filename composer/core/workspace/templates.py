# SPDX-License-Identifier: GPL-3.0-or-later
"""The team's own templates: the files of the data folder's `templates/` shared as revisions.

User templates are files (`*.j2`, edited in the app's template editor or any text editor), not
rows, so no trigger sees them change: each round compares the folder with what was last captured
or applied (a digest per file, kept in `ws_state`) and records a revision of `template:<name>` for
each file added, changed or removed. Applying writes the shown version into the folder (atomically)
or removes the file. A name from the workspace is used only if it is a plain file name with the
templates' suffix: no folders, no "..", nothing outside the folder.
"""

from __future__ import annotations

import hashlib
import re
import sqlite3
from pathlib import Path

from composer.core.workspace import local
from composer.core.workspace.revisions import state

SUFFIX = ".j2"
KIND = "template"
MAX_BYTES = 256 * 1024  # a template larger than this is not a template (the library refuses it too)
_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,120}\.j2$")


def _digest(data: bytes | None) -> str:
    return "" if data is None else hashlib.sha256(data).hexdigest()


def _known(conn: sqlite3.Connection) -> dict[str, str]:
    rows = conn.execute("SELECT key, value FROM ws_state WHERE key LIKE 'template-digest:%'")
    return {key.split(":", 1)[1]: value for key, value in rows}


def _remember(conn: sqlite3.Connection, name: str, digest: str) -> None:
    if digest:
        conn.execute("INSERT OR REPLACE INTO ws_state (key, value) VALUES (?, ?)", (f"template-digest:{name}", digest))
    else:
        conn.execute("DELETE FROM ws_state WHERE key = ?", (f"template-digest:{name}",))


def _files(folder: Path) -> dict[str, bytes]:
    found: dict[str, bytes] = {}
    if not folder.is_dir():
        return found
    for path in sorted(folder.glob(f"*{SUFFIX}")):
        if not _NAME.match(path.name) or not path.is_file() or path.is_symlink():
            continue
        try:
            if path.stat().st_size > MAX_BYTES:
                continue
            found[path.name] = path.read_bytes()
        except OSError:
            continue  # unreadable now: the next round looks again
    return found


def capture(conn: sqlite3.Connection, folder: Path, author: str) -> int:
    """Records a revision for each template file added, changed or removed since the last time;
    inside the caller's transaction. How many."""
    known, files = _known(conn), _files(folder)
    made = 0
    for name in sorted(set(known) | set(files)):
        data = files.get(name)
        digest = _digest(data)
        if digest == known.get(name, ""):
            continue
        try:
            content = None if data is None else {"text": data.decode("utf-8")}
        except UnicodeDecodeError:
            continue  # not text: not a template to share
        local.record(conn, f"{KIND}:{name}", content, author)
        _remember(conn, name, digest)
        made += 1
    return made


def apply(conn: sqlite3.Connection, folder: Path, objects: set[str]) -> int:
    """Writes the shown version of each pulled template into the folder (or removes the file);
    inside the caller's transaction, which also remembers what was written. How many files."""
    from composer.core.files import write_atomic  # noqa: PLC0415

    written = 0
    for obj in sorted(o for o in objects if o.startswith(f"{KIND}:")):
        name = obj.split(":", 1)[1]
        if not _NAME.match(name):
            continue  # not a plain template file name: never a path outside the folder
        current = state(local.revisions_of(conn, obj))
        if current is None:
            continue
        path = folder / name
        content = current.shown.content
        if content is None or not isinstance(content.get("text"), str):
            if path.is_file() and not path.is_symlink():
                path.unlink()
            _remember(conn, name, "")
        else:
            data = content["text"].encode("utf-8")
            if len(data) > MAX_BYTES:
                continue
            folder.mkdir(parents=True, exist_ok=True)
            write_atomic(path, data)
            _remember(conn, name, _digest(data))
        written += 1
    return written
