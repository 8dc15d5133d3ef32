"""One to four pictures as feeds lay them out, each cropped to its cell as feeds crop."""

from __future__ import annotations

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QImage, QPainter, QPainterPath, QPaintEvent, QResizeEvent
from PySide6.QtWidgets import QSizePolicy, QWidget

from somestudio.ui.theme import Colours


def _cover(painter: QPainter, image: QImage, rect: QRectF, radius: float) -> None:
    """Draw ``image`` filling ``rect`` (cropped to its shape, as feeds crop)."""
    path = QPainterPath()
    path.addRoundedRect(rect, radius, radius)
    painter.save()
    painter.setClipPath(path)
    if image.isNull():
        painter.fillRect(rect, painter.brush())
    else:
        scale = max(rect.width() / image.width(), rect.height() / image.height())
        w, h = image.width() * scale, image.height() * scale
        target = QRectF(rect.x() + (rect.width() - w) / 2, rect.y() + (rect.height() - h) / 2, w, h)
        painter.drawImage(target, image)
    painter.restore()


class ImageGrid(QWidget):
    """One to four pictures as feeds lay them out: one wide, two side by side, one tall and
    two stacked, or two by two. ``square``: one square picture with "1/3" (Instagram)."""

    def __init__(
        self,
        images: list[QImage],
        count: int,
        scheme: Colours,
        *,
        square: bool = False,
        empty: str = "",
    ) -> None:
        super().__init__()
        self.empty = empty  # said on the grey square when there is no picture
        self.images = images[:4]
        self.count = count
        self._scheme = scheme
        self._square = square
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        if self._square:
            return width
        return round(width / (16 / 9)) if len(self.images) != 1 else round(width * 0.75)

    def sizeHint(self) -> QSize:
        return QSize(280, self.heightForWidth(280))

    def resizeEvent(self, event: QResizeEvent) -> None:
        self.setFixedHeight(self.heightForWidth(self.width()))

    def paintEvent(self, event: QPaintEvent) -> None:
        del event
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setBrush(QColor(self._scheme.surface_alt))
        painter.setPen(Qt.PenStyle.NoPen)
        w, h, gap = float(self.width()), float(self.height()), 2.0
        radius = 0.0 if self._square else 10.0
        images = self.images[:1] if self._square else self.images
        n = len(images)
        if n <= 1:
            rects = [QRectF(0, 0, w, h)]
        elif n == 2:
            rects = [QRectF(0, 0, (w - gap) / 2, h), QRectF((w + gap) / 2, 0, (w - gap) / 2, h)]
        elif n == 3:
            half = (w - gap) / 2
            rects = [
                QRectF(0, 0, half, h),
                QRectF(half + gap, 0, half, (h - gap) / 2),
                QRectF(half + gap, (h + gap) / 2, half, (h - gap) / 2),
            ]
        else:
            half_w, half_h = (w - gap) / 2, (h - gap) / 2
            rects = [
                QRectF(x, y, half_w, half_h) for y in (0, half_h + gap) for x in (0, half_w + gap)
            ]
        for image, rect in zip(images or [QImage()], rects, strict=False):
            _cover(painter, image, rect, radius)
        if not self.images and self.empty:
            painter.setPen(QColor(self._scheme.text_muted))
            flags = Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap
            painter.drawText(QRectF(w * 0.15, 0, w * 0.7, h), flags, self.empty)
        if self._square and self.count > 1:
            painter.setPen(QColor(self._scheme.text))
            painter.setBrush(QColor(self._scheme.raised))
            badge = QRectF(w - 44, 8, 36, 20)
            painter.drawRoundedRect(badge, 10, 10)
            painter.drawText(badge, Qt.AlignmentFlag.AlignCenter, f"1/{self.count}")
        painter.end()
