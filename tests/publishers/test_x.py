# SPDX-License-Identifier: GPL-3.0-or-later
"""The X publisher against a stand-in of the X API v2 on 127.0.0.1.

No X server can run here: these are contract tests. The stand-in (social_api_standin.py) records
each request and answers with the response shapes of X's published API description, after checking
the request against it (its `violations` must stay empty).
"""

from __future__ import annotations

import threading
import time
from contextlib import suppress

import pytest
from social_api_standin import X_USER, Standin, assert_no_secret, seed_tweet, x_api

from composer.publishers.base import (
    Account,
    AuthRejected,
    Cancelled,
    NetworkError,
    NotFound,
    OutcomeUnknown,
    PublishableUpdate,
    PublishError,
    RateLimited,
    Rejected,
    TooLong,
)
from composer.publishers.registry import discover
from composer.publishers.service import PublishingService
from composer.publishers.x import LIMIT, XPublisher, weighted_length

TOKEN = "x-oauth2-user-token-Zm9vYmFyYmF6-never-in-a-message"
CREDENTIALS = {"access_token": TOKEN}
SHORT = "Checkout payments are failing. We are investigating. https://status.example.net/i/12"
LONG = "\n\n".join(
    f"Update {n}: card payments at checkout fail for some customers in Europe; PayPal works. "
    f"We have found the cause in the payment gateway and are rolling back the change made at 10:0{n}."
    for n in range(1, 5)
)


@pytest.fixture
def x_standin():
    with Standin(x_api, token=TOKEN) as standin:
        yield standin


def account(standin_url: str, **settings: str) -> Account:
    values = {"api_url": standin_url, "username": "examplestatus", "timeout": "5"}
    values.update(settings)
    return Account(name="status on x", kind="x", settings=values)


def update(text: str, update_id: int = 1) -> PublishableUpdate:
    return PublishableUpdate(incident_id=12, update_id=update_id, title="Checkout payments failing", body=text)


def test_the_registry_offers_x():
    entry = discover(False)["x"]
    assert entry.available, entry.error
    assert entry.publisher.display_name == "X (Twitter)"
    assert [f.name for f in entry.publisher.account_fields if f.secret] == ["access_token"]
    assert entry.publisher.policy.limit == 280 and entry.publisher.policy.threads


def test_render_prefers_the_short_social_text_and_keeps_it_whole():
    publisher = XPublisher()
    post = publisher.render(
        PublishableUpdate(
            incident_id=1, update_id=2, title="t", body="# Long\n\nbody " * 40, texts={"social-short": SHORT}
        )
    )
    assert post.parts == [SHORT]


def test_render_makes_a_long_update_a_numbered_thread_within_the_weighted_limit():
    post = XPublisher().render(update(LONG))
    assert len(post.parts) > 1
    total = len(post.parts)
    for number, part in enumerate(post.parts, 1):
        assert part.endswith(f" ({number}/{total})")
        assert weighted_length(part) <= LIMIT
    assert " ".join(p.rsplit(" (", 1)[0] for p in post.parts).split() == LONG.split()


def test_one_post_is_sent_as_documented_and_the_receipt_links_to_it(x_standin):
    post = XPublisher().render(update(SHORT))
    progress: list[tuple[float, str]] = []
    receipt = XPublisher().publish(
        post, account(x_standin.url), CREDENTIALS, report=lambda fraction, text: progress.append((fraction, text))
    )
    assert x_standin.violations == []
    [request] = x_standin.requests
    assert (request.method, request.path, request.query) == ("POST", "/2/tweets", "")
    assert request.headers["authorization"] == f"Bearer {TOKEN}"
    assert request.headers["content-type"] == "application/json"
    assert request.json == {"text": SHORT}
    tweet_id = receipt.remote_id
    assert tweet_id.isdigit()
    assert receipt.url == f"https://x.com/examplestatus/status/{tweet_id}"
    assert receipt.meta["tweet_ids"] == [tweet_id] and receipt.meta["thread_root_id"] == tweet_id
    assert receipt.channel == "x" and receipt.account == "status on x"
    fractions = [fraction for fraction, _ in progress]
    assert fractions == sorted(fractions) and fractions[-1] == 1.0


def test_without_a_user_name_the_link_uses_x_web_status(x_standin):
    receipt = XPublisher().publish(XPublisher().render(update(SHORT)), account(x_standin.url, username=""), CREDENTIALS)
    assert receipt.url == f"https://x.com/i/web/status/{receipt.remote_id}"


def test_a_thread_is_a_chain_of_replies(x_standin):
    post = XPublisher().render(update(LONG))
    receipt = XPublisher().publish(post, account(x_standin.url), CREDENTIALS)
    assert x_standin.violations == []
    bodies = [request.json for request in x_standin.requests]
    assert [body["text"] for body in bodies] == post.parts
    ids = receipt.meta["tweet_ids"]
    assert len(ids) == len(post.parts)
    assert "reply" not in bodies[0]
    for body, replied_to in zip(bodies[1:], ids, strict=False):
        assert body["reply"] == {"in_reply_to_tweet_id": replied_to}
    assert receipt.remote_id == ids[-1] == receipt.meta["last_tweet_id"]
    assert receipt.url == f"https://x.com/examplestatus/status/{ids[0]}"
    assert receipt.meta["thread_root_id"] == ids[0]


def test_a_later_update_replies_to_the_last_post_of_the_incident(x_standin):
    """As the publishing service hands it: the account's last receipt for the incident."""
    seed_tweet(x_standin, "1860000000000000500")
    seed_tweet(x_standin, "1860000000000000501")
    post = XPublisher().render(update("Fixed: payments work again.", update_id=2))
    post.meta["previous"] = {
        "account": "status on x",
        "channel": "x",
        "remote_id": "1860000000000000501",
        "url": "",
        "published_at": "2026-11-24T10:00:00+00:00",
        "meta": {"last_tweet_id": "1860000000000000501", "thread_root_id": "1860000000000000500"},
    }
    receipt = XPublisher().publish(post, account(x_standin.url), CREDENTIALS)
    assert x_standin.requests[0].json == {
        "text": "Fixed: payments work again.",
        "reply": {"in_reply_to_tweet_id": "1860000000000000501"},
    }
    assert receipt.meta["thread_root_id"] == "1860000000000000500"
    assert receipt.meta["in_reply_to"] == "1860000000000000501"


def test_through_the_publishing_service_updates_of_one_incident_form_one_thread(x_standin, store):
    publishers = {name: entry.publisher for name, entry in discover(False).items()}
    service = PublishingService(store.outbox(), {"status on x": account(x_standin.url)}, publishers, lambda name: TOKEN)
    [first] = service.publish(update(LONG, update_id=1), ["status on x"])
    [second] = service.publish(update("Fixed: payments work again since 11:02.", update_id=2), ["status on x"])
    assert first.ok and second.ok, (first.error, second.error)
    assert x_standin.violations == []
    last = x_standin.requests[-1].json
    assert last["reply"] == {"in_reply_to_tweet_id": first.receipt.meta["last_tweet_id"]}
    assert second.receipt.meta["thread_root_id"] == first.receipt.meta["tweet_ids"][0]


def test_test_connection_names_the_user(x_standin):
    message = XPublisher().test_connection(account(x_standin.url), CREDENTIALS)
    assert message == f"Connected to X as @{X_USER['username']}"
    [request] = x_standin.requests
    assert (request.method, request.path) == ("GET", "/2/users/me")
    assert request.headers["authorization"] == f"Bearer {TOKEN}"
    other = XPublisher().test_connection(account(x_standin.url, username="someoneelse"), CREDENTIALS)
    assert "@someoneelse" in other and "links" in other


# --- failures ---------------------------------------------------------------------------------


def test_a_refused_token_is_auth_rejected_without_the_token(x_standin):
    wrong = "x-oauth2-user-token-WRONG-also-secret"
    with pytest.raises(AuthRejected) as caught:
        XPublisher().publish(XPublisher().render(update(SHORT)), account(x_standin.url), {"access_token": wrong})
    assert "expired" in str(caught.value) and "enter a new one" in str(caught.value)
    assert_no_secret(caught.value, wrong)
    with pytest.raises(AuthRejected):
        XPublisher().test_connection(account(x_standin.url), {"access_token": wrong})


def test_a_server_echoing_the_token_never_shows_it(x_standin):
    x_standin.answer_next(
        403, {"title": "Forbidden", "status": 403, "type": "about:blank", "detail": f"token {TOKEN} lacks tweet.write"}
    )
    with pytest.raises(Rejected) as caught:
        XPublisher().publish(XPublisher().render(update(SHORT)), account(x_standin.url), CREDENTIALS)
    assert "tweet.write" in str(caught.value)
    assert_no_secret(caught.value, TOKEN)


def test_duplicate_content_is_rejected_with_a_plain_explanation(x_standin):
    post = XPublisher().render(update(SHORT))
    XPublisher().publish(post, account(x_standin.url), CREDENTIALS)
    with pytest.raises(Rejected) as caught:
        XPublisher().publish(post, account(x_standin.url), CREDENTIALS)
    assert "same text" in str(caught.value) and not caught.value.retryable


def test_rate_limited_says_when_to_retry(x_standin):
    reset = int(time.time()) + 600
    x_standin.answer_next(
        429,
        {"title": "Too Many Requests", "detail": "Too Many Requests", "type": "about:blank", "status": 429},
        {"x-rate-limit-limit": "100", "x-rate-limit-remaining": "0", "x-rate-limit-reset": str(reset)},
    )
    with pytest.raises(RateLimited) as caught:
        XPublisher().publish(XPublisher().render(update(SHORT)), account(x_standin.url), CREDENTIALS)
    assert 590 <= caught.value.retry_after <= 600
    assert "10 minutes" in str(caught.value) and caught.value.retryable


def test_a_server_error_is_a_retryable_network_error(x_standin):
    x_standin.answer_next(
        503, {"title": "Service Unavailable", "detail": "Service Unavailable", "type": "about:blank", "status": 503}
    )
    with pytest.raises(NetworkError) as caught:
        XPublisher().publish(XPublisher().render(update(SHORT)), account(x_standin.url), CREDENTIALS)
    assert "503" in str(caught.value) and caught.value.retryable


def test_a_wrong_api_address_is_not_found(x_standin):
    with pytest.raises(NotFound):
        XPublisher().publish(XPublisher().render(update(SHORT)), account(x_standin.url + "/api"), CREDENTIALS)


def test_connection_refused_sends_nothing_and_may_be_retried(closed_port):
    with pytest.raises(NetworkError) as caught:
        XPublisher().publish(
            XPublisher().render(update(SHORT)), account(f"http://127.0.0.1:{closed_port}"), CREDENTIALS
        )
    assert "refused" in str(caught.value) and "nothing was sent" in str(caught.value)
    assert caught.value.retryable


def test_a_silent_server_is_a_timeout_that_may_have_posted(silent_server):
    started = time.monotonic()
    with pytest.raises(OutcomeUnknown) as caught:
        XPublisher().publish(
            XPublisher().render(update(SHORT)),
            account(f"http://127.0.0.1:{silent_server.port}", timeout="0.5"),
            CREDENTIALS,
        )
    assert time.monotonic() - started < 5
    assert "may or may not be on X" in str(caught.value)
    assert not caught.value.retryable  # X has no idempotency key: never resent on its own
    assert_no_secret(caught.value, TOKEN)


def test_a_failure_in_the_middle_of_a_thread_says_what_went_out(x_standin):
    post = XPublisher().render(update(LONG))
    x_standin.answer_next(201, {"data": {"id": "1860000000000000900", "text": post.parts[0]}})
    x_standin.answer_next(
        500, {"title": "Internal Server Error", "status": 500, "type": "about:blank", "detail": "Internal Server Error"}
    )
    with pytest.raises(OutcomeUnknown) as caught:
        XPublisher().publish(post, account(x_standin.url), CREDENTIALS)
    message = str(caught.value)
    assert f"Only 1 of {len(post.parts)} parts" in message
    assert "https://x.com/examplestatus/status/1860000000000000900" in message
    assert not caught.value.retryable
    assert len(x_standin.requests) == 2


def test_cancelled_before_anything_is_sent(x_standin):
    cancel = threading.Event()
    cancel.set()
    with pytest.raises(Cancelled) as caught:
        XPublisher().publish(XPublisher().render(update(SHORT)), account(x_standin.url), CREDENTIALS, cancel=cancel)
    assert "nothing was sent" in str(caught.value)
    assert x_standin.requests == []


def test_cancelled_in_the_middle_of_a_thread_stops_and_says_what_went_out(x_standin):
    post = XPublisher().render(update(LONG))
    cancel = threading.Event()

    def report(fraction: float, text: str) -> None:
        if x_standin.requests:  # the first part is out: the user presses Cancel
            cancel.set()

    with pytest.raises(PublishError) as caught:
        XPublisher().publish(post, account(x_standin.url), CREDENTIALS, report=report, cancel=cancel)
    assert not isinstance(caught.value, Cancelled)  # something was sent
    assert f"Only 1 of {len(post.parts)} parts" in str(caught.value) and "You stopped it" in str(caught.value)
    assert len(x_standin.requests) == 1


def test_an_overlong_part_is_refused_before_sending(x_standin):
    post = XPublisher().render(update(SHORT))
    post.parts = ["日本語" * 50]  # 300 weighted characters
    with pytest.raises(TooLong):
        XPublisher().publish(post, account(x_standin.url), CREDENTIALS)
    assert x_standin.requests == []


@pytest.mark.parametrize(
    ("settings", "words"),
    [
        ({"api_url": "http://api.example.net"}, "https"),
        ({"api_url": "ftp://127.0.0.1"}, "not a web address"),
        ({"username": "not a name"}, "not an X user name"),
        ({"timeout": "soon"}, "not a number of seconds"),
    ],
)
def test_bad_settings_are_named_before_any_request(x_standin, settings, words):
    with pytest.raises(PublishError) as caught:
        XPublisher().publish(XPublisher().render(update(SHORT)), account(x_standin.url, **settings), CREDENTIALS)
    assert words in str(caught.value)
    assert x_standin.requests == []


def test_a_missing_token_is_named(x_standin):
    with pytest.raises(AuthRejected) as caught:
        XPublisher().publish(XPublisher().render(update(SHORT)), account(x_standin.url), {})
    assert "No access token" in str(caught.value)
    assert x_standin.requests == []


@pytest.fixture
def cut_answer_server():
    """Takes the post, starts a 201 answer, and hangs up in the middle of its body."""
    import socket

    listener = socket.create_server(("127.0.0.1", 0))
    listener.settimeout(10)

    def serve() -> None:
        with suppress(OSError):
            connection, _ = listener.accept()
            with connection:
                connection.recv(65536)
                connection.sendall(
                    b"HTTP/1.1 201 Created\r\nContent-Type: application/json\r\n"
                    b'Transfer-Encoding: chunked\r\n\r\n20\r\n{"data": {"id": "18'
                )

    thread = threading.Thread(target=serve, daemon=True)
    thread.start()
    yield listener.getsockname()[1]
    listener.close()
    thread.join(5)


def test_an_answer_cut_off_after_a_post_is_never_retried_on_its_own(cut_answer_server):
    with pytest.raises(OutcomeUnknown) as caught:
        XPublisher().publish(
            XPublisher().render(update(SHORT)),
            account(f"http://127.0.0.1:{cut_answer_server}", timeout="2"),
            CREDENTIALS,
        )
    assert "may or may not be on X" in str(caught.value)
    assert not caught.value.retryable  # the post may have arrived; X has no idempotency key
    assert_no_secret(caught.value, TOKEN)
