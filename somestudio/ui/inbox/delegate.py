"""How one inbox entry is painted: who (mark, name, handle), when, what (kind, text) and on
which of our posts. Every row has the same height, so the view lays out nothing it does not
show."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from PySide6.QtCore import QLocale, QModelIndex, QPersistentModelIndex, QRect, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPalette
from PySide6.QtWidgets import QApplication, QStyle, QStyledItemDelegate, QStyleOptionViewItem

from somestudio.domain.inbox.items import InboxItem
from somestudio.ui.inbox.model import ItemRole, PostTextRole
from somestudio.ui.inbox.texts import entry_problem_short, kind_text, reply_state_text
from somestudio.ui.qtdates import short_date_time
from somestudio.ui.theme import SPACE, colours, network_mark

_Index = QModelIndex | QPersistentModelIndex
PAD = SPACE.s
LINES = 3
SELECTED_BAR = 4  # px: the chosen row's edge


def when_text(moment: datetime, zone: ZoneInfo) -> str:
    """The entry's time on the user's clock, in the user's language."""
    return short_date_time(QLocale(), moment.astimezone(zone).replace(tzinfo=None))


def one_line(text: str) -> str:
    return " ".join(text.split())


class InboxDelegate(QStyledItemDelegate):
    def __init__(self, zone: ZoneInfo, parent: object = None) -> None:
        super().__init__(parent)  # type: ignore[arg-type]
        self.zone = zone

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: _Index) -> None:
        item = index.data(ItemRole)
        if not isinstance(item, InboxItem):
            return
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        opt.text = ""
        widget = opt.widget
        style = widget.style() if widget is not None else QApplication.style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, widget)
        selected = bool(opt.state & QStyle.StateFlag.State_Selected)
        palette: QPalette = opt.palette
        scheme = colours(palette)
        if selected:
            self._mark_selected(painter, opt.rect, scheme.selection, scheme.text)
        text_colour = palette.color(
            QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        )
        muted = text_colour if selected else QColor(scheme.text_muted)
        painter.save()
        rect = opt.rect.adjusted(PAD + SELECTED_BAR, PAD // 2, -PAD, -PAD // 2)
        base = QFont(opt.font)
        bold = QFont(base)
        bold.setBold(True)
        line_height = QFontMetrics(base).height()
        # Line 1: the network's mark, who, their handle; the time on the right.
        size = line_height - 2
        mark = network_mark(
            item.network, size, dark=scheme.dark, ratio=painter.device().devicePixelRatioF()
        )
        painter.drawPixmap(rect.left(), rect.top() + 1, mark)
        left = rect.left() + size + SPACE.xs
        if item.unread:  # an unread entry: a dot, and the name in bold (not colour alone)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QColor(scheme.accent) if not selected else text_colour)
            dot = max(6, line_height // 3)
            painter.drawEllipse(left, rect.top() + (line_height - dot) // 2, dot, dot)
            left += dot + SPACE.xs
        when = when_text(item.created_at, self.zone)
        painter.setFont(base)
        when_width = QFontMetrics(base).horizontalAdvance(when)
        painter.setPen(muted)
        line = QRect(rect.left(), rect.top(), rect.width(), line_height)
        painter.drawText(line, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, when)
        name_font = bold if item.unread else base
        room = rect.right() - left - when_width - SPACE.s
        name = item.author.name or item.author.handle
        name_width = min(QFontMetrics(name_font).horizontalAdvance(name), room)
        painter.setFont(name_font)
        painter.setPen(text_colour)
        name_rect = QRect(left, rect.top(), max(0, name_width), line_height)
        name_text = QFontMetrics(name_font).elidedText(name, Qt.TextElideMode.ElideRight, room)
        painter.drawText(name_rect, Qt.AlignmentFlag.AlignVCenter, name_text)
        handle = item.author.handle if item.author.name else ""
        if handle and room - name_width > SPACE.l:
            painter.setFont(base)
            painter.setPen(muted)
            handle_rect = QRect(
                left + name_width + SPACE.xs,
                rect.top(),
                room - name_width - SPACE.xs,
                line_height,
            )
            painter.drawText(
                handle_rect,
                Qt.AlignmentFlag.AlignVCenter,
                QFontMetrics(base).elidedText(
                    handle, Qt.TextElideMode.ElideRight, handle_rect.width()
                ),
            )
        # Line 2: what kind, on which post of ours, and our answer's state.
        parts = [kind_text(item.kind)]
        post = str(index.data(PostTextRole) or "")
        if post:
            parts.append(self.tr("on “%1”").replace("%1", one_line(post)))
        if item.reply_state:
            parts.insert(1, reply_state_text(item.reply_state))
        if item.done:
            parts.insert(1, self.tr("Done"))
        if item.label:
            parts.insert(1, f"#{item.label}")
        if item.hidden_at is not None:
            parts.insert(1, self.tr("Hidden"))
        if item.liked_at is not None:
            parts.insert(1, "♥ " + self.tr("Liked"))
        if item.problem:
            parts.insert(1, "⚠ " + entry_problem_short(item.problem))
        painter.setFont(base)
        painter.setPen(muted)
        second = QRect(rect.left(), rect.top() + line_height, rect.width(), line_height)
        painter.drawText(
            second,
            Qt.AlignmentFlag.AlignVCenter,
            QFontMetrics(base).elidedText(
                " · ".join(parts), Qt.TextElideMode.ElideRight, rect.width()
            ),
        )
        # Line 3: what they wrote.
        painter.setPen(text_colour)
        third = QRect(rect.left(), rect.top() + 2 * line_height, rect.width(), line_height)
        painter.drawText(
            third,
            Qt.AlignmentFlag.AlignVCenter,
            QFontMetrics(base).elidedText(
                one_line(item.text), Qt.TextElideMode.ElideRight, rect.width()
            ),
        )
        painter.restore()

    @staticmethod
    def _mark_selected(painter: QPainter, rect: QRect, fill: str, edge: str) -> None:
        """The chosen row: the theme's selection colour whether or not the list has the
        focus (the style's inactive highlight was a faint grey beside the conversation),
        and a bar down its left edge in the text colour (dark on light, light on dark), so it
        stands out from the list and never rests on colour alone."""
        painter.save()
        painter.fillRect(rect, QColor(fill))
        bar = QRect(rect.left(), rect.top(), SELECTED_BAR, rect.height())
        painter.fillRect(bar, QColor(edge))
        painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem, index: _Index) -> QSize:
        height = QFontMetrics(option.font).height() * LINES + PAD
        return QSize(200, height)
