# SPDX-License-Identifier: GPL-3.0-or-later
"""`incident-composer` commands run as a user runs them, with a real Secret Service: a private
D-Bus session with gnome-keyring unlocked, the commands run one after another inside it
(cli_session.py). A step may set environment variables of its own (another data folder: another
person on the same machine)."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

SESSION = Path(__file__).with_name("cli_session.py")


@pytest.fixture
def session_env(tmp_path):
    if not (shutil.which("dbus-run-session") and shutil.which("gnome-keyring-daemon")):
        pytest.fail("dbus-run-session and gnome-keyring-daemon are needed: apt-get install gnome-keyring dbus")
    home = tmp_path / "home"
    home.mkdir()
    runtime = Path(tempfile.mkdtemp(prefix="ic-run-"))
    runtime.chmod(0o700)
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in ("DBUS_SESSION_BUS_ADDRESS", "DISPLAY", "WAYLAND_DISPLAY", "PYTHON_KEYRING_BACKEND")
    }
    env.update(
        HOME=str(home),
        XDG_RUNTIME_DIR=str(runtime),
        XDG_DATA_HOME=str(home / ".local" / "share"),
        INCIDENT_COMPOSER_HOME=str(tmp_path / "data"),
        IC_KEYRING_PASSWORD="keyring-pass",
    )
    yield env
    shutil.rmtree(runtime, ignore_errors=True)


def run_session(env, tmp_path, steps) -> list[dict]:
    steps_file = tmp_path / "steps.json"
    steps_file.write_text(json.dumps(steps), encoding="utf-8")
    unlock = 'printf %s "$IC_KEYRING_PASSWORD" | gnome-keyring-daemon --unlock --components=secrets >/dev/null'
    command = [
        "dbus-run-session",
        "--",
        "sh",
        "-c",
        unlock + ' && exec "$@"',
        "sh",
        sys.executable,
        str(SESSION),
        str(steps_file),
    ]
    done = subprocess.run(command, env=env, capture_output=True, text=True, timeout=300, check=False)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout.strip().splitlines()[-1])
