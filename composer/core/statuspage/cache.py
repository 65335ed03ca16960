# SPDX-License-Identifier: GPL-3.0-or-later
"""What earlier builds of the status page rendered, kept on disk so the next build renders only
what changed: each update's HTML and each incident's page (`cache/statuspage.db` in the data folder).

Entries are found by a digest of everything that goes into them (the text, the incident, the
language, the zone, the templates, the organisation) and of the code and libraries that render
them (`CODE`): a changed input or a new version of the app finds nothing and renders afresh, so
an entry is never stale, only unused. The cache is a convenience: a file that cannot be opened,
read or written (a read-only or full disk, a damaged file) is left alone and the build renders
everything, the same bytes either way. Each save keeps only the entries the build used.
"""

from __future__ import annotations

import hashlib
import sqlite3
from functools import cache
from importlib import metadata
from pathlib import Path

CACHE_NAME = "statuspage.db"


@cache
def _code() -> str:
    """A digest of the code that renders pages and of the libraries it uses: entries made by other
    code are not found."""
    here = Path(__file__).parent
    templates = here.parent / "templates"
    sources = [*sorted(here.glob("*.py")), templates / "filters.py", templates / "render.py"]
    digest = hashlib.sha256()
    for path in sources:
        digest.update(path.read_bytes())
    for library in ("markdown-it-py", "nh3", "jinja2", "babel", "feedgen"):
        try:
            digest.update(f"{library}={metadata.version(library)}".encode())
        except metadata.PackageNotFoundError:
            digest.update(library.encode())
    return digest.hexdigest()


@cache
def _base() -> hashlib._Hash:
    return hashlib.sha256(_code().encode())


def _add(digest: hashlib._Hash, parts: tuple[str, ...]) -> None:
    for part in parts:
        data = part.encode("utf-8", "surrogatepass")
        digest.update(b"%d:" % len(data))  # each part led by its length: no two lists give one text
        digest.update(data)


class KeyPrefix:
    """The digest of the parts that a run of keys begins with (a page's templates, language and
    zone), taken once: `key(*prefix, *parts) == KeyPrefix(*prefix).key(*parts)`."""

    def __init__(self, *parts: str):
        self._digest = _base().copy()
        _add(self._digest, parts)

    def key(self, *parts: str) -> str:
        digest = self._digest.copy()
        _add(digest, parts)
        return digest.hexdigest()


def key(*parts: str) -> str:
    """The entry's name: a digest of its inputs and of the code."""
    return KeyPrefix().key(*parts)


class BuildCache:
    """Rendered pieces by key; reads and writes never fail a build."""

    def __init__(self, path: Path | None):
        self._conn: sqlite3.Connection | None = None
        self._used: set[str] = set()
        self._new: dict[str, bytes] = {}
        self._stored: set[str] = set()  # the entries known to be on disk (found there, or saved)
        if path is None:
            return
        for attempt in range(2):
            try:
                path.parent.mkdir(parents=True, exist_ok=True)
                conn = sqlite3.connect(path, timeout=2, isolation_level=None)
                try:
                    conn.execute("CREATE TABLE IF NOT EXISTS rendered (key TEXT PRIMARY KEY, value BLOB NOT NULL)")
                except sqlite3.Error:
                    conn.close()
                    raise
                self._conn = conn
                return
            except sqlite3.DatabaseError:
                if attempt == 0:  # a damaged file: it holds nothing worth keeping
                    path.unlink(missing_ok=True)
            except (sqlite3.Error, OSError):
                return  # no cache: every build renders everything

    @classmethod
    def in_folder(cls, folder: Path) -> BuildCache:
        return cls(folder / "cache" / CACHE_NAME)

    def get(self, name: str) -> bytes | None:
        self._used.add(name)
        found = self._new.get(name)
        if found is not None or self._conn is None:
            return found
        try:
            row = self._conn.execute("SELECT value FROM rendered WHERE key=?", (name,)).fetchone()
        except sqlite3.Error:
            return None
        if row is None:
            return None
        self._stored.add(name)
        return bytes(row[0])

    def put(self, name: str, value: bytes) -> None:
        self._used.add(name)
        self._new[name] = value

    def save(self) -> None:
        """Write what this build rendered and forget what it did not use."""
        if self._conn is None:
            return
        try:
            if not self._new:  # nothing new: is any entry there that this build did not use?
                (count,) = self._conn.execute("SELECT count(*) FROM rendered").fetchone()
                if count == len(self._stored):  # all of them were used
                    return
            with self._conn:
                self._conn.execute("BEGIN IMMEDIATE")
                self._conn.executemany("INSERT OR REPLACE INTO rendered VALUES (?, ?)", self._new.items())
                stale = [(k,) for (k,) in self._conn.execute("SELECT key FROM rendered") if k not in self._used]
                self._conn.executemany("DELETE FROM rendered WHERE key=?", stale)
            self._stored = (self._stored | self._new.keys()) - {k for (k,) in stale}
        except sqlite3.Error:
            pass  # a full or read-only disk: the next build renders again
        finally:
            self._new.clear()

    def close(self) -> None:
        if self._conn is not None:
            self._conn.close()
            self._conn = None
