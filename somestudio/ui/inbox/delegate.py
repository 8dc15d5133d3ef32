"""How one inbox entry is painted: who (mark, name, handle), when, what (kind, text) and on
which of our posts. Every row has the same height, so the view lays out nothing it does not
show; each row's texts are elided and shaped once (``_Row``) and only drawn after that."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from PySide6.QtCore import (
    QLocale,
    QModelIndex,
    QPersistentModelIndex,
    QPointF,
    QRect,
    QSize,
    Qt,
)
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetrics,
    QPainter,
    QPalette,
    QStaticText,
    QTransform,
)
from PySide6.QtWidgets import QApplication, QStyle, QStyledItemDelegate, QStyleOptionViewItem

from somestudio.domain.inbox.items import InboxItem
from somestudio.ui.inbox.model import InboxModel, ItemRole, PostTextRole
from somestudio.ui.inbox.texts import (
    entry_problem_short,
    kind_text,
    reply_state_text,
    wordless_text,
)
from somestudio.ui.qtdates import short_date_time
from somestudio.ui.theme import SPACE, colours, network_mark

_Index = QModelIndex | QPersistentModelIndex
PAD = SPACE.s
LINES = 3
SELECTED_BAR = 4  # px: the chosen row's edge
DRAWN_STATES = (
    QStyle.StateFlag.State_Selected
    | QStyle.StateFlag.State_HasFocus
    | QStyle.StateFlag.State_MouseOver
)
KEPT_ROWS = 2000  # laid-out rows kept (a few pages scrolled through); then laid out again


def when_text(moment: datetime, zone: ZoneInfo) -> str:
    """The entry's time on the user's clock, in the user's language."""
    return short_date_time(QLocale(), moment.astimezone(zone).replace(tzinfo=None))


def one_line(text: str) -> str:
    return " ".join(text.split())


class InboxDelegate(QStyledItemDelegate):
    def __init__(self, zone: ZoneInfo, parent: object = None) -> None:
        super().__init__(parent)  # type: ignore[arg-type]
        self.zone = zone
        self._rows: dict[tuple[InboxItem, str, int, str], _Row] = {}

    def forget_layouts(self) -> None:
        """Lay every row out again at its next paint (the language or the fonts changed)."""
        self._rows.clear()

    def _row(self, item: InboxItem, post: str, width: int, font: QFont) -> _Row:
        # The entry itself is the key (a changed one, read or done, is another value).
        key = (item, post, width, font.key())
        row = self._rows.get(key)
        if row is None:
            if len(self._rows) >= KEPT_ROWS:
                self._rows.clear()
            bold = QFont(font)
            bold.setBold(True)
            row = self._rows[key] = _Row(
                item, post, width=width, base=font, bold=bold, zone=self.zone, delegate=self
            )
        return row

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: _Index) -> None:
        model = index.model()
        if isinstance(model, InboxModel):  # straight to the rows: no round trip through data()
            item = model.item_at(index.row())
            post = model.post_text(item) if item is not None else ""
        else:
            item, post = index.data(ItemRole), str(index.data(PostTextRole) or "")
        if not isinstance(item, InboxItem):
            return
        state = option.state
        if state & DRAWN_STATES:  # the style's selection, hover and focus; else it draws nothing
            # No initStyleOption: it asks the model for every role, the row's spoken
            # description among them, and the text it puts in is not drawn (ours below is).
            opt = QStyleOptionViewItem(option)
            opt.text = ""
            widget = opt.widget
            style = widget.style() if widget is not None else QApplication.style()
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, widget)
        selected = bool(state & QStyle.StateFlag.State_Selected)
        palette: QPalette = option.palette
        scheme = colours(palette)
        if selected:
            self._mark_selected(painter, option.rect, scheme.selection, scheme.text)
        text_colour = palette.color(
            QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        )
        muted = text_colour if selected else QColor(scheme.text_muted)
        rect = option.rect.adjusted(PAD + SELECTED_BAR, PAD // 2, -PAD, -PAD // 2)
        base = option.font
        row = self._row(item, post, rect.width(), base)
        line_height = row.line_height
        left, top = rect.left(), rect.top()
        painter.save()
        # Line 1: the network's mark, who (an unread entry: a dot, and the name in bold, not
        # colour alone), their handle; the time on the right.
        size = line_height - 2
        mark = network_mark(
            item.network,
            size,
            dark=scheme.dark,
            ratio=painter.device().devicePixelRatioF(),
            on=text_colour if selected else None,
        )
        painter.drawPixmap(left, top + 1, mark)
        if row.dot:
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QColor(scheme.accent) if not selected else text_colour)
            x = left + size + SPACE.xs
            painter.drawEllipse(x, top + (line_height - row.dot) // 2, row.dot, row.dot)
        painter.setFont(base)
        painter.setPen(muted)
        painter.drawStaticText(QPointF(left + row.when[0], top), row.when[1])
        if row.handle is not None:
            painter.drawStaticText(left + row.handle_x, top, row.handle)
        painter.drawStaticText(left, top + line_height, row.second)
        # Line 3: what they wrote (muted: what they did, when they wrote nothing).
        painter.setPen(muted if row.third_muted else text_colour)
        painter.drawStaticText(left, top + 2 * line_height, row.third)
        if row.name_bold:
            bold = QFont(base)
            bold.setBold(True)
            painter.setFont(bold)
        painter.drawStaticText(left + row.name[0], top, row.name[1])
        painter.restore()

    def second_line(self, item: InboxItem, post: str) -> str:
        """What kind, on which post of ours, our answer's state and the entry's marks."""
        parts = [kind_text(item.kind)]
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
            parts.insert(1, "⚠ " + entry_problem_short(item.problem, item.network))
        return " · ".join(parts)

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


class _Row:
    """One entry's texts, elided to one width and laid out once (``QStaticText`` keeps the
    shaped glyphs), so a repaint (scrolling back, a selection moving, a filter that shows
    the same entries) only draws."""

    __slots__ = (
        "dot",
        "handle",
        "handle_x",
        "line_height",
        "name",
        "name_bold",
        "second",
        "third",
        "third_muted",
        "when",
    )

    def __init__(
        self,
        item: InboxItem,
        post: str,
        *,
        width: int,
        base: QFont,
        bold: QFont,
        zone: ZoneInfo,
        delegate: InboxDelegate,
    ) -> None:
        metrics = QFontMetrics(base)
        line_height = self.line_height = metrics.height()
        size = line_height - 2
        left = size + SPACE.xs  # after the network's mark
        self.dot = max(6, line_height // 3) if item.unread else 0
        if self.dot:
            left += self.dot + SPACE.xs
        when = when_text(item.created_at, zone)
        when_width = metrics.horizontalAdvance(when)
        when_static = _static(when, base)  # right-aligned as drawText aligns: by its own width
        self.when = (width - when_static.size().width(), when_static)
        # Line 1: who (bold while unread: not colour alone), their handle, the time.
        self.name_bold = item.unread
        name_font = bold if item.unread else base
        name_metrics = QFontMetrics(name_font)
        room = width - left - when_width - SPACE.s
        name = item.author.name or item.author.handle
        name_text = name_metrics.elidedText(name, Qt.TextElideMode.ElideRight, max(0, room))
        name_width = min(name_metrics.horizontalAdvance(name_text), room)
        self.name = (left, _static(name_text, name_font))
        handle = item.author.handle if item.author.name else ""
        self.handle: QStaticText | None = None
        self.handle_x = left + name_width + SPACE.xs
        if handle and room - name_width > SPACE.l:
            handle_room = room - name_width - SPACE.xs
            elided = metrics.elidedText(handle, Qt.TextElideMode.ElideRight, handle_room)
            self.handle = _static(elided, base)
        # Line 2: what kind, on which post of ours, and our answer's state.
        second = metrics.elidedText(
            delegate.second_line(item, post), Qt.TextElideMode.ElideRight, width
        )
        self.second = _static(second, base)
        # Line 3: what they wrote; a like, a repost or a follow says what they did instead
        # (an empty line read as a row drawn wrong).
        said = one_line(item.text)
        self.third_muted = not said
        third = metrics.elidedText(
            said or wordless_text(item.kind), Qt.TextElideMode.ElideRight, width
        )
        self.third = _static(third, base)


def _static(text: str, font: QFont) -> QStaticText:
    static = QStaticText(text)
    static.setTextFormat(Qt.TextFormat.PlainText)
    static.setPerformanceHint(QStaticText.PerformanceHint.AggressiveCaching)
    static.prepare(QTransform(), font)
    return static
