# SPDX-License-Identifier: GPL-3.0-or-later
"""Can this computer reach an account's server now? A light probe: one TCP connection.

Used to tell the user "offline" and to send what waits as soon as a server answers again. It
never stops a send: a proxy or a firewall may make a probe fail while posting works, so
sending is governed by the outbox's own tries; a probe only wakes the queue early.
"""

from __future__ import annotations

import socket
from typing import Protocol, runtime_checkable
from urllib.parse import urlsplit

from composer.publishers.base import Account, Publisher

Address = tuple[str, int]
DEFAULT_PORTS = {"https": 443, "http": 80}


@runtime_checkable
class HasProbeAddress(Protocol):
    """The optional hook: a publisher that knows where its server listens better than its settings say."""

    def probe_address(self, account: Account) -> Address | None: ...


def address(publisher: Publisher, account: Account) -> Address | None:
    """Where `account`'s server listens: the publisher's own answer, else its first web address
    setting (or that setting's default); None when it cannot be told."""
    if isinstance(publisher, HasProbeAddress):
        try:
            return publisher.probe_address(account)
        except Exception:
            return None
    for field in publisher.account_fields:
        if field.kind != "url":
            continue
        parts = urlsplit(str(account.settings.get(field.name) or field.default or "").strip())
        if parts.hostname and parts.scheme in DEFAULT_PORTS:
            try:
                port = parts.port or DEFAULT_PORTS[parts.scheme]
            except ValueError:
                return None
            return parts.hostname, port
    return None


def reachable(where: Address, timeout: float = 3.0) -> bool:
    """Whether a TCP connection to `where` opens within `timeout` seconds."""
    try:
        with socket.create_connection(where, timeout=timeout):
            return True
    except OSError:
        return False
