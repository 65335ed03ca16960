# SPDX-License-Identifier: GPL-3.0-or-later
"""The WordPress publisher against a real WordPress (Debian's 6.1, private MariaDB, `php -S`): every
post is read back through the REST API. Rate limiting, a moderation plugin and a hidden Link header
come from tests/peers/wordpress/mu-plugins/test-switches.php, real WordPress hooks a plugin would use."""

from __future__ import annotations

import http.server
import itertools
import re
import threading
import time

import pytest
from smtp_peer import SilentServer, free_port
from wordpress_peer import wordpress_site_fixture  # noqa: F401  (the `wordpress_site` fixture)

from composer.core.credentials import MemoryCredentials
from composer.publishers.base import (
    Account,
    AuthRejected,
    Cancelled,
    NetworkError,
    NotFound,
    PublishableUpdate,
    RateLimited,
    Rejected,
)
from composer.publishers.registry import discover
from composer.publishers.service import PublishingService
from composer.publishers.wordpress import WordPressPublisher, post_slug, update_marker

PUBLISHER = WordPressPublisher()
_incidents = itertools.count(int(time.time()) % 100000 * 100)


@pytest.fixture
def incident() -> int:
    """An incident id no other test on the shared site uses."""
    return next(_incidents)


def account(site, **settings) -> Account:
    values = {
        "url": site.url,
        "username": site.username,
        "status": "publish",
        "later_updates": "append",
        "timeout": "20",
        **settings,
    }
    return Account("blog", "wordpress", values)


def secret(site) -> dict[str, str]:
    return {"password": site.app_password}


def update(incident: int, update_id: int = 1, **fields) -> PublishableUpdate:
    values = {
        "title": "Checkout down",
        "body": "We are **sorry**: you cannot pay.\n\n- cards fail\n\nAna García",
        "status": "investigating",
        "first_of_incident": update_id == 1,
    }
    return PublishableUpdate(incident_id=incident, update_id=update_id, **{**values, **fields})


def publish(site, the_update, previous=None, publisher=None, report=None, **settings):
    """Publish with a fresh publisher (so it discovers the site) unless one is given."""
    publisher = publisher or WordPressPublisher()
    post = publisher.render(the_update)
    post.meta["incident_key"] = str(the_update.incident_id)
    if previous is not None:
        post.meta["previous"] = {
            "account": previous.account,
            "channel": previous.channel,
            "remote_id": previous.remote_id,
            "url": previous.url,
            "published_at": previous.published_at.isoformat(),
            "meta": previous.meta,
        }
    options = {"report": report} if report is not None else {}
    return publisher.publish(post, account(site, **settings), secret(site), **options)


def read_post(site, post_id: int | str) -> dict:
    response = site.rest("GET", f"/wp/v2/posts/{post_id}", params={"context": "edit"})
    assert response.status_code == 200, response.text
    return response.json()


def term_names(site, taxonomy: str, ids: list[int]) -> set[str]:
    return {site.rest("GET", f"/wp/v2/{taxonomy}/{term_id}").json()["name"] for term_id in ids}


def markers(content: str) -> list[str]:
    return re.findall(r"<!-- incident-composer:update (\S+) -->", content)


# --- discovery and test_connection -------------------------------------------------------------


def test_a_site_checked_minutes_ago_is_not_looked_up_again_unless_it_changed(wordpress_site, incident):
    publisher, said = WordPressPublisher(), []
    first = publish(wordpress_site, update(incident), publisher=publisher)
    second = publish(
        wordpress_site,
        update(incident, 2, body="Still on it."),
        previous=first,
        publisher=publisher,
        report=lambda _fraction, text: said.append(text),
    )
    assert not any(text.startswith("Finding the WordPress API") for text in said)  # straight to the post
    assert second.meta["api_root"] == first.meta["api_root"] == f"{wordpress_site.url}/wp-json/"
    # The site changes under us (a plugin turns the REST API off): refused, looked at again, and the
    # error is about the site as it is now, not about our stale knowledge of it.
    with wordpress_site.option("ic_test_rest_disabled", "1", restore=""), pytest.raises(NotFound) as error:
        publish(wordpress_site, update(incident, 3, body="Fixed."), previous=second, publisher=publisher)
    assert "does not look like a WordPress site with its REST API on" in str(error.value)
    third = publish(wordpress_site, update(incident, 3, body="Fixed."), previous=second, publisher=publisher)
    assert third.remote_id == first.remote_id
    assert markers(read_post(wordpress_site, first.remote_id)["content"]["raw"]) == [
        f"{incident}/3",
        f"{incident}/2",
        f"{incident}/1",
    ]


def test_test_connection_discovers_the_api_and_checks_the_user(wordpress_site):
    message = PUBLISHER.test_connection(account(wordpress_site, categories="Incidents"), secret(wordpress_site))
    assert message == "Connected to Status of Example as editor (may publish posts)"


def test_discovery_without_pretty_permalinks_and_without_the_link_header(wordpress_site, incident):
    """Plain permalinks: the Link header points at ?rest_route=; a hidden header: the fallback finds it."""
    with wordpress_site.option("permalink_structure", "", restore="/%year%/%monthnum%/%postname%/"):
        receipt = publish(wordpress_site, update(incident))
        assert receipt.meta["api_root"] == f"{wordpress_site.url}/index.php?rest_route=/"
        with wordpress_site.option("ic_test_hide_rest_link", "1", restore=""):
            again = publish(wordpress_site, update(incident, 2, body="Fixed."), previous=receipt)
    assert again.meta["api_root"] == f"{wordpress_site.url}/?rest_route=/"
    assert again.remote_id == receipt.remote_id
    assert markers(read_post(wordpress_site, receipt.remote_id)["content"]["raw"]) == [f"{incident}/2", f"{incident}/1"]


def test_test_connection_failures(wordpress_site):
    with pytest.raises(AuthRejected) as wrong:
        PUBLISHER.test_connection(account(wordpress_site), {"password": "abcd EFGH ijkl MNOP qrst UVWX"})
    assert "abcd EFGH" not in str(wrong.value) and "Application Passwords" in str(wrong.value)
    contributor = account(wordpress_site, username=wordpress_site.contributor)
    with pytest.raises(Rejected, match=r"may not publish posts.*draft"):
        PUBLISHER.test_connection(contributor, {"password": wordpress_site.contributor_password})
    as_draft = account(wordpress_site, username=wordpress_site.contributor, status="draft")
    assert "may save drafts" in PUBLISHER.test_connection(as_draft, {"password": wordpress_site.contributor_password})
    with pytest.raises(NotFound, match="category “Outages” does not exist"):
        PUBLISHER.test_connection(account(wordpress_site, categories="Outages"), secret(wordpress_site))


# --- publishing --------------------------------------------------------------------------------


def test_first_update_creates_a_published_post(wordpress_site, incident):
    progress = []
    the_update = update(incident, title="Checkout <down> & slow")
    post = PUBLISHER.render(the_update)
    post.meta["incident_key"] = str(incident)
    receipt = PUBLISHER.publish(
        post,
        account(wordpress_site, categories="incidents, Maintenance", tags=f"checkout, tag-{incident}"),
        secret(wordpress_site),
        report=lambda fraction, text: progress.append(fraction),
    )
    stored = read_post(wordpress_site, receipt.remote_id)
    assert stored["status"] == "publish" and stored["slug"] == post_slug(str(incident), 1, the_update.title)
    assert stored["title"]["rendered"] == "Checkout &lt;down&gt; &amp; slow"  # shown as typed, not as HTML
    content = stored["content"]["raw"]
    assert content.startswith(update_marker(f"{incident}/1"))
    assert re.search(r'<h2 class="incident-update-time">\d{4}-\d\d-\d\d \d\d:\d\d CES?T</h2>', content)
    assert "<p>We are <strong>sorry</strong>: you cannot pay.</p>" in content and "<li>cards fail</li>" in content
    assert "<p>Ana García</p>" in content
    assert term_names(wordpress_site, "categories", stored["categories"]) == {"Incidents", "Maintenance"}
    assert term_names(wordpress_site, "tags", stored["tags"]) == {"checkout", f"tag-{incident}"}
    assert receipt.url == stored["link"] and receipt.meta["root_post_id"] == stored["id"]
    assert progress == sorted(progress) and progress[-1] == 1.0


def test_signer_kept_when_not_in_the_body(wordpress_site, incident):
    receipt = publish(wordpress_site, update(incident, body="All fixed.", signer="Marta Vidal"))
    assert "<p>All fixed.</p>\n<p>Marta Vidal</p>" in read_post(wordpress_site, receipt.remote_id)["content"]["raw"]


def test_draft_mode_saves_for_review(wordpress_site, incident):
    receipt = publish(wordpress_site, update(incident), status="draft")
    assert read_post(wordpress_site, receipt.remote_id)["status"] == "draft"
    assert receipt.meta["status"] == "draft"


def test_second_update_appends_at_the_top_once(wordpress_site, incident):
    first = publish(wordpress_site, update(incident))
    second_update = update(incident, 2, title="Checkout working again", body="It works again.\n\nAna García")
    second = publish(wordpress_site, second_update, previous=first)
    assert second.remote_id == first.remote_id and second.meta["appended"]
    stored = read_post(wordpress_site, first.remote_id)
    content = stored["content"]["raw"]
    assert markers(content) == [f"{incident}/2", f"{incident}/1"]  # newest first
    assert content.index("It works again.") < content.index("you cannot pay")
    assert stored["title"]["raw"] == "Checkout working again"
    retried = publish(wordpress_site, second_update, previous=first)  # its answer was lost: sent again
    assert retried.remote_id == first.remote_id and retried.meta["reused"]
    assert markers(read_post(wordpress_site, first.remote_id)["content"]["raw"]) == [f"{incident}/2", f"{incident}/1"]


def test_later_updates_new_makes_a_post_per_update(wordpress_site, incident):
    first = publish(wordpress_site, update(incident), later_updates="new")
    second = publish(wordpress_site, update(incident, 2, body="Still down."), previous=first, later_updates="new")
    assert second.remote_id != first.remote_id
    assert markers(read_post(wordpress_site, first.remote_id)["content"]["raw"]) == [f"{incident}/1"]
    assert markers(read_post(wordpress_site, second.remote_id)["content"]["raw"]) == [f"{incident}/2"]


def test_retry_after_a_lost_answer_finds_the_post_instead_of_a_duplicate(wordpress_site, incident):
    the_update = update(incident)
    first = publish(wordpress_site, the_update)  # the post exists; pretend its answer never arrived
    retried = publish(wordpress_site, the_update)
    assert retried.remote_id == first.remote_id and retried.meta["reused"]
    slug = post_slug(str(incident), 1, the_update.title)
    assert [post["id"] for post in wordpress_site.posts(slug=slug)] == [int(first.remote_id)]
    assert not wordpress_site.posts(slug=f"{slug}-2")


def test_cancelled_before_sending_creates_nothing(wordpress_site, incident):
    the_update = update(incident)
    post = PUBLISHER.render(the_update)
    post.meta["incident_key"] = str(incident)
    cancel = threading.Event()
    cancel.set()
    with pytest.raises(Cancelled, match="nothing was published"):
        PUBLISHER.publish(post, account(wordpress_site), secret(wordpress_site), cancel=cancel)
    assert wordpress_site.posts(slug=post_slug(str(incident), 1, the_update.title)) == []


def test_deleted_post_is_not_found_when_appending(wordpress_site, incident):
    first = publish(wordpress_site, update(incident))
    assert wordpress_site.rest("DELETE", f"/wp/v2/posts/{first.remote_id}", params={"force": "true"}).ok
    with pytest.raises(NotFound, match=f"post #{first.remote_id} is no longer on"):
        publish(wordpress_site, update(incident, 2), previous=first)


# --- failures ----------------------------------------------------------------------------------


def test_wrong_application_password_is_auth_rejected_without_the_password(wordpress_site, incident):
    wrong = "Zq9x Wv8u Ts7r Qp6o Nm5l Kj4i"
    post = PUBLISHER.render(update(incident))
    post.meta["incident_key"] = str(incident)
    with pytest.raises(AuthRejected) as error:
        PUBLISHER.publish(post, account(wordpress_site), {"password": wrong})
    message = str(error.value)
    assert "application password" in message and "Users → Profile → Application Passwords" in message
    assert wrong not in message and wrong.replace(" ", "") not in message and "Zq9x" not in message


def test_server_down_is_a_network_error():
    closed = Account("blog", "wordpress", {"url": f"http://127.0.0.1:{free_port()}", "username": "editor"})
    with pytest.raises(NetworkError, match="connection refused"):
        PUBLISHER.publish(PUBLISHER.render(update(1)), closed, {"password": "x"})


def test_silent_server_times_out_as_a_network_error():
    server = SilentServer()
    try:
        silent = Account(
            "blog", "wordpress", {"url": f"http://127.0.0.1:{server.port}", "username": "editor", "timeout": "0.5"}
        )
        started = time.monotonic()
        with pytest.raises(NetworkError, match=r"did not answer within 0\.5 seconds"):
            PUBLISHER.test_connection(silent, {"password": "x"})
        assert time.monotonic() - started < 5
    finally:
        server.close()


def test_a_site_that_is_not_wordpress_is_not_found(tmp_path):
    (tmp_path / "index.html").write_text("<h1>Just a page</h1>")
    handler = lambda *args: http.server.SimpleHTTPRequestHandler(*args, directory=str(tmp_path))  # noqa: E731
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        plain = Account("blog", "wordpress", {"url": f"http://127.0.0.1:{server.server_port}", "username": "editor"})
        with pytest.raises(NotFound) as error:
            PUBLISHER.test_connection(plain, {"password": "x"})
        assert "does not look like a WordPress site" in str(error.value) and "?rest_route=/" in str(error.value)
    finally:
        server.shutdown()
        server.server_close()


def test_rest_api_disabled_by_a_plugin_is_not_found(wordpress_site):
    with wordpress_site.option("ic_test_rest_disabled", "1", restore=""), pytest.raises(NotFound) as error:
        PUBLISHER.test_connection(account(wordpress_site), secret(wordpress_site))
    assert f"tried {wordpress_site.url}/wp-json/ and {wordpress_site.url}/?rest_route=/" in str(error.value)


def test_a_contributor_saves_a_draft_for_review_with_new_tags(wordpress_site, incident):
    """Contributors may not publish, and may not read terms in the edit context: drafts still work."""
    contributor = {
        "username": wordpress_site.contributor,
        "status": "draft",
        "categories": "Incidents",
        "tags": f"new-tag-{incident}",
    }
    post = PUBLISHER.render(update(incident))
    post.meta["incident_key"] = str(incident)
    receipt = PUBLISHER.publish(
        post, account(wordpress_site, **contributor), {"password": wordpress_site.contributor_password}
    )
    stored = read_post(wordpress_site, receipt.remote_id)
    assert stored["status"] == "draft" and stored["author"] != 1
    assert term_names(wordpress_site, "tags", stored["tags"]) == {f"new-tag-{incident}"}
    assert term_names(wordpress_site, "categories", stored["categories"]) == {"Incidents"}


def test_refused_content_is_rejected_with_the_servers_message(wordpress_site, incident):
    with pytest.raises(Rejected) as error:
        publish(wordpress_site, update(incident, body="Caused by FORBIDDEN-WORD."))
    assert "Posts may not mention FORBIDDEN-WORD" in str(error.value) and "content_refused" in str(error.value)
    assert wordpress_site.app_password not in str(error.value)


def test_rate_limited_with_retry_after(wordpress_site, incident):
    """A rate-limiting plugin answers 429 with Retry-After (mu-plugins/test-switches.php)."""
    with wordpress_site.option("ic_test_rate_limit", "42", restore="0"), pytest.raises(RateLimited) as error:
        publish(wordpress_site, update(incident))
    assert error.value.retry_after == 42 and "42 seconds" in str(error.value)


def test_settings_are_checked_before_anything_is_sent():
    with pytest.raises(Exception, match="plain http"):
        PUBLISHER.test_connection(
            Account("b", "wordpress", {"url": "http://blog.example.net", "username": "u"}), {"password": "x"}
        )
    with pytest.raises(AuthRejected, match="No application password"):
        PUBLISHER.test_connection(Account("b", "wordpress", {"url": "https://blog.example.net", "username": "u"}), {})
    with pytest.raises(Exception, match="choose append or new"):
        PUBLISHER.test_connection(
            Account(
                "b", "wordpress", {"url": "https://blog.example.net", "username": "u", "later_updates": "sometimes"}
            ),
            {"password": "x"},
        )


# --- through the publishing service ------------------------------------------------------------


def test_service_appends_the_second_update_to_the_first_post(wordpress_site, incident, store):
    accounts = {"blog": account(wordpress_site)}
    credentials = MemoryCredentials({"blog": wordpress_site.app_password})
    publishers = {name: entry.publisher for name, entry in discover(False).items()}
    service = PublishingService(store.outbox(), accounts, publishers, credentials.get)
    [first] = service.publish(update(incident), ["blog"])
    assert first.ok, first.error
    [second] = service.publish(update(incident, 2, body="Payments work again."), ["blog"])
    assert second.ok, second.error
    assert second.receipt.remote_id == first.receipt.remote_id and second.receipt.meta["appended"]
    content = read_post(wordpress_site, first.receipt.remote_id)["content"]["raw"]
    assert markers(content) == [f"{incident}/2", f"{incident}/1"]
    [again] = service.publish(update(incident, 2, body="Payments work again."), ["blog"])
    assert again.reused  # the outbox knows it went out


def test_an_update_edited_after_it_went_out_is_corrected_in_place_with_a_dated_note(wordpress_site, incident, store):
    accounts = {"blog": account(wordpress_site)}
    credentials = MemoryCredentials({"blog": wordpress_site.app_password})
    publishers = {name: entry.publisher for name, entry in discover(False).items()}
    service = PublishingService(store.outbox(), accounts, publishers, credentials.get)
    [first] = service.publish(update(incident), ["blog"])
    service.publish(update(incident, 2, body="Payments work again since 10:40 CET."), ["blog"])
    [corrected] = service.publish(update(incident, 2, body="Payments work again since 10:20 CET."), ["blog"])
    assert corrected.ok, corrected.error
    assert corrected.receipt.remote_id == first.receipt.remote_id  # the same post, not a new one
    content = read_post(wordpress_site, first.receipt.remote_id)["content"]["raw"]
    assert markers(content) == [f"{incident}/2", f"{incident}/1"]  # one section per update, in place
    assert "10:20 CET" in content and "10:40 CET" not in content and "Corrected 20" in content
    assert content.count(f"update {incident}/2 correction 1 -->") == 1
    [again] = service.publish(update(incident, 2, body="Payments work again since 10:15 CET."), ["blog"])
    content = read_post(wordpress_site, first.receipt.remote_id)["content"]["raw"]
    assert again.ok and markers(content) == [f"{incident}/2", f"{incident}/1"]
    assert "10:15 CET" in content and "10:20 CET" not in content and "you cannot pay" in content
    assert "correction 1 -->" not in content and content.count("correction 2 -->") == 1


def test_site_address_keeps_a_subfolder_and_drops_a_pasted_admin_path():
    from composer.publishers.wordpress import _site_url

    assert _site_url("https://example.net/blog/wp-admin/profile.php") == "https://example.net/blog"
    assert _site_url("example.net/news/") == "https://example.net/news"
    assert _site_url("https://example.net/blog/wp-json/wp/v2/") == "https://example.net/blog"


def test_a_second_site_runs_beside_the_first_and_every_process_stops(wordpress_site):
    import os

    from wordpress_peer import WordPressPeer

    with WordPressPeer() as other:
        assert other.port != wordpress_site.port
        groups = [other._server.pid]
        pids = [other._server.pid, other._database.pid]
        assert "Connected to Status of Example" in PUBLISHER.test_connection(
            Account("other", "wordpress", {"url": other.url, "username": other.username}),
            {"password": other.app_password},
        )
        folder = other.folder
    for pid in pids:
        with pytest.raises(ProcessLookupError):
            os.kill(pid, 0)
    for group in groups:  # the PHP workers too
        with pytest.raises(ProcessLookupError):
            os.killpg(group, 0)
    assert not folder.exists()
    assert PUBLISHER.test_connection(account(wordpress_site), secret(wordpress_site)).startswith("Connected")
