# SPDX-License-Identifier: GPL-3.0-or-later
"""Publishing figures for run.py, on real loopback peers (the same ones the tests start).

- `publish_fanout_ratio`: wall time to publish one update to four accounts (WordPress, email,
  Mastodon stand-in, Bluesky PDS) at once, over the slowest of those accounts alone (medians).
- `publish_ui_stall_ms`: the longest the window's event loop went without turning while the
  Publish dialog sent to the four accounts (median over runs of each run's longest gap).
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import time
from contextlib import ExitStack
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PEERS = ROOT / "tests" / "publishers"
UI_CHILD = ROOT / "benchmarks" / "publish_ui_child.py"
LOOPBACK_CHILD = ROOT / "benchmarks" / "loopback_peers.py"
TEXT = ("We are sorry: since 09:10 CET email is delayed by up to 40 minutes. Nothing is lost. "
        "Next update by 10:30 CET. Call +34 930 000 000. Marta Vidal, Head of Support ({tag})")


def _progress(text: str) -> None:
    print(text, file=sys.stderr, flush=True)


def start_peers(stack: ExitStack) -> dict[str, dict]:
    """Four real loopback peers; returns account name -> {"kind", "settings", "secret"}."""
    sys.path.insert(0, str(PEERS))
    from bluesky_peer import BlueskyPeer
    from wordpress_peer import WordPressPeer

    _progress("   starting WordPress, the Bluesky PDS, aiosmtpd and the Mastodon stand-in…")
    loopback = subprocess.Popen([sys.executable, str(LOOPBACK_CHILD)], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                text=True)
    stack.callback(loopback.wait, 30)
    stack.callback(loopback.stdin.close)  # type: ignore[union-attr]
    wordpress = stack.enter_context(WordPressPeer())
    bluesky = BlueskyPeer(handle="bench.test", rate_limits=False).start()
    stack.callback(bluesky.stop)
    local = json.loads(loopback.stdout.readline())  # type: ignore[union-attr]
    return {
        "blog": {"kind": "wordpress", "secret": wordpress.app_password,
                 "settings": {"url": wordpress.url, "username": wordpress.username}},
        "mail": {"kind": "email", **local["email"]},
        "toots": {"kind": "mastodon", **local["mastodon"]},
        "sky": {"kind": "bluesky", "secret": bluesky.app_password,
                "settings": {"handle": bluesky.handle, "url": bluesky.url}},
    }


def _service(accounts: dict[str, dict], database: Path):
    from composer.core.credentials import MemoryCredentials
    from composer.core.store import Store
    from composer.publishers.base import Account
    from composer.publishers.registry import discover
    from composer.publishers.service import PublishingService

    store, _report = Store.open(database)
    secrets = MemoryCredentials({name: spec["secret"] for name, spec in accounts.items()})
    publishers = {k: e.publisher for k, e in discover().items() if e.publisher is not None}
    named = {name: Account(name, spec["kind"], spec["settings"]) for name, spec in accounts.items()}
    return store, PublishingService(store.outbox(), named, publishers, secrets.get)


def fanout(accounts: dict[str, dict], runs: int, scratch: Path) -> dict[str, object]:
    from composer.publishers.base import PublishableUpdate

    store, service = _service(accounts, scratch / "fanout.db")
    counter = iter(range(1, 1_000_000))

    def publish(names: list[str]) -> float:
        number = next(counter)
        update = PublishableUpdate(incident_id=90_000 + number, update_id=number, title=f"Email delayed {number}",
                                   body=TEXT.format(tag=number), language="en")
        started = time.perf_counter()
        outcomes = service.publish(update, names)
        elapsed = time.perf_counter() - started
        failed = [f"{o.account}: {o.error}" for o in outcomes if not o.ok]
        if failed:
            raise RuntimeError("publishing failed in the benchmark: " + "; ".join(failed))
        return elapsed

    names = list(accounts)
    try:
        for name in names:  # warm: sessions, instance limits, discovery, TLS, PHP's opcode cache
            publish([name])
        alone: dict[str, list[float]] = {name: [] for name in names}
        together: list[float] = []
        for _ in range(runs):
            for name in names:
                alone[name].append(publish([name]))
            together.append(publish(names))
    finally:
        store.close()
    medians = {name: statistics.median(times) * 1000 for name, times in alone.items()}
    slowest = max(medians, key=medians.__getitem__)
    fan = statistics.median(together) * 1000
    return {
        "publish_fanout_ratio": round(fan / medians[slowest], 3),
        "publish_fanout_ms": round(fan, 1),
        "publish_single_ms": {name: round(value, 1) for name, value in medians.items()},
        "publish_slowest_channel": accounts[slowest]["kind"],
    }


def ui_stall(accounts: dict[str, dict], runs: int, scratch: Path, env: dict[str, str]) -> dict[str, object]:
    spec = scratch / "publish-accounts.json"
    spec.write_text(json.dumps(accounts), encoding="utf-8")
    child_env = {**env, "INCIDENT_COMPOSER_HOME": str(scratch / "ui-home")}
    done = subprocess.run([sys.executable, str(UI_CHILD), str(spec), str(runs)], env=child_env,
                          capture_output=True, text=True, timeout=600, check=False)
    if done.returncode != 0:
        raise RuntimeError(f"publish_ui_child.py failed: {done.stderr.strip()[-2000:]}")
    stalls = json.loads(done.stdout.strip().splitlines()[-1])["stalls_ms"]
    return {"publish_ui_stall_ms": round(statistics.median(stalls), 1),
            "publish_ui_stall_max_ms": round(max(stalls), 1)}


def measure(runs: int, scratch: Path, env: dict[str, str]) -> dict[str, object]:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    with ExitStack() as stack:
        accounts = start_peers(stack)
        figures = fanout(accounts, runs, scratch)
        figures.update(ui_stall(accounts, runs, scratch, env))
    return figures
