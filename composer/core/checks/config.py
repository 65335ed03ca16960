# SPDX-License-Identifier: GPL-3.0-or-later
"""Per-organisation settings for the checks, read from TOML."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from datetime import timedelta
from pathlib import Path
from typing import Any

from composer.core.i18n import _
from composer.core.model import Organisation, Person
from composer.core.social_text import ChannelLimit

CONFIG_NAME = "checks.toml"


class ConfigError(ValueError):
    """The configuration file cannot be used; one line, for the user."""


@dataclass
class CheckConfig:
    cadence: timedelta = timedelta(minutes=30)
    first_update_warn: timedelta = timedelta(minutes=15)
    first_update_fail: timedelta = timedelta(minutes=30)
    remind_before: timedelta = timedelta(minutes=10)  # warn this long before a promised update is due
    max_average_sentence_words: int = 25
    max_sentence_words: int = 40
    phone_region: str = ""  # default region for numbers without +country ("ES"); "" = by language
    extra_words: dict[str, list[str]] = field(default_factory=dict)  # list name -> extra phrases
    people: list[Person] = field(default_factory=list)
    organisation: Organisation = field(default_factory=Organisation)
    channel_names: list[str] = field(default_factory=list)  # [publishing] channels: publisher ids
    channels: tuple[ChannelLimit, ...] = ()  # their limits, filled in by whoever knows the publishers


def _minutes(table: dict[str, object], key: str, default: timedelta) -> timedelta:
    value = table.get(key)
    if value is None:
        return default
    if not isinstance(value, (int, float)) or isinstance(value, bool) or value < 0:
        raise ConfigError(_("`{key}` must be a number of minutes, not {value!r}").format(key=key, value=value))
    return timedelta(minutes=value)


MAX_CONFIG_SIZE = 4_000_000  # bytes: a few tables of settings, people and words are never this long
_TABLES = ("timeliness", "plain_language", "contact", "words", "publishing", "organisation")


def parse_config(text: str, source: str = "configuration") -> CheckConfig:
    """The settings in `text`; ConfigError (one line, naming `source`) for anything else: invalid
    TOML, a table that is not one, a value of the wrong kind, a number too long to read."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise ConfigError(_("{source}: invalid TOML: {error}").format(source=source, error=error)) from None
    except ValueError:  # a number of over 4,300 digits, which Python refuses to read
        raise ConfigError(_("{source}: a number too long to be a setting").format(source=source)) from None
    except RecursionError:
        raise ConfigError(_("{source}: nested too deeply to be settings").format(source=source)) from None
    for name in _TABLES:
        if name in data and not isinstance(data[name], dict):
            raise ConfigError(
                _("{source}: `{name}` must be a table ([{name}] and its settings below it)").format(
                    source=source, name=name
                )
            )
    if "people" in data and not isinstance(data["people"], list):
        raise ConfigError(_("{source}: `people` must be a list of [[people]] tables").format(source=source))
    try:
        return _settings(data, source)
    except (ValueError, TypeError, AttributeError, OverflowError) as error:
        raise ConfigError(
            _("{source}: a setting has a value of the wrong kind ({error}); see docs/checks.md").format(
                source=source, error=error
            )
        ) from None


def _settings(data: dict[str, Any], source: str) -> CheckConfig:
    config = CheckConfig()
    timeliness = data.get("timeliness", {})
    config.cadence = _minutes(timeliness, "cadence_minutes", config.cadence)
    config.first_update_warn = _minutes(timeliness, "first_update_warn_minutes", config.first_update_warn)
    config.first_update_fail = _minutes(timeliness, "first_update_fail_minutes", config.first_update_fail)
    config.remind_before = _minutes(timeliness, "remind_minutes_before", config.remind_before)
    plain = data.get("plain_language", {})
    config.max_average_sentence_words = int(plain.get("max_average_sentence_words", 25))
    config.max_sentence_words = int(plain.get("max_sentence_words", 40))
    config.phone_region = str(data.get("contact", {}).get("phone_region", "")).upper()
    words = data.get("words", {})
    if not isinstance(words, dict):
        raise ConfigError(_("{source}: [words] must be a table of lists").format(source=source))
    for name, phrases in words.items():
        if not isinstance(phrases, list) or not all(isinstance(p, str) for p in phrases):
            raise ConfigError(_("{source}: words.{name} must be a list of strings").format(source=source, name=name))
        config.extra_words[name] = list(phrases)
    for entry in data.get("people", []):
        if not isinstance(entry, dict) or not entry.get("name"):
            raise ConfigError(_("{source}: every [[people]] entry needs a name").format(source=source))
        config.people.append(
            Person(
                name=str(entry["name"]),
                role=str(entry.get("role", "")),
                email=str(entry.get("email", "")),
                phone=str(entry.get("phone", "")),
            )
        )
    org = data.get("organisation", {})
    config.organisation = Organisation(
        name=str(org.get("name", "")),
        contact_url=str(org.get("contact_url", "")),
        phone=str(org.get("phone", "")),
        email=str(org.get("email", "")),
        status_page_url=str(org.get("status_page_url", "")),
        alternate_contact_url=str(org.get("alternate_contact_url", "")),
        backup_email=str(org.get("backup_email", "")),
        phone_hours=str(org.get("phone_hours", "")),
        timezone=str(org.get("timezone", "")),
    )
    names = data.get("publishing", {}).get("channels", [])
    if not isinstance(names, list) or not all(isinstance(n, str) for n in names):
        raise ConfigError(
            _('{source}: publishing.channels must be a list of channel ids, like ["x", "bluesky"]').format(
                source=source
            )
        )
    config.channel_names = list(names)
    return config


def load_config(path: Path) -> CheckConfig:
    """The settings file at `path`, read within MAX_CONFIG_SIZE; ConfigError (one line) otherwise.
    The window (checks.toml in the data folder) and `check --config` both read it here."""
    from composer.core.files import ReadRefused, read_text  # noqa: PLC0415

    try:
        text = read_text(path, MAX_CONFIG_SIZE, _("organisation settings are never that long"))
    except ReadRefused as error:
        raise ConfigError(str(error)) from None
    return parse_config(text, str(path))
