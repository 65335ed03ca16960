# SPDX-License-Identifier: GPL-3.0-or-later
"""The app's PNG icons, drawn from resources/icons/*.svg by QtSvg, offscreen.

    python tools/build_icons.py [--out FOLDER]

Writes FOLDER/<size>x<size>/apps/<name>.png for each SVG and each of SIZES (default FOLDER:
packaging/icons/hicolor, beside the committed scalable/ copy). `./dev bundle` runs it; the PNGs
are not committed: they are built from the SVG, so they never disagree with it.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SOURCES = ROOT / "resources" / "icons"
DEFAULT_OUT = ROOT / "packaging" / "icons" / "hicolor"
SIZES = (16, 24, 32, 48, 64, 128, 256)


def build(out: Path = DEFAULT_OUT, sources: Path = SOURCES) -> list[Path]:
    """Draw every SVG of `sources` at every size into `out`; returns the files written."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import Qt  # noqa: PLC0415 - Qt only once the platform is chosen
    from PySide6.QtGui import QGuiApplication, QImage, QPainter  # noqa: PLC0415
    from PySide6.QtSvg import QSvgRenderer  # noqa: PLC0415

    _app = QGuiApplication.instance() or QGuiApplication([sys.argv[0]])
    written: list[Path] = []
    svgs = sorted(sources.glob("*.svg"))
    if not svgs:
        raise FileNotFoundError(f"no SVG icon in {sources}")
    for svg in svgs:
        renderer = QSvgRenderer(str(svg))
        if not renderer.isValid():
            raise ValueError(f"{svg}: not an SVG QtSvg can draw")
        for size in SIZES:
            image = QImage(size, size, QImage.Format.Format_ARGB32)
            image.fill(Qt.GlobalColor.transparent)
            painter = QPainter(image)
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
            renderer.render(painter)
            painter.end()
            target = out / f"{size}x{size}" / "apps" / f"{svg.stem}.png"
            target.parent.mkdir(parents=True, exist_ok=True)
            if not image.save(str(target), "PNG"):
                raise OSError(f"could not write {target}")
            written.append(target)
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT, help="the hicolor folder to write into")
    args = parser.parse_args(argv)
    try:
        written = build(args.out)
    except (OSError, ValueError) as error:
        print(f"build_icons: {error}", file=sys.stderr)
        return 1
    print(f"{len(written)} PNG icons in {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
