# SPDX-License-Identifier: GPL-3.0-or-later
"""Compile the translations the app reads: the widgets' .qm and the gettext .mo catalogues.

    .venv/bin/python tools/build_translations.py

- resources/i18n/composer_<lang>.ts → composer_<lang>.qm with pyside6-lrelease (from the venv);
- resources/locale/<lang>/LC_MESSAGES/composer.po → composer.mo beside it with Babel.

Idempotent and quiet: a target newer than its source is left alone; one line of output. Neither
the .qm nor the .mo is committed (.gitignore).
"""

from __future__ import annotations

import io
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RESOURCES = ROOT / "resources"


def _tool(name: str) -> str:
    found = Path(sys.executable).parent / name
    return str(found) if found.exists() else name


def _stale(source: Path, target: Path) -> bool:
    return not target.exists() or target.stat().st_mtime_ns < source.stat().st_mtime_ns


def build_qm(source: Path) -> bool:
    """Compiles one .ts when its .qm is missing or older; True when it did."""
    target = source.with_suffix(".qm")
    if not _stale(source, target):
        return False
    command = [_tool("pyside6-lrelease"), "-silent", str(source), "-qm", str(target)]
    result = subprocess.run(command, capture_output=True, text=True, check=False)
    if result.returncode != 0 or not target.exists():
        raise RuntimeError(f"lrelease failed on {source.relative_to(ROOT)}: {(result.stderr or result.stdout).strip()}")
    return True


def build_mo(source: Path) -> bool:
    """Compiles one .po when its .mo is missing or older; True when it did."""
    target = source.with_suffix(".mo")
    if not _stale(source, target):
        return False
    from babel.messages.mofile import write_mo  # noqa: PLC0415 - only when there is work
    from babel.messages.pofile import read_po  # noqa: PLC0415

    catalogue = read_po(io.BytesIO(source.read_bytes()), locale=source.parent.parent.name)
    buffer = io.BytesIO()
    write_mo(buffer, catalogue)
    partial = target.with_suffix(".mo.tmp")
    partial.write_bytes(buffer.getvalue())
    partial.replace(target)
    return True


def main() -> int:
    qt_sources = sorted((RESOURCES / "i18n").glob("composer_*.ts"))
    po_sources = sorted((RESOURCES / "locale").glob("*/LC_MESSAGES/composer.po"))
    try:
        built = sum(build_qm(source) for source in qt_sources) + sum(build_mo(source) for source in po_sources)
    except (RuntimeError, OSError, ValueError) as error:
        print(f"translations: {error}", file=sys.stderr)
        return 1
    total = len(qt_sources) + len(po_sources)
    print(f"translations: {built} of {total} catalogues compiled ({total - built} up to date)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
