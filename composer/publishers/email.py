# SPDX-License-Identifier: GPL-3.0-or-later
"""Email over SMTP: one text-and-HTML message per update, threaded per incident.

Threading: every update gets a Message-ID made from the incident id, the update id and the
sender's domain, so a retry sends the same id. The first update of an incident carries the
incident's root id (`<incident-12@example.net>`); later ones carry their own id and point
`In-Reply-To`/`References` at the root, so mail clients keep one thread per incident.

A personal message (API 2: a post with a `recipient`) goes to that customer alone, with its own
Message-ID, the signer's own address to reply to and no List-Unsubscribe: see email_personal.py.

Secrets: the password is only ever handed to smtplib. Every message raised from here passes
through `_scrub`, and no object kept here holds the password.
"""

from __future__ import annotations

import base64
import re
import smtplib
import socket
import ssl
import threading
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from email.headerregistry import Address
from email.message import EmailMessage
from email.utils import format_datetime
from html import escape
from pathlib import Path

from composer.core.i18n import N_, _, ngettext
from composer.core.subjects import correction_subject
from composer.publishers.base import (
    API_VERSION,
    Account,
    AccountField,
    Cancelled,
    OutcomeUnknown,
    Post,
    PublishableUpdate,
    PublishError,
    Receipt,
    Report,
    TextPolicy,
    no_report,
)
from composer.publishers.email_addresses import addresses, unsubscribe_link
from composer.publishers.email_personal import personal_headers
from composer.publishers.smtp_bounded import BoundedSMTP, BoundedSMTPSSL
from composer.publishers.smtp_errors import reply_text as _reply
from composer.publishers.smtp_errors import translated as _translated
from composer.publishers.web import is_loopback, timeout_field, timeout_seconds

SECURITY_CHOICES = ("starttls", "tls", "none")
DEFAULT_PORTS = {"starttls": 587, "tls": 465, "none": 25}
SECURITY_NAMES = {"starttls": "STARTTLS", "tls": "TLS", "none": N_("no encryption")}
DEFAULT_TIMEOUT = 20.0
_LANGUAGE_TAG = re.compile(r"[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*")
_FORBIDDEN_IN_SETTINGS = ("\r", "\n", "\0")


def root_message_id(incident_id: int, domain: str) -> str:
    """The Message-ID of an incident's first email; later updates reply to it."""
    return f"<incident-{int(incident_id)}@{domain}>"


def update_message_id(incident_id: int, update_id: int, domain: str, first_of_incident: bool) -> str:
    """The stable Message-ID of one update: the root id for the first, its own id after."""
    if first_of_incident:
        return root_message_id(incident_id, domain)
    return f"<incident-{int(incident_id)}.update-{int(update_id)}@{domain}>"


_TO_HELP = N_("Who gets published updates (a list's address), comma-separated; empty: only customers one by one")


@dataclass(frozen=True)
class _Settings:
    """An email account's settings, checked. Holds no secret."""

    host: str
    port: int
    security: str
    username: str
    sender: Address
    sender_domain: str  # ASCII (IDNA) form, for Message-IDs
    to: tuple[Address, ...]
    bcc: tuple[Address, ...]
    ca_file: str
    list_unsubscribe: str
    timeout: float

    @property
    def where(self) -> str:
        host = f"[{self.host}]" if ":" in self.host else self.host
        return f"{host}:{self.port}"

    @property
    def recipients(self) -> list[str]:
        """Envelope recipients: To then Bcc, each once."""
        seen: set[str] = set()
        result = []
        for address in (*self.to, *self.bcc):
            if address.addr_spec.lower() not in seen:
                seen.add(address.addr_spec.lower())
                result.append(address.addr_spec)
        return result


TEXT_KEY = "email"  # the email's own text in `PublishableUpdate.texts` (composer.core.outgoing.EMAIL)


class EmailPublisher:
    """Sends each update as one email (text and HTML) through the account's SMTP server."""

    id = "email"
    display_name = N_("Email (SMTP)")
    api_version = API_VERSION
    personal_messages = True  # a post with a recipient goes to that customer alone
    account_fields = (
        AccountField(
            "host", N_("SMTP server"), kind="host", help=N_("The outgoing mail server, e.g. smtp.example.net")
        ),
        AccountField(
            "security",
            N_("Security"),
            kind="choice",
            choices=SECURITY_CHOICES,
            default="starttls",
            help=N_("starttls (usually port 587) or tls (usually port 465); none only for a server on this computer"),
        ),
        AccountField(
            "port",
            N_("Port"),
            kind="port",
            required=False,
            help=N_("Empty: 587 for starttls, 465 for tls, 25 for none"),
        ),
        AccountField("username", N_("User name"), required=False, help=N_("Empty if the server needs no login")),
        AccountField(
            "password",
            N_("Password"),
            secret=True,
            required=False,
            help=N_("Needed with a user name; kept in the system keyring only"),
        ),
        AccountField("from", N_("From"), kind="email", help=N_("The sender, e.g. Example Status <status@example.net>")),
        AccountField("to", N_("To"), kind="emails", required=False, help=_TO_HELP),
        AccountField(
            "bcc",
            N_("Bcc"),
            kind="emails",
            required=False,
            help=N_("Hidden recipients, separated by commas; no recipient sees them"),
        ),
        AccountField(
            "ca_file",
            N_("CA certificates"),
            kind="path",
            required=False,
            help=N_("A PEM file with the certificate authority of a server with a private certificate"),
        ),
        AccountField(
            "list_unsubscribe",
            N_("Unsubscribe link"),
            kind="url",
            required=False,
            help=N_("For subscriber lists: an https URL or a mailto: address (List-Unsubscribe)"),
        ),
        timeout_field(DEFAULT_TIMEOUT, "the server", "step"),
    )
    policy = TextPolicy(limit=None, formats=("text", "html"))

    def render(self, update: PublishableUpdate) -> Post:
        """One email: its own text when the update has one (a template's "Hello, …"), else the
        update's; the plain-text part reads as plain text (no Markdown), the HTML part is rendered."""
        from composer.core.social_text import plain_text  # noqa: PLC0415
        from composer.core.templates.render import markdown_to_html  # noqa: PLC0415

        subject = " ".join((update.subject or f"{update.title}").split())
        source = (update.texts or {}).get(TEXT_KEY, "").strip() or update.body
        return Post(
            channel=self.id,
            parts=[plain_text(source, keep_lines=True) + "\n"],
            subject=subject,
            html=markdown_to_html(source),
            meta={
                "incident_id": update.incident_id,
                "update_id": update.update_id,
                "first_of_incident": update.first_of_incident,
                "language": update.language,
            },
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
        settings = _settings(account, needs_to=post.recipient is None)
        password = _password(settings, credentials)
        message, message_id, root_id = _compose(post, settings, datetime.now(UTC))
        recipients = [message["To"].addresses[0].addr_spec] if post.recipient is not None else settings.recipients
        if cancel is not None and cancel.is_set():
            raise Cancelled(_("Cancelled before connecting to the mail server; nothing was sent."))
        with _translated(settings, password):
            client = _open(settings, password, report)
            try:
                if cancel is not None and cancel.is_set():
                    raise Cancelled(_("Cancelled before sending; nothing was sent."))
                report(
                    0.6,
                    ngettext("Sending to {count} recipient", "Sending to {count} recipients", len(recipients)).format(
                        count=len(recipients)
                    ),
                )
                handed_over = _watch_hand_over(client)
                try:
                    refused = client.send_message(message, from_addr=settings.sender.addr_spec, to_addrs=recipients)
                except OSError as error:  # smtplib's errors are OSErrors too
                    if handed_over() and not isinstance(error, smtplib.SMTPResponseException):
                        # The whole message reached the server; its answer did not come back.
                        raise OutcomeUnknown(
                            _(
                                "{where} took the whole message but its answer never came ({kind}): the email may or "
                                "may not have gone out. Look in a recipient's mailbox, or ask one, before sending it "
                                "again."
                            ).format(where=settings.where, kind=type(error).__name__)
                        ) from None
                    raise
            finally:
                _close(client)
        report(1.0, _("Sent"))
        refused_text = {address: _reply(code, reply) for address, (code, reply) in refused.items()}
        return Receipt(
            account=account.name,
            channel=self.id,
            remote_id=message_id,
            url="",
            published_at=datetime.now(UTC),
            meta={
                "message_id": message_id,
                "root_message_id": root_id,
                "server": settings.where,
                "accepted": [address for address in recipients if address not in refused],
                "refused": refused_text,
            },
        )

    def validate_settings(self, settings: dict[str, str]) -> None:
        """Raise ValueError naming the first setting that cannot work (before it is saved)."""
        try:
            _settings(Account("(new)", self.id, dict(settings)), needs_to=False)
        except PublishError as error:
            raise ValueError(str(error)) from None

    def probe_address(self, account: Account) -> tuple[str, int]:
        """Where the account's SMTP server listens (for the reachability probe)."""
        settings = _settings(account, needs_to=False)
        return settings.host, settings.port

    def test_connection(self, account: Account, credentials: dict[str, str]) -> str:
        settings = _settings(account, needs_to=False)
        password = _password(settings, credentials)
        with _translated(settings, password):
            client = _open(settings, password, no_report)
            try:
                code, reply = client.noop()
                if code != 250:
                    raise smtplib.SMTPResponseException(code, reply)
            finally:
                _close(client)
        security = _(SECURITY_NAMES[settings.security])
        if settings.username:
            return _("Connected to {where} as {user} ({security})").format(
                where=settings.where, user=settings.username, security=security
            )
        return _("Connected to {where} without logging in ({security})").format(where=settings.where, security=security)


# --- settings ---------------------------------------------------------------------------------


def _text(account: Account, name: str) -> str:
    value = str(account.settings.get(name) or "").strip()
    if any(character in value for character in _FORBIDDEN_IN_SETTINGS):
        raise PublishError(
            _("The email account's `{name}` setting contains a line break; remove it.").format(name=name)
        )
    return value


def _settings(account: Account, *, needs_to: bool = True) -> _Settings:
    """The account's settings, checked; a PublishError names the first problem. `needs_to`: an
    update to publish needs the account's To; a personal message, a test or the form does not."""
    host = _text(account, "host").removeprefix("[").removesuffix("]")
    if not host:
        raise PublishError(_("The email account has no SMTP server (host) set."))
    if "/" in host or " " in host:
        raise PublishError(
            _(
                "The SMTP server “{host}” is not a host name; write only the name, e.g. "
                "smtp.example.net, and the port in its own field."
            ).format(host=host)
        )
    security = (_text(account, "security") or "starttls").lower()
    if security not in SECURITY_CHOICES:
        raise PublishError(
            _("Unknown security “{security}” for email: choose starttls, tls or none.").format(security=security)
        )
    if security == "none" and not is_loopback(host):
        raise PublishError(
            _(
                "Security “none” would send the password and the message unencrypted to {host}; it is "
                "allowed only for a server on this computer (localhost, 127.0.0.1, ::1). Choose starttls "
                "or tls."
            ).format(host=host)
        )
    port_text = _text(account, "port")
    try:
        port = int(port_text) if port_text else DEFAULT_PORTS[security]
    except ValueError:
        port = 0
    if not 0 < port < 65536:
        raise PublishError(
            _("The SMTP port “{port_text}” is not a port number (1 to 65535).").format(port_text=port_text)
        )
    timeout = timeout_seconds(_text(account, "timeout"), "email", DEFAULT_TIMEOUT)
    ca_file = _text(account, "ca_file")
    if ca_file and not Path(ca_file).expanduser().is_file():
        raise PublishError(
            _("The CA certificates file {ca_file} (ca_file) does not exist or is not a file.").format(ca_file=ca_file)
        )
    senders = addresses(_text(account, "from"), N_("From"))
    if len(senders) != 1:
        raise PublishError(_("The email account needs exactly one sender address (From)."))
    sender, sender_domain = senders[0]
    to = addresses(_text(account, "to"), N_("To"))
    if not to and needs_to:
        raise PublishError(
            _(
                "The email account has no recipient (To): it writes to customers one by one only. Add "
                "the list's address (To) to publish updates to it."
            )
        )
    return _Settings(
        host=host,
        port=port,
        security=security,
        username=_text(account, "username"),
        sender=sender,
        sender_domain=sender_domain,
        to=tuple(address for address, _ in to),
        bcc=tuple(address for address, _ in addresses(_text(account, "bcc"), N_("Bcc"))),
        ca_file=ca_file,
        list_unsubscribe=unsubscribe_link(_text(account, "list_unsubscribe")),
        timeout=timeout,
    )


def _password(settings: _Settings, credentials: dict[str, str]) -> str:
    password = credentials.get("password") or ""
    if settings.username and not password:
        raise PublishError(
            _("No password is stored for the email user {username}; enter it in the account.").format(
                username=settings.username
            )
        )
    return password


# --- the message ------------------------------------------------------------------------------


def _compose(post: Post, settings: _Settings, now: datetime) -> tuple[EmailMessage, str, str]:
    """The message, its Message-ID and the incident's root Message-ID ("" for a personal message)."""
    if post.recipient is not None:
        personal = EmailMessage()
        message_id = personal_headers(personal, post, settings.sender, settings.sender_domain, now)
        return _with_parts(personal, post), message_id, ""
    meta = post.meta
    incident_id, update_id = meta.get("incident_id"), meta.get("update_id")
    if not isinstance(incident_id, int) or not isinstance(update_id, int):
        raise PublishError(_("This post was not rendered for email (it has no incident and update ids)."))
    first = bool(meta.get("first_of_incident", True))
    root_id = root_message_id(incident_id, settings.sender_domain)
    message_id = update_message_id(incident_id, update_id, settings.sender_domain, first)
    subject = " ".join(post.subject.split())
    replies_to, references = root_id, [root_id]
    correction = meta.get("correction")
    if isinstance(correction, dict):  # the update was edited after it went out: a message of its own
        original = message_id
        number = int(correction.get("number") or 1)
        message_id = (
            f"<incident-{int(incident_id)}.update-{int(update_id)}.correction-{number}@{settings.sender_domain}>"
        )
        subject = correction_subject(subject, str(meta.get("language") or ""))
        replies_to = original
        references = [root_id, original] if original != root_id else [root_id]

    message = EmailMessage()
    message["From"] = settings.sender
    message["To"] = settings.to
    message["Subject"] = subject
    message["Date"] = format_datetime(now)
    message["Message-ID"] = message_id
    if message_id != root_id:
        message["In-Reply-To"] = replies_to
        message["References"] = " ".join(references)
    if settings.list_unsubscribe:
        message["List-Unsubscribe"] = f"<{settings.list_unsubscribe}>"
        if settings.list_unsubscribe.lower().startswith("https://"):
            message["List-Unsubscribe-Post"] = "List-Unsubscribe=One-Click"
    return _with_parts(message, post), message_id, root_id


def _with_parts(message: EmailMessage, post: Post) -> EmailMessage:
    """`message` with the post's text and HTML parts, and its language."""
    language = str(post.meta.get("language") or "")
    text = post.text if post.text.endswith("\n") else post.text + "\n"
    message.set_content(text)
    message.add_alternative(html_document(post, language), subtype="html")
    if _LANGUAGE_TAG.fullmatch(language):
        # After the parts exist: the email package moves Content-* headers into the first part.
        message["Content-Language"] = language
    return message


def html_document(post: Post, language: str) -> str:
    if post.html:
        body = post.html
    else:
        from composer.core.templates.render import markdown_to_html  # noqa: PLC0415

        body = markdown_to_html(post.text)
    lang = f' lang="{escape(language)}"' if _LANGUAGE_TAG.fullmatch(language) else ""
    return (
        f'<!DOCTYPE html>\n<html{lang}>\n<head>\n<meta charset="utf-8">\n<title>{escape(post.subject)}</title>\n'
        f"</head>\n<body>\n{body}</body>\n</html>\n"
    )


# --- the connection ---------------------------------------------------------------------------


def _tls_context(settings: _Settings) -> ssl.SSLContext:
    cafile = str(Path(settings.ca_file).expanduser()) if settings.ca_file else None
    try:
        return ssl.create_default_context(cafile=cafile)
    except (OSError, ssl.SSLError) as error:
        raise PublishError(
            _("The CA certificates file {ca_file} (ca_file) could not be read as PEM certificates ({reason}).").format(
                ca_file=settings.ca_file, reason=getattr(error, "reason", None) or error
            )
        ) from None


def _open(settings: _Settings, password: str, report: Report) -> smtplib.SMTP:
    """Connected, encrypted as the account says and logged in; the caller closes it."""
    context = _tls_context(settings) if settings.security != "none" else None  # ~20 ms to load the CAs
    report(0.05, _("Connecting to {where}").format(where=settings.where))
    if settings.security == "tls":  # each reply bounded in time and size (smtp_bounded.py)
        client: smtplib.SMTP = BoundedSMTPSSL(timeout=settings.timeout, context=context)
    else:
        client = BoundedSMTP(timeout=settings.timeout)
    # smtplib takes the TLS server name (SNI and certificate check) from `_host`, which only its
    # constructor sets; connecting from the constructor would leak the socket when the greeting fails.
    client._host = settings.host  # type: ignore[attr-defined]  # private to smtplib, so not in its stubs
    try:
        code, reply = client.connect(settings.host, settings.port)
        if code != 220:
            raise smtplib.SMTPConnectError(code, reply)
        # SMTP is a dialogue of small writes: with Nagle's algorithm on, the first command after the
        # TLS handshake waits for the server to acknowledge the handshake, a round trip (or a delayed
        # ACK) lost on every send.
        assert client.sock is not None  # connect() made it
        client.sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        if settings.security == "starttls":
            client.starttls(context=context)
            client.ehlo()
        if settings.username:
            report(0.3, _("Logging in as {username}").format(username=settings.username))
            _login(client, settings.username, password)
    except BaseException:
        client.close()
        raise
    return client


def _login(client: smtplib.SMTP, username: str, password: str) -> None:
    if (username + password).isascii():
        client.login(username, password)
        return
    # smtplib sends credentials as ASCII only; AUTH PLAIN (RFC 4616) carries UTF-8.
    client.ehlo_or_helo_if_needed()
    if "PLAIN" not in client.esmtp_features.get("auth", "").upper().split():
        raise PublishError(
            _(
                "The user name or password has non-ASCII characters, and the server offers no login "
                "method (AUTH PLAIN) that can carry them."
            )
        )
    token = base64.b64encode(f"\0{username}\0{password}".encode()).decode("ascii")
    code, reply = client.docmd("AUTH", f"PLAIN {token}")
    if code == 334:
        code, reply = client.docmd(token)
    if code != 235:
        raise smtplib.SMTPAuthenticationError(code, reply)


def _close(client: smtplib.SMTP) -> None:
    """Say goodbye if the server still listens; never raises."""
    try:
        client.quit()
    except (OSError, smtplib.SMTPException):
        client.close()


# --- the hand-over of the data ---------------------------------------------------------------


def _watch_hand_over(client: smtplib.SMTP) -> Callable[[], bool]:
    """Whether the end of the message's data (CRLF.CRLF) has been written to the server: after
    that, a lost answer may hide a delivered email; before it, the server cannot deliver it."""
    written = [False]
    send = client.send

    def send_and_watch(data: bytes | str) -> None:  # smtplib writes bytes (the data) and str (commands)
        send(data)
        if isinstance(data, bytes) and data.endswith(b"\r\n.\r\n"):
            written[0] = True

    client.send = send_and_watch  # type: ignore[method-assign,assignment]
    return lambda: written[0]


__all__ = ["EmailPublisher", "root_message_id", "update_message_id"]
