# SPDX-License-Identifier: GPL-3.0-or-later
"""LinkedIn: each update as one post of a member or an organization page.

The API (LinkedIn Posts API, https://learn.microsoft.com/linkedin/marketing/community-management/
shares/posts-api):
- `POST /rest/posts` with `Authorization: Bearer <OAuth 2.0 token>`, `LinkedIn-Version: YYYYMM` and
  `X-Restli-Protocol-Version: 2.0.0`; the body names the `author` (`urn:li:person:…` with
  w_member_social, `urn:li:organization:…` with w_organization_social), the `commentary`, `visibility`,
  `distribution` and `lifecycleState`. 201 answers with the new post's URN in `x-restli-id`; its
  public page is https://www.linkedin.com/feed/update/<urn>/.
- The commentary is in the "little" text format (.../shares/little-text-format): the characters
  `\\ | { } @ [ ] ( ) < > # * _ ~` are reserved and must be escaped with a backslash, else LinkedIn
  cuts the post at the first one. Links are left as written so they stay links.
- Errors are `{"status", "code", "message"}`; 401 a bad or expired token, 403 a missing permission,
  422 an invalid or duplicate post, 426 a LinkedIn-Version no longer served, 429 the daily limit
  (reset at midnight UTC, https://learn.microsoft.com/linkedin/shared/api-guide/concepts/rate-limits).
- test_connection: `GET /v2/userinfo` (Sign In with LinkedIn using OpenID Connect) names the member.

No threads: text over 3,000 characters is shortened at a sentence and ends with a link to the long
form. There is no idempotency key: a post whose answer never came is reported as possibly sent and
is not retried on its own.
"""

from __future__ import annotations

import re
import threading
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from composer.core.i18n import N_, _
from composer.core.lengths import linkedin_escape as escape_little
from composer.core.lengths import linkedin_length as commentary_length
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
    send_json,
    timeout_field,
    timeout_seconds,
)

LIMIT = 3000
DEFAULT_API = "https://api.linkedin.com"
DEFAULT_VERSION = "202610"  # LinkedIn serves each monthly version for about a year
DEFAULT_TIMEOUT = 20.0
VISIBILITIES = ("PUBLIC", "CONNECTIONS")
_AUTHOR = re.compile(r"urn:li:(?P<kind>person|organization):(?P<id>[A-Za-z0-9_-]+)")
_VERSION = re.compile(r"20[0-9]{2}(0[1-9]|1[0-2])")
_POST_URN = re.compile(r"urn:li:(share|ugcPost):[0-9]+")


def post_url(urn: str) -> str:
    return f"https://www.linkedin.com/feed/update/{urn}/"


@dataclass(frozen=True)
class _Settings:
    api: str
    author: str
    author_kind: str
    author_id: str
    version: str
    visibility: str
    timeout: float


class LinkedInPublisher:
    """Posts each update to a LinkedIn member's feed or an organization page."""

    id = "linkedin"
    display_name = "LinkedIn"
    api_version = API_VERSION
    account_fields = (
        AccountField(
            "access_token",
            N_("Access token"),
            secret=True,
            help=N_(
                "An OAuth 2.0 access token with w_member_social (a member) or w_organization_social (a "
                "page you administer); kept in the system keyring only"
            ),
        ),
        AccountField(
            "author",
            N_("Author"),
            help=N_("Who posts: urn:li:person:<id> for a member or urn:li:organization:<id> for a page"),
        ),
        AccountField(
            "visibility",
            N_("Visibility"),
            kind="choice",
            choices=VISIBILITIES,
            default="PUBLIC",
            required=False,
            help=N_("PUBLIC, or CONNECTIONS (members only)"),
        ),
        AccountField(
            "api_version",
            N_("LinkedIn-Version"),
            required=False,
            default=DEFAULT_VERSION,
            help=N_("The API version as YYYYMM; empty: the version this app was tested with"),
        ),
        AccountField(
            "api_url",
            N_("API address"),
            kind="url",
            required=False,
            default=DEFAULT_API,
            help=N_("Empty: https://api.linkedin.com"),
        ),
        timeout_field(DEFAULT_TIMEOUT, "LinkedIn"),
    )
    policy = TextPolicy(
        limit=LIMIT, counter=N_("characters (reserved characters count twice)"), measure=commentary_length
    )

    def render(self, update: PublishableUpdate) -> Post:
        parts = fit(
            source_text(update, "linkedin"),
            limit=LIMIT,
            length=commentary_length,
            thread=False,
            long_url=update.long_url,
        )
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
        token = bearer_token(credentials, "LinkedIn")
        text = post.text.strip()
        if not text:
            raise PublishError(_("There is nothing to post to LinkedIn: the text is empty."))
        if commentary_length(text) > LIMIT:
            raise TooLong(
                _("The post is {length} characters as LinkedIn counts them; it takes {limit}. Shorten it.").format(
                    length=commentary_length(text), limit=LIMIT
                )
            )
        body = {
            "author": settings.author,
            "commentary": escape_little(text),
            "visibility": settings.visibility,
            "distribution": {
                "feedDistribution": "MAIN_FEED",
                "targetEntities": [],
                "thirdPartyDistributionChannels": [],
            },
            "lifecycleState": "PUBLISHED",
            "isReshareDisabledByAuthor": False,
        }
        report(0.1, _("Posting"))
        if cancel is not None and cancel.is_set():
            raise Cancelled(_("Cancelled before posting to LinkedIn; nothing was sent."))
        response = _call("POST", "/rest/posts", settings, token, body)
        urn = response.headers.get("x-restli-id", "").strip()
        if not _POST_URN.fullmatch(urn):  # a success without the id: the post may well be out
            raise OutcomeUnknown(
                _(
                    "LinkedIn answered without the id of the new post, so it may or may not be on LinkedIn; "
                    "look at the feed before publishing again."
                )
            )
        report(1.0, _("Posted"))
        previous = post.meta.get("previous")
        previous_urn = str(previous.get("remote_id") or "") if isinstance(previous, dict) else ""
        return Receipt(
            account=account.name,
            channel=self.id,
            remote_id=urn,
            url=post_url(urn),
            published_at=datetime.now(UTC),
            meta={"post_urn": urn, "author": settings.author, "previous_post_urn": previous_urn},
        )

    def test_connection(self, account: Account, credentials: dict[str, str]) -> str:
        settings = _settings(account)
        try:
            response = _call("GET", "/v2/userinfo", settings, bearer_token(credentials, "LinkedIn"))
        except _NoPermission:
            # The token works but may not read the profile (no openid/profile scope): fine for posting.
            return _(
                "LinkedIn accepted the token; it may not read the profile (openid, profile scopes), so "
                "the author {author} could not be checked"
            ).format(author=settings.author)
        member = _json(response)
        if not isinstance(member.get("sub"), str):  # OpenID Connect's userinfo always names the member
            raise PublishError(
                _("{api} answered, but not with a LinkedIn member; check the API address.").format(api=settings.api)
            )
        name = " ".join(str(member.get("name") or "").split())[:100] or _("a LinkedIn member")
        note = ""
        if settings.author_kind == "person" and member.get("sub") and member.get("sub") != settings.author_id:
            note = _("; the author {author} is someone else: posts would be refused").format(author=settings.author)
        return _("Connected to LinkedIn as {name}{note}").format(name=name, note=note)


# --- settings ---------------------------------------------------------------------------------


def _settings(account: Account) -> _Settings:
    """The account's settings, checked; a PublishError names the first problem."""
    values = account.settings
    api = api_address(str(values.get("api_url") or ""), "LinkedIn", DEFAULT_API)
    author = str(values.get("author") or "").strip()
    match = _AUTHOR.fullmatch(author)
    if not match:
        raise PublishError(
            _(
                "The LinkedIn author “{author}” must be urn:li:person:<id> (a member) or "
                "urn:li:organization:<id> (a page)."
            ).format(author=author)
        )
    if match["kind"] == "organization" and not match["id"].isdigit():
        raise PublishError(
            _("The organization id in “{author}” must be a number, as in urn:li:organization:2414183.").format(
                author=author
            )
        )
    visibility = str(values.get("visibility") or "PUBLIC").strip().upper()
    if visibility not in VISIBILITIES:
        raise PublishError(
            _("Unknown LinkedIn visibility “{visibility}”: choose PUBLIC or CONNECTIONS.").format(visibility=visibility)
        )
    if visibility == "CONNECTIONS" and match["kind"] == "organization":
        raise PublishError(_("A page has no connections: choose PUBLIC visibility for an organization author."))
    version = str(values.get("api_version") or DEFAULT_VERSION).strip()
    if not _VERSION.fullmatch(version):
        raise PublishError(
            _("The LinkedIn-Version “{version}” must be a year and month as YYYYMM, e.g. {example}.").format(
                version=version, example=DEFAULT_VERSION
            )
        )
    timeout = timeout_seconds(str(values.get("timeout") or "").strip(), "LinkedIn", DEFAULT_TIMEOUT)
    return _Settings(
        api=api,
        author=author,
        author_kind=match["kind"],
        author_id=match["id"],
        version=version,
        visibility=visibility,
        timeout=timeout,
    )


# --- HTTP -------------------------------------------------------------------------------------


def _call(method: str, path: str, settings: _Settings, token: str, body: dict[str, Any] | None = None) -> Any:
    """One request to LinkedIn; the response when it succeeded, else a PublishError in plain words."""
    headers = {"LinkedIn-Version": settings.version, "X-Restli-Protocol-Version": "2.0.0"}
    return send_json(
        method,
        settings.api,
        path,
        token,
        body=body,
        timeout=settings.timeout,
        headers=headers,
        http_error=lambda answer: _http_error(answer, settings),
        unanswered=lambda error, writing: _unanswered(error, settings, writing=writing),
    )


def _json(response: Any) -> dict[str, Any]:
    try:
        data = response.json()
    except ValueError:
        return {}
    return data if isinstance(data, dict) else {}


def _unanswered(error: Exception, settings: _Settings, *, writing: bool) -> PublishError:
    """LinkedIn's words for what send_json leaves open: any failure after which the request may have arrived."""
    from composer.publishers.http_bounded import AnswerTooLarge, describe  # noqa: PLC0415

    if writing and isinstance(error, AnswerTooLarge):
        return OutcomeUnknown(
            _(
                "{api} sent {describe}, so the post may or may not be on LinkedIn. Look at the feed "
                "before publishing again."
            ).format(api=settings.api, describe=describe(error))
        )
    if writing:
        return maybe_posted(settings.api, settings.timeout, "LinkedIn", _("the feed"))
    if isinstance(error, AnswerTooLarge):
        return NetworkError(
            _("{api} sent {describe}; check the API address.").format(api=settings.api, describe=describe(error))
        )
    return NetworkError(
        _("{api} did not answer in time ({kind}); try again.").format(api=settings.api, kind=type(error).__name__)
    )


def _http_error(response: Any, settings: _Settings) -> PublishError:
    detail = " ".join(str(_json(response).get("message") or "").split())[:300]
    return http_error(
        response,
        channel="LinkedIn",
        api=settings.api,
        detail=detail,
        token_lifetime=_("LinkedIn tokens last 60 days"),
        invalid=(400, 409, 422),
        own=lambda answer, detail, said: _own_error(answer, detail, said, settings),
    )


class _NoPermission(AuthRejected):
    """LinkedIn's 403: the token is valid but lacks a permission (test_connection takes it as working)."""


def _own_error(response: Any, detail: str, said: str, settings: _Settings) -> PublishError | None:
    """LinkedIn's own error answers: a missing permission (403), an old API version, the daily limit, duplicates."""
    status = response.status_code
    if status == 403:
        who = (
            _("w_organization_social, and the member must administer the page")
            if settings.author_kind == "organization"
            else _("w_member_social, and be the author's own token")
        )
        return _NoPermission(
            _("LinkedIn does not let this token post as {author}{said}. The token needs {who}.").format(
                author=settings.author, said=said, who=who
            )
        )
    if status == 426 or str(_json(response).get("code") or "") == "NONEXISTENT_VERSION":
        return PublishError(
            _(
                "LinkedIn no longer serves API version {version}{said}; set a recent LinkedIn-Version "
                "(YYYYMM) in the account."
            ).format(version=settings.version, said=said)
        )
    if status == 429:
        retry_after = _retry_after(response)
        return RateLimited(
            _("LinkedIn says this account has reached its daily limit; try again in about {hours} hours.").format(
                hours=max(1, round(retry_after / 3600))
            ),
            retry_after=retry_after,
        )
    if status in (400, 409, 422) and "duplicate" in detail.lower():
        return Rejected(
            _(
                "LinkedIn refused the post because the same text was posted recently. If it is the "
                "update you meant, it is already on LinkedIn; otherwise change the text."
            )
        )
    return None


def _retry_after(response: Any) -> float:
    """Seconds to wait: `Retry-After` when given, else until the daily reset at midnight UTC."""
    after = retry_after_header(response)
    if after is not None:
        return after
    now = datetime.now(UTC)
    midnight = (now + timedelta(days=1)).replace(hour=0, minute=0, second=0, microsecond=0)
    return (midnight - now).total_seconds()


__all__ = ["LIMIT", "LinkedInPublisher", "commentary_length", "escape_little", "post_url"]
