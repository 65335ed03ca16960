# SPDX-License-Identifier: GPL-3.0-or-later
"""A WordPress blog through its REST API, logged in with an Application Password (never XML-RPC).

One post per incident: the first update creates it, later ones add a section at its top, newest
first (or, with `later_updates=new`, each update is a post of its own). Every section starts with
a marker comment naming the update, so a retried append is seen and not added twice.

Never twice: WordPress has no idempotency key, so a new post gets a slug chosen here from the
incident and the update. Before creating on a retry (any attempt but the outbox's first,
`post.meta["retry"]`), the publisher looks that slug up; a post found there carrying this
update's marker is the one an earlier attempt created (its answer was lost).

The API root is discovered from the site (the `Link: <...>; rel="https://api.w.org/"` header,
else `?rest_route=`), so sites in a subfolder or without pretty permalinks work. Discovery and the
user check are trusted for ten minutes per site and credentials; when the site then refuses the
post, both are done again before the error is believed.

Talking to the site (discovery, errors, secrets kept out of messages) is in `wordpress_rest.py`.
"""

from __future__ import annotations

import hashlib
import html
import math
import re
import threading
import time
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any
from urllib.parse import urlsplit, urlunsplit

from composer.core.i18n import N_, _
from composer.publishers.base import (
    API_VERSION,
    Account,
    AccountField,
    AuthRejected,
    Cancelled,
    NotFound,
    OutcomeUnknown,
    Post,
    PublishableUpdate,
    PublishError,
    Receipt,
    Rejected,
    Report,
    TextPolicy,
    no_report,
)
from composer.publishers.web import guarded, is_loopback, timeout_field, timeout_seconds
from composer.publishers.wordpress_rest import _WHERE_TO_CREATE, _Client, _Settings, _Site

STATUS_CHOICES = ("publish", "draft")
LATER_UPDATES_CHOICES = ("append", "new")
DEFAULT_TIMEOUT = 20.0
MARKER = "incident-composer:update"
CORRECTED = {"en": "Corrected {when}.", "ca": "Corregit: {when}.", "es": "Corregido: {when}."}


def post_slug(incident_key: str, update_id: object, title: str) -> str:
    """The slug of the post an update creates: stable across retries, unlikely to meet another post's."""
    digest = hashlib.sha256(f"{incident_key}\n{update_id}\n{title}".encode()).hexdigest()[:8]
    key = re.sub(r"[^a-z0-9]+", "-", incident_key.lower()).strip("-") or "x"
    return f"incident-{key}-{digest}"


def update_marker(update_key: str) -> str:
    """The comment that opens an update's section in the post; `update_key` is "incident/update"."""
    return f"<!-- {MARKER} {update_key} -->"


CHECKED_FOR = 600.0  # seconds a site's discovery and user check are trusted without asking again


class WordPressPublisher:
    """Publishes each incident as a blog post on a WordPress site (REST API, Application Passwords)."""

    id = "wordpress"
    display_name = N_("WordPress blog")
    api_version = API_VERSION
    existence_check_seconds = math.inf  # the slug and the update's marker, whenever
    account_fields = (
        AccountField(
            "url",
            N_("Site address"),
            kind="url",
            help=N_("The blog's address, e.g. https://status.example.net (also a blog in a subfolder)"),
        ),
        AccountField(
            "username",
            N_("User name"),
            help=N_("The WordPress user who publishes (an Author, Editor or Administrator)"),
        ),
        AccountField(
            "password",
            N_("Application password"),
            secret=True,
            help=N_(
                "Not the login password: create one in WordPress under Users → Profile → Application "
                "Passwords. Kept in the system keyring only"
            ),
        ),
        AccountField(
            "status",
            N_("Post status"),
            kind="choice",
            choices=STATUS_CHOICES,
            default="publish",
            help=N_("publish: readers see it at once; draft: saved for an editor to review and publish"),
        ),
        AccountField(
            "categories",
            N_("Categories"),
            required=False,
            help=N_("Existing category names, separated by commas, e.g. Incidents"),
        ),
        AccountField(
            "tags", N_("Tags"), required=False, help=N_("Tag names, separated by commas; missing tags are created")
        ),
        AccountField(
            "later_updates",
            N_("Later updates"),
            kind="choice",
            choices=LATER_UPDATES_CHOICES,
            default="append",
            help=N_(
                "append: each later update adds a dated section at the top of the incident's post "
                "(newest first); new: a new post for every update"
            ),
        ),
        timeout_field(DEFAULT_TIMEOUT, N_("the site"), "step"),
    )
    policy = TextPolicy(limit=None, formats=("html",))

    def __init__(self) -> None:
        # (site, user, password digest, status) -> (until, site, API base): discovery and the
        # user check cost three requests (one renders the front page); trust them a few minutes.
        self._checked: dict[tuple[str, str, str, str], tuple[float, _Site, tuple[str, bool]]] = {}

    def render(self, update: PublishableUpdate) -> Post:
        from composer.core.templates.render import markdown_to_html  # noqa: PLC0415

        body = update.body.rstrip()
        signer = update.signer.strip()
        if signer and signer not in body:
            body = f"{body}\n\n{signer}" if body else signer
        title = " ".join((update.title or update.subject or "Service update").split())
        return Post(
            channel=self.id,
            parts=[body + "\n"],
            subject=title,
            html=markdown_to_html(body),
            meta={
                "incident_id": update.incident_id,
                "update_id": update.update_id,
                "language": update.language,
                "status": update.status,
            },
        )

    def publish(
        self,
        post: Post,
        account: Account,
        credentials: dict[str, str],
        *,
        report: Report = no_report,
        cancel: threading.Event | None = None,
    ) -> Receipt:
        settings = _settings(account)
        password = _password(settings, credentials)
        cancel = cancel or threading.Event()
        incident_key = str(post.meta.get("incident_key") or post.meta.get("incident_id") or "")
        update_id = post.meta.get("update_id")
        if not incident_key or update_id is None:
            raise PublishError(_("This post was not rendered for WordPress (it has no incident and update ids)."))
        previous = post.meta.get("previous")
        previous_id = _previous_post_id(previous) if settings.later_updates == "append" else None
        correction = post.meta.get("correction")  # edited after it went out: correct its section in place
        corrected_id = _previous_post_id(correction.get("of")) if isinstance(correction, dict) else None
        correction_number = int(correction.get("number") or 1) if isinstance(correction, dict) else 0
        key = (settings.site, settings.username, hashlib.sha256(password.encode()).hexdigest(), settings.status)
        with guarded(password, username=settings.username), _Client(settings, password) as client:
            known = self._checked.get(key)
            for trusted in (True, False) if known and known[0] > time.monotonic() else (False,):
                if trusted and known is not None:  # found and checked a few minutes ago: go straight to the post
                    site = client.adopt(known[1], known[2])
                else:
                    report(0.05, _("Finding the WordPress API of {site}").format(site=settings.site))
                    site = client.discover()
                    report(0.15, _("Checking the account {username}").format(username=settings.username))
                    client.check_user(need_publish=settings.status == "publish")
                    self._checked[key] = (time.monotonic() + CHECKED_FOR, site, client.api_base)
                attempt = _Attempt(
                    client, site, post, account, incident_key, f"{incident_key}/{update_id}", report, cancel
                )
                try:
                    if corrected_id is not None:
                        return attempt.correct(corrected_id, correction_number)
                    return attempt.append(previous_id) if previous_id is not None else attempt.create()
                except (NotFound, AuthRejected, Rejected):
                    # Refused, so the post was not written. If that may be our stale knowledge of the site,
                    # find and check it again, so the error (or success) is about the site as it is now.
                    self._checked.pop(key, None)
                    if not trusted:
                        raise
        raise AssertionError("unreachable")

    def test_connection(self, account: Account, credentials: dict[str, str]) -> str:
        settings = _settings(account)
        password = _password(settings, credentials)
        with guarded(password, username=settings.username), _Client(settings, password) as client:
            site = client.discover()
            user = client.check_user(need_publish=settings.status == "publish")
            client.category_ids(settings.categories)
        if settings.status == "publish":
            return _("Connected to {site} as {user} (may publish posts)").format(
                site=site.name or settings.site, user=user
            )
        return _("Connected to {site} as {user} (may save drafts)").format(site=site.name or settings.site, user=user)


# --- settings ---------------------------------------------------------------------------------


def _text(account: Account, name: str) -> str:
    value = str(account.settings.get(name) or "").strip()
    if any(character in value for character in "\r\n\0"):
        raise PublishError(
            _("The WordPress account's `{name}` setting contains a line break; remove it.").format(name=name)
        )
    return value


def _names(value: str) -> tuple[str, ...]:
    seen: dict[str, str] = {}
    for name in value.split(","):
        name = " ".join(name.split())
        if name:
            seen.setdefault(name.casefold(), name)
    return tuple(seen.values())


def _site_url(value: str) -> str:
    """The site's address as typed, with a scheme and without a pasted /wp-admin or /wp-json part."""
    if not value:
        raise PublishError(_("The WordPress account has no site address (url)."))
    if "://" not in value:
        value = "https://" + value
    parts = urlsplit(value)
    if parts.scheme not in ("http", "https") or not parts.hostname or " " in value:
        raise PublishError(
            _("The WordPress site address “{value}” is not a web address like https://blog.example.net.").format(
                value=value
            )
        )
    if parts.username or parts.password:
        raise PublishError(
            _("Write the WordPress site address without a user name or password in it; they have fields of their own.")
        )
    if parts.scheme == "http" and not is_loopback(parts.hostname):
        raise PublishError(
            _(
                "{value} is plain http: the application password would travel unencrypted. Use the https "
                "address of the site."
            ).format(value=value)
        )
    path = re.split(r"/(?:wp-admin|wp-json|wp-login\.php)(?:/|$)", parts.path, maxsplit=1)[0]
    return str(urlunsplit((parts.scheme, parts.netloc, path.rstrip("/"), "", "")))


def _settings(account: Account) -> _Settings:
    """The account's settings, checked; a PublishError names the first problem."""
    username = _text(account, "username")
    if not username:
        raise PublishError(_("The WordPress account has no user name."))
    status = (_text(account, "status") or "publish").lower()
    if status not in STATUS_CHOICES:
        raise PublishError(
            _("Unknown post status “{status}” for WordPress: choose publish or draft.").format(status=status)
        )
    later = (_text(account, "later_updates") or "append").lower()
    if later not in LATER_UPDATES_CHOICES:
        raise PublishError(_("Unknown choice “{later}” for later updates: choose append or new.").format(later=later))
    timeout = timeout_seconds(_text(account, "timeout"), "WordPress", DEFAULT_TIMEOUT)
    return _Settings(
        site=_site_url(_text(account, "url")),
        username=username,
        status=status,
        categories=_names(_text(account, "categories")),
        tags=_names(_text(account, "tags")),
        later_updates=later,
        timeout=timeout,
    )


def _password(settings: _Settings, credentials: dict[str, str]) -> str:
    password = (credentials.get("password") or "").strip()
    if not password:
        raise AuthRejected(
            _("No application password is stored for the WordPress user {user}.").format(user=settings.username)
            + " "
            + _(_WHERE_TO_CREATE)
        )
    return password


# --- the post ---------------------------------------------------------------------------------


def _raw(field: object) -> str:
    """The raw (editable) form of a REST field such as `content` (needs context=edit)."""
    if isinstance(field, dict):
        return str(field.get("raw") if field.get("raw") is not None else field.get("rendered") or "")
    return str(field or "")


def _title(post: Post) -> str:
    """The title as WordPress stores it: HTML, so the plain-text title is escaped to show as written."""
    return html.escape(post.subject, quote=False)


def _readers_time(moment: datetime, zone: Any) -> str:
    local = moment.astimezone(zone)
    return f"{local:%Y-%m-%d %H:%M} {local.tzname()}"


def _section(post: Post, marker: str, site: _Site) -> str:
    """One update as a section of the post: marker, a heading with the time, the update's HTML."""
    from composer.core.templates.render import markdown_to_html  # noqa: PLC0415

    body = post.html or markdown_to_html(post.text)
    heading = html.escape(_readers_time(datetime.now(UTC), site.zone))
    return f'{marker}\n<h2 class="incident-update-time">{heading}</h2>\n{body.strip()}'


def _previous_post_id(previous: object) -> int | None:
    if not isinstance(previous, dict):
        return None
    meta = previous.get("meta")
    if not isinstance(meta, dict):
        meta = {}
    for candidate in (meta.get("root_post_id"), previous.get("remote_id")):
        try:
            return int(str(candidate))
        except ValueError:
            continue
    return None


@dataclass
class _Attempt:
    """One update going to one site: create its post, or add it to the incident's post."""

    client: _Client
    site: _Site
    post: Post
    account: Account
    incident_key: str
    update_key: str  # "incident/update", named by the marker
    report: Report
    cancel: threading.Event

    @property
    def marker(self) -> str:
        return update_marker(self.update_key)

    def _receipt(self, found: dict[str, Any], *, appended: bool, reused: bool = False) -> Receipt:
        post_id = found.get("id")
        if isinstance(post_id, bool) or not isinstance(post_id, int):  # the site's answer is not WordPress's
            site = self.client.settings.site
            if reused:
                raise PublishError(
                    _("{site} answered with a post without its number (id); a plugin may be in the way.").format(
                        site=site
                    )
                )
            raise OutcomeUnknown(  # after a write: the post may be on the blog all the same
                _(
                    "{site} answered without the number (id) of the post, so the post may or may not be on "
                    "the blog. Sending it again first looks for it there."
                ).format(site=site)
            )
        return Receipt(
            account=self.account.name,
            channel="wordpress",
            remote_id=str(post_id),
            url=str(found.get("link", "")),
            published_at=datetime.now(UTC),
            meta={
                "root_post_id": post_id,
                "slug": found.get("slug", ""),
                "status": found.get("status", ""),
                "api_root": self.site.api_root,
                "update": self.update_key,
                "appended": appended,
                "reused": reused,
            },
        )

    def create(self) -> Receipt:
        client, settings, report = self.client, self.client.settings, self.report
        slug = post_slug(self.incident_key, self.post.meta.get("update_id"), self.post.subject)
        if self.post.meta.get("retry", True):  # the outbox says whether an earlier attempt could exist
            report(0.3, _("Looking for a post left by an earlier attempt"))
            for found in client.call(
                "GET",
                "/wp/v2/posts",
                params={"slug": slug, "status": "any", "context": "edit", "per_page": 5},
                expect=list,
            ):
                if isinstance(found, dict) and self.marker in _raw(found.get("content")):
                    report(1.0, _("Already published by an earlier attempt"))
                    return self._receipt(found, appended=False, reused=True)
        category_ids = client.category_ids(settings.categories)
        if self.cancel.is_set():
            raise Cancelled(_("Cancelled before writing to the blog; nothing was published."))
        tag_ids = client.tag_ids(settings.tags, report)
        if self.cancel.is_set():
            raise Cancelled(_("Cancelled before creating the post; nothing was published."))
        report(0.7, _("Creating the post ({status})").format(status=settings.status))
        created = client.call(
            "POST",
            "/wp/v2/posts",
            json={
                "title": _title(self.post),
                "slug": slug,
                "status": settings.status,
                "content": _section(self.post, self.marker, self.site),
                "categories": category_ids,
                "tags": tag_ids,
            },
        )
        report(1.0, _("Published") if settings.status == "publish" else _("Saved as a draft"))
        return self._receipt(created, appended=False)

    def append(self, post_id: int) -> Receipt:
        site_url = self.client.settings.site
        self.report(0.3, _("Reading the incident's post #{number}").format(number=post_id))
        current = self.client.call(
            "GET",
            f"/wp/v2/posts/{post_id}",
            params={"context": "edit"},
            missing=_(
                "The incident's post #{number} is no longer on {site} (deleted?). "
                "Restore it, or set later updates to “new” to start a new post."
            ).format(number=post_id, site=site_url),
        )
        if current.get("status") == "trash":
            raise NotFound(
                _(
                    "The incident's post #{number} on {site} is in the trash. Restore it, or set later "
                    "updates to “new” to start a new post."
                ).format(number=post_id, site=site_url)
            )
        content = _raw(current.get("content"))
        if self.marker in content:
            self.report(1.0, _("Already added by an earlier attempt"))
            return self._receipt(current, appended=True, reused=True)
        if self.cancel.is_set():
            raise Cancelled(_("Cancelled before updating the post; nothing was changed."))
        self.report(0.7, _("Adding the update at the top of post #{number}").format(number=post_id))
        section = _section(self.post, self.marker, self.site)
        updated = self.client.call(
            "POST",
            f"/wp/v2/posts/{post_id}",
            json={"title": _title(self.post), "content": f"{section}\n\n{content.lstrip()}"},
        )
        self.report(1.0, _("Update added to the post"))
        return self._receipt(updated, appended=True)

    def correct(self, post_id: int, number: int) -> Receipt:
        """The update was edited after it went out: its section in post `post_id` is replaced by the
        new text under a dated "Corrected" note (where the section cannot be found, the corrected
        one goes on top). A marker per correction makes a retry see it is done."""
        self.report(0.3, _("Reading post #{number} to correct it").format(number=post_id))
        current = self.client.call(
            "GET",
            f"/wp/v2/posts/{post_id}",
            params={"context": "edit"},
            missing=_("The post #{number} this update went out in is no longer on {site}.").format(
                number=post_id, site=self.client.settings.site
            ),
        )
        content = _raw(current.get("content"))
        done = update_marker(f"{self.update_key} correction {number}")
        if done in content:
            self.report(1.0, _("Already corrected by an earlier attempt"))
            return self._receipt(current, appended=True, reused=True)
        if self.cancel.is_set():
            raise Cancelled(_("Cancelled before correcting the post; nothing was changed."))
        when = html.escape(_readers_time(datetime.now(UTC), self.site.zone))
        note = CORRECTED.get(str(self.post.meta.get("language") or "")[:2], CORRECTED["en"]).format(when=when)
        section = _section(self.post, self.marker, self.site)
        section = f'{done}\n{section}\n<p class="incident-correction"><em>{note}</em></p>'
        start = content.find(self.marker)
        if start < 0:
            corrected = f"{section}\n\n{content.lstrip()}"
        else:
            earlier = re.search(  # an earlier correction's marker, right above, opens the section
                rf"<!-- {MARKER} {re.escape(self.update_key)} correction \d+ -->\s*$", content[:start]
            )
            begin = earlier.start() if earlier else start
            end = content.find(f"<!-- {MARKER} ", start + len(self.marker))
            end = len(content) if end < 0 else end
            corrected = f"{content[:begin]}{section}\n\n{content[end:].lstrip()}"
        self.report(0.7, _("Correcting the update in post #{number}").format(number=post_id))
        updated = self.client.call("POST", f"/wp/v2/posts/{post_id}", json={"content": corrected.strip()})
        self.report(1.0, _("Update corrected in the post"))
        return self._receipt(updated, appended=True)


__all__ = ["WordPressPublisher", "post_slug", "update_marker"]
