# SPDX-License-Identifier: GPL-3.0-or-later
"""Word lists per language (resources/checks/<lang>.toml) and language detection."""

from __future__ import annotations

import re
import tomllib
from functools import cache, lru_cache
from importlib.resources import files
from typing import TYPE_CHECKING

from composer.core.checks.text import by_paragraph

if TYPE_CHECKING:
    from lingua import IsoCode639_1, LanguageDetector, LanguageDetectorBuilder

FALLBACK_LANGUAGE = "en"


@lru_cache(maxsize=1)
def available_languages() -> tuple[str, ...]:
    """Every language that has a word-list file: adding a file adds a language."""
    folder = files("composer.resources").joinpath("checks")
    return tuple(sorted(p.name[:-5] for p in folder.iterdir() if p.name.endswith(".toml")))


@cache
def _load(language: str) -> dict[str, list[str]]:
    text = files("composer.resources").joinpath("checks", f"{language}.toml").read_text(encoding="utf-8")
    return {name: list(values) for name, values in tomllib.loads(text).get("lists", {}).items()}


def _any_space(phrase: str) -> str:
    """A phrase whose spaces match any run of white space: hard-wrapped mail breaks lines
    anywhere ("resubscribed\\nthem"). Spaces in a character class or a lookbehind (which must
    keep its width) stay as they are; " ?" stays optional."""
    out: list[str] = []
    groups: list[bool] = []  # for each open group: is it a lookbehind?
    in_class = escaped = False
    for index, char in enumerate(phrase):
        if escaped:
            escaped = False
        elif char == "\\":
            escaped = True
        elif in_class:
            in_class = char != "]"
        elif char == "[":
            in_class = True
        elif char == "(":
            groups.append(phrase.startswith(("(?<=", "(?<!"), index))
        elif char == ")" and groups:
            groups.pop()
        elif char == " " and not any(groups):
            quantified = phrase[index + 1 : index + 2] in ("?", "*", "+", "{")
            out.append(r"\s" if quantified else r"\s+")
            continue
        out.append(char)
    return "".join(out)


def _compile(phrases: list[str]) -> re.Pattern[str] | None:
    if not phrases:
        return None
    # Longest first, so "kind regards" wins over "regards" in the same place.
    alternatives = "|".join(f"(?:{_any_space(p)})" for p in sorted(phrases, key=len, reverse=True))
    return re.compile(rf"(?<![\w’'])(?:{alternatives})(?![\w’])", re.IGNORECASE)


class WordLists:
    """Compiled phrase lists for one update's language, plus the organisation's extra words."""

    def __init__(self, language: str, extra: dict[str, list[str]] | None = None):
        self.language = language if language in available_languages() else FALLBACK_LANGUAGE
        self._extra = extra or {}
        self._cache: dict[tuple[str, bool], re.Pattern[str] | None] = {}

    def phrases(self, name: str, every_language: bool = False) -> list[str]:
        languages = available_languages() if every_language else (self.language,)
        found: list[str] = []
        for language in languages:
            found.extend(_load(language).get(name, []))
        found.extend(self._extra.get(name, []))
        return found

    def pattern(self, name: str, every_language: bool = False) -> re.Pattern[str] | None:
        key = (name, every_language)
        if key not in self._cache:
            self._cache[key] = _compile(self.phrases(name, every_language))
        return self._cache[key]

    def find(self, name: str, text: str, every_language: bool = False) -> list[tuple[int, int]]:
        pattern = self.pattern(name, every_language)
        if pattern is None:
            return []
        # Memoised by the pattern's source, whose hash is kept, not by the pattern (hashed from its whole
        # compiled code on every look-up: the lists are long, the look-ups one per paragraph).
        return by_paragraph(("words", pattern.pattern), lambda chunk: [m.span() for m in pattern.finditer(chunk)], text)

    def has(self, name: str, text: str, every_language: bool = False) -> bool:
        pattern = self.pattern(name, every_language)
        return bool(pattern and pattern.search(text))


@lru_cache(maxsize=8)
def word_lists(language: str, extra_key: tuple[tuple[str, tuple[str, ...]], ...] = ()) -> WordLists:
    return WordLists(language, {name: list(values) for name, values in extra_key})


def detect_language(text: str) -> str:
    """The update's language among those we have word lists for (lingua, offline)."""
    from lingua import IsoCode639_1, LanguageDetectorBuilder  # noqa: PLC0415 - loads models (~100 MB)

    codes = [
        getattr(IsoCode639_1, code.upper()) for code in available_languages() if hasattr(IsoCode639_1, code.upper())
    ]
    detector = _detector(tuple(codes), LanguageDetectorBuilder)
    found = detector.detect_language_of(text)
    return found.iso_code_639_1.name.lower() if found is not None else FALLBACK_LANGUAGE


@lru_cache(maxsize=1)
def _detector(codes: tuple[IsoCode639_1, ...], builder: type[LanguageDetectorBuilder]) -> LanguageDetector:
    return builder.from_iso_codes_639_1(*codes).with_low_accuracy_mode().build()
