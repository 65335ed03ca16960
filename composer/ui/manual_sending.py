# SPDX-License-Identifier: GPL-3.0-or-later
"""When nothing can be sent: the update to send by hand.

File → Export for manual sending… writes the bundle (`composer.publishers.bundle.write_bundle`:
the update as Markdown and HTML, each channel's own text, an .eml, a contact page, a README)
into a folder the user chooses, off the UI thread. File → Copy for → X / Mastodon / … puts on
the clipboard exactly what that channel's publisher would post: the parts of a thread one after
another, separated by a blank line and a line "---"; an email (or a blog post) its subject line,
a blank line, then its body. The update is built the way the Publish window builds it
(`PublishWorkflow.publishable`), never a second way.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject

if TYPE_CHECKING:
    from PySide6.QtWidgets import QMenu, QWidget

    from composer.app import AppContext
    from composer.core.model import Incident, Update
    from composer.core.store import Store
    from composer.core.templates import TemplateLibrary
    from composer.publishers.base import Post, PublishableUpdate, Publisher

THREAD_SEPARATOR = "\n\n---\n\n"


def ask_folder(parent: QWidget | None, title: str) -> Path | None:
    """The folder to write into, from the desktop's chooser (tests replace `ManualSending.ask_folder`)."""
    from PySide6.QtWidgets import QFileDialog  # noqa: PLC0415

    name = QFileDialog.getExistingDirectory(parent, title)
    return Path(name) if name else None


def clipboard_text(post: Post) -> str:
    """What to paste: a subject line first (email, blog), then the parts, a thread's separated by ---."""
    body = THREAD_SEPARATOR.join(post.parts)
    if post.subject:
        return f"{' '.join(post.subject.split())}\n\n{body}"
    return body


def bundle_folder(chosen: Path, incident_id: int, update_id: int) -> Path:
    """Where the bundle goes: the chosen folder when it is new, empty or an earlier bundle; else a
    folder of its own inside it (a chooser often starts in a full folder, such as Documents)."""
    from composer.publishers.bundle import is_bundle  # noqa: PLC0415

    if not chosen.is_dir() or is_bundle(chosen) or not any(chosen.iterdir()):
        return chosen
    return chosen / f"incident-{incident_id}-update-{update_id}"


def _worker_store(main: Store) -> tuple[Store, bool]:
    """A connection for a worker: its own, unless the store cannot be opened twice. True: close it after."""
    from composer.core.store import Store as StoreClass  # noqa: PLC0415

    if main.read_only or main.path.name == ":memory:":
        return main, False
    return StoreClass.open(main.path)[0], True


def write_for_hand(
    main: Store,
    chosen: Path,
    cancel: threading.Event,
    *,
    incident_id: int,
    update_id: int,
    library: TemplateLibrary,
    publishers: dict[str, Publisher],
) -> tuple[str, str]:
    """In a worker: write the bundle. Returns (the folder written, "") or ("", why not, in one line)."""
    from composer.core.store import StoreError  # noqa: PLC0415
    from composer.publishers.bundle import write_bundle  # noqa: PLC0415

    if cancel.is_set():
        return "", "Stopped: nothing was written."
    store, own = _worker_store(main)
    try:
        folder = bundle_folder(chosen, incident_id, update_id)
        write_bundle(store, incident_id, folder, update_id=update_id, library=library, publishers=publishers)
    except (StoreError, ValueError) as error:  # NotFound, BundleError
        return "", " ".join(str(error).split())
    except OSError as error:
        return "", f"Could not write to {chosen}: {error.strerror or error}"
    finally:
        if own:
            store.close()
    return str(folder), ""


class ManualSending(QObject):
    """Export for manual sending…, and Copy for each channel, for the update on screen."""

    def __init__(
        self,
        context: AppContext,
        library: TemplateLibrary,
        *,
        publishers: Callable[[], dict[str, Publisher]],
        publishable: Callable[[Update], PublishableUpdate],
        on_screen: Callable[[], tuple[Incident | None, Update | None]],
        save_all: Callable[[], bool],
        show_message: Callable[[str, int], None],
        parent: QWidget,
    ):
        super().__init__(parent)
        self.context = context
        self.library = library
        self._publishers = publishers
        self._publishable = publishable
        self._on_screen = on_screen
        self._save_all = save_all
        self._show_message = show_message
        self._parent = parent
        self.ask_folder: Callable[[QWidget | None, str], Path | None] = ask_folder
        self.writing = False

    def _stored_update(self, title: str) -> Update | None:
        """The update on screen as stored (saved first), or None after saying why not."""
        incident, update = self._on_screen()
        if incident is None or update is None or update.id is None:
            return None
        if not self._save_all():
            self.context.prompter.warn(title, self.tr("Save the update first: see the status bar."))
            return None
        return self.context.store.update(update.id)

    # -- the bundle --------------------------------------------------------------

    def export_bundle(self) -> None:
        from functools import partial  # noqa: PLC0415

        title = self.tr("Export for manual sending")
        update = self._stored_update(title)
        runner = self.context.runner()
        if update is None or update.id is None or self.writing or runner.closed:
            return
        chosen = self.ask_folder(self._parent, self.tr("Choose a folder for the update to send by hand"))
        if chosen is None:
            return
        self.writing = True
        work = partial(
            write_for_hand,
            incident_id=update.incident_id or 0,
            update_id=update.id,
            library=self.library,
            publishers=self._publishers(),
        )
        store = self.context.store
        runner.run(
            lambda _report, cancel: work(store, chosen, cancel),
            name="bundle",
            done=lambda result: self._written(title, *result),
            failed=lambda error: self._written(title, "", type(error).__name__),
        )

    def _written(self, title: str, folder: str, problem: str) -> None:
        self.writing = False
        if problem:
            self.context.prompter.warn(title, problem)
            return
        self._show_message(
            self.tr("Written for sending by hand to %1 (README.txt there says what each file is)").replace(
                "%1", folder
            ),
            30_000,
        )

    # -- the clipboard -----------------------------------------------------------

    def copy_text(self, channel: str) -> str | None:
        """What `channel`'s publisher would post for the update on screen; None after saying why not."""
        from composer.publishers.base import PublishError  # noqa: PLC0415

        publisher = self._publishers().get(channel)
        title = self.tr("Copy for %1").replace("%1", publisher.display_name if publisher else channel)
        update = self._stored_update(title)
        if update is None or publisher is None:
            return None
        try:
            post = publisher.render(self._publishable(update))
        except PublishError as error:
            self.context.prompter.warn(title, " ".join(str(error).split()))
            return None
        return clipboard_text(post)

    def copy_for(self, channel: str) -> bool:
        from PySide6.QtGui import QGuiApplication  # noqa: PLC0415

        text = self.copy_text(channel)
        if text is None:
            return False
        QGuiApplication.clipboard().setText(text)
        name = self._publishers()[channel].display_name
        self._show_message(self.tr("Copied what %1 would post: paste it there").replace("%1", name), 8000)
        return True

    def fill_copy_menu(self, menu: QMenu) -> None:
        """One action per channel, made when the menu opens (the publishers load on first use)."""
        menu.clear()
        for channel, publisher in self._publishers().items():
            action = menu.addAction(publisher.display_name)
            action.setObjectName(f"copy-{channel}")
            action.setStatusTip(
                self.tr("Put on the clipboard what %1 would post").replace("%1", publisher.display_name)
            )
            action.triggered.connect(lambda _checked=False, channel=channel: self.copy_for(channel))
