# SPDX-License-Identifier: GPL-3.0-or-later
"""Talking to a WordPress site's REST API: discovery, the logged-in user, terms, and every failure
turned into a publisher error in plain words (`composer.publishers.wordpress` decides what to post).

Secrets: the application password only goes into the HTTP Basic header; every message raised
here passes through `_scrub`.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from datetime import UTC, timedelta, timezone
from typing import TYPE_CHECKING, Any
from urllib.parse import urljoin, urlsplit

from composer.core.i18n import N_, _
from composer.core.secrets import scrub, scrub_args
from composer.publishers.base import (
    AuthRejected,
    NetworkError,
    NotFound,
    OutcomeUnknown,
    PublishError,
    RateLimited,
    Rejected,
    Report,
)
from composer.publishers.web import WRITES, may_have_arrived, redirected, retry_after_seconds

if TYPE_CHECKING:
    import requests

API_REL = "https://api.w.org/"
_WHERE_TO_CREATE = N_(
    "Create a new application password in WordPress (Users → Profile → Application "
    "Passwords) and enter it in the account."
)


@dataclass(frozen=True)
class _Settings:
    """A WordPress account's settings, checked. Holds no secret."""

    site: str
    username: str
    status: str
    categories: tuple[str, ...]
    tags: tuple[str, ...]
    later_updates: str
    timeout: float


@dataclass(frozen=True)
class _Site:
    """What discovery found: the REST API root and the site's name and time zone."""

    api_root: str
    name: str
    zone: Any  # a tzinfo: the readers' time zone


# --- the REST API -----------------------------------------------------------------------------


def _zone(index: dict[str, Any]) -> Any:
    """The site's time zone from the REST index: a named zone, else its UTC offset."""
    name = str(index.get("timezone_string") or "")
    if name:
        from zoneinfo import ZoneInfo, ZoneInfoNotFoundError  # noqa: PLC0415

        try:
            return ZoneInfo(name)
        except (ZoneInfoNotFoundError, ValueError):
            pass
    try:
        hours = float(index.get("gmt_offset") or 0)
    except (TypeError, ValueError):
        hours = 0.0
    return timezone(timedelta(hours=hours)) if hours else UTC


class _Client:
    """One logged-in conversation with a site; turns what requests raises into publisher errors."""

    def __init__(self, settings: _Settings, password: str):
        from composer.publishers import http_bounded  # noqa: PLC0415

        self.settings = settings
        self._password = password
        self._session = http_bounded.session()
        self._session.auth = (settings.username, password)
        self._session.headers.update({"User-Agent": "IncidentComposer", "Accept": "application/json"})
        self._api_root = ""
        self._rest_route = False  # the API is reached as ?rest_route=/... (no pretty permalinks)
        self.application_passwords_offered = True  # until the site's index says otherwise

    def __enter__(self) -> _Client:
        return self

    def __exit__(self, *_exc: object) -> None:
        self._session.close()

    # --- requests ---

    def _send(self, method: str, url: str, **options: Any) -> requests.Response:
        """One bounded request (never redirected); what requests raises as a publisher error."""
        import requests  # noqa: PLC0415

        from composer.publishers import http_bounded  # noqa: PLC0415

        try:
            return http_bounded.request(self._session, method, url, timeout=self.settings.timeout, **options)
        except requests.exceptions.SSLError as error:
            raise NetworkError(
                self._scrub(
                    _(
                        "The certificate of {netloc} could not be verified ({reason}). Check the site address; "
                        "WordPress must be served with a valid https certificate."
                    ).format(netloc=urlsplit(url).netloc, reason=_reason(error))
                )
            ) from None
        except requests.exceptions.RequestException as error:
            if method in WRITES and may_have_arrived(error):  # the site may have carried it out
                raise OutcomeUnknown(
                    self._scrub(
                        _(
                            "{netloc} did not answer ({reason}), so the post may or may not be on the blog. Sending "
                            "it again first looks for it there."
                        ).format(netloc=urlsplit(url).netloc, reason=_reason(error))
                    )
                ) from None
            if isinstance(error, requests.exceptions.Timeout):
                raise NetworkError(
                    _(
                        "{netloc} did not answer within {timeout:g} seconds. Check the site address, or try "
                        "again later."
                    ).format(netloc=urlsplit(url).netloc, timeout=self.settings.timeout)
                ) from None
            if not isinstance(error, requests.exceptions.ConnectionError):
                raise NetworkError(
                    self._scrub(_("The request to {url} failed ({reason}).").format(url=url, reason=_reason(error)))
                ) from None
            raise NetworkError(
                self._scrub(
                    _("Could not connect to {netloc} ({reason}). Check the site address and the network.").format(
                        netloc=urlsplit(url).netloc, reason=_reason(error)
                    )
                )
            ) from None

    def _url(self, route: str) -> tuple[str, dict[str, str]]:
        if self._rest_route:
            return self._api_root, {"rest_route": route}
        return self._api_root.rstrip("/") + route, {}

    def call(
        self,
        method: str,
        route: str,
        *,
        params: dict[str, Any] | None = None,
        missing: str = "",
        expect: type = dict,
        **options: Any,
    ) -> Any:
        """One REST call; the decoded JSON answer (a dict, or a list with `expect=list`), or a
        publisher error in plain words. After a write, an answer that cannot be read may hide a
        post the site made: OutcomeUnknown."""
        url, route_params = self._url(route)
        response = self._send(method, url, params={**route_params, **(params or {})}, **options)
        writing = method in WRITES
        moved = self._redirected(response, writing=writing)
        if moved is not None:
            raise moved
        if response.status_code >= 400:
            raise self._error(response, method, route, missing)
        try:
            answer = response.json()
        except ValueError:
            answer = None
        if isinstance(answer, expect):
            return answer
        what = _("something other than JSON") if answer is None else _("JSON of another shape than WordPress's")
        if writing:
            raise OutcomeUnknown(
                _(
                    "{site} answered {method} {route} with {what} (HTTP {status}), so the post may or "
                    "may not be on the blog. Sending it again first looks for it there."
                ).format(site=self.settings.site, method=method, route=route, what=what, status=response.status_code)
            )
        raise PublishError(
            _(
                "{site} answered {method} {route} with {what} (HTTP {status}). A plugin or proxy may be in the way."
            ).format(site=self.settings.site, method=method, route=route, what=what, status=response.status_code)
        )

    def _redirected(self, response: Any, *, writing: bool) -> PublishError | None:
        """A redirect answer as an error naming where it pointed: never followed, so the password stays here."""
        moved = redirected(
            response,
            self.settings.site,
            writing=writing,
            advice=_("If the site moved, change the account's address to where it is now."),
            look=_("sending it again first looks for it there"),
        )
        return scrub_args(moved, self._password, username=self.settings.username) if moved else None

    def _error(self, response: Any, method: str, route: str, missing: str) -> PublishError:
        code, message = _server_message(response)
        said = f"{message} ({code}, HTTP {response.status_code})" if code else f"HTTP {response.status_code}"
        status = response.status_code
        user = self.settings.username
        if status == 429 or (status == 503 and response.headers.get("Retry-After")):
            wait = retry_after_seconds(response.headers.get("Retry-After", ""))
            later = _("in {wait:g} seconds").format(wait=wait) if wait is not None else "later"
            return RateLimited(
                self._scrub(
                    _("{site} asks to wait: {said}. Try again {later}.").format(
                        site=self.settings.site, said=said, later=later
                    )
                ),
                wait,
            )
        if status == 401 and not self.application_passwords_offered:
            return AuthRejected(
                _(
                    "{site} does not offer application passwords ({said}): they need WordPress 5.6 or newer "
                    "served over https, and no plugin or setting disabling them."
                ).format(site=self.settings.site, said=said)
            )
        if status == 401:
            return AuthRejected(
                self._scrub(
                    _(
                        "{site} refused the user name {user} with this application password ({said}). WordPress "
                        "needs an application password, not the login password."
                    ).format(site=self.settings.site, user=user, said=said)
                    + " "
                    + _(_WHERE_TO_CREATE)
                )
            )
        if status == 403:
            hint = _(" Ask an administrator for a role that allows it (Author or higher)")
            hint += _(", or set the post status to draft.") if code == "rest_cannot_publish" else "."
            return Rejected(
                self._scrub(
                    _("The WordPress user {user} is not allowed to do this on {site}: {said}.{hint}").format(
                        user=user, site=self.settings.site, said=said, hint=hint
                    )
                )
            )
        if status == 404:
            return NotFound(
                self._scrub(
                    missing
                    or _("{site} has no {route} ({said}). Is the REST API disabled by a plugin?").format(
                        site=self.settings.site, route=route, said=said
                    )
                )
            )
        if status >= 500:
            return NetworkError(
                self._scrub(
                    _("{site} failed with a server error on {method} {route}: {said}. Try again later.").format(
                        site=self.settings.site, method=method, route=route, said=said
                    )
                )
            )
        what = _("the post") if method == "POST" else _("the request")
        return Rejected(
            self._scrub(_("{site} refused {what}: {said}.").format(site=self.settings.site, what=what, said=said))
        )

    def _scrub(self, text: str) -> str:
        return " ".join(scrub(text, self._password, username=self.settings.username).split())

    # --- discovery and checks ---

    @property
    def api_base(self) -> tuple[str, bool]:
        return self._api_root, self._rest_route

    def adopt(self, site: _Site, api_base: tuple[str, bool]) -> _Site:
        """Use what an earlier `discover()` of this site found."""
        self._api_root, self._rest_route = api_base
        return site

    def discover(self) -> _Site:
        """Find the REST API root from the site; NotFound says what was tried."""
        from composer.publishers.http_bounded import redirect_target  # noqa: PLC0415

        site = self.settings.site
        tried = []
        # Only the headers matter, and the home page is public: asked without the password.
        response = self._send("GET", site + "/", body=False, auth=_no_auth)
        moved = redirect_target(response)
        link = (response.links.get(API_REL) or {}).get("url", "") if not moved else ""
        link = urljoin(response.url, link) if link else ""
        elsewhere = ""
        if link and not _same_site(link, site):  # the password goes to the site's own address only
            elsewhere, link = link, ""
        candidates = [link] if link else []
        candidates.append(site + "/?rest_route=/")
        for candidate in candidates:
            tried.append(candidate)
            self._rest_route = "rest_route=" in candidate
            self._api_root = candidate.split("?", 1)[0] if self._rest_route else candidate
            index = self._index()
            if index is not None:
                self.application_passwords_offered = "application-passwords" in (index.get("authentication") or {})
                return _Site(api_root=candidate, name=html.unescape(str(index.get("name") or "")), zone=_zone(index))
        where = " and ".join(tried)
        how = "" if link else _(' {site}/ sent no `Link: rel="{api_rel}"` header.').format(site=site, api_rel=API_REL)
        if moved:
            how = _(
                " {site}/ redirects to {moved} (not followed: the password is sent nowhere else). If the "
                "site moved, change the account's address to where it is now."
            ).format(site=site, moved=moved)
        if elsewhere:
            how = _(
                " {site}/ says its API is at {elsewhere}, which is not {site} itself: the password is "
                "sent nowhere else. If the site moved, change the account's address; if it is behind a "
                "proxy, set WordPress's address (Settings → General) to the https address."
            ).format(site=site, elsewhere=elsewhere)
        raise NotFound(
            _(
                "{site} does not look like a WordPress site with its REST API on: tried {where}.{how} "
                "Check the site address, and that no plugin disables the REST API."
            ).format(site=site, where=where, how=how)
        )

    def _index(self) -> dict[str, Any] | None:
        url, params = self._url("/")
        response = self._send("GET", url, params=params)
        moved = self._redirected(response, writing=False)
        if moved is not None:
            raise moved
        if response.status_code in (401, 429, 503) or response.status_code >= 500:
            raise self._error(response, "GET", "/", "")
        try:
            index: object = response.json()
        except ValueError:
            return None
        if not isinstance(index, dict):
            return None
        namespaces = index.get("namespaces")
        if not isinstance(namespaces, list) or "wp/v2" not in namespaces:
            return None
        return index

    def check_user(self, *, need_publish: bool) -> str:
        """The logged-in user's name; AuthRejected or Rejected if they cannot do what the account asks."""
        me = self.call("GET", "/wp/v2/users/me", params={"context": "edit"})
        capabilities = me.get("capabilities")
        capabilities = capabilities if isinstance(capabilities, dict) else {}
        name = str(me.get("name") or self.settings.username)
        roles = me.get("roles")
        roles = ", ".join(str(role) for role in roles) if isinstance(roles, list) else ""
        if need_publish and not capabilities.get("publish_posts"):
            raise Rejected(
                _(
                    "The WordPress user {username} may not publish posts on {site} (roles: {roles}). Ask an "
                    "administrator for the Author role or higher, or set the post status to draft."
                ).format(username=self.settings.username, site=self.settings.site, roles=roles or "none")
            )
        if not capabilities.get("edit_posts"):
            raise Rejected(
                _(
                    "The WordPress user {username} may not write posts on {site}. Ask an administrator for "
                    "the Contributor role or higher."
                ).format(username=self.settings.username, site=self.settings.site)
            )
        return name

    def _terms(self, taxonomy: str, name: str) -> dict[str, Any] | None:
        # The default (view) context: `edit` is refused to contributors, who may still assign terms.
        terms = self.call("GET", f"/wp/v2/{taxonomy}", params={"search": name, "per_page": 100}, expect=list)
        for term in terms:
            if not isinstance(term, dict):
                continue
            if (
                html.unescape(str(term.get("name", ""))).casefold() == name.casefold()
                or str(term.get("slug", "")) == name.lower()
            ):
                return term
        return None

    def category_ids(self, names: tuple[str, ...]) -> list[int]:
        ids = []
        for name in names:
            term = self._terms("categories", name)
            if term is None:
                raise NotFound(
                    _(
                        "The category “{name}” does not exist on {site}. Create it under Posts → Categories, or "
                        "correct the account's categories."
                    ).format(name=name, site=self.settings.site)
                )
            ids.append(self._term_id(term, name))
        return ids

    def _term_id(self, term: dict[str, Any], name: str) -> int:
        term_id = term.get("id")
        if isinstance(term_id, bool) or not isinstance(term_id, int):
            raise PublishError(
                _(
                    "{site} answered with the term “{name}” but without its number (id); a plugin or proxy "
                    "may be in the way."
                ).format(site=self.settings.site, name=name)
            )
        return term_id

    def tag_ids(self, names: tuple[str, ...], report: Report) -> list[int]:
        ids = []
        for name in names:
            term = self._terms("tags", name)
            if term is None:
                report(0.5, _("Creating the tag {name}").format(name=name))
                term = self.call("POST", "/wp/v2/tags", json={"name": name})
            ids.append(self._term_id(term, name))
        return ids


# --- errors -----------------------------------------------------------------------------------


def _server_message(response: Any) -> tuple[str, str]:
    """WordPress's error code and message (with the invalid parameters), or the start of the body."""
    try:
        data = response.json()
    except ValueError:
        text = " ".join(re.sub(r"<[^>]+>", " ", response.text or "").split())
        return "", text[:200]
    if not isinstance(data, dict):
        return "", str(data)[:200]
    message = html.unescape(re.sub(r"<[^>]+>", "", str(data.get("message") or "")))
    params = (data.get("data") or {}).get("params") if isinstance(data.get("data"), dict) else None
    if isinstance(params, dict) and params:
        message += " " + "; ".join(f"{key}: {value}" for key, value in params.items())
    return str(data.get("code") or ""), message.strip()


def _reason(error: Exception) -> str:
    """Why a connection failed, in plain words: the innermost OSError beneath what requests raises."""
    import socket  # noqa: PLC0415

    pending: list[BaseException] = [error]
    seen: list[BaseException] = []
    while pending:
        current = pending.pop()
        if current in seen:
            continue
        seen.append(current)
        if isinstance(current, ConnectionRefusedError):
            return _("connection refused: no web server is listening there")
        if isinstance(current, socket.gaierror):
            return _("the name could not be found")
        if isinstance(current, ConnectionResetError):
            return _("the connection was reset")
        pending += [
            e
            for e in (
                current.__cause__,
                current.__context__,
                getattr(current, "reason", None),
                *getattr(current, "args", ()),
            )
            if isinstance(e, BaseException)
        ]
    return re.sub(r"<[^>]+ object at 0x[0-9a-f]+>:?\s*", "", str(error))[:200]


def _no_auth(request: Any) -> Any:
    """An auth that adds nothing: the request goes without the session's password."""
    return request


def _same_site(url: str, site: str) -> bool:
    """Whether `url` is on the site's own origin (scheme, host and port), where the password may go;
    http on the site's host may only become https (never the other way)."""
    there, here = urlsplit(url), urlsplit(site)
    defaults = {"http": 80, "https": 443}
    try:
        there_port = there.port or defaults.get(there.scheme)
        here_port = here.port or defaults.get(here.scheme)
    except ValueError:
        return False
    if (there.hostname or "").lower() != (here.hostname or "").lower():
        return False
    if there.scheme == here.scheme:
        return there_port == here_port
    return here.scheme == "http" and there.scheme == "https" and there_port == 443 and here_port == 80
