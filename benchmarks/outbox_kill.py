# SPDX-License-Identifier: GPL-3.0-or-later
"""The outbox under kill -9, and draining a queue: figures for run.py ("outbox"), or alone:

    python benchmarks/outbox_kill.py [--runs 50] [--drain-updates 20] [--quick] [--seed N]

Everything goes through the command line as a user runs it (`python -m composer ...`
subprocesses; the accounts' secrets in a real Secret Service on a private D-Bus) to the real
peers the tests use (tests/publishers/outbox_cli.py): aiosmtpd, WordPress (php + MariaDB), the
Bluesky PDS and the Mastodon stand-in, each behind benchmarks/latency_proxy.py (10 ms each way).

Kill -9 (`outbox_kill_duplicates`, `outbox_kill_lost`; both must be 0): for each channel, `--runs`
times: `publish FILE --to CHANNEL` in a subprocess, SIGKILL at a random moment across the span of
a whole publish (uniform over 0–1.1 × the time one whole publish takes here, measured first), then
`outbox send`; then counted on the peer: a duplicate is the update delivered more than once; lost
is not delivered and not reported 'uncertain' (the issue's rule: a job the user is shown as
'uncertain' is not lost: the user is told). The SMTP server stores each message before its 250
and takes 0.3 s to say it, so kills land between storing and answering too. Where each kill
landed is read from the database right after it (before anything opens the store): no job yet,
'pending' (before the claim), 'sending', or done. A command killed before its job was written
sent nothing and printed nothing: counted as "not started", neither delivered nor lost.

Drain (`outbox_drain_ratio`, target ≤ 1.3): `--drain-updates` updates to the four accounts
(email, WordPress, Bluesky, Mastodon), published while online (one `publish` after another), and
as many others published with `--queue` while the network is down (the proxies' ports closed),
then sent by one `outbox send --wait 60` once it is back: the wall time of that `outbox send`
over the wall time of the online publishes. Every update must arrive exactly once on every peer.
Each `publish` command starts an interpreter and logs in afresh, which one `outbox send` does
once; so `outbox_drain_inprocess_ratio` is the same comparison inside one process (the service
that both commands use: `PublishingService.publish` per update against `sender.send_due` of the
queue), which shows what the sender itself costs.
"""

from __future__ import annotations

import argparse
import json
import random
import signal
import sqlite3
import sys
import time
import traceback
from contextlib import ExitStack
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests" / "publishers"))
sys.path.insert(0, str(ROOT / "benchmarks"))
sys.path.insert(0, str(ROOT))

from outbox_cli import CHANNELS, Composer, KeyringSession, Peers, new_marker, scratch, update_file  # noqa: E402

DEFAULT_RUNS = 50  # per channel
QUICK_RUNS = 3
DRAIN_UPDATES = 20
QUICK_DRAIN_UPDATES = 4
DELAY_MS = 10.0  # one way, as in the publishing benchmark
SMTP_REPLY_DELAY = 0.3  # seconds between storing a message and saying 250
SEED = 20261207
DONE_STATES = ("sent", "uncertain", "failed", "cancelled")


def _progress(text: str) -> None:
    print(text, file=sys.stderr, flush=True)


class BenchmarkFailure(RuntimeError):
    """The benchmark could not measure (a command failed where it must not)."""


def _raw_job(database: Path, marker: str) -> tuple[str, int] | None:
    """The job's state and tries as the database holds them, without Store.open's recovery."""
    if not database.exists():
        return None
    try:
        with sqlite3.connect(f"file:{database}?mode=ro", uri=True, timeout=30) as conn:
            row = conn.execute("SELECT state, attempts FROM outbox WHERE post LIKE ?", (f"%{marker}%",)).fetchone()
    except sqlite3.OperationalError:  # killed before the tables were made
        return None
    return None if row is None else (str(row[0]), int(row[1]))


def _check(done, what: str, codes=(0,)) -> None:
    if done.returncode not in codes:
        raise BenchmarkFailure(f"{what} exited with {done.returncode}: {done.stdout[-1500:]} {done.stderr[-1500:]}")


# -- kill -9 ---------------------------------------------------------------------------------------


def kill_channel(
    composer: Composer, peers: Peers, channel: str, *, runs: int, rng: random.Random, folder: Path
) -> dict:
    """`runs` publishes to one channel, each killed at a random moment, then `outbox send`; the counts."""
    database = composer.data / "composer.db"
    warm = update_file(folder, new_marker(f"warm{channel}"))
    _check(composer.run("publish", str(warm), "--to", channel), f"publish (warm-up, {channel})")
    started = time.monotonic()
    _check(composer.run("publish", str(update_file(folder, new_marker(f"span{channel}"))), "--to", channel), "publish")
    span = time.monotonic() - started
    landed: dict[str, int] = {}  # where the kill found the job
    ended: dict[str, int] = {}  # the job's state after `outbox send`
    counts = {"runs": runs, "killed": 0, "duplicates": 0, "lost": 0, "not_started": 0, "delivered_once": 0,
              "uncertain_shown": 0, "unsafe": 0, "tracebacks": 0}  # fmt: skip
    examples: list[str] = []
    for run in range(runs):
        marker = new_marker(f"k{channel}{run}")
        update = update_file(folder, marker)
        process = composer.popen("publish", str(update), "--to", channel)
        time.sleep(rng.uniform(0.0, 1.1 * span))
        if process.poll() is None:
            process.send_signal(signal.SIGKILL)
            counts["killed"] += 1
        process.wait(60)
        before = _raw_job(database, marker)
        where = "no job yet" if before is None else before[0]
        landed[where] = landed.get(where, 0) + 1
        sent = composer.run("outbox", "send")
        if "Traceback" in sent.stderr:
            counts["tracebacks"] += 1
            examples.append(sent.stderr[-2000:])
        after = _raw_job(database, marker)
        state = "no job" if after is None else after[0]
        ended[state] = ended.get(state, 0) + 1
        delivered = peers.delivered(channel, marker)
        if delivered > 1:
            counts["duplicates"] += 1
            examples.append(f"{channel} run {run}: delivered {delivered} times (kill found {where}, ended {state})")
        elif delivered == 1:
            counts["delivered_once"] += 1
            if state in ("pending", "failed"):  # on the server, yet the app would send it again
                counts["unsafe"] += 1
                examples.append(f"{channel} run {run}: delivered but the job is {state} (kill found {where})")
        elif after is None:
            counts["not_started"] += 1
        elif state == "uncertain":
            counts["uncertain_shown"] += 1
        else:
            counts["lost"] += 1
            examples.append(f"{channel} run {run}: not delivered, the job is {state} (kill found {where})")
        # The job ends shown to the user in every case: 'uncertain' when it may have gone out.
    return {**counts, "span_ms": round(span * 1000, 1), "kill_found": landed, "ended": ended, "examples": examples}


def kill_all(peers: Peers, env: dict[str, str], runs: int, seed: int, folder: Path) -> dict[str, dict]:
    rng = random.Random(seed)
    results = {}
    peers.smtp.handler.reply_delay = SMTP_REPLY_DELAY
    try:
        with peers.open(delay_ms=DELAY_MS):
            for channel in CHANNELS:
                composer = Composer(env, folder / f"kill-{channel}")
                peers.add_accounts(composer, [channel])
                _progress(f"   kill -9: {channel}, {runs} runs")
                results[channel] = kill_channel(composer, peers, channel, runs=runs, rng=rng, folder=folder)
                _progress(f"   {channel}: {_line(results[channel])}")
    finally:
        peers.smtp.handler.reply_delay = 0.0
    return results


def _line(result: dict) -> str:
    keys = ("runs", "killed", "delivered_once", "uncertain_shown", "not_started", "duplicates", "lost", "unsafe")
    return " ".join(f"{key}={result[key]}" for key in keys) + f" kill_found={result['kill_found']}"


# -- drain -----------------------------------------------------------------------------------------


def _all_once(peers: Peers, markers: list[str]) -> None:
    wrong = {
        (channel, marker): count
        for marker in markers
        for channel in CHANNELS
        if (count := peers.delivered(channel, marker)) != 1
    }
    if wrong:
        raise BenchmarkFailure(f"not delivered exactly once: {wrong}")


def drain_cli(peers: Peers, env: dict[str, str], updates: int, folder: Path) -> dict[str, float]:
    composer = Composer(env, folder / "drain-cli")
    peers.add_accounts(composer)
    everyone = ",".join(CHANNELS)
    online = [new_marker(f"on{n}") for n in range(updates)]
    queued = [new_marker(f"q{n}") for n in range(updates)]
    with peers.open(delay_ms=DELAY_MS):
        _check(composer.run("publish", str(update_file(folder, new_marker("drainwarm"))), "--to", everyone), "publish")
        started = time.monotonic()
        for marker in online:
            _check(composer.run("publish", str(update_file(folder, marker)), "--to", everyone), "publish (online)")
        online_s = time.monotonic() - started
    for marker in queued:  # the network is down: nothing listens on the accounts' ports
        _check(
            composer.run("publish", str(update_file(folder, marker)), "--to", everyone, "--queue"), "publish --queue"
        )
    waiting = [job for job in composer.jobs() if job["state"] == "pending"]
    if len(waiting) != updates * len(CHANNELS):
        raise BenchmarkFailure(f"{len(waiting)} jobs wait instead of {updates * len(CHANNELS)}")
    with peers.open(delay_ms=DELAY_MS):  # it is back
        started = time.monotonic()
        sent = composer.run("outbox", "send", "--wait", "60", timeout=600)
        drain_s = time.monotonic() - started
        _check(sent, "outbox send")
    _all_once(peers, online + queued)
    return {"online_s": online_s, "drain_s": drain_s}


def drain_inprocess(peers: Peers, updates: int, folder: Path) -> dict[str, float]:
    from composer.core.credentials import MemoryCredentials
    from composer.core.store import Store
    from composer.publishers import sender
    from composer.publishers.base import Account, PublishableUpdate
    from composer.publishers.registry import available
    from composer.publishers.service import PublishingService

    store, _report = Store.open(folder / "drain-inprocess.db")
    try:
        accounts = {name: Account(name, kind, settings) for name, (kind, settings, _s) in peers.accounts().items()}
        secrets = MemoryCredentials({name: s for name, (_k, _st, s) in peers.accounts().items() if s})
        service = PublishingService(store.outbox(), accounts, available(), secrets.get)
        numbers = iter(range(500_001, 600_000))

        def update(marker: str) -> PublishableUpdate:
            number = next(numbers)
            return PublishableUpdate(
                incident_id=number,
                update_id=number,
                title=f"Email delivery delayed {marker}",
                body=f"We are sorry: since 09:12 CET email is delayed ({marker}).\n\nMarta Vidal, Head of Support",
                language="en",
            )

        def publish(marker: str, *, queue: bool = False) -> None:
            outcomes = service.publish(update(marker), list(CHANNELS), queue=queue)
            bad = [f"{o.account}: {o.state} {o.error}" for o in outcomes if not (o.ok or (queue and o.queued))]
            if bad:
                raise BenchmarkFailure("in-process publish: " + "; ".join(bad))

        online = [new_marker(f"ion{n}") for n in range(updates)]
        queued = [new_marker(f"iq{n}") for n in range(updates)]
        with peers.open(delay_ms=DELAY_MS):
            publish(new_marker("iwarm"))  # sessions, the site's discovery: both sides start warm
            started = time.monotonic()
            for marker in online:
                publish(marker)
            online_s = time.monotonic() - started
        for marker in queued:
            publish(marker, queue=True)
        with peers.open(delay_ms=DELAY_MS):
            started = time.monotonic()
            service.outbox_call(lambda outbox: outbox.wake())
            outcomes = sender.send_due(service)
            drain_s = time.monotonic() - started
        if len(outcomes) != updates * len(CHANNELS) or not all(o.ok for o in outcomes):
            raise BenchmarkFailure(f"in-process drain: {[(o.account, o.state, o.error) for o in outcomes if not o.ok]}")
        _all_once(peers, online + queued)
    finally:
        store.close()
    return {"online_s": online_s, "drain_s": drain_s}


# -- all of it -------------------------------------------------------------------------------------


def measure(runs: int = DEFAULT_RUNS, drain_updates: int = DRAIN_UPDATES, *, seed: int = SEED) -> dict[str, object]:
    """Start the peers, run both parts, stop everything; the figures (progress on stderr)."""
    import shutil

    folder = scratch("outbox-bench-")
    try:
        with ExitStack() as stack:
            from smtp_peer import make_certificate

            certificate_folder = folder / "certificate"
            certificate_folder.mkdir()
            _progress("   starting a keyring, aiosmtpd, WordPress, the Bluesky PDS, the Mastodon stand-in…")
            keyring = stack.enter_context(KeyringSession(folder / "keyring"))
            peers = stack.enter_context(Peers(make_certificate(certificate_folder)))
            kills = kill_all(peers, keyring.env, runs, seed, folder)
            _progress(f"   drain: {drain_updates} updates x {len(CHANNELS)} accounts, command line")
            cli = drain_cli(peers, keyring.env, drain_updates, folder)
            _progress(f"   drain: {cli}; in one process")
            inprocess = drain_inprocess(peers, drain_updates, folder)
            _progress(f"   drain in one process: {inprocess}")
            if peers.violations():
                raise BenchmarkFailure("the Mastodon stand-in saw requests its API description refuses: "
                                       + "; ".join(peers.violations()[:3]))  # fmt: skip
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    return {
        "outbox_kill_duplicates": sum(k["duplicates"] for k in kills.values()),
        "outbox_kill_lost": sum(k["lost"] for k in kills.values()),
        "outbox_kill_runs_per_channel": runs,
        "outbox_kill_killed": sum(k["killed"] for k in kills.values()),
        "outbox_kill_unsafe": sum(k["unsafe"] for k in kills.values()),
        "outbox_kill_tracebacks": sum(k["tracebacks"] for k in kills.values()),
        "outbox_kill_by_channel": kills,
        "outbox_drain_ratio": round(cli["drain_s"] / cli["online_s"], 3),
        "outbox_drain_ms": round(cli["drain_s"] * 1000, 1),
        "outbox_online_ms": round(cli["online_s"] * 1000, 1),
        "outbox_drain_inprocess_ratio": round(inprocess["drain_s"] / inprocess["online_s"], 3),
        "outbox_drain_inprocess_ms": round(inprocess["drain_s"] * 1000, 1),
        "outbox_online_inprocess_ms": round(inprocess["online_s"] * 1000, 1),
        "outbox_drain_updates": drain_updates,
    }


def report(figures: dict[str, object]) -> str:
    """The figures per channel, as a table for people."""
    kills: dict[str, dict] = figures["outbox_kill_by_channel"]  # type: ignore[assignment]
    lines = [
        f"{'channel':<10} {'runs':>5} {'killed':>7} {'once':>5} {'uncertain':>10} {'not started':>12} "
        f"{'duplicates':>11} {'lost':>5}  where the kill found the job -> state after outbox send",
        "  (once: delivered once, whatever the job says; uncertain: not delivered, shown as uncertain;"
        " not started: killed before the job was written)",
    ]
    for channel, k in kills.items():
        lines.append(
            f"{channel:<10} {k['runs']:>5} {k['killed']:>7} {k['delivered_once']:>5} {k['uncertain_shown']:>10} "
            f"{k['not_started']:>12} {k['duplicates']:>11} {k['lost']:>5}  {k['kill_found']} -> {k['ended']}"
        )
        lines.extend(f"    {example.strip()[:500]}" for example in k["examples"][:5])
    lines.append(
        f"duplicates {figures['outbox_kill_duplicates']}, lost {figures['outbox_kill_lost']} (targets 0); "
        f"delivered but not marked sent {figures['outbox_kill_unsafe']}; tracebacks {figures['outbox_kill_tracebacks']}"
    )
    lines.append(
        f"drain: {figures['outbox_drain_updates']} updates x {len(CHANNELS)} accounts: outbox send "
        f"{figures['outbox_drain_ms']} ms vs published online {figures['outbox_online_ms']} ms: ratio "
        f"{figures['outbox_drain_ratio']} (target <= 1.3); in one process {figures['outbox_drain_inprocess_ms']} ms "
        f"vs {figures['outbox_online_inprocess_ms']} ms: ratio {figures['outbox_drain_inprocess_ratio']}"
    )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, help=f"kills per channel (default {DEFAULT_RUNS}; --quick {QUICK_RUNS})")
    parser.add_argument("--drain-updates", type=int, help=f"updates queued and drained (default {DRAIN_UPDATES})")
    parser.add_argument("--quick", action="store_true", help="a short run, to see that it works")
    parser.add_argument("--seed", type=int, default=SEED, help="where the kills land (random, reproducible)")
    args = parser.parse_args(argv)
    runs = args.runs or (QUICK_RUNS if args.quick else DEFAULT_RUNS)
    updates = args.drain_updates or (QUICK_DRAIN_UPDATES if args.quick else DRAIN_UPDATES)
    if runs < 1 or updates < 1:
        parser.error("--runs and --drain-updates take 1 or more")
    try:
        figures = measure(runs, updates, seed=args.seed)
    except BenchmarkFailure as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    except Exception:
        traceback.print_exc()
        return 1
    print(report(figures))
    print(json.dumps({k: v for k, v in figures.items() if k != "outbox_kill_by_channel"}))
    return 0 if figures["outbox_kill_duplicates"] == 0 and figures["outbox_kill_lost"] == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
