# SPDX-License-Identifier: GPL-3.0-or-later
"""Which publishers exist: built-ins from an explicit list (so frozen builds work), third
parties from the entry-point group `incident_composer.publishers`. A plugin that fails to
load is listed as unavailable with the reason; it never stops the app."""

from __future__ import annotations

import importlib
from dataclasses import dataclass

from composer.publishers.api import API_VERSION
from composer.publishers.base import Publisher

ENTRY_POINT_GROUP = "incident_composer.publishers"
# id -> "module:Class" of every built-in publisher.
BUILTINS: dict[str, str] = {
    "email": "composer.publishers.email:EmailPublisher",
    "wordpress": "composer.publishers.wordpress:WordPressPublisher",
    "mastodon": "composer.publishers.mastodon:MastodonPublisher",
    "bluesky": "composer.publishers.bluesky:BlueskyPublisher",
    "x": "composer.publishers.x:XPublisher",
    "linkedin": "composer.publishers.linkedin:LinkedInPublisher",
}


@dataclass
class Entry:
    id: str
    source: str  # "built-in" or the distribution that provides it
    publisher: Publisher | None = None
    error: str = ""

    @property
    def available(self) -> bool:
        return self.publisher is not None


def _instantiate(target: object, where: str) -> Publisher:
    publisher = target() if isinstance(target, type) else target
    version = getattr(publisher, "api_version", API_VERSION)
    if int(version) != API_VERSION:
        raise RuntimeError(f"{where} was written for publisher API {version}, this app has {API_VERSION}")
    for attribute in ("id", "display_name", "account_fields", "policy", "render", "publish"):
        if not hasattr(publisher, attribute):
            raise RuntimeError(f"{where} is not a publisher: it has no `{attribute}`")
    return publisher  # type: ignore[return-value]


def _load_builtin(entry_id: str, spec: str) -> Entry:
    module_name, _, class_name = spec.partition(":")
    try:
        publisher = _instantiate(getattr(importlib.import_module(module_name), class_name), spec)
    except Exception as error:  # a broken publisher is shown as unavailable, never fatal
        return Entry(id=entry_id, source="built-in", error=f"{spec}: {error}")
    return Entry(id=entry_id, source="built-in", publisher=publisher)


def discover(include_plugins: bool = True) -> dict[str, Entry]:
    entries: dict[str, Entry] = {}
    for entry_id, spec in BUILTINS.items():
        entries[entry_id] = _load_builtin(entry_id, spec)
    if not include_plugins:
        return entries
    from importlib.metadata import entry_points  # noqa: PLC0415

    for point in entry_points(group=ENTRY_POINT_GROUP):
        source = point.dist.name if point.dist else point.value
        try:
            publisher = _instantiate(point.load(), f"plugin {point.name} ({source})")
        except Exception as error:  # a broken plugin is listed with its error
            entries.setdefault(point.name, Entry(id=point.name, source=source, error=str(error)))
            continue
        if publisher.id in entries:
            continue  # a plugin never replaces a built-in (or an earlier plugin) of the same id
        entries[publisher.id] = Entry(id=publisher.id, source=source, publisher=publisher)
    return entries


def available(include_plugins: bool = True) -> dict[str, Publisher]:
    """Every publisher that loaded, by id (what a command or a dialog can publish through)."""
    return {entry_id: entry.publisher for entry_id, entry in discover(include_plugins).items()
            if entry.publisher is not None}
