# SPDX-License-Identifier: GPL-3.0-or-later
"""Import and export between the store and interchange files (used by the CLI and the app)."""

from __future__ import annotations

from composer.core.interchange import InterchangeError, UpdateDocument
from composer.core.model import Incident, Update
from composer.core.store import NotFound, Store


def import_document(store: Store, doc: UpdateDocument) -> tuple[Incident, Update]:
    """Store `doc` as a new incident, or as a new update of the incident it names."""
    if doc.incident_id is not None:
        try:
            incident = store.incident(doc.incident_id)
        except NotFound:
            raise InterchangeError(
                f"the file names incident {doc.incident_id}, which this store does not have "
                "(remove the `incident` key to import it as a new incident)"
            ) from None
        changed = False
        if incident.status != doc.status:
            incident.status, changed = doc.status, True
        if doc.title and doc.title != incident.title:
            incident.title, changed = doc.title, True
        if changed:
            store.save_incident(incident)
    else:
        incident = store.add_incident(doc.to_incident())
    update = store.add_update(doc.to_update(incident.id))
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
            raise NotFound(f"update {update_id} does not belong to incident {incident_id}")
    last = store.previous_public_update_at(update) if update.id is not None else None
    return UpdateDocument.from_model(incident, update, last)
