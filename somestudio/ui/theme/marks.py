"""Network marks: the Simple Icons (CC0) logo a network's descriptor names, tinted in the
network's colour, or a monogram disc where the set has no logo. Cached per size and scheme.

Marks identify; they never carry a state. Where a brand colour is too dark or light for the
scheme's surface (X, Threads and TikTok are black), the mark is drawn in the text colour.
"""

from __future__ import annotations

from functools import cache
from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, QPoint, QRect, QRectF, QSize, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QGuiApplication,
    QIcon,
    QIconEngine,
    QPainter,
    QPalette,
    QPixmap,
)
from PySide6.QtWidgets import QLabel

from somestudio.domain.networks import Network

if TYPE_CHECKING:
    from somestudio.domain.networks.descriptor import NetworkDescriptor
from somestudio.ui.assets import resource_root
from somestudio.ui.theme.tokens import DARK, LIGHT, colours, contrast_ratio

MIN_MARK_CONTRAST = 3.0  # WCAG 2.2 non-text contrast


def descriptor(network: Network) -> NetworkDescriptor:
    """The network's descriptor; the catalogue (every network's rules) is imported on the
    first mark drawn, not with the theme the window's first frame needs."""
    from somestudio.domain.networks.catalogue import descriptor as describe  # noqa: PLC0415

    return describe(network)


@cache
def mark_colour(network: Network, dark: bool) -> str:
    scheme = DARK if dark else LIGHT
    brand = descriptor(network).colour
    if contrast_ratio(brand, scheme.surface) >= MIN_MARK_CONTRAST:
        return brand
    return scheme.text


@cache
def _svg(name: str) -> bytes | None:
    path = resource_root() / "icons" / "networks" / f"{name}.svg"
    try:
        return path.read_bytes()
    except OSError:
        return None


def network_mark(
    network: Network, size: int, *, dark: bool, ratio: float = 1.0, on: QColor | None = None
) -> QPixmap:
    """A square ``size`` px (logical) mark for ``network``, sharp at device pixel ``ratio``.
    ``on``: the text colour of a selected row it stands on, which it is drawn in (the
    network's own colour on the selection's blue: Instagram's pink all but vanished)."""
    colour = mark_colour(network, dark) if on is None else on.name()
    return _mark(network, size, colour, round(ratio * 4) / 4)


@cache
def _mark(network: Network, size: int, colour: str, ratio: float) -> QPixmap:
    pixels = max(1, round(size * ratio))
    pixmap = QPixmap(pixels, pixels)
    pixmap.fill(Qt.GlobalColor.transparent)
    spec = descriptor(network)
    svg = _svg(spec.mark) if spec.mark else None
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    if svg is not None:
        from PySide6.QtSvg import QSvgRenderer  # noqa: PLC0415 - the first logo drawn loads it

        renderer = QSvgRenderer(QByteArray(svg))
        renderer.render(painter, QRectF(0, 0, pixels, pixels))
        painter.setCompositionMode(QPainter.CompositionMode.CompositionMode_SourceIn)
        painter.fillRect(pixmap.rect(), QColor(colour))
    else:
        _monogram(painter, pixels, spec.monogram or spec.name[:1], spec.colour)
    painter.end()
    pixmap.setDevicePixelRatio(ratio)
    return pixmap


def _monogram(painter: QPainter, pixels: int, letters: str, colour: str) -> None:
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QColor(colour))
    painter.drawRoundedRect(QRectF(0, 0, pixels, pixels), pixels * 0.22, pixels * 0.22)
    font = QFont()
    font.setBold(True)
    font.setPixelSize(max(1, round(pixels * (0.62 if len(letters) == 1 else 0.5))))
    painter.setFont(font)
    text = "#ffffff" if contrast_ratio(colour, "#ffffff") >= 3.0 else "#1b1f24"
    painter.setPen(QColor(text))
    painter.drawText(QRectF(0, 0, pixels, pixels), Qt.AlignmentFlag.AlignCenter, letters)


def mark_icon(network: Network, *, dark: bool) -> QIcon:
    """An icon with the mark at the usual small sizes (menus, lists, combo boxes)."""
    icon = QIcon()
    for size in (16, 20, 24, 32):
        icon.addPixmap(network_mark(network, size, dark=dark))
    return icon


class _SchemeMarkEngine(QIconEngine):
    """Draws the mark in the scheme of the moment it is painted: an icon made once (a
    combo box's item, a menu's action) follows a change of scheme by itself."""

    def __init__(self, network: Network) -> None:
        super().__init__()
        self._network = network

    def clone(self) -> QIconEngine:
        return _SchemeMarkEngine(self._network)

    def paint(self, painter: QPainter, rect: QRect, mode: QIcon.Mode, state: QIcon.State) -> None:
        side = min(rect.width(), rect.height())
        ratio = painter.device().devicePixelRatioF() if painter.device() is not None else 1.0
        on = None
        if mode == QIcon.Mode.Selected:  # a selected row's: in its text colour
            on = QGuiApplication.palette().color(QPalette.ColorRole.HighlightedText)
        mark = network_mark(self._network, side, dark=colours().dark, ratio=ratio, on=on)
        left = rect.left() + (rect.width() - side) // 2
        top = rect.top() + (rect.height() - side) // 2
        if mode == QIcon.Mode.Disabled:
            painter.save()
            painter.setOpacity(0.4)
            painter.drawPixmap(left, top, mark)
            painter.restore()
        else:
            painter.drawPixmap(left, top, mark)

    def pixmap(self, size: QSize, mode: QIcon.Mode, state: QIcon.State) -> QPixmap:
        pixmap = QPixmap(size)
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        self.paint(painter, QRect(QPoint(0, 0), size), mode, state)
        painter.end()
        return pixmap

    def key(self) -> str:
        return "somestudio-mark"


def network_icon(network: Network) -> QIcon:
    """``network``'s mark as an icon that is drawn in the scheme of the moment it is shown
    (menus, lists, combo boxes)."""
    return QIcon(_SchemeMarkEngine(network))


def mark_label(network: Network, size: int = 16) -> QLabel:
    """A label showing ``network``'s mark, for rows built of widgets (dialog lists)."""
    label = QLabel()
    label.setObjectName("NetworkMark")
    label.setPixmap(
        network_mark(network, size, dark=colours().dark, ratio=label.devicePixelRatioF())
    )
    label.setFixedSize(size, size)
    return label
