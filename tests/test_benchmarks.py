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
        timeout=300,
    )
    assert result.returncode == 0, result.stderr
    figures = json.loads(result.stdout)  # the whole of stdout: nothing else may be printed
    assert isinstance(figures, dict)
    for key in (
        "startup_ratio",
        "rss_ratio",
        "keystroke_p95_ms",
        "verdict_ms",
        "publish_fanout_ratio",
        "publish_fanout_ms",
        "publish_fanout_direct_ratio",
        "publish_fanout_direct_ms",
        "publish_ui_stall_ms",
        "publish_ui_stall_max_ms",
        "publish_network_rtt_ms",
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
    assert figures["targets"]["publish_fanout_ratio"] == 1.2 and figures["targets"]["publish_ui_stall_ms"] == 50
