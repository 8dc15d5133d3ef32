"""How a cell of the month plan is drawn: the number of posts, then each campaign's name after
a swatch in its colour, over a faint wash of the first campaign's colour. The colours are
read from the theme at paint time, so the plan follows a change of scheme."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFontMetrics, QPainter, QPalette
from PySide6.QtWidgets import QApplication, QStyle, QStyledItemDelegate, QStyleOptionViewItem

from somestudio.ui.theme import SPACE

Index = QModelIndex | QPersistentModelIndex
CampaignsRole = Qt.ItemDataRole.UserRole + 11
CountRole = Qt.ItemDataRole.UserRole + 12
WASH = 0.16  # how much of the first campaign's colour shows through the cell


def wash(colour: str, base: QColor) -> QColor:
    """``colour`` laid thinly over ``base``: a tint that leaves text readable."""
    top = QColor(colour)
    return QColor.fromRgbF(
        base.redF() + (top.redF() - base.redF()) * WASH,
        base.greenF() + (top.greenF() - base.greenF()) * WASH,
        base.blueF() + (top.blueF() - base.blueF()) * WASH,
    )


class PlanCellDelegate(QStyledItemDelegate):
    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        campaigns = index.data(CampaignsRole)
        if not campaigns:
            super().paint(painter, option, index)
            return
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        opt.text = ""
        widget = opt.widget
        style = widget.style() if widget is not None else QApplication.style()
        selected = bool(opt.state & QStyle.StateFlag.State_Selected)
        palette: QPalette = opt.palette
        if not selected:
            base = palette.color(QPalette.ColorRole.Base)
            painter.fillRect(opt.rect, wash(campaigns[0][1], base))
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, widget)
        text = palette.color(
            QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        )
        metrics = QFontMetrics(opt.font)
        line = metrics.height()
        rect = QRectF(opt.rect).adjusted(SPACE.xs, SPACE.xxs, -SPACE.xs, -SPACE.xxs)
        counts = str(index.data(CountRole) or "").split("\n")  # "3 posts", "1 not scheduled"
        top = rect.center().y() - line * (len(counts) + 1) / 2
        painter.save()
        painter.setFont(opt.font)
        painter.setPen(text)
        for number, count in enumerate(counts):
            painter.drawText(
                QRectF(rect.left(), top + number * line, rect.width(), line),
                Qt.AlignmentFlag.AlignCenter,
                metrics.elidedText(count, Qt.TextElideMode.ElideRight, round(rect.width())),
            )
        swatch = round(line * 0.6)
        widths = [swatch + SPACE.xs + metrics.horizontalAdvance(name) for name, _c in campaigns]
        total = sum(widths) + SPACE.s * (len(widths) - 1)
        x = rect.left() + max(0.0, (rect.width() - total) / 2)
        y = top + len(counts) * line
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        for (name, colour), width in zip(campaigns, widths, strict=True):
            room = rect.right() - x
            if room <= swatch:
                break
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QColor(colour))
            square = QRectF(x, y + (line - swatch) / 2, swatch, swatch)
            painter.drawRoundedRect(square, 2, 2)
            painter.setPen(text)
            left = x + swatch + SPACE.xs
            width_left = round(rect.right() - left)
            shown = metrics.elidedText(name, Qt.TextElideMode.ElideRight, width_left)
            painter.drawText(
                QRectF(left, y, rect.right() - left, line),
                int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
                shown,
            )
            x += width + SPACE.s
        painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        size = super().sizeHint(option, index)
        if index.data(CampaignsRole):
            lines = 1 + str(index.data(CountRole) or "").count("\n") + 1
            size.setHeight(max(size.height(), lines * QFontMetrics(option.font).height() + SPACE.s))
        return size
