"""How a row of the Drafts list is drawn: the first words in bold, the networks in a quieter
colour, and the problems line in red (errors) or amber (warnings), each wrapped to fit."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QListView,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
)

from somestudio.ui.drafts.drafts_model import LinesRole, SeverityRole
from somestudio.ui.theme.tokens import colours

_Index = QModelIndex | QPersistentModelIndex
PAD = 6
FLAGS = int(Qt.AlignmentFlag.AlignLeft) | int(Qt.TextFlag.TextWordWrap)


class DraftsDelegate(QStyledItemDelegate):
    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: _Index) -> None:
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        opt.text = ""
        widget = opt.widget
        style = widget.style() if widget is not None else QApplication.style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, widget)
        selected = bool(opt.state & QStyle.StateFlag.State_Selected)
        palette: QPalette = opt.palette
        text_colour = palette.color(
            QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        )
        painter.save()
        rect = opt.rect.adjusted(PAD, PAD // 2, -PAD, -PAD // 2)
        for text, font, colour in self._lines(opt, index, text_colour, selected):
            painter.setFont(font)
            painter.setPen(colour)
            used = QFontMetrics(font).boundingRect(rect, FLAGS, text)
            painter.drawText(rect, FLAGS, text)
            rect.setTop(rect.top() + used.height())
        painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem, index: _Index) -> QSize:
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        widget = opt.widget
        view = widget if isinstance(widget, QAbstractItemView) else None
        spacing = view.spacing() if isinstance(view, QListView) else 0
        width = (view.viewport().width() if view is not None else opt.rect.width()) - 2 * spacing
        rect = QRect(0, 0, max(80, width - 2 * PAD - 4), 10_000)
        height = PAD
        for text, font, _colour in self._lines(opt, index, QColor(), False):
            height += QFontMetrics(font).boundingRect(rect, FLAGS, text).height()
        return QSize(width, height)

    @staticmethod
    def _lines(
        opt: QStyleOptionViewItem, index: _Index, text_colour: QColor, selected: bool
    ) -> list[tuple[str, QFont, QColor]]:
        lines = index.data(LinesRole)
        if not isinstance(lines, tuple):
            return []
        title, accounts, problems = lines
        base = QFont(opt.font)
        bold = QFont(base)
        bold.setBold(True)
        quiet = QColor(text_colour)
        if not selected:
            quiet.setAlphaF(0.7)
        severity = str(index.data(SeverityRole) or "")
        problem_colour = QColor(text_colour)
        if severity in ("error", "warning") and not selected:
            scheme = colours(opt.palette)  # read when painting: the scheme can change
            problem_colour = QColor(scheme.danger if severity == "error" else scheme.warning)
        return [
            (title, bold, text_colour),
            (accounts, base, quiet),
            (problems, base, problem_colour),
        ]
