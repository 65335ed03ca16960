# SPDX-License-Identifier: GPL-3.0-or-later
"""The window's geometry, dock layout and splitter sizes: UI state, kept in QSettings beside the
data (never in the store)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray

if TYPE_CHECKING:
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QMainWindow, QSplitter

DEFAULT_SIZE = (1280, 800)


def _saved(settings: QSettings, key: str) -> QByteArray | None:
    value = settings.value(key)
    return value if isinstance(value, QByteArray) and not value.isEmpty() else None


def restore_geometry(window: QMainWindow, settings: QSettings) -> None:
    geometry = _saved(settings, "window/geometry")
    if geometry is not None:
        window.restoreGeometry(geometry)
    else:
        window.resize(*DEFAULT_SIZE)


def restore_layout(window: QMainWindow, settings: QSettings, splitters: dict[str, QSplitter]) -> None:
    """Docks and splitters, once they exist (after the first paint)."""
    state = _saved(settings, "window/state")
    if state is not None:
        window.restoreState(state)
    for name, splitter in splitters.items():
        sizes = settings.value(f"window/{name}Split")
        if isinstance(sizes, QByteArray):
            splitter.restoreState(sizes)
    geometry = _saved(settings, "window/geometry")
    if geometry is not None:
        window.restoreGeometry(geometry)  # again: adding the dock may have shrunk the window


def save(window: QMainWindow, settings: QSettings, splitters: dict[str, QSplitter], *, docks: bool) -> None:
    settings.setValue("window/geometry", window.saveGeometry())
    for name, splitter in splitters.items():
        settings.setValue(f"window/{name}Split", splitter.saveState())
    if docks:
        settings.setValue("window/state", window.saveState())
