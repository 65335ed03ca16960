# SPDX-License-Identifier: GPL-3.0-or-later
"""Who holds an outbox job: this host, a process id and that process's start time.

The start time tells a living process from a later one that reuses the same id. Where the
platform gives no start time (no /proc), the process id alone is checked. A claim made on
another host is taken as alive: only that host can tell.
"""

from __future__ import annotations

import functools
import os


def _start_time(pid: int) -> str:
    """The process's start time in clock ticks since boot (Linux /proc), "" where unknown."""
    try:
        with open(f"/proc/{pid}/stat", encoding="ascii", errors="replace") as handle:
            stat = handle.read()
    except OSError:
        return ""
    fields = stat.rpartition(")")[2].split()  # after the command name, which may hold spaces
    return fields[19] if len(fields) > 19 else ""  # field 22 of stat(5), counted after the name


@functools.cache
def _host() -> str:
    import socket  # noqa: PLC0415 - only when a job is claimed or checked

    return socket.gethostname()


def this_process() -> str:
    pid = os.getpid()
    return f"{_host()}:{pid}:{_start_time(pid)}"


def is_alive(claim: str) -> bool:
    """Whether the process that made `claim` is still running ("" — no claimer known — is not)."""
    parts = claim.split(":")
    if len(parts) < 3:
        return False
    host, pid_text, started = ":".join(parts[:-2]), parts[-2], parts[-1]
    if host != _host():
        return True
    try:
        pid = int(pid_text)
    except ValueError:
        return False
    if pid <= 0:
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        pass  # it exists, under another user
    return not started or _start_time(pid) in ("", started)
