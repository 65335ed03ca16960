# SPDX-License-Identifier: GPL-3.0-or-later
"""What smtplib, ssl and socket raise, as the publisher errors in plain words (the email publisher's
and the outreach's sends): who refused what, whether a retry may help (4xx), where to look."""

from __future__ import annotations

import smtplib
import socket
import ssl
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Protocol

from composer.core.i18n import _
from composer.core.secrets import scrub
from composer.publishers.base import AuthRejected, NetworkError, PublishError, Rejected
from composer.publishers.smtp_bounded import ReplyTooLong


class Where(Protocol):
    """What the messages name: the server (`where`: "smtp.example.net:587"), its host, the
    timeout, and the user name (scrubbed from every message with the password)."""

    @property
    def where(self) -> str: ...
    @property
    def host(self) -> str: ...
    @property
    def timeout(self) -> float: ...
    @property
    def username(self) -> str: ...


def reply_text(code: int, reply: bytes | str) -> str:
    text = reply.decode("utf-8", "replace") if isinstance(reply, bytes) else str(reply)
    return f"{code} {' '.join(text.split())}".strip()


@contextmanager
def translated(settings: Where, password: str) -> Iterator[None]:
    """Turn what smtplib, ssl and socket raise into the publisher errors, with plain words."""
    try:
        yield
    except PublishError:
        raise  # ours already, in plain words
    except (OSError, smtplib.SMTPException) as error:
        translated = _translate(error, settings)
        translated.args = (" ".join(scrub(str(translated), password, username=settings.username).split()),)
        raise translated from None


def _translate(error: OSError, settings: Where) -> PublishError:
    where = settings.where
    if isinstance(error, smtplib.SMTPAuthenticationError):
        return AuthRejected(
            _("{where}: the server refused the user name or password ({reply}).").format(
                where=where, reply=reply_text(error.smtp_code, error.smtp_error)
            )
        )
    if isinstance(error, smtplib.SMTPRecipientsRefused):
        replies = "; ".join(
            f"{address}: {reply_text(code, reply)}" for address, (code, reply) in error.recipients.items()
        )
        return _rejected(
            _("{where} refused the recipients: {replies}").format(where=where, replies=replies),
            [code for code, _ in error.recipients.values()],
        )
    if isinstance(error, smtplib.SMTPSenderRefused):
        return _rejected(
            _("{where} refused the sender {sender}: {reply}").format(
                where=where, sender=error.sender, reply=reply_text(error.smtp_code, error.smtp_error)
            ),
            [error.smtp_code],
        )
    if isinstance(error, smtplib.SMTPDataError):
        return _rejected(
            _("{where} refused the message: {reply}").format(
                where=where, reply=reply_text(error.smtp_code, error.smtp_error)
            ),
            [error.smtp_code],
        )
    if isinstance(error, smtplib.SMTPNotSupportedError):
        text = str(error)
        if "STARTTLS" in text.upper():
            return PublishError(
                _(
                    "{where} does not offer STARTTLS. If it is an implicit-TLS port (usually 465), choose "
                    "security “tls”."
                ).format(where=where)
            )
        if "AUTH" in text.upper():
            return PublishError(
                _(
                    "{where} does not offer a login on this connection; leave the user name empty or check "
                    "the security setting."
                ).format(where=where)
            )
        return PublishError(f"{where}: {text}")
    if isinstance(error, ReplyTooLong):
        return NetworkError(_("{where} {error}; check the host and the port.").format(where=where, error=error))
    if isinstance(error, smtplib.SMTPServerDisconnected):
        cause = error.__cause__ or error.__context__
        if isinstance(cause, OSError) and not isinstance(cause, smtplib.SMTPException):
            return _translate(cause, settings)  # smtplib wraps a timeout or a reset in "disconnected"
        return NetworkError(
            _(
                "{where} closed the connection unexpectedly. Check the security setting (tls for port "
                "465, starttls for 587) and try again."
            ).format(where=where)
        )
    if isinstance(error, smtplib.SMTPConnectError):
        return NetworkError(
            _("{where} refused the session: {reply}").format(
                where=where, reply=reply_text(error.smtp_code, error.smtp_error)
            )
        )
    if isinstance(error, smtplib.SMTPResponseException):
        return _rejected(
            _("{where} answered {reply}").format(where=where, reply=reply_text(error.smtp_code, error.smtp_error)),
            [error.smtp_code],
        )
    if isinstance(error, smtplib.SMTPException):
        return PublishError(f"{where}: {error}")
    if isinstance(error, ssl.SSLCertVerificationError):
        reason = error.verify_message or error.reason or _("not trusted")
        return NetworkError(
            _(
                "The certificate of {where} could not be verified ({reason}). If the server uses a "
                "certificate from a private certificate authority, set the ca_file option to that "
                "authority's PEM file."
            ).format(where=where, reason=reason)
        )
    if isinstance(error, ssl.SSLError):
        return NetworkError(
            _(
                "The secure connection to {where} failed ({reason}). Check the security setting: port "
                "465 usually needs tls, port 587 starttls."
            ).format(where=where, reason=error.reason or error)
        )
    if isinstance(error, socket.gaierror):
        return NetworkError(
            _("The mail server name {host} could not be found ({reason}); check the host name and the network.").format(
                host=settings.host, reason=error.strerror
            )
        )
    if isinstance(error, ConnectionRefusedError):
        return NetworkError(
            _("{where} refused the connection: no mail server is listening there. Check the host and the port.").format(
                where=where
            )
        )
    if isinstance(error, TimeoutError):
        return NetworkError(
            _(
                "{where} did not answer within {timeout:g} seconds. Check the host, the port and the "
                "security setting (tls for port 465, starttls for 587)."
            ).format(where=where, timeout=settings.timeout)
        )
    if isinstance(error, ConnectionError):
        return NetworkError(
            _("The connection to {where} was lost ({reason}).").format(where=where, reason=error.strerror or error)
        )
    return NetworkError(_("Could not reach {where} ({reason}).").format(where=where, reason=error.strerror or error))


def _rejected(message: str, codes: list[int]) -> Rejected:
    error = Rejected(message)
    # 4xx replies are temporary (a full mailbox, greylisting): a later retry may succeed.
    error.retryable = bool(codes) and all(400 <= code < 500 for code in codes)
    return error
