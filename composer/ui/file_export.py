# SPDX-License-Identifier: GPL-3.0-or-later
"""File → Export: the update on screen as Markdown with front matter, where the person says."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

if TYPE_CHECKING:
    from composer.core.model import Incident, Update
    from composer.core.store import Store
    from composer.ui.interaction import Prompter


def export_on_screen(
    store: Store,
    prompter: Prompter,
    incident: Incident,
    update: Update | None,
    *,
    body: str,
    say: Callable[[str], None],
) -> None:
    """Export what is on screen (`body`: the editor's text), even when the store cannot be written."""
    from composer.core.exchange import export_document  # noqa: PLC0415
    from composer.core.interchange import write_update  # noqa: PLC0415

    suggested = f"incident-{incident.id}-update-{update.id if update else 0}.md"
    path = prompter.save_file(QCoreApplication.translate("FileExport", "Export this update"), suggested)
    if path is None:
        return
    doc = export_document(store, incident.id or 0, update.id if update else None)
    doc.title = incident.title
    if update is not None:
        doc.body = body
    try:
        write_update(path, doc)
    except OSError as error:
        why = error.strerror or str(error)
        prompter.warn(
            QCoreApplication.translate("FileExport", "Export"),
            QCoreApplication.translate("FileExport", "Could not write %1: %2")
            .replace("%1", str(path))
            .replace("%2", why),
        )
        return
    say(QCoreApplication.translate("FileExport", "Exported to %1").replace("%1", str(path)))
