# SPDX-License-Identifier: GPL-3.0-or-later
"""What the status page shows, read from the store: published updates only, never a draft.

An update is published when it has a publication (a channel it went out on); an incident is
shown once one of its updates is. Its status is that of its newest published update, as the
store keeps it (`schema`, migration 8). Everything here is the same in every language.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from functools import cached_property
from typing import TYPE_CHECKING, NamedTuple
from urllib.parse import quote, urlsplit

from composer.core.contacts import contacts_for
from composer.core.model import Incident, Organisation, Severity, Status, Update
from composer.core.statuspage.cache import key as cache_key
from composer.core.statuspage.strings import LANGUAGES

if TYPE_CHECKING:
    from composer.core.statuspage.cache import BuildCache
    from composer.core.store import Store

EPOCH = datetime(1970, 1, 1, tzinfo=UTC)  # "last updated" of a page nothing was ever published on
_LANGUAGE_TAG = re.compile(r"[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*")
_SCHEME = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*:(?!\d)")  # "mailto:", "javascript:"; not "host:8080"


@dataclass(frozen=True)
class Link:
    """A contact as shown (`text`) and as linked (`href`: "" when it cannot be a link)."""

    text: str
    href: str


@dataclass(frozen=True)
class SiteContacts:
    phone: Link | None
    phone_hours: str
    emails: tuple[Link, ...]
    pages: tuple[Link, ...]

    @property
    def any(self) -> bool:
        return bool(self.phone or self.emails or self.pages)


class Published:
    """One published update; `html` is its Markdown body as sanitised HTML, rendered when a page
    that is not in the build cache first asks for it. A plain class with slots: a store with a
    year of history holds tens of thousands, all read on every build."""

    __slots__ = (
        "_fingerprint",
        "_html",
        "body",
        "id",
        "language",
        "next_update_at",
        "published_at",
        "renderer",
        "signer",
        "source",
        "status",
        "window_end",
        "window_start",
    )

    def __init__(
        self,
        id: int,
        status: Status,
        body: str,
        *,
        signer: str,
        language: str,  # a valid language tag, or "" (then the page's language applies)
        published_at: datetime,
        next_update_at: datetime | None,
        window_start: datetime | None = None,  # a maintenance window, when the update's template gave one
        window_end: datetime | None = None,
        renderer: Callable[[str], str] = str,
        source: str = "",  # a text that decides every value but the body (`SiteUpdate`), if known
    ):
        self.id, self.status, self.body, self.signer, self.language = id, status, body, signer, language
        self.published_at, self.next_update_at = published_at, next_update_at
        self.window_start, self.window_end = window_start, window_end
        self.renderer, self.source = renderer, source
        self._html: str | None = None
        self._fingerprint: str | None = None

    @property
    def html(self) -> str:
        if self._html is None:
            self._html = self.renderer(self.body)
        return self._html

    @property
    def fingerprint(self) -> str:
        """Everything a page shows of it, as one text for the build cache's keys (cheaper than repr):
        the text it was read from when known (`source`), else its values; each part led by its
        length, so no two updates give the same text."""
        if self._fingerprint is None:
            head = self.source
            if not head:
                times = (self.published_at, self.next_update_at, self.window_start, self.window_end)
                head = repr((self.id, self.status.value, self.signer, self.language, *map(str, times)))
            self._fingerprint = f"{len(head)}:{head}{len(self.body)}:{self.body}"
        return self._fingerprint


@dataclass(frozen=True)
class Shown:
    """An incident with its published updates, oldest first (never empty)."""

    incident: Incident
    updates: tuple[Published, ...]

    @cached_property
    def fingerprint(self) -> str:
        """Everything its page shows, as one text (the build cache's key)."""
        return "\0\0".join([repr(self.incident), *(update.fingerprint for update in self.updates)])

    @property
    def id(self) -> int:
        return self.incident.id or 0

    @property
    def latest(self) -> Published:
        return self.updates[-1]

    @property
    def status(self) -> Status:
        return self.latest.status

    @property
    def is_open(self) -> bool:
        return not self.status.is_closed

    @property
    def is_maintenance(self) -> bool:
        return self.incident.severity is Severity.MAINTENANCE or any(u.status.is_maintenance for u in self.updates)

    @property
    def updated_at(self) -> datetime:
        return self.latest.published_at

    @property
    def window(self) -> tuple[datetime, datetime | None]:
        """The maintenance window: the newest update's that gives one, else from the start."""
        for update in reversed(self.updates):
            if update.window_start is not None:
                end = update.window_end
                return update.window_start, end if end is not None and end > update.window_start else None
        return self.incident.started_at, None


@dataclass(frozen=True)
class SiteData:
    organisation: Organisation
    incidents: tuple[Shown, ...]  # newest update first
    usual_language: str  # the language most published updates are written in

    @property
    def updated_at(self) -> datetime:
        """When the newest update went out: the site's only date, so a rebuild changes nothing."""
        return max((shown.updated_at for shown in self.incidents), default=EPOCH)

    def contacts(self, shown: Shown | None = None) -> SiteContacts:
        """The contacts for the front page (every open incident), or for one incident's page
        (that one only, so a new incident elsewhere leaves that page as it was)."""
        incidents = [shown] if shown is not None else [s for s in self.incidents if s.is_open]
        return site_contacts(self.organisation, [s.incident for s in incidents if s.is_open])


def _time(value: object) -> datetime | None:
    if not isinstance(value, str) or not value:
        return None
    try:
        moment = datetime.fromisoformat(value)
    except ValueError:
        return None
    return moment if moment.tzinfo is not None else None


def _window(extra: dict[str, object]) -> tuple[datetime | None, datetime | None]:
    template = extra.get("template")
    values = template.get("values") if isinstance(template, dict) else None
    if not isinstance(values, dict):
        return None, None
    return _time(values.get("window_start")), _time(values.get("window_end"))


_languages: dict[str, str] = {}  # as stored -> as shown (a valid tag, or "")


def _language(text: str) -> str:
    shown = _languages.get(text)
    if shown is None:
        stripped = text.strip()
        shown = stripped if _LANGUAGE_TAG.fullmatch(stripped) else ""
        if len(_languages) < 1000:  # a handful in practice
            _languages[text] = shown
    return shown


def _published(update: Update, render: Callable[[str], str], at: datetime | None = None) -> Published:
    """An update read whole (the one going out, which no channel has recorded yet)."""
    start, end = _window(update.extra)
    return Published(
        update.id or 0,
        update.status,
        update.body,
        signer=update.signer.strip(),
        language=_language(update.language),
        published_at=(update.published_at or at or update.created_at).astimezone(UTC),
        next_update_at=update.next_update_at,
        window_start=start,
        window_end=end,
        renderer=render,
    )


def web_link(url: str) -> Link | None:
    """An http(s) address as a link ('example.com/contact' taken as https); any other scheme
    (javascript:, data:) or an address that cannot be read is shown as text, not linked."""
    url = url.strip()
    if not url:
        return None
    if "//" not in url and _SCHEME.match(url):
        return Link(url, "")
    try:
        parts = urlsplit(url if "//" in url else f"https://{url}")
        if parts.scheme.lower() not in ("http", "https") or not parts.hostname:
            return Link(url, "")
        return Link(url, parts.geturl())
    except ValueError:  # an unclosed [IPv6] bracket, a port that is no number
        return Link(url, "")


def _mail_link(address: str) -> Link | None:
    address = address.strip()
    if not address:
        return None
    if "@" not in address or any(c.isspace() or c in "<>\"'" for c in address):
        return Link(address, "")
    return Link(address, "mailto:" + quote(address, safe="@.+-_"))


def _phone_link(phone: str) -> Link | None:
    phone = phone.strip()
    if not phone:
        return None
    digits = re.sub(r"[^0-9+]", "", phone)
    return Link(phone, f"tel:{digits}" if len(digits) >= 3 else "")


class _Down(NamedTuple):
    """What is down (`contacts.DownFlags`)."""

    own_site_down: bool
    own_email_down: bool


def site_contacts(org: Organisation, open_incidents: list[Incident]) -> SiteContacts:
    """The alternate contacts first (they live outside our infrastructure), then the usual ones
    unless an open incident takes them down (`contacts_for`, which never gives a dead page)."""
    now = _Down(any(i.own_site_down for i in open_incidents), any(i.own_email_down for i in open_incidents))
    elsewhere, usual = contacts_for(org, _Down(True, True)), contacts_for(org, now)
    emails = dict.fromkeys(e for e in (elsewhere.email, usual.email) if e)
    pages = dict.fromkeys(p for p in (elsewhere.url, usual.url) if p)
    return SiteContacts(
        phone=_phone_link(usual.phone),
        phone_hours=usual.phone_hours,
        emails=tuple(link for link in map(_mail_link, emails) if link is not None),
        pages=tuple(link for link in map(web_link, pages) if link is not None),
    )


def usual_language(languages: list[str]) -> str:
    """The language most published updates are written in (English when none is known), from
    their languages as stored."""
    counts: Counter[str] = Counter()
    for language, number in Counter(languages).items():  # a handful of distinct ones
        counts[language.strip().lower()[:2]] += number
    ranked = sorted((code for code in counts if code in LANGUAGES), key=lambda c: (-counts[c], LANGUAGES.index(c)))
    return ranked[0] if ranked else LANGUAGES[0]


def read_site(
    store: Store,
    html_cache: dict[str, str] | None = None,
    going_out: tuple[int, datetime] | None = None,
    cache: BuildCache | None = None,
) -> SiteData:
    """Everything the status page shows, in three queries whatever the store holds. `html_cache`
    (body -> HTML, kept by a caller that rebuilds often) spares rendering the same Markdown again;
    it is left holding the bodies this build rendered (`cache`: the same, kept on disk).
    `going_out`: (update id, when) of the update being published now, shown as published at that
    time though no channel has recorded it yet."""
    from composer.core.templates.render import images_as_links, markdown_to_html  # noqa: PLC0415

    known = dict(html_cache) if html_cache else {}
    used: dict[str, str] = html_cache if html_cache is not None else {}
    used.clear()  # it will hold the bodies this build renders (pages found in `cache` need none)

    def render(body: str) -> str:
        html = used.get(body)
        if html is not None:
            return html
        html = known.get(body)
        name = cache_key("html", body) if cache is not None and html is None else ""
        if name and cache is not None:
            kept = cache.get(name)
            html = kept.decode("utf-8") if kept is not None else None
        if html is None:
            html = images_as_links(markdown_to_html(body))
            if name and cache is not None:
                cache.put(name, html.encode("utf-8"))
        used[body] = html
        return html

    by_incident: dict[int, list[Published]] = {}
    languages: list[str] = []
    incident_id: int | None = -1
    updates: list[Published] = []
    for id_, incident, body, status, signer, language, next_at, published_at, extra, source in store.site_updates():
        start, end = _window(dict(json.loads(extra))) if extra else (None, None)
        if incident != incident_id:  # the rows come by incident
            incident_id, updates = incident, by_incident.setdefault(incident or 0, [])
        published = Published(
            id_,
            status,
            body,
            signer=signer.strip(),
            language=_languages.get(language) or _language(language),
            published_at=published_at if published_at.tzinfo is UTC else published_at.astimezone(UTC),
            next_update_at=next_at,
            window_start=start,
            window_end=end,
            renderer=render,
            source=source,
        )
        updates.append(published)
        languages.append(language)
    known_ids = {p.id for ps in by_incident.values() for p in ps} if going_out is not None else set()
    if going_out is not None and going_out[0] not in known_ids:
        update = store.update(going_out[0])
        by_incident.setdefault(update.incident_id or 0, []).append(_published(update, render, going_out[1]))
        languages.append(update.language)
    shown = [
        Shown(incident, tuple(by_incident[incident.id]))
        for incident in store.incidents()
        if incident.id is not None and incident.id in by_incident
    ]
    shown.sort(key=lambda s: (s.updated_at, s.id), reverse=True)
    return SiteData(organisation=store.organisation(), incidents=tuple(shown), usual_language=usual_language(languages))
