"""Table models of the metrics view (tested without widgets)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from zoneinfo import ZoneInfo

from PySide6.QtCore import (
    QAbstractTableModel,
    QDate,
    QDateTime,
    QLocale,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    QTime,
)

from somestudio.domain.dashboard import PostRow, TotalsWithChange
from somestudio.domain.metrics import change
from somestudio.ui.network_names import network_name
from somestudio.ui.theme import network_icon

_Index = QModelIndex | QPersistentModelIndex
POST_ID_ROLE = Qt.ItemDataRole.UserRole
DELIVERY_ID_ROLE = Qt.ItemDataRole.UserRole + 1
SORT_ROLE = Qt.ItemDataRole.UserRole + 2
# The PostCounts field of the totals' columns 2-5 (likes, reposts, replies, views).
_FIGURES = ("likes", "reposts", "replies", "views")
_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)


def format_change(ratio: float | None, locale: QLocale) -> str:
    if ratio is None:
        return "–"
    sign = "+" if ratio > 0 else ("−" if ratio < 0 else "±")
    return f"{sign}{locale.toString(abs(ratio) * 100, 'f', 0)} %"


class TotalsModel(QAbstractTableModel):
    """Channels' totals for the period, with the change in engagements from the previous."""

    def __init__(self) -> None:
        super().__init__()
        self._rows: list[TotalsWithChange] = []
        self._locale = QLocale()
        self._headers = [
            self.tr("Channel"),
            self.tr("Posts"),
            self.tr("Likes"),
            self.tr("Reposts"),
            self.tr("Replies"),
            self.tr("Views"),
            self.tr("Engagements"),
            self.tr("Change"),
        ]

    def set_rows(self, rows: list[TotalsWithChange]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._headers)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        row = self._rows[index.row()]
        current, column = row.current, index.column()
        if role == Qt.ItemDataRole.TextAlignmentRole and column > 0:
            return _RIGHT
        if role == Qt.ItemDataRole.ToolTipRole and column == 7:
            return self._change_tip(row)
        if role == Qt.ItemDataRole.DecorationRole and column == 0:
            return network_icon(current.network)
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if column == 0:
            return network_name(current.network)
        offered = current.offers_engagements
        if column == 7:
            if not offered:
                return self._missing(current.network_offers_engagements)
            base = row.previous.engagements if row.previous else None
            return format_change(change(current.engagements, base), self._locale)
        values = (
            current.posts,
            current.likes,
            current.reposts,
            current.replies,
            current.views,
            current.engagements if offered else None,
        )
        value = values[column - 1]
        if value is not None:
            return self._locale.toString(value)
        if column == 6:
            return self._missing(current.network_offers_engagements)
        return self._missing(current.network_offers(_FIGURES[column - 2]))

    def _change_tip(self, row: TotalsWithChange) -> str | None:
        """What the change is measured against; nothing is said of a previous period whose
        posts had none of the figures, or that had no posts on the channel (not "0")."""
        if not row.current.offers_engagements:
            return None
        previous = row.previous
        if previous is None or previous.posts == 0:
            return self.tr("No posts on this channel in the previous period to compare with")
        if not previous.offers_engagements:
            return self.tr("The previous period's posts have no numbers to compare with")
        return self.tr("Engagements in the previous period: %1").replace(
            "%1", self._locale.toString(previous.engagements)
        )

    def _missing(self, network_offers: bool) -> str:
        """A figure no post of the period reports: "not offered" only where the network's
        API has no such figure; where it has, the period's posts have no numbers yet (posted
        by hand, or not fetched yet)."""
        return self.tr("no numbers yet") if network_offers else self.tr("not offered")

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self._headers[section]
        return None


def local_text(moment: datetime, locale: QLocale) -> str:
    """A local date and time in the user's locale's short format."""
    value = QDateTime(
        QDate(moment.year, moment.month, moment.day), QTime(moment.hour, moment.minute)
    )
    return locale.toString(value, QLocale.FormatType.ShortFormat)


def _snippet(text: str, limit: int = 90) -> str:
    line = " ".join(text.split())
    return line if len(line) <= limit else line[: limit - 1] + "…"


class TopPostsModel(QAbstractTableModel):
    """Published posts with their newest numbers; sortable by any column."""

    COLUMNS = 9

    def __init__(self, zone: ZoneInfo) -> None:
        super().__init__()
        self._zone = zone
        self._rows: list[PostRow] = []
        self._locale = QLocale()
        self._headers = [
            self.tr("Published"),
            self.tr("Account"),
            self.tr("Post"),
            self.tr("Likes"),
            self.tr("Reposts"),
            self.tr("Replies"),
            self.tr("Views"),
            self.tr("Engagements"),
            self.tr("Rate"),
        ]
        self._sort: tuple[int, Qt.SortOrder] = (7, Qt.SortOrder.DescendingOrder)

    def set_rows(self, rows: list[PostRow]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self._apply_sort()
        self.endResetModel()

    def row_at(self, row: int) -> PostRow | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self.COLUMNS

    @staticmethod
    def _rate(post: PostRow) -> float | None:
        views = post.counts.views
        known = post.counts.engagements_known
        return known / views if views and known is not None else None

    def _key(self, column: int) -> Callable[[PostRow], object]:
        keys: list[Callable[[PostRow], object]] = [
            lambda p: p.published_at,
            lambda p: p.account_label.lower(),
            lambda p: p.text.lower(),
            lambda p: p.counts.likes if p.counts.likes is not None else -1,
            lambda p: p.counts.reposts if p.counts.reposts is not None else -1,
            lambda p: p.counts.replies if p.counts.replies is not None else -1,
            lambda p: p.counts.views if p.counts.views is not None else -1,
            lambda p: e if (e := p.counts.engagements_known) is not None else -1,
            lambda p: r if (r := self._rate(p)) is not None else -1.0,
        ]
        return keys[column]

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        self.layoutAboutToBeChanged.emit()
        self._sort = (column, order)
        self._apply_sort()
        self.layoutChanged.emit()

    def _apply_sort(self) -> None:
        column, order = self._sort
        key = self._key(column)
        self._rows.sort(
            key=lambda p: (key(p), p.delivery_id),
            reverse=order == Qt.SortOrder.DescendingOrder,
        )

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        post = self._rows[index.row()]
        column = index.column()
        if role == POST_ID_ROLE:
            return post.post_id
        if role == DELIVERY_ID_ROLE:
            return post.delivery_id
        if role == SORT_ROLE:
            return self._key(column)(post)
        if role == Qt.ItemDataRole.TextAlignmentRole and column >= 3:
            return _RIGHT
        if role == Qt.ItemDataRole.ToolTipRole and column in (1, 2):
            return post.text if column == 2 else self._display(post, 1)  # what a cell cuts
        if role == Qt.ItemDataRole.DecorationRole:
            return network_icon(post.network) if column == 1 else None
        return self._display(post, column) if role == Qt.ItemDataRole.DisplayRole else None

    def _display(self, post: PostRow, column: int) -> str:
        if column == 0:
            local: datetime = post.published_at.astimezone(self._zone)
            return local_text(local, self._locale)
        if column == 1:
            return f"{network_name(post.network)} · {post.account_label}"
        if column == 2:
            return _snippet(post.text)
        if column == 7:  # unknown (no numbers yet) is "–", as the other figures: not 0
            known = post.counts.engagements_known
            return "–" if known is None else self._locale.toString(known)
        if column == 8:
            rate = self._rate(post)
            return "–" if rate is None else self._locale.toString(rate * 100, "f", 1) + " %"
        value = (post.counts.likes, post.counts.reposts, post.counts.replies, post.counts.views)[
            column - 3
        ]
        return "–" if value is None else self._locale.toString(value)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self._headers[section]
        return None
