# SPDX-License-Identifier: GPL-3.0-or-later
"""Every HTTP publisher against servers that misbehave on purpose (hostile_http.py, on 127.0.0.1).

Each channel (WordPress, Bluesky, Mastodon, X, LinkedIn) talks to a stand-in that answers its
first steps as the real service would, and misbehaves at one step: the one test_connection reads
("read") or the one publish writes the post with ("write"). Whatever the misbehaviour, the test
asserts what the contract promises:

- the secret (token, application or app password, session tokens) never leaves the account's own
  origin: the second server a redirect points to logs no request at all, so no Authorization and
  no password either (plain http is allowed for loopback only, as the app already allows);
- the secret is in no form (as typed, base64, Basic, URL-encoded) in the error's message, its
  traceback, or anything printed or logged;
- the attempt ends, with the account's timeout of 1 s, well within 1 + 5 seconds (a total deadline,
  not a per-read one), with ONE line of error: a PublishError, its message without a line break;
- a write the server may have received ends OutcomeUnknown, never a plain failure; a read never does.
"""

from __future__ import annotations

import logging
import time
import traceback
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import pytest
from hostile_http import (
    Answer,
    Handler,
    Hostile,
    carries,
    drip_body,
    drip_headers,
    echo_secret,
    endless,
    huge,
    json_answer,
    raw_answer,
    redirect,
)

from composer.core.secrets import secret_forms
from composer.publishers.base import Account, NotFound, OutcomeUnknown, PublishableUpdate, PublishError
from composer.publishers.bluesky import BlueskyPublisher
from composer.publishers.linkedin import LinkedInPublisher
from composer.publishers.mastodon import MastodonPublisher
from composer.publishers.wordpress import WordPressPublisher
from composer.publishers.x import XPublisher

TIMEOUT = 1.0  # the accounts' timeout, seconds
ENDED = TIMEOUT + 5  # "ended": a generous bound, never a hang

TOKEN = "hostile-oauth-token-Q2hhbm5lbA-must-stay-home"
WP_USER = "comms"
WP_PASSWORD = "abcd EFGH ijkl MNOP qrst UVWX"
BSKY_PASSWORD = "hstl-pass-word-abcd"
ACCESS = "eyJhbGciOiJIUzI1NiJ9.access-hostile.c2lnbmF0dXJl"
REFRESH = "eyJhbGciOiJIUzI1NiJ9.refresh-hostile.c2lnbmF0dXJl"
DID = "did:plc:hostile1234567890abcdef"
HANDLE = "status.example.com"


def wp_home(handler: Handler) -> None:
    """A WordPress home page announcing its REST API on its own origin."""
    link = f'<{handler.server.owner.url}/wp-json/>; rel="https://api.w.org/"'
    raw_answer(b"<html><body>Status</body></html>", 200, "text/html", {"Link": link})(handler)


@dataclass(frozen=True)
class Channel:
    """A publisher, its account on a stand-in, and where test_connection and publish can be made to fail."""

    name: str
    make: Callable[[], Any]
    settings: Callable[[str], dict[str, str]]
    credentials: dict[str, str]
    secrets: tuple[str, ...]
    good: dict[tuple[str, str], Answer]  # the stand-in's well-behaved answers
    read: tuple[str, str]  # the step test_connection fails at
    write: tuple[str, str]  # the step publish sends the post with
    wrong_types: Any  # JSON with the expected fields of the wrong types
    username: str = ""
    ids: list[str] = field(default_factory=list)


CHANNELS = [
    Channel(
        "wordpress",
        WordPressPublisher,
        lambda url: {"url": url, "username": WP_USER},
        {"password": WP_PASSWORD},
        (WP_PASSWORD,),
        {
            ("GET", "/"): wp_home,
            ("GET", "/wp-json/"): json_answer(
                {"namespaces": ["wp/v2"], "name": "Status", "authentication": {"application-passwords": {}}}
            ),
            ("GET", "/wp-json/wp/v2/users/me"): json_answer(
                {"name": "Comms", "roles": ["author"], "capabilities": {"publish_posts": True, "edit_posts": True}}
            ),
        },
        read=("GET", "/wp-json/wp/v2/users/me"),
        write=("POST", "/wp-json/wp/v2/posts"),
        wrong_types={"id": "17", "name": 5, "roles": "author", "capabilities": "all", "link": 7},
        username=WP_USER,
    ),
    Channel(
        "bluesky",
        BlueskyPublisher,
        lambda url: {"url": url, "handle": HANDLE},
        {"password": BSKY_PASSWORD},
        (BSKY_PASSWORD, ACCESS, REFRESH),
        {
            ("POST", "/xrpc/com.atproto.server.createSession"): json_answer(
                {"did": DID, "handle": HANDLE, "accessJwt": ACCESS, "refreshJwt": REFRESH, "active": True}
            ),
            ("POST", "/xrpc/com.atproto.server.refreshSession"): json_answer(
                {"did": DID, "handle": HANDLE, "accessJwt": ACCESS, "refreshJwt": REFRESH}
            ),
        },
        read=("POST", "/xrpc/com.atproto.server.createSession"),  # the app password goes in its body
        write=("POST", "/xrpc/com.atproto.repo.createRecord"),
        wrong_types={"did": 56, "handle": 7, "accessJwt": 8, "refreshJwt": 9, "uri": 12, "cid": 34},
    ),
    Channel(
        "mastodon",
        MastodonPublisher,
        lambda url: {"url": url},
        {"token": TOKEN},
        (TOKEN,),
        {("GET", "/api/v2/instance"): json_answer({"configuration": {"statuses": {"max_characters": 500}}})},
        read=("GET", "/api/v1/accounts/verify_credentials"),
        write=("POST", "/api/v1/statuses"),
        wrong_types={"id": 17, "acct": 5, "username": None, "url": 3},
    ),
    Channel(
        "x",
        XPublisher,
        lambda url: {"api_url": url, "username": "examplestatus"},
        {"access_token": TOKEN},
        (TOKEN,),
        {},
        read=("GET", "/2/users/me"),
        write=("POST", "/2/tweets"),
        wrong_types={"data": {"id": 1.4600000000000001e18, "username": ["examplestatus"]}},
    ),
    Channel(
        "linkedin",
        LinkedInPublisher,
        lambda url: {"api_url": url, "author": "urn:li:person:782bbtaQ"},
        {"access_token": TOKEN},
        (TOKEN,),
        {},
        read=("GET", "/v2/userinfo"),
        write=("POST", "/rest/posts"),
        wrong_types={"sub": 782, "name": ["Marta"]},
    ),
]
OPS = ("read", "write")


def attempt(channel: Channel, op: str, url: str) -> tuple[PublishError, float]:
    """test_connection (read) or publish (write) against `url`; the error it raised and how long it took."""
    publisher = channel.make()
    account = Account("hostile", channel.name, {**channel.settings(url), "timeout": f"{TIMEOUT:g}"})
    started = time.monotonic()
    with pytest.raises(PublishError) as raised:
        if op == "read":
            publisher.test_connection(account, dict(channel.credentials))
        else:
            update = PublishableUpdate(
                incident_id=12,
                update_id=3,
                title="Checkout payments failing",
                body="Card payments fail at checkout for some customers. We are investigating.",
            )
            post = publisher.render(update)
            post.meta.update(incident_key="12", retry=False)  # a first attempt: nothing to look for first
            publisher.publish(post, account, dict(channel.credentials))
    return raised.value, time.monotonic() - started


def check(  # noqa: PLR0917  (what one attempt gave, and pytest's captures)
    error: PublishError, elapsed: float, channel: Channel, op: str, capsys, caplog, *, reached: bool = True
) -> str:
    """The contract's promises for any misbehaviour; the message."""
    message = str(error)
    assert elapsed < ENDED, f"took {elapsed:.1f} s: {message}"
    assert message.strip() and "\n" not in message and "\r" not in message, repr(message)
    printed = capsys.readouterr()
    shown = "\n".join(
        [message, repr(error.args), "".join(traceback.format_exception(error)), printed.out, printed.err, caplog.text]
    )
    for secret in channel.secrets:
        for form in secret_forms(secret, channel.username):
            assert form not in shown, f"a form of a secret is shown: {message}"
    if op == "write" and reached:
        assert isinstance(error, OutcomeUnknown), f"{type(error).__name__}: {message}"
    if op == "read":
        assert not isinstance(error, OutcomeUnknown), message
    return message


@pytest.fixture
def elsewhere():
    """Another origin (127.0.0.2, plain http) that logs whatever reaches it."""
    with Hostile(routes={}, host="127.0.0.2", default=echo_secret(200)) as server:
        yield server


@pytest.fixture(autouse=True)
def _logs(caplog):
    caplog.set_level(logging.DEBUG)  # urllib3 and requests log requests at DEBUG: none may show a secret


def serve(channel: Channel, op: str, answer: Answer, certificate: Any = None) -> Hostile:
    routes = dict(channel.good)
    routes[channel.read if op == "read" else channel.write] = answer
    return Hostile(routes=routes, certificate=certificate)


def run(channel: Channel, op: str, answer: Answer, capsys, caplog, *, certificate: Any = None, reached: bool = True):
    with serve(channel, op, answer, certificate) as server:
        error, elapsed = attempt(channel, op, server.url)
    return check(error, elapsed, channel, op, capsys, caplog, reached=reached), server


every_step = pytest.mark.parametrize(
    ("channel", "op"),
    [(channel, op) for channel in CHANNELS for op in OPS],
    ids=lambda value: getattr(value, "name", value),
)


@every_step
@pytest.mark.parametrize("status", [301, 302, 307, 308])
def test_a_redirect_to_another_origin_is_not_followed(channel, op, status, elsewhere, capsys, caplog):  # noqa: PLR0917
    """An API that moved, a proxy or load balancer sending clients elsewhere, or a hijacked server
    fishing for the token: a redirect to another origin, the request's Authorization echoed in the
    address. It is not followed: the other origin hears nothing, the error names where it pointed."""
    message, _server = run(channel, op, redirect(status, elsewhere.url), capsys, caplog)
    assert elsewhere.log == []
    assert carries(elsewhere.log, channel.secrets, channel.username) == []
    assert "127.0.0.2" in message


@every_step
def test_a_redirect_from_tls_to_plain_http_is_not_followed(  # noqa: PLR0917
    channel, op, smtp_certificate, monkeypatch, capsys, caplog
):
    """A TLS server (self-signed, trusted through REQUESTS_CA_BUNDLE) redirecting to plain http on
    another port: what an "http → https" rule written backwards, or a downgrade attack, sends. The
    secret never travels unencrypted: the plain-http server hears nothing."""
    monkeypatch.setenv("REQUESTS_CA_BUNDLE", str(smtp_certificate.cert))
    with Hostile(routes={}, default=echo_secret(200)) as plain:
        message, _server = run(channel, op, redirect(308, plain.url), capsys, caplog, certificate=smtp_certificate)
        assert plain.log == []
    assert plain.url.removeprefix("http://") in message


@every_step
def test_an_oversized_answer_is_refused_unread(channel, op, capsys, caplog):
    """A 50 MB answer (a misrouted download, a debugging dump, a memory attack): refused by its
    announced length, never read into memory."""
    run(channel, op, huge(), capsys, caplog)


@every_step
def test_an_endless_answer_is_cut_at_the_size_limit(channel, op, capsys, caplog):
    """A chunked answer that never ends (a stuck streaming endpoint, a tarpit): read up to the
    size limit, then dropped."""
    run(channel, op, endless(), capsys, caplog)


@every_step
def test_a_slow_drip_body_ends_at_the_deadline(channel, op, capsys, caplog):
    """Headers at once, then one byte every 0.5 s for ever (a tarpit, a server in swap, a broken
    proxy): each byte would restart requests' read timeout; the total deadline ends it."""
    run(channel, op, drip_body(), capsys, caplog)


@every_step
def test_slow_drip_headers_end_at_the_deadline(channel, op, capsys, caplog):
    """The status line, then a header one byte every 0.5 s (slowloris the other way round): the
    deadline covers the headers too."""
    run(channel, op, drip_headers(), capsys, caplog)


@pytest.mark.parametrize("channel", CHANNELS, ids=lambda channel: channel.name)
def test_a_slow_drip_over_tls_ends_at_the_deadline(channel, smtp_certificate, monkeypatch, capsys, caplog):
    """The same tarpit behind TLS: the deadline shuts the encrypted connection down as well."""
    monkeypatch.setenv("REQUESTS_CA_BUNDLE", str(smtp_certificate.cert))
    run(channel, "read", drip_body(), capsys, caplog, certificate=smtp_certificate)


@every_step
def test_html_instead_of_json(channel, op, capsys, caplog):
    """A captive portal, a login page or a web server's welcome page answering 200 with HTML
    where the API's JSON was expected."""
    page = b"<!DOCTYPE html><html><body><h1>Welcome</h1>\n<p>Sign in to continue</p></body></html>"
    run(channel, op, raw_answer(page, 200, "text/html"), capsys, caplog)


@every_step
def test_truncated_json(channel, op, capsys, caplog):
    """JSON cut in the middle (a proxy's buffer limit, a crashed worker), with a length that matches."""
    run(channel, op, raw_answer(b'{"data": {"id": "146000', 200), capsys, caplog)


@every_step
def test_a_list_where_an_object_is_expected(channel, op, capsys, caplog):
    """Valid JSON of the wrong shape: a list where the API answers an object (another API, or
    another version of it, at the address)."""
    run(channel, op, json_answer([{"id": "1"}, "two", 3]), capsys, caplog)


@every_step
def test_fields_of_the_wrong_types(channel, op, capsys, caplog):
    """An object with the expected fields of the wrong types: strings where numbers are, numbers
    where strings are, a list for a name (a look-alike API, a bad plugin, a proxy's rewrite)."""
    run(channel, op, json_answer(channel.wrong_types, 200), capsys, caplog)


@every_step
@pytest.mark.parametrize("status", [401, 500])
def test_an_error_echoing_the_secret_shows_none_of_it(channel, op, status, capsys, caplog):
    """An error answer echoing the request's Authorization and body (a password in it) in its
    body, over several lines, and in its headers: debug pages, naive error handlers."""
    run(channel, op, echo_secret(status), capsys, caplog, reached=False)


@pytest.mark.parametrize("where", ["plain-http", "other-origin"])
def test_wordpress_link_header_on_a_tls_site_gets_no_password(where, smtp_certificate, monkeypatch, capsys, caplog):
    """A WordPress site on TLS whose home page announces its API at plain http on another port, or
    at another origin (a proxy with the wrong siteurl, or a hostile one): the password goes to
    neither, and the one-line error says why."""
    monkeypatch.setenv("REQUESTS_CA_BUNDLE", str(smtp_certificate.cert))
    channel = CHANNELS[0]
    with Hostile(routes={}, host="127.0.0.2" if where == "other-origin" else "127.0.0.1") as other:
        target = other.url if where == "plain-http" else other.url.replace("http://", "https://")

        def home(handler: Handler) -> None:
            raw_answer(b"<html></html>", 200, "text/html", {"Link": f'<{target}/wp-json/>; rel="https://api.w.org/"'})(
                handler
            )

        with Hostile(routes={("GET", "/"): home}, certificate=smtp_certificate) as site:
            error, elapsed = attempt(channel, "read", site.url)
        assert other.log == []
    message = check(error, elapsed, channel, "read", capsys, caplog)
    assert isinstance(error, NotFound) and "the password is sent nowhere else" in message
    assert all("authorization" not in {name.lower() for name in seen.headers} for seen in site.log[:1])
