"""Interface icons drawn from the tokens, so they look alike in both schemes and on every
platform: a disc in the scheme's signal colour with a glyph in the surface colour (the token
test holds that pair to 4.5:1). Drawn as lines, not font glyphs: no emoji font needed.

Ask for an icon where it is shown (a model's ``data``, when a row is built); on Fusion,
``style.ThemeStyle`` also hands these out for Qt's standard message-box icons.
"""

from __future__ import annotations

from enum import Enum
from functools import cache

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QIcon, QPainter, QPainterPath, QPen, QPixmap

from somestudio.ui.theme.tokens import DARK, LIGHT, Colours, colours

SIZES = (16, 20, 24, 32, 48, 64)


class Status(Enum):
    ERROR = "error"
    WARNING = "warning"
    INFO = "info"
    OK = "ok"
    QUESTION = "question"


def _disc(scheme: Colours, status: Status) -> str:
    return {
        Status.ERROR: scheme.danger,
        Status.WARNING: scheme.warning,
        Status.INFO: scheme.accent,
        Status.OK: scheme.success,
        Status.QUESTION: scheme.accent,
    }[status]


def status_icon(status: Status, *, dark: bool | None = None) -> QIcon:
    """The icon for ``status`` in the current scheme (or the one ``dark`` names)."""
    return _icon(status, colours().dark if dark is None else dark)


@cache
def _icon(status: Status, dark: bool) -> QIcon:
    icon = QIcon()
    for size in SIZES:
        icon.addPixmap(status_pixmap(status, size, dark=dark))
    return icon


def status_pixmap(status: Status, size: int, *, dark: bool) -> QPixmap:
    scheme = DARK if dark else LIGHT
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QColor(_disc(scheme, status)))
    inset = size * 0.06
    painter.drawEllipse(QRectF(inset, inset, size - 2 * inset, size - 2 * inset))
    pen = QPen(QColor(scheme.surface), max(1.5, size * 0.12))
    pen.setCapStyle(Qt.PenCapStyle.RoundCap)
    pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
    painter.setPen(pen)
    painter.setBrush(Qt.BrushStyle.NoBrush)
    s = size
    if status is Status.ERROR:
        painter.drawLine(QPointF(s * 0.34, s * 0.34), QPointF(s * 0.66, s * 0.66))
        painter.drawLine(QPointF(s * 0.66, s * 0.34), QPointF(s * 0.34, s * 0.66))
    elif status is Status.OK:
        path = QPainterPath(QPointF(s * 0.3, s * 0.52))
        path.lineTo(QPointF(s * 0.45, s * 0.66))
        path.lineTo(QPointF(s * 0.71, s * 0.36))
        painter.drawPath(path)
    elif status is Status.QUESTION:
        path = QPainterPath(QPointF(s * 0.38, s * 0.38))
        path.cubicTo(
            QPointF(s * 0.38, s * 0.22), QPointF(s * 0.64, s * 0.22), QPointF(s * 0.63, s * 0.38)
        )
        path.cubicTo(
            QPointF(s * 0.62, s * 0.5), QPointF(s * 0.5, s * 0.48), QPointF(s * 0.5, s * 0.6)
        )
        painter.drawPath(path)
        painter.drawPoint(QPointF(s * 0.5, s * 0.74))
    else:  # "!" for a warning, "i" for information
        top, bottom = (0.26, 0.56) if status is Status.WARNING else (0.46, 0.74)
        dot = 0.72 if status is Status.WARNING else 0.3
        painter.drawLine(QPointF(s * 0.5, s * top), QPointF(s * 0.5, s * bottom))
        painter.drawPoint(QPointF(s * 0.5, s * dot))
    painter.end()
    return pixmap
