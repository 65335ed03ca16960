# SPDX-License-Identifier: GPL-3.0-or-later
"""`feed.atom` (every published update, with feedgen) and `maintenance.ics` (every maintenance,
with icalendar). Both carry only times from the store, so the same store gives the same bytes."""

from __future__ import annotations

import re
import uuid
from typing import TYPE_CHECKING

from composer.core.statuspage.cache import key as cache_key
from composer.core.statuspage.strings import STATUS_LABELS

if TYPE_CHECKING:
    from composer.core.statuspage.cache import BuildCache
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


# Every published update is in the feed (RFC 5005, archived feeds): numbered archive documents of
# ARCHIVE_PAGE entries each, oldest first (`feed/1.atom`, `feed/2.atom`, …), whose bytes stay the
# same once full, and the subscription document (`feed.atom`) with the entries no full archive holds
# yet, topped up from the last full one to at least RECENT_ENTRIES. A new update re-sends one small
# feed; once every ARCHIVE_PAGE updates a new archive document appears.
ARCHIVE_PAGE = 100
RECENT_ENTRIES = 50
_HISTORY_NS = "http://purl.org/syndication/history/1.0"


def atom_feeds(site: SiteData, language: str, title: str, cache: BuildCache | None = None) -> dict[str, bytes]:
    """Every published update, newest first, in `feed.atom` and its archive documents."""
    # Each update with its incident and what the cache's key says of that incident, oldest first:
    # sorted as (time, id, position) tuples, compared in C (the position: as a stable sort would).
    named = [(shown, f"{shown.id}:{len(shown.incident.title)}:{shown.incident.title}") for shown in site.incidents]
    triples = [(update, shown, name) for shown, name in named for update in shown.updates]
    timeline = sorted([(update.published_at, update.id, n) for n, (update, _, _) in enumerate(triples)])
    updates = [triples[n] for _at, _id, n in timeline]
    full = len(updates) // ARCHIVE_PAGE
    documents: list[tuple[str, list[tuple[Published, Shown, str]], dict[str, str]]] = []
    for number in range(1, full + 1):
        entries = updates[(number - 1) * ARCHIVE_PAGE : number * ARCHIVE_PAGE][::-1]
        links = {"current": "feed.atom"}
        if number > 1:
            links["prev-archive"] = f"feed/{number - 1}.atom"
        if number < full:
            links["next-archive"] = f"feed/{number + 1}.atom"
        documents.append((f"feed/{number}.atom", entries, links))
    recent = updates[min(full * ARCHIVE_PAGE, max(0, len(updates) - RECENT_ENTRIES)) :][::-1]
    documents.append(("feed.atom", recent, {"prev-archive": f"feed/{full}.atom"} if full else {}))
    out: dict[str, bytes] = {}
    org = site.organisation
    for path, entries, links in documents:
        found_key = ""
        if cache is not None:  # an archive's entries never change once it is full
            shown_as = "".join([part for u, _shown, named in entries for part in (named, u.fingerprint)])
            updated = "" if entries else str(site.updated_at)
            where = (org.name, org.status_page_url)  # all the feed shows of the organisation
            found_key = cache_key("feed", language, title, path, repr(links), *where, updated, shown_as)
            found = cache.get(found_key)
            if found is not None:
                out[path] = found
                continue
        out[path] = _atom(site, language, title, entries, path=path, links=links)
        if cache is not None:
            cache.put(found_key, out[path])
    return out


def _atom(
    site: SiteData,
    language: str,
    title: str,
    updates: list[tuple[Published, Shown, str]],
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
    feed.updated(max((update.published_at for update, _, _ in updates), default=site.updated_at))
    feed.author({"name": xml_text(org.name.strip() or title)})
    feed.language(language)
    feed.generator("Incident Composer")
    feed.link(href=absolute(site, path), rel="self", type="application/atom+xml")
    feed.link(href=absolute(site, "index.html"), rel="alternate", type="text/html")
    for rel, href in links.items():
        feed.link(href=absolute(site, href), rel=rel, type="application/atom+xml")
    for update, shown, _named in updates:
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


def maintenance_calendar(site: SiteData, name: str, cache: BuildCache | None = None) -> bytes:
    """One event per maintenance: its window, title and newest published text (`cache`: the
    calendar an earlier build made from the same maintenance)."""
    maintenance: list[Shown] = [shown for shown in site.incidents if shown.is_maintenance]
    found_key = ""
    if cache is not None:
        org = site.organisation  # its name and address are all the calendar shows of it
        fingerprints = (shown.fingerprint for shown in maintenance)
        found_key = cache_key("calendar", name, org.name, org.status_page_url, *fingerprints)
        found = cache.get(found_key)
        if found is not None:
            return found
    data = _calendar(site, name, maintenance)
    if cache is not None:
        cache.put(found_key, data)
    return data


def _calendar(site: SiteData, name: str, maintenance: list[Shown]) -> bytes:
    from icalendar import Calendar, Event  # noqa: PLC0415

    calendar = Calendar()
    calendar.add("prodid", "-//Incident Composer//Status page//EN")
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", _plain(name))
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
