# SPDX-License-Identifier: GPL-3.0-or-later
"""Searching every update: a figure for run.py ("search"), or alone:

    python benchmarks/search.py [--runs 5] [--incidents 1000] [--updates 20]

`search_ms_1000x20` (target ≤ 100): the wall time of `Store.search_updates` (the query, the
snippets and their highlighted words) for two words typed without their accents, one of them a
prefix ("latencia sobrecarr"), across 1,000 incidents × 20 updates, the median of the runs on a
store opened as the window or `incidents search` opens it. It finds a realistic handful
(`search_hits_1000x20`, about 13). `search_common_ms_1000x20`: one word in every update
("certificate", 20,000 matches) with the default limit of 200. `search_title_ms_1000x20`: a word
of the incidents' titles and one of the updates' texts ("card latenc").

The store is benchmarks/statuspage.py's (every update a ~700-character text); each update then gets
a sentence of its own in Catalan or Spanish, with accents, so that a search has something to find.
"""

from __future__ import annotations

import argparse
import json
import sqlite3
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from statuspage import seed  # noqa: E402

# 37 and 41 words: a pair comes back every 1,517 updates, so a two-word search finds about 13.
FIRST = (
    "latència", "interrupció", "caiguda", "lentitud", "pèrdua", "saturació", "degradació", "tall",
    "fallada", "desconnexió", "retard", "congestió", "avaria", "bloqueig", "reinici", "migració",
    "actualització", "manteniment", "sincronització", "replicació", "còpia", "restauració", "xifratge",
    "autenticació", "facturació", "indexació", "compressió", "transcodificació", "notificació",
    "programació", "validació", "verificació", "recuperació", "distribució", "agregació", "exportació",
    "importació",
)  # fmt: skip
SECOND = (
    "sobrecàrrega", "servidor", "encaminador", "commutador", "tallafoc", "balancejador", "emmagatzematge",
    "clúster", "node", "rèplica", "memòria", "disc", "xarxa", "enllaç", "túnel", "certificat", "domini",
    "correu", "missatgeria", "passarel·la", "cua", "planificador", "contenidor", "màquina", "volum",
    "partició", "índex", "esquema", "catàleg", "registre", "monitor", "sensor", "alimentació", "refrigeració",
    "rack", "sala", "centre", "mòdem", "antena", "fibra", "satèl·lit",
)  # fmt: skip
QUERIES = {
    "search_ms": "latencia sobrecarr",
    "search_common_ms": "certificate",
    "search_title_ms": "card latenc",
}


def add_words(path: Path) -> int:
    """A sentence of its own at the end of every update (through SQL: the index's triggers run)."""
    conn = sqlite3.connect(path)
    try:
        ids = [row[0] for row in conn.execute("SELECT id FROM updates ORDER BY id")]
        with conn:
            conn.executemany(
                "UPDATE updates SET body = body || ? WHERE id = ?",
                [
                    (f"\n\nNota: {FIRST[n % len(FIRST)]} per {SECOND[n % len(SECOND)]} a la zona {n % 50}.", uid)
                    for n, uid in enumerate(ids)
                ],
            )
    finally:
        conn.close()
    return len(ids)


def measure(runs: int, scratch: Path, incidents: int = 1000, updates: int = 20) -> dict[str, object]:
    """Seed the store, then time each query `runs` times (after one untimed search, as the window's
    first search follows its opening) and give the medians."""
    from composer.core.store import Store

    path = scratch / "search-home" / "composer.db"
    path.parent.mkdir(parents=True, exist_ok=True)
    start = time.perf_counter()
    seed(path, incidents, updates)
    add_words(path)
    seed_s = time.perf_counter() - start
    store, report = Store.open(path)
    if report.message:
        raise RuntimeError(f"cannot open {path}: {report.message}")
    figures: dict[str, object] = {}
    try:
        store.search_updates("warm up")
        for key, query in QUERIES.items():
            times, hits = [], []
            for _ in range(runs):
                begin = time.perf_counter()
                hits = store.search_updates(query)
                times.append((time.perf_counter() - begin) * 1000)
            if not hits:
                raise RuntimeError(f"{query!r} found nothing: the index is not in step with the updates")
            figures[f"{key}_{incidents}x{updates}"] = round(statistics.median(times), 1)
            figures[f"{key.replace('_ms', '_hits')}_{incidents}x{updates}"] = len(hits)
    finally:
        store.close()
    figures[f"search_seed_s_{incidents}x{updates}"] = round(seed_s, 1)
    return figures


def main(argv: list[str] | None = None) -> int:
    import tempfile

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--incidents", type=int, default=1000)
    parser.add_argument("--updates", type=int, default=20)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="composer-search-") as folder:
        print(json.dumps(measure(args.runs, Path(folder), args.incidents, args.updates)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
