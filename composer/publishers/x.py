# SPDX-License-Identifier: GPL-3.0-or-later
"""X (Twitter): each update as a post, or a thread of replies when it is long.

The API (X API v2, https://docs.x.com/x-api/posts/create-post):
- `POST /2/tweets` with JSON `{"text": ..., "reply": {"in_reply_to_tweet_id": ...}}` and an OAuth 2.0
  user-context access token (`Authorization: Bearer ...`, scopes tweet.read tweet.write users.read);
  201 answers `{"data": {"id": ..., "text": ...}}`.
- Errors are problem documents (`{"title", "detail", "type", "status"}`); 401 a bad or expired token;
  403 a refusal, e.g. "You are not allowed to create a Tweet with duplicate content."; 429 when rate
  limited, with `x-rate-limit-reset` as a Unix time (https://docs.x.com/fundamentals/rate-limits).
- `GET /2/users/me` answers `{"data": {"id", "name", "username"}}`: test_connection uses it.

Length: 280 weighted characters as twitter-text counts them (https://docs.x.com/fundamentals/
counting-characters: URLs 23, emoji and CJK 2, NFC), through `twitter-text-parser`. The official npm
`twitter-text` agrees wherever both find the same URLs and emoji; tests/publishers/test_x_counter.py
checks that and names where their entity detection differs.

Threads: a long update becomes replies to its own first post; a later update of the same incident
replies to the last post of the incident's thread (`post.meta["previous"]`, a receipt whose `meta`
carries `last_tweet_id`). X has no idempotency key, so a post whose answer never came (a read
timeout) cannot be checked automatically: the error says so, is not retryable, and the outbox keeps
such a send "uncertain" and never resends it on its own. X's own refusal of duplicate text is the
last guard against a double post.
"""

from __future__ import annotations

import re
import threading
import time
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from composer.core.i18n import N_, _
from composer.core.lengths import as_sent_to_x as as_sent
from composer.core.lengths import x_length as weighted_length
from composer.publishers.base import (
    API_VERSION,
    Account,
    AccountField,
    Cancelled,
    NetworkError,
    OutcomeUnknown,
    Post,
    PublishableUpdate,
    PublishError,
    RateLimited,
    Receipt,
    Rejected,
    Report,
    TextPolicy,
    TooLong,
    no_report,
)
from composer.publishers.social import fit, source_text
from composer.publishers.web import (
    api_address,
    bearer_token,
    http_error,
    maybe_posted,
    retry_after_header,
    scrubbed,
    send_json,
    timeout_field,
    timeout_seconds,
)

LIMIT = 280
DEFAULT_API = "https://api.x.com"
DEFAULT_TIMEOUT = 20.0
_USERNAME = re.compile(r"[A-Za-z0-9_]{1,15}")
_TWEET_ID = re.compile(r"[0-9]{1,25}")


def post_url(tweet_id: str, username: str = "") -> str:
    """The public address of a post; without the user name X redirects from /i/web/status/."""
    if username:
        return f"https://x.com/{username}/status/{tweet_id}"
    return f"https://x.com/i/web/status/{tweet_id}"


@dataclass(frozen=True)
class _Settings:
    api: str
    username: str
    timeout: float


class XPublisher:
    """Posts each update to X, as a thread when it is long; later updates reply in the same thread."""

    id = "x"
    display_name = "X (Twitter)"
    api_version = API_VERSION
    account_fields = (
        AccountField(
            "access_token",
            N_("Access token"),
            secret=True,
            help=N_(
                "An OAuth 2.0 user access token with the tweet.read, tweet.write and users.read "
                "scopes; kept in the system keyring only"
            ),
        ),
        AccountField(
            "username",
            N_("User name"),
            required=False,
            help=N_("The account's @name (without @), for links to posts; “Test connection” shows it"),
        ),
        AccountField(
            "api_url",
            N_("API address"),
            kind="url",
            required=False,
            default=DEFAULT_API,
            help=N_("Empty: https://api.x.com"),
        ),
        timeout_field(DEFAULT_TIMEOUT, "X"),
    )
    policy = TextPolicy(
        limit=LIMIT,
        counter=N_("weighted characters (X rules: links 23, emoji and CJK 2)"),
        threads=True,
        measure=weighted_length,
        source="social-short",
    )

    def render(self, update: PublishableUpdate) -> Post:
        parts = fit(as_sent(source_text(update, "social-short")), limit=LIMIT, length=weighted_length, thread=True)
        return Post(channel=self.id, parts=parts, meta={"incident_id": update.incident_id})

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
        token = bearer_token(credentials, "X")
        parts = [as_sent(part) for part in post.parts if part.strip()]
        if not parts:
            raise PublishError(_("There is nothing to post to X: the text is empty."))
        for number, part in enumerate(parts, 1):
            if weighted_length(part) > LIMIT:
                raise TooLong(
                    _("Part {number} of the post is {length} weighted characters; X takes {limit}. Shorten it.").format(
                        number=number, length=weighted_length(part), limit=LIMIT
                    )
                )
        previous = _previous(post.meta.get("previous"))
        reply_to = previous.get("last_tweet_id", "")
        root = previous.get("thread_root_id", "") or reply_to
        sent: list[str] = []
        for index, part in enumerate(parts):
            report(
                0.05 + 0.9 * index / len(parts),
                _("Posting part {number} of {count}").format(number=index + 1, count=len(parts))
                if len(parts) > 1
                else "Posting",
            )
            if cancel is not None and cancel.is_set():  # right before each write
                if not sent:
                    raise Cancelled(_("Cancelled before posting to X; nothing was sent."))
                raise OutcomeUnknown(_partial(sent, len(parts), settings, _("You stopped it")))
            body: dict[str, Any] = {"text": part}
            if reply_to:
                body["reply"] = {"in_reply_to_tweet_id": reply_to}
            try:
                answer = _call("POST", "/2/tweets", settings, token, body)
            except PublishError as error:
                if sent:  # part of the thread is out: a blind retry would post those parts again
                    raise OutcomeUnknown(_partial(sent, len(parts), settings, str(error))) from None
                raise
            data = answer.get("data")
            tweet_id = str(data.get("id") or "") if isinstance(data, dict) else ""
            if not _TWEET_ID.fullmatch(tweet_id):
                raise OutcomeUnknown(
                    _(
                        "X answered without the id of the new post ({api}); look at the account on x.com before "
                        "publishing again."
                    ).format(api=settings.api)
                )
            sent.append(tweet_id)
            reply_to = tweet_id
            root = root or tweet_id
        report(1.0, _("Posted"))
        return Receipt(
            account=account.name,
            channel=self.id,
            remote_id=sent[-1],
            url=post_url(sent[0], settings.username),
            published_at=datetime.now(UTC),
            meta={
                "tweet_ids": sent,
                "last_tweet_id": sent[-1],
                "thread_root_id": root,
                "in_reply_to": previous.get("last_tweet_id", ""),
                "username": settings.username,
            },
        )

    def test_connection(self, account: Account, credentials: dict[str, str]) -> str:
        settings = _settings(account)
        answer = _call("GET", "/2/users/me", settings, bearer_token(credentials, "X"))
        user = answer.get("data")
        username = user.get("username") if isinstance(user, dict) else None
        if not isinstance(username, str) or not _USERNAME.fullmatch(username):
            raise PublishError(
                _("{api} answered, but not with an X user; check the API address.").format(api=settings.api)
            )
        note = ""
        if settings.username and settings.username.lower() != username.lower():
            note = _(" (the account says @{username}: links to posts would be wrong)").format(
                username=settings.username
            )
        return _("Connected to X as @{username}{note}").format(username=username, note=note)


# --- settings ---------------------------------------------------------------------------------


def _settings(account: Account) -> _Settings:
    """The account's settings, checked; a PublishError names the first problem."""
    values = account.settings
    api = api_address(str(values.get("api_url") or ""), "X", DEFAULT_API)
    username = str(values.get("username") or "").strip().removeprefix("@")
    if username and not _USERNAME.fullmatch(username):
        raise PublishError(
            _("“{username}” is not an X user name (letters, digits and _, at most 15).").format(username=username)
        )
    timeout = timeout_seconds(str(values.get("timeout") or "").strip(), "X", DEFAULT_TIMEOUT)
    return _Settings(api=api, username=username, timeout=timeout)


def _previous(receipt: object) -> dict[str, str]:
    """From the account's last receipt for the incident: the post to reply to and the thread's root."""
    if not isinstance(receipt, dict):
        return {}
    meta = receipt.get("meta")
    if not isinstance(meta, dict):
        meta = {}
    last = str(meta.get("last_tweet_id") or receipt.get("remote_id") or "")
    root = str(meta.get("thread_root_id") or last)
    if not _TWEET_ID.fullmatch(last):
        return {}
    return {"last_tweet_id": last, "thread_root_id": root if _TWEET_ID.fullmatch(root) else last}


def _partial(sent: list[str], total: int, settings: _Settings, reason: str) -> str:
    return _(
        "Only {count} of {total} parts of the thread were posted ({last} is the last). {reason}. Post the rest "
        "by hand as replies to that post: publishing again would start over and repeat the first parts."
    ).format(count=len(sent), total=total, last=post_url(sent[-1], settings.username), reason=reason.rstrip("."))


# --- HTTP -------------------------------------------------------------------------------------


def _call(
    method: str, path: str, settings: _Settings, token: str, body: dict[str, Any] | None = None
) -> dict[str, Any]:
    """One request to the X API; the decoded JSON answer, or a PublishError in plain words."""
    response = send_json(
        method,
        settings.api,
        path,
        token,
        body=body,
        timeout=settings.timeout,
        http_error=lambda answer: _http_error(answer, settings),
        unanswered=lambda error, writing: _unanswered(error, settings, writing=writing),
    )
    try:
        answer = response.json()
    except ValueError:
        answer = None
    if isinstance(answer, dict):
        return answer
    if method == "POST":  # the post may be on X all the same
        raise OutcomeUnknown(
            _(
                "{api} answered {status} but not with an X answer, so the post may or may not be on "
                "X. Look at the account on x.com before publishing again."
            ).format(api=settings.api, status=response.status_code)
        )
    raise scrubbed(
        PublishError(
            _("{api} answered {status} but not with JSON; check the API address.").format(
                api=settings.api, status=response.status_code
            )
        ),
        token,
    )


def _unanswered(error: Exception, settings: _Settings, *, writing: bool) -> PublishError:
    """X's words for what send_json leaves open. After a post, any failure may hide a post that
    arrived, and X has no idempotency keys: never resent on its own."""
    import requests  # noqa: PLC0415

    from composer.publishers.http_bounded import AnswerTooLarge, describe  # noqa: PLC0415

    where = settings.api
    timed_out = isinstance(error, requests.exceptions.ReadTimeout)
    if not writing:
        if timed_out:
            return NetworkError(
                _("{where} did not answer within {timeout:g} seconds; try again.").format(
                    where=where, timeout=settings.timeout
                )
            )
        if isinstance(error, AnswerTooLarge):
            return NetworkError(
                _("{where} sent {describe}; check the API address.").format(where=where, describe=describe(error))
            )
        return NetworkError(
            _("The connection to {where} was lost before X answered ({kind}); try again.").format(
                where=where, kind=type(error).__name__
            )
        )
    if timed_out:
        return maybe_posted(where, settings.timeout, "X", _("the account on x.com"))
    if isinstance(error, AnswerTooLarge):
        return OutcomeUnknown(
            _(
                "{where} sent {describe}, so the post may or may not be on X. Look at the account on "
                "x.com before publishing again."
            ).format(where=where, describe=describe(error))
        )
    return OutcomeUnknown(
        _(
            "The connection to {where} was lost before X answered ({kind}); the post may or may "
            "not be on X. Look at the account on x.com before publishing again."
        ).format(where=where, kind=type(error).__name__)
    )


def _problem(response: Any) -> str:
    """The human part of an X error answer (a problem document, or v1.1-style `errors`)."""
    try:
        data = response.json()
    except ValueError:
        return " ".join(response.text.split())[:200]
    if not isinstance(data, dict):
        return ""
    texts = [str(data.get(key)) for key in ("detail", "title") if data.get(key)]
    for item in data.get("errors") or []:
        if isinstance(item, dict) and (item.get("message") or item.get("detail")):
            texts.append(str(item.get("message") or item.get("detail")))
    return texts[0] if texts else ""


def _http_error(response: Any, settings: _Settings) -> PublishError:
    return http_error(
        response,
        channel="X",
        api=settings.api,
        detail=_problem(response),
        token_lifetime=_("X's OAuth 2.0 tokens last two hours unless refreshed"),
        own=_own_error,
    )


def _own_error(response: Any, detail: str, said: str) -> PublishError | None:
    """X's own error answers: a refused post (403, duplicates among them) and the rate limit (429)."""
    status = response.status_code
    if status == 403:
        if "duplicate" in detail.lower():
            return Rejected(
                _(
                    "X refused the post because the account already posted the same text recently. If it is "
                    "the update you meant, it is already on X; otherwise change the text."
                )
            )
        return Rejected(
            _(
                "X refused the post{said}. If it is about permissions, the token needs the tweet.write "
                "scope and the app “Read and write” access."
            ).format(said=said)
        )
    if status == 429:
        retry_after = _retry_after(response)
        when = (
            _(" in about {minutes} minutes").format(minutes=max(1, round(retry_after / 60)))
            if retry_after is not None
            else " later"
        )
        return RateLimited(
            _("X says this account has posted too often for now; try again{when}.").format(when=when),
            retry_after=retry_after,
        )
    return None


def _retry_after(response: Any) -> float | None:
    reset = response.headers.get("x-rate-limit-reset", "")
    if reset.strip().isdigit():
        return max(0.0, float(reset) - time.time())
    return retry_after_header(response)


__all__ = ["LIMIT", "XPublisher", "as_sent", "post_url", "weighted_length"]
