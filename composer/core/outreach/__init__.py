# SPDX-License-Identifier: GPL-3.0-or-later
"""Reaching every affected customer personally (issue 15). Pure Python, no Qt.

The list:
    read_customers_file(path, default_region="ES") -> CustomerList      (CustomerListError: one line)
    read_customers(data: bytes, ...) / read_customers_text(paste, ...) -> CustomerList
    map_columns(columns, fields, explicit) -> (field -> column, notes)

The messages (one rendering per customer, in their language when the template exists in it):
    plan_messages(customers, *, incident_id, account, template_id, library, shared=None,
                  explicit=None, incident_title="") -> Plan                (PlanError: one line)
    Plan.messages: [Message(customer, template_id, language, subject, text, key, ...)]
    Plan.skipped: [Skipped(customer, reason)]  — a required field without a value
    Plan.rows_left_out: [Problem(line, column, reason, value)] — rows of the list not taken
    shared_values(incident, organisation, people, local_zone) -> values from the store

Sending (blocking: a worker thread with its own Store; never the UI thread):
    control = RunControl()             # control.pause() / .resume() / .stop(), from any thread
    throttle = Throttle(per_minute=30)  # one per account
    deliver = composer.publishers.outreach.deliverer(PublishingService(...))
    send_messages(store, plan, deliver, throttle=throttle, control=control,
                  report=lambda fraction, text: ..., by="Marta Vidal") -> RunResult
    RunResult.reached: [Reached(email, name, line, state, error, job_id)], .stopped, .all_sent
    Made again after a crash, it sends only what did not go out; an 'uncertain' job waits for
    the user: Outbox.resolve(job_id, sent=True|False), then run again.

Tracking (Store methods, `tracking.OutreachQueries`):
    store.outreach_contacts(incident_id) -> [Contact]      (state, sent_at, error, job_id, phone, ...)
    store.outreach_contact(incident_id, email) -> Contact  (UnknownContact)
    store.mark_replied(incident_id, email, by=..., replied=True)
    store.mark_needs_call(incident_id, email, by=..., needed=True, note="")
    store.call_list(incident_id) -> [Contact]
    contacts_csv(contacts) -> str                           (the table as CSV)
"""

from composer.core.outreach.columns import ColumnError, language_code, map_columns, role_of
from composer.core.outreach.customers import (
    MAX_BYTES,
    MAX_COLUMNS,
    MAX_ROWS,
    Customer,
    CustomerList,
    CustomerListError,
    Problem,
    read_customers,
    read_customers_file,
    read_customers_text,
)
from composer.core.outreach.tracking import Contact, UnknownContact, contacts_csv, default_actor

__all__ = [
    "MAX_BYTES",
    "MAX_COLUMNS",
    "MAX_ROWS",
    "ColumnError",
    "Contact",
    "Customer",
    "CustomerList",
    "CustomerListError",
    "Problem",
    "UnknownContact",
    "contacts_csv",
    "default_actor",
    "language_code",
    "map_columns",
    "read_customers",
    "read_customers_file",
    "read_customers_text",
    "role_of",
]
