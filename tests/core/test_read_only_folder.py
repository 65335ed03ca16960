# SPDX-License-Identifier: GPL-3.0-or-later
"""A data folder that cannot be written (a read-only disk, a folder of another user) still shows
every incident, read-only, and says why nothing can be changed (issue 13, item 5).

The folder is made read-only for real: as root (where file modes stop nothing) it is a small
tmpfs of its own, remounted read-only for each run; otherwise its write bit is taken away.
What runs inside is the real command line and the real window, each in its own process.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap

import pytest

from composer.core.model import Incident, Update
from composer.core.store import SaveFailed, Store

INCIDENTS = 47


def _mount(*args: str) -> None:
    subprocess.run(["mount", *args], check=True, capture_output=True, timeout=30)


def _read_only(folder, command: list[str], env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    """Run `command` with `folder` read-only: as root (where file modes stop nothing) the folder
    is its own small file system, remounted read-only for the run; otherwise its write bit goes."""
    if os.geteuid() == 0:
        _mount("-o", "remount,ro", str(folder))
    else:
        folder.chmod(0o500)
    try:
        return subprocess.run(command, env=env, capture_output=True, text=True, timeout=120, check=False)
    finally:
        if os.geteuid() == 0:
            _mount("-o", "remount,rw", str(folder))
        else:
            folder.chmod(0o700)


@pytest.fixture
def filled(tmp_path):
    folder = tmp_path / "data"
    folder.mkdir(mode=0o700)
    if os.geteuid() == 0:
        # A tmpfs of its own (no namespace needed, so it works in a chroot too), unmounted at the end.
        _mount("-t", "tmpfs", "-o", "size=32m,mode=0700", "tmpfs", str(folder))
    try:
        store, _ = Store.open(folder / "composer.db")
        for n in range(INCIDENTS):
            incident = store.add_incident(Incident(title=f"Outage {n}"))
            store.add_update(Update(incident_id=incident.id, body=f"Update {n}. Anna"))
        store.close()
        assert not (folder / "composer.db-wal").exists()  # closed cleanly: checkpointed, as a quit app leaves it
        env = {**os.environ, "INCIDENT_COMPOSER_HOME": str(folder), "QT_QPA_PLATFORM": "offscreen"}
        yield folder, env
    finally:
        if os.geteuid() == 0:
            subprocess.run(["umount", str(folder)], check=False, capture_output=True, timeout=30)


def test_the_command_line_lists_every_incident_and_says_why_it_cannot_write(filled):
    folder, env = filled
    shown = _read_only(folder, [sys.executable, "-m", "composer", "incidents", "list", "--format", "json"], env)
    assert shown.returncode == 0, shown.stderr
    assert len(json.loads(shown.stdout)) == INCIDENTS
    assert shown.stderr.count("\n") == 1
    assert "cannot be written" in shown.stderr and str(folder) in shown.stderr
    assert f"Your {INCIDENTS} incidents are shown" in shown.stderr

    export = _read_only(folder, [sys.executable, "-m", "composer", "export", "3"], env)
    assert export.returncode == 0 and "Update 2. Anna" in export.stdout

    update = folder.parent / "new.md"
    update.write_text("---\ntitle: New\n---\nWe are on it. Anna\n", encoding="utf-8")
    refused = _read_only(folder, [sys.executable, "-m", "composer", "import", str(update)], env)
    assert refused.returncode == 1
    assert refused.stderr.count("\n") == 1 and "cannot be written" in refused.stderr
    assert "Traceback" not in refused.stderr
    store, _ = Store.open(folder / "composer.db")
    assert len(store.incidents()) == INCIDENTS  # nothing half-written either
    store.close()


WINDOW = textwrap.dedent(
    """
    import sys
    from PySide6.QtWidgets import QApplication
    from composer.app import build_context, create_application, create_window
    from composer.ui.interaction import Prompter

    class Recording(Prompter):
        def __init__(self):
            super().__init__()
            self.warnings = []

        def warn(self, title, text):
            self.warnings.append(text)

    app = create_application(["composer"])
    prompter = Recording()
    context = build_context(prompter=prompter)
    window = create_window(context)
    window.show()
    for _ in range(400):
        app.processEvents()
        if prompter.warnings:
            break
        window.thread().msleep(25)
    rows = window.incident_list.incident_count()
    saved = window.status_panel.save_state.text()
    try:
        context.store.add_incident(__import__("composer.core.model").core.model.Incident(title="x"))
        wrote = "wrote"
    except Exception as error:
        wrote = type(error).__name__
    window.close()
    context.close()
    print(rows)
    print(wrote)
    print(saved.replace(chr(10), " "))
    print(" | ".join(prompter.warnings).replace(chr(10), " "))
    """
)


def test_the_window_shows_every_incident_read_only_and_tells_why(filled):
    folder, env = filled
    shown = _read_only(folder, [sys.executable, "-c", WINDOW], env)
    assert shown.returncode == 0, shown.stderr
    rows, wrote, saved, warnings = shown.stdout.splitlines()[-4:]
    assert int(rows) == INCIDENTS  # not "No incidents yet"
    assert wrote == SaveFailed.__name__  # nothing can be changed...
    assert "cannot be written" in saved and "read-only" in saved  # ...and the window says why, in place
    assert "cannot be written" in warnings and f"Your {INCIDENTS} incidents" in warnings
