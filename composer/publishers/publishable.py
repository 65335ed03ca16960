# SPDX-License-Identifier: GPL-3.0-or-later
"""The one way to the update publishers take, for the window and the command line alike.

Both start from an `UpdateDocument` with its template texts filled in
(`composer.core.outgoing`): the window from the stored update, the command line from the file.
Same fields either way: title, body, language, status, signer, the email subject, the short
social texts, the link to the full update, and whether it is the incident's first update.
"""

from __future__ import annotations

import hashlib
from datetime import UTC, datetime

from composer.core.interchange import UpdateDocument
from composer.core.outgoing import EMAIL, LONG_URL, SUBJECT, channel_texts
from composer.core.promise_text import readers_zone, with_promise
from composer.core.subjects import stage_subject
from composer.publishers.base import PublishableUpdate

DEFAULT_TITLE = "Service update"


def stable_id(text: str) -> int:
    """An id derived from text: the same file published twice is the same update to the outbox."""
    return int(hashlib.sha256(text.encode()).hexdigest()[:12], 16)


def publishable_update(
    doc: UpdateDocument,
    *,
    incident_id: int | None = None,
    update_id: int | None = None,
    long_url: str = "",
    organisation: str = "",
    now: datetime | None = None,
) -> PublishableUpdate:
    """`doc` as publishers take it. Without ids (a file never stored), ids derived from its text.

    The promise is in the text: a next-update time set in the field but not stated in the body
    (nor in the email's own text) is written into what is published, in the update's language
    and the readers' zone (the template's, else this computer's), as the checklist said it would be.
    `organisation`: its name, for the subject of an update written by hand."""
    if incident_id is None:
        incident_id = doc.incident_id or stable_id(doc.title or doc.body[:200])
    if update_id is None:
        update_id = stable_id(doc.body)
    language = doc.language or "en"
    zone = readers_zone(doc.extra) or datetime.now().astimezone().tzinfo
    today = (now or datetime.now(UTC)).astimezone(zone).date()

    def promised(text: str) -> str:
        return with_promise(text, doc.next_update, language, zone, today=today, status=doc.status)

    texts = channel_texts(doc)
    if EMAIL in texts:
        texts[EMAIL] = promised(texts[EMAIL])
    return PublishableUpdate(
        incident_id=incident_id,
        update_id=update_id,
        title=doc.title or DEFAULT_TITLE,
        body=promised(doc.body),
        language=language,
        status=doc.status.value,
        signer=doc.signer,
        # Written by hand or by the template, else one that follows the stage ("[Org] Resolved: …").
        subject=str(doc.extra.get(SUBJECT) or "").strip()
        or stage_subject(doc.title or DEFAULT_TITLE, doc.status, language, organisation),
        long_url=str(doc.extra.get(LONG_URL) or long_url or ""),
        first_of_incident=doc.last_update is None,
        texts=texts,
    )
