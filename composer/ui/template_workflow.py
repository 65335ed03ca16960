# SPDX-License-Identifier: GPL-3.0-or-later
"""From a template to an update: pre-fill the form from what the app knows, apply the result."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from composer.core import outgoing
from composer.core.files import write_atomic
from composer.core.model import Status, Update, utc_now
from composer.core.paths import user_templates
from composer.core.store import SaveFailed
from composer.core.templates import Rendered, TemplateLibrary
from composer.core.templates.render import STAGE_STATUS

if TYPE_CHECKING:
    from composer.ui.main_window import MainWindow
    from composer.ui.template_dialog import TemplateChoice



def _local_zone_name() -> str:
    from PySide6.QtCore import QTimeZone  # noqa: PLC0415

    name = bytes(QTimeZone.systemTimeZoneId()).decode() or "UTC"
    return name if "/" in name or name == "UTC" else "UTC"


class TemplateWorkflow:
    """The window's template commands: new update from a template, social previews."""

    def __init__(self, window: MainWindow):
        self.window = window
        self.library = TemplateLibrary(user_folder=user_templates(window.context.home)).load()

    def reload(self) -> None:
        self.library.load()

    def prefill(self) -> dict[str, object]:
        """What the app already knows: the incident, who signs, the organisation, the cadence."""
        window = self.window
        incident, update = window.incident, window.editor.current_update
        org = window.store.organisation()
        people = window.store.people()
        signer = (update.signer if update else "") or (people[0].signature if people else "")
        name, _, role = signer.partition(",")
        values: dict[str, object] = {
            "org_name": org.name, "org_phone": org.phone, "org_email": org.email,
            "contact_url": org.contact_url, "status_url": org.status_page_url, "long_url": org.status_page_url,
            "signer_name": name.strip(), "signer_role": role.strip(), "zone": _local_zone_name(),
            "next_update": utc_now() + window.check_config.cadence, "resolved_at": utc_now(),
        }
        if incident is not None:
            values.update({
                "title": incident.title, "services": ", ".join(incident.affected_services),
                "impact": incident.customer_impact, "workaround": incident.workaround,
                "started": incident.started_at, "window_start": incident.started_at,
            })
        return values

    def new_update_from_template(self) -> None:
        from composer.ui.template_dialog import TemplateDialog  # noqa: PLC0415

        window = self.window
        if window.incident is None:
            return
        update = window.editor.current_update
        language = update.language if update else "en"
        stage = {s: k for k, s in STAGE_STATUS.items()}.get(window.incident.status.value, "investigating")
        choice = TemplateDialog.ask(self.library, self.prefill(), language, stage, window)
        if choice is not None:
            self.apply(choice)

    def apply(self, choice: TemplateChoice) -> None:
        """Put the long form in the editor (a new update unless the current one is empty)."""
        window = self.window
        if choice.stage == "contact-page":
            self._save_page(choice)
            return
        long_form = choice.long_form
        if long_form is None or window.incident is None:
            return
        signer = ", ".join(str(v) for v in (choice.values.get("signer_name"), choice.values.get("signer_role")) if v)
        next_update = choice.values.get("next_update")
        current = window.editor.current_update
        update = current if current is not None and not current.body.strip() else None
        if update is None:
            update = Update(incident_id=window.incident.id)
        update.body = long_form.text
        update.status = Status(STAGE_STATUS[choice.stage])
        update.language = choice.language
        update.signer = signer
        update.next_update_at = next_update if isinstance(next_update, datetime) else None
        update.extra = {**update.extra, "template": {"stage": choice.stage, "values": _plain(choice.values)}}
        try:
            if update.id is None:
                window.store.add_update(update)
            else:
                window.store.save_update(update)
        except SaveFailed as error:
            window.context.prompter.warn(window.tr("Template"), str(error))
            return
        window.show_incident(window.incident.id)

    def _save_page(self, choice: TemplateChoice) -> None:
        window = self.window
        page = choice.renderings.get("page")
        if page is None:
            return
        path = window.context.prompter.save_file(window.tr("Save the alternate contact page"), "contact.html",
                                                 "Web page (*.html);;All files (*)")
        if path is None:
            return
        try:
            write_atomic(path, page.text)
        except OSError as error:
            window.context.prompter.warn(window.tr("Save page"), f"{path}: {error.strerror or error}")
            return
        window.statusBar().showMessage(window.tr("Contact page saved to %1").replace("%1", str(path)), 8000)

    def social_renderings(self, update: Update | None) -> dict[str, Rendered | str]:
        """Short and medium social posts for an update made from a template (errors as text)."""
        if update is None:
            return {}
        return outgoing.social_renderings(update.extra, update.language, self.library)


def _plain(values: dict[str, object]) -> dict[str, object]:
    return {k: v.isoformat() if isinstance(v, datetime) else v for k, v in values.items() if v not in (None, "")}
