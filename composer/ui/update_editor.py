# SPDX-License-Identifier: GPL-3.0-or-later
"""The editor for one update: its Markdown body and its own fields, saved as you type."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QPlainTextEdit, QVBoxLayout, QWidget

from composer.core.model import Status, Update, lifecycle_of, utc_now
from composer.core.store import NotFound, SaveFailed, Store
from composer.ui.accessibility import chain_tab_order
from composer.ui.save_scheduler import SaveScheduler
from composer.ui.vocabulary import status_text

if TYPE_CHECKING:
    from PySide6.QtCore import QDateTime

    from composer.ui.published_notice import PublishedNotice

LANGUAGES = (("en", "English"), ("ca", "Català"), ("es", "Español"))
DEFAULT_CADENCE = timedelta(minutes=30)


def to_qdatetime(value: datetime) -> QDateTime:
    from PySide6.QtCore import QDateTime  # noqa: PLC0415 - each Qt class first used costs startup time

    return QDateTime.fromSecsSinceEpoch(int(value.timestamp()))


def from_qdatetime(value: QDateTime) -> datetime:
    """An aware datetime in the machine's zone, so exports carry the local offset."""
    return datetime.fromtimestamp(value.toSecsSinceEpoch(), UTC).astimezone()


class UpdateEditor(QWidget):
    """Shows one update. Emits `saved`/`save_failed`; the text survives any failed save."""

    saved = Signal()
    save_failed = Signal(str)
    text_edited = Signal()
    fields_changed = Signal()

    def __init__(self, store: Store, parent: QWidget | None = None):
        super().__init__(parent)
        self._store = store
        self._update: Update | None = None
        self._loading = False
        self._text_saver = SaveScheduler(self._save_body, self)
        self._fields_saver = SaveScheduler(self._save_fields, self, debounce_ms=150)
        self._signers: list[str] = []

        self.body = QPlainTextEdit()
        self.body.setObjectName("updateBody")
        self.body.setPlaceholderText(
            self.tr(
                "Write the update in Markdown. Say what customers cannot do, own it, "
                "say when the next update comes, sign with your name and give a way to reach you."
            )
        )
        self.body.zoomIn(1)  # a point larger than the interface: it is what people read
        self.body.setAccessibleName(self.tr("Update text"))
        # Tab moves on to the next control, as everywhere else: an update has no use for tab characters.
        self.body.setTabChangesFocus(True)
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._layout.addWidget(self.body, 1)
        self.body.textChanged.connect(self._on_text_changed)
        self._has_fields = False
        self._publications_checked = False
        self.published_notice: PublishedNotice | None = None  # built the first time a published text is edited
        self.load(None)

    def build_fields(self) -> None:
        """Add the update's own fields above the text. The window calls this right after its
        first paint: the first frame needs only the text."""
        if self._has_fields:
            return
        self._has_fields = True
        from PySide6.QtWidgets import (  # noqa: PLC0415 - not needed for the first frame
            QCheckBox,
            QComboBox,
            QDateTimeEdit,
            QHBoxLayout,
            QLabel,
            QPushButton,
        )

        self.status = QComboBox()
        self.status.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.status.setToolTip(self.tr("Where the incident stands in this update"))
        self.signer = QComboBox()
        self.signer.setEditable(True)
        self.signer.setMinimumContentsLength(18)
        self.signer.setToolTip(self.tr("The person who signs this update: a name, not a team"))
        signer_line = self.signer.lineEdit()
        if signer_line is not None:  # editable, so it has one
            signer_line.setPlaceholderText(self.tr("Your name, role"))
        self.language = QComboBox()
        for code, name in LANGUAGES:
            self.language.addItem(name, code)
        self.has_next = QCheckBox(self.tr("Next update by"))
        self.next_update = QDateTimeEdit()
        self.next_update.setAccessibleName(self.tr("Next update by"))
        self.next_update.setDisplayFormat("yyyy-MM-dd HH:mm")
        self.next_update.setCalendarPopup(True)
        self.plus_cadence = QPushButton(self.tr("In 30 min"))
        self.plus_cadence.setToolTip(self.tr("Promise the next update 30 minutes from now"))

        fields = QHBoxLayout()
        for label, widget in (
            (self.tr("Status"), self.status),
            (self.tr("Signed by"), self.signer),
            (self.tr("Language"), self.language),
        ):
            caption = QLabel(label)
            caption.setBuddy(widget)
            fields.addWidget(caption)
            fields.addWidget(widget, 1 if widget is self.signer else 0)
        promise = QHBoxLayout()
        promise.addWidget(self.has_next)
        promise.addWidget(self.next_update)
        promise.addWidget(self.plus_cadence)
        promise.addStretch(1)
        self._layout.insertLayout(0, promise)
        self._layout.insertLayout(0, fields)
        chain_tab_order(self.tab_stops())  # made after the text, the fields would come after it

        self.status.currentIndexChanged.connect(self._on_field_changed)
        self.signer.currentTextChanged.connect(self._on_field_changed)
        self.language.currentIndexChanged.connect(self._on_field_changed)
        self.has_next.toggled.connect(self._on_field_changed)
        self.has_next.toggled.connect(self.next_update.setEnabled)
        self.next_update.dateTimeChanged.connect(self._on_field_changed)
        self.plus_cadence.clicked.connect(self.promise_next_update)
        self._show_fields(self._update)

    # -- state -------------------------------------------------------------------

    @property
    def current_update(self) -> Update | None:
        return self._update

    @property
    def pending(self) -> bool:
        return self._text_saver.pending or self._fields_saver.pending

    def set_signers(self, names: list[str]) -> None:
        self._signers = names
        if not self._has_fields:
            return
        current = self.signer.currentText()
        self._loading = True
        self.signer.clear()
        self.signer.addItems(names)
        self.signer.setEditText(current)
        self._loading = False

    def load(self, update: Update | None) -> None:
        """Show `update` (saving whatever is pending for the previous one first)."""
        self.flush()
        self._update = update
        self._publications_checked = False
        self._loading = True
        try:
            self.body.setEnabled(update is not None)
            self.body.setPlainText(update.body if update is not None else "")
        finally:
            self._loading = False
        if self._has_fields:
            self._show_fields(update)
        if self.published_notice is not None:
            self.published_notice.follow(update.id if update else None)

    def _show_fields(self, update: Update | None) -> None:
        self._loading = True
        try:
            if self._signers:
                self.signer.clear()
                self.signer.addItems(self._signers)
            for widget in (self.status, self.signer, self.language, self.has_next, self.next_update, self.plus_cadence):
                widget.setEnabled(update is not None)
            if update is None:
                return
            self.status.clear()
            for status in lifecycle_of(update.status):
                self.status.addItem(status_text(status), status.value)
            self.status.setCurrentIndex(self.status.findData(update.status.value))
            self.signer.setEditText(update.signer)
            index = self.language.findData(update.language)
            if index < 0:
                self.language.addItem(update.language, update.language)
                index = self.language.count() - 1
            self.language.setCurrentIndex(index)
            self.has_next.setChecked(update.next_update_at is not None)
            self.next_update.setEnabled(update.next_update_at is not None)
            self.next_update.setDateTime(to_qdatetime(update.next_update_at or utc_now() + DEFAULT_CADENCE))
        finally:
            self._loading = False

    def promise_next_update(self) -> None:
        self.next_update.setDateTime(to_qdatetime(utc_now() + DEFAULT_CADENCE))
        self.has_next.setChecked(True)

    # -- saving ------------------------------------------------------------------

    def flush(self) -> bool:
        """Save everything pending now; False if the store refused (the text stays here)."""
        return self._fields_saver.flush() and self._text_saver.flush()

    def _on_text_changed(self) -> None:
        if self._loading or self._update is None:
            return
        self._update.body = self.body.toPlainText()
        self._text_saver.changed()
        self._warn_if_published()
        self.text_edited.emit()

    def publications_changed(self, *_args: object) -> None:
        """Something went out in the background: the next edit asks the store again."""
        self._publications_checked = False

    def _warn_if_published(self) -> None:
        """Editing a text that went out: say that publishing it again sends a correction.

        The first edit after `load` asks the store once (the outbox may have sent the update
        since it was loaded); later keystrokes use what that answer left in the update."""
        update = self._update
        if update is None or update.id is None:
            return
        if not update.publications and not self._publications_checked:
            self._publications_checked = True
            try:
                update.publications = self._store.update(update.id).publications
            except NotFound:
                return
        if not update.publications and self.published_notice is None:
            return
        if self.published_notice is None:
            from composer.ui.published_notice import PublishedNotice  # noqa: PLC0415 - rarely needed

            self.published_notice = PublishedNotice(self)
            self._layout.insertWidget(self._layout.indexOf(self.body), self.published_notice)
            chain_tab_order(self.tab_stops())
        self.published_notice.edited(update.id, bool(update.publications))

    def _on_field_changed(self, *_args: object) -> None:
        if self._loading or self._update is None:
            return
        update = self._update
        status = self.status.currentData()
        if status:
            update.status = Status(status)
        update.signer = self.signer.currentText().strip()
        update.language = self.language.currentData() or "en"
        update.next_update_at = from_qdatetime(self.next_update.dateTime()) if self.has_next.isChecked() else None
        self._fields_saver.changed()
        self.fields_changed.emit()

    def _save_body(self) -> bool:
        if self._update is None or self._update.id is None:
            return True
        try:
            self._store.save_body(self._update.id, self._update.body)
        except SaveFailed as error:
            self.save_failed.emit(str(error))
            return False
        self.saved.emit()
        return True

    def _save_fields(self) -> bool:
        if self._update is None or self._update.id is None:
            return True
        try:
            self._store.save_update(self._update)
        except SaveFailed as error:
            self.save_failed.emit(str(error))
            return False
        self._text_saver.discard()  # save_update wrote the body too
        self.saved.emit()
        return True

    def tab_stops(self) -> list[QWidget]:
        """What Tab visits here, as on screen: the fields, the note that the update went out, the text."""
        fields: list[QWidget] = []
        if self._has_fields:
            fields = [self.status, self.signer, self.language, self.has_next, self.next_update, self.plus_cadence]
        notice = [self.published_notice.close_button] if self.published_notice is not None else []
        return [*fields, *notice, self.body]

    def focus_body(self) -> None:
        from PySide6.QtCore import Qt  # noqa: PLC0415 - Qt's enum namespace is slow to load

        self.body.setFocus(Qt.FocusReason.ShortcutFocusReason)
