# SPDX-License-Identifier: GPL-3.0-or-later
"""The email publisher against a real SMTP server (aiosmtpd) over STARTTLS and implicit TLS."""

from __future__ import annotations

import smtplib
import threading
import time
import traceback
from datetime import UTC, datetime
from email.message import EmailMessage
from email.parser import BytesParser
from email.policy import default
from email.utils import parsedate_to_datetime

import pytest
from smtp_peer import SMTP_PASSWORD, SMTP_USER, SmtpPeer

from composer.publishers.base import (
    Account,
    AuthRejected,
    Cancelled,
    NetworkError,
    PublishableUpdate,
    PublishError,
    Rejected,
)
from composer.publishers.email import EmailPublisher, _settings
from composer.publishers.registry import discover

SENDER = "Example Status <status@example.net>"
TO = "alice@example.org, Bob Example <bob@example.org>"
BCC = "hidden@example.com"
BODY = (
    "We are **investigating** failed payments at checkout.\n\n- Cards: affected\n- PayPal: fine\n\n<script>x</script>\n"
)
# The same as the plain-text part reads it: no Markdown, bullets as bullets, raw HTML left out.
PLAIN = "We are investigating failed payments at checkout.\n\n• Cards: affected\n• PayPal: fine\n"


def make_account(smtp_port: int | str, *, ca_file: str = "", **settings: str) -> Account:
    values = {
        "host": "127.0.0.1",
        "port": str(smtp_port),
        "security": "starttls",
        "username": SMTP_USER,
        "from": SENDER,
        "to": TO,
        "ca_file": ca_file,
    }
    values.update(settings)
    return Account(name="status mail", kind="email", settings=values)


def make_update(update_id: int = 34, *, first: bool = True, **fields) -> PublishableUpdate:
    values = {
        "incident_id": 12,
        "update_id": update_id,
        "title": "Checkout payments failing",
        "body": BODY,
        "first_of_incident": first,
    }
    values.update(fields)
    return PublishableUpdate(**values)


def parse(raw: bytes) -> EmailMessage:
    return BytesParser(policy=default).parsebytes(raw)


def header(message: EmailMessage, name: str) -> str:
    """A header's value with folding whitespace removed (Python folds long Message-IDs)."""
    value = message[name]
    return "".join(str(value).split()) if value is not None else ""


def assert_no_secret(error: BaseException, *secrets: str) -> None:
    """Not in the error, nor in any exception chained to it (their text, repr and arguments)."""
    texts = []
    seen: BaseException | None = error
    while seen is not None:
        texts += [str(seen), repr(seen), *traceback.format_exception_only(seen), *map(repr, seen.args)]
        seen = seen.__cause__ or seen.__context__
    for secret in secrets:
        for text in texts:
            assert secret not in text


CREDENTIALS = {"password": SMTP_PASSWORD}
# The implicit-TLS peer must allow AUTH without STARTTLS (aiosmtpd issue #281); aiosmtpd warns about it.
pytestmark = pytest.mark.filterwarnings("ignore:Requiring AUTH while not requiring TLS:UserWarning")


# --- delivery ---------------------------------------------------------------------------------


def test_starttls_delivery_with_login_threads_an_incident(starttls_server, smtp_certificate):
    publisher = EmailPublisher()
    account = make_account(
        starttls_server.port,
        ca_file=str(smtp_certificate.cert),
        bcc=BCC,
        list_unsubscribe="https://status.example.net/unsubscribe?u=1",
    )
    progress: list[tuple[float, str]] = []

    first_post = publisher.render(make_update(34, first=True))
    receipt = publisher.publish(first_post, account, CREDENTIALS, report=lambda f, t: progress.append((f, t)))
    again = publisher.publish(first_post, account, CREDENTIALS)
    second = publisher.publish(
        publisher.render(make_update(35, first=False, subject="Update: payments recovering")), account, CREDENTIALS
    )

    assert len(starttls_server.deliveries) == 3
    delivery = starttls_server.deliveries[0]
    message = parse(delivery.raw)

    # Structure: text and HTML alternatives.
    assert message.get_content_type() == "multipart/alternative"
    parts = list(message.iter_parts())
    assert [part.get_content_type() for part in parts] == ["text/plain", "text/html"]
    assert parts[0].get_content().replace("\r\n", "\n") == PLAIN
    html = parts[1].get_content()
    assert "<strong>investigating</strong>" in html
    assert "<li>Cards: affected</li>" in html
    assert "<script>" not in html
    assert '<html lang="en">' in html

    # Headers.
    assert message["Subject"] == "Checkout payments failing"
    assert message["From"].addresses[0].addr_spec == "status@example.net"
    assert message["From"].addresses[0].display_name == "Example Status"
    assert [a.addr_spec for a in message["To"].addresses] == ["alice@example.org", "bob@example.org"]
    assert message["Content-Language"] == "en"
    date = parsedate_to_datetime(message["Date"])
    assert date.tzinfo is not None and abs((datetime.now(UTC) - date).total_seconds()) < 60
    assert header(message, "List-Unsubscribe") == "<https://status.example.net/unsubscribe?u=1>"
    assert message["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"

    # Bcc: in the envelope, nowhere in the message.
    assert delivery.mail_from == "status@example.net"
    assert delivery.rcpt_tos == ["alice@example.org", "bob@example.org", "hidden@example.com"]
    assert message["Bcc"] is None
    assert b"hidden@example.com" not in delivery.raw

    # Threading: the first update is the incident's root; the same update keeps its id.
    root = header(message, "Message-ID")
    assert root == "<incident-12@example.net>" == receipt.remote_id
    assert message["In-Reply-To"] is None and message["References"] is None
    assert header(parse(starttls_server.deliveries[1].raw), "Message-ID") == root == again.remote_id
    later = parse(starttls_server.deliveries[2].raw)
    assert header(later, "Message-ID") == "<incident-12.update-35@example.net>" == second.remote_id
    assert header(later, "In-Reply-To") == root
    assert header(later, "References") == root
    assert later["Subject"] == "Update: payments recovering"

    # Receipt and progress.
    assert receipt.channel == "email" and receipt.account == "status mail" and receipt.url == ""
    assert receipt.published_at.tzinfo is not None and receipt.published_at.utcoffset().total_seconds() == 0
    assert receipt.meta["accepted"] == ["alice@example.org", "bob@example.org", "hidden@example.com"]
    assert receipt.meta["refused"] == {}
    assert receipt.meta["root_message_id"] == root
    texts = [text for _, text in progress]
    assert texts[0].startswith("Connecting to 127.0.0.1:") and texts[-1] == "Sent"
    assert any(text.startswith("Logging in as status-bot") for text in texts)
    assert any(text.startswith("Sending to 3 recipients") for text in texts)
    fractions = [fraction for fraction, _ in progress]
    assert fractions == sorted(fractions) and fractions[-1] == 1.0


def test_long_message_ids_are_folded_but_compare_equal(starttls_server, smtp_certificate):
    publisher = EmailPublisher()
    domain = "status.a-rather-long-subdomain-for-folding.example-company.net"
    account = make_account(starttls_server.port, ca_file=str(smtp_certificate.cert), **{"from": f"ops@{domain}"})
    publisher.publish(publisher.render(make_update(987654, first=False)), account, CREDENTIALS)
    message = parse(starttls_server.deliveries[0].raw)
    assert header(message, "Message-ID") == f"<incident-12.update-987654@{domain}>"
    assert header(message, "References") == f"<incident-12@{domain}>"


def test_implicit_tls_delivery_with_mailto_unsubscribe(tls_server, smtp_certificate):
    publisher = EmailPublisher()
    account = make_account(
        tls_server.port,
        ca_file=str(smtp_certificate.cert),
        security="tls",
        list_unsubscribe="mailto:unsubscribe@example.net?subject=unsubscribe",
    )
    receipt = publisher.publish(publisher.render(make_update()), account, CREDENTIALS)

    assert len(tls_server.deliveries) == 1
    message = parse(tls_server.deliveries[0].raw)
    assert message.get_content_type() == "multipart/alternative"
    assert header(message, "Message-ID") == receipt.remote_id
    assert header(message, "List-Unsubscribe") == "<mailto:unsubscribe@example.net?subject=unsubscribe>"
    assert message["List-Unsubscribe-Post"] is None


def test_non_ascii_password_logs_in(smtp_certificate):
    password = "pässwörd-ünïcode"
    with SmtpPeer(smtp_certificate, mode="starttls", username=SMTP_USER, password=password) as peer:
        publisher = EmailPublisher()
        account = make_account(peer.port, ca_file=str(smtp_certificate.cert))
        publisher.publish(publisher.render(make_update()), account, {"password": password})
        assert len(peer.deliveries) == 1
        with pytest.raises(AuthRejected) as caught:
            publisher.publish(publisher.render(make_update()), account, {"password": "pässwörd-wrong"})
        assert_no_secret(caught.value, password, "pässwörd-wrong")


# --- failures ---------------------------------------------------------------------------------


def test_wrong_password_is_auth_rejected_without_the_password(starttls_server, smtp_certificate):
    publisher = EmailPublisher()
    account = make_account(starttls_server.port, ca_file=str(smtp_certificate.cert))
    wrong = "wrong-Secret-7c1e"
    with pytest.raises(AuthRejected) as caught:
        publisher.publish(publisher.render(make_update()), account, {"password": wrong})
    assert "refused the user name or password" in str(caught.value)
    assert f"127.0.0.1:{starttls_server.port}" in str(caught.value)
    assert_no_secret(caught.value, wrong, SMTP_PASSWORD)
    assert not caught.value.retryable
    assert starttls_server.deliveries == []


def test_server_down_is_a_quick_network_error(closed_port, smtp_certificate):
    publisher = EmailPublisher()
    start = time.monotonic()
    with pytest.raises(NetworkError) as caught:
        publisher.publish(publisher.render(make_update()), make_account(closed_port), CREDENTIALS)
    assert time.monotonic() - start < 3
    assert f"127.0.0.1:{closed_port} refused the connection" in str(caught.value)
    assert caught.value.retryable
    assert_no_secret(caught.value, SMTP_PASSWORD)


def test_server_that_never_answers_times_out(silent_server):
    publisher = EmailPublisher()
    account = make_account(silent_server.port, timeout="0.3")
    start = time.monotonic()
    with pytest.raises(NetworkError) as caught:
        publisher.publish(publisher.render(make_update()), account, CREDENTIALS)
    assert time.monotonic() - start < 5
    assert str(caught.value).startswith(f"127.0.0.1:{silent_server.port} did not answer within 0.3 seconds.")
    assert caught.value.retryable
    assert_no_secret(caught.value, SMTP_PASSWORD)


def test_refused_recipient_is_rejected_with_the_server_reply(starttls_server, smtp_certificate):
    starttls_server.handler.refuse_recipients = {
        "alice@example.org": "550 5.1.1 <alice@example.org>: Recipient address rejected: User unknown",
        "bob@example.org": "550 5.1.1 <bob@example.org>: Recipient address rejected: User unknown",
    }
    publisher = EmailPublisher()
    account = make_account(starttls_server.port, ca_file=str(smtp_certificate.cert))
    with pytest.raises(Rejected) as caught:
        publisher.publish(publisher.render(make_update()), account, CREDENTIALS)
    assert "550 5.1.1 <alice@example.org>: Recipient address rejected: User unknown" in str(caught.value)
    assert not caught.value.retryable
    assert starttls_server.deliveries == []


def test_partly_refused_recipients_are_in_the_receipt(starttls_server, smtp_certificate):
    starttls_server.handler.refuse_recipients = {"bob@example.org": "550 5.1.1 no such user"}
    publisher = EmailPublisher()
    account = make_account(starttls_server.port, ca_file=str(smtp_certificate.cert))
    receipt = publisher.publish(publisher.render(make_update()), account, CREDENTIALS)
    assert receipt.meta["accepted"] == ["alice@example.org"]
    assert receipt.meta["refused"] == {"bob@example.org": "550 5.1.1 no such user"}
    assert starttls_server.deliveries[0].rcpt_tos == ["alice@example.org"]


@pytest.mark.parametrize(
    ("reply", "retryable"),
    [
        ("550 5.7.1 Message content rejected as spam", False),
        ("451 4.7.1 Greylisted, try again later", True),
    ],
)
def test_refused_message_is_rejected_with_the_server_reply(starttls_server, smtp_certificate, reply, retryable):
    starttls_server.handler.refuse_data = reply
    publisher = EmailPublisher()
    account = make_account(starttls_server.port, ca_file=str(smtp_certificate.cert))
    with pytest.raises(Rejected) as caught:
        publisher.publish(publisher.render(make_update()), account, CREDENTIALS)
    assert reply in str(caught.value)
    assert caught.value.retryable is retryable
    assert_no_secret(caught.value, SMTP_PASSWORD)


@pytest.mark.parametrize("security", ["starttls", "tls"])
def test_untrusted_certificate_needs_the_ca_file(starttls_server, tls_server, smtp_certificate, security):
    peer = starttls_server if security == "starttls" else tls_server
    publisher = EmailPublisher()
    post = publisher.render(make_update())
    with pytest.raises(NetworkError) as caught:
        publisher.publish(post, make_account(peer.port, security=security), CREDENTIALS)
    assert "certificate" in str(caught.value) and "ca_file" in str(caught.value)
    assert f"127.0.0.1:{peer.port}" in str(caught.value)
    assert peer.authenticator.attempts == 0
    assert peer.deliveries == []

    publisher.publish(post, make_account(peer.port, security=security, ca_file=str(smtp_certificate.cert)), CREDENTIALS)
    assert len(peer.deliveries) == 1


def test_wrong_security_for_the_port_is_a_network_error(tls_server, smtp_certificate):
    publisher = EmailPublisher()
    account = make_account(tls_server.port, ca_file=str(smtp_certificate.cert), security="starttls", timeout="1")
    with pytest.raises(NetworkError) as caught:
        publisher.publish(publisher.render(make_update()), account, CREDENTIALS)
    assert f"127.0.0.1:{tls_server.port} did not answer within 1 seconds" in str(caught.value)
    assert "security setting" in str(caught.value)


def test_security_none_to_a_remote_host_is_refused_without_connecting(monkeypatch):
    connected = []
    monkeypatch.setattr(smtplib.SMTP, "connect", lambda *args, **kwargs: connected.append(args))
    publisher = EmailPublisher()
    account = make_account(25, host="mail.example.com", security="none")
    for attempt in (
        lambda: publisher.publish(publisher.render(make_update()), account, CREDENTIALS),
        lambda: publisher.test_connection(account, CREDENTIALS),
    ):
        with pytest.raises(PublishError) as caught:
            attempt()
        assert type(caught.value) is PublishError
        assert "none" in str(caught.value) and "unencrypted" in str(caught.value)
        assert "mail.example.com" in str(caught.value)
    assert connected == []


def test_security_none_is_allowed_to_loopback(starttls_server):
    """Plain SMTP reaches a server on this computer; this one insists on STARTTLS and says so."""
    publisher = EmailPublisher()
    account = make_account(starttls_server.port, security="none", username="")
    with pytest.raises(Rejected) as caught:
        publisher.publish(publisher.render(make_update()), account, {})
    assert "STARTTLS" in str(caught.value)

    with_login = make_account(starttls_server.port, security="none")
    with pytest.raises(PublishError) as caught:
        publisher.publish(publisher.render(make_update()), with_login, CREDENTIALS)
    assert "does not offer a login" in str(caught.value)
    assert starttls_server.deliveries == []


def test_cancel_before_publish_sends_nothing(starttls_server, smtp_certificate):
    publisher = EmailPublisher()
    account = make_account(starttls_server.port, ca_file=str(smtp_certificate.cert))
    cancel = threading.Event()
    cancel.set()
    with pytest.raises(Cancelled):
        publisher.publish(publisher.render(make_update()), account, CREDENTIALS, cancel=cancel)
    assert starttls_server.authenticator.attempts == 0
    assert starttls_server.deliveries == []


def test_cancel_after_login_sends_nothing(starttls_server, smtp_certificate):
    publisher = EmailPublisher()
    account = make_account(starttls_server.port, ca_file=str(smtp_certificate.cert))
    cancel = threading.Event()

    def report(_fraction: float, text: str) -> None:
        if text.startswith("Logging in"):
            cancel.set()

    with pytest.raises(Cancelled, match="before sending"):
        publisher.publish(publisher.render(make_update()), account, CREDENTIALS, report=report, cancel=cancel)
    assert starttls_server.authenticator.attempts == 1
    assert starttls_server.deliveries == []


# --- test_connection --------------------------------------------------------------------------


def test_test_connection_succeeds_over_starttls_and_tls(starttls_server, tls_server, smtp_certificate):
    publisher = EmailPublisher()
    ca_file = str(smtp_certificate.cert)
    assert publisher.test_connection(make_account(starttls_server.port, ca_file=ca_file), CREDENTIALS) == (
        f"Connected to 127.0.0.1:{starttls_server.port} as status-bot (STARTTLS)"
    )
    assert (
        publisher.test_connection(make_account(tls_server.port, ca_file=ca_file, security="tls"), CREDENTIALS)
        == f"Connected to 127.0.0.1:{tls_server.port} as status-bot (TLS)"
    )
    assert starttls_server.deliveries == [] and tls_server.deliveries == []


def test_test_connection_failures(starttls_server, smtp_certificate, closed_port):
    publisher = EmailPublisher()
    account = make_account(starttls_server.port, ca_file=str(smtp_certificate.cert))
    with pytest.raises(AuthRejected) as caught:
        publisher.test_connection(account, {"password": "nope-Secret-42"})
    assert_no_secret(caught.value, "nope-Secret-42", SMTP_PASSWORD)
    with pytest.raises(NetworkError):
        publisher.test_connection(make_account(closed_port), CREDENTIALS)
    with pytest.raises(NetworkError, match="certificate"):
        publisher.test_connection(make_account(starttls_server.port), CREDENTIALS)


# --- settings, rendering, contract ------------------------------------------------------------


def test_settings_defaults_and_errors():
    assert _settings(make_account("")).port == 587
    assert _settings(make_account("", security="tls")).port == 465
    assert _settings(make_account("", security="none")).port == 25
    assert _settings(make_account("", host="localhost", security="none")).port == 25
    assert _settings(make_account("", host="::1", security="none")).where == "[::1]:25"
    settings = _settings(make_account(25, bcc="hidden@example.com, alice@example.org"))
    assert settings.recipients == ["alice@example.org", "bob@example.org", "hidden@example.com"]
    named = _settings(make_account(25, to='"Doe, Jane" <jane@Example.ORG>; ops@example.org'))
    assert [(a.display_name, a.addr_spec) for a in named.to] == [
        ("Doe, Jane", "jane@example.org"),
        ("", "ops@example.org"),
    ]
    assert settings.timeout == 20

    problems = {
        "to": ({"to": "alice@example.org, not-an-address"}, "not-an-address"),
        "from": ({"from": "status@"}, "status@"),
        "two words": ({"to": "foo bar"}, "foo bar"),
        "two senders": ({"from": "a@example.net, b@example.net"}, "exactly one sender"),
        "no recipient": ({"to": " , "}, "no recipient"),
        "display name": ({"to": 'Ops Team <ops@example.org>, "Doe, Jane" <jane@@example.org>'}, "jane@@example.org"),
        "bcc": ({"bcc": "x@@example.com"}, "x@@example.com"),
        "port": ({"port": "smtp"}, "port"),
        "security": ({"security": "ssl"}, "starttls, tls or none"),
        "ca_file": ({"ca_file": "/nonexistent/ca.pem"}, "ca_file"),
        "unsubscribe": ({"list_unsubscribe": "javascript:alert(1)"}, "unsubscribe"),
        "host": ({"host": "smtp://mail.example.com"}, "host name"),
        "newline": ({"to": "a@example.org\r\nBcc: evil@example.com"}, "line break"),
    }
    for name, (settings_override, expected) in problems.items():
        with pytest.raises(PublishError) as caught:
            _settings(make_account(25, **settings_override))
        assert expected in str(caught.value), name


def test_username_without_password_is_a_clear_error(starttls_server, smtp_certificate):
    publisher = EmailPublisher()
    account = make_account(starttls_server.port, ca_file=str(smtp_certificate.cert))
    with pytest.raises(PublishError, match="No password is stored for the email user status-bot"):
        publisher.publish(publisher.render(make_update()), account, {})
    assert starttls_server.authenticator.attempts == 0


def test_render():
    publisher = EmailPublisher()
    post = publisher.render(make_update(35, first=False, language="de"))
    assert post.channel == "email"
    assert post.subject == "Checkout payments failing"
    assert post.text == PLAIN
    assert "<strong>investigating</strong>" in post.html
    assert post.meta == {"incident_id": 12, "update_id": 35, "first_of_incident": False, "language": "de"}
    assert publisher.render(make_update(subject="  Payments:\n degraded ")).subject == "Payments: degraded"


def test_contract_and_registry():
    publisher = EmailPublisher()
    assert publisher.id == "email" and publisher.display_name == "Email (SMTP)"
    fields = {f.name: f for f in publisher.account_fields}
    assert set(fields) >= {
        "host",
        "port",
        "security",
        "username",
        "password",
        "from",
        "to",
        "bcc",
        "ca_file",
        "list_unsubscribe",
    }
    assert [name for name, f in fields.items() if f.secret] == ["password"]
    assert fields["security"].choices == ("starttls", "tls", "none")
    assert not fields["password"].required and not fields["bcc"].required
    assert publisher.policy.limit is None and publisher.policy.formats == ("text", "html")
    entry = discover(include_plugins=False)["email"]
    assert entry.available and entry.source == "built-in"


def test_no_secret_in_any_repr(starttls_server, smtp_certificate):
    publisher = EmailPublisher()
    account = make_account(starttls_server.port, ca_file=str(smtp_certificate.cert))
    post = publisher.render(make_update())
    progress: list[str] = []
    receipt = publisher.publish(post, account, CREDENTIALS, report=lambda _f, text: progress.append(text))
    settings = _settings(account)
    for text in (
        repr(publisher),
        repr(account),
        repr(post),
        repr(receipt),
        repr(settings),
        *progress,
        publisher.test_connection(account, CREDENTIALS),
    ):
        assert SMTP_PASSWORD not in text
    assert SMTP_PASSWORD.encode() not in starttls_server.deliveries[0].raw


@pytest.mark.parametrize("security", ["starttls", "tls"])
def test_commands_are_not_held_back_by_nagle(starttls_server, tls_server, smtp_certificate, security):
    """After the TLS handshake the first command must not wait for the server's acknowledgement:
    each send would lose a round trip (the publishing benchmark's emulated network showed it)."""
    import socket

    from composer.publishers.email import _close, _open

    server = starttls_server if security == "starttls" else tls_server
    account = make_account(server.port, ca_file=str(smtp_certificate.cert), security=security)
    client = _open(_settings(account), CREDENTIALS["password"], lambda *_: None)
    try:
        assert client.sock.getsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY) != 0
    finally:
        _close(client)


def test_the_plain_text_part_reads_as_plain_text_and_a_templates_email_wording_is_mailed():
    from composer.publishers.base import PublishableUpdate

    body = (
        "## Websites and email down\n\n**Affected:** hosted websites and email.\n\n"
        "Call [+34 930 000 000](tel:+34930000000) or see <https://status.example.net>.\n\nMarta Vidal"
    )
    update = PublishableUpdate(incident_id=3, update_id=4, title="Websites and email down", body=body)
    [text] = EmailPublisher().render(update).parts
    assert "##" not in text and "**" not in text and "<https://" not in text
    assert text.startswith("Websites and email down\n\nAffected: hosted websites and email.")
    assert "https://status.example.net" in text
    update.texts["email"] = (
        "Hello,\n\nWe are sorry: **our websites** are down.\n\nMarta Vidal, Head of Support\nPinewood"
    )
    post = EmailPublisher().render(update)
    # The email's own lines stay lines (a signature block is not one run-on line).
    assert post.parts == ["Hello,\n\nWe are sorry: our websites are down.\n\nMarta Vidal, Head of Support\nPinewood\n"]
    assert "<strong>our websites</strong>" in post.html
