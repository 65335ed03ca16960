# SPDX-License-Identifier: GPL-3.0-or-later
"""The Bluesky publisher against a real PDS (@atproto/dev-env on 127.0.0.1, see bluesky_peer.py).

Posts are checked as the PDS stored them (`com.atproto.repo.getRecord`/`listRecords`: there is no
AppView here). Failures are real too: a closed port, a silent socket, the PDS's own 401, 429
(its rate limits are on), 400 InvalidRecord and 400 ExpiredToken.
"""

from __future__ import annotations

import dataclasses
import re
import threading
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, datetime, timedelta

import bluesky_peer
import grapheme
import pytest
import requests
from bluesky_peer import bluesky_pds  # noqa: F401

from composer.publishers import bluesky
from composer.publishers.base import (
    Account,
    AuthRejected,
    Cancelled,
    NetworkError,
    PublishableUpdate,
    PublishError,
    RateLimited,
    Rejected,
    TooLong,
)
from composer.publishers.bluesky import (
    BYTE_LIMIT,
    GRAPHEME_LIMIT,
    BlueskyPublisher,
    link_facets,
    post_length,
    record_key,
    tid,
)
from composer.publishers.registry import discover
from composer.publishers.service import PublishingService

CATALAN = "Hi ha una incidència 🚧 amb els pagaments: https://estat.example.cat/incidents/12?lang=ca. Ho estem mirant."
LONG = "\n\n".join(
    f"Actualització {n}: els pagaments amb targeta fallen per a alguns clients d’Europa 💳; PayPal funciona. "
    f"Hem trobat la causa a la passarel·la i desfem el canvi fet a les 10:0{n}. Detalls: https://estat.example.cat/i/{n}"
    for n in range(1, 6)
)
_TID = re.compile(r"[234567abcdefghij][234567abcdefghijklmnopqrstuvwxyz]{12}")


def account(url: str, handle: str, **settings: str) -> Account:
    return Account(name="status on bluesky", kind="bluesky", settings={"url": url, "handle": handle, **settings})


def update(text: str, *, incident_id: int, update_id: int = 1, language: str = "ca") -> PublishableUpdate:
    return PublishableUpdate(
        incident_id=incident_id, update_id=update_id, title="Pagaments", body=text, language=language
    )


def rendered(
    publisher: BlueskyPublisher,
    text: str,
    *,
    incident_id: int,
    update_id: int = 1,
    previous: dict | None = None,
    language: str = "ca",
):
    post = publisher.render(update(text, incident_id=incident_id, update_id=update_id, language=language))
    post.meta["incident_key"] = str(incident_id)  # as the publishing service sets it
    if previous is not None:
        post.meta["previous"] = previous
    return post


def receipt_data(receipt) -> dict:
    """The receipt as the outbox keeps it and hands back in post.meta["previous"]."""
    return {
        "account": receipt.account,
        "channel": receipt.channel,
        "remote_id": receipt.remote_id,
        "url": receipt.url,
        "published_at": receipt.published_at.isoformat(),
        "meta": receipt.meta,
    }


@pytest.fixture
def pds(bluesky_pds):  # noqa: F811
    return bluesky_pds


@pytest.fixture
def credentials(pds) -> dict[str, str]:
    return {"password": pds.app_password}


@pytest.fixture
def calls(monkeypatch) -> list[str]:
    """The XRPC methods the publisher calls, in order, each with how it ended (passed through unchanged)."""
    seen: list[str] = []
    real = bluesky._xrpc

    def recording(settings, verb, method, **options):
        try:
            answer = real(settings, verb, method, **options)
        except PublishError as error:
            seen.append(f"{method.rsplit('.', 1)[-1]}: {type(error).__name__.strip('_')}")
            raise
        seen.append(method.rsplit(".", 1)[-1])
        return answer

    monkeypatch.setattr(bluesky, "_xrpc", recording)
    return seen


def stored(pds, uri: str) -> dict:
    record = pds.record(uri.rsplit("/", 1)[-1])
    assert record is not None, f"{uri} is not on the PDS"
    assert record["uri"] == uri
    return record


# --- counting, links and record keys (no server needed) ---------------------------------------


def test_the_registry_offers_bluesky():
    entry = discover(False)["bluesky"]
    assert entry.available, entry.error
    assert entry.publisher.display_name == "Bluesky"
    fields = {field.name: field for field in entry.publisher.account_fields}
    assert fields["password"].secret and "App passwords" in fields["password"].help
    assert fields["url"].default == "https://bsky.social"


def test_post_length_holds_both_limits():
    family = "👨‍👩‍👧‍👦"  # one grapheme, 25 bytes
    assert post_length("a" * 300) == 300
    assert post_length("é" * 300) == 300  # 600 bytes: graphemes decide
    assert post_length(family * 120) == 300  # 120 graphemes but 3000 bytes: bytes decide
    assert post_length(family * 121) == 303
    assert post_length("a" * 299 + family) == 300


def test_link_facets_count_utf8_bytes_not_characters():
    [facet] = link_facets(CATALAN)
    url = "https://estat.example.cat/incidents/12?lang=ca"
    start, end = facet["index"]["byteStart"], facet["index"]["byteEnd"]
    assert CATALAN.encode("utf-8")[start:end].decode("utf-8") == url
    assert start == len(CATALAN[: CATALAN.index(url)].encode("utf-8")) > CATALAN.index(url)  # è and 🚧 are multibyte
    assert facet["features"] == [{"$type": "app.bsky.richtext.facet#link", "uri": url}]
    assert link_facets("Sense enllaços.") == []


def test_record_keys_are_valid_tids_stable_per_text_and_distinct_per_part():
    assert tid(0, 0) == "2222222222222"
    assert _TID.fullmatch(tid(2**53 - 1, 1023))
    keys = [record_key("did:plc:abc", "12", 3, ["a", "b"], index) for index in range(2)]
    assert all(_TID.fullmatch(key) for key in keys) and keys[0] != keys[1]
    assert keys[0] == record_key("did:plc:abc", "12", 3, ["a", "b"], 0)
    assert keys[0] != record_key("did:plc:abc", "12", 3, ["a", "c"], 0)  # other text: another post
    assert keys[0] != record_key("did:plc:abc", "12", 4, ["a", "b"], 0)


def test_render_makes_a_long_update_a_numbered_thread_within_both_limits():
    post = BlueskyPublisher().render(update(LONG, incident_id=1))
    assert len(post.parts) > 1
    total = len(post.parts)
    for index, part in enumerate(post.parts, 1):
        assert part.endswith(f" ({index}/{total})")
        assert grapheme.length(part) <= GRAPHEME_LIMIT and len(part.encode("utf-8")) <= BYTE_LIMIT
    heavy = BlueskyPublisher().render(update("👨‍👩‍👧‍👦 " * 200, incident_id=1))  # bytes, not graphemes, split it
    assert len(heavy.parts) > 1 and all(len(part.encode("utf-8")) <= BYTE_LIMIT for part in heavy.parts)


def test_render_prefers_the_short_social_text():
    source = update(LONG, incident_id=1)
    source.texts["social-short"] = "Pagaments restablerts. https://estat.example.cat/i/1"
    assert BlueskyPublisher().render(source).parts == ["Pagaments restablerts. https://estat.example.cat/i/1"]


@pytest.mark.parametrize(
    ("settings", "words"),
    [
        ({"url": "http://pds.example.net"}, "must use https"),
        ({"url": "https://pds.example.net/some/path"}, "not a server address"),
        ({"handle": "alice"}, "alice.bsky.social"),
        ({"handle": ""}, "no handle"),
        ({"timeout": "soon"}, "not a number of seconds"),
    ],
)
def test_bad_settings_are_named_before_any_request(settings, words):
    values = {"url": "https://bsky.social", "handle": "example.bsky.social", **settings}
    with pytest.raises(PublishError, match=words):
        BlueskyPublisher().test_connection(Account("b", "bluesky", values), {"password": "abcd-efgh-ijkl-mnop"})


def test_an_overlong_part_is_refused_before_sending(closed_port):
    publisher = BlueskyPublisher()
    post = rendered(publisher, "x", incident_id=1)
    post.parts = ["é" * 301]
    with pytest.raises(TooLong, match="300"):
        publisher.publish(post, account(f"http://127.0.0.1:{closed_port}", "a.test"), {"password": "p"})


# --- against the real PDS ---------------------------------------------------------------------


def test_a_missing_pds_fails_with_the_install_command(monkeypatch, tmp_path):
    monkeypatch.setattr(bluesky_peer, "NODE", tmp_path / "no-node")
    with pytest.raises(bluesky_peer.PeerNotInstalled, match="tests/peers/bluesky/install"):
        bluesky_peer.BlueskyPeer().start()


def test_a_short_post_lands_with_link_facets_language_and_date(pds, credentials):
    publisher = BlueskyPublisher()
    before = datetime.now(UTC) - timedelta(seconds=5)
    receipt = publisher.publish(
        rendered(publisher, CATALAN, incident_id=101), account(pds.url, pds.handle), credentials
    )
    record = stored(pds, receipt.remote_id)
    value = record["value"]
    assert value["$type"] == "app.bsky.feed.post"
    assert value["text"] == CATALAN
    assert value["langs"] == ["ca"]
    assert "reply" not in value
    created = datetime.fromisoformat(value["createdAt"].replace("Z", "+00:00"))
    assert before <= created <= datetime.now(UTC) + timedelta(seconds=5)
    [facet] = value["facets"]
    text_bytes = value["text"].encode("utf-8")
    link = text_bytes[facet["index"]["byteStart"] : facet["index"]["byteEnd"]].decode("utf-8")
    assert link == "https://estat.example.cat/incidents/12?lang=ca" == facet["features"][0]["uri"]
    rkey = receipt.remote_id.rsplit("/", 1)[-1]
    assert _TID.fullmatch(rkey)
    assert receipt.remote_id == f"at://{pds.did}/app.bsky.feed.post/{rkey}"
    assert receipt.url == f"https://bsky.app/profile/{pds.handle}/post/{rkey}"
    assert receipt.meta["root"] == receipt.meta["last"] == {"uri": record["uri"], "cid": record["cid"]}


def test_a_long_text_becomes_a_thread_of_replies(pds, credentials):
    publisher = BlueskyPublisher()
    progress: list[tuple[float, str]] = []
    post = rendered(publisher, LONG, incident_id=102)
    receipt = publisher.publish(
        post, account(pds.url, pds.handle), credentials, report=lambda fraction, text: progress.append((fraction, text))
    )
    parts = receipt.meta["parts"]
    assert len(parts) == len(post.parts) > 2
    records = [stored(pds, part["uri"]) for part in parts]
    root = {"uri": records[0]["uri"], "cid": records[0]["cid"]}
    assert "reply" not in records[0]["value"]
    for index, record in enumerate(records):
        text = record["value"]["text"]
        assert text == post.parts[index] and text.endswith(f" ({index + 1}/{len(records)})")
        assert grapheme.length(text) <= GRAPHEME_LIMIT and len(text.encode("utf-8")) <= BYTE_LIMIT
        for facet in record["value"].get("facets", []):
            covered = text.encode("utf-8")[facet["index"]["byteStart"] : facet["index"]["byteEnd"]].decode("utf-8")
            assert covered == facet["features"][0]["uri"]
        if index:
            parent = {"uri": records[index - 1]["uri"], "cid": records[index - 1]["cid"]}
            assert record["value"]["reply"] == {"root": root, "parent": parent}
    assert receipt.meta["root"] == root and receipt.meta["last"] == parts[-1]
    assert [text for _, text in progress][-1] == "Posted"
    assert [fraction for fraction, _ in progress] == sorted(fraction for fraction, _ in progress)


def test_a_later_update_replies_in_the_incidents_thread(pds, credentials):
    publisher = BlueskyPublisher()
    where = account(pds.url, pds.handle)
    first = publisher.publish(rendered(publisher, LONG, incident_id=103, update_id=1), where, credentials)
    second = publisher.publish(
        rendered(
            publisher,
            "Resolt: els pagaments funcionen des de les 11:02.",
            incident_id=103,
            update_id=2,
            previous=receipt_data(first),
        ),
        where,
        credentials,
    )
    reply = stored(pds, second.remote_id)["value"]["reply"]
    assert reply == {"root": first.meta["root"], "parent": first.meta["last"]}
    assert second.meta["root"] == first.meta["root"]
    assert second.meta["in_reply_to"] == first.meta["last"]["uri"]


def test_through_the_publishing_service_updates_of_one_incident_form_one_thread(pds, store):
    publishers = {name: entry.publisher for name, entry in discover(False).items()}
    service = PublishingService(
        store.outbox(), {"status on bluesky": account(pds.url, pds.handle)}, publishers, lambda name: pds.app_password
    )
    [first] = service.publish(update(CATALAN, incident_id=104, update_id=1), ["status on bluesky"])
    [second] = service.publish(update("Resolt.", incident_id=104, update_id=2), ["status on bluesky"])
    assert first.ok and second.ok, (first.error, second.error)
    reply = stored(pds, second.receipt.remote_id)["value"]["reply"]
    assert reply["root"]["uri"] == first.receipt.remote_id == reply["parent"]["uri"]


def test_publishing_the_same_update_again_does_not_post_twice(pds, credentials):
    where = account(pds.url, pds.handle)
    first_publisher, second_publisher = BlueskyPublisher(), BlueskyPublisher()
    first = first_publisher.publish(rendered(first_publisher, LONG, incident_id=105), where, credentials)
    count = len(pds.records())
    again = second_publisher.publish(rendered(second_publisher, LONG, incident_id=105), where, credentials)
    assert len(pds.records()) == count
    assert again.meta["parts"] == first.meta["parts"] and again.remote_id == first.remote_id
    assert again.meta["reused"] == len(first.meta["parts"])


def test_an_interrupted_thread_is_completed_without_repeating_its_first_parts(pds, credentials):
    publisher = BlueskyPublisher()
    where = account(pds.url, pds.handle)
    post = rendered(publisher, LONG, incident_id=106)
    cancel = threading.Event()

    def stop_after_the_first_part(_fraction: float, text: str) -> None:
        if text.startswith("Posting part 2"):
            cancel.set()

    count = len(pds.records())
    with pytest.raises(PublishError, match="You stopped it") as stopped:
        publisher.publish(post, where, credentials, report=stop_after_the_first_part, cancel=cancel)
    assert not isinstance(stopped.value, Cancelled) and stopped.value.retryable
    assert str(stopped.value).count(f"Only 1 of {len(post.parts)} parts") == 1
    assert "Publish again to post the rest" in str(stopped.value)
    assert len(pds.records()) == count + 1
    receipt = publisher.publish(rendered(publisher, LONG, incident_id=106), where, credentials)
    assert len(pds.records()) == count + len(post.parts)
    assert receipt.meta["reused"] == 1
    records = [stored(pds, part["uri"]) for part in receipt.meta["parts"]]
    assert records[1]["value"]["reply"]["parent"] == {"uri": records[0]["uri"], "cid": records[0]["cid"]}


def test_cancelled_before_anything_is_sent(pds, credentials):
    publisher = BlueskyPublisher()
    cancel = threading.Event()
    cancel.set()
    count = len(pds.records())
    with pytest.raises(Cancelled, match="nothing was sent"):
        publisher.publish(
            rendered(publisher, CATALAN, incident_id=107), account(pds.url, pds.handle), credentials, cancel=cancel
        )
    assert len(pds.records()) == count


def test_an_expired_access_token_is_refreshed_and_the_post_sent_once(pds, credentials, calls):
    """The PDS itself signs an access token that has already expired (bluesky_peer.expired_access_token):
    it answers that token with a real 400 ExpiredToken, as it would after two hours."""
    publisher = BlueskyPublisher()
    where = account(pds.url, pds.handle)
    publisher.test_connection(where, credentials)
    key = (pds.url, pds.handle)
    expired = pds.expired_access_token()
    answer = requests.get(
        f"{pds.url}/xrpc/com.atproto.server.getSession", headers={"Authorization": f"Bearer {expired}"}, timeout=10
    )
    assert (answer.status_code, answer.json()["error"]) == (400, "ExpiredToken")
    session = publisher._sessions[key]
    publisher._sessions[key] = dataclasses.replace(session, access=expired)
    count = len(pds.records())
    calls.clear()
    receipt = publisher.publish(rendered(publisher, CATALAN, incident_id=108), where, credentials)
    assert calls == ["getRecord: RecordNotFound", "createRecord: SessionEnded", "refreshSession", "createRecord"]
    assert len(pds.records()) == count + 1
    stored(pds, receipt.remote_id)
    renewed = publisher._sessions[key]
    assert renewed.access != expired and renewed.refresh != session.refresh  # refreshSession rotated both


def test_a_revoked_refresh_token_falls_back_to_a_new_login(pds, credentials, calls):
    publisher = BlueskyPublisher()
    where = account(pds.url, pds.handle)
    publisher.test_connection(where, credentials)
    key = (pds.url, pds.handle)
    session = publisher._sessions[key]
    pds.xrpc_post("com.atproto.server.deleteSession", token=session.refresh)  # logs the session out
    publisher._sessions[key] = dataclasses.replace(session, access=pds.expired_access_token())
    calls.clear()
    assert publisher.test_connection(where, credentials) == f"Connected to {pds.url} as @{pds.handle}"
    assert calls == ["getSession: SessionEnded", "refreshSession: SessionEnded", "createSession", "getSession"]
    assert publisher._sessions[key].refresh != session.refresh


def test_test_connection_names_the_server_and_the_handle(pds, credentials):
    message = BlueskyPublisher().test_connection(account(pds.url, "@" + pds.handle.upper()), credentials)
    assert message == f"Connected to {pds.url} as @{pds.handle}"


def test_a_wrong_app_password_is_auth_rejected_without_the_password(pds):
    wrong = "wxyz-wxyz-wxyz-wxyz"
    with pytest.raises(AuthRejected) as refused:
        BlueskyPublisher().publish(
            rendered(BlueskyPublisher(), CATALAN, incident_id=109), account(pds.url, pds.handle), {"password": wrong}
        )
    message = str(refused.value)
    assert "new app password" in message and "App passwords" in message and pds.handle in message
    assert wrong not in message and pds.app_password not in message


def test_the_pds_rate_limit_is_rate_limited_with_when_to_retry(pds):
    """The PDS's own limit (peer started with --rate-limits): 30 logins per 5 minutes per identifier."""
    handle = "rate-limited.test"  # its own identifier, so the account the other tests use is not limited

    def log_in(_attempt: int) -> int:
        return requests.post(
            f"{pds.url}/xrpc/com.atproto.server.createSession",
            json={"identifier": handle, "password": "wrong-password"},
            timeout=30,
        ).status_code

    with ThreadPoolExecutor(max_workers=6) as pool:  # each refusal costs the PDS a password hash: in parallel
        assert set(pool.map(log_in, range(30))) == {401}
    with pytest.raises(RateLimited, match="too many requests") as limited:
        BlueskyPublisher().test_connection(account(pds.url, handle), {"password": "wrong-password"})
    assert limited.value.retry_after is not None and 0 < limited.value.retry_after <= 300
    assert limited.value.retryable


def test_a_record_the_pds_refuses_is_rejected_with_its_reason(pds, credentials):
    publisher = BlueskyPublisher()
    previous = {
        "account": "status on bluesky",
        "channel": "bluesky",
        "remote_id": "",
        "url": "",
        "published_at": datetime.now(UTC).isoformat(),
        "meta": {
            "root": {"uri": f"at://{pds.did}/app.bsky.feed.post/3l6co34nxeo22", "cid": "not-a-cid"},
            "last": {"uri": f"at://{pds.did}/app.bsky.feed.post/3l6co34nxeo22", "cid": "not-a-cid"},
        },
    }
    count = len(pds.records())
    with pytest.raises(Rejected, match=r"Bluesky refused the post \(the server said: .*cid"):
        publisher.publish(
            rendered(publisher, "Resolt.", incident_id=110, previous=previous),
            account(pds.url, pds.handle),
            credentials,
        )
    assert len(pds.records()) == count


def test_a_closed_port_is_a_network_error(closed_port):
    with pytest.raises(NetworkError, match="Could not connect") as failed:
        BlueskyPublisher().publish(
            rendered(BlueskyPublisher(), CATALAN, incident_id=111),
            account(f"http://127.0.0.1:{closed_port}", "a.test"),
            {"password": "p-secret"},
        )
    assert failed.value.retryable and "p-secret" not in str(failed.value)


def test_a_silent_server_is_a_timeout(silent_server):
    with pytest.raises(NetworkError, match=r"did not answer within 0\.5 seconds"):
        BlueskyPublisher().test_connection(
            account(f"http://127.0.0.1:{silent_server.port}", "a.test", timeout="0.5"), {"password": "p-secret"}
        )
