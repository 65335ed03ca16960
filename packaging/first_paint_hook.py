# SPDX-License-Identifier: GPL-3.0-or-later
"""PyInstaller runtime hook: the bundle's first-paint probe, for tools/bundle-check.

With INCIDENT_COMPOSER_FIRST_PAINT=SECONDS in the environment, the bundled binary runs
benchmarks/first_paint.py's `app` child instead of the app: it opens the window as the app does,
prints "paint WIDTHxHEIGHT" at the first paint and exits (code 3 if nothing painted in SECONDS).
Without it this hook does nothing, so the bundle that is shipped is the bundle that is tested.
"""

import os
import sys


def _first_paint_probe() -> None:
    timeout = os.environ.get("INCIDENT_COMPOSER_FIRST_PAINT", "")
    if not timeout:
        return
    import first_paint  # noqa: PLC0415 - benchmarks/first_paint.py, on the spec's pathex

    sys.exit(first_paint.main([sys.argv[0], "app", timeout]))


_first_paint_probe()
