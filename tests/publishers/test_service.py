# SPDX-License-Identifier: GPL-3.0-or-later
"""The publishing service: accounts in parallel through the outbox; one failing account does not
stop the others; progress reported per account; nothing sent twice. Real SMTP peers."""

from __future__ import annotations

import threading

from smtp_peer import SMTP_PASSWORD, SMTP_USER

from composer.publishers.base import Account, NetworkError, PublishableUpdate
from composer.publishers.email import EmailPublisher
from composer.publishers.registry import discover
from composer.publishers.service import PublishingService

UPDATE = PublishableUpdate(
    incident_id=5,
    update_id=1,
    title="Checkout down",
    body="We are sorry: you cannot pay.\n\nAna García",
    subject="Checkout down",
)


def account(name, server, certificate, security):
    return Account(
        name,
        "email",
        {
            "host": "127.0.0.1",
            "port": str(server.port),
            "security": security,
            "username": SMTP_USER,
            "from": "status@example.net",
            "to": "customers@example.net",
            "ca_file": str(certificate.cert),
        },
    )


def test_accounts_in_parallel_one_failure_does_not_stop_the_others(
    store, starttls_server, tls_server, smtp_certificate, closed_port
):
    accounts = {
        "list-a": account("list-a", starttls_server, smtp_certificate, "starttls"),
        "list-b": account("list-b", tls_server, smtp_certificate, "tls"),
        "down": Account(
            "down",
            "email",
            {
                "host": "127.0.0.1",
                "port": str(closed_port),
                "security": "starttls",
                "username": SMTP_USER,
                "from": "status@example.net",
                "to": "customers@example.net",
            },
        ),
    }
    publishers = {e: entry.publisher for e, entry in discover(False).items()}
    progress: list[tuple[str, float, str]] = []
    lock = threading.Lock()

    def record(name, fraction, text):
        with lock:
            progress.append((name, fraction, text))

    service = PublishingService(store.outbox(), accounts, publishers, lambda name: SMTP_PASSWORD)
    outcomes = {o.account: o for o in service.publish(UPDATE, ["list-a", "list-b", "down"], progress=record)}
    assert outcomes["list-a"].ok and outcomes["list-b"].ok
    assert not outcomes["down"].ok and "127.0.0.1" in outcomes["down"].error
    assert len(starttls_server.deliveries) == 1 and len(tls_server.deliveries) == 1
    assert {name for name, fraction, _ in progress if fraction == 1.0} == {"list-a", "list-b"}
    states = {job.account: job.state for job in store.outbox().jobs()}
    assert states == {"list-a": "sent", "list-b": "sent", "down": "failed"}

    again = {o.account: o for o in service.publish(UPDATE, ["list-a", "list-b"])}
    assert again["list-a"].reused and again["list-b"].reused
    assert len(starttls_server.deliveries) == 1 and len(tls_server.deliveries) == 1


def test_cancelled_before_sending_sends_nothing(store, starttls_server, smtp_certificate):
    accounts = {"a": account("a", starttls_server, smtp_certificate, "starttls")}
    publishers = {e: entry.publisher for e, entry in discover(False).items()}
    cancel = threading.Event()
    cancel.set()
    service = PublishingService(store.outbox(), accounts, publishers, lambda name: SMTP_PASSWORD)
    [outcome] = service.publish(UPDATE, ["a"], cancel=cancel)
    assert not outcome.ok and starttls_server.deliveries == []
    assert store.outbox().jobs()[0].state == "failed"


def test_the_first_attempt_is_marked_and_a_retry_is_not(store, starttls_server, smtp_certificate):
    """Publishers skip looking for leftovers of earlier attempts only when the outbox never tried."""
    seen = []

    class Recording(EmailPublisher):
        def publish(self, post, account, credentials, **options):
            seen.append(post.meta["retry"])
            if len(seen) == 1:
                raise NetworkError("the line dropped")
            return super().publish(post, account, credentials, **options)

    accounts = {"list": account("list", starttls_server, smtp_certificate, "starttls")}
    service = PublishingService(store.outbox(), accounts, {"email": Recording()}, lambda name: SMTP_PASSWORD)
    assert not service.publish(UPDATE, ["list"])[0].ok
    store.outbox().retry(store.outbox().jobs()[0].id)
    assert service.publish(UPDATE, ["list"])[0].ok
    assert seen == [False, True]


def test_two_senders_of_the_same_post_send_one_mail(home, starttls_server, smtp_certificate):
    """Two windows or commands, each with its own connection to the store: one claims, the other
    says it is already being sent; the SMTP server receives one mail."""
    from composer.core.store import Store

    inside = threading.Event()
    release = threading.Event()

    class Slow(EmailPublisher):
        def publish(self, post, account, credentials, **options):
            inside.set()
            assert release.wait(30)
            return super().publish(post, account, credentials, **options)

    accounts = {"list": account("list", starttls_server, smtp_certificate, "starttls")}
    first, _ = Store.open(home / "composer.db")
    second, _ = Store.open(home / "composer.db")
    try:
        one = PublishingService(first.outbox(), accounts, {"email": Slow()}, lambda name: SMTP_PASSWORD)
        other = PublishingService(second.outbox(), accounts, {"email": EmailPublisher()}, lambda name: SMTP_PASSWORD)
        outcomes = []
        worker = threading.Thread(target=lambda: outcomes.append(one.publish_one(UPDATE, "list")))
        worker.start()
        assert inside.wait(30)
        meanwhile = other.publish_one(UPDATE, "list")
        release.set()
        worker.join(30)
        assert not meanwhile.ok and "already being sent" in meanwhile.error
        assert outcomes[0].ok
        again = other.publish_one(UPDATE, "list")
        assert again.ok and again.reused
        assert len(starttls_server.deliveries) == 1
    finally:
        release.set()
        first.close()
        second.close()


def test_an_unexpected_error_in_a_publisher_leaves_the_post_uncertain_never_resent(
    store, starttls_server, smtp_certificate
):
    class Broken(EmailPublisher):
        calls = 0

        def publish(self, post, account, credentials, **options):
            Broken.calls += 1
            super().publish(post, account, credentials, **options)  # it went out…
            raise ValueError(f"odd gmt_offset near {credentials['password']}")  # …then the publisher broke

    accounts = {"list": account("list", starttls_server, smtp_certificate, "starttls")}
    service = PublishingService(store.outbox(), accounts, {"email": Broken()}, lambda name: SMTP_PASSWORD)
    [outcome] = service.publish(UPDATE, ["list"])
    assert not outcome.ok and "may or may not have gone out" in outcome.error and "ValueError" in outcome.error
    assert SMTP_PASSWORD not in outcome.error
    job = store.outbox().jobs()[0]
    assert job.state == "uncertain" and SMTP_PASSWORD not in job.last_error
    [again] = service.publish(UPDATE, ["list"])
    assert not again.ok and again.uncertain and "may already have gone out" in again.error
    assert Broken.calls == 1 and len(starttls_server.deliveries) == 1
