"""Interface icons drawn from the tokens, so they look alike in both schemes and on every
platform: a disc in the scheme's signal colour with a glyph in the surface colour (the token
test holds that pair to 4.5:1). Drawn as lines, not font glyphs: no emoji font needed.

Ask for an icon where it is shown (a model's ``data``, when a row is built); on Fusion,
``style.ThemeStyle`` also hands these out for Qt's standard message-box icons.
"""

from __future__ import annotations

from enum import Enum
from functools import cache

from PySide6.QtCore import QPoint, QPointF, QRect, QRectF, QSize, Qt
from PySide6.QtGui import (
    QColor,
    QGuiApplication,
    QIcon,
    QIconEngine,
    QPainter,
    QPainterPath,
    QPalette,
    QPen,
    QPixmap,
)

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


PAGES = ("compose", "calendar", "plan", "metrics", "accounts", "settings")


class _PageIconEngine(QIconEngine):
    """A page's line icon, drawn when shown in the palette's text colour (the selected
    text colour on a selected row): the same drawing in both schemes, following a change."""

    def __init__(self, page: str) -> None:
        super().__init__()
        self._page = page

    def clone(self) -> QIconEngine:
        return _PageIconEngine(self._page)

    def key(self) -> str:
        return "somestudio-page"

    def pixmap(self, size: QSize, mode: QIcon.Mode, state: QIcon.State) -> QPixmap:
        pixmap = QPixmap(size)
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        self.paint(painter, QRect(QPoint(0, 0), size), mode, state)
        painter.end()
        return pixmap

    def paint(self, painter: QPainter, rect: QRect, mode: QIcon.Mode, state: QIcon.State) -> None:
        palette = QGuiApplication.palette()
        role = (
            QPalette.ColorRole.HighlightedText
            if mode == QIcon.Mode.Selected
            else QPalette.ColorRole.WindowText
        )
        group = (
            QPalette.ColorGroup.Disabled
            if mode == QIcon.Mode.Disabled
            else QPalette.ColorGroup.Active
        )
        side = min(rect.width(), rect.height())
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.translate(
            rect.left() + (rect.width() - side) / 2, rect.top() + (rect.height() - side) / 2
        )
        painter.scale(side / 20, side / 20)  # drawn on a 20 × 20 grid
        pen = QPen(palette.color(group, role), 1.6)
        pen.setCapStyle(Qt.PenCapStyle.RoundCap)
        pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
        painter.setPen(pen)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        _DRAW[self._page](painter)
        painter.restore()


def _compose(p: QPainter) -> None:
    path = QPainterPath(QPointF(4, 16))
    path.lineTo(QPointF(4.6, 12.6))
    path.lineTo(QPointF(13.2, 4))
    path.lineTo(QPointF(16, 6.8))
    path.lineTo(QPointF(7.4, 15.4))
    path.closeSubpath()
    p.drawPath(path)
    p.drawLine(QPointF(11.4, 5.8), QPointF(14.2, 8.6))


def _calendar(p: QPainter) -> None:
    p.drawRoundedRect(QRectF(3, 4.5, 14, 12.5), 2, 2)
    p.drawLine(QPointF(3, 8.5), QPointF(17, 8.5))
    p.drawLine(QPointF(7, 2.8), QPointF(7, 5.6))
    p.drawLine(QPointF(13, 2.8), QPointF(13, 5.6))
    for x, y in ((7, 11.8), (10, 11.8), (13, 11.8), (7, 14.5), (10, 14.5)):
        p.drawPoint(QPointF(x, y))


def _plan(p: QPainter) -> None:
    for y in (5, 10, 15):
        p.drawRoundedRect(QRectF(3, y - 1.6, 3.2, 3.2), 0.8, 0.8)
        p.drawLine(QPointF(9, y), QPointF(17, y))


def _metrics(p: QPainter) -> None:
    p.drawLine(QPointF(3, 17), QPointF(17, 17))
    for x, top in ((5.5, 11), (10, 6), (14.5, 9)):
        p.drawRoundedRect(QRectF(x - 1.5, top, 3, 17 - top - 2), 0.8, 0.8)


def _accounts(p: QPainter) -> None:
    p.drawEllipse(QRectF(7, 3, 6, 6))
    path = QPainterPath(QPointF(3.5, 17))
    path.cubicTo(QPointF(4, 12.5), QPointF(7, 11), QPointF(10, 11))
    path.cubicTo(QPointF(13, 11), QPointF(16, 12.5), QPointF(16.5, 17))
    p.drawPath(path)


def _settings(p: QPainter) -> None:
    for y, knob in ((5, 13), (10, 7), (15, 11)):
        p.drawLine(QPointF(3, y), QPointF(knob - 1.8, y))
        p.drawLine(QPointF(knob + 1.8, y), QPointF(17, y))
        p.drawEllipse(QPointF(knob, y), 1.8, 1.8)


def _inbox(p: QPainter) -> None:
    path = QPainterPath(QPointF(3, 11))
    path.lineTo(QPointF(5.5, 4.5))
    path.lineTo(QPointF(14.5, 4.5))
    path.lineTo(QPointF(17, 11))
    path.lineTo(QPointF(17, 16))
    path.lineTo(QPointF(3, 16))
    path.closeSubpath()
    p.drawPath(path)
    tray = QPainterPath(QPointF(3, 11))
    tray.lineTo(QPointF(7, 11))
    tray.lineTo(QPointF(8, 13))
    tray.lineTo(QPointF(12, 13))
    tray.lineTo(QPointF(13, 11))
    tray.lineTo(QPointF(17, 11))
    p.drawPath(tray)


def _collab(p: QPainter) -> None:
    """A briefcase: the business side, paid collaborations."""
    p.drawRoundedRect(QRectF(3, 6.5, 14, 10), 1.6, 1.6)
    p.drawRoundedRect(QRectF(7.5, 3.5, 5, 3), 0.8, 0.8)
    p.drawLine(QPointF(3, 11), QPointF(17, 11))


_DRAW = {
    "compose": _compose,
    "calendar": _calendar,
    "plan": _plan,
    "metrics": _metrics,
    "accounts": _accounts,
    "settings": _settings,
    "inbox": _inbox,
    "collab": _collab,
}


def page_icon(page: str) -> QIcon:
    """The line icon of a page (``PAGES``), drawn in the palette's colours when shown."""
    return QIcon(_PageIconEngine(page))
