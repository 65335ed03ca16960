# SPDX-License-Identifier: GPL-3.0-or-later
"""Child of run.py: start the app (or a bare Qt window), report its first paint, exit."""

# Only the standard library at module level: importing Qt and the app is part of
# what run.py times, so those imports happen inside main().
from __future__ import annotations

import sys

WIDTH, HEIGHT = 1280, 800  # the app's default window size, given to the bare window too
EXIT_NO_PAINT = 3


def main(argv: list[str]) -> int:
    if len(argv) < 2 or argv[1] not in ("app", "bare"):
        print("usage: first_paint.py app|bare [timeout_seconds]", file=sys.stderr)
        return 2
    kind = argv[1]
    timeout = float(argv[2]) if len(argv) > 2 else 60.0

    if kind == "app":
        # In the app's own order: the command's entry module, then the app and its core;
        # Qt comes in when the application object is made. The order matters: PySide6
        # reads the source of every module imported after it (its __feature__ check).
        import composer.entry  # noqa: F401
        from composer.app import build_context, create_application, create_window, install_language

    from PySide6.QtCore import QEvent, QObject, QTimer

    context = None
    if kind == "app":
        # The same four steps as composer.app.run_gui, with the seeded data folder
        # that run.py passes in INCIDENT_COMPOSER_HOME.
        app = create_application([argv[0]])
        context = build_context()
        install_language(app, context)  # the interface language (LANGUAGE, or the saved choice)
        window = create_window(context)
    else:
        from PySide6.QtWidgets import QApplication, QMainWindow

        app = QApplication([argv[0]])
        window = QMainWindow()
        window.resize(WIDTH, HEIGHT)

    class FirstPaint(QObject):
        """Reports the first QEvent.Paint the window receives, then ends the event loop."""

        # The offscreen platform does deliver QEvent.Paint to a shown QMainWindow
        # (checked with Qt 6.11), so no Expose/UpdateRequest fallback is needed.
        def __init__(self) -> None:
            super().__init__()
            self.seen = False

        def eventFilter(self, watched: QObject, event: QEvent) -> bool:
            if event.type() == QEvent.Type.Paint and not self.seen:
                self.seen = True
                size = window.size()
                sys.stdout.write(f"paint {size.width()}x{size.height()}\n")
                sys.stdout.flush()
                # exit(), not quit(): quit() closes the window in Qt 6, and the app's
                # closeEvent would save geometry into ui.ini and skew the next runs.
                app.exit(0)
            return False

    def give_up() -> None:
        if watcher.seen:
            return
        watcher.seen = True  # a Paint still queued must not report success after this
        print(f"first_paint.py {kind}: no Paint event within {timeout:g} s", file=sys.stderr)
        app.exit(EXIT_NO_PAINT)

    watcher = FirstPaint()
    window.installEventFilter(watcher)
    QTimer.singleShot(int(timeout * 1000), give_up)
    window.show()
    code = app.exec()
    if context is not None:
        context.close()
    return code


if __name__ == "__main__":
    sys.exit(main(sys.argv))
