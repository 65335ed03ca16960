# SPDX-License-Identifier: GPL-3.0-or-later
"""Import and export between the store and interchange files (used by the CLI and the app)."""

from __future__ import annotations

import hashlib

from composer.core.i18n import _
from composer.core.interchange import InterchangeError, UpdateDocument, dump_update
from composer.core.model import Event, Incident, Update
from composer.core.store import NotFound, Store

PUBLISHED_FROM_FILE = "published-from-file"  # the event that ties an update to the file it came from


def import_document(store: Store, doc: UpdateDocument) -> tuple[Incident, Update]:
    """Store `doc` as a new incident, as a new update of the incident it names, or as a change
    to the update it names (`update:`): all or nothing."""
    with store.transaction():
        return _import(store, doc)


def _import(store: Store, doc: UpdateDocument) -> tuple[Incident, Update]:
    """The file's update stored. Its status is a proposal: the incident's own status follows what
    is published (`Store.add_publication`), never a draft or a file."""
    if doc.update_id is not None:
        return _changed(store, doc, doc.update_id)
    if doc.incident_id is not None:
        incident = _named_incident(store, doc.incident_id)
        if doc.title and doc.title != incident.title:
            incident.title = doc.title
            store.save_incident(incident)
    else:
        incident = store.add_incident(doc.to_incident())
    update = store.add_update(doc.to_update(incident.id))
    return incident, update


def _named_incident(store: Store, incident_id: int) -> Incident:
    try:
        return store.incident(incident_id)
    except NotFound:
        raise InterchangeError(
            _(
                "the file names incident {incident}, which this store does not have (remove the "
                "`incident` key to import it as a new incident)"
            ).format(incident=incident_id)
        ) from None


def _changed(store: Store, doc: UpdateDocument, update_id: int) -> tuple[Incident, Update]:
    """The stored update `update_id` given the file's text and fields (its earlier text stays in
    its history). Published already, it goes out again as a correction."""
    try:
        update = store.update(update_id)
    except NotFound:
        raise InterchangeError(
            _(
                "the file names update {update}, which this store does not have (remove the `update` "
                "key to store the file as a new update)"
            ).format(update=update_id)
        ) from None
    if doc.incident_id is not None and doc.incident_id != update.incident_id:
        raise InterchangeError(
            _(
                "the file names update {update} of incident {incident}, but that update belongs to incident {owner}"
            ).format(update=update_id, incident=doc.incident_id, owner=update.incident_id)
        )
    incident = _named_incident(store, update.incident_id or 0)
    if doc.title and doc.title != incident.title:
        incident.title = doc.title
        store.save_incident(incident)
    fresh = doc.to_update(incident.id)
    update.body, update.status, update.signer = fresh.body, fresh.status, fresh.signer
    update.language, update.next_update_at = fresh.language, fresh.next_update_at
    if fresh.previous_update_at is not None:
        update.previous_update_at = fresh.previous_update_at
    update.extra = fresh.extra
    store.save_update(update, new_revision=True)
    return incident, update


def export_document(store: Store, incident_id: int, update_id: int | None = None) -> UpdateDocument:
    """The interchange form of one update (the incident's latest unless `update_id` is given)."""
    incident = store.incident(incident_id)
    if update_id is None:
        update = store.latest_update(incident_id)
        if update is None:
            update = Update(incident_id=incident_id, status=incident.status)
    else:
        update = store.update(update_id)
        if update.incident_id != incident_id:
            raise NotFound(
                _("update {update} does not belong to incident {incident}").format(
                    update=update_id, incident=incident_id
                )
            )
    last = store.previous_public_update_at(update) if update.id is not None else None
    return UpdateDocument.from_model(incident, update, last)


def stored_for_publishing(store: Store, doc: UpdateDocument) -> tuple[Incident, Update, bool]:
    """The stored incident and update a file being published is, never guessed from its title.

    With an `incident:` key, the update belongs to that incident. Without one, the file is
    stored as a new incident. Either way, publishing the very same file again (same front matter,
    same text) finds the update stored the first time, so the outbox knows it is the same post
    and nothing is sent twice; a different file is a different update. Returns whether it was new.
    """
    digest = hashlib.sha256(dump_update(doc).encode()).hexdigest()
    # Look up and store under one write lock: two commands publishing the same file at once
    # find one stored update, never store two (and mail twice).
    with store.transaction(immediate=True):
        return _stored_for_publishing(store, doc, {"sha256": digest})


def _stored_for_publishing(
    store: Store, doc: UpdateDocument, detail: dict[str, object]
) -> tuple[Incident, Update, bool]:
    update_id = store.update_with_event(PUBLISHED_FROM_FILE, detail)
    if update_id is not None:
        try:
            update = store.update(update_id)
            incident = store.incident(update.incident_id or 0)
        except NotFound:
            pass  # deleted since: store it again
        else:
            if doc.incident_id is None or incident.id == doc.incident_id:
                return incident, update, False
    incident, update = _import(store, doc)
    store.add_event(Event(update_id=update.id or 0, kind=PUBLISHED_FROM_FILE, detail=detail))
    return incident, update, True
