# SPDX-License-Identifier: GPL-3.0-or-later
"""The static status page, built from a real store and read back as a browser and a feed reader would."""

from __future__ import annotations

import itertools
import posixpath
import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from html.parser import HTMLParser
from importlib.resources import files

import icalendar
import pytest

from composer.core.model import Incident, Organisation, Publication, Severity, Status, Update
from composer.core.statuspage import SiteError, build_site, parse_languages
from composer.core.statuspage.cache import BuildCache
from composer.core.store import Store

NOW = datetime(2026, 11, 24, 12, 0, tzinfo=UTC)
ATOM = "{http://www.w3.org/2005/Atom}"
ORG = Organisation(
    name="Pinewood",
    contact_url="https://pinewood.example/contact",
    phone="+34 930 000 000",
    email="support@pinewood.example",
    alternate_contact_url="https://contact.pinewood-backup.example/",
    backup_email="help@pinewood-backup.example",
    phone_hours="24/7",
    timezone="Europe/Madrid",
)
HOSTILE = '<script>alert("t")</script><img src=https://evil.example/t.png>'


# -- reading the HTML back -------------------------------------------------------------------

VOID = {"meta", "link", "br", "hr", "img", "input", "source", "wbr"}


@dataclass
class Node:
    tag: str
    attrs: dict[str, str]
    children: list[Node] = field(default_factory=list)
    parent: Node | None = None
    texts: list[str] = field(default_factory=list)

    @property
    def text(self) -> str:
        parts = list(self.texts)
        for child in self.children:
            parts.append(child.text)
        return " ".join(" ".join(parts).split())

    def iter(self, tag: str | None = None):
        for child in self.children:
            if tag is None or child.tag == tag:
                yield child
            yield from child.iter(tag)

    def find(self, tag: str, **attrs: str) -> list[Node]:
        return [n for n in self.iter(tag) if all(attrs[k] in n.attrs.get(k, "").split() for k in attrs)]

    def by_id(self, ident: str) -> Node:
        found = [n for n in self.iter() if n.attrs.get("id") == ident]
        assert len(found) == 1, ident
        return found[0]


class Tree(HTMLParser):
    def __init__(self, source: str):
        super().__init__(convert_charrefs=True)
        self.root = self.current = Node("#document", {})
        self.feed(source)
        self.close()

    def handle_starttag(self, tag, attrs):
        node = Node(tag, {k: v or "" for k, v in attrs}, parent=self.current)
        self.current.children.append(node)
        if tag not in VOID:
            self.current = node

    def handle_endtag(self, tag):
        node = self.current
        while node is not None and node.tag != tag:
            node = node.parent
        assert node is not None and node.parent is not None, f"</{tag}> closes nothing"
        self.current = node.parent

    def handle_data(self, data):
        self.current.texts.append(data)


def page(files_: dict[str, bytes], name: str) -> Node:
    return Tree(files_[name].decode("utf-8")).root


# -- a store with history ------------------------------------------------------------------


def publish(store: Store, incident: Incident, body: str, status: Status, at: datetime, **fields) -> Update:
    update = store.add_update(
        Update(incident.id, body, status, "Marta Vidal, Head of Support", created_at=at, edited_at=at, **fields)
    )
    store.add_publication(update.id, Publication("mastodon", at + timedelta(minutes=1), remote_id=f"m{update.id}"))
    return store.update(update.id)


@dataclass
class World:
    store: Store
    open: Incident
    resolved: Incident
    maintenance: Incident
    drafts_only: Incident
    published: list[Update]


@pytest.fixture
def world(store) -> World:
    store.save_organisation(ORG)
    published: list[Update] = []
    started = NOW - timedelta(hours=3)
    current = store.add_incident(
        Incident(
            "Card payments fail at checkout",
            severity=Severity.MAJOR,
            started_at=started,
            affected_services=["Checkout", "Payments API"],
            customer_impact="Customers in the EU cannot pay by card.",
            workaround="Pay with PayPal or by bank transfer.",
            own_site_down=True,
        )
    )
    for minutes, status, text in (
        (10, Status.INVESTIGATING, "We are sorry: card payments fail since 09:00 UTC. FIRST-TEXT"),
        (50, Status.IDENTIFIED, "We found the cause: an expired certificate. **SECOND-TEXT**"),
        (90, Status.MONITORING, "The fix is out and payments work again; we are watching. THIRD-TEXT"),
    ):
        at = started + timedelta(minutes=minutes)
        published.append(publish(store, current, text, status, at, next_update_at=at + timedelta(minutes=45)))
    store.add_update(
        Update(current.id, "DRAFT-SECRET not yet public", Status.RESOLVED, created_at=started + timedelta(hours=2))
    )

    earlier = NOW - timedelta(days=12)
    resolved = store.add_incident(Incident("Email delivery delayed", started_at=earlier, affected_services=["Mail"]))
    published.append(publish(store, resolved, "Mail is late by 40 minutes.", Status.IDENTIFIED, earlier))
    published.append(publish(store, resolved, "All mail arrived.", Status.RESOLVED, earlier + timedelta(hours=2)))

    window = NOW + timedelta(days=3)
    maintenance = store.add_incident(
        Incident(
            "Database upgrade", Status.SCHEDULED, Severity.MAINTENANCE, started_at=window, affected_services=["API"]
        )
    )
    values = {"window_start": window.isoformat(), "window_end": (window + timedelta(hours=2)).isoformat()}
    published.append(
        publish(
            store,
            maintenance,
            "On Friday the API will be read-only for up to two hours.",
            Status.SCHEDULED,
            NOW - timedelta(days=1),
            extra={"template": {"id": "maintenance-scheduled-blog-en", "values": values}},
        )
    )
    hidden = store.add_incident(Incident("UNANNOUNCED-INCIDENT"))
    store.add_update(Update(hidden.id, "Only a draft", Status.INVESTIGATING))
    return World(store, current, resolved, maintenance, hidden, published)


def build(world: World, **options) -> dict[str, bytes]:
    return build_site(world.store, now=options.pop("now", NOW), **options)


def z(moment: datetime) -> str:
    return moment.astimezone(UTC).isoformat().replace("+00:00", "Z")


# -- what the front page says --------------------------------------------------------------


def test_the_front_page_lists_the_open_incident_with_status_impact_last_update_and_next_update(world):
    site = build(world)
    index = page(site, "index.html")
    current = index.by_id("current").parent
    (card,) = current.find("article")
    assert card.find("h3")[0].text == "Card payments fail at checkout"
    assert card.find("span", **{"class": "badge"})[0].text == "Monitoring the fix"
    assert "Checkout, Payments API" in card.text
    assert "Customers in the EU cannot pay by card." in card.text  # what customers cannot do
    assert "Pay with PayPal or by bank transfer." in card.text
    assert "THIRD-TEXT" in card.text and "FIRST-TEXT" not in card.text  # the last update only
    (next_update,) = card.find("dd", **{"class": "next"})
    latest = world.published[2]
    assert next_update.find("time")[0].attrs["datetime"] == z(latest.next_update_at)
    assert "CET" in next_update.text  # in the organisation's zone, UTC beside it
    assert card.find("a")[0].attrs["href"] == f"incidents/{world.open.id}.html"
    planned = index.by_id("planned").parent
    assert "Database upgrade" in planned.text and "Database upgrade" not in current.text
    history = index.by_id("history").parent
    assert "Email delivery delayed" in history.text and "Card payments" not in history.text
    assert [h.text for h in history.find("h3")] == ["November 2026"]


def test_the_alternate_contacts_are_on_every_page_and_never_the_page_the_incident_takes_down(world):
    site = build(world)
    index = page(site, "index.html")
    contacts = index.by_id("contact").parent
    hrefs = [a.attrs["href"] for a in contacts.find("a")]
    # The open incident takes our own site down: its contact page is not given, the alternate is.
    assert hrefs == [
        "tel:+34930000000",
        "mailto:help@pinewood-backup.example",
        "mailto:support@pinewood.example",
        "https://contact.pinewood-backup.example/",
    ]
    assert "(24/7)" in contacts.text
    assert index.find("main")[0].children[0] is contacts  # first in the page's main content
    resolved = page(site, f"incidents/{world.resolved.id}.html").by_id("contact").parent
    assert "https://pinewood.example/contact" in [a.attrs["href"] for a in resolved.find("a")]


def test_drafts_and_unannounced_incidents_never_appear(world):
    site = build(world)
    everything = b"".join(site.values())
    assert b"DRAFT-SECRET" not in everything and b"UNANNOUNCED-INCIDENT" not in everything
    assert f"incidents/{world.drafts_only.id}.html" not in site
    assert set(site) == {
        "index.html",
        *(f"incidents/{i.id}.html" for i in (world.open, world.resolved, world.maintenance)),
        "feed.atom",
        "maintenance.ics",
    }


def test_hostile_titles_and_bodies_are_shown_as_text(world):
    incident = world.store.add_incident(Incident(f"Checkout {HOSTILE}", affected_services=[HOSTILE]))
    body = f"{HOSTILE}\n\n![chart](https://evil.example/chart.png) [a link](javascript:alert(1))"
    publish(world.store, incident, body, Status.INVESTIGATING, NOW - timedelta(minutes=5))
    site = build(world)
    for name in ("index.html", f"incidents/{incident.id}.html"):
        tree = page(site, name)
        assert not tree.find("script") and not tree.find("img"), name
        assert HOSTILE in tree.text  # shown, as typed
        assert all(not a.attrs.get("href", "").startswith("javascript:") for a in tree.find("a"))
        assert not any(k.startswith("on") for n in tree.iter() for k in n.attrs)
    chart = [a for a in page(site, "index.html").find("a") if a.text == "chart"]
    assert chart and chart[0].attrs["href"] == "https://evil.example/chart.png"  # an image becomes a link to it
    entry = next(
        e for e in ET.fromstring(site["feed.atom"]).iter(f"{ATOM}entry") if "Checkout" in e.findtext(f"{ATOM}title")
    )
    assert "<script>" not in entry.findtext(f"{ATOM}content")


def test_pages_load_nothing_from_anywhere(world):
    site = build(world, languages=("en", "ca", "es"))
    configured = {ORG.alternate_contact_url, ORG.contact_url}
    for name in site:
        if not name.endswith(".html"):
            continue
        tree = page(site, name)
        assert not [n for n in tree.iter() if "src" in n.attrs], name
        assert not tree.find("script") and not tree.find("iframe") and not tree.find("object"), name
        for node in tree.iter():
            href = node.attrs.get("href")
            if href is None:
                continue
            if href.startswith(("mailto:", "tel:")) or href in configured:
                continue
            assert "://" not in href and not href.startswith("//"), (name, href)
            if href.startswith("#"):
                assert tree.by_id(href[1:])
                continue
            target = posixpath.normpath(posixpath.join(posixpath.dirname(name), href.split("#")[0]))
            assert target in site, (name, href)  # every relative link leads to a file of the site
        style = "".join(s.text for s in tree.find("style"))
        assert "@import" not in style and "url(" not in style and "@font-face" not in style
        assert [n.attrs["href"] for n in tree.find("link")] == ["../" * name.count("/") + "feed.atom"]


def test_the_pages_are_accessible_and_fit_a_phone(world):
    site = build(world, languages=("en", "ca"))
    for name in ("index.html", f"incidents/{world.open.id}.html", "ca/index.html"):
        tree = page(site, name)
        (html,) = tree.find("html")
        assert html.attrs["lang"] == ("ca" if name.startswith("ca/") else "en")
        viewport = [m for m in tree.find("meta") if m.attrs.get("name") == "viewport"]
        assert viewport and "width=device-width" in viewport[0].attrs["content"]
        for landmark in ("header", "main", "footer", "nav"):
            assert len(tree.find(landmark)) == 1, (name, landmark)
        levels = [int(n.tag[1]) for n in tree.iter() if re.fullmatch(r"h[1-6]", n.tag)]
        assert levels[0] == 1 and levels.count(1) == 1, name
        assert all(b <= a + 1 for a, b in itertools.pairwise(levels)), (name, levels)  # no level skipped
        for moment in tree.find("time"):
            datetime.fromisoformat(moment.attrs["datetime"])
    css = files("composer.resources").joinpath("statuspage/style.css").read_text(encoding="utf-8")
    assert "prefers-color-scheme: dark" in css
    sizes = [float(s) for s in re.findall(r"font(?:-size)?:\s*([0-9.]+)rem", css)]
    assert sizes and min(sizes) >= 1.0  # 16 px and more
    assert "max-width: 48rem" in css  # fluid up to a readable measure


def _luminance(colour: str) -> float:
    channels = [int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def _contrast(a: str, b: str) -> float:
    high, low = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def test_text_has_enough_contrast_in_light_and_dark():
    css = files("composer.resources").joinpath("statuspage/style.css").read_text(encoding="utf-8")
    light, dark = css.split("@media (prefers-color-scheme: dark)", 1)
    for scheme in (light, dark):
        colours = dict(re.findall(r"--([a-z-]+):\s*(#[0-9a-f]{6})", scheme.split("}")[0] + scheme[:2000]))
        for text, back in (
            ("text", "back"),
            ("muted", "back"),
            ("link", "back"),
            ("text", "panel"),
            ("muted", "panel"),
            ("link", "panel"),
            ("red-text", "red-back"),
            ("amber-text", "amber-back"),
            ("green-text", "green-back"),
            ("blue-text", "blue-back"),
        ):
            assert _contrast(colours[text], colours[back]) >= 4.5, (text, back, colours[text], colours[back])


def test_an_incident_page_has_its_whole_published_timeline_newest_first(world):
    site = build(world)
    tree = page(site, f"incidents/{world.open.id}.html")
    timeline = tree.by_id("timeline").parent
    items = timeline.find("li")
    assert [li.attrs["id"] for li in items] == [f"update-{u.id}" for u in reversed(world.published[:3])]
    times = [li.find("time")[0].attrs["datetime"] for li in items]
    assert times == sorted(times, reverse=True)
    assert "SECOND-TEXT" in items[1].find("strong")[0].text  # Markdown rendered
    assert [h.text for h in tree.find("h1")] == ["Card payments fail at checkout"]
    maintenance = page(site, f"incidents/{world.maintenance.id}.html")
    window = [t.attrs["datetime"] for t in maintenance.by_id("summary").parent.find("time")]
    assert window == [z(NOW + timedelta(days=3)), z(NOW + timedelta(days=3, hours=2))]


# -- the feed and the calendar ---------------------------------------------------------------


def test_the_atom_feed_has_one_entry_per_published_update(world):
    feed = ET.fromstring(build(world)["feed.atom"])
    entries = feed.findall(f"{ATOM}entry")
    assert len(entries) == len(world.published)
    assert len({e.findtext(f"{ATOM}id") for e in entries}) == len(entries)
    newest = max(u.published_at for u in world.published)
    assert feed.findtext(f"{ATOM}updated") == newest.isoformat()
    updated = [datetime.fromisoformat(e.findtext(f"{ATOM}updated")) for e in entries]
    assert updated == sorted(updated, reverse=True)
    titles = [e.findtext(f"{ATOM}title") for e in entries]
    assert "Card payments fail at checkout — Monitoring the fix" in titles
    assert all(e.find(f"{ATOM}content").get("type") == "html" for e in entries)
    assert "DRAFT-SECRET" not in ET.tostring(feed, encoding="unicode")


def test_the_calendar_holds_the_maintenance_window(world):
    calendar = icalendar.Calendar.from_ical(build(world)["maintenance.ics"])
    (event,) = calendar.walk("VEVENT")
    assert str(event["summary"]) == "Database upgrade"
    assert event.decoded("dtstart") == NOW + timedelta(days=3)
    assert event.decoded("dtend") == NOW + timedelta(days=3, hours=2)
    assert "read-only" in str(event["description"])
    assert event.decoded("dtstamp") == world.published[-1].published_at


def test_a_hostile_title_does_not_break_the_feed_or_the_calendar(world):
    incident = world.store.add_incident(Incident("Bad\x00title\x0b \ufffe <&>", Status.SCHEDULED, Severity.MAINTENANCE))
    publish(world.store, incident, "Text\x01 with a control character", Status.SCHEDULED, NOW)
    site = build(world)
    titles = [e.findtext(f"{ATOM}title") for e in ET.fromstring(site["feed.atom"]).iter(f"{ATOM}entry")]
    assert "Badtitle  <&> — Scheduled" in titles
    assert len(icalendar.Calendar.from_ical(site["maintenance.ics"]).walk("VEVENT")) == 2


# -- determinism and size ------------------------------------------------------------------


def test_the_same_store_gives_the_same_bytes_and_one_update_changes_only_its_files(world):
    first = build(world, languages=("en", "es"))
    assert build(world, languages=("en", "es"), now=NOW + timedelta(hours=5)) == first  # no clock in the files
    publish(world.store, world.open, "Payments work again.", Status.RESOLVED, NOW)
    after = build(world, languages=("en", "es"))
    changed = {name for name in after if after[name] != first.get(name)}
    page_ = f"incidents/{world.open.id}.html"
    assert changed == {"index.html", page_, "es/index.html", f"es/{page_}", "feed.atom"}
    publish(world.store, world.maintenance, "Moved to Saturday.", Status.SCHEDULED, NOW + timedelta(minutes=5))
    again = build(world, languages=("en", "es"))
    changed = {name for name in again if again[name] != after[name]}
    page_ = f"incidents/{world.maintenance.id}.html"
    assert changed == {"index.html", page_, "es/index.html", f"es/{page_}", "feed.atom", "maintenance.ics"}


def test_a_year_of_history_keeps_the_front_page_small(store):
    store.save_organisation(ORG)
    body = "We are sorry: **checkout** was slow for some customers. " * 8
    with store.transaction():
        for day in range(365):
            started = NOW - timedelta(days=day, hours=6)
            incident = store.add_incident(Incident(f"Checkout slow in the EU region, day {day}", started_at=started))
            publish(store, incident, body, Status.INVESTIGATING, started)
            publish(store, incident, body, Status.IDENTIFIED, started + timedelta(hours=1))
            publish(store, incident, body, Status.RESOLVED, started + timedelta(hours=2))
    site = build_site(store, now=NOW)
    assert len(site["index.html"]) < 100_000, len(site["index.html"])
    history = page(site, "index.html").by_id("history").parent
    assert len(history.find("li")) in (89, 90, 91)  # the last 90 days
    assert [h.text for h in history.find("h3")] == ["November 2026", "October 2026", "September 2026", "August 2026"]
    archives = sorted((name for name in site if name.startswith("feed/")), key=lambda name: int(name[5:-5]))
    assert archives == [f"feed/{n}.atom" for n in range(1, 365 * 3 // 100 + 1)]  # full pages of 100 (RFC 5005)
    assert len(site) == 365 + 3 + len(archives)
    # The feed keeps everything: the newest entries (at least 50) in feed.atom, the rest archived.
    current = ET.fromstring(site["feed.atom"])
    recent = {e.findtext(f"{ATOM}id") for e in current.iter(f"{ATOM}entry")}
    assert len(recent) >= 50
    archived = [e.findtext(f"{ATOM}id") for name in archives for e in ET.fromstring(site[name]).iter(f"{ATOM}entry")]
    assert len(archived) == len(set(archived)) == 1000
    assert len(recent | set(archived)) == 365 * 3
    assert len(site["feed.atom"]) < 200_000
    # The chain: feed.atom -> the newest archive -> ... -> the oldest; each archive says it is one.
    links = {link.get("rel"): link.get("href") for link in current.findall(f"{ATOM}link")}
    assert links["prev-archive"] == archives[-1]
    for older, newer in itertools.pairwise(archives):
        doc = ET.fromstring(site[newer])
        assert doc.find("{http://purl.org/syndication/history/1.0}archive") is not None
        assert {link.get("rel"): link.get("href") for link in doc.findall(f"{ATOM}link")}["prev-archive"] == older


# -- languages --------------------------------------------------------------------------------


def test_each_language_has_its_pages_with_a_switcher_and_updates_keep_their_language(world):
    site = build(world, languages=("ca", "en", "es"))
    assert {"index.html", "en/index.html", "es/index.html", f"es/incidents/{world.open.id}.html"} <= set(site)
    top = page(site, "index.html")
    assert top.find("html")[0].attrs["lang"] == "ca"
    assert top.by_id("current").text == "Incidències obertes"
    switch = {a.attrs["hreflang"]: a.attrs["href"] for a in top.find("nav")[0].find("a")}
    assert switch == {"en": "en/index.html", "es": "es/index.html"}
    spanish = page(site, f"es/incidents/{world.open.id}.html")
    switch = {a.attrs["hreflang"]: a.attrs["href"] for a in spanish.find("nav")[0].find("a")}
    assert switch == {"ca": f"../../incidents/{world.open.id}.html", "en": f"../../en/incidents/{world.open.id}.html"}
    assert spanish.by_id("timeline").text == "Actualizaciones"
    body = [div for div in spanish.find("div", **{"class": "update"}) if "THIRD-TEXT" in div.text]
    assert body and body[0].attrs["lang"] == "en"  # written in English, said so


def test_the_organisation_s_usual_language_is_the_default(store):
    store.save_organisation(ORG)
    incident = store.add_incident(Incident("Correu amb retard", started_at=NOW))
    for n in range(2):
        update = store.add_update(Update(incident.id, f"Ens sap greu {n}.", Status.INVESTIGATING, language="ca"))
        store.add_publication(update.id, Publication("manual", NOW))
    site = build_site(store, now=NOW)
    assert page(site, "index.html").find("html")[0].attrs["lang"] == "ca"
    assert not any(name.startswith(("en/", "ca/", "es/")) for name in site)


def test_an_unknown_language_is_refused_in_one_line(world):
    with pytest.raises(SiteError, match="unknown language 'fr'") as error:
        build(world, languages=("en", "fr"))
    assert "\n" not in str(error.value)
    assert parse_languages(" EN, ca,en ") == ("en", "ca")


# -- the user's own templates ------------------------------------------------------------------


def test_a_user_template_replaces_the_built_in_one(world, tmp_path):
    folder = tmp_path / "statuspage"
    folder.mkdir()
    (folder / "index.html.j2").write_text(
        '<p class="mine">{{ current|length }} open: {% for i in current %}{{ i.title }}{% endfor %}</p>\n',
        encoding="utf-8",
    )
    site = build(world, user_templates=folder)
    mine = page(site, "index.html").find("p", **{"class": "mine"})
    assert mine[0].text == "1 open: Card payments fail at checkout"
    assert page(site, f"incidents/{world.open.id}.html").by_id("timeline")  # the others stay built in


@pytest.mark.parametrize(
    ("name", "source", "says"),
    [
        ("index.html.j2", "{% if %}", "line 1"),
        ("incident.html.j2", "{{ incident.nope.deeper }}", "has no value"),
        ("page.html.j2", "{{ ''.__class__.__mro__ }}", "not allowed"),
        ("style.css", "body{} </style><script>x()</script>", "cannot contain"),
        ("index.html.j2", b"\xff\xfe not text", "not UTF-8"),
    ],
)
def test_a_broken_user_template_stops_the_build_in_one_line_naming_the_file(world, tmp_path, name, source, says):
    folder = tmp_path / "statuspage"
    folder.mkdir()
    path = folder / name
    if isinstance(source, bytes):
        path.write_bytes(source)
    else:
        path.write_text(source, encoding="utf-8")
    with pytest.raises(SiteError) as error:
        build(world, user_templates=folder)
    message = str(error.value)
    assert str(path) in message and says in message and "\n" not in message, message


def test_a_contact_that_is_not_a_web_address_is_shown_but_not_linked(store):
    store.save_organisation(
        Organisation(name="Pinewood", alternate_contact_url="javascript:alert(1)", contact_url="pinewood.example/help")
    )
    tree = page(build_site(store, now=NOW), "index.html")
    contacts = tree.by_id("contact").parent
    assert "javascript:alert(1)" in contacts.text
    assert [a.attrs["href"] for a in contacts.find("a")] == ["https://pinewood.example/help"]


def test_an_empty_store_gives_a_calm_valid_site(store):
    site = build_site(store, now=NOW)
    assert set(site) == {"index.html", "feed.atom", "maintenance.ics"}
    tree = page(site, "index.html")
    assert tree.by_id("current").parent.find("p")[0].text == "No open incidents."
    assert not tree.find("footer")[0].find("time")  # no date to give
    feed = ET.fromstring(site["feed.atom"])
    assert feed.findall(f"{ATOM}entry") == [] and feed.findtext(f"{ATOM}updated").startswith("1970-01-01")
    assert icalendar.Calendar.from_ical(site["maintenance.ics"]).walk("VEVENT") == []


def test_every_interface_string_is_translated_and_used():
    from composer.core.statuspage.strings import STATUS_LABELS, STRINGS

    assert STRINGS["en"].keys() == STRINGS["ca"].keys() == STRINGS["es"].keys()
    assert all(labels.keys() == set(Status) for labels in STATUS_LABELS.values())
    folder = files("composer.resources").joinpath("statuspage")
    sources = "".join(
        folder.joinpath(n).read_text(encoding="utf-8") for n in ("page.html.j2", "index.html.j2", "incident.html.j2")
    )
    assert {key for key in STRINGS["en"] if not re.search(rf"\bt\.{key}\b", sources)} == set()


# -- the build cache ---------------------------------------------------------------------------


def test_the_build_cache_gives_the_same_bytes_and_renders_only_what_changed(world, tmp_path, monkeypatch):
    from composer.core.statuspage import cache as cache_module
    from composer.core.templates import render as render_module

    plain = build(world, languages=("en", "es"))
    cache = BuildCache(tmp_path / "cache.db")
    assert build(world, languages=("en", "es"), cache=cache) == plain  # filled
    rendered = []
    real = render_module.markdown_to_html
    monkeypatch.setattr(render_module, "markdown_to_html", lambda text: rendered.append(text) or real(text))
    assert build(world, languages=("en", "es"), cache=cache) == plain  # from the cache: nothing rendered
    assert rendered == []
    # A new update of the open incident: only its text is rendered, the rest comes from the cache.
    publish(world.store, world.open, "We found it: a *disk* filled up.", Status.IDENTIFIED, NOW)
    again = build(world, languages=("en", "es"), cache=cache)
    assert rendered == ["We found it: a *disk* filled up."]
    assert again == build(world, languages=("en", "es"))
    assert {name for name in again if again[name] != plain.get(name)} >= {f"incidents/{world.open.id}.html"}
    # An edited title changes the incident's page even though no text changed.
    world.open.title = "Checkout fails for everyone"
    world.store.save_incident(world.open)
    assert b"Checkout fails for everyone" in build(world, cache=cache)[f"incidents/{world.open.id}.html"]
    cache.close()
    assert cache_module.CACHE_NAME == "statuspage.db"


def test_a_damaged_or_unwritable_cache_never_stops_a_build(world, tmp_path):
    plain = build(world)
    damaged = tmp_path / "cache.db"
    damaged.write_bytes(b"not a database at all" * 100)
    cache = BuildCache(damaged)
    assert build(world, cache=cache) == plain
    cache.close()
    blocked = tmp_path / "file"
    blocked.write_text("a file where the cache folder would go")
    cache = BuildCache(blocked / "cache" / "statuspage.db")
    assert build(world, cache=cache) == plain
    cache.close()


def test_the_store_reads_for_the_page_only_what_it_shows(world):
    store, first, maintenance = world.store, world.published[0], world.published[-1]
    store.add_publication(first.id, Publication("blog", first.published_at - timedelta(minutes=5)))
    rows = {row[0]: row for row in store.site_updates()}
    assert list(rows) == [u.id for u in store.published_updates()]  # the same updates, in the same order
    assert set(rows) == {u.id for u in world.published}  # never a draft
    assert rows[first.id][7] == first.published_at - timedelta(minutes=5)  # its first channel's time
    assert [id_ for id_, row in rows.items() if row[8] is not None] == [maintenance.id]  # `extra`: a window only


def test_the_build_cache_follows_every_change_a_page_shows(world, tmp_path):
    cache, first, maintenance = BuildCache(tmp_path / "cache.db"), world.published[0], world.published[-1]

    def same_as_without_cache(**options) -> None:
        assert build(world, languages=("en", "ca"), cache=cache, **options) == build(
            world, languages=("en", "ca"), **options
        )

    same_as_without_cache()
    world.store.add_publication(first.id, Publication("blog", first.published_at - timedelta(minutes=5)))
    same_as_without_cache()
    first.signer, first.language, first.next_update_at = "Jordi Puig", "es", NOW + timedelta(hours=5)
    world.store.save_update(first)
    same_as_without_cache()
    maintenance.extra = {"template": {"values": {"window_start": (NOW + timedelta(days=4)).isoformat()}}}
    world.store.save_update(maintenance)
    same_as_without_cache()
    draft = next(u for u in world.store.updates(world.open.id) if not u.publications)
    same_as_without_cache(going_out=(draft.id, NOW))
    cache.close()
