"""Render resources/icons/somestudio.svg into the PNG sizes a freedesktop icon theme wants.

Run from the checkout: .venv/bin/python scripts/render-icons.py
Output: resources/icons/hicolor/<N>x<N>/apps/somestudio.png and .../scalable/apps/somestudio.svg
"""

from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

SIZES = (16, 32, 48, 64, 128, 256, 512)
ICONS = Path(__file__).resolve().parents[1] / "resources" / "icons"


def render(size: int, source: Path, target: Path) -> None:
    renderer = QSvgRenderer(str(source))
    if not renderer.isValid():
        raise SystemExit(f"not a valid SVG: {source}")
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
    renderer.render(painter)
    painter.end()
    target.parent.mkdir(parents=True, exist_ok=True)
    if not image.save(str(target), "PNG"):
        raise SystemExit(f"could not write {target}")


def main() -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    app = QGuiApplication(sys.argv[:1])
    source = ICONS / "somestudio.svg"
    for size in SIZES:
        render(size, source, ICONS / "hicolor" / f"{size}x{size}" / "apps" / "somestudio.png")
    scalable = ICONS / "hicolor" / "scalable" / "apps" / "somestudio.svg"
    scalable.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(source, scalable)
    del app
    return 0


if __name__ == "__main__":
    sys.exit(main())
