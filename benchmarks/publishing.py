# SPDX-License-Identifier: GPL-3.0-or-later
"""Publishing figures for run.py: one update to four real peers (the same ones the tests start),
through an emulated network and straight on loopback.

The peers: WordPress (`php -S` + MariaDB), email (aiosmtpd, STARTTLS), the Mastodon stand-in and
the Bluesky PDS (node). Each figure is a median over the runs.

- `publish_fanout_ratio`: wall time to publish one update to the four accounts at once, over the
  slowest of those accounts alone (`publish_fanout_ms`, `publish_single_ms` per account,
  `publish_slowest_channel`), every connection going through benchmarks/latency_proxy.py, which
  adds `publish_network_rtt_ms` (20 ms: 10 ms each way, a server in the same country). This is the
  property we want: publishing to four channels takes about as long as the slowest one, because
  the app publishes to each in a thread of its own while the servers are away on a network.
  Through the proxies email is the slowest (SMTP with STARTTLS is about a dozen exchanges in a
  row), the others one exchange each once warm; publishing one account after another would show
  as ~1.4.
- `publish_fanout_direct_ratio`, `publish_fanout_direct_ms`, `publish_single_direct_ms`: the same,
  straight to the peers on loopback with no added latency. On loopback the four servers run on
  this machine's cores: one fan-out costs ~45 ms of CPU in all (PHP, MariaDB, node, the client and
  the Python peers), so on 2 cores it cannot take less than ~22 ms, against ~20 ms for WordPress
  alone; the direct ratio then measures how the servers share the cores (≥ ~1.2 whatever the app
  does), not whether the app publishes in parallel. It is kept to show that cost.
- `publish_ui_stall_ratio`: the longest the window's event loop went without turning while the
  Publish dialog sent to the four accounts, straight on loopback (`publish_ui_stall_ms`, median
  over runs of each run's longest gap; `publish_ui_stall_max_ms` the worst run), over the longest
  gap of the same window, prepared the same way (a fresh update saved, the Publish dialog open
  with every account ticked) and left idle for as long as the publish before it took
  (`publish_ui_idle_stall_ms`, median over runs; `publish_ui_window_ms` the median time watched).
  Publish and idle runs alternate in one process (benchmarks/publish_ui_child.py), so the
  machine's load and the window's own timers land on both sides alike.

WordPress builds its links (and the REST API's `Link` header) from its site address, so the
proxied site is a second WordPress whose address is the proxy's; the direct figures and the UI
stall use one at its own port. The other peers serve both ways at once.
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
from urllib.parse import urlsplit, urlunsplit

ROOT = Path(__file__).resolve().parent.parent
PEERS = ROOT / "tests" / "publishers"
UI_CHILD = ROOT / "benchmarks" / "publish_ui_child.py"
LOOPBACK_CHILD = ROOT / "benchmarks" / "loopback_peers.py"
DELAY_MS = 10.0  # one way, added by benchmarks/latency_proxy.py: a 20 ms round trip
TEXT = (
    "We are sorry: since 09:10 CET email is delayed by up to 40 minutes. Nothing is lost. "
    "Next update by 10:30 CET. Call +34 930 000 000. Marta Vidal, Head of Support ({tag})"
)


def _progress(text: str) -> None:
    print(text, file=sys.stderr, flush=True)


def start_peers(stack: ExitStack) -> tuple[dict[str, dict], dict[str, dict], float]:
    """Four real loopback peers, as accounts (name -> {"kind", "settings", "secret"}) reached
    straight and through the latency proxies; and the proxies' round trip in ms."""
    sys.path.insert(0, str(PEERS))
    sys.path.insert(0, str(ROOT / "benchmarks"))
    from bluesky_peer import BlueskyPeer
    from latency_proxy import LatencyProxies
    from wordpress_peer import HOST, WordPressPeer, free_port

    _progress("   starting WordPress (twice), the Bluesky PDS, aiosmtpd, the Mastodon stand-in, the latency proxies…")
    loopback = subprocess.Popen(
        [sys.executable, str(LOOPBACK_CHILD)], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True
    )
    stack.callback(loopback.wait, 30)
    stack.callback(loopback.stdin.close)  # type: ignore[union-attr]
    wordpress = stack.enter_context(WordPressPeer())
    far_port = free_port()  # the proxy's port, first: the far site must know it lives there
    far_wordpress = stack.enter_context(WordPressPeer(public_url=f"http://{HOST}:{far_port}"))
    bluesky = BlueskyPeer(handle="bench.test", rate_limits=False).start()
    stack.callback(bluesky.stop)
    local = json.loads(loopback.stdout.readline())  # type: ignore[union-attr]
    direct = {
        "blog": {
            "kind": "wordpress",
            "secret": wordpress.app_password,
            "settings": {"url": wordpress.url, "username": wordpress.username},
        },
        "mail": {"kind": "email", **local["email"]},
        "toots": {"kind": "mastodon", **local["mastodon"]},
        "sky": {
            "kind": "bluesky",
            "secret": bluesky.app_password,
            "settings": {"handle": bluesky.handle, "url": bluesky.url},
        },
    }
    smtp_port = int(direct["mail"]["settings"]["port"])
    mastodon_port = urlsplit(direct["toots"]["settings"]["url"]).port
    bluesky_port = urlsplit(bluesky.url).port
    proxies = stack.enter_context(
        LatencyProxies(
            [(far_port, far_wordpress.port), (0, smtp_port), (0, mastodon_port), (0, bluesky_port)], delay_ms=DELAY_MS
        )
    )

    def through_proxy(url: str) -> str:
        parts = urlsplit(url)
        return urlunsplit(parts._replace(netloc=f"{parts.hostname}:{proxies.port_for(parts.port)}"))

    far = {
        "blog": {
            "kind": "wordpress",
            "secret": far_wordpress.app_password,
            "settings": {"url": far_wordpress.url, "username": far_wordpress.username},
        },
        "mail": {
            **direct["mail"],
            "settings": {**direct["mail"]["settings"], "port": str(proxies.port_for(smtp_port))},
        },
        "toots": {
            **direct["toots"],
            "settings": {**direct["toots"]["settings"], "url": through_proxy(direct["toots"]["settings"]["url"])},
        },
        "sky": {**direct["sky"], "settings": {**direct["sky"]["settings"], "url": through_proxy(bluesky.url)}},
    }
    return direct, far, proxies.rtt_ms


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


class _Fanout:
    """One set of accounts with its own outbox: times a publish to some of them."""

    def __init__(self, accounts: dict[str, dict], database: Path, first_incident: int):
        self.accounts = accounts
        self.store, self.service = _service(accounts, database)
        self.numbers = iter(range(first_incident, first_incident + 1_000_000))  # never the same update twice
        self.alone: dict[str, list[float]] = {name: [] for name in accounts}
        self.together: list[float] = []

    def publish(self, names: list[str]) -> float:
        from composer.publishers.base import PublishableUpdate

        number = next(self.numbers)
        update = PublishableUpdate(
            incident_id=number,
            update_id=number,
            title=f"Email delayed {number}",
            body=TEXT.format(tag=number),
            language="en",
        )
        started = time.perf_counter()
        outcomes = self.service.publish(update, names)
        elapsed = time.perf_counter() - started
        failed = [f"{o.account}: {o.error}" for o in outcomes if not o.ok]
        if failed:
            raise RuntimeError("publishing failed in the benchmark: " + "; ".join(failed))
        return elapsed

    def warm(self) -> None:
        for name in self.accounts:  # sessions, instance limits, discovery, TLS, PHP's opcode cache
            self.publish([name])

    def run(self) -> None:
        for name in self.accounts:
            self.alone[name].append(self.publish([name]))
        self.together.append(self.publish(list(self.accounts)))

    def figures(self) -> tuple[float, float, dict[str, float], str]:
        """Ratio, fan-out ms, each alone in ms, the slowest account's name."""
        medians = {name: statistics.median(times) * 1000 for name, times in self.alone.items()}
        slowest = max(medians, key=medians.__getitem__)
        fan = statistics.median(self.together) * 1000
        return (
            round(fan / medians[slowest], 3),
            round(fan, 1),
            {name: round(value, 1) for name, value in medians.items()},
            slowest,
        )


def fanout(direct: dict[str, dict], far: dict[str, dict], runs: int, scratch: Path) -> dict[str, object]:
    """Both sets, run by run in turn, so a drift in the machine's load touches both alike."""
    sets = [_Fanout(far, scratch / "fanout.db", 90_001), _Fanout(direct, scratch / "fanout-direct.db", 190_001)]
    try:
        for each in sets:
            each.warm()
        for _ in range(runs):
            for each in sets:
                each.run()
    finally:
        for each in sets:
            each.store.close()
    (ratio, fan, single, slowest), (direct_ratio, direct_fan, direct_single, _) = (each.figures() for each in sets)
    return {
        "publish_fanout_ratio": ratio,
        "publish_fanout_ms": fan,
        "publish_single_ms": single,
        "publish_slowest_channel": far[slowest]["kind"],
        "publish_fanout_direct_ratio": direct_ratio,
        "publish_fanout_direct_ms": direct_fan,
        "publish_single_direct_ms": direct_single,
    }


def ui_stall(accounts: dict[str, dict], runs: int, scratch: Path, env: dict[str, str]) -> dict[str, object]:
    spec = scratch / "publish-accounts.json"
    spec.write_text(json.dumps(accounts), encoding="utf-8")
    child_env = {**env, "INCIDENT_COMPOSER_HOME": str(scratch / "ui-home")}
    done = subprocess.run(
        [sys.executable, str(UI_CHILD), str(spec), str(runs)],
        env=child_env,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    if done.returncode != 0:
        raise RuntimeError(f"publish_ui_child.py failed: {done.stderr.strip()[-2000:]}")
    result = json.loads(done.stdout.strip().splitlines()[-1])
    stalls, idle = result["stalls_ms"], result["idle_stalls_ms"]
    _progress(
        "   UI gaps (ms), publish / idle for as long: "
        + ", ".join(
            f"{s:.1f} / {i:.1f} ({w:.0f} ms)" for s, i, w in zip(stalls, idle, result["windows_ms"], strict=True)
        )
    )
    stall, idle_stall = statistics.median(stalls), statistics.median(idle)
    return {
        "publish_ui_stall_ratio": round(stall / idle_stall, 3),
        "publish_ui_stall_ms": round(stall, 1),
        "publish_ui_stall_max_ms": round(max(stalls), 1),
        "publish_ui_idle_stall_ms": round(idle_stall, 1),
        "publish_ui_window_ms": round(statistics.median(result["windows_ms"]), 1),
    }


def measure(runs: int, scratch: Path, env: dict[str, str]) -> dict[str, object]:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    with ExitStack() as stack:
        direct, far, rtt_ms = start_peers(stack)
        figures: dict[str, object] = {"publish_network_rtt_ms": rtt_ms}
        figures.update(fanout(direct, far, runs, scratch))
        figures.update(ui_stall(direct, runs, scratch, env))
    return figures
