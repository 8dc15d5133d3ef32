"""The composer's right column (accounts, counters, channel tabs) is never given less height
than its parts need at its width: a ``QSplitter`` goes by minimum size hints, which leave out
heights that grow as the column narrows (the counter chips' rows, notes that wrap), and the
column's layout, short of room, laid the chips over the last accounts of "Post to", which
then took no clicks (a check on the real program: the Drafts panel open beside the page, in
Finnish). With this floor the splitter takes the room from the previews below instead."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QWidget


class ColumnFloor(QObject):
    """Keeps ``column``'s minimum height at its parts' least heights for its width, a part
    whose height grows as it narrows counted at that height (as Qt's box layout lays it
    out: it takes such a height as the part's least). Unlike the layout's
    ``totalHeightForWidth``, the other parts count at their least, not their preferred."""

    def __init__(self, column: QWidget) -> None:
        super().__init__(column)
        self._column = column
        column.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._column and event.type() in (
            QEvent.Type.Resize,
            QEvent.Type.LayoutRequest,
        ):
            self.fit()
        return False

    def fit(self) -> None:
        layout = self._column.layout()
        if layout is None:
            return
        width = self._column.width()
        margins = layout.contentsMargins()
        needed, shown = margins.top() + margins.bottom(), 0
        for index in range(layout.count()):
            item = layout.itemAt(index)
            widget = item.widget() if item is not None else None
            if item is None or widget is None or widget.isHidden():
                continue
            shown += 1
            if item.hasHeightForWidth():
                needed += max(item.heightForWidth(width), item.minimumSize().height())
            else:
                needed += item.minimumSize().height()
        needed += max(0, shown - 1) * layout.spacing()
        if needed != self._column.minimumHeight():
            self._column.setMinimumHeight(needed)
