# SPDX-License-Identifier: GPL-3.0-or-later
"""Start an update from a template: pick the stage and language, fill the form, see every channel."""

from __future__ import annotations

from dataclasses import dataclass, field

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt, QTimer
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QSplitter,
    QTabWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from composer.core.i18n import _
from composer.core.templates import CHANNELS, Field, FieldError, Rendered, TemplateError, TemplateLibrary
from composer.core.templates.library import STAGES, TemplateInfo
from composer.core.templates.render import render_template
from composer.ui.accessibility import chain_tab_order
from composer.ui.field_form import FieldForm

STAGE_LABELS = {  # marked for Qt Linguist; translated where shown
    "investigating": QT_TRANSLATE_NOOP("TemplateDialog", "Investigating"),
    "identified": QT_TRANSLATE_NOOP("TemplateDialog", "Identified"),
    "monitoring": QT_TRANSLATE_NOOP("TemplateDialog", "Monitoring"),
    "resolved": QT_TRANSLATE_NOOP("TemplateDialog", "Resolved"),
    "maintenance-scheduled": QT_TRANSLATE_NOOP("TemplateDialog", "Maintenance scheduled"),
    "maintenance-in-progress": QT_TRANSLATE_NOOP("TemplateDialog", "Maintenance in progress"),
    "maintenance-completed": QT_TRANSLATE_NOOP("TemplateDialog", "Maintenance completed"),
    "postmortem": QT_TRANSLATE_NOOP("TemplateDialog", "Postmortem summary"),
    "apology": QT_TRANSLATE_NOOP("TemplateDialog", "Personal apology (one customer)"),
    "contact-page": QT_TRANSLATE_NOOP("TemplateDialog", "Alternate contact page"),
}
LANGUAGE_LABELS = {"en": "English", "ca": "Català", "es": "Español"}
RENDER_DELAY_MS = 150


@dataclass
class TemplateChoice:
    stage: str
    language: str
    values: dict[str, object]
    renderings: dict[str, Rendered] = field(default_factory=dict)

    @property
    def long_form(self) -> Rendered | None:
        return self.renderings.get("blog") or self.renderings.get("email")


def templates_for(library: TemplateLibrary, stage: str, language: str) -> list[TemplateInfo]:
    found = [library.find(stage, channel, language) for channel in CHANNELS]
    return [info for info in found if info is not None]


def fields_of(templates: list[TemplateInfo]) -> list[Field]:
    """Every field any channel of the stage asks for, in first-seen order; required if any requires it."""
    merged: dict[str, Field] = {}
    for info in templates:
        for spec in info.fields:
            if spec.name not in merged or (spec.required and not merged[spec.name].required):
                merged[spec.name] = spec
    return list(merged.values())


class TemplateDialog(QDialog):
    def __init__(
        self,
        library: TemplateLibrary,
        prefill: dict[str, object],
        language: str = "en",
        stage: str = "investigating",
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        self.setWindowTitle(self.tr("New update from a template"))
        self.resize(1100, 700)
        self.library = library
        self.prefill = prefill
        self.templates: list[TemplateInfo] = []
        self.renderings: dict[str, Rendered] = {}
        self.errors: dict[str, str] = {}

        self.stage = QComboBox()
        for key in STAGES:
            self.stage.addItem(self.tr(str(STAGE_LABELS[key])), key)
        self.language = QComboBox()
        for code in sorted({t.language for t in library.all() if t.builtin}):
            self.language.addItem(LANGUAGE_LABELS.get(code, code), code)
        self.form = FieldForm()
        form_scroll = QScrollArea()
        form_scroll.setWidgetResizable(True)
        form_scroll.setWidget(self.form)
        form_scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # no stop of its own: a field Tab reaches scrolls it
        self.previews = QTabWidget()
        self.problem = QLabel()
        self.problem.setWordWrap(True)
        self.problem.setObjectName("templateProblem")

        top = QHBoxLayout()
        for text, box in ((self.tr("Stage"), self.stage), (self.tr("Language"), self.language)):
            label = QLabel(text)
            label.setBuddy(box)
            top.addWidget(label)
            top.addWidget(box, 1 if box is self.stage else 0)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addLayout(top)
        left_layout.addWidget(form_scroll, 1)
        split = QSplitter()
        split.addWidget(left)
        split.addWidget(self.previews)
        split.setSizes([480, 620])
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.use = self.buttons.addButton(self.tr("Use this update"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(split, 1)
        layout.addWidget(self.problem)
        layout.addWidget(self.buttons)

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.render_now)
        self.form.changed.connect(lambda: self._timer.start(RENDER_DELAY_MS))
        self.stage.setCurrentIndex(max(0, self.stage.findData(stage)))
        self.language.setCurrentIndex(max(0, self.language.findData(language)))
        self.stage.currentIndexChanged.connect(self._rebuild)
        self.language.currentIndexChanged.connect(self._rebuild)
        self._rebuild()

    def _rebuild(self) -> None:
        self.templates = templates_for(self.library, self.stage.currentData(), self.language.currentData())
        self.form.set_fields(fields_of(self.templates), self.prefill)
        pages = [self.previews.widget(index) for index in range(self.previews.count())]
        self.previews.clear()
        for page in pages:  # clear() only takes them out
            if page is not None:
                page.deleteLater()
        self._views: dict[str, QTextBrowser] = {}
        for info in self.templates:
            view = QTextBrowser()
            view.setOpenExternalLinks(False)
            label = _(CHANNELS[info.channel].label)
            view.setAccessibleName(self.tr("Preview: %1").replace("%1", label))
            self._views[info.channel] = view
            self.previews.addTab(view, label)
        # Made anew, the fields and pages would come after the buttons: in reading order instead.
        chain_tab_order([self.stage, self.language, *self.form.tab_stops(), self.previews])
        chain_tab_order([self.previews.tabBar(), *self._views.values()])
        self.render_now()

    def render_now(self) -> None:
        """Render every channel; a problem in one shows there and blocks only 'Use'."""
        self._timer.stop()
        values = self.form.values()
        self.renderings, self.errors = {}, {}
        for index, info in enumerate(self.templates):
            channel = CHANNELS[info.channel]
            view = self._views[info.channel]
            try:
                rendered = render_template(info, values)
            except (FieldError, TemplateError) as error:
                self.errors[info.channel] = str(error)
                view.setPlainText(str(error))
                self.previews.setTabText(index, f"{_(channel.label)} ⚠")
                continue
            self.renderings[info.channel] = rendered
            if channel.output == "html":
                view.setHtml(rendered.text)
            elif channel.output in ("markdown", "email"):
                subject = f"<p><b>{self.tr('Subject')}:</b> {rendered.subject}</p><hr>" if rendered.subject else ""
                view.setHtml(subject + rendered.html())
            else:
                view.setPlainText(rendered.text)
            count = f"{rendered.length}/{channel.limit}" if channel.limit else str(rendered.length)
            mark = " ⚠" if not rendered.fits else ""
            self.previews.setTabText(index, f"{_(channel.label)} · {count}{mark}")
        first_error = next(iter(self.errors.values()), "")
        self.problem.setText(first_error)
        self.use.setEnabled(not self.errors and bool(self.renderings))

    def choice(self) -> TemplateChoice:
        return TemplateChoice(
            self.stage.currentData(), self.language.currentData(), self.form.values(), dict(self.renderings)
        )

    @classmethod
    def ask(
        cls,
        library: TemplateLibrary,
        prefill: dict[str, object],
        language: str,
        stage: str,
        parent: QWidget | None = None,
    ) -> TemplateChoice | None:
        """The filled-in template, or None. Tests patch this."""
        dialog = cls(library, prefill, language, stage, parent)
        return dialog.choice() if dialog.exec() == QDialog.DialogCode.Accepted else None
