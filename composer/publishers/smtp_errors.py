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
            f"{where}: the server refused the user name or password ({reply_text(error.smtp_code, error.smtp_error)})."
        )
    if isinstance(error, smtplib.SMTPRecipientsRefused):
        replies = "; ".join(
            f"{address}: {reply_text(code, reply)}" for address, (code, reply) in error.recipients.items()
        )
        return _rejected(f"{where} refused the recipients: {replies}", [code for code, _ in error.recipients.values()])
    if isinstance(error, smtplib.SMTPSenderRefused):
        return _rejected(
            f"{where} refused the sender {error.sender}: {reply_text(error.smtp_code, error.smtp_error)}",
            [error.smtp_code],
        )
    if isinstance(error, smtplib.SMTPDataError):
        return _rejected(
            f"{where} refused the message: {reply_text(error.smtp_code, error.smtp_error)}", [error.smtp_code]
        )
    if isinstance(error, smtplib.SMTPNotSupportedError):
        text = str(error)
        if "STARTTLS" in text.upper():
            return PublishError(
                f"{where} does not offer STARTTLS. If it is an implicit-TLS port (usually 465), choose security “tls”."
            )
        if "AUTH" in text.upper():
            return PublishError(
                f"{where} does not offer a login on this connection; leave the user name empty "
                "or check the security setting."
            )
        return PublishError(f"{where}: {text}")
    if isinstance(error, ReplyTooLong):
        return NetworkError(f"{where} {error}; check the host and the port.")
    if isinstance(error, smtplib.SMTPServerDisconnected):
        cause = error.__cause__ or error.__context__
        if isinstance(cause, OSError) and not isinstance(cause, smtplib.SMTPException):
            return _translate(cause, settings)  # smtplib wraps a timeout or a reset in "disconnected"
        return NetworkError(
            f"{where} closed the connection unexpectedly. Check the security setting "
            "(tls for port 465, starttls for 587) and try again."
        )
    if isinstance(error, smtplib.SMTPConnectError):
        return NetworkError(f"{where} refused the session: {reply_text(error.smtp_code, error.smtp_error)}")
    if isinstance(error, smtplib.SMTPResponseException):
        return _rejected(f"{where} answered {reply_text(error.smtp_code, error.smtp_error)}", [error.smtp_code])
    if isinstance(error, smtplib.SMTPException):
        return PublishError(f"{where}: {error}")
    if isinstance(error, ssl.SSLCertVerificationError):
        reason = error.verify_message or error.reason or "not trusted"
        return NetworkError(
            f"The certificate of {where} could not be verified ({reason}). If the server uses a certificate "
            "from a private certificate authority, set the ca_file option to that authority's PEM file."
        )
    if isinstance(error, ssl.SSLError):
        return NetworkError(
            f"The secure connection to {where} failed ({error.reason or error}). Check the "
            "security setting: port 465 usually needs tls, port 587 starttls."
        )
    if isinstance(error, socket.gaierror):
        return NetworkError(
            f"The mail server name {settings.host} could not be found ({error.strerror}); "
            "check the host name and the network."
        )
    if isinstance(error, ConnectionRefusedError):
        return NetworkError(
            f"{where} refused the connection: no mail server is listening there. Check the host and the port."
        )
    if isinstance(error, TimeoutError):
        return NetworkError(
            f"{where} did not answer within {settings.timeout:g} seconds. Check the host, "
            "the port and the security setting (tls for port 465, starttls for 587)."
        )
    if isinstance(error, ConnectionError):
        return NetworkError(f"The connection to {where} was lost ({error.strerror or error}).")
    return NetworkError(f"Could not reach {where} ({error.strerror or error}).")


def _rejected(message: str, codes: list[int]) -> Rejected:
    error = Rejected(message)
    # 4xx replies are temporary (a full mailbox, greylisting): a later retry may succeed.
    error.retryable = bool(codes) and all(400 <= code < 500 for code in codes)
    return error
