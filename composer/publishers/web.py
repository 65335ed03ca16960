# SPDX-License-Identifier: GPL-3.0-or-later
"""Small rules every network publisher shares: which hosts may go without TLS, timeouts and API
addresses as settings, and keeping secrets out of error messages whatever a server echoed.

Every HTTP request goes through `http_bounded.request`: a total deadline, a size limit, never a
redirect followed (`redirected` words one as an error).

For the JSON APIs behind an OAuth 2.0 bearer token (X, LinkedIn): the stored token, one request, and
its failures as the contract's errors. What is a channel's own (extra headers, its error bodies, its
rate-limit headers, its words for a post that may have arrived) comes in as arguments and callbacks.
"""

from __future__ import annotations

import ipaddress
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from typing import Any, TypeVar
from urllib.parse import urlsplit

from composer.core.i18n import N_, _
from composer.core.secrets import scrub_args
from composer.publishers.base import (
    AccountField,
    AuthRejected,
    NetworkError,
    NotFound,
    OutcomeUnknown,
    PublishError,
    Rejected,
)

E = TypeVar("E", bound=BaseException)

MAX_TIMEOUT = 600.0  # seconds; a longer wait is a typo, not a setting


def is_loopback(host: str) -> bool:
    """This computer: the only place a secret may travel without encryption."""
    if host.lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


# The built-in channels' timeout help, as `timeout_field` words it: marked here so the interface
# (which shows `_(field.help)`) finds them in the catalogue; a plugin's own stays in English.
TIMEOUT_HELP = (
    N_("How long to wait for the server at each request"),
    N_("How long to wait for the server at each step"),
    N_("How long to wait for LinkedIn at each request"),
    N_("How long to wait for X at each request"),
    N_("How long to wait for the site at each step"),
)


def timeout_field(default: float, waited_for: str, step: str = "request") -> AccountField:
    """The optional "timeout" setting every network channel has; read it with `timeout_seconds`."""
    return AccountField(
        "timeout",
        N_("Timeout (seconds)"),
        required=False,
        default=str(int(default)),
        help=f"How long to wait for {waited_for} at each {step}",
    )


def timeout_seconds(text: str, channel: str, default: float) -> float:
    """A timeout setting as seconds; empty means the default. A PublishError names a bad one."""
    text = text.strip()
    try:
        timeout = float(text) if text else default
    except ValueError:
        timeout = -1.0
    if not 0 < timeout <= MAX_TIMEOUT:
        raise PublishError(
            _("The {channel} timeout “{text}” is not a number of seconds (up to {largest:g}).").format(
                channel=channel, text=text, largest=MAX_TIMEOUT
            )
        )
    return timeout


def api_address(text: str, channel: str, default: str) -> str:
    """An API address setting without its trailing slash; empty means the default. A PublishError names a bad one."""
    api = (text or default).strip().rstrip("/")
    parts = urlsplit(api)
    if parts.scheme not in ("https", "http") or not parts.hostname or parts.query or parts.fragment:
        raise PublishError(
            _("The {channel} API address “{api}” is not a web address; leave it empty for {default}.").format(
                channel=channel, api=api, default=default
            )
        )
    if parts.scheme == "http" and not is_loopback(parts.hostname):
        raise PublishError(
            _("The {channel} API address “{api}” must use https (plain http only for this computer).").format(
                channel=channel, api=api
            )
        )
    return api


def scrubbed(error: E, *secrets: str, username: str = "") -> E:
    """The error with every secret, in every form it may be echoed, replaced by •••, on one line
    (a server's words may hold line breaks)."""
    scrub_args(error, *secrets, username=username)
    error.args = tuple(" ".join(arg.split()) if isinstance(arg, str) else arg for arg in error.args)
    return error


@contextmanager
def guarded(*secrets: str, username: str = "") -> Iterator[None]:
    """Every PublishError leaving the block without any secret and on one line, wherever it was raised."""
    try:
        yield
    except PublishError as error:
        scrubbed(error, *secrets, username=username)
        raise


def redirected(response: Any, where: str, *, writing: bool, advice: str, look: str = "") -> PublishError | None:
    """A redirect answer (3xx) as a one-line error naming where it pointed; None for any other.

    Redirects are never followed (the credentials stay with the account's own address). After a
    write the server may have carried it out before redirecting: OutcomeUnknown, `look` says where
    to check; else NotFound with `advice`."""
    from composer.publishers.http_bounded import redirect_target  # noqa: PLC0415

    target = redirect_target(response)
    if not target:
        return None
    said = _("{where} answered {status}, redirecting to {target}; not followed: nothing was sent there.").format(
        where=where, status=response.status_code, target=target
    )
    if writing:
        look = look or _("look before publishing again")
        return OutcomeUnknown(_("{said} The post may or may not have been made: {look}.").format(said=said, look=look))
    return NotFound(f"{said} {advice}")


# --- JSON APIs behind an OAuth 2.0 bearer token (X, LinkedIn) ---------------------------------


def bearer_token(credentials: dict[str, str], channel: str) -> str:
    """The stored OAuth 2.0 access token, checked to fit in an Authorization header."""
    token = (credentials.get("access_token") or "").strip()
    if not token:
        raise AuthRejected(
            _("No access token is stored for this {channel} account; enter it in the account.").format(channel=channel)
        )
    if any(character.isspace() or not character.isprintable() for character in token):
        raise AuthRejected(
            _("The stored {channel} access token contains spaces or line breaks; paste it again.").format(
                channel=channel
            )
        )
    return token


HttpError = Callable[[Any], PublishError]  # (response) -> the error it means
Unanswered = Callable[[Exception, bool], PublishError]  # (requests' error, whether it wrote) -> the error
OwnError = Callable[[Any, str, str], PublishError | None]  # (response, detail, " (X said: …)") -> error or None


def send_json(
    method: str,
    api: str,
    path: str,
    token: str,
    *,
    timeout: float,
    body: dict[str, Any] | None = None,
    headers: Mapping[str, str] | None = None,
    http_error: HttpError,
    unanswered: Unanswered,
) -> Any:
    """One request with a JSON body and `Authorization: Bearer`; the response when it succeeded (2xx).

    Otherwise raises a PublishError without the token in it: `http_error` words an error answer,
    `unanswered` a failure after which the request may have arrived; a connection that was never
    made (timeout, refused, TLS) is worded here, alike for every channel.
    """
    import requests  # noqa: PLC0415

    from composer.publishers import http_bounded  # noqa: PLC0415

    sent_headers = {
        "Authorization": f"Bearer {token}",
        **(headers or {}),
        "Accept": "application/json",
        "User-Agent": "IncidentComposer",
    }
    failure: PublishError | None = None
    response = None
    try:
        response = http_bounded.request(None, method, api + path, headers=sent_headers, json=body, timeout=timeout)
    except requests.exceptions.RequestException as error:
        failure = _connection_failure(error, api, timeout) or unanswered(error, method != "GET")
    if failure is not None:  # raised outside the except block: no chained exception holds the request
        raise scrubbed(failure, token)
    assert response is not None
    if 200 <= response.status_code < 300:
        return response
    moved = redirected(response, api, writing=method in WRITES, advice=_("check the API address."))
    raise scrubbed(moved or http_error(response), token)


def _connection_failure(error: Exception, where: str, timeout: float) -> PublishError | None:
    """A connection not made in time, refused, or without TLS; None for a request that may have arrived."""
    import requests  # noqa: PLC0415
    from urllib3.exceptions import MaxRetryError, NewConnectionError  # noqa: PLC0415

    if isinstance(error, requests.exceptions.ConnectTimeout):
        return NetworkError(
            _(
                "{where} did not accept a connection within {timeout:g} seconds; nothing was sent. Check "
                "the network and try again."
            ).format(where=where, timeout=timeout)
        )
    if isinstance(error, requests.exceptions.SSLError):
        return NetworkError(
            _("The secure connection to {where} failed; check the API address and the network.").format(where=where)
        )
    cause = error.args[0] if error.args else None
    if isinstance(cause, MaxRetryError) and isinstance(cause.reason, NewConnectionError):
        return NetworkError(
            _("{where} refused the connection; nothing was sent. Check the API address and the network.").format(
                where=where
            )
        )
    return None


WRITES = frozenset({"POST", "PUT", "PATCH", "DELETE"})


def may_have_arrived(error: Exception) -> bool:
    """Whether a request that failed with `error` (from requests) may still have reached the server:
    False only when no connection was made (refused, name not found, connect timeout, TLS handshake);
    a read timeout or a connection lost after sending may hide a request the server carried out."""
    import socket  # noqa: PLC0415

    import requests  # noqa: PLC0415
    from urllib3.exceptions import ConnectTimeoutError, NameResolutionError, NewConnectionError  # noqa: PLC0415

    if isinstance(error, (requests.exceptions.ConnectTimeout, requests.exceptions.SSLError)):
        return False
    seen: set[int] = set()
    cause: BaseException | None = error
    while cause is not None and id(cause) not in seen:  # the innermost reason requests and urllib3 wrap
        seen.add(id(cause))
        if isinstance(
            cause,
            (NewConnectionError, NameResolutionError, ConnectTimeoutError, ConnectionRefusedError, socket.gaierror),
        ):
            return False
        inner = getattr(cause, "reason", None) or cause.__cause__ or cause.__context__
        if inner is None and cause.args and isinstance(cause.args[0], BaseException):
            inner = cause.args[0]
        cause = inner if isinstance(inner, BaseException) else None
    return True


def maybe_posted(where: str, timeout: float, channel: str, look_at: str) -> OutcomeUnknown:
    """A post sent without an answer, to a channel without idempotency keys: never resent on its own."""
    return OutcomeUnknown(
        _(
            "{where} did not answer within {timeout:g} seconds, so the post may or may not be on "
            "{channel}. {channel} cannot be asked whether it arrived: look at {look_at} before "
            "publishing again."
        ).format(where=where, timeout=timeout, channel=channel, look_at=look_at)
    )


def http_error(
    response: Any,
    *,
    channel: str,
    api: str,
    detail: str,
    token_lifetime: str,
    own: OwnError | None = None,
    invalid: tuple[int, ...] = (400, 422),
) -> PublishError:
    """An error answer as the contract's error: a refused token (401), then `own`, then what is common.

    `detail` is the server's own words from the answer's body; `token_lifetime` completes "It may have
    expired (…)"; `invalid` are the statuses that mean the post was refused as invalid.
    """
    status = response.status_code
    said = _(" ({channel} said: {detail})").format(channel=channel, detail=detail) if detail else ""
    if status == 401:
        return AuthRejected(
            _(
                "{channel} refused the access token{said}. It may have expired ({token_lifetime}) or "
                "been revoked: enter a new one in the account."
            ).format(channel=channel, said=said, token_lifetime=token_lifetime)
        )
    specific = own(response, detail, said) if own is not None else None
    if specific is not None:
        return specific
    if status == 404:
        return NotFound(
            _("{api} has no {channel} API at {path}; check the API address.").format(
                api=api, channel=channel, path=response.request.path_url
            )
        )
    if status in invalid:
        return Rejected(_("{channel} refused the post as invalid{said}.").format(channel=channel, said=said))
    if status >= 500:
        return NetworkError(
            _("{channel} had a problem ({status}){said}; try again later.").format(
                channel=channel, status=status, said=said
            )
        )
    return PublishError(_("{channel} answered {status}{said}.").format(channel=channel, status=status, said=said))


def retry_after_header(response: Any) -> float | None:
    """Seconds from a response's `Retry-After` header; None without a readable one."""
    return retry_after_seconds(response.headers.get("retry-after", ""))


def retry_after_seconds(value: str) -> float | None:
    """Seconds from a Retry-After value: a number of seconds or an HTTP date (RFC 9110)."""
    from datetime import UTC, datetime  # noqa: PLC0415
    from email.utils import parsedate_to_datetime  # noqa: PLC0415

    value = value.strip()
    try:
        return max(0.0, float(value))
    except ValueError:
        pass
    try:
        return max(0.0, (parsedate_to_datetime(value) - datetime.now(UTC)).total_seconds())
    except (TypeError, ValueError, IndexError):
        return None
