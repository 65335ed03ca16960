# SPDX-License-Identifier: GPL-3.0-or-later
"""From a template to an update: pre-fill the form from what the app knows, apply the result."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

from composer.core import outgoing
from composer.core.contacts import TEMPLATE_KEYS, template_values
from composer.core.files import write_atomic
from composer.core.lifecycle import next_stage
from composer.core.model import Incident, Status, Update, utc_now
from composer.core.store import SaveFailed
from composer.core.templates import Rendered, TemplateLibrary
from composer.core.templates.render import STAGE_STATUS

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    from composer.core.checks import CheckConfig
    from composer.core.store import Store
    from composer.ui.interaction import Prompter
    from composer.ui.template_dialog import TemplateChoice

OnScreen = Callable[[], tuple[Incident | None, Update | None]]


def local_zone_name() -> str:
    """This computer's zone by its IANA name ("UTC" when it has none)."""
    from PySide6.QtCore import QTimeZone  # noqa: PLC0415

    name = bytes(QTimeZone.systemTimeZoneId().data()).decode() or "UTC"
    return name if "/" in name or name == "UTC" else "UTC"


class TemplateWorkflow(QObject):
    """The window's template commands: new update from a template, social previews.

    Given what it needs, not the window: the store, the template library, the check
    configuration (its cadence), the prompter, and what is on screen; it says what it did
    through its signals.
    """

    update_made = Signal(int)  # the incident whose update a template filled or started
    page_saved = Signal(str)  # where the alternate contact page was written

    def __init__(
        self,
        store: Store,
        library: TemplateLibrary,
        check_config: CheckConfig,
        prompter: Prompter,
        *,
        on_screen: OnScreen,
        parent: QWidget,
    ):
        super().__init__(parent)
        self.store = store
        self.library = library
        self.check_config = check_config
        self.prompter = prompter
        self._on_screen = on_screen
        self._parent = parent

    def reload(self) -> None:
        self.library.load()

    def prefill(self) -> dict[str, object]:
        """What the app already knows: the incident, who signs, the organisation, the cadence.
        The contacts are those for the incident on screen: never a page or an address on our own
        site or mail when the incident takes them down."""
        incident, update = self._on_screen()
        known = template_values(
            self.store.organisation(),
            self.store.people(),
            incident,
            local_zone=local_zone_name(),
            signer=update.signer if update else "",
        )
        values: dict[str, object] = {
            **dict.fromkeys(TEMPLATE_KEYS, ""),  # what the app does not know shows empty, not a template default
            **known,
            "next_update": utc_now() + self.check_config.cadence,
            "resolved_at": utc_now(),
        }
        if incident is not None:
            values.update(
                {
                    "title": incident.title,
                    "services": ", ".join(incident.affected_services),
                    "impact": incident.customer_impact,
                    "workaround": incident.workaround,
                    "started": incident.started_at,
                    "window_start": incident.started_at,
                }
            )
        return values

    def new_update_from_template(self) -> None:
        from composer.ui.template_dialog import TemplateDialog  # noqa: PLC0415

        incident, update = self._on_screen()
        if incident is None:
            return
        language = update.language if update else "en"
        stage = next_stage(incident, self.store.updates(incident.id or 0))
        choice = TemplateDialog.ask(self.library, self.prefill(), language, stage, self._parent)
        if choice is not None:
            self.apply(choice)

    def apply(self, choice: TemplateChoice) -> None:
        """Put the long form in the editor (a new update unless the current one is empty)."""
        if choice.stage == "contact-page":
            self._save_page(choice)
            return
        incident, current = self._on_screen()
        long_form = choice.long_form
        if long_form is None or incident is None:
            return
        signer = ", ".join(str(v) for v in (choice.values.get("signer_name"), choice.values.get("signer_role")) if v)
        next_update = choice.values.get("next_update")
        update = current if current is not None and not current.body.strip() else None
        if update is None:
            update = Update(incident_id=incident.id)
        update.body = long_form.text
        update.status = Status(STAGE_STATUS[choice.stage])
        update.language = choice.language
        update.signer = signer
        update.next_update_at = next_update if isinstance(next_update, datetime) else None
        spec = {
            "stage": choice.stage,
            "values": _plain(choice.values),
            "text_sha256": outgoing.text_digest(update.body),
        }
        update.extra = {**update.extra, "template": spec}
        try:
            if update.id is None:
                self.store.add_update(update)
            else:
                self.store.save_update(update)
        except SaveFailed as error:
            self.prompter.warn(self.tr("Template"), str(error))
            return
        self.update_made.emit(incident.id or 0)

    def _save_page(self, choice: TemplateChoice) -> None:
        page = choice.renderings.get("page")
        if page is None:
            return
        path = self.prompter.save_file(
            self.tr("Save the alternate contact page"), "contact.html", "Web page (*.html);;All files (*)"
        )
        if path is None:
            return
        try:
            write_atomic(path, page.text)
        except OSError as error:
            self.prompter.warn(self.tr("Save page"), f"{path}: {error.strerror or error}")
            return
        self.page_saved.emit(str(path))

    def social_renderings(self, update: Update | None) -> dict[str, Rendered | str]:
        """Short and medium social posts for an update made from a template (errors as text)."""
        if update is None:
            return {}
        return outgoing.social_renderings(update.extra, update.language, self.library)


def _plain(values: dict[str, object]) -> dict[str, object]:
    return {k: v.isoformat() if isinstance(v, datetime) else v for k, v in values.items() if v not in (None, "")}
