# SPDX-License-Identifier: GPL-3.0-or-later
"""A personal email to one customer (publisher API 2, `Post.recipient`): the headers that make
it personal, for `composer.publishers.email`.

- To: that customer alone. The envelope carries only that address: never the account's To list,
  never its Bcc, never another customer.
- Message-ID: its own, made from the message's outbox key (`meta["message_key"]`: incident,
  template, recipient and text), so a retry of the same message carries the same id and two
  customers never share one. Never the incident's or an update's id, and no In-Reply-To or
  References: the customer never got the mails they would point at.
- From and Reply-To: the signer's own address (`meta["reply_to"]`, the template's
  `signer_email`) is the Reply-To, so an answer reaches that person, not a shared inbox. It is
  also the From when it is on the account's own domain (the server may send as it, and DMARC
  aligns); otherwise the From stays the account's address with the signer's name shown, as
  sending as a foreign domain would be refused or marked as spoofed. The envelope sender (MAIL
  FROM) is always the account's.
- No List-Unsubscribe (nor List-Unsubscribe-Post, nor Precedence: bulk), even when the account
  has an unsubscribe link for its subscriber list: this message is one person writing to one
  customer about an outage of that customer's own service, not a mailing the customer
  subscribed to. There is nothing to unsubscribe from (it is sent once, because of this
  incident), an "unsubscribe" button would read as a newsletter and invite the customer to
  block the very person who is apologising, and mail providers' bulk-sender rules ask for the
  header on marketing and subscribed mail, not on one-to-one transactional mail.
"""

from __future__ import annotations

import hashlib
from datetime import datetime
from email.headerregistry import Address
from email.message import EmailMessage
from email.utils import format_datetime

from composer.core.i18n import N_, _
from composer.publishers.base import Post, PublishError, Recipient
from composer.publishers.email_addresses import addresses


def personal_message_id(post: Post, domain: str) -> str:
    """The message's own Message-ID: the same for every try of one message, another for any other."""
    recipient = post.recipient
    key = str(post.meta.get("message_key") or "")
    if not key and recipient is not None:
        key = f"{recipient.address.lower()}\0{post.subject}\0{post.text}"
    digest = hashlib.sha256(key.encode()).hexdigest()[:32]
    incident = post.meta.get("incident_id")
    prefix = f"outreach-{int(incident)}" if isinstance(incident, int) else "personal"
    return f"<{prefix}.{digest}@{domain}>"


def recipient_address(recipient: Recipient) -> Address:
    """The customer's address, checked (one address, no list), with their name shown."""
    found = addresses(recipient.address, N_("To"))
    if len(found) != 1 or "," in recipient.address or ";" in recipient.address:
        raise PublishError(
            _("“{address}” is not one email address; a personal message goes to one person.").format(
                address=recipient.address
            )
        )
    return Address(display_name=_one_line(recipient.name), addr_spec=found[0][0].addr_spec)


def personal_headers(message: EmailMessage, post: Post, sender: Address, sender_domain: str, now: datetime) -> str:
    """Set From, To, Reply-To, Subject, Date and Message-ID of a personal message; its Message-ID."""
    assert post.recipient is not None  # only called for a personal message
    signer_name = _one_line(str(post.meta.get("signer_name") or ""))
    signer, signer_domain = _signer(str(post.meta.get("reply_to") or ""), signer_name)
    if signer is not None and signer_domain == sender_domain:
        message["From"] = signer
    else:
        message["From"] = Address(display_name=signer_name or sender.display_name, addr_spec=sender.addr_spec)
    message["To"] = recipient_address(post.recipient)
    if signer is not None:
        message["Reply-To"] = signer
    message["Subject"] = " ".join(post.subject.split())
    message["Date"] = format_datetime(now)
    message_id = personal_message_id(post, sender_domain)
    message["Message-ID"] = message_id
    return message_id


def _signer(value: str, name: str) -> tuple[Address | None, str]:
    """The signer's own address with their name, and its ASCII domain; (None, "") when there is none."""
    found = addresses(value.strip(), N_("The signer's own address")) if value.strip() else []
    if len(found) != 1:
        return None, ""
    address, domain = found[0]
    return Address(display_name=name or address.display_name, addr_spec=address.addr_spec), domain


def _one_line(text: str) -> str:
    """A display name on one line, without the characters that would break a header."""
    return " ".join("".join(c for c in text if c.isprintable()).split())
