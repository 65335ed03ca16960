# SPDX-License-Identifier: GPL-3.0-or-later
"""What network publishers share (composer/publishers/web.py), on its own.

The X and LinkedIn tests cover it through each channel; these pin what it decides by itself: the
request it sends, the order in which error answers are worded, the connection failures it words
for every channel, and that the token never reaches a message.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from email.utils import format_datetime
from types import SimpleNamespace

import pytest
from requests.structures import CaseInsensitiveDict
from social_api_standin import Answer, Standin, assert_no_secret

from composer.publishers.base import (
    AuthRejected,
    NetworkError,
    NotFound,
    OutcomeUnknown,
    PublishError,
    RateLimited,
    Rejected,
)
from composer.publishers.web import (
    api_address,
    bearer_token,
    http_error,
    maybe_posted,
    retry_after_header,
    send_json,
)

TOKEN = "bearer-token-c2VjcmV0-never-in-a-message"


def ok_api(_standin: Standin, _request) -> Answer:
    return Answer(201, {"ok": True})


@pytest.fixture
def api():
    with Standin(ok_api, token=TOKEN) as standin:
        yield standin


def common_error(response) -> PublishError:
    return http_error(
        response, channel="Example", api="https://api.example.net", detail="", token_lifetime="tokens last a day"
    )


def unanswered_unexpected(error: Exception, writing: bool) -> PublishError:
    raise AssertionError(f"not for a connection that was never made: {error!r}")


def send(url: str, method: str = "POST", **options):
    options.setdefault("http_error", common_error)
    options.setdefault("unanswered", unanswered_unexpected)
    return send_json(method, url, "/v1/posts", TOKEN, timeout=5, body={"text": "hello"}, **options)


def headers(**values: str) -> SimpleNamespace:
    return SimpleNamespace(headers=CaseInsensitiveDict(values))


# --- settings and the token -------------------------------------------------------------------


def test_an_api_address_is_checked_and_empty_means_the_default():
    assert api_address("", "Example", "https://api.example.net") == "https://api.example.net"
    assert api_address(" https://api.example.net/ ", "Example", "https://x") == "https://api.example.net"
    assert api_address("http://127.0.0.1:8080", "Example", "https://x") == "http://127.0.0.1:8080"
    with pytest.raises(PublishError, match=r"Example API address .* must use https"):
        api_address("http://api.example.net", "Example", "https://x")
    with pytest.raises(PublishError, match="not a web address"):
        api_address("ftp://127.0.0.1", "Example", "https://x")


def test_a_bearer_token_must_be_stored_and_fit_in_a_header():
    assert bearer_token({"access_token": f"  {TOKEN}\n"}, "Example") == TOKEN
    with pytest.raises(AuthRejected, match="No access token is stored for this Example account"):
        bearer_token({}, "Example")
    with pytest.raises(AuthRejected, match="spaces or line breaks"):
        bearer_token({"access_token": "two words"}, "Example")


def test_retry_after_is_read_as_seconds_or_an_http_date():
    assert retry_after_header(headers(**{"Retry-After": "7200"})) == 7200
    assert retry_after_header(headers(**{"retry-after": " 60 "})) == 60
    assert retry_after_header(headers()) is None
    assert retry_after_header(headers(**{"Retry-After": "soon"})) is None
    in_ten_minutes = format_datetime(datetime.now(UTC) + timedelta(minutes=10), usegmt=True)
    assert 590 <= retry_after_header(headers(**{"Retry-After": in_ten_minutes})) <= 600
    assert retry_after_header(headers(**{"Retry-After": "Wed, 21 Oct 2015 07:28:00 GMT"})) == 0  # past: now


def test_a_post_that_may_have_arrived_is_never_resent_on_its_own():
    error = maybe_posted("https://api.example.net", 20, "Example", "the feed")
    assert isinstance(error, OutcomeUnknown) and not error.retryable
    assert "within 20 seconds" in str(error) and "may or may not be on Example" in str(error)
    assert "look at the feed" in str(error)


# --- the request ------------------------------------------------------------------------------


def test_the_request_carries_the_token_the_channel_headers_and_json(api):
    response = send(api.url, headers={"Example-Version": "202610"})
    assert response.status_code == 201 and response.json() == {"ok": True}
    [request] = api.requests
    assert (request.method, request.path) == ("POST", "/v1/posts")
    assert request.headers["authorization"] == f"Bearer {TOKEN}"
    assert request.headers["example-version"] == "202610"
    assert request.headers["accept"] == "application/json"
    assert request.headers["content-type"] == "application/json"
    assert request.json == {"text": "hello"}


@pytest.mark.parametrize(
    ("status", "error_type", "words"),
    [
        (401, AuthRejected, "Example refused the access token (Example said: no). It may have expired (tokens last"),
        (404, NotFound, "has no Example API at /v1/posts"),
        (422, Rejected, "Example refused the post as invalid (Example said: no)."),
        (409, PublishError, "Example answered 409 (Example said: no)."),
        (503, NetworkError, "Example had a problem (503) (Example said: no); try again later."),
    ],
)
def test_common_error_answers(api, status, error_type, words):
    def worded(response):
        return http_error(response, channel="Example", api=api.url, detail="no", token_lifetime="tokens last a day")

    api.answer_next(status, {"message": "no"})
    with pytest.raises(error_type) as caught:
        send(api.url, http_error=worded)
    assert type(caught.value) is error_type and words in str(caught.value)


def test_a_channel_words_its_own_answers_after_a_refused_token_and_before_the_rest(api):
    seen = []

    def own(response, detail, said):
        seen.append(response.status_code)
        if response.status_code == 429:
            return RateLimited(f"slow down{said}", retry_after=retry_after_header(response))
        if response.status_code == 409:
            return Rejected("a duplicate")
        return None

    def worded(response):
        return http_error(
            response,
            channel="Example",
            api=api.url,
            detail="busy",
            token_lifetime="a day",
            own=own,
            invalid=(400, 409, 422),
        )

    api.answer_next(401, {})
    with pytest.raises(AuthRejected):
        send(api.url, http_error=worded)
    assert seen == []  # a refused token is always the token
    api.answer_next(429, {}, {"Retry-After": "30"})
    with pytest.raises(RateLimited) as caught:
        send(api.url, http_error=worded)
    assert caught.value.retry_after == 30 and str(caught.value) == "slow down (Example said: busy)"
    api.answer_next(409, {})
    with pytest.raises(Rejected, match="a duplicate"):
        send(api.url, http_error=worded)
    api.answer_next(400, {})
    with pytest.raises(Rejected, match="refused the post as invalid"):
        send(api.url, http_error=worded)
    assert seen == [429, 409, 400]


def test_a_token_echoed_in_an_error_answer_is_scrubbed(api):
    def echoing(response):
        return http_error(response, channel="Example", api=api.url, detail=f"bad token {TOKEN}", token_lifetime="a day")

    api.answer_next(401, {})
    with pytest.raises(AuthRejected) as caught:
        send(api.url, http_error=echoing)
    assert "bad token •••" in str(caught.value)
    assert_no_secret(caught.value, TOKEN)


# --- the network ------------------------------------------------------------------------------


def test_a_refused_connection_sent_nothing_and_may_be_retried(closed_port):
    with pytest.raises(NetworkError) as caught:
        send(f"http://127.0.0.1:{closed_port}")
    assert "refused the connection; nothing was sent" in str(caught.value) and caught.value.retryable
    assert_no_secret(caught.value, TOKEN)


@pytest.mark.parametrize(("method", "writing"), [("POST", True), ("GET", False)])
def test_no_answer_is_left_to_the_channel_with_whether_it_wrote(silent_server, method, writing):
    calls = []

    def unanswered(error: Exception, wrote: bool) -> PublishError:
        calls.append((type(error).__name__, wrote))
        return NetworkError(f"no answer to {TOKEN}")

    with pytest.raises(NetworkError) as caught:
        send_json(
            method,
            f"http://127.0.0.1:{silent_server.port}",
            "/v1/posts",
            TOKEN,
            timeout=0.3,
            http_error=common_error,
            unanswered=unanswered,
        )
    assert calls == [("ReadTimeout", writing)]
    assert str(caught.value) == "no answer to •••"
    assert_no_secret(caught.value, TOKEN)
