# SPDX-License-Identifier: GPL-3.0-or-later
"""Talking to a Bluesky PDS: one XRPC request, its errors in plain words, never a secret.

Errors are `{"error": name, "message": text}`; an expired or refused access token is
`SessionEnded` (the publisher renews the session and tries once more); a record key that does
not exist is `RecordNotFound`; 429 carries `RateLimit-Reset` (a Unix time) and `Retry-After`.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from typing import Any

from composer.publishers.base import (
    AuthRejected,
    NetworkError,
    NotFound,
    OutcomeUnknown,
    PublishError,
    RateLimited,
    Rejected,
)
from composer.publishers.web import may_have_arrived, redirected, scrubbed

# XRPC procedures that write: a failure after sending may hide a write the server carried out.
WRITING_METHODS = frozenset(
    {"com.atproto.repo.createRecord", "com.atproto.repo.putRecord", "com.atproto.repo.applyWrites"}
)

APP_PASSWORD_HELP = "Bluesky: Settings → Privacy and security → App passwords"


@dataclass(frozen=True)
class Settings:
    """A Bluesky account's settings, checked. Holds no secret."""

    service: str
    handle: str
    timeout: float


class SessionEnded(PublishError):
    """The access token expired or was refused: renew the session and try once more."""


class RecordNotFound(PublishError):
    """`getRecord` found no record under that key."""


def xrpc(
    settings: Settings,
    verb: str,
    method: str,
    *,
    token: str = "",
    params: dict[str, str] | None = None,
    body: dict[str, Any] | None = None,
    secrets: tuple[str, ...] = (),
) -> Any:
    """One XRPC request; the decoded JSON answer, or a PublishError in plain words without any secret."""
    import requests  # noqa: PLC0415

    from composer.publishers import http_bounded  # noqa: PLC0415

    headers = {"Accept": "application/json", "User-Agent": "IncidentComposer"}
    if token:
        headers["Authorization"] = f"Bearer {token}"
    failure: PublishError | None = None
    response = None
    try:
        response = http_bounded.request(
            None,
            verb,
            f"{settings.service}/xrpc/{method}",
            headers=headers,
            params=params,
            json=body,
            timeout=settings.timeout,
        )
    except requests.exceptions.RequestException as error:
        failure = _network_error(error, settings, method)
    if failure is not None:  # raised outside the except block: no chained exception holds the request
        raise scrubbed(failure, *secrets)
    assert response is not None
    if 200 <= response.status_code < 300:
        try:
            return response.json() if response.content else {}
        except ValueError:
            pass
        if method in WRITING_METHODS:  # written all the same, perhaps
            failure = OutcomeUnknown(
                f"{settings.service} answered {response.status_code} but not with JSON, so the post may or may "
                "not have arrived. Sending it again first looks for it and does not post twice."
            )
        else:
            failure = PublishError(
                f"{settings.service} answered {response.status_code} but not with JSON; check the server address."
            )
        raise scrubbed(failure, *secrets)
    moved = redirected(
        response,
        settings.service,
        writing=method in WRITING_METHODS,
        advice="Enter the server's own address in the account.",
        look="sending it again first looks for it and does not post twice",
    )
    raise scrubbed(moved or _http_error(response, settings, method, authenticated=bool(token)), *secrets)


def _network_error(error: Exception, settings: Settings, method: str) -> PublishError:
    import requests  # noqa: PLC0415

    from composer.publishers.http_bounded import AnswerTooLarge, describe  # noqa: PLC0415

    where = settings.service
    if method in WRITING_METHODS and may_have_arrived(error):
        return OutcomeUnknown(
            f"{where} did not answer ({describe(error)}), so the post may or may not have arrived. "
            "Sending it again first looks for it and does not post twice."
        )
    if isinstance(error, requests.exceptions.ConnectTimeout):
        return NetworkError(
            f"{where} did not accept a connection within {settings.timeout:g} seconds; check the "
            "server address and the network, and try again."
        )
    if isinstance(error, AnswerTooLarge):
        return NetworkError(f"{where} sent {describe(error)}; check the server address.")
    if isinstance(error, requests.exceptions.ReadTimeout):
        return NetworkError(f"{where} did not answer within {settings.timeout:g} seconds. Try again later.")
    if isinstance(error, requests.exceptions.SSLError):
        return NetworkError(f"The secure connection to {where} failed; check the server address and the network.")
    if isinstance(error, requests.exceptions.ConnectionError):
        return NetworkError(
            f"Could not connect to {where}: the server did not take the connection or it was "
            "lost. Check the server address and the network, and try again."
        )
    return NetworkError(f"Could not reach {where} ({type(error).__name__}).")


def _said(response: Any) -> tuple[str, str]:
    """The XRPC error name and message of an error answer."""
    try:
        data = response.json()
    except ValueError:
        return "", " ".join(response.text.split())[:200]
    if not isinstance(data, dict):
        return "", ""
    return " ".join(str(data.get("error") or "").split())[:100], " ".join(str(data.get("message") or "").split())[:500]


def _http_error(response: Any, settings: Settings, method: str, *, authenticated: bool) -> PublishError:
    status = response.status_code
    name, message = _said(response)
    said = f" (the server said: {message or name})" if message or name else ""
    where = settings.service
    if method == "com.atproto.repo.getRecord" and status == 400 and name == "RecordNotFound":
        return RecordNotFound(message)
    if name in ("ExpiredToken", "InvalidToken") or (status == 401 and authenticated):
        return SessionEnded(message or name)
    if status == 401 or name == "AuthFactorTokenRequired":
        if name == "AccountTakedown":
            return AuthRejected(f"{where} says the account @{settings.handle} has been taken down{said}.")
        return AuthRejected(
            f"{where} refused the handle @{settings.handle} with this app password{said}. Check the handle, then "
            f"create a new app password ({APP_PASSWORD_HELP}) and enter it in the account."
        )
    if status == 429:
        retry_after = _retry_after(response)
        when = f" in about {max(1, round(retry_after / 60))} minutes" if retry_after is not None else " later"
        return RateLimited(
            f"{where} says this account has made too many requests for now; try again{when}.", retry_after=retry_after
        )
    if status == 404 or name in ("MethodNotImplemented", "XRPCNotSupported"):
        return NotFound(f"{where} does not answer as a Bluesky server (no {method}); check the server address.")
    if status in (400, 413) and method == "com.atproto.repo.createRecord":
        return Rejected(f"Bluesky refused the post{said}.")
    if status == 400 and name == "RepoNotFound":
        return NotFound(f"{where} has no repository for @{settings.handle}{said}; check the server address.")
    if status >= 500:
        return NetworkError(f"{where} had a problem ({status}){said}; try again later.")
    return PublishError(f"{where} answered {status} to {method}{said}.")


def _retry_after(response: Any) -> float | None:
    reset = response.headers.get("ratelimit-reset", "").strip()
    if reset.isdigit():
        return max(0.0, float(reset) - time.time())
    after = response.headers.get("retry-after", "").strip()
    return float(after) if after.isdigit() else None
