# SPDX-License-Identifier: GPL-3.0-or-later
"""Full-text search over every update, for "Find in all updates" and `incidents search`.

The index is SQLite FTS5 (schema migration 10): updates' bodies and incidents' titles, accents
and case folded, kept in step by triggers on every write. What the user types is never handed
to FTS5 as a query: it is split into words (`query_terms`), each word quoted and matched as a
prefix, and every word must match ("interr" finds "interrupció"; `NEAR(`, quotes or a lone `*`
are only text). A word matches an update when it is in the update's text or in its incident's
title, so "mail delayed" finds every update of an incident titled "Email delivery delayed".

Hits come newest first: every hit has all the words, so a relevance score would mostly rank by
length and repetition, while people look for "the last time this happened"; newest first is
also the incident list's order, and a hit does not move when another update is edited.

A mixin of `Store` (it reads through the store's connection), kept here so the store stays small.
"""

from __future__ import annotations

import functools
import re
import sqlite3
import unicodedata
from datetime import datetime

from composer.core.model import Status, parse_status, utc_now
from composer.core.model import parse_time as _dt
from composer.core.record import FrozenRecord

MAX_WORDS = 32  # more words than this in one search are ignored (each one narrows it further)
MAX_WORD_LENGTH = 64  # characters kept of one word (no word of a language is longer)
MAX_QUERY_LENGTH = 4096  # characters of the typed text looked at (a pasted page is cut here)
SNIPPET_LENGTH = 200  # characters of the update shown around the first matched word
SNIPPET_BEFORE = 60  # ... of them before it

# A character FTS5's unicode61 tokenizer keeps in a word (letters, digits, private use), less the
# separators migration 10 adds (U+02BC); combining accents stay with their letter.
_IN_WORD = r"[^\W_\u02bc]"  # one character of a word, for look-arounds


class _Patterns:
    """The module's expressions, compiled when first needed (not on every command's way in)."""

    def __init__(self) -> None:
        self.word = re.compile(r"(?:[^\W_\u02bc]|[\u0300-\u036f])+")
        self.edges = re.compile(r"^[\W_]+|[\W_]+$")
        self.link = re.compile(r"\[([^\]]*)\]\([^)]*\)")  # Markdown [text](url): the text is what readers see
        self.markup = re.compile(r"[*`]+|^\s{0,3}(?:#{1,6}|>)\s*", re.MULTILINE)
        self.space = re.compile(r"\s+")


@functools.cache
def _rx() -> _Patterns:
    return _Patterns()


Span = tuple[int, int]


class SearchHit(FrozenRecord):
    """One update that matches: where it is, what it says around the words, and where they are."""

    __slots__ = (
        "created_at",
        "incident_id",
        "published_at",
        "snippet",
        "spans",
        "status",
        "title",
        "title_spans",
        "update_id",
    )
    incident_id: int
    update_id: int
    title: str  # the incident's
    status: Status  # the update's
    published_at: datetime | None  # when it first went out (None: a draft)
    created_at: datetime
    snippet: str  # plain text (Markdown marks removed, one line), "…" where the text goes on
    spans: tuple[Span, ...]  # (start, end) of each matched word in `snippet`, in str indices
    title_spans: tuple[Span, ...]  # ... in `title`

    def __init__(
        self,
        incident_id: int,
        update_id: int,
        title: str,
        status: Status,
        *,
        published_at: datetime | None,
        created_at: datetime,
        snippet: str,
        spans: tuple[Span, ...] = (),
        title_spans: tuple[Span, ...] = (),
    ):
        self._set(
            incident_id=incident_id,
            update_id=update_id,
            title=title,
            status=status,
            published_at=published_at,
            created_at=created_at,
            snippet=snippet,
            spans=spans,
            title_spans=title_spans,
        )


def query_terms(text: str) -> list[str]:
    """The words searched for in what the user typed: control characters (NUL too) are spaces,
    punctuation around a word goes, words without a letter or digit (`*`, `(`) are dropped and
    repeats kept once; at most MAX_WORDS of MAX_WORD_LENGTH characters. Never raises."""
    cleaned = "".join(c if c.isprintable() else " " for c in text[:MAX_QUERY_LENGTH])
    words: list[str] = []
    for raw in unicodedata.normalize("NFC", cleaned).split():
        word = _rx().edges.sub("", raw[:MAX_WORD_LENGTH])
        if _rx().word.search(word) and word not in words:
            words.append(word)
            if len(words) == MAX_WORDS:
                break
    return words


class _FoldTable(dict[int, str]):
    """A `str.translate` table folding each character to one character, so offsets hold."""

    def __missing__(self, code: int) -> str:
        char = chr(code)
        folded = unicodedata.normalize("NFD", char)[0].casefold()  # "À" → "a"; "ß" → "ss" is too long
        self[code] = value = folded if len(folded) == 1 else char.lower()[:1] or char
        return value


_FOLD = _FoldTable()


def fold(text: str) -> str:
    """`text` as the index compares it, one character for each: accents removed, case folded."""
    return text.translate(_FOLD)


def _phrase(word: str) -> str:
    """One word as an FTS5 query: a quoted string (its own quotes doubled) matched as a prefix;
    FTS5 splits it as it split the text, so "d'Internet" or "col·lecció" must appear as written."""
    return '"' + word.replace('"', '""') + '"*'


def matched_spans(text: str, terms: list[str]) -> tuple[Span, ...]:
    """Where in `text` the words of `terms` are, as the index matched them: each word's last
    part as a prefix, its other parts whole ("d'inter": "d", and a word starting "inter")."""
    whole: set[str] = set()
    prefixes: set[str] = set()
    for term in terms:
        parts = _rx().word.findall(fold(unicodedata.normalize("NFC", term)))
        whole.update(parts[:-1])
        prefixes.update(parts[-1:])
    if not prefixes:
        return ()
    alternatives = [f"(?:{_alternatives(prefixes)}){_IN_WORD}*"]
    if whole - prefixes:
        alternatives.insert(0, f"(?:{_alternatives(whole - prefixes)})(?!{_IN_WORD})")
    pattern = re.compile(f"(?<!{_IN_WORD})(?:{'|'.join(alternatives)})")
    return tuple(found.span() for found in pattern.finditer(fold(text)))


def _alternatives(words: set[str]) -> str:
    return "|".join(re.escape(word) for word in sorted(words, key=len, reverse=True))


def snippet(body: str, terms: list[str]) -> tuple[str, tuple[Span, ...]]:
    """A line of `body` as plain text around its first matched word, and the matched words in it."""
    plain = unicodedata.normalize(
        "NFC", _rx().space.sub(" ", _rx().markup.sub("", _rx().link.sub(r"\1", body))).strip()
    )
    spans = matched_spans(plain, terms)
    first = spans[0][0] if spans else 0
    start = max(0, min(first - SNIPPET_BEFORE, len(plain) - SNIPPET_LENGTH))  # as much text as fits
    if start > 0:  # begin at a word's start
        space = plain.find(" ", start, first)
        start = space + 1 if space >= 0 else start
    end = min(len(plain), start + SNIPPET_LENGTH)
    if end < len(plain):  # end at a word's end, unless the word is longer than the snippet
        space = plain.rfind(" ", start, end + 1)
        end = space if space > first else end
    lead = "…" if start > 0 else ""
    text = lead + plain[start:end] + ("…" if end < len(plain) else "")
    shift = len(lead) - start
    return text, tuple((a + shift, b + shift) for a, b in spans if a >= start and b <= end)


def _one_word_sql() -> str:
    """The ids of the updates one word matches: in the update's text or in its incident's title."""
    return (
        "SELECT id FROM (SELECT rowid AS id FROM update_text WHERE update_text MATCH ?"
        " UNION SELECT u.id FROM updates u WHERE u.incident_id IN"
        " (SELECT rowid FROM incident_text WHERE incident_text MATCH ?))"
    )


class SearchQueries:
    """The store's full-text search; `_conn` is the store's."""

    _conn: sqlite3.Connection

    def search_updates(
        self, query: str, *, status: Status | None = None, since: datetime | None = None, limit: int = 200
    ) -> list[SearchHit]:
        """The updates (drafts too) that every word of `query` matches, newest first, at most
        `limit`; only those whose own status is `status`, written at or after `since` (a naive
        time is local time). A query without a word (`*`, '') matches nothing."""
        terms = query_terms(query)
        if not terms or limit < 1:
            return []
        params: list[object] = []
        for term in terms:
            params += [_phrase(term), _phrase(term)]
        where = ""
        if status is not None:
            where += " AND t.status = ?"
            params.append(status.value)
        if since is not None:
            where += " AND julianday(t.created_at) >= julianday(?)"
            params.append(since.astimezone().isoformat())
        # The newest `limit` of the matching ids, walking the updates by time (updates_by_time,
        # migration 10): a word in every update stops after `limit` of them, and only their rows
        # (with their long texts) are read.
        rows = self._conn.execute(
            "SELECT u.id, u.incident_id, u.body, u.status, u.created_at, i.title,"
            " (SELECT min(p.published_at) FROM publications p WHERE p.update_id = u.id) AS published_at"
            " FROM (SELECT t.id FROM updates t INDEXED BY updates_by_time"
            f" WHERE t.id IN ({' INTERSECT '.join(_one_word_sql() for _ in terms)}){where}"
            " ORDER BY t.created_at DESC, t.id DESC LIMIT ?) newest"
            " JOIN updates u ON u.id = newest.id JOIN incidents i ON i.id = u.incident_id"
            " ORDER BY u.created_at DESC, u.id DESC",
            (*params, limit),
        ).fetchall()
        hits = []
        for row in rows:
            text, spans = snippet(row["body"], terms)
            hits.append(
                SearchHit(
                    incident_id=row["incident_id"],
                    update_id=row["id"],
                    title=row["title"],
                    status=_status(row["status"]),
                    published_at=_dt(row["published_at"]),
                    created_at=_dt(row["created_at"]) or utc_now(),
                    snippet=text,
                    spans=spans,
                    title_spans=matched_spans(row["title"], terms),
                )
            )
        return hits


def _status(text: str) -> Status:
    try:
        return parse_status(text)
    except ValueError:  # a damaged row must not hide the others
        return Status.INVESTIGATING
