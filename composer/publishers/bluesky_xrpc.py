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

from composer.core.i18n import N_, _
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

APP_PASSWORD_HELP = N_("Bluesky: Settings → Privacy and security → App passwords")


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
                _(
                    "{service} answered {status} but not with JSON, so the post may or may not have "
                    "arrived. Sending it again first looks for it and does not post twice."
                ).format(service=settings.service, status=response.status_code)
            )
        else:
            failure = PublishError(
                _("{service} answered {status} but not with JSON; check the server address.").format(
                    service=settings.service, status=response.status_code
                )
            )
        raise scrubbed(failure, *secrets)
    moved = redirected(
        response,
        settings.service,
        writing=method in WRITING_METHODS,
        advice=_("Enter the server's own address in the account."),
        look=_("sending it again first looks for it and does not post twice"),
    )
    raise scrubbed(moved or _http_error(response, settings, method, authenticated=bool(token)), *secrets)


def _network_error(error: Exception, settings: Settings, method: str) -> PublishError:
    import requests  # noqa: PLC0415

    from composer.publishers.http_bounded import AnswerTooLarge, describe  # noqa: PLC0415

    where = settings.service
    if method in WRITING_METHODS and may_have_arrived(error):
        return OutcomeUnknown(
            _(
                "{where} did not answer ({describe}), so the post may or may not have arrived. Sending "
                "it again first looks for it and does not post twice."
            ).format(where=where, describe=describe(error))
        )
    if isinstance(error, requests.exceptions.ConnectTimeout):
        return NetworkError(
            _(
                "{where} did not accept a connection within {timeout:g} seconds; check the server "
                "address and the network, and try again."
            ).format(where=where, timeout=settings.timeout)
        )
    if isinstance(error, AnswerTooLarge):
        return NetworkError(
            _("{where} sent {describe}; check the server address.").format(where=where, describe=describe(error))
        )
    if isinstance(error, requests.exceptions.ReadTimeout):
        return NetworkError(
            _("{where} did not answer within {timeout:g} seconds. Try again later.").format(
                where=where, timeout=settings.timeout
            )
        )
    if isinstance(error, requests.exceptions.SSLError):
        return NetworkError(
            _("The secure connection to {where} failed; check the server address and the network.").format(where=where)
        )
    if isinstance(error, requests.exceptions.ConnectionError):
        return NetworkError(
            _(
                "Could not connect to {where}: the server did not take the connection or it was lost. "
                "Check the server address and the network, and try again."
            ).format(where=where)
        )
    return NetworkError(_("Could not reach {where} ({kind}).").format(where=where, kind=type(error).__name__))


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
    said = _(" (the server said: {message})").format(message=message or name) if message or name else ""
    where = settings.service
    if method == "com.atproto.repo.getRecord" and status == 400 and name == "RecordNotFound":
        return RecordNotFound(message)
    if name in ("ExpiredToken", "InvalidToken") or (status == 401 and authenticated):
        return SessionEnded(message or name)
    if status == 401 or name == "AuthFactorTokenRequired":
        if name == "AccountTakedown":
            return AuthRejected(
                _("{where} says the account @{handle} has been taken down{said}.").format(
                    where=where, handle=settings.handle, said=said
                )
            )
        return AuthRejected(
            _(
                "{where} refused the handle @{handle} with this app password{said}. Check the handle, "
                "then create a new app password ({settings_path}) and enter it in the account."
            ).format(where=where, handle=settings.handle, said=said, settings_path=_(APP_PASSWORD_HELP))
        )
    if status == 429:
        retry_after = _retry_after(response)
        when = (
            _(" in about {minutes} minutes").format(minutes=max(1, round(retry_after / 60)))
            if retry_after is not None
            else _(" later")
        )
        return RateLimited(
            _("{where} says this account has made too many requests for now; try again{when}.").format(
                where=where, when=when
            ),
            retry_after=retry_after,
        )
    if status == 404 or name in ("MethodNotImplemented", "XRPCNotSupported"):
        return NotFound(
            _("{where} does not answer as a Bluesky server (no {method}); check the server address.").format(
                where=where, method=method
            )
        )
    if status in (400, 413) and method == "com.atproto.repo.createRecord":
        return Rejected(_("Bluesky refused the post{said}.").format(said=said))
    if status == 400 and name == "RepoNotFound":
        return NotFound(
            _("{where} has no repository for @{handle}{said}; check the server address.").format(
                where=where, handle=settings.handle, said=said
            )
        )
    if status >= 500:
        return NetworkError(
            _("{where} had a problem ({status}){said}; try again later.").format(where=where, status=status, said=said)
        )
    return PublishError(
        _("{where} answered {status} to {method}{said}.").format(where=where, status=status, method=method, said=said)
    )


def _retry_after(response: Any) -> float | None:
    reset = response.headers.get("ratelimit-reset", "").strip()
    if reset.isdigit():
        return max(0.0, float(reset) - time.time())
    after = response.headers.get("retry-after", "").strip()
    return float(after) if after.isdigit() else None
