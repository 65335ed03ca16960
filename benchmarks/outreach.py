# SPDX-License-Identifier: GPL-3.0-or-later
"""Importing a list of affected customers: a figure for run.py ("outreach_import"), or alone:

    python benchmarks/outreach.py [--runs 5] [--rows 10000]

`outreach_import_10k_ms` (target ≤ 1000): the wall time of `read_customers` (decoding, sniffing the
delimiter, parsing, every address through email-validator, every phone number through phonenumbers)
for 10,000 customers, the median of the runs in this process (the libraries already imported).
`outreach_import_10k_first_ms`: the same in a fresh interpreter, the first import there (loading
email-validator and phonenumbers included). The list is what a spreadsheet in Catalan saves: UTF-8
with its byte-order mark, semicolons, a header in Catalan, every address different (a third at mail
providers, the rest at some 2,500 company domains), a phone number in national form on every row
(default region ES), and a few rows of each problem: 50 invalid addresses, 50 repeated ones, 50
invalid phone numbers.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import time
import unicodedata
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from composer.core.outreach import CustomerList

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

FIRST = ("Núria", "Jordi", "Laura", "Pau", "Montserrat", "Àlex", "María", "José", "Íñigo", "Joan", "Marta", "Aina")
LAST = ("Ferrer", "Puig", "Peña", "Garcia", "Martínez", "Soler", "Vidal", "Castañeda", "Roig", "Ibáñez", "Font")
PROVIDERS = ("gmail.com", "hotmail.es", "yahoo.es", "outlook.com", "telefonica.net", "icloud.com")
PLANS = ("Bàsic", "Professional", "Empresa")
LANGUAGES = ("ca", "es", "en", "català", "Español", "")


def customer_list(rows: int = 10_000) -> bytes:
    """A list of `rows` customers as a Catalan spreadsheet saves it (see the module's docstring)."""
    lines = ["Nom;Correu electrònic;Telèfon;Idioma;Empresa;Pla;Notes"]
    emails: list[str] = []
    for n in range(rows):
        first, last = FIRST[n % len(FIRST)], LAST[(n // len(FIRST)) % len(LAST)]
        company = f"empresa{n % 2500}"
        domain = PROVIDERS[n % len(PROVIDERS)] if n % 3 == 0 else f"{company}.cat"
        email = f"{_plain(first)}.{_plain(last)}{n}@{domain}"
        emails.append(email)
        if n % 200 == 7:
            email = f"{_plain(first)} {_plain(last)}@{domain}"  # a space: not an address
        elif n % 200 == 11:
            email = emails[n - 1].upper()  # the same address as the row above
        phone = f"{'6' if n % 2 else '93'}{(n * 7919) % 100_000_000:08d}"[:9]  # a mobile or a Barcelona line
        phone = f"{phone[:3]} {phone[3:6]} {phone[6:]}" if n % 200 != 13 else "12 34"  # too short: not a number
        notes = '"Va trucar; vol una trucada\nabans de les 18 h"' if n % 50 == 0 else ""
        lines.append(
            f"{first} {last};{email};{phone};{LANGUAGES[n % len(LANGUAGES)]};{company.title()} SL;"
            f"{PLANS[n % len(PLANS)]};{notes}"
        )
    return ("\ufeff" + "\r\n".join(lines) + "\r\n").encode("utf-8")


def _plain(name: str) -> str:
    """A name as people put it in an address: lower case, without accents."""
    return unicodedata.normalize("NFKD", name.lower()).encode("ascii", "ignore").decode()


def _check(result: CustomerList, rows: int) -> None:
    """The figures are for a right answer: every good row a customer, every bad one listed."""
    bad = {kind: sum(1 for n in range(rows) if n % 200 == kind) for kind in (7, 11, 13)}
    skipped = [problem for problem in result.problems if not problem.kept]
    kept = [problem for problem in result.problems if problem.kept]
    if (len(result.rows), len(skipped), len(kept)) != (rows - bad[7] - bad[11], bad[7] + bad[11], bad[13]):
        raise RuntimeError(
            f"imported {len(result.rows)} customers, {len(skipped)} rows skipped and {len(kept)} kept with a problem"
        )


FIRST_RUN = """
import sys, time
sys.path.insert(0, sys.argv[1])
data = open(sys.argv[2], "rb").read()
start = time.perf_counter()
from composer.core.outreach import read_customers
result = read_customers(data, default_region="ES")
print((time.perf_counter() - start) * 1000, len(result.rows))
"""


def measure(runs: int, scratch: Path, rows: int = 10_000) -> dict[str, object]:
    """The median of `runs` imports in this process, and the first import in a fresh interpreter."""
    from composer.core.outreach import read_customers

    data = customer_list(rows)
    path = scratch / "outreach-customers.csv"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    child = subprocess.run(
        [sys.executable, "-c", FIRST_RUN, str(ROOT), str(path)], capture_output=True, text=True, check=False
    )
    if child.returncode != 0:
        raise RuntimeError(f"the first import failed: {child.stderr.strip().splitlines()[-1:]}")
    first_ms = float(child.stdout.split()[0])
    _check(read_customers(data, default_region="ES"), rows)  # a warm-up, and the figures are for a right answer
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        read_customers(data, default_region="ES")
        times.append((time.perf_counter() - start) * 1000)
    label = f"{rows // 1000}k" if rows % 1000 == 0 else str(rows)
    return {
        f"outreach_import_{label}_ms": round(statistics.median(times), 1),
        f"outreach_import_{label}_first_ms": round(first_ms, 1),
        "outreach_import_kb": round(len(data) / 1024, 1),
    }


def main(argv: list[str] | None = None) -> int:
    import tempfile

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--rows", type=int, default=10_000)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="composer-outreach-") as folder:
        print(json.dumps(measure(args.runs, Path(folder), args.rows)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
