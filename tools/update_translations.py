# SPDX-License-Identifier: GPL-3.0-or-later
"""Refresh the widgets' translation sources from the code: resources/i18n/composer_<lang>.ts.

    .venv/bin/python tools/update_translations.py

Runs pyside6-lupdate (from this interpreter's venv) over composer/ui/*.py and composer/app.py for
every language but English; kept translations stay, strings no longer in the code are dropped
(-no-obsolete), new ones arrive "unfinished" for a translator (Qt Linguist, or the file itself).
Terms: docs/glossary.md. Then tools/build_translations.py compiles them.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
I18N = ROOT / "resources" / "i18n"
LANGUAGES = ("ca", "es")  # English is the source language: no catalogue


def tool(name: str) -> str:
    """A Qt tool from the venv this interpreter runs in (PATH may not hold the venv's bin)."""
    found = Path(sys.executable).parent / name
    return str(found) if found.exists() else name


def sources() -> list[str]:
    files = [*sorted((ROOT / "composer" / "ui").glob("*.py")), ROOT / "composer" / "app.py"]
    return [str(path.relative_to(ROOT)) for path in files]


def main() -> int:
    I18N.mkdir(parents=True, exist_ok=True)
    for code in LANGUAGES:
        target = I18N / f"composer_{code}.ts"
        command = [
            tool("pyside6-lupdate"),
            "-no-obsolete",
            "-locations",
            "relative",
            "-source-language",
            "en",
            "-target-language",
            code,
            *sources(),
            "-ts",
            str(target.relative_to(ROOT)),
        ]
        result = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, check=False)
        if result.returncode != 0:
            print(f"lupdate failed for {code}: {(result.stderr or result.stdout).strip()}", file=sys.stderr)
            return 1
        summary = [line.strip() for line in result.stdout.splitlines() if "Found" in line or "unfinished" in line]
        print(f"{target.relative_to(ROOT)}: {'; '.join(summary) or 'updated'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
