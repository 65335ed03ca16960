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


# --- the queue and outcomes that are not known ---------------------------------------------------


def test_an_unreachable_server_queues_with_queue_and_fails_without(store, closed_port, smtp_certificate):
    down = Account(
        "down",
        "email",
        {"host": "127.0.0.1", "port": str(closed_port), "security": "none", "from": "status@example.net",
         "to": "customers@example.net"},
    )  # fmt: skip
    service = PublishingService(store.outbox(), {"down": down}, {"email": EmailPublisher()}, lambda name: None)
    [queued] = service.publish(UPDATE, ["down"], queue=True)
    assert queued.queued and not queued.ok and queued.next_attempt is not None
    assert "refused the connection" in queued.error
    job = store.outbox().jobs()[0]
    assert job.state == "pending" and job.attempts == 1 and job.next_attempt == queued.next_attempt
    store.outbox().retry(job.id)
    [failed] = service.publish(UPDATE, ["down"])  # without --queue: the user hears it failed
    assert failed.state == "failed" and store.outbox().jobs()[0].state == "failed"


def test_a_lost_answer_after_the_whole_email_went_over_is_uncertain_never_sent_again(
    store, starttls_server, smtp_certificate
):
    starttls_server.handler.reply_delay = 3.0  # stores the mail, then its 250 comes too late
    mail = account("mail", starttls_server, smtp_certificate, "starttls")
    mail.settings["timeout"] = "1"
    service = PublishingService(store.outbox(), {"mail": mail}, {"email": EmailPublisher()}, lambda name: SMTP_PASSWORD)
    [first] = service.publish(UPDATE, ["mail"], queue=True)
    assert first.uncertain and "This email may already have gone out at" in first.error
    assert "answer never came" in first.error and f"outbox job {first.job_id}" in first.error
    job = store.outbox().jobs()[0]
    assert job.state == "uncertain" and job.next_attempt is None  # email cannot look: the user decides
    [again] = service.publish(UPDATE, ["mail"], queue=True)
    assert again.uncertain and len(starttls_server.deliveries) == 1
    from composer.publishers.sender import send_due

    assert send_due(service) == []  # nothing is due: the background sender leaves it alone
    assert len(starttls_server.deliveries) == 1


class Ledger:
    """A channel that keeps its posts in a list and can find one by its key (as WordPress finds its
    slug): a stand-in of the service's own tests for how an existence check is used."""

    id = "ledger"
    display_name = "Ledger"
    api_version = 1
    account_fields = ()
    existence_check_seconds = 3600.0

    def __init__(self):
        from composer.publishers.base import TextPolicy

        self.policy = TextPolicy()
        self.posts: list[str] = []
        self.lose_answer = 0  # the next N posts are made, but their answer is lost
        self.down = 0  # the next N tries cannot connect
        self.looked = 0

    def render(self, update):
        from composer.publishers.base import Post

        return Post(channel=self.id, parts=[update.body], meta={"update_id": update.update_id})

    def publish(self, post, account, credentials, *, report=None, cancel=None):
        from datetime import UTC, datetime

        from composer.publishers.base import OutcomeUnknown, Receipt

        if self.down:
            self.down -= 1
            raise NetworkError("ledger.example.net refused the connection; nothing was sent.")
        key = f"{post.meta['incident_key']}/{post.meta['update_id']}"
        if post.meta.get("retry", True):
            self.looked += 1
            if key in self.posts:
                return Receipt(account.name, self.id, key, "", datetime.now(UTC), {"found": True})
        self.posts.append(key)
        if self.lose_answer:
            self.lose_answer -= 1
            raise OutcomeUnknown("ledger.example.net did not answer (ReadTimeout)")
        return Receipt(account.name, self.id, key, "", datetime.now(UTC))

    def test_connection(self, account, credentials):
        return "ok"


def test_a_channel_that_can_look_finds_its_post_instead_of_sending_it_twice(store):
    from composer.core.model import utc_now
    from composer.publishers.sender import send_due

    ledger = Ledger()
    ledger.lose_answer = 1
    service = PublishingService(store.outbox(), {"book": Account("book", "ledger")}, {"ledger": ledger}, dict.get)
    [first] = service.publish(UPDATE, ["book"], queue=True)
    assert first.uncertain and ledger.posts == ["5/1"]
    job = store.outbox().jobs()[0]
    assert job.next_attempt is not None  # it will look on its own, soon
    store.outbox().wake()
    assert store.outbox().due(utc_now())[0].id == job.id
    [looked] = send_due(service)
    assert looked.ok and looked.receipt.meta == {"found": True} and ledger.posts == ["5/1"] and ledger.looked == 1
    assert store.outbox().jobs()[0].state == "sent"


def test_a_look_that_cannot_connect_leaves_the_job_uncertain_and_tries_again_later(store):
    from composer.publishers.sender import send_due

    ledger = Ledger()
    ledger.lose_answer, ledger.down = 1, 1
    service = PublishingService(store.outbox(), {"book": Account("book", "ledger")}, {"ledger": ledger}, dict.get)
    service.publish(UPDATE, ["book"], queue=True)
    store.outbox().wake()
    [still] = send_due(service)
    assert still.uncertain and store.outbox().jobs()[0].state == "uncertain"
    assert store.outbox().jobs()[0].next_attempt is not None and ledger.posts == ["5/1"]
    store.outbox().wake()
    [found] = send_due(service)
    assert found.ok and ledger.posts == ["5/1"]


def test_past_its_window_an_uncertain_job_waits_for_the_user(store):
    from datetime import timedelta

    ledger = Ledger()
    ledger.lose_answer = 1
    service = PublishingService(store.outbox(), {"book": Account("book", "ledger")}, {"ledger": ledger}, dict.get)
    service.publish(UPDATE, ["book"], queue=True)
    job = store.outbox().jobs()[0]
    assert service.can_recheck(job)
    assert not service.can_recheck(job, job.attempted_at + timedelta(seconds=3601))


def test_queued_jobs_go_in_order_and_wait_behind_one_that_cannot(store):
    from composer.publishers.base import PublishableUpdate
    from composer.publishers.sender import send_due

    ledger = Ledger()
    ledger.down = 1
    service = PublishingService(store.outbox(), {"book": Account("book", "ledger")}, {"ledger": ledger}, dict.get)
    updates = [PublishableUpdate(incident_id=5, update_id=n, title="t", body=f"update {n}") for n in (1, 2, 3)]
    for update in updates:
        store.outbox().enqueue(
            f"book:{update.update_id}",
            "book",
            update.update_id,
            {"channel": "ledger", "subject": "", "parts": [update.body], "incident_key": "5",
             "meta": {"update_id": update.update_id}},
        )  # fmt: skip
    [deferred] = send_due(service)  # the first cannot connect: the others wait behind it
    assert deferred.queued and ledger.posts == []
    assert all(job.state == "pending" and job.next_attempt for job in store.outbox().jobs())
    store.outbox().wake()
    sent = send_due(service)
    assert [o.ok for o in sent] == [True, True, True] and ledger.posts == ["5/1", "5/2", "5/3"]


def test_publishing_a_cancelled_post_again_sends_it_but_the_sender_never_does(store):
    from composer.publishers.sender import send_due

    ledger = Ledger()
    ledger.down = 1
    service = PublishingService(store.outbox(), {"book": Account("book", "ledger")}, {"ledger": ledger}, dict.get)
    [queued] = service.publish(UPDATE, ["book"], queue=True)
    store.outbox().cancel(queued.job_id)
    store.outbox().wake()
    assert send_due(service) == [] and ledger.posts == []
    [sent] = service.publish(UPDATE, ["book"], queue=True)  # the user publishes it again: they mean it
    assert sent.ok and ledger.posts == ["5/1"]


def test_a_queued_post_whose_account_was_removed_fails_instead_of_being_tried_forever(store):
    from composer.publishers.sender import send_due

    ledger = Ledger()
    ledger.down = 1
    accounts = {"book": Account("book", "ledger")}
    service = PublishingService(store.outbox(), accounts, {"ledger": ledger}, dict.get)
    service.publish(UPDATE, ["book"], queue=True)
    store.outbox().wake()
    del accounts["book"]
    [gone] = send_due(service)
    assert gone.state == "failed" and "no account named 'book'" in gone.error
    assert store.outbox().jobs()[0].state == "failed" and send_due(service) == []


def test_a_recovered_email_is_left_to_the_user_not_tried_by_the_sender_again_and_again(store, closed_port):
    from composer.publishers.sender import send_due

    mail = Account("mail", "email", {"host": "127.0.0.1", "port": str(closed_port), "security": "none",
                                     "from": "status@example.net", "to": "all@example.net"})  # fmt: skip
    service = PublishingService(store.outbox(), {"mail": mail}, {"email": EmailPublisher()}, dict.get)
    [queued] = service.publish(UPDATE, ["mail"], queue=True)
    assert queued.queued
    job = store.outbox().jobs()[0]
    assert store.outbox().claim(job.key)
    store.outbox().recover_interrupted(all_claims=True)  # as if the sender had been killed mid-send
    [left] = send_due(service)
    assert left.uncertain and "This email may already have gone out" in left.error
    assert store.outbox().jobs()[0].next_attempt is None and send_due(service) == []


def test_an_update_edited_after_it_went_out_is_mailed_as_its_correction(store, starttls_server, smtp_certificate):
    import email
    import email.policy

    from composer.publishers.base import PublishableUpdate

    mail = account("mail", starttls_server, smtp_certificate, "starttls")
    service = PublishingService(store.outbox(), {"mail": mail}, {"email": EmailPublisher()}, lambda n: SMTP_PASSWORD)
    first = PublishableUpdate(incident_id=5, update_id=2, title="Checkout down", body="Fixed at 10:40 CET.",
                              subject="[Shop] Resolved: Checkout down", first_of_incident=False)  # fmt: skip
    assert service.publish(first, ["mail"])[0].ok
    edited = PublishableUpdate(**{**vars(first), "body": "Fixed at 10:20 CET."})
    [corrected] = service.publish(edited, ["mail"])
    assert corrected.ok and not corrected.reused
    original, correction = (
        email.message_from_bytes(d.raw, policy=email.policy.default) for d in starttls_server.deliveries
    )
    assert original["Message-ID"] == "<incident-5.update-2@example.net>"
    assert correction["Message-ID"] == "<incident-5.update-2.correction-1@example.net>"
    assert correction["Subject"] == "Correction: [Shop] Resolved: Checkout down"
    assert correction["In-Reply-To"] == "<incident-5.update-2@example.net>"
    assert correction["References"] == "<incident-5@example.net> <incident-5.update-2@example.net>"
    assert "10:20 CET" in correction.get_body(("plain",)).get_content()
    assert service.publish(edited, ["mail"])[0].reused and len(starttls_server.deliveries) == 2
