# SPDX-License-Identifier: GPL-3.0-or-later
"""Build the static status page: relative path -> bytes, the same bytes for the same store.

Nothing is read from the clock: `now` only decides which resolved incidents are recent enough
for the history, and the only date a page shows is when its newest update went out, so a
rebuild without a new update changes no file and an uploader sends only what changed.

The pages come from templates in `composer.resources/statuspage`, rendered in the same Jinja2
sandbox as update templates (autoescaped). A file of the same name in the user's folder
(`<data folder>/statuspage`, beside `templates`) replaces the built-in one; a broken one stops
the build with one line naming it (`SiteError`).
"""

from __future__ import annotations

import posixpath
from collections.abc import Callable, Sequence
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

from composer.core.i18n import _
from composer.core.model import Status
from composer.core.statuspage.cache import KeyPrefix
from composer.core.statuspage.data import Published, Shown, SiteData, read_site
from composer.core.statuspage.strings import LANGUAGE_NAMES, LANGUAGES, STATUS_LABELS, STRINGS

if TYPE_CHECKING:
    from zoneinfo import ZoneInfo

    from composer.core.statuspage.cache import BuildCache
    from composer.core.store import Store

HISTORY_DAYS = 90  # resolved incidents the front page lists
USER_FOLDER = "statuspage"
TEMPLATE_NAMES = ("page.html.j2", "index.html.j2", "incident.html.j2", "style.css")
MAX_TEMPLATE_SIZE = 1_000_000  # bytes: no page template is near this long

When = dict[str, str]  # {"iso": "2026-11-24T10:00:00Z", "text": "24 November 2026, 11:00 CET (10:00 UTC)"}


class SiteError(ValueError):
    """The site cannot be built (an unknown language, a broken user template): one line."""


def user_folder(home: Path | None = None) -> Path:
    """The folder of the user's own page templates, beside their update templates."""
    from composer.core.paths import data_home  # noqa: PLC0415

    return (home or data_home()) / USER_FOLDER


def parse_languages(text: str) -> tuple[str, ...]:
    """'en,ca' -> ('en', 'ca'): known codes, each once, in the order given. SiteError otherwise."""
    codes = tuple(dict.fromkeys(code.strip().lower() for code in text.split(",") if code.strip()))
    unknown = [code for code in codes if code not in LANGUAGES]
    if unknown or not codes:
        what = _("unknown language {unknown!r}").format(unknown=unknown[0]) if unknown else _("no language given")
        raise SiteError(
            _("{what} (one or more of: {languages}, separated by commas)").format(
                what=what, languages=", ".join(LANGUAGES)
            )
        )
    return codes


def build_site(
    store: Store,
    *,
    now: datetime,
    languages: Sequence[str] = (),
    local_zone: str = "UTC",
    user_templates: Path | None = None,
    html_cache: dict[str, str] | None = None,
    going_out: tuple[int, datetime] | None = None,
    cache: BuildCache | None = None,
) -> dict[str, bytes]:
    """Every file of the status page by its relative path ('index.html', 'ca/incidents/3.html',
    'feed.atom', 'maintenance.ics'). `languages`: the pages' languages, the first at the top
    (default: the one most updates are written in); times in the organisation's zone, else
    `local_zone`; `user_templates`: the folder of the user's own (`user_folder()`); `html_cache`:
    see `read_site`, as `going_out` (the update being published). SiteError (one line) for an
    unknown language or zone or a broken template."""
    codes = parse_languages(",".join(languages)) if languages else ()  # refused before any work
    site = read_site(store, html_cache, going_out, cache)
    files = render_site(
        site, now=now, languages=codes, local_zone=local_zone, user_templates=user_templates, cache=cache
    )
    if cache is not None:
        cache.save()
    return files


# (update id, languages as "en,ca", when it goes out) -> the status page's files
SiteBuilder = Callable[[int | None, str, datetime], dict[str, bytes]]


def publishing_builder(path: Path, *, local_zone: str = "UTC", user_templates: Path | None = None) -> SiteBuilder:
    """What the publishing service calls to build the site an update goes out with: (update id,
    languages as "en,ca", when) -> files. Each call reads the store at `path` through a connection
    of its own (the service sends from worker threads) and counts the update as published at
    `when` (which the site host's receipt then records, so the next build shows the same time)."""

    def build(update_id: int | None, languages: str, when: datetime) -> dict[str, bytes]:
        from composer.core.model import utc_now  # noqa: PLC0415
        from composer.core.statuspage.cache import BuildCache  # noqa: PLC0415
        from composer.core.store import Store  # noqa: PLC0415

        codes = parse_languages(languages) if languages.strip() else ()
        store, _report = Store.open(path)  # a read-only or repaired store still shows what went out
        cache = BuildCache.in_folder(path.parent)
        try:
            now = utc_now()
            going_out = (update_id, when) if update_id is not None else None
            return build_site(
                store,
                now=now,
                languages=codes,
                local_zone=local_zone,
                user_templates=user_templates,
                going_out=going_out,
                cache=cache,
            )
        finally:
            cache.close()
            store.close()

    return build


def render_site(
    site: SiteData,
    *,
    now: datetime,
    languages: Sequence[str] = (),
    local_zone: str = "UTC",
    user_templates: Path | None = None,
    cache: BuildCache | None = None,
) -> dict[str, bytes]:
    """`build_site` for what was read from the store already; `cache`: the incident pages earlier
    builds rendered (`cache.py`), used when nothing that goes into one changed."""
    from composer.core.statuspage.feeds import atom_feeds, maintenance_calendar  # noqa: PLC0415

    codes = parse_languages(",".join(languages)) if languages else (site.usual_language,)
    zone = _zone(site.organisation.timezone.strip() or local_zone.strip() or "UTC")
    sources = _sources(user_templates)
    out: dict[str, bytes] = {}
    for lang in codes:
        pages = _Pages(site, lang, codes=codes, zone=zone, sources=sources)
        out[pages.path("index.html")] = pages.index(now)
        for shown in site.incidents:
            page = f"incidents/{shown.id}.html"
            out[pages.path(page)] = pages.cached_incident(shown, page, cache)
    name = site.organisation.name.strip()
    heading = f"{name} — {STRINGS[codes[0]]['status']}" if name else STRINGS[codes[0]]["status"]
    out.update(atom_feeds(site, codes[0], heading, cache))
    out["maintenance.ics"] = maintenance_calendar(site, heading, cache)
    return out


def _zone(name: str) -> ZoneInfo:
    from zoneinfo import ZoneInfo, ZoneInfoNotFoundError  # noqa: PLC0415

    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        raise SiteError(_("unknown time zone {name!r} (a name like Europe/Madrid)").format(name=name)) from None


def _sources(folder: Path | None) -> dict[str, tuple[str, str]]:
    """Template name -> (the name errors give, its text): the user's file, else the built-in."""
    from importlib.resources import files  # noqa: PLC0415

    from composer.core.files import ReadRefused, read_text  # noqa: PLC0415

    builtin = files("composer.resources").joinpath("statuspage")
    found: dict[str, tuple[str, str]] = {}
    for name in TEMPLATE_NAMES:
        path = folder / name if folder is not None else None
        if path is not None and path.is_file():
            try:
                found[name] = (str(path), read_text(path, MAX_TEMPLATE_SIZE, _("longer than any page template needs")))
            except ReadRefused as error:
                raise SiteError(str(error)) from None
        else:
            found[name] = (f"statuspage/{name}", builtin.joinpath(name).read_text(encoding="utf-8"))
    label, css = found["style.css"]
    if "</" in css:
        raise SiteError(
            _("{label}: a style sheet cannot contain '</' (it would end the page's <style>)").format(label=label)
        )
    return found


class _FilterContext:
    """What the date filters read of a template's context (`filters.Context`): language and zone."""

    def __init__(self, lang: str, zone: str):
        self._values = {"lang": lang, "zone": zone}

    def get(self, key: str, default: object = None, /) -> object:
        return self._values.get(key, default)


class _Pages:
    """The pages of one language: contexts for the templates, rendered in the sandbox."""

    def __init__(
        self,
        site: SiteData,
        lang: str,
        *,
        codes: Sequence[str],
        zone: ZoneInfo,
        sources: dict[str, tuple[str, str]],
    ):
        self.site, self.lang, self.codes = site, lang, codes
        self.prefix = "" if lang == codes[0] else f"{lang}/"  # the first language at the top
        self.zone, self.sources = zone, sources
        self.context = _FilterContext(lang, zone.key)
        self.t = STRINGS[lang]
        self.labels = STATUS_LABELS[lang]
        self._dates: dict[object, str] = {}
        self._months: dict[tuple[int, int], str] = {}
        self._keys: KeyPrefix | None = None

    def path(self, page: str) -> str:
        return self.prefix + page

    # -- values --------------------------------------------------------------------------

    def when(self, moment: datetime) -> When:
        from composer.core.templates.filters import clock, long_date  # noqa: PLC0415

        local = moment.astimezone(self.zone)
        day = local.date()
        date = self._dates.get(day)
        if date is None:
            date = self._dates[day] = long_date(self.context, moment)
        iso = moment.astimezone(UTC).replace(microsecond=0).isoformat().replace("+00:00", "Z")
        return {"iso": iso, "text": f"{date}, {clock(self.context, moment)}"}

    def month(self, moment: datetime) -> str:
        local = moment.astimezone(self.zone)
        key = (local.year, local.month)
        text = self._months.get(key)
        if text is None:
            from babel.dates import format_skeleton  # noqa: PLC0415

            text = str(format_skeleton("yMMMM", local, locale=self.lang))
            text = self._months[key] = text[:1].upper() + text[1:]
        return text

    def update(self, update: Published) -> dict[str, object]:
        from markupsafe import Markup  # noqa: PLC0415

        return {
            "id": update.id,
            "anchor": f"update-{update.id}",
            "status": self.labels[update.status],
            "status_key": update.status.value,
            "when": self.when(update.published_at),
            "html": Markup(update.html),
            "lang": update.language if update.language.split("-")[0].lower() != self.lang else "",
            "signer": update.signer,
            "next_update": self.when(update.next_update_at) if update.next_update_at is not None else None,
        }

    def card(self, shown: Shown, href: str) -> dict[str, object]:
        incident = shown.incident
        start, end = shown.window
        latest = self.update(shown.latest)
        return {
            "id": shown.id,
            "href": href,
            "title": incident.title,
            "status": self.labels[shown.status],
            "status_key": shown.status.value,
            "is_open": shown.is_open,
            "is_maintenance": shown.is_maintenance,
            "services": list(incident.affected_services),
            "impact": incident.customer_impact.strip(),
            "workaround": incident.workaround.strip(),
            "started": self.when(incident.started_at),
            "window": {"start": self.when(start), "end": self.when(end) if end is not None else None},
            "updated": self.when(shown.updated_at),
            "latest": latest,
            "next_update": latest["next_update"] if shown.is_open else None,
        }

    # -- pages ---------------------------------------------------------------------------

    def _languages(self, page: str) -> list[dict[str, object]]:
        here = posixpath.dirname(self.path(page)) or "."
        switch = []
        for position, code in enumerate(self.codes):
            target = ("" if position == 0 else f"{code}/") + page
            switch.append(
                {
                    "code": code,
                    "name": LANGUAGE_NAMES[code],
                    "href": posixpath.relpath(target, here),
                    "current": code == self.lang,
                }
            )
        return switch if len(switch) > 1 else []

    def _to_root(self, page: str) -> str:
        depth = self.path(page).count("/")
        return "../" * depth

    def _page(self, page: str, title: str, heading: str, content: str, shown: Shown | None = None) -> bytes:
        """The frame around `content`: for one incident's page (`shown`) only what that incident
        changes (its contacts, its last update), so a new update elsewhere leaves it as it was."""
        from markupsafe import Markup  # noqa: PLC0415

        root = self._to_root(page)
        home = posixpath.relpath(self.path("index.html"), posixpath.dirname(self.path(page)) or ".")
        contacts = self.site.contacts(shown)
        updated = shown.updated_at if shown is not None else self.site.updated_at
        context: dict[str, object] = {
            "lang": self.lang,
            "t": self.t,
            "title": title,
            "heading": heading,
            "org_name": self.site.organisation.name.strip(),
            "css": Markup(self.sources["style.css"][1]),
            "content": Markup(content),
            "languages": self._languages(page),
            "home": home,
            "is_home": page == "index.html",
            "feed_href": root + "feed.atom",
            "calendar_href": root + "maintenance.ics",
            "updated": self.when(updated) if self.site.incidents else None,
            "contacts": {
                "any": contacts.any,
                "phone": contacts.phone,
                "phone_hours": contacts.phone_hours,
                "emails": list(contacts.emails),
                "pages": list(contacts.pages),
            },
        }
        return self._render("page.html.j2", context).encode("utf-8")

    def _render(self, name: str, context: dict[str, object]) -> str:
        from composer.core.templates.render import TemplateError  # noqa: PLC0415
        from composer.core.templates.render import _render_string as render_string  # noqa: PLC0415

        label, source = self.sources[name]
        try:
            return render_string(source, label, True, context)
        except TemplateError as error:
            raise SiteError(str(error)) from None

    def _title(self) -> str:
        name = self.site.organisation.name.strip()
        return f"{name} — {self.t['status']}" if name else self.t["status"]

    def index(self, now: datetime) -> bytes:
        since = now - timedelta(days=HISTORY_DAYS)
        current: list[dict[str, object]] = []
        planned: list[Shown] = []
        months: dict[str, list[dict[str, object]]] = {}
        for shown in self.site.incidents:  # newest update first
            href = f"incidents/{shown.id}.html"
            if shown.status is Status.SCHEDULED:
                planned.append(shown)
            elif shown.is_open:
                current.append(self.card(shown, href))
            elif shown.updated_at >= since:
                item = {
                    "id": shown.id,
                    "href": href,
                    "title": shown.incident.title,
                    "status": self.labels[shown.status],
                    "status_key": shown.status.value,
                    "resolved": self.when(shown.updated_at),
                }
                months.setdefault(self.month(shown.updated_at), []).append(item)
        planned.sort(key=lambda shown: (shown.window[0], shown.id))  # the soonest first
        context: dict[str, object] = {
            "lang": self.lang,
            "t": self.t,
            "current": current,
            "planned": [self.card(shown, f"incidents/{shown.id}.html") for shown in planned],
            "history": [{"month": month, "incidents": items} for month, items in months.items()],
        }
        title = self._title()
        return self._page("index.html", title, title, self._render("index.html.j2", context))

    def cached_incident(self, shown: Shown, page: str, cache: BuildCache | None) -> bytes:
        """`incident`, or what an earlier build rendered from exactly the same inputs."""
        if cache is None:
            return self.incident(shown, page)
        if self._keys is None:  # what every incident page of this language shares, digested once
            sources = [part for label_and_text in self.sources.values() for part in label_and_text]
            org = repr(self.site.organisation)
            self._keys = KeyPrefix("incident", self.lang, ",".join(self.codes), self.zone.key, org, *sources)
        name = self._keys.key(page, shown.fingerprint)
        found = cache.get(name)
        if found is None:
            found = self.incident(shown, page)
            cache.put(name, found)
        return found

    def incident(self, shown: Shown, page: str) -> bytes:
        card = self.card(shown, posixpath.basename(page))
        updates = [self.update(update) for update in reversed(shown.updates)]  # newest first
        context: dict[str, object] = {
            "lang": self.lang,
            "t": self.t,
            "home": "../index.html",
            "incident": card,
            "updates": updates,
        }
        content = self._render("incident.html.j2", context)
        title = f"{shown.incident.title} — {self._title()}"
        return self._page(page, title, shown.incident.title, content, shown)
