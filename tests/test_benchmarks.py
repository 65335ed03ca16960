# SPDX-License-Identifier: GPL-3.0-or-later
"""The benchmark harness runs and prints its figures; speed itself is never asserted here."""

from __future__ import annotations

import json
import math
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_quick_run_prints_one_json_object_of_ratios():
    result = subprocess.run(
        [sys.executable, str(ROOT / "benchmarks" / "run.py"), "--quick"],
        check=False,
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=420,  # the whole --quick run: ~260 s on a loaded 2-core machine
    )
    assert result.returncode == 0, result.stderr
    figures = json.loads(result.stdout)  # the whole of stdout: nothing else may be printed
    assert isinstance(figures, dict)
    for key in (
        "startup_ratio",
        "rss_ratio",
        "keystroke_p95_ratio",
        "keystroke_p95_ms",
        "keystroke_quiet_p95_ms",
        "keystroke_bare_p95_ms",
        "verdict_ms",
        "publish_fanout_ratio",
        "publish_fanout_ms",
        "publish_fanout_direct_ratio",
        "publish_fanout_direct_ms",
        "publish_ui_stall_ratio",
        "publish_ui_stall_ms",
        "publish_ui_stall_max_ms",
        "publish_ui_idle_stall_ms",
        "publish_network_rtt_ms",
        # The team workspace on a real PostgreSQL (issue 17).
        "workspace_notify_ms",
        "workspace_first_sync_ms",
        "workspace_open_ratio_1000x20",
        "workspace_search_ratio_1000x20",
    ):
        value = figures[key]
        assert isinstance(value, int | float) and not isinstance(value, bool), key
        assert math.isfinite(value) and value > 0, (key, value)
    assert figures["runs"] == 3
    assert figures["draft_words"] >= 5000  # typing is measured on a 5,000-word draft
    assert set(figures["publish_single_ms"]) == {"blog", "mail", "toots", "sky"}  # four real loopback peers
    assert set(figures["publish_single_direct_ms"]) == {"blog", "mail", "toots", "sky"}  # the same, no proxy
    assert figures["publish_network_rtt_ms"] == 20  # through benchmarks/latency_proxy.py, 10 ms each way
    assert figures["publish_slowest_channel"] in {"wordpress", "email", "mastodon", "bluesky"}
    assert figures["targets"]["publish_fanout_ratio"] == 1.2 and figures["targets"]["publish_ui_stall_ratio"] == 2
    # Timing targets are ratios against a baseline measured in the same run, not absolute times
    # (which vary about twofold on a shared machine); verdict_ms keeps its absolute bound.
    assert figures["targets"]["keystroke_p95_ratio"] == 1.3 and figures["targets"]["verdict_ms"] == 300
    assert "keystroke_p95_ms" not in figures["targets"] and "publish_ui_stall_ms" not in figures["targets"]
    # The outbox: kill -9 during publish (3 runs per channel in quick mode) and draining a queue.
    assert figures["outbox_kill_runs_per_channel"] == 3
    assert set(figures["outbox_kill_by_channel"]) == {"email", "wordpress", "bluesky", "mastodon"}
    assert figures["outbox_kill_duplicates"] == 0 and figures["outbox_kill_lost"] == 0  # correctness, not speed
    for key in ("outbox_drain_ratio", "outbox_drain_ms", "outbox_online_ms", "outbox_drain_inprocess_ratio"):
        assert isinstance(figures[key], int | float) and math.isfinite(figures[key]) and figures[key] > 0, key
    assert figures["outbox_drain_updates"] == 4
    assert figures["targets"]["outbox_drain_ratio"] == 1.3 and figures["targets"]["outbox_kill_lost"] == 0
