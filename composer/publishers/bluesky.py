# SPDX-License-Identifier: GPL-3.0-or-later
"""Bluesky: each update as a post on the account's PDS, or a thread when it is long.

The API (AT Protocol XRPC on the account's PDS, https://docs.bsky.app/docs/api/at-protocol-xrpc-api;
the requests themselves are made in bluesky_xrpc.py):
- `com.atproto.server.createSession` {identifier, password} with an app password answers
  {did, handle, accessJwt, refreshJwt}; the access token is short-lived: a call with an expired one
  answers `400 {"error": "ExpiredToken"}`, and `com.atproto.server.refreshSession` (the refresh
  token as bearer) gives a new pair. Sessions are cached per account in the publisher instance.
- `com.atproto.repo.createRecord` {repo, collection: "app.bsky.feed.post", rkey, record}
  answers {uri, cid}; `com.atproto.repo.getRecord` finds a record by its key.
- Errors are `{"error": name, "message": text}`; 429 carries `RateLimit-Reset` (a Unix time)
  and `Retry-After` (seconds).

Posts: 300 graphemes and 3000 UTF-8 bytes at most (app.bsky.feed.post lexicon). Links are only
links when a `app.bsky.richtext.facet#link` facet covers them, with UTF-8 *byte* offsets.

Never twice: every part gets a record key (a TID) derived from the account, the incident, the
update, the text and the part's position. Before writing a part on any attempt but the outbox's
first (`post.meta["retry"]`), `getRecord` asks whether that key exists; if it does (an earlier
attempt whose answer was lost), it is reused. So publishing again after any failure completes
a thread without repeating what is already there.

Threads: parts reply to the part before (`reply: {root, parent}`, strong refs: uri + cid). A
later update of the same incident (`post.meta["previous"]`) replies to the last post of the
incident's thread; the receipt's `meta` keeps `root` and `last` for that.
"""

from __future__ import annotations

import hashlib
import hmac
import math
import os
import re
import threading
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any
from urllib.parse import urlsplit

from composer.core.i18n import N_, _
from composer.core.lengths import bluesky_length as post_length
from composer.core.lengths import graphemes
from composer.publishers.base import (
    API_VERSION,
    Account,
    AccountField,
    AuthRejected,
    Cancelled,
    NetworkError,
    OutcomeUnknown,
    Post,
    PublishableUpdate,
    PublishError,
    RateLimited,
    Receipt,
    Report,
    TextPolicy,
    TooLong,
    no_report,
)
from composer.publishers.bluesky_xrpc import APP_PASSWORD_HELP
from composer.publishers.bluesky_xrpc import RecordNotFound as _RecordNotFound
from composer.publishers.bluesky_xrpc import SessionEnded as _SessionEnded
from composer.publishers.bluesky_xrpc import Settings as _Settings
from composer.publishers.bluesky_xrpc import xrpc as _xrpc
from composer.publishers.social import fit, source_text
from composer.publishers.web import is_loopback, timeout_field, timeout_seconds

GRAPHEME_LIMIT = 300
BYTE_LIMIT = 3000
DEFAULT_SERVICE = "https://bsky.social"
DEFAULT_TIMEOUT = 20.0
POST_COLLECTION = "app.bsky.feed.post"
_HANDLE = re.compile(r"(?=.{3,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z][a-z0-9-]{0,62}")
_DID = re.compile(r"did:[a-z]+:[A-Za-z0-9._:%-]{1,2000}")
_LANGUAGE_TAG = re.compile(r"[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*")
_AT_URI = re.compile(r"at://[^/\s]+/[^/\s]+/[^/\s]+")
_TID_ALPHABET = "234567abcdefghijklmnopqrstuvwxyz"  # base32-sortable (atproto TID spec)
# Record keys are dated 2020-09-13 plus up to 2**47 µs (4.4 years): valid TIDs, never in the future.
_TID_EPOCH_US = 1_600_000_000 * 1_000_000
_TID_SPAN_US = 2**47


def link_facets(text: str) -> list[dict[str, Any]]:
    """A link facet for every URL in `text`, with UTF-8 byte offsets (what Bluesky counts in)."""
    from twitter_text import extract_urls_with_indices  # noqa: PLC0415

    facets = []
    for found in extract_urls_with_indices(text):
        start, end = found["indices"]
        url = found["url"]
        uri = url if re.match(r"(?i)https?://", url) else f"https://{url}"
        facets.append(
            {
                "index": {"byteStart": len(text[:start].encode("utf-8")), "byteEnd": len(text[:end].encode("utf-8"))},
                "features": [{"$type": "app.bsky.richtext.facet#link", "uri": uri}],
            }
        )
    return facets


def tid(microseconds: int, clock_id: int) -> str:
    """A record key in the TID format: 53 bits of time, 10 bits of clock id, base32-sortable."""
    if not 0 <= microseconds < 2**53 or not 0 <= clock_id < 2**10:
        raise ValueError("a TID holds 53 bits of microseconds and a 10-bit clock id")
    value = microseconds << 10 | clock_id
    return "".join(_TID_ALPHABET[(value >> shift) & 31] for shift in range(60, -1, -5))


def record_key(did: str, incident_key: str, update_id: object, parts: list[str], index: int) -> str:
    """The record key of one part: the same on every attempt of the same text, so a retry finds it."""
    digest = hashlib.sha256("\x1f".join([did, incident_key, str(update_id), *parts]).encode("utf-8")).digest()
    return tid(_TID_EPOCH_US + int.from_bytes(digest[:8], "big") % _TID_SPAN_US, index)


def post_record(
    text: str,
    *,
    created_at: str,
    langs: list[str],
    root: dict[str, str] | None = None,
    parent: dict[str, str] | None = None,
) -> dict[str, Any]:
    """An app.bsky.feed.post record: the text, its links as facets, its language, what it replies to."""
    record: dict[str, Any] = {"$type": POST_COLLECTION, "text": text, "createdAt": created_at}
    if langs:
        record["langs"] = langs
    facets = link_facets(text)
    if facets:
        record["facets"] = facets
    if root and parent:
        record["reply"] = {"root": root, "parent": parent}
    return record


def post_url(handle: str, rkey: str) -> str:
    return f"https://bsky.app/profile/{handle}/post/{rkey}"


@dataclass(frozen=True)
class _Session:
    did: str
    handle: str
    access: str
    refresh: str
    fingerprint: bytes  # of the app password it was made with: another password needs another session


class BlueskyPublisher:
    """Posts each update to Bluesky, as a thread when it is long; later updates reply in the same thread."""

    id = "bluesky"
    display_name = "Bluesky"
    api_version = API_VERSION
    existence_check_seconds = math.inf  # the record key, whenever
    account_fields = (
        AccountField(
            "handle", N_("Handle"), help=N_("The account's handle, e.g. status.example.com or example.bsky.social")
        ),
        AccountField(
            "url",
            N_("Server"),
            kind="url",
            required=False,
            default=DEFAULT_SERVICE,
            help=N_("The account's PDS; empty: https://bsky.social"),
        ),
        AccountField(
            "password",
            N_("App password"),
            secret=True,
            help=N_(
                "An app password, not the account's password: create one in Bluesky: Settings → Privacy and "
                "security → App passwords. Kept in the system keyring only"
            ),
        ),
        timeout_field(DEFAULT_TIMEOUT, "the server"),
    )
    policy = TextPolicy(
        limit=GRAPHEME_LIMIT,
        counter=N_("graphemes (and at most 3000 bytes)"),
        threads=True,
        measure=post_length,
        source="social-short",
    )

    def __init__(self) -> None:
        self._sessions: dict[tuple[str, str], _Session] = {}
        self._sessions_lock = threading.Lock()
        self._fingerprint_key = os.urandom(32)

    def render(self, update: PublishableUpdate) -> Post:
        parts = fit(
            source_text(update, "social-short"),
            limit=GRAPHEME_LIMIT,
            length=post_length,
            thread=True,
            max_parts=self.policy.max_parts,
        )
        return Post(
            channel=self.id,
            parts=parts,
            meta={"incident_id": update.incident_id, "update_id": update.update_id, "language": update.language},
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
        password = _password(credentials)
        parts = [part.strip() for part in post.parts if part.strip()]
        if not parts:
            raise PublishError(_("There is nothing to post to Bluesky: the text is empty."))
        for number, part in enumerate(parts, 1):
            if post_length(part) > GRAPHEME_LIMIT:
                raise TooLong(
                    _(
                        "Part {number} of the post has {graphemes} characters and {count} bytes; Bluesky takes "
                        "{grapheme_limit} and {byte_limit}. Shorten it."
                    ).format(
                        number=number,
                        graphemes=graphemes(part),
                        count=len(part.encode("utf-8")),
                        grapheme_limit=GRAPHEME_LIMIT,
                        byte_limit=BYTE_LIMIT,
                    )
                )
        language = str(post.meta.get("language") or "")
        langs = [language] if _LANGUAGE_TAG.fullmatch(language) else []
        incident_key = str(post.meta.get("incident_key") or post.meta.get("incident_id") or "")
        previous = _previous(post.meta.get("previous"))
        if cancel is not None and cancel.is_set():
            raise Cancelled(_("Cancelled before connecting to Bluesky; nothing was sent."))

        report(0.05, _("Logging in to {service} as @{handle}").format(service=settings.service, handle=settings.handle))
        session = self._session(settings, password)
        root, parent = previous.get("root"), previous.get("last")
        created_at = datetime.now(UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")
        refs: list[dict[str, str]] = []
        sent_now = 0
        for index, part in enumerate(parts):
            rkey = record_key(session.did, incident_key, post.meta.get("update_id"), parts, index)
            step = (
                _("Posting part {number} of {count}").format(number=index + 1, count=len(parts))
                if len(parts) > 1
                else _("Posting the post")
            )
            report(0.1 + 0.85 * index / len(parts), step)
            ref = None
            try:
                if post.meta.get("retry", True):  # a first attempt cannot have left this part behind
                    session, ref = self._find(settings, password, session, rkey)
            except PublishError as error:
                _say_what_went_out(error, refs, len(parts), session)
                raise
            if ref is None:
                if cancel is not None and cancel.is_set():  # right before each write
                    raise _cancelled(refs, len(parts), session)
                record = post_record(part, created_at=created_at, langs=langs, root=root, parent=parent)
                try:
                    session, answer = self._call(
                        settings,
                        password,
                        session,
                        "POST",
                        "com.atproto.repo.createRecord",
                        body={"repo": session.did, "collection": POST_COLLECTION, "rkey": rkey, "record": record},
                    )
                    ref = _strong_ref(answer, settings, written=True)
                except PublishError as error:
                    _say_what_went_out(error, refs, len(parts), session)
                    raise
                sent_now += 1
            refs.append(ref)
            root = root or ref
            parent = ref
        report(1.0, _("Posted") if sent_now else _("Already on Bluesky"))
        assert root is not None
        first_rkey = refs[0]["uri"].rsplit("/", 1)[-1]
        return Receipt(
            account=account.name,
            channel=self.id,
            remote_id=refs[0]["uri"],
            url=post_url(session.handle, first_rkey),
            published_at=datetime.now(UTC),
            meta={
                "did": session.did,
                "handle": session.handle,
                "service": settings.service,
                "root": root,
                "last": refs[-1],
                "parts": refs,
                "in_reply_to": (previous.get("last") or {}).get("uri", ""),
                "reused": len(refs) - sent_now,
            },
        )

    def test_connection(self, account: Account, credentials: dict[str, str]) -> str:
        settings = _settings(account)
        password = _password(credentials)
        session = self._session(settings, password)
        session, answer = self._call(settings, password, session, "GET", "com.atproto.server.getSession")
        handle = str((answer if isinstance(answer, dict) else {}).get("handle") or session.handle)
        return _("Connected to {service} as @{handle}").format(service=settings.service, handle=handle)

    # --- sessions -----------------------------------------------------------------------------

    def _session(self, settings: _Settings, password: str) -> _Session:
        """The cached session for the account, or a new one (createSession with the app password)."""
        key = (settings.service, settings.handle)
        fingerprint = hmac.new(self._fingerprint_key, password.encode("utf-8"), "sha256").digest()
        with self._sessions_lock:
            cached = self._sessions.get(key)
        if cached is not None and hmac.compare_digest(cached.fingerprint, fingerprint):
            return cached
        answer = _xrpc(
            settings,
            "POST",
            "com.atproto.server.createSession",
            body={"identifier": settings.handle, "password": password},
            secrets=(password,),
        )
        session = _session_from(answer, settings, fingerprint, password)
        with self._sessions_lock:
            self._sessions[key] = session
        return session

    def _renew(self, settings: _Settings, password: str, ended: _Session) -> _Session:
        """A fresh session after the access token expired: refreshSession, else a new login."""
        key = (settings.service, settings.handle)
        with self._sessions_lock:
            current = self._sessions.get(key)
        if current is not None and current.access != ended.access:
            return current  # another thread renewed it meanwhile
        try:
            answer = _xrpc(
                settings,
                "POST",
                "com.atproto.server.refreshSession",
                token=ended.refresh,
                secrets=(password, ended.access, ended.refresh),
            )
            session = _session_from(answer, settings, ended.fingerprint, password)
        except PublishError as error:
            if isinstance(error, (NetworkError, RateLimited)):
                raise
            with self._sessions_lock:  # the refresh token is spent or revoked too: log in again
                self._sessions.pop(key, None)
            return self._session(settings, password)
        with self._sessions_lock:
            self._sessions[key] = session
        return session

    def _call(
        self,
        settings: _Settings,
        password: str,
        session: _Session,
        verb: str,
        method: str,
        *,
        params: dict[str, str] | None = None,
        body: dict[str, Any] | None = None,
    ) -> tuple[_Session, Any]:
        """An authenticated call; renews the session once if the PDS says it ended. Returns the session used."""
        for attempt in (1, 2):
            try:
                return session, _xrpc(
                    settings,
                    verb,
                    method,
                    token=session.access,
                    params=params,
                    body=body,
                    secrets=(password, session.access, session.refresh),
                )
            except _SessionEnded as ended:
                if attempt == 2:
                    raise AuthRejected(
                        _(
                            "{service} refused a session it had just given ({ended}). Log in again with a new app "
                            "password ({where})."
                        ).format(service=settings.service, ended=ended, where=_(APP_PASSWORD_HELP))
                    ) from None
                session = self._renew(settings, password, session)
        raise AssertionError("unreachable")

    def _find(
        self, settings: _Settings, password: str, session: _Session, rkey: str
    ) -> tuple[_Session, dict[str, str] | None]:
        """The part with this record key if an earlier attempt already posted it, else None."""
        try:
            session, answer = self._call(
                settings,
                password,
                session,
                "GET",
                "com.atproto.repo.getRecord",
                params={"repo": session.did, "collection": POST_COLLECTION, "rkey": rkey},
            )
        except _RecordNotFound:
            return session, None
        return session, _strong_ref(answer, settings)


# --- settings ---------------------------------------------------------------------------------


def _settings(account: Account) -> _Settings:
    """The account's settings, checked; a PublishError names the first problem."""
    values = account.settings
    service = str(values.get("url") or DEFAULT_SERVICE).strip().rstrip("/")
    if "://" not in service:
        service = f"https://{service}"
    parts = urlsplit(service)
    if (
        parts.scheme not in ("https", "http")
        or not parts.hostname
        or parts.query
        or parts.fragment
        or parts.path not in ("", "/")
    ):
        raise PublishError(
            _(
                "The Bluesky server “{service}” is not a server address (e.g. {example}); leave "
                "it empty for bsky.social."
            ).format(service=service, example=DEFAULT_SERVICE)
        )
    if parts.scheme == "http" and not is_loopback(parts.hostname):
        raise PublishError(
            _("The Bluesky server “{service}” must use https (plain http only for this computer).").format(
                service=service
            )
        )
    handle = str(values.get("handle") or "").strip().removeprefix("@").lower()
    if not handle:
        raise PublishError(_("The Bluesky account has no handle; enter it, e.g. example.bsky.social."))
    if not (_HANDLE.fullmatch(handle) or _DID.fullmatch(handle)):
        hint = _(" (perhaps {handle}.bsky.social?)").format(handle=handle) if "." not in handle else ""
        raise PublishError(
            _(
                "“{handle}” is not a Bluesky handle{hint}: a handle looks like a domain name, e.g. example.bsky.social."
            ).format(handle=handle, hint=hint)
        )
    timeout = timeout_seconds(str(values.get("timeout") or "").strip(), "Bluesky", DEFAULT_TIMEOUT)
    return _Settings(service=service, handle=handle, timeout=timeout)


def _password(credentials: dict[str, str]) -> str:
    password = (credentials.get("password") or "").strip()
    if not password:
        raise AuthRejected(
            _(
                "No app password is stored for this Bluesky account; create one in {where} and enter it in the account."
            ).format(where=_(APP_PASSWORD_HELP))
        )
    return password


def _session_from(answer: Any, settings: _Settings, fingerprint: bytes, password: str) -> _Session:
    data = answer if isinstance(answer, dict) else {}
    did, access, refresh = (str(data.get(name) or "") for name in ("did", "accessJwt", "refreshJwt"))
    if not (_DID.fullmatch(did) and access and refresh):
        raise PublishError(
            _("{service} answered the login, but not as a Bluesky server would; check the server address.").format(
                service=settings.service
            )
        )
    if data.get("active") is False:
        status = " ".join(str(data.get("status") or "inactive").split())[:40]
        raise AuthRejected(
            _(
                "The Bluesky account @{handle} is {status} on {service}; it cannot post until it is active again."
            ).format(handle=settings.handle, status=status, service=settings.service)
        )
    return _Session(
        did=did,
        handle=handle if _HANDLE.fullmatch((handle := str(data.get("handle") or "")).lower()) else settings.handle,
        access=access,
        refresh=refresh,
        fingerprint=fingerprint,
    )


def _strong_ref(answer: Any, settings: _Settings, *, written: bool = False) -> dict[str, str]:
    data = answer if isinstance(answer, dict) else {}
    uri, cid = str(data.get("uri") or ""), str(data.get("cid") or "")
    if not (_AT_URI.fullmatch(uri) and cid):
        # After createRecord the post may be there all the same: publishing again finds it by its key.
        raise (OutcomeUnknown if written else PublishError)(
            _(
                "{service} answered without the address of the post (uri and cid); look at the account "
                "on Bluesky before publishing again."
            ).format(service=settings.service)
        )
    return {"uri": uri, "cid": cid}


def _previous(receipt: object) -> dict[str, dict[str, str]]:
    """From the account's last receipt for the incident: the thread's root and its last post."""
    if not isinstance(receipt, dict) or not isinstance(receipt.get("meta"), dict):
        return {}
    meta = receipt["meta"]
    refs = {}
    for name in ("root", "last"):
        ref = meta.get(name)
        if isinstance(ref, dict) and _AT_URI.fullmatch(str(ref.get("uri") or "")) and ref.get("cid"):
            refs[name] = {"uri": str(ref["uri"]), "cid": str(ref["cid"])}
    return refs if len(refs) == 2 else {}


def _cancelled(refs: list[dict[str, str]], total: int, session: _Session) -> PublishError:
    if not refs:
        return Cancelled(_("Cancelled before posting to Bluesky; nothing was sent."))
    stopped = PublishError(_("You stopped it. {partial}").format(partial=_partial(refs, total, session)))
    stopped.retryable = True
    return stopped


def _say_what_went_out(error: PublishError, refs: list[dict[str, str]], total: int, session: _Session) -> None:
    """Adds to a failure in the middle of a thread which parts are already on Bluesky."""
    if refs:
        error.args = (f"{error} {_partial(refs, total, session)}",)


def _partial(refs: list[dict[str, str]], total: int, session: _Session) -> str:
    last = post_url(session.handle, refs[-1]["uri"].rsplit("/", 1)[-1])
    return _(
        "Only {count} of {total} parts of the thread are on Bluesky ({last} is the last). "
        "Publish again to post the rest: the parts already there are found and not repeated."
    ).format(count=len(refs), total=total, last=last)


__all__ = [
    "BYTE_LIMIT",
    "GRAPHEME_LIMIT",
    "BlueskyPublisher",
    "link_facets",
    "post_length",
    "post_record",
    "post_url",
    "record_key",
    "tid",
]
