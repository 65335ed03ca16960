# SPDX-License-Identifier: GPL-3.0-or-later
"""The LinkedIn publisher against a stand-in of LinkedIn's Posts API on 127.0.0.1.

No LinkedIn server can run here: these are contract tests. The stand-in (social_api_standin.py)
records each request and answers with the response shapes of LinkedIn's published API description,
after checking the request against it (headers, body fields, escaped little text); its
`violations` must stay empty.
"""

from __future__ import annotations

import threading
import time

import pytest
from social_api_standin import LINKEDIN_MEMBER, Standin, assert_no_secret, linkedin_api, unescape_little

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
from composer.publishers.linkedin import DEFAULT_VERSION, LIMIT, LinkedInPublisher, commentary_length, escape_little
from composer.publishers.registry import discover

TOKEN = "AQV-linkedin-oauth2-token-c2VjcmV0-never-in-a-message"
CREDENTIALS = {"access_token": TOKEN}
PERSON = f"urn:li:person:{LINKEDIN_MEMBER['sub']}"
BODY = (
    "Card payments at checkout (Europe) are failing since 10:02 — we are on it.\n\n"
    "Status: *investigating* #payments_v2 @oncall <team> [EU] {gateway} a|b ~1h \\ path\n\n"
    "Details: https://status.example.net/incidents/12_checkout"
)


@pytest.fixture
def linkedin_standin():
    with Standin(linkedin_api, token=TOKEN) as standin:
        yield standin


def account(url: str, **settings: str) -> Account:
    values = {"api_url": url, "author": PERSON, "timeout": "5"}
    values.update(settings)
    return Account(name="status on linkedin", kind="linkedin", settings=values)


def update(body: str = BODY, **fields) -> PublishableUpdate:
    return PublishableUpdate(incident_id=12, update_id=1, title="Checkout payments failing", body=body, **fields)


def publish(url: str, post=None, credentials=None, **settings):
    post = post or LinkedInPublisher().render(update())
    return LinkedInPublisher().publish(post, account(url, **settings), credentials or CREDENTIALS)


def test_the_registry_offers_linkedin():
    entry = discover(False)["linkedin"]
    assert entry.available, entry.error
    assert entry.publisher.display_name == "LinkedIn"
    assert [f.name for f in entry.publisher.account_fields if f.secret] == ["access_token"]
    assert entry.publisher.policy.limit == 3000 and not entry.publisher.policy.threads


def test_a_post_is_sent_as_documented_and_the_receipt_links_to_it(linkedin_standin):
    post = LinkedInPublisher().render(update())
    receipt = publish(linkedin_standin.url, post)
    assert linkedin_standin.violations == []
    [request] = linkedin_standin.requests
    assert (request.method, request.path) == ("POST", "/rest/posts")
    assert request.headers["authorization"] == f"Bearer {TOKEN}"
    assert request.headers["linkedin-version"] == DEFAULT_VERSION
    assert request.headers["x-restli-protocol-version"] == "2.0.0"
    assert request.headers["content-type"] == "application/json"
    body = request.json
    assert body == {
        "author": PERSON,
        "commentary": body["commentary"],
        "visibility": "PUBLIC",
        "distribution": {"feedDistribution": "MAIN_FEED", "targetEntities": [], "thirdPartyDistributionChannels": []},
        "lifecycleState": "PUBLISHED",
        "isReshareDisabledByAuthor": False,
    }
    assert unescape_little(body["commentary"]) == post.text  # what readers see is exactly the text
    assert receipt.remote_id.startswith("urn:li:share:")
    assert receipt.url == f"https://www.linkedin.com/feed/update/{receipt.remote_id}/"
    assert receipt.meta["author"] == PERSON


def test_reserved_little_text_characters_are_escaped_and_links_left_alone():
    escaped = escape_little("a (b) #c_d *e* @f <g> [h] {i} j|k ~l \\ m https://status.example.net/i/12_x")
    assert escaped == (
        "a \\(b\\) \\#c\\_d \\*e\\* \\@f \\<g\\> \\[h\\] \\{i\\} j\\|k \\~l \\\\ m https://status.example.net/i/12_x"
    )


def test_an_organization_page_posts_as_the_organization(linkedin_standin):
    publish(linkedin_standin.url, author="urn:li:organization:2414183")
    assert linkedin_standin.requests[0].json["author"] == "urn:li:organization:2414183"
    assert linkedin_standin.violations == []


def test_connections_visibility_for_a_member(linkedin_standin):
    publish(linkedin_standin.url, visibility="CONNECTIONS")
    assert linkedin_standin.requests[0].json["visibility"] == "CONNECTIONS"


def test_a_long_update_is_shortened_with_a_link_to_the_long_form():
    body = "\n\n".join(
        f"Paragraph {n}: the gateway (EU) rejected cards; we rolled back at 10:{n:02}." * 6 for n in range(40)
    )
    post = LinkedInPublisher().render(update(body, long_url="https://status.example.net/i/12"))
    [text] = post.parts
    assert text.endswith("… https://status.example.net/i/12")
    assert commentary_length(text) <= LIMIT < commentary_length(body)
    assert len(escape_little(text)) <= LIMIT  # the escaped commentary fits too


def test_a_long_update_without_a_long_form_is_too_long():
    with pytest.raises(TooLong):
        LinkedInPublisher().render(update("word " * 1000))


def test_test_connection_names_the_member(linkedin_standin):
    message = LinkedInPublisher().test_connection(account(linkedin_standin.url), CREDENTIALS)
    assert message == f"Connected to LinkedIn as {LINKEDIN_MEMBER['name']}"
    [request] = linkedin_standin.requests
    assert (request.method, request.path) == ("GET", "/v2/userinfo")
    assert request.headers["authorization"] == f"Bearer {TOKEN}"
    other = LinkedInPublisher().test_connection(
        account(linkedin_standin.url, author="urn:li:person:someone"), CREDENTIALS
    )
    assert "someone else" in other


def test_test_connection_with_a_token_that_may_not_read_the_profile(linkedin_standin):
    linkedin_standin.answer_next(
        403,
        {
            "status": 403,
            "serviceErrorCode": 100,
            "code": "ACCESS_DENIED",
            "message": "Not enough permissions to access: userinfo.GET.NO_VERSION",
        },
    )
    message = LinkedInPublisher().test_connection(
        account(linkedin_standin.url, author="urn:li:organization:1"), CREDENTIALS
    )
    assert "accepted the token" in message and "urn:li:organization:1" in message


# --- failures ---------------------------------------------------------------------------------


def test_a_refused_token_is_auth_rejected_without_the_token(linkedin_standin):
    wrong = "AQV-wrong-linkedin-token-also-secret"
    with pytest.raises(AuthRejected) as caught:
        publish(linkedin_standin.url, credentials={"access_token": wrong})
    assert "expired" in str(caught.value) and "Invalid access token" in str(caught.value)
    assert_no_secret(caught.value, wrong)


def test_a_missing_permission_names_the_scope(linkedin_standin):
    linkedin_standin.answer_next(
        403,
        {
            "status": 403,
            "serviceErrorCode": 100,
            "code": "ACCESS_DENIED",
            "message": f"Not enough permissions for {TOKEN}",
        },
    )
    with pytest.raises(AuthRejected) as caught:
        publish(linkedin_standin.url, author="urn:li:organization:2414183")
    assert "w_organization_social" in str(caught.value)
    assert_no_secret(caught.value, TOKEN)


def test_a_duplicate_is_rejected_in_plain_words(linkedin_standin):
    linkedin_standin.answer_next(
        422,
        {
            "status": 422,
            "code": "DUPLICATE_POST",
            "message": "Content is a duplicate of urn:li:share:7200000000000000001",
        },
    )
    with pytest.raises(Rejected) as caught:
        publish(linkedin_standin.url)
    assert "same text" in str(caught.value) and not caught.value.retryable


def test_an_old_api_version_says_what_to_change(linkedin_standin):
    linkedin_standin.answer_next(
        426, {"status": 426, "code": "NONEXISTENT_VERSION", "message": "Requested version 20230101 is not active"}
    )
    with pytest.raises(PublishError) as caught:
        publish(linkedin_standin.url, api_version="202301")
    assert "LinkedIn-Version" in str(caught.value) and "202301" in str(caught.value)


def test_rate_limited_uses_retry_after(linkedin_standin):
    linkedin_standin.answer_next(
        429, {"status": 429, "message": "Resource level throttle APPLICATION DAY limit"}, {"Retry-After": "7200"}
    )
    with pytest.raises(RateLimited) as caught:
        publish(linkedin_standin.url)
    assert caught.value.retry_after == 7200 and "2 hours" in str(caught.value)


def test_rate_limited_without_retry_after_waits_for_midnight_utc(linkedin_standin):
    linkedin_standin.answer_next(429, {"status": 429, "message": "Resource level throttle MEMBER DAY limit"})
    with pytest.raises(RateLimited) as caught:
        publish(linkedin_standin.url)
    assert 0 < caught.value.retry_after <= 24 * 3600


def test_a_server_error_is_a_retryable_network_error(linkedin_standin):
    linkedin_standin.answer_next(504, {"status": 504, "message": "Gateway Timeout"})
    with pytest.raises(NetworkError) as caught:
        publish(linkedin_standin.url)
    assert "504" in str(caught.value) and caught.value.retryable


def test_a_wrong_api_address_is_not_found(linkedin_standin):
    with pytest.raises(NotFound):
        publish(linkedin_standin.url + "/v1")


def test_connection_refused_sends_nothing(closed_port):
    with pytest.raises(NetworkError) as caught:
        publish(f"http://127.0.0.1:{closed_port}")
    assert "nothing was sent" in str(caught.value) and caught.value.retryable


def test_a_silent_server_is_a_timeout_that_may_have_posted(silent_server):
    started = time.monotonic()
    with pytest.raises(OutcomeUnknown) as caught:
        publish(f"http://127.0.0.1:{silent_server.port}", timeout="0.5")
    assert time.monotonic() - started < 5
    assert "may or may not be on LinkedIn" in str(caught.value) and not caught.value.retryable
    assert_no_secret(caught.value, TOKEN)


def test_cancelled_before_sending_sends_nothing(linkedin_standin):
    cancel = threading.Event()
    cancel.set()
    with pytest.raises(Cancelled):
        LinkedInPublisher().publish(
            LinkedInPublisher().render(update()), account(linkedin_standin.url), CREDENTIALS, cancel=cancel
        )
    assert linkedin_standin.requests == []


@pytest.mark.parametrize(
    ("settings", "words"),
    [
        ({"author": "marta"}, "urn:li:person"),
        ({"author": "urn:li:organization:acme"}, "must be a number"),
        ({"author": "urn:li:organization:1", "visibility": "CONNECTIONS"}, "no connections"),
        ({"visibility": "FRIENDS"}, "PUBLIC or CONNECTIONS"),
        ({"api_version": "2026-10"}, "YYYYMM"),
        ({"api_url": "http://api.linkedin.com"}, "https"),
    ],
)
def test_bad_settings_are_named_before_any_request(linkedin_standin, settings, words):
    with pytest.raises(PublishError) as caught:
        publish(linkedin_standin.url, **settings)
    assert words in str(caught.value)
    assert linkedin_standin.requests == []
