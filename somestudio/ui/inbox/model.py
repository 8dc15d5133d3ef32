"""The inbox list as a Qt model: one page of rows at a time, more as the view scrolls.

Only the rows shown are ever painted (``QListView`` with uniform sizes), and only the pages
scrolled to are ever read (``canFetchMore``/``fetchMore`` ask the next page by its
``before`` key), so 10,000 entries cost what a screenful costs. A new filter or search is
read on a worker (``run``, the page's ``Tasks.run``) and swapped in when it is there; a
newer one asked meanwhile wins, so typing never waits for the database.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import datetime
from typing import Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, Qt

from somestudio.domain.inbox.items import InboxItem
from somestudio.domain.inbox.queries import InboxQuery
from somestudio.domain.utc import utc_text

Read = Callable[[], tuple[list[InboxItem], dict[int, str]]]
Run = Callable[[Read, Callable[[Any], None]], None]

ItemRole = Qt.ItemDataRole.UserRole + 1
PostTextRole = Qt.ItemDataRole.UserRole + 2
PAGE = 60  # rows read at a time: a tall screenful and more (a filter reads one page)

Index = QModelIndex | QPersistentModelIndex


class InboxModel(QAbstractListModel):
    def __init__(
        self,
        find: Callable[[InboxQuery], list[InboxItem]],
        post_texts: Callable[[list[int]], dict[int, str]],
        describe: Callable[[InboxItem, str], str],
        run: Run | None = None,
    ) -> None:
        super().__init__()
        self._run: Run = run or (lambda read, done: done(read()))
        self._find = find
        self._post_texts = post_texts
        self._describe = describe  # the row as a screen reader says it
        self._rows: list[InboxItem] = []
        self._posts: dict[int, str] = {}
        self._query = InboxQuery(limit=PAGE)
        self._more = False
        self._asked = 0  # loads asked for; only the last one's rows are shown
        self._shown = 0
        self._pending: tuple[InboxQuery, Callable[[], None] | None] | None = None

    # -- loading
    def load(self, query: InboxQuery, then: Callable[[], None] | None = None) -> None:
        """The first page for ``query`` (its limit is the page size), read by ``run``;
        ``then`` is called once it is shown (not when a newer load overtook it)."""
        wanted = replace(query, limit=PAGE, before=None)
        self._pending = (query, then)
        self._asked += 1
        asked = self._asked
        find, post_texts = self._find, self._post_texts

        def read() -> tuple[list[InboxItem], dict[int, str]]:  # on a worker
            rows = find(wanted)
            ours = sorted({r.delivery_id for r in rows if r.delivery_id is not None})
            return rows, (post_texts(ours) if ours else {})

        def done(result: tuple[list[InboxItem], dict[int, str]]) -> None:
            if asked != self._asked:
                return  # a newer filter or search was asked meanwhile
            self._show(wanted, *result)
            if then is not None:
                then()

        self._run(read, done)

    @property
    def loading(self) -> bool:
        return self._asked != self._shown

    def _show(self, query: InboxQuery, rows: list[InboxItem], posts: dict[int, str]) -> None:
        self._shown = self._asked
        self.beginResetModel()
        self._query = query
        self._rows = rows
        self._posts = posts
        self._more = len(rows) == PAGE
        self.endResetModel()

    @property
    def query(self) -> InboxQuery:
        return self._query

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and self._more

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: B008
        if parent.isValid() or not self._rows:
            return
        last = self._rows[-1]
        rows = self._find(replace(self._query, before=(utc_text(last.created_at), last.id)))
        self._more = len(rows) == PAGE
        if not rows:
            return
        self._remember_posts(rows)
        start = len(self._rows)
        self.beginInsertRows(QModelIndex(), start, start + len(rows) - 1)
        self._rows.extend(rows)
        self.endInsertRows()

    def _remember_posts(self, rows: list[InboxItem]) -> None:
        wanted = [r.delivery_id for r in rows if r.delivery_id is not None]
        wanted = [d for d in wanted if d not in self._posts]
        if wanted:
            self._posts.update(self._post_texts(wanted))

    # -- changing one row in place (marking read, done, a label, an answer)
    def refresh_item(self, item: InboxItem) -> None:
        if self.loading and self._pending is not None:
            # The page being read may have been read before this change: read it again.
            self.load(*self._pending)
        for row, current in enumerate(self._rows):
            if current.id == item.id:
                self._rows[row] = item
                index = self.index(row)
                self.dataChanged.emit(index, index)
                return

    def drop_row(self, row: int) -> None:
        """Take a row out (marked done in the open list): the list shows what is left."""
        if 0 <= row < len(self._rows):
            self.beginRemoveRows(QModelIndex(), row, row)
            del self._rows[row]
            self.endRemoveRows()

    # -- Qt
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def item_at(self, row: int) -> InboxItem | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def row_of(self, item_id: int) -> int:
        for row, item in enumerate(self._rows):
            if item.id == item_id:
                return row
        return -1

    def post_text(self, item: InboxItem) -> str:
        return self._posts.get(item.delivery_id, "") if item.delivery_id is not None else ""

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        item = self.item_at(index.row()) if index.isValid() else None
        if item is None:
            return None
        if role == ItemRole:
            return item
        if role == PostTextRole:
            return self.post_text(item)
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return self._describe(item, self.post_text(item))
        return None

    def newest(self) -> datetime | None:
        return self._rows[0].created_at if self._rows else None
