# SPDX-License-Identifier: GPL-3.0-or-later
"""What a Mastodon server or the network answered, as publisher errors in plain words: refused
connections, unknown names, HTTP statuses (401/403 token, 404/410, 422 too long, 429 with when to
try again, 5xx). Used by mastodon.py; no message carries the token (mastodon.py scrubs them)."""

from __future__ import annotations

import re
import socket
from datetime import UTC, datetime
from typing import Any, Protocol

from composer.core.i18n import _
from composer.publishers.base import (
    AuthRejected,
    NetworkError,
    NotFound,
    PublishError,
    RateLimited,
    Rejected,
    TooLong,
)


class Instance(Protocol):
    """What the messages name: the instance's host and address."""

    @property
    def host(self) -> str: ...

    @property
    def base_url(self) -> str: ...


def cause(error: BaseException) -> BaseException:
    """The innermost error requests and urllib3 wrap (a refused connection, a name not found)."""
    seen: set[int] = set()
    while id(error) not in seen:
        seen.add(id(error))
        inner = getattr(error, "reason", None) or error.__cause__ or error.__context__
        if inner is None and error.args and isinstance(error.args[0], BaseException):
            inner = error.args[0]
        if not isinstance(inner, BaseException):
            break
        error = inner
    return error


def connection_error(error: Exception, settings: Instance, method: str) -> NetworkError:
    inner = cause(error)
    if isinstance(inner, ConnectionRefusedError):
        return NetworkError(
            _(
                "{host} refused the connection: no server is listening there. Check the "
                "instance address, or try again later."
            ).format(host=settings.host)
        )
    if isinstance(inner, socket.gaierror):
        return NetworkError(
            _("The server name {host} could not be found; check the instance address and the network.").format(
                host=settings.host
            )
        )
    after = _(" The post may have been made: publishing again within an hour is safe.") if method == "POST" else ""
    return NetworkError(
        _("The connection to {host} failed ({kind}).{after}").format(
            host=settings.host, kind=type(inner).__name__, after=after
        )
    )


def server_error(response: Any) -> str:
    try:
        data = response.json()
    except ValueError:
        data = None
    if isinstance(data, dict) and isinstance(data.get("error"), str):
        text = data["error"]
    else:
        text = response.text[:200] if "html" not in response.headers.get("Content-Type", "") else ""
    return " ".join(text.split()) or response.reason or str(response.status_code)


def retry_after(response: Any) -> float | None:
    """Seconds until the limit resets: `Retry-After`, else Mastodon's `X-RateLimit-Reset` timestamp."""
    value = response.headers.get("Retry-After", "").strip()
    if re.fullmatch(r"\d+(\.\d+)?", value):
        return float(value)
    reset = response.headers.get("X-RateLimit-Reset", "").strip()
    try:
        moment = datetime.fromisoformat(reset.replace("Z", "+00:00"))
    except ValueError:
        return None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return max(0.0, (moment - datetime.now(UTC)).total_seconds())


def http_error(response: Any, settings: Instance, path: str, part: tuple[int, int], reply_to: str) -> PublishError:
    status, host, said = response.status_code, settings.host, server_error(response)
    which = _("post {number} of {count}").format(number=part[0], count=part[1]) if part[1] > 1 else _("the post")
    if status == 401:
        return AuthRejected(
            _(
                "{host} refused the access token ({said}). Create a new one under Preferences → "
                "Development → New application with the scopes write:statuses and read:accounts, and "
                "enter it in the account."
            ).format(host=host, said=said)
        )
    if status == 403:
        return AuthRejected(
            _(
                "{host} did not allow this ({said}): the access token lacks a scope (write:statuses to "
                "post, read:accounts to test the connection) or the account is limited. Create a token "
                "with both scopes under Preferences → Development."
            ).format(host=host, said=said)
        )
    if status in (404, 410):
        if reply_to and path == "/api/v1/statuses":
            return NotFound(
                _(
                    "{host}: {said} This incident's thread continues from status {reply_to}, which seems to "
                    "have been deleted; publish the update from the outbox as a new post."
                ).format(host=host, said=said, reply_to=reply_to)
            )
        return NotFound(
            _("{host} has no {path} ({status} {said}); check that {base_url} is a Mastodon server.").format(
                host=host, path=path, status=status, said=said, base_url=settings.base_url
            )
        )
    if status == 422:
        if re.search(r"character limit|too long", said, re.IGNORECASE):
            return TooLong(
                _("{host} refused {which} as too long: {said}. Shorten the update.").format(
                    host=host, which=which, said=said
                )
            )
        return Rejected(_("{host} refused {which}: {said}").format(host=host, which=which, said=said))
    if status == 429:
        wait = retry_after(response)
        when = _(" Try again in {wait:.0f} seconds.").format(wait=wait) if wait is not None else _(" Try again later.")
        return RateLimited(
            _("{host} is limiting how often this account can post ({said}).{when}").format(
                host=host, said=said, when=when
            ),
            retry_after=wait,
        )
    if status >= 500:
        return NetworkError(
            _("{host} had a problem ({status} {said}). Try again later.").format(host=host, status=status, said=said)
        )
    return PublishError(
        _("{host} answered {status} to {path}: {said}").format(host=host, status=status, path=path, said=said)
    )
