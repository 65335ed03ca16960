# SPDX-License-Identifier: GPL-3.0-or-later
"""`feed.atom` (every published update, with feedgen) and `maintenance.ics` (every maintenance,
with icalendar). Both carry only times from the store, so the same store gives the same bytes."""

from __future__ import annotations

import re
import uuid
from datetime import UTC, datetime
from typing import TYPE_CHECKING

from composer.core.statuspage.strings import STATUS_LABELS

if TYPE_CHECKING:
    from composer.core.statuspage.data import Published, Shown, SiteData

# Characters XML 1.0 (and so Atom) cannot hold at all, which lxml refuses rather than escapes.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def xml_text(text: str) -> str:
    return _NOT_XML.sub("", text)


def stable_id(site: SiteData, what: str) -> str:
    """A URN that stays the same from build to build for one thing on one organisation's page."""
    org = site.organisation
    owner = org.status_page_url.strip() or f"incident-composer:{org.name.strip()}"
    return f"urn:uuid:{uuid.uuid5(uuid.NAMESPACE_URL, f'{owner}#{what}')}"


def absolute(site: SiteData, path: str) -> str:
    """`path` on the status page's own address when it is known, else relative to the feed."""
    base = site.organisation.status_page_url.strip()
    if base.startswith(("https://", "http://")):
        return base.rstrip("/") + "/" + path
    return path


# The subscription document (`feed.atom`) carries the newest month and at least this many entries;
# every older month is an archive document (`feed/YYYY-MM.atom`, RFC 5005), whose bytes stay the
# same once the month is over, so a new update re-sends one small feed, not a year of them.
RECENT_ENTRIES = 50
_HISTORY_NS = "http://purl.org/syndication/history/1.0"


def atom_feeds(site: SiteData, language: str, title: str) -> dict[str, bytes]:
    """Every published update, newest first, in `feed.atom` and its monthly archives."""
    updates = [(update, shown) for shown in site.incidents for update in shown.updates]
    updates.sort(key=lambda pair: (pair[0].published_at, pair[0].id), reverse=True)
    if not updates:
        return {"feed.atom": _atom(site, language, title, [], path="feed.atom", links={})}
    month = _month(updates[0][0].published_at)
    recent = [
        pair for index, pair in enumerate(updates) if index < RECENT_ENTRIES or _month(pair[0].published_at) == month
    ]
    by_month: dict[str, list[tuple[Published, Shown]]] = {}
    for pair in updates:
        if _month(pair[0].published_at) != month:
            by_month.setdefault(_month(pair[0].published_at), []).append(pair)
    months = sorted(by_month)
    out: dict[str, bytes] = {}
    for index, name in enumerate(months):
        links = {"current": "feed.atom"}
        if index > 0:
            links["prev-archive"] = f"feed/{months[index - 1]}.atom"
        if index + 1 < len(months):
            links["next-archive"] = f"feed/{months[index + 1]}.atom"
        out[f"feed/{name}.atom"] = _atom(site, language, title, by_month[name], path=f"feed/{name}.atom", links=links)
    current = {"prev-archive": f"feed/{months[-1]}.atom"} if months else {}
    out["feed.atom"] = _atom(site, language, title, recent, path="feed.atom", links=current)
    return out


def _month(moment: datetime) -> str:
    return moment.astimezone(UTC).strftime("%Y-%m")


def _atom(
    site: SiteData,
    language: str,
    title: str,
    updates: list[tuple[Published, Shown]],
    *,
    path: str,
    links: dict[str, str],
) -> bytes:
    from feedgen.feed import FeedGenerator  # type: ignore[import-untyped]  # noqa: PLC0415 - ships no types

    labels = STATUS_LABELS[language]
    org = site.organisation
    feed = FeedGenerator()
    feed.id(stable_id(site, "feed"))
    feed.title(xml_text(title))
    feed.updated(max((update.published_at for update, _ in updates), default=site.updated_at))
    feed.author({"name": xml_text(org.name.strip() or title)})
    feed.language(language)
    feed.generator("Incident Composer")
    feed.link(href=absolute(site, path), rel="self", type="application/atom+xml")
    feed.link(href=absolute(site, "index.html"), rel="alternate", type="text/html")
    for rel, href in links.items():
        feed.link(href=absolute(site, href), rel=rel, type="application/atom+xml")
    for update, shown in updates:
        entry = feed.add_entry(order="append")
        entry.id(stable_id(site, f"update-{update.id}"))
        entry.title(xml_text(f"{shown.incident.title} — {labels[update.status]}"))
        entry.updated(update.published_at)
        entry.published(update.published_at)
        entry.link(href=absolute(site, f"incidents/{shown.id}.html#update-{update.id}"), rel="alternate")
        entry.content(xml_text(update.html), type="html")
        if update.signer:
            entry.author({"name": xml_text(update.signer)})
    data = bytes(feed.atom_str(pretty=True))
    if path != "feed.atom":  # an archive document says so (RFC 5005 section 4)
        head = data.index(b">", data.index(b"<feed")) + 1
        data = data[:head] + f'\n  <fh:archive xmlns:fh="{_HISTORY_NS}"/>'.encode() + data[head:]
    return data


def _plain(text: str) -> str:
    return xml_text(text).strip()


def maintenance_calendar(site: SiteData, name: str) -> bytes:
    """One event per maintenance: its window, title and newest published text."""
    from icalendar import Calendar, Event  # noqa: PLC0415

    calendar = Calendar()
    calendar.add("prodid", "-//Incident Composer//Status page//EN")
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", _plain(name))
    maintenance: list[Shown] = [shown for shown in site.incidents if shown.is_maintenance]
    for shown in sorted(maintenance, key=lambda s: (s.window[0], s.id)):
        start, end = shown.window
        event = Event()
        event.add("uid", stable_id(site, f"maintenance-{shown.id}").removeprefix("urn:uuid:"))
        event.add("dtstamp", shown.updated_at)
        event.add("last-modified", shown.updated_at)
        event.add("sequence", len(shown.updates) - 1)
        event.add("dtstart", start)
        if end is not None:
            event.add("dtend", end)
        event.add("summary", _plain(shown.incident.title))
        event.add("description", _plain(shown.latest.body))
        event.add("status", "CONFIRMED")
        link = absolute(site, f"incidents/{shown.id}.html")
        if link.startswith(("https://", "http://")):
            event.add("url", link)
        calendar.add_component(event)
    return bytes(calendar.to_ical())
