"""Paints a day cell: the day number, then one chip per post (network marks, first words,
time, state, thumbnail), and "+N more" when they do not fit."""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable
from datetime import date
from zoneinfo import ZoneInfo

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QSize, Qt
from PySide6.QtGui import QFont, QFontMetrics, QPainter, QPalette, QPixmap
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem, QWidget

from somestudio.ui.calendar.chips import PADDING, ChipPainter, cell_chips
from somestudio.ui.calendar.month_model import CellRole, DayCell
from somestudio.ui.calendar.post_chips import PostChip
from somestudio.ui.calendar.thumbnails import Thumbnails
from somestudio.ui.theme import SPACE, colours

KEPT_CELLS = 42 * 4  # four months of day cells (~100 kB each): one shown, two drawn ahead


class ChipDelegate(QStyledItemDelegate):
    def __init__(
        self,
        zone: ZoneInfo,
        parent: QWidget | None = None,
        thumbnails: Thumbnails | None = None,
    ) -> None:
        super().__init__(parent)
        self._zone = zone
        self._chip_painter: ChipPainter | None = None
        self._chip_key: tuple[str, bool] = ("", False)
        self.thumbnails = thumbnails
        self.image_of: Callable[[PostChip], str | None] | None = None  # set by the page
        # Cells drawn earlier, as pixmaps: going back to a month (or scrolling) redraws them.
        self._cells: OrderedDict[tuple[object, ...], QPixmap] = OrderedDict()
        self._palette_key = -1
        # A cell found again by what it is, its size and look, without laying its chips out
        # (to see which thumbnails it shows); a thumbnail that arrives starts this anew.
        self._found: dict[tuple[object, ...], tuple[object, ...]] = {}
        self._thumbs_seen = 0
        if thumbnails is not None:
            thumbnails.ready.connect(self._thumbnail_arrived)
        # What the last paint drew with: cells drawn ahead are drawn the same way.
        self.last_drawn_with: tuple[QFont, QPalette, float] | None = None

    def chips(self, font: QFont, palette: QPalette) -> ChipPainter:
        """The chip painter for this font and palette (made anew when either changed)."""
        found = self._chip_painter
        same_palette = palette.cacheKey() == self._palette_key
        if found is not None and same_palette and font.key() == self._chip_key[0]:
            return found
        scheme = colours(palette)
        key = (font.key(), scheme.dark)
        if found is None or self._chip_key != key:
            found = self._chip_painter = ChipPainter(font, self._zone, scheme)
            self._chip_key = key
        self._palette_key = palette.cacheKey()
        return found

    def _thumbnail_arrived(self) -> None:
        self._thumbs_seen += 1
        self._found.clear()

    def forget_drawn(self) -> None:
        """Drop the cells and chips drawn and laid out earlier (for measuring a first
        paint); what holds for any month (text widths, time formats) is kept."""
        self._cells.clear()
        self._found.clear()
        if self._chip_painter is not None:
            self._chip_painter.forget_drawn()

    def day_line(self, font: QFont) -> int:
        """Where the chips start in a cell: below the day number."""
        return QFontMetrics(font).height() + SPACE.xs

    def chip_height(self, font: QFont, palette: QPalette, cell_width: int) -> int:
        """The least height of a chip (rows are sized by it): two lines, words above the
        time, whatever the cell's width."""
        del cell_width
        return self.chips(font, palette).geometry.two_lines

    def cell_chips(
        self, font: QFont, palette: QPalette, cell: QRect, count: int
    ) -> tuple[list[QRect], QRect | None]:
        """Where a cell's chips go (and its "+N more" line): as tall as the cell allows."""
        geometry = self.chips(font, palette).geometry
        return cell_chips(cell, count, self.day_line(font), geometry)

    def more_text(self, font: QFont, palette: QPalette, hidden: int, width: int) -> str:
        """ "+N more" when it fits in ``width`` px, else "+N" (never cut)."""
        chips = self.chips(font, palette)
        full = self.more_words(hidden)
        return full if chips.width(full) <= width else f"+{hidden}"

    def more_words(self, hidden: int) -> str:
        return self.tr("+%n more", "", hidden)

    def sizeHint(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        del index
        line = QFontMetrics(option.font).height()
        return QSize(120, line * 5)

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        cell = index.data(CellRole)
        if not isinstance(cell, DayCell):
            super().paint(painter, option, index)
            return
        device = painter.device()
        ratio = device.devicePixelRatioF() if device is not None else 1.0
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        self.paint_day(
            painter, option.rect, cell, selected=selected, look=(option.font, option.palette, ratio)
        )

    def paint_day(
        self,
        painter: QPainter,
        rect: QRect,
        cell: DayCell,
        *,
        selected: bool,
        look: tuple[QFont, QPalette, float],
    ) -> None:
        """A day cell at ``rect``: its picture, and the chosen day's outline on top (so the
        chips keep their colours on the chosen day, and one picture serves it either way);
        ``look`` is the font, palette and device pixel ratio."""
        font, palette, ratio = look
        last = self.last_drawn_with
        if (
            last is None
            or last[2] != ratio
            or last[1].cacheKey() != palette.cacheKey()
            or last[0] != font
        ):
            self.last_drawn_with = (QFont(font), QPalette(palette), ratio)
        painter.drawPixmap(rect.topLeft(), self.picture(cell, rect.size(), font, palette, ratio))
        if selected:
            painter.save()
            pen = painter.pen()
            pen.setColor(palette.color(QPalette.ColorRole.Highlight))
            pen.setWidth(2)
            painter.setPen(pen)
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRect(rect.adjusted(1, 1, -1, -1))
            painter.restore()

    def has_picture(
        self, cell: DayCell, size: QSize, font: QFont, palette: QPalette, ratio: float
    ) -> bool:
        """Whether ``picture`` would hand back a picture kept from before (no drawing)."""
        self.chips(font, palette)  # the chips' key, as picture() reads it
        key = self._found.get((cell, size.width(), size.height(), ratio, self._chip_key))
        return key is not None and key in self._cells

    def paint_blank(
        self, painter: QPainter, rect: QRect, cell: DayCell, look: tuple[QFont, QPalette, float]
    ) -> None:
        """The day cell without its chips yet: its ground, border and day number, as the
        full picture has them (the chips follow a frame later)."""
        font, palette, _ratio = look
        painter.save()
        painter.translate(rect.topLeft())
        self._paint_ground(painter, font, palette, cell, QRect(0, 0, rect.width(), rect.height()))
        painter.restore()

    def picture(
        self, cell: DayCell, size: QSize, font: QFont, palette: QPalette, ratio: float
    ) -> QPixmap:
        """The cell drawn at ``size``: from the pictures kept if drawn before (a month
        shown again, or drawn ahead while it was read ahead)."""
        chips = self.chips(font, palette)
        quick = (cell, size.width(), size.height(), ratio, self._chip_key)
        key = self._found.get(quick)
        drawn = None if key is None else self._cells.get(key)
        if drawn is not None and key is not None:
            self._cells.move_to_end(key)
            return drawn
        area = QRect(0, 0, size.width(), size.height())
        laid = cell_chips(area, cell.count, self.day_line(font), chips.geometry)
        thumbs = tuple(
            self._thumbnail(c, r, chips) for c, r in zip(cell.chips, laid[0], strict=False)
        )
        key = (
            cell,  # the same load of the month: the same chips and count
            tuple(t is not None for t in thumbs),
            size.width(),
            size.height(),
            ratio,
            self._chip_key,
        )
        if len(self._found) > 4 * KEPT_CELLS:
            self._found.clear()
        self._found[quick] = key
        drawn = self._cells.get(key)
        if drawn is not None:
            self._cells.move_to_end(key)
            return drawn
        drawn = QPixmap(round(size.width() * ratio), round(size.height() * ratio))
        drawn.setDevicePixelRatio(ratio)
        into = QPainter(drawn)
        self._paint_cell(into, font, palette, cell, rect=area, laid=laid, thumbs=thumbs)
        into.end()
        self._cells[key] = drawn
        while len(self._cells) > KEPT_CELLS:
            self._cells.popitem(last=False)
        return drawn

    def _paint_ground(
        self, painter: QPainter, font: QFont, palette: QPalette, cell: DayCell, rect: QRect
    ) -> None:
        base = palette.color(QPalette.ColorRole.Base)
        if not cell.in_month:
            base = palette.color(QPalette.ColorRole.AlternateBase)
        painter.fillRect(rect, base)
        painter.setPen(palette.color(QPalette.ColorRole.Mid))
        painter.drawRect(rect.adjusted(0, 0, -1, -1))
        self._paint_day_number(
            painter,
            font,
            palette,
            rect=rect,
            day=cell.day,
            today=cell.today,
            in_month=cell.in_month,
        )

    def _paint_cell(
        self,
        painter: QPainter,
        font: QFont,
        palette: QPalette,
        cell: DayCell,
        *,
        rect: QRect,
        laid: tuple[list[QRect], QRect | None],
        thumbs: tuple[QPixmap | None, ...],
    ) -> None:
        painter.save()
        self._paint_ground(painter, font, palette, cell, rect)
        chips = self.chips(font, palette)
        rects, more_rect = laid
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        for chip_rect, chip, thumb in zip(rects, cell.chips, thumbs, strict=False):
            chips.draw(painter, chip_rect, chip, thumb)
        if more_rect is not None:
            painter.setFont(chips.font)
            painter.setPen(palette.color(QPalette.ColorRole.Text))
            hidden = cell.count - len(rects)
            painter.drawText(
                more_rect,
                Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft,
                self.more_text(font, palette, hidden, more_rect.width()),
            )
        painter.restore()

    def _thumbnail(self, chip: PostChip, rect: QRect, chips: ChipPainter) -> QPixmap | None:
        if self.thumbnails is None or self.image_of is None or not chip.media_count:
            return None
        path = self.image_of(chip)
        if not path:
            return None
        inner = chips.inner(rect)
        if inner.width() < 8 * chips.geometry.line:
            return None  # no room for one: not asked for
        two = rect.height() >= chips.geometry.two_lines
        side = min(inner.height(), 2 * chips.geometry.line) if two else inner.height()
        return self.thumbnails.get(path, max(8, side))

    def _paint_day_number(
        self,
        painter: QPainter,
        base_font: QFont,
        palette: QPalette,
        *,
        rect: QRect,
        day: date,
        today: bool,
        in_month: bool,
    ) -> None:
        font = QFont(base_font)
        font.setBold(today)
        painter.setFont(font)
        role = QPalette.ColorRole.Text if in_month else QPalette.ColorRole.PlaceholderText
        text = str(day.day)
        line_rect = QRect(
            rect.left() + PADDING,
            rect.top() + 2,
            rect.width() - 2 * PADDING,
            QFontMetrics(font).height(),
        )
        if today:
            width = QFontMetrics(font).horizontalAdvance(text) + 10
            badge = QRect(line_rect.right() - width + 1, line_rect.top(), width, line_rect.height())
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            painter.setBrush(palette.color(QPalette.ColorRole.Highlight))
            painter.setPen(Qt.PenStyle.NoPen)
            painter.drawRoundedRect(badge, 6, 6)
            painter.setPen(palette.color(QPalette.ColorRole.HighlightedText))
            painter.drawText(badge, Qt.AlignmentFlag.AlignCenter, text)
        else:
            painter.setPen(palette.color(role))
            painter.drawText(
                line_rect, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, text
            )
        font.setBold(False)
        painter.setFont(font)
