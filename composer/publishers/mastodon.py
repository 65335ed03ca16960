# SPDX-License-Identifier: GPL-3.0-or-later
"""Mastodon: each update as a status, long ones as a thread, every incident as one thread.

Length: Mastodon counts a status as its grapheme clusters, except that every link counts as
the instance's `characters_reserved_per_url` (23) and a mention `@user@domain` as `@user`
(`status_length`). The limit is the instance's own (`/api/v2/instance`, 500 when it does not
say). `render` has no account, so it fits the text to the default 500 (that is the preview);
`publish` asks the instance and fits the text again when its limit or link length differ, so
an instance with 1000 characters gets fewer, longer posts than the preview showed.

Threads: the parts of one update reply to each other (`in_reply_to_id`); a later update of the
same incident replies to the last status the account posted for it (`Receipt.meta`).

Never twice: every status is sent with an `Idempotency-Key` made from the incident, the update,
the part and its text, so a retry after a lost answer returns the status already made instead
of posting again (Mastodon keeps the keys for an hour).

Secrets: the access token only goes into the Authorization header; every message raised from
here passes through `_scrub`.
"""

from __future__ import annotations

import hashlib
import json
import re
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from functools import partial
from typing import Any
from urllib.parse import urlsplit

from composer import __version__
from composer.core.i18n import N_, _
from composer.core.lengths import mastodon_length as status_length
from composer.publishers import mastodon_errors
from composer.publishers.base import (
    API_VERSION,
    Account,
    AccountField,
    AuthRejected,
    Cancelled,
    NetworkError,
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
from composer.publishers.social import fit, source_text
from composer.publishers.web import (
    WRITES,
    is_loopback,
    may_have_arrived,
    redirected,
    scrubbed,
    timeout_field,
    timeout_seconds,
)

DEFAULT_LIMIT = 500  # max_characters when the instance does not say (Mastodon's default)
DEFAULT_URL_LENGTH = 23  # characters_reserved_per_url when the instance does not say
DEFAULT_TIMEOUT = 20.0
SOURCE = "social-medium"  # the templates' text sized for Mastodon
MAX_PARTS = 25
VISIBILITIES = ("public", "unlisted")
USER_AGENT = f"IncidentComposer/{__version__}"

_LANGUAGE = re.compile(r"[a-z]{2,3}")


def idempotency_key(incident_key: str, update_id: object, index: int, count: int, text: str) -> str:
    """The same for the same part of the same update, so a retry is recognised by the server."""
    identity = json.dumps([str(incident_key), str(update_id), index, count, text], ensure_ascii=False)
    return "incident-composer-" + hashlib.sha256(identity.encode()).hexdigest()[:40]


@dataclass(frozen=True)
class Limits:
    """What an instance says about status length."""

    max_characters: int = DEFAULT_LIMIT
    url_length: int = DEFAULT_URL_LENGTH


@dataclass(frozen=True)
class _Settings:
    """A Mastodon account's settings, checked. Holds no secret."""

    base_url: str  # scheme://host[:port], no trailing slash
    host: str  # for messages: mastodon.social
    visibility: str
    timeout: float


class MastodonPublisher:
    """Posts each update as a status (a thread when long) with an access token."""

    id = "mastodon"
    display_name = "Mastodon"
    api_version = API_VERSION
    existence_check_seconds = 3300.0  # Idempotency-Keys are kept an hour by Mastodon; a margin for clocks
    account_fields = (
        AccountField("url", N_("Instance"), kind="url", help=N_("Your server's address, e.g. https://mastodon.social")),
        AccountField(
            "token",
            N_("Access token"),
            secret=True,
            help=N_(
                "In Mastodon: Preferences → Development → New application, with the scopes "
                "write:statuses and read:accounts; copy “Your access token”. Kept in the system keyring "
                "only"
            ),
        ),
        AccountField(
            "visibility",
            N_("Visibility"),
            kind="choice",
            choices=VISIBILITIES,
            default="public",
            help=N_("public: on the public timelines; unlisted: on your profile and for followers only"),
        ),
        timeout_field(DEFAULT_TIMEOUT, "the server", "step"),
    )
    policy = TextPolicy(
        limit=DEFAULT_LIMIT,
        counter=N_("characters (Mastodon rules: a link counts 23, @user@domain counts as @user)"),
        threads=True,
        measure=status_length,
        source=SOURCE,
        max_parts=MAX_PARTS,
    )

    def __init__(self) -> None:
        self._limits: dict[str, Limits] = {}  # per instance, for this session
        self._limits_lock = threading.Lock()

    def render(self, update: PublishableUpdate) -> Post:
        """Fitted to the default limit: render has no account, so it cannot know the instance's."""
        text = source_text(update, SOURCE)
        parts = fit(text, limit=DEFAULT_LIMIT, length=status_length, thread=True, max_parts=MAX_PARTS)
        return Post(
            channel=self.id,
            parts=parts,
            meta={
                "incident_id": update.incident_id,
                "update_id": update.update_id,
                "language": update.language,
                "source_text": text,
                "fitted_for": [DEFAULT_LIMIT, DEFAULT_URL_LENGTH],
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
        from composer.publishers import http_bounded  # noqa: PLC0415

        settings = _settings(account)
        token = _token(credentials)
        if cancel is not None and cancel.is_set():
            raise Cancelled(_("Cancelled before contacting {host}; nothing was posted.").format(host=settings.host))
        with _translated(settings, token), http_bounded.session() as session:
            report(0.05, _("Reading the post length limit of {host}").format(host=settings.host))
            limits = self.limits(session, settings)
            parts = _parts_for(post, limits)
            reply_to, root_id = _thread_position(post, settings)
            incident_key = str(post.meta.get("incident_key") or post.meta.get("incident_id") or "")
            language = str(post.meta.get("language") or "").split("-")[0].lower()
            statuses: list[dict[str, Any]] = []
            for index, text in enumerate(parts):
                report(
                    0.1 + 0.85 * index / len(parts),
                    _("Posting {index} of {count} to {host}").format(
                        index=index + 1, count=len(parts), host=settings.host
                    )
                    if len(parts) > 1
                    else _("Posting to {host}").format(host=settings.host),
                )
                if cancel is not None and cancel.is_set():
                    if not statuses:
                        raise Cancelled(
                            _("Cancelled before posting to {host}; nothing was posted.").format(host=settings.host)
                        )
                    raise OutcomeUnknown(
                        _(
                            "Stopped after {index} of {count} posts: the thread on {host} is incomplete. "
                            "Send it again within an hour to finish it; the posts already made will not be repeated."
                        ).format(index=index, count=len(parts), host=settings.host)
                    )
                body: dict[str, Any] = {"status": text, "visibility": settings.visibility}
                if _LANGUAGE.fullmatch(language):
                    body["language"] = language
                if reply_to:
                    body["in_reply_to_id"] = reply_to
                key = idempotency_key(incident_key, post.meta.get("update_id"), index, len(parts), text)
                try:
                    status = _request(
                        session,
                        settings,
                        "POST",
                        "/api/v1/statuses",
                        token=token,
                        body=body,
                        headers={"Idempotency-Key": key},
                        part=(index + 1, len(parts)),
                        reply_to=reply_to,
                    )
                except PublishError as error:
                    if statuses and not isinstance(error, OutcomeUnknown):  # part of the thread is out
                        raise OutcomeUnknown(
                            _(
                                "Only {index} of {count} posts of the thread are on {host}: {error} Sending it "
                                "again within an hour finishes it without repeating them."
                            ).format(index=index, count=len(parts), host=settings.host, error=error)
                        ) from None
                    raise
                if not isinstance(status.get("id"), str) or not status["id"]:
                    raise OutcomeUnknown(
                        _(
                            "{host} accepted the post but its answer has no status id; check your profile "
                            "before publishing again."
                        ).format(host=settings.host)
                    )
                statuses.append(status)
                reply_to = status["id"]
        report(1.0, _("Posted") if len(statuses) == 1 else _("Posted a thread of {count}").format(count=len(statuses)))
        ids = [status["id"] for status in statuses]
        return Receipt(
            account=account.name,
            channel=self.id,
            remote_id=ids[0],
            url=str(statuses[0].get("url") or ""),
            published_at=datetime.now(UTC),
            meta={
                "instance": settings.base_url,
                "status_ids": ids,
                "status_urls": [str(status.get("url") or "") for status in statuses],
                "thread_root_id": root_id or ids[0],
                "last_status_id": ids[-1],
                "limit": limits.max_characters,
            },
        )

    def test_connection(self, account: Account, credentials: dict[str, str]) -> str:
        from composer.publishers import http_bounded  # noqa: PLC0415

        settings = _settings(account)
        token = _token(credentials)
        with _translated(settings, token), http_bounded.session() as session:
            me = _request(session, settings, "GET", "/api/v1/accounts/verify_credentials", token=token)
        acct = me.get("acct") or me.get("username")
        if not isinstance(acct, str) or not acct.strip() or len(acct.split()) != 1:
            raise PublishError(
                _(
                    "{host} answered, but not with a Mastodon account; check that {base_url} is a Mastodon server."
                ).format(host=settings.host, base_url=settings.base_url)
            )
        return _("Connected to {host} as @{acct}").format(host=settings.host, acct=acct)

    def limits(self, session: Any, settings: _Settings) -> Limits:
        """The instance's length rules, asked once per instance in a session."""
        with self._limits_lock:
            known = self._limits.get(settings.base_url)
        if known is not None:
            return known
        try:
            instance = _request(session, settings, "GET", "/api/v2/instance")
        except (NotFound, AuthRejected, Rejected):
            instance = {}  # older than Mastodon 4.0, or the instance hides it: the defaults apply
        configuration = instance.get("configuration")
        statuses = configuration.get("statuses") if isinstance(configuration, dict) else None
        statuses = statuses if isinstance(statuses, dict) else {}
        limits = Limits(
            max_characters=_positive(statuses.get("max_characters"), DEFAULT_LIMIT),
            url_length=_positive(statuses.get("characters_reserved_per_url"), DEFAULT_URL_LENGTH),
        )
        with self._limits_lock:
            self._limits[settings.base_url] = limits
        return limits


def _positive(value: object, default: int) -> int:
    return value if isinstance(value, int) and not isinstance(value, bool) and value > 0 else default


def _parts_for(post: Post, limits: Limits) -> list[str]:
    """The post's parts, fitted again when the instance's rules differ from those render assumed."""
    if post.meta.get("fitted_for") == [limits.max_characters, limits.url_length]:
        return list(post.parts)
    source = post.meta.get("source_text")
    text = source if isinstance(source, str) and source.strip() else post.text
    return fit(
        text,
        limit=limits.max_characters,
        length=partial(status_length, url_length=limits.url_length),
        thread=True,
        max_parts=MAX_PARTS,
    )


def _thread_position(post: Post, settings: _Settings) -> tuple[str, str]:
    """(status to reply to, the incident thread's first status) from this account's last post for it."""
    previous = post.meta.get("previous")
    if not isinstance(previous, dict):
        return "", ""
    meta = previous.get("meta")
    if not isinstance(meta, dict):
        meta = {}
    if meta.get("instance") not in (None, settings.base_url):
        return "", ""  # the account moved to another instance: its old statuses are not there
    last = str(meta.get("last_status_id") or previous.get("remote_id") or "")
    return last, str(meta.get("thread_root_id") or previous.get("remote_id") or "")


# --- settings ---------------------------------------------------------------------------------


def _settings(account: Account) -> _Settings:
    """The account's settings, checked; a PublishError names the first problem."""
    raw = str(account.settings.get("url") or "").strip().rstrip("/")
    if not raw:
        raise PublishError(_("The Mastodon account has no instance address (url), e.g. https://mastodon.social."))
    if "://" not in raw:
        raw = "https://" + raw
    parts = urlsplit(raw)
    try:
        hostname, port = parts.hostname or "", parts.port
    except ValueError:
        hostname, port = "", None
    if parts.scheme not in ("https", "http") or not hostname or parts.path or parts.query or parts.username:
        raise PublishError(
            _(
                "The Mastodon instance “{raw}” is not a server address; write only the address, e.g. "
                "https://mastodon.social."
            ).format(raw=raw)
        )
    if parts.scheme == "http" and not is_loopback(hostname):
        raise PublishError(
            _(
                "The Mastodon instance “{raw}” uses plain http, which would send the access token "
                "unencrypted; use https (http is allowed only for a server on this computer)."
            ).format(raw=raw)
        )
    host = f"[{hostname}]" if ":" in hostname else hostname
    where = f"{host}:{port}" if port else host
    visibility = str(account.settings.get("visibility") or "public").strip().lower()
    if visibility not in VISIBILITIES:
        raise PublishError(
            _("Unknown Mastodon visibility “{visibility}”: choose public or unlisted.").format(visibility=visibility)
        )
    timeout = timeout_seconds(str(account.settings.get("timeout") or "").strip(), "Mastodon", DEFAULT_TIMEOUT)
    return _Settings(base_url=f"{parts.scheme}://{where}", host=where, visibility=visibility, timeout=timeout)


def _token(credentials: dict[str, str]) -> str:
    token = (credentials.get("token") or "").strip()
    if not token:
        raise AuthRejected(
            _(
                "No access token is stored for this Mastodon account. Create one in Mastodon under "
                "Preferences → Development → New application (scopes write:statuses and read:accounts) "
                "and enter it in the account."
            )
        )
    if not re.fullmatch(r"[\x21-\x7e]+", token):
        raise AuthRejected(
            _(
                "The stored Mastodon access token has spaces or unusual characters; copy it again from "
                "Preferences → Development and enter it in the account."
            )
        )
    return token


# --- requests ---------------------------------------------------------------------------------


def _request(
    session: Any,
    settings: _Settings,
    method: str,
    path: str,
    *,
    token: str = "",
    body: dict[str, Any] | None = None,
    headers: dict[str, str] | None = None,
    part: tuple[int, int] = (1, 1),
    reply_to: str = "",
) -> dict[str, Any]:
    """One API call; the answer's JSON object, or the publisher error for what went wrong."""
    import requests  # noqa: PLC0415

    from composer.publishers import http_bounded  # noqa: PLC0415

    sent_headers = {"User-Agent": USER_AGENT, "Accept": "application/json", **(headers or {})}
    if token:
        sent_headers["Authorization"] = f"Bearer {token}"
    try:
        # No redirects: a POST would turn into a GET, and the token must not follow to another host.
        response = http_bounded.request(
            session, method, settings.base_url + path, json=body, headers=sent_headers, timeout=settings.timeout
        )
    except requests.exceptions.SSLError as error:
        raise NetworkError(
            _("The secure connection to {host} failed ({cause}); check the instance address.").format(
                host=settings.host, cause=mastodon_errors.cause(error)
            )
        ) from None
    except requests.RequestException as error:
        if method in WRITES and may_have_arrived(error):
            raise OutcomeUnknown(
                _(
                    "{host} did not answer ({describe}), so the post may or may not have been made. "
                    "Sending it again within an hour is safe: Mastodon will not post it twice."
                ).format(host=settings.host, describe=http_bounded.describe(mastodon_errors.cause(error)))
            ) from None
        if isinstance(error, requests.Timeout):
            raise NetworkError(
                _("{host} did not answer within {timeout:g} seconds.").format(
                    host=settings.host, timeout=settings.timeout
                )
            ) from None
        if isinstance(error, http_bounded.AnswerTooLarge):
            raise NetworkError(
                _("{host} sent {error}; check the instance address.").format(host=settings.host, error=error)
            ) from None
        raise mastodon_errors.connection_error(error, settings, method) from None
    moved = redirected(
        response,
        settings.base_url,
        writing=method in WRITES,
        advice=_("Enter the instance's own address in the account."),
        look=_("sending it again within an hour is safe, Mastodon will not post it twice"),
    )
    if moved is not None:
        raise moved
    if response.status_code >= 300:
        raise mastodon_errors.http_error(response, settings, path, part, reply_to)
    try:
        data = response.json()
    except ValueError:
        data = None
    if not isinstance(data, dict):
        if method in WRITES:  # the status may have been made all the same
            raise OutcomeUnknown(
                _(
                    "{host} answered {path} with something other than a Mastodon answer, so the "
                    "post may or may not have been made. Sending it again within an hour is safe: Mastodon "
                    "will not post it twice."
                ).format(host=settings.host, path=path)
            )
        raise PublishError(
            _(
                "{host} answered {path} with something other than a Mastodon answer; check that "
                "{base_url} is a Mastodon server."
            ).format(host=settings.host, path=path, base_url=settings.base_url)
        )
    return data


@contextmanager
def _translated(settings: _Settings, token: str) -> Iterator[None]:
    """No message leaves here with the token in it, whatever a server echoed."""
    try:
        yield
    except PublishError as error:
        scrubbed(error, token)
        raise


__all__ = ["DEFAULT_LIMIT", "DEFAULT_URL_LENGTH", "Limits", "MastodonPublisher", "idempotency_key", "status_length"]
