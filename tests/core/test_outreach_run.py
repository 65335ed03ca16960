# SPDX-License-Identifier: GPL-3.0-or-later
"""Reaching every customer, without a network: one message per customer, keyed so a run made
again sends only what did not go out; the throttle measured on a fake clock; backoff on a refusal
for now; pause and stop; an uncertain message never sent again on its own; the tracking table."""

from __future__ import annotations

import csv
import io
import threading
from datetime import UTC, datetime

import pytest

from composer.core.model import Incident, Organisation, Person
from composer.core.outbox import next_delay
from composer.core.outreach import UnknownContact, contacts_csv, read_customers
from composer.core.outreach.messages import PlanError, message_key, plan_messages, shared_values
from composer.core.outreach.run import Delivery, RunControl, Throttle, send_messages
from composer.core.templates import TemplateLibrary

LIBRARY = TemplateLibrary().load()
SHARED = {
    "customer_impact": "your shop could not take card payments",
    "data_loss": "No payment data was lost.",
    "title": "Card payments failing",
    "signer_name": "Marta Vidal",
    "signer_email": "marta.vidal@example.net",
    "org_name": "Example Hosting",
}


class FakeClock:
    """A clock that moves only when the run sleeps."""

    def __init__(self) -> None:
        self.now = 1000.0
        self.sleeps: list[float] = []

    def __call__(self) -> float:
        return self.now

    def sleep(self, seconds: float) -> None:
        self.sleeps.append(seconds)
        self.now += seconds


class FakeChannel:
    """A `deliver` that sends through the outbox as the service does (claim, then sent), and records
    when each message went out on the fake clock; `refusals` answers 'pending' (a 4xx) that often first."""

    def __init__(self, store, clock: FakeClock | None = None, refusals: int = 0):
        self.outbox = store.outbox()
        self.clock = clock
        self.refusals = refusals
        self.sent: list[tuple[float, str]] = []
        self.calls = 0

    def __call__(self, job, cancel, report) -> Delivery:
        self.calls += 1
        if not self.outbox.claim(job.key):
            return Delivery(self.outbox.get(job.key).state, "held")
        if self.refusals:
            self.refusals -= 1
            self.outbox.defer(job.key, "451 4.7.1 try again later", 10.0)
            return Delivery("pending", "451 4.7.1 try again later")
        address = job.post["meta"]["recipient"]["address"]
        self.outbox.mark_sent(job.key, {"account": job.account, "channel": "email", "remote_id": "<x@y>", "url": "",
                                        "published_at": datetime.now(UTC).isoformat()})  # fmt: skip
        self.sent.append((self.clock() if self.clock else 0.0, address))
        return Delivery("sent")


def customer_list(rows: int, *, same_name: bool = False) -> bytes:
    lines = ["name,email,language"]
    lines += [f"{'Laura' if same_name else f'Customer {n}'},c{n}@example.com,en" for n in range(rows)]
    return ("\n".join(lines) + "\n").encode()


@pytest.fixture
def incident(store):
    return store.add_incident(
        Incident(title="Card payments failing", started_at=datetime(2026, 11, 21, 10, tzinfo=UTC))
    )


def plan_for(data: bytes, incident_id: int, *, template: str = "apology-email-en", shared=None, explicit=None):
    return plan_messages(
        read_customers(data), incident_id=incident_id, account="mail", template_id=template, library=LIBRARY,
        shared=SHARED if shared is None else shared, explicit=explicit,
    )  # fmt: skip


def fast() -> Throttle:
    clock = FakeClock()
    return Throttle(60_000, clock=clock, sleep=clock.sleep)


def test_one_message_per_customer_in_their_language_with_their_name(incident):
    data = b"name,email,language\nLaura,laura@example.com,ca\nPau,pau@example.com,es\nAnn,ann@example.com,\n"
    plan = plan_for(data, incident.id)
    assert [(m.customer.email, m.template_id) for m in plan.messages] == [
        ("laura@example.com", "apology-email-ca"),
        ("pau@example.com", "apology-email-es"),
        ("ann@example.com", "apology-email-en"),
    ]
    assert all(m.customer.name in m.text for m in plan.messages)
    assert all("marta.vidal@example.net" in m.text and m.reply_to == "marta.vidal@example.net" for m in plan.messages)


def test_identical_texts_are_still_one_job_per_recipient(store, incident):
    plan = plan_for(customer_list(3, same_name=True), incident.id)
    assert len({m.text for m in plan.messages}) == 1
    assert len({m.key for m in plan.messages}) == 3
    channel = FakeChannel(store)
    result = send_messages(store, plan, channel, throttle=fast())
    assert result.all_sent and len(channel.sent) == 3 and len(store.outbox().jobs("sent")) == 3


def test_the_key_holds_incident_template_recipient_and_text():
    base = message_key("mail", 1, "apology-email-en", "a@example.com", subject="S", text="T")
    assert base == message_key("mail", 1, "apology-email-en", "A@Example.com", subject="S", text="T")
    others = {
        message_key("mail", 2, "apology-email-en", "a@example.com", subject="S", text="T"),
        message_key("mail", 1, "apology-email-ca", "a@example.com", subject="S", text="T"),
        message_key("mail", 1, "apology-email-en", "b@example.com", subject="S", text="T"),
        message_key("mail", 1, "apology-email-en", "a@example.com", subject="S", text="T2"),
    }
    assert base not in others and len(others) == 4


def test_a_run_made_again_sends_only_what_did_not_go_out(store, incident):
    plan = plan_for(customer_list(10), incident.id)
    channel = FakeChannel(store)
    control = RunControl()
    stop_after = 4

    def report(fraction, text):
        if len(channel.sent) >= stop_after:
            control.stop()

    first = send_messages(store, plan, channel, throttle=fast(), control=control, report=report)
    assert first.stopped and len(channel.sent) == stop_after and not first.all_sent
    second = send_messages(store, plan, channel, throttle=fast())
    assert second.all_sent
    assert sorted(address for _, address in channel.sent) == sorted(f"c{n}@example.com" for n in range(10))
    assert second.count("already") == stop_after and second.count("contacted") == 10 - stop_after


def test_a_missing_required_field_stops_that_customer_only(store, incident):
    data = b"name,email,impact\nLaura,laura@example.com,your shop was down\nPau,pau@example.com,\n"
    shared = {k: v for k, v in SHARED.items() if k != "customer_impact"}
    plan = plan_for(data, incident.id, shared=shared, explicit={"customer_impact": "impact"})
    assert [m.customer.email for m in plan.messages] == ["laura@example.com"]
    [skipped] = plan.skipped
    assert skipped.customer.email == "pau@example.com" and "line 3" in skipped.reason
    assert "customer_impact" in skipped.reason
    result = send_messages(store, plan, FakeChannel(store), throttle=fast())
    assert result.count("contacted") == 1 and result.count("skipped") == 1 and not result.all_sent
    rows = {c.email: c for c in store.outreach_contacts(incident.id)}
    assert rows["pau@example.com"].state == "failed" and "customer_impact" in rows["pau@example.com"].error
    assert rows["laura@example.com"].state == "contacted" and rows["laura@example.com"].sent_at is not None


def test_bad_mappings_and_templates_stop_the_plan_in_one_line(incident):
    data = customer_list(2)
    with pytest.raises(PlanError, match="no column 'nope'"):
        plan_for(data, incident.id, explicit={"customer_name": "nope"})
    with pytest.raises(PlanError, match="no field 'colour'"):
        plan_for(data, incident.id, explicit={"colour": "name"})
    with pytest.raises(PlanError, match="unknown template"):
        plan_for(data, incident.id, template="apology-email-xx")
    with pytest.raises(PlanError, match="needs an email one"):
        plan_for(data, incident.id, template="resolved-blog-en")


def test_the_throttle_keeps_to_n_a_minute_on_a_fake_clock(store, incident):
    clock = FakeClock()
    plan = plan_for(customer_list(95), incident.id)
    channel = FakeChannel(store, clock)
    result = send_messages(store, plan, channel, throttle=Throttle(30, clock=clock, sleep=clock.sleep))
    assert result.all_sent and len(channel.sent) == 95
    times = [when for when, _ in channel.sent]
    # In every minute (half-open), at most 30: each message opens a window.
    assert max(sum(1 for t in times if start <= t < start + 60) for start in times) == 30
    assert times[-1] - times[0] == pytest.approx(94 * 2.0)  # evenly spaced, never a burst


def test_the_default_rate_is_30_a_minute():
    assert Throttle().per_minute == 30
    with pytest.raises(ValueError):
        Throttle(0)


def test_a_refusal_for_now_is_tried_again_after_the_outboxs_backoff(store, incident):
    clock = FakeClock()
    plan = plan_for(customer_list(1), incident.id)
    channel = FakeChannel(store, clock, refusals=2)
    jitter = iter([0.5, 0.25])
    result = send_messages(
        store, plan, channel, throttle=Throttle(60_000, clock=clock, sleep=clock.sleep), rand=lambda: next(jitter)
    )
    assert result.all_sent and channel.calls == 3
    assert clock.sleeps == [next_delay(1, rand=lambda: 0.5), next_delay(2, rand=lambda: 0.25)]


def test_a_refusal_that_lasts_fails_the_customer_and_the_next_run_tries_again(store, incident):
    clock = FakeClock()
    plan = plan_for(customer_list(2), incident.id)
    channel = FakeChannel(store, clock, refusals=4)
    throttle = Throttle(60_000, clock=clock, sleep=clock.sleep)
    result = send_messages(store, plan, channel, throttle=throttle, tries=4, rand=lambda: 0.0)
    assert [r.state for r in result.reached] == ["failed", "contacted"]
    assert "451" in result.reached[0].error
    assert store.outbox().get(plan.messages[0].key).state == "failed"  # not left for the queue to send unthrottled
    again = send_messages(store, plan, channel, throttle=throttle)
    assert [r.state for r in again.reached] == ["contacted", "already"]


def test_an_uncertain_message_is_never_sent_again_without_the_user(store, incident):
    plan = plan_for(customer_list(3), incident.id)
    outbox = store.outbox()
    from composer.core.outreach.messages import post_record

    first = plan.messages[0]
    job = outbox.enqueue(first.key, "mail", None, post_record(first, incident_id=incident.id))
    outbox.mark_sending(job.key)
    outbox.recover_interrupted(all_claims=True)  # a process killed while sending it
    channel = FakeChannel(store)
    result = send_messages(store, plan, channel, throttle=fast())
    assert [r.state for r in result.reached] == ["uncertain", "contacted", "contacted"]
    assert "c0@example.com" not in [address for _, address in channel.sent]
    assert store.outreach_contact(incident.id, "c0@example.com").state == "uncertain"
    outbox.resolve(job.id, sent=False)  # the user: it did not go out, send it again
    result = send_messages(store, plan, channel, throttle=fast())
    assert [r.state for r in result.reached] == ["contacted", "already", "already"]
    assert sorted(a for _, a in channel.sent) == ["c0@example.com", "c1@example.com", "c2@example.com"]


def test_pause_waits_and_resume_goes_on(store, incident):
    plan = plan_for(customer_list(6), incident.id)
    channel = FakeChannel(store)
    control = RunControl()
    paused = threading.Event()

    def report(fraction, text):
        if len(channel.sent) == 2 and not paused.is_set():
            control.pause()
            paused.set()

    done: list[object] = []
    worker = threading.Thread(
        target=lambda: done.append(send_messages(store, plan, channel, throttle=fast(), control=control, report=report))
    )
    worker.start()
    assert paused.wait(10)
    worker.join(0.5)
    assert worker.is_alive() and control.paused and len(channel.sent) == 2
    control.resume()
    worker.join(10)
    assert not worker.is_alive() and done[0].all_sent and len(channel.sent) == 6


def test_stop_ends_a_paused_run(store, incident):
    control = RunControl()
    control.pause()
    control.stop()
    result = send_messages(store, plan_for(customer_list(2), incident.id), FakeChannel(store), control=control)
    assert result.stopped and result.reached == []


def test_tracking_marks_call_list_and_csv(store, incident):
    data = b"name,email,phone\nLaura,laura@example.com,+34 600 000 001\n=cmd,pau@example.com,\n"
    send_messages(store, plan_for(data, incident.id), FakeChannel(store), throttle=fast(), by="Marta")
    when = datetime(2026, 11, 22, 9, tzinfo=UTC)
    replied = store.mark_replied(incident.id, "LAURA@example.com", by="Jordi", when=when)
    assert (replied.state, replied.replied_by, replied.replied_at) == ("replied", "Jordi", when)
    call = store.mark_needs_call(incident.id, "laura@example.com", by="Jordi", note="wants a refund")
    assert [(c.email, c.phone, c.call_note) for c in store.call_list(incident.id)] == [
        ("laura@example.com", "+34600000001", "wants a refund")
    ]
    assert call.state == "replied"  # replied wins; the call still stands in the call list
    store.mark_replied(incident.id, "laura@example.com", by="Jordi", replied=False)
    assert store.outreach_contact(incident.id, "laura@example.com").state == "needs-call"
    with pytest.raises(UnknownContact):
        store.mark_replied(incident.id, "nobody@example.com", by="Jordi")
    rows = list(csv.DictReader(io.StringIO(contacts_csv(store.outreach_contacts(incident.id)))))
    assert [r["email"] for r in rows] == ["laura@example.com", "pau@example.com"]
    assert rows[0]["state"] == "needs-call" and rows[0]["call_by"] == "Jordi" and rows[0]["added_by"] == "Marta"
    assert rows[1]["name"] == "'=cmd"  # never a formula in a spreadsheet
    assert store.outreach_contacts(incident.id)[1].as_json().keys() == {"email", "name", "state", "sent_at", "error"}


def test_shared_values_come_from_the_incident_the_organisation_and_the_signer():
    incident = Incident(title="Card payments failing", started_at=datetime(2026, 11, 21, 10, tzinfo=UTC))
    org = Organisation(name="Example Hosting", phone="+34 930 000 000")
    people = [Person(name="Marta Vidal", role="Head of Support", email="marta.vidal@example.net")]
    values = shared_values(incident, org, people, local_zone="Europe/Madrid")
    assert values["title"] == "Card payments failing" and values["signer_email"] == "marta.vidal@example.net"
    assert values["org_name"] == "Example Hosting" and values["signer_name"] == "Marta Vidal"
