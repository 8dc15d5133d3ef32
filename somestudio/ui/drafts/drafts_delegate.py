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

from somestudio.domain.networks import Network
from somestudio.ui.drafts.drafts_model import LinesRole, NetworksRole, SeverityRole
from somestudio.ui.theme import SPACE, colours, network_mark

_Index = QModelIndex | QPersistentModelIndex
PAD = 6
FLAGS = int(Qt.AlignmentFlag.AlignLeft) | int(Qt.TextFlag.TextWordWrap)


ACCOUNTS_LINE = 1  # the second line names the networks: their marks go before it


def _networks(index: _Index) -> list[Network]:
    networks = index.data(NetworksRole)
    return list(networks) if isinstance(networks, list) else []


def _mark_size(font: QFont) -> int:
    return min(16, QFontMetrics(font).height() - SPACE.xxs)


def _indent(font: QFont, networks: list[Network]) -> int:
    if not networks:
        return 0
    return len(networks) * (_mark_size(font) + SPACE.xxs) + SPACE.xs


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
        networks = _networks(index)
        dark = colours(palette).dark  # read when painting: the scheme can change
        for line, (text, font, colour) in enumerate(self._lines(opt, index, text_colour, selected)):
            painter.setFont(font)
            painter.setPen(colour)
            indent = _indent(font, networks) if line == ACCOUNTS_LINE else 0
            if indent:
                size = _mark_size(font)
                top = rect.top() + (QFontMetrics(font).height() - size) // 2
                for number, network in enumerate(networks):
                    left = rect.left() + number * (size + SPACE.xxs)
                    ratio = painter.device().devicePixelRatioF()
                    on = text_colour if selected else None
                    mark = network_mark(network, size, dark=dark, ratio=ratio, on=on)
                    painter.drawPixmap(left, top, mark)
            text_rect = rect.adjusted(indent, 0, 0, 0)
            used = QFontMetrics(font).boundingRect(text_rect, FLAGS, text)
            painter.drawText(text_rect, FLAGS, text)
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
        networks = _networks(index)
        for line, (text, font, _colour) in enumerate(self._lines(opt, index, QColor(), False)):
            indent = _indent(font, networks) if line == ACCOUNTS_LINE else 0
            used = QFontMetrics(font).boundingRect(rect.adjusted(indent, 0, 0, 0), FLAGS, text)
            height += used.height()
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
