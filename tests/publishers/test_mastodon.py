# SPDX-License-Identifier: GPL-3.0-or-later
"""The Mastodon publisher against a STAND-IN server checked against Mastodon's published API description.

No Mastodon-compatible server can run on these machines (none is installable here; see
/work/shared/PEERS.md), so these tests talk over real HTTP to `mastodon_standin.MastodonStandIn`
on 127.0.0.1. Every request the publisher sends and every response the stand-in returns is
validated against `mastodon-openapi.json` (OpenAPI 3.1, generated from the official Mastodon
documentation by abraham/mastodon-openapi) with jsonschema Draft 2020-12; a mismatch fails the
test. `test_validation_catches_a_bad_request_and_a_bad_response` shows the checks are not vacuous.
How Mastodon counts length is pinned by unit tests that cite its documentation and source.
"""

from __future__ import annotations

import itertools
import json
import threading
import time
import traceback
from datetime import datetime

import pytest
import requests
from mastodon_standin import MastodonStandIn, description
from openapi_validation import OpenAPIViolation

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
    Receipt,
    Rejected,
    TooLong,
)
from composer.publishers.mastodon import MastodonPublisher, idempotency_key, status_length
from composer.publishers.registry import discover
from composer.publishers.service import PublishingService, _receipt_data

TOKEN = "Zq9-mastodon-token-7f3c-not-in-any-message"
CREDENTIALS = {"token": TOKEN}
PARAGRAPHS = [
    "We are investigating failed card payments at checkout since 09:12 UTC. Orders paid by card do not "
    "complete; PayPal and bank transfers work. Your basket is kept.",
    "Our payment provider confirmed an outage on their side and is working on it. We have asked them for an "
    "estimate and will post it here as soon as we have one. Details: https://status.example.com/incidents/"
    "2024-03-01-checkout-payments-failing-for-card-holders-in-europe",
    "If you were charged but saw an error, the charge will be reversed automatically within five working days; "
    "you do not need to contact us. If it is not, write to help@example.com with your order number.",
    "We are sorry for the trouble this causes, especially to those of you who were in the middle of an order. "
    "Next update by 11:00 UTC, or sooner if anything changes.",
    "— Marta Vidal, on-call engineer, for the whole payments team, which is working on this right now.",
]
LONG_BODY = "\n\n".join(PARAGRAPHS)


@pytest.fixture
def mastodon():
    """A stand-in Mastodon instance (500 characters); fails the test if anything broke the API description."""
    with MastodonStandIn(token=TOKEN) as standin:
        yield standin
    assert not standin.violations, "\n\n".join(standin.violations)


def make_account(url: str, **settings: str) -> Account:
    return Account(name="status toots", kind="mastodon", settings={"url": url, "visibility": "public", **settings})


def make_update(
    update_id: int = 1, body: str = "Checkout payments are failing. We are on it.", *, incident_id: int = 7, **fields
) -> PublishableUpdate:
    return PublishableUpdate(
        incident_id=incident_id, update_id=update_id, title="Checkout payments failing", body=body, **fields
    )


def assert_no_secret(error: BaseException) -> None:
    """The token is not in the error, nor in any error chained to it (text, repr, arguments)."""
    seen: BaseException | None = error
    while seen is not None:
        for text in (str(seen), repr(seen), *traceback.format_exception_only(seen), *map(repr, seen.args)):
            assert TOKEN not in text
        seen = seen.__cause__ or seen.__context__


def previous_receipt(receipt: Receipt) -> dict[str, object]:
    """The receipt as the publishing service hands it to the next update of the incident."""
    return _receipt_data(receipt)


# --- how Mastodon counts ----------------------------------------------------------------------


def test_a_link_counts_as_the_reserved_length_however_long_it_is():
    # docs.joinmastodon.org/user/posting/#text: "When posting links, all links are counted as 23 characters,
    # no matter how long"; entities/Instance: configuration.statuses.characters_reserved_per_url, "Each URL
    # in a status will be assumed to be exactly this many characters."
    long_link = "https://status.example.com/incidents/2024-03-01/checkout-payments-failing?from=toot"
    assert status_length(f"Details: {long_link}") == len("Details: ") + 23
    assert status_length(f"Details: {long_link}", url_length=30) == len("Details: ") + 30
    assert status_length("https://a.io") == 23  # a short link counts 23 too
    # Same page: "If you post links, they must begin with http:// or https://" (the validator extracts
    # URLs with extract_url_without_protocol: false): a bare domain counts its own characters.
    bare = "see status.example.com/incidents/2024-03-01"
    assert status_length(bare) == len(bare)


def test_a_mention_counts_only_its_username():
    # docs.joinmastodon.org/user/posting/#text: "When mentioning other people, the domain part of their username
    # is not counted" (StatusLengthValidator rewrites a mention to "@#{username}").
    assert status_length("Thanks @alice@mastodon.example.org for the report") == len("Thanks @alice for the report")
    assert status_length("Thanks @alice for the report") == len("Thanks @alice for the report")
    # An email address is not a mention (Account::MENTION_RE needs no word character before the @).
    assert status_length("write to help@example.com") == len("write to help@example.com")


def test_emoji_and_combining_characters_count_as_one():
    # Mastodon's StatusLengthValidator#countable_length counts `each_grapheme_cluster` (app/validators/
    # status_length_validator.rb); the web composer counts the same way.
    family, flag, thumbs, accented = "👩\u200d👩\u200d👧", "🇪🇸", "👍🏽", "e\u0301"
    assert status_length(family) == 1
    assert status_length(flag) == 1
    assert status_length(thumbs) == 1
    assert status_length(accented) == 1 and len(accented) == 2
    assert status_length(f"{family} {flag} {accented}") == 5


def test_a_mention_inside_a_link_is_part_of_the_link():
    # Extractor.remove_overlapping_entities keeps the entity that starts first.
    assert status_length("https://mastodon.social/@alice@example.org/123") == 23


def test_idempotency_key_is_stable_per_incident_update_part_and_text():
    key = idempotency_key("7", 1, 0, 2, "first part (1/2)")
    assert key == idempotency_key("7", 1, 0, 2, "first part (1/2)")
    others = {
        idempotency_key("8", 1, 0, 2, "first part (1/2)"),
        idempotency_key("7", 2, 0, 2, "first part (1/2)"),
        idempotency_key("7", 1, 1, 2, "first part (1/2)"),
        idempotency_key("7", 1, 0, 2, "edited (1/2)"),
    }
    assert key not in others and len(others) == 4


# --- posting ----------------------------------------------------------------------------------


def test_short_post_is_one_status(mastodon):
    publisher = MastodonPublisher()
    update = make_update(
        body="Checkout payments are failing. **We are on it.**\n\nMore: https://status.example.com/7", language="ca"
    )
    progress: list[tuple[float, str]] = []
    post = publisher.render(update)
    assert post.parts == ["Checkout payments are failing. We are on it.\n\nMore: https://status.example.com/7"]

    receipt = publisher.publish(
        post, make_account(mastodon.url), CREDENTIALS, report=lambda fraction, text: progress.append((fraction, text))
    )

    [status] = mastodon.in_order()
    [sent] = mastodon.posts()
    assert sent.body == {"status": post.parts[0], "visibility": "public", "language": "ca"}
    assert sent.headers["authorization"] == f"Bearer {TOKEN}"
    assert sent.headers["idempotency-key"] == idempotency_key("7", 1, 0, 1, post.parts[0])
    assert sent.headers["content-type"] == "application/json"
    assert receipt.remote_id == status["id"] and receipt.url == status["url"]
    assert receipt.url == f"{mastodon.url}/@status/{status['id']}"
    assert receipt.channel == "mastodon" and receipt.account == "status toots"
    assert receipt.meta["status_ids"] == [status["id"]] and receipt.meta["thread_root_id"] == status["id"]
    assert receipt.published_at.utcoffset().total_seconds() == 0
    assert progress[-1][0] == 1.0 and [f for f, _ in progress] == sorted(f for f, _ in progress)
    # The status as anyone reads it back from the API.
    fetched = requests.get(
        f"{mastodon.url}/api/v1/statuses/{status['id']}",
        timeout=5,
        headers={"Authorization": f"Bearer {mastodon.reader_token}"},
    ).json()
    assert fetched["in_reply_to_id"] is None and fetched["language"] == "ca" and fetched["visibility"] == "public"


def test_unlisted_visibility_and_the_medium_social_text(mastodon):
    publisher = MastodonPublisher()
    update = make_update(
        body="The long form, not for Mastodon.", texts={"social-medium": "Payments down. We're on it."}
    )
    publisher.publish(publisher.render(update), make_account(mastodon.url, visibility="unlisted"), CREDENTIALS)
    [sent] = mastodon.posts()
    assert sent.body["status"] == "Payments down. We're on it." and sent.body["visibility"] == "unlisted"


def test_a_long_link_does_not_make_a_thread(mastodon):
    # 470 characters and a 120-character link: 590 by len(), 493 as Mastodon counts, so one status.
    link = "https://status.example.com/incidents/" + "checkout-payments-failing-" * 3 + "x" * 5
    text = ("Card payments fail at checkout. " * 15)[:469] + " " + link
    assert len(text) > 500 and status_length(text) == 470 + 23
    publisher = MastodonPublisher()
    post = publisher.render(make_update(body=text))
    assert post.parts == [text]
    publisher.publish(post, make_account(mastodon.url), CREDENTIALS)
    [status] = mastodon.in_order()
    assert status["in_reply_to_id"] is None and len(mastodon.posts()) == 1


def test_long_update_is_a_thread_chained_by_in_reply_to(mastodon):
    publisher = MastodonPublisher()
    post = publisher.render(make_update(body=LONG_BODY))
    count = len(post.parts)
    assert count >= 2

    receipt = publisher.publish(post, make_account(mastodon.url), CREDENTIALS)

    statuses = mastodon.in_order()
    sent = [request.body for request in mastodon.posts()]
    assert [body["status"] for body in sent] == post.parts
    assert [status["id"] for status in statuses] == receipt.meta["status_ids"]
    assert statuses[0]["in_reply_to_id"] is None
    for earlier, later in itertools.pairwise(statuses):
        assert later["in_reply_to_id"] == earlier["id"]
    for index, body in enumerate(sent, 1):
        assert body["status"].endswith(f" ({index}/{count})")
        assert status_length(body["status"]) <= 500
    assert "in_reply_to_id" not in sent[0]
    keys = [request.headers["idempotency-key"] for request in mastodon.posts()]
    assert len(set(keys)) == count
    assert receipt.remote_id == statuses[0]["id"] and receipt.url == statuses[0]["url"]
    assert receipt.meta["last_status_id"] == statuses[-1]["id"]


def test_retry_after_a_lost_answer_posts_nothing_twice(mastodon):
    publisher = MastodonPublisher()
    post = publisher.render(make_update())
    account = make_account(mastodon.url)
    mastodon.drop_next_post_answer = True  # the status is made, the answer never arrives

    with pytest.raises(OutcomeUnknown) as lost:  # the outbox keeps it uncertain, and looks within the hour
        publisher.publish(post, account, CREDENTIALS)
    assert "again within an hour is safe" in str(lost.value)
    assert len(mastodon.statuses) == 1

    receipt = publisher.publish(post, account, CREDENTIALS)

    assert len(mastodon.statuses) == 1
    [status] = mastodon.in_order()
    assert receipt.remote_id == status["id"]
    first, second = mastodon.posts()
    assert first.headers["idempotency-key"] == second.headers["idempotency-key"]


def test_later_updates_reply_to_the_incident_thread(mastodon):
    publisher = MastodonPublisher()
    account = make_account(mastodon.url)
    first = publisher.publish(publisher.render(make_update(1, LONG_BODY)), account, CREDENTIALS)

    second_post = publisher.render(make_update(2, "Card payments work again. We keep watching."))
    second_post.meta["incident_key"] = "7"
    second_post.meta["previous"] = previous_receipt(first)
    second = publisher.publish(second_post, account, CREDENTIALS)

    third_post = publisher.render(make_update(3, "Resolved. Sorry again."))
    third_post.meta["previous"] = previous_receipt(second)
    third = publisher.publish(third_post, account, CREDENTIALS)

    statuses = {status["id"]: status for status in mastodon.in_order()}
    assert statuses[second.remote_id]["in_reply_to_id"] == first.meta["last_status_id"]
    assert statuses[third.remote_id]["in_reply_to_id"] == second.remote_id
    assert (
        first.meta["thread_root_id"] == second.meta["thread_root_id"] == third.meta["thread_root_id"] == first.remote_id
    )


def test_an_instance_with_a_1000_character_limit_gets_fewer_longer_posts():
    publisher = MastodonPublisher()
    post = publisher.render(make_update(body=LONG_BODY))  # the preview assumes 500
    assert len(post.parts) >= 2 and status_length(post.text) <= 1000
    with MastodonStandIn(token=TOKEN, max_characters=1000) as roomy:
        receipt = publisher.publish(post, make_account(roomy.url), CREDENTIALS)
        again = publisher.publish(publisher.render(make_update(2, "Fixed.")), make_account(roomy.url), CREDENTIALS)
    assert not roomy.violations, roomy.violations
    [sent, _] = roomy.posts()
    assert sent.body["status"] == post.meta["source_text"]  # one status, no (i/n) marker
    assert status_length(sent.body["status"]) > 500
    assert receipt.meta["status_ids"] == [receipt.remote_id] and receipt.meta["limit"] == 1000
    assert again.meta["limit"] == 1000
    # The instance's limits are asked once per session.
    assert [r.path for r in roomy.requests].count("/api/v2/instance") == 1


def test_a_smaller_instance_limit_and_link_length_refit_the_thread():
    publisher = MastodonPublisher()
    post = publisher.render(make_update(body=LONG_BODY))
    with MastodonStandIn(token=TOKEN, max_characters=300, url_length=40) as small:
        publisher.publish(post, make_account(small.url), CREDENTIALS)
    assert not small.violations, small.violations
    sent = [request.body["status"] for request in small.posts()]
    assert len(sent) > len(post.parts)
    assert all(status_length(text, url_length=40) <= 300 for text in sent)
    assert sent[-1].endswith(f"({len(sent)}/{len(sent)})")


def test_an_instance_older_than_4_0_gets_the_default_500_and_23():
    publisher = MastodonPublisher()
    post = publisher.render(make_update(body=LONG_BODY))
    with MastodonStandIn(token=TOKEN, instance_v2=False) as old:
        receipt = publisher.publish(post, make_account(old.url), CREDENTIALS)
    assert not old.violations, old.violations
    assert [request.body["status"] for request in old.posts()] == post.parts
    assert receipt.meta["limit"] == 500


# --- failures ---------------------------------------------------------------------------------


def test_wrong_token_is_refused_without_showing_it(mastodon):
    publisher = MastodonPublisher()
    with pytest.raises(AuthRejected) as refused:
        publisher.publish(publisher.render(make_update()), make_account(mastodon.url), {"token": TOKEN + "x"})
    message = str(refused.value)
    assert "refused the access token" in message and "Preferences → Development" in message
    assert TOKEN not in message  # the wrong token is the right one plus a letter
    assert_no_secret(refused.value)
    assert mastodon.statuses == {}


def test_a_token_without_the_write_scope_is_refused():
    with MastodonStandIn(token=TOKEN, scopes=("read:accounts",)) as standin:
        publisher = MastodonPublisher()
        with pytest.raises(AuthRejected) as refused:
            publisher.publish(publisher.render(make_update()), make_account(standin.url), CREDENTIALS)
    assert not standin.violations, standin.violations
    assert "write:statuses" in str(refused.value) and "outside the authorized scopes" in str(refused.value)
    assert_no_secret(refused.value)


def test_no_token_stored(mastodon):
    publisher = MastodonPublisher()
    with pytest.raises(AuthRejected, match="No access token"):
        publisher.publish(publisher.render(make_update()), make_account(mastodon.url), {})
    assert mastodon.requests == []


def test_server_down_is_a_network_error(closed_port):
    publisher = MastodonPublisher()
    with pytest.raises(NetworkError) as down:
        publisher.publish(publisher.render(make_update()), make_account(f"http://127.0.0.1:{closed_port}"), CREDENTIALS)
    assert f"127.0.0.1:{closed_port} refused the connection" in str(down.value)
    assert down.value.retryable
    assert_no_secret(down.value)


def test_a_silent_server_times_out(silent_server):
    publisher = MastodonPublisher()
    started = time.monotonic()
    with pytest.raises(NetworkError) as hung:
        publisher.publish(
            publisher.render(make_update()),
            make_account(f"http://127.0.0.1:{silent_server.port}", timeout="1"),
            CREDENTIALS,
        )
    assert time.monotonic() - started < 10
    assert "did not answer within 1 seconds" in str(hung.value)
    assert_no_secret(hung.value)


@pytest.mark.parametrize("retry_after", [False, True], ids=["X-RateLimit-Reset", "Retry-After"])
def test_rate_limited_says_when_to_retry(mastodon, retry_after):
    mastodon.rate_limit_next_post(120, retry_after=retry_after)
    publisher = MastodonPublisher()
    with pytest.raises(RateLimited) as limited:
        publisher.publish(publisher.render(make_update()), make_account(mastodon.url), CREDENTIALS)
    assert limited.value.retry_after is not None and 110 <= limited.value.retry_after <= 120
    assert limited.value.retryable
    assert "Too many requests" in str(limited.value) and "Try again in" in str(limited.value)
    assert mastodon.statuses == {}


def test_rejected_with_the_servers_reason_and_no_echoed_token(mastodon):
    mastodon.answer_next(
        "POST", "/api/v1/statuses", 422, {"error": f"Validation failed: Text contains a blocked link (token {TOKEN})"}
    )
    publisher = MastodonPublisher()
    with pytest.raises(Rejected) as rejected:
        publisher.publish(publisher.render(make_update()), make_account(mastodon.url), CREDENTIALS)
    assert "Validation failed: Text contains a blocked link" in str(rejected.value)
    assert_no_secret(rejected.value)


def test_a_server_stricter_than_it_says_is_too_long(mastodon):
    mastodon.enforced_limit = 40  # the instance still says 500
    publisher = MastodonPublisher()
    with pytest.raises(TooLong) as too_long:
        publisher.publish(publisher.render(make_update(body="x" * 60)), make_account(mastodon.url), CREDENTIALS)
    assert "character limit of 40 exceeded" in str(too_long.value)
    assert mastodon.statuses == {}


def test_a_deleted_thread_status_is_not_found(mastodon):
    publisher = MastodonPublisher()
    post = publisher.render(make_update(2))
    post.meta["previous"] = {
        "account": "status toots",
        "channel": "mastodon",
        "remote_id": "1",
        "url": "",
        "published_at": datetime.now().isoformat(),
        "meta": {"instance": mastodon.url, "last_status_id": "1", "thread_root_id": "1"},
    }
    with pytest.raises(NotFound) as missing:
        publisher.publish(post, make_account(mastodon.url), CREDENTIALS)
    assert "does not appear to exist" in str(missing.value) and "status 1" in str(missing.value)


def test_cancelled_before_sending_posts_nothing(mastodon):
    publisher = MastodonPublisher()
    cancel = threading.Event()
    cancel.set()
    with pytest.raises(Cancelled, match="nothing was posted"):
        publisher.publish(publisher.render(make_update()), make_account(mastodon.url), CREDENTIALS, cancel=cancel)
    assert mastodon.posts() == []


def test_cancelled_in_the_middle_of_a_thread_says_what_was_posted(mastodon):
    publisher = MastodonPublisher()
    cancel = threading.Event()

    def report(_fraction, text):
        if text.startswith("Posting 2 of"):
            cancel.set()  # after the first status went out

    with pytest.raises(OutcomeUnknown, match="Stopped after 1 of") as stopped:
        publisher.publish(
            publisher.render(make_update(body=LONG_BODY)),
            make_account(mastodon.url),
            CREDENTIALS,
            report=report,
            cancel=cancel,
        )
    assert not isinstance(stopped.value, Cancelled)
    assert "Send it again within an hour" in str(stopped.value)
    assert len(mastodon.statuses) == 1


@pytest.mark.parametrize(
    ("settings", "expected"),
    [
        ({"url": ""}, "no instance address"),
        ({"url": "http://mastodon.example"}, "plain http"),
        ({"url": "https://mastodon.example/@status"}, "not a server address"),
        ({"url": "https://mastodon.example", "visibility": "direct"}, "public or unlisted"),
        ({"url": "https://mastodon.example", "timeout": "soon"}, "not a number of seconds"),
    ],
)
def test_settings_are_checked_before_anything_is_sent(settings, expected):
    publisher = MastodonPublisher()
    with pytest.raises(PublishError, match=expected):
        publisher.publish(publisher.render(make_update()), Account("a", "mastodon", settings), CREDENTIALS)


# --- test_connection and the publishing service ----------------------------------------------


def test_test_connection_names_the_account(mastodon):
    publisher = MastodonPublisher()
    assert (
        publisher.test_connection(make_account(mastodon.url), CREDENTIALS)
        == f"Connected to 127.0.0.1:{mastodon.port} as @status"
    )
    with pytest.raises(AuthRejected) as refused:
        publisher.test_connection(make_account(mastodon.url), {"token": "wrong"})
    assert_no_secret(refused.value)
    assert mastodon.statuses == {}


def test_through_the_publishing_service_an_incident_stays_one_thread(store, mastodon):
    accounts = {"toots": Account("toots", "mastodon", {"url": mastodon.url})}
    publishers = {name: entry.publisher for name, entry in discover(False).items() if entry.publisher}
    assert isinstance(publishers["mastodon"], MastodonPublisher)
    service = PublishingService(store.outbox(), accounts, publishers, lambda name: TOKEN)

    [first] = service.publish(make_update(1, LONG_BODY), ["toots"])
    [second] = service.publish(make_update(2, "Card payments work again."), ["toots"])
    [repeat] = service.publish(make_update(2, "Card payments work again."), ["toots"])

    assert first.ok and second.ok, (first.error, second.error)
    assert repeat.reused and repeat.receipt.remote_id == second.receipt.remote_id
    statuses = mastodon.in_order()
    assert len(statuses) == len(first.receipt.meta["status_ids"]) + 1
    assert statuses[-1]["in_reply_to_id"] == first.receipt.meta["last_status_id"]
    assert second.receipt.meta["thread_root_id"] == first.receipt.remote_id


# --- the checks are real ----------------------------------------------------------------------


def test_validation_catches_a_bad_request_and_a_bad_response(mastodon):
    api = description()
    headers = {"Authorization": "Bearer t", "Content-Type": "application/json"}
    with pytest.raises(OpenAPIViolation, match="visibilty"):  # a misspelt field
        api.validate_request("POST", "/api/v1/statuses", headers, b'{"status": "x", "visibilty": "public"}')
    with pytest.raises(OpenAPIViolation, match="not of type 'string'"):
        api.validate_request("POST", "/api/v1/statuses", headers, b'{"status": "x", "in_reply_to_id": 12}')
    with pytest.raises(OpenAPIViolation, match="bearer token"):
        api.validate_request("POST", "/api/v1/statuses", {"Content-Type": "application/json"}, b'{"status": "x"}')
    with pytest.raises(OpenAPIViolation, match="no such operation"):
        api.validate_request("PATCH", "/api/v1/statuses", headers, b"")
    with pytest.raises(OpenAPIViolation, match="accepts application/json"):
        api.validate_request("POST", "/api/v1/statuses", {**headers, "Content-Type": "text/plain"}, b"status=x")

    good = requests.post(
        f"{mastodon.url}/api/v1/statuses",
        json={"status": "hello"},
        timeout=5,
        headers={"Authorization": f"Bearer {TOKEN}"},
    ).json()
    json_type = {"Content-Type": "application/json"}
    api.validate_response("POST", "/api/v1/statuses", 200, json_type, json.dumps(good).encode())
    broken = {key: value for key, value in good.items() if key != "uri"}
    with pytest.raises(OpenAPIViolation, match="'uri' is a required property"):
        api.validate_response("POST", "/api/v1/statuses", 200, json_type, json.dumps(broken).encode())
    with pytest.raises(OpenAPIViolation, match="is not a 'date-time'"):
        api.validate_response(
            "POST", "/api/v1/statuses", 200, json_type, json.dumps({**good, "created_at": "yesterday"}).encode()
        )
    with pytest.raises(OpenAPIViolation, match="status 418 is not in the API description"):
        api.validate_response("POST", "/api/v1/statuses", 418, json_type, b"{}")

    # And the stand-in checks itself: an answer that breaks the description never reaches the client.
    mastodon.answer_next("POST", "/api/v1/statuses", 200, {"id": "1", "text": "made up"})
    publisher = MastodonPublisher()
    with pytest.raises(NetworkError):
        publisher.publish(publisher.render(make_update()), make_account(mastodon.url), CREDENTIALS)
    assert len(mastodon.violations) == 1 and "response 200 to POST /api/v1/statuses" in mastodon.violations[0]
    mastodon.violations.clear()  # seen and expected


def test_an_update_edited_after_it_went_out_replies_to_the_version_it_corrects(mastodon, store):
    from composer.publishers.service import PublishingService

    accounts = {"status toots": make_account(mastodon.url)}
    service = PublishingService(store.outbox(), accounts, {"mastodon": MastodonPublisher()}, lambda n: TOKEN)
    [first] = service.publish(make_update(1, "Checkout payments failed from 09:12 UTC."), ["status toots"])
    [fixed] = service.publish(make_update(1, "Checkout payments failed from 09:02 UTC."), ["status toots"])
    assert first.ok and fixed.ok and fixed.receipt.remote_id != first.receipt.remote_id
    original, correction = mastodon.in_order()
    assert correction["in_reply_to_id"] == original["id"] and "09:02" in correction["content"]
