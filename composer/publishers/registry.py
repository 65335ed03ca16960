# SPDX-License-Identifier: GPL-3.0-or-later
"""Which publishers exist: built-ins from an explicit list (so frozen builds work), third
parties from the entry-point group `incident_composer.publishers`. A plugin that fails to
load, declares no `api_version` or one this app does not take, or lacks part of the contract, is
listed as unavailable with the reason; it never stops the app.

A plugin written for API 1 loads and publishes ordinary posts; its entry says it cannot send
personal messages (`Entry.personal_messages`, `Entry.note`), so outreach never picks it."""

from __future__ import annotations

import importlib
from dataclasses import dataclass
from typing import TYPE_CHECKING

from composer.core.i18n import _
from composer.publishers.base import (
    API_VERSION,
    OLDEST_API_VERSION,
    AccountField,
    Publisher,
    TextPolicy,
    sends_personal_messages,
)

if TYPE_CHECKING:  # the type checker holds every built-in to the contract
    from composer.publishers.bluesky import BlueskyPublisher
    from composer.publishers.email import EmailPublisher
    from composer.publishers.linkedin import LinkedInPublisher
    from composer.publishers.mastodon import MastodonPublisher
    from composer.publishers.statuspage import SftpStatusPage, WebDavStatusPage
    from composer.publishers.wordpress import WordPressPublisher
    from composer.publishers.x import XPublisher

    _BUILTIN_CLASSES: tuple[type[Publisher], ...] = (
        EmailPublisher,
        WordPressPublisher,
        MastodonPublisher,
        BlueskyPublisher,
        XPublisher,
        LinkedInPublisher,
        SftpStatusPage,
        WebDavStatusPage,
    )

ENTRY_POINT_GROUP = "incident_composer.publishers"
# id -> "module:Class" of every built-in publisher.
BUILTINS: dict[str, str] = {
    "email": "composer.publishers.email:EmailPublisher",
    "wordpress": "composer.publishers.wordpress:WordPressPublisher",
    "mastodon": "composer.publishers.mastodon:MastodonPublisher",
    "bluesky": "composer.publishers.bluesky:BlueskyPublisher",
    "x": "composer.publishers.x:XPublisher",
    "linkedin": "composer.publishers.linkedin:LinkedInPublisher",
    "sftp": "composer.publishers.statuspage:SftpStatusPage",
    "webdav": "composer.publishers.statuspage:WebDavStatusPage",
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

    @property
    def personal_messages(self) -> bool:
        """Whether it can send a personal message to one customer (outreach)."""
        return self.publisher is not None and sends_personal_messages(self.publisher)

    @property
    def note(self) -> str:
        """What a user should know of an available publisher ("" when nothing)."""
        if self.publisher is not None and self.publisher.api_version < API_VERSION:
            return _(
                "written for publisher API {api_version} (this app has {api_version2}): ordinary posts "
                "only, no personal messages to customers"
            ).format(api_version=self.publisher.api_version, api_version2=API_VERSION)
        return ""


_METHODS = ("render", "publish", "test_connection")
_MEMBERS = ("id", "display_name", "account_fields", "policy", *_METHODS)


def _instantiate(target: object, where: str) -> Publisher:
    """The publisher `target` is (or makes), checked against the contract; a RuntimeError says what is wrong."""
    publisher = target() if isinstance(target, type) else target
    version = getattr(publisher, "api_version", None)
    if version is None:
        raise RuntimeError(
            _(
                "{where} declares no api_version (the publisher API it was written for; this app has {api_version})"
            ).format(where=where, api_version=API_VERSION)
        )
    if isinstance(version, bool) or not isinstance(version, int):
        raise RuntimeError(
            _("{where} declares api_version {version!r}, not a whole number").format(where=where, version=version)
        )
    if not OLDEST_API_VERSION <= version <= API_VERSION:
        raise RuntimeError(
            _(
                "{where} was written for publisher API {version}, this app has {api_version} (it loads "
                "publishers written for {oldest_api_version} to {api_version})"
            ).format(where=where, version=version, api_version=API_VERSION, oldest_api_version=OLDEST_API_VERSION)
        )
    for name in _MEMBERS:
        if not hasattr(publisher, name):
            raise RuntimeError(_("{where} is not a publisher: it has no `{name}`").format(where=where, name=name))
    problem = _contract_problem({name: getattr(publisher, name) for name in _MEMBERS})
    if problem or not isinstance(publisher, Publisher):
        raise RuntimeError(_("{where} is not a publisher: {problem}").format(where=where, problem=problem))
    return publisher


def _contract_problem(members: dict[str, object]) -> str:
    """What in a publisher's members breaks the contract's types; "" when nothing."""
    for name in ("id", "display_name"):
        if not isinstance(members[name], str) or not members[name]:
            return _("its `{name}` is not a text").format(name=name)
    fields = members["account_fields"]
    if not isinstance(fields, tuple) or not all(isinstance(f, AccountField) for f in fields):
        return _("its `account_fields` is not a tuple of AccountField")
    if not isinstance(members["policy"], TextPolicy):
        return _("its `policy` is not a TextPolicy")
    for name in _METHODS:
        if not callable(members[name]):
            return _("its `{name}` is not a method").format(name=name)
    return ""


def _load_builtin(entry_id: str, spec: str) -> Entry:
    module_name, _sep, class_name = spec.partition(":")
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
            publisher = _instantiate(point.load(), _("plugin {name} ({source})").format(name=point.name, source=source))
        except Exception as error:  # a broken plugin is listed with its error
            entries.setdefault(point.name, Entry(id=point.name, source=source, error=str(error)))
            continue
        if publisher.id in entries:
            continue  # a plugin never replaces a built-in (or an earlier plugin) of the same id
        entries[publisher.id] = Entry(id=publisher.id, source=source, publisher=publisher)
    return entries


def available(include_plugins: bool = True) -> dict[str, Publisher]:
    """Every publisher that loaded, by id (what a command or a dialog can publish through)."""
    return {
        entry_id: entry.publisher
        for entry_id, entry in discover(include_plugins).items()
        if entry.publisher is not None
    }
