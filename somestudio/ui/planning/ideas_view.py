"""The ideas board: cards with text, a link and an image, and no date. Drag a card onto the
calendar (month or week) to make it a draft post there."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date, datetime, time, timedelta
from urllib.parse import urlsplit

from PySide6.QtCore import (
    QMimeData,
    QModelIndex,
    QPersistentModelIndex,
    QPointF,
    QRect,
    QRectF,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import (
    QColor,
    QIcon,
    QImage,
    QImageReader,
    QPainter,
    QPen,
    QPixmap,
    QTextLayout,
    QTextLine,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QVBoxLayout,
    QWidget,
)

from somestudio.app.ideas import IdeaBoard, IdeaRow
from somestudio.ui.calendar.move_dialog import MoveDialog
from somestudio.ui.planning.idea_drops import MIME_IDEA, idea_mime
from somestudio.ui.qtdates import qdate
from somestudio.ui.tasks import Tasks
from somestudio.ui.theme import SPACE
from somestudio.ui.theme.tokens import colours

IdeaRole = Qt.ItemDataRole.UserRole + 7
CARD = QSize(220, 96)
THUMB = QSize(48, 48)


def read_ideas(board: IdeaBoard) -> list[tuple[IdeaRow, QImage | None]]:
    """The board's ideas with their images made small (on a worker: a ``QImage``, not a
    pixmap, may be made off the GUI thread)."""
    found: list[tuple[IdeaRow, QImage | None]] = []
    for idea in board.ideas():
        image = None
        if idea.image_path:
            reader = QImageReader(idea.image_path)
            reader.setScaledSize(THUMB)
            image = reader.read()
        found.append((idea, None if image is None or image.isNull() else image))
    return found


def link_host(link: str) -> str:
    """What a card shows of an idea's link: its site ("kunta.fi"), or the link itself."""
    host = urlsplit(link if "//" in link else f"//{link}").hostname or ""
    return host.removeprefix("www.") or link


class IdeaCardDelegate(QStyledItemDelegate):
    """An idea as a card: an edge, room inside it, the words (as many lines as fit, the last
    ending in "…" if more follow), the link's site under them and the image beside them.
    Drawn as plain text, the words touched the card's top and nothing showed where it ended
    or what it linked to (a new user's finding)."""

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        scheme = colours(option.palette)
        chosen = bool(option.state & QStyle.StateFlag.State_Selected)
        card = QRectF(option.rect).adjusted(1.5, 1.5, -1.5, -1.5)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        painter.setBrush(QColor(scheme.raised))
        edge = QColor(scheme.accent if chosen else scheme.border)
        painter.setPen(QPen(edge, 2.0 if chosen else 1.0))
        painter.drawRoundedRect(card, 6, 6)
        inner = card.adjusted(SPACE.s, SPACE.s, -SPACE.s, -SPACE.s)
        icon = index.data(Qt.ItemDataRole.DecorationRole)
        if isinstance(icon, QIcon) and not icon.isNull():
            icon.paint(
                painter, QRect(int(inner.left()), int(inner.top()), THUMB.width(), THUMB.height())
            )
            inner.setLeft(inner.left() + THUMB.width() + SPACE.s)
        idea = index.data(IdeaRole)
        host = link_host(idea.link) if isinstance(idea, IdeaRow) and idea.link else ""
        # all its words, as many as fit (the list's own text is the first line only)
        words = " ".join(idea.text.split()) if isinstance(idea, IdeaRow) else ""
        metrics = option.fontMetrics
        words_bottom = inner.bottom() - (metrics.lineSpacing() if host else 0)
        painter.setPen(QColor(scheme.text))
        painter.setFont(option.font)
        _draw_lines(painter, words or str(index.data() or ""), inner, words_bottom, option)
        if host:
            painter.setPen(QColor(scheme.text_muted))
            shown = metrics.elidedText(host, Qt.TextElideMode.ElideRight, int(inner.width()))
            painter.drawText(
                QRectF(inner.left(), words_bottom, inner.width(), metrics.lineSpacing()),
                int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
                shown,
            )
        if option.state & QStyle.StateFlag.State_HasFocus:
            painter.setPen(QPen(QColor(scheme.accent), 1.0, Qt.PenStyle.DashLine))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRoundedRect(card.adjusted(3, 3, -3, -3), 4, 4)
        painter.restore()

    def sizeHint(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        del option, index
        return CARD


def _draw_lines(
    painter: QPainter, text: str, box: QRectF, bottom: float, option: QStyleOptionViewItem
) -> None:
    """``text`` wrapped in ``box`` down to ``bottom``; a last line that leaves words out
    ends in "…"."""
    metrics = option.fontMetrics
    layout = QTextLayout(text, option.font)
    layout.beginLayout()
    lines: list[QTextLine] = []
    y = 0.0
    while True:
        line = layout.createLine()
        if not line.isValid():
            break
        line.setLineWidth(box.width())
        if box.top() + y + line.height() > bottom and lines:
            break
        line.setPosition(QPointF(0, y))
        y += line.height()
        lines.append(line)
    layout.endLayout()
    for number, line in enumerate(lines):
        last = number == len(lines) - 1
        rest = text[line.textStart() :]
        if last and line.textStart() + line.textLength() < len(text.rstrip()):
            shown = metrics.elidedText(rest, Qt.TextElideMode.ElideRight, int(box.width()))
            painter.drawText(QPointF(box.left(), box.top() + line.y() + line.ascent()), shown)
        else:
            line.draw(painter, box.topLeft())


class IdeaCards(QListWidget):
    """Cards that drag with the idea MIME type (copy: the board keeps the card until the
    drop makes a post)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("IdeaCards")
        self.setViewMode(QListWidget.ViewMode.IconMode)
        self.setResizeMode(QListWidget.ResizeMode.Adjust)
        self.setMovement(QListWidget.Movement.Static)
        self.setWordWrap(True)
        self.setSpacing(SPACE.s)
        self.setGridSize(CARD + QSize(12, 12))
        self.setIconSize(QSize(48, 48))
        self.setDragEnabled(True)
        self.setDragDropMode(QAbstractItemView.DragDropMode.DragOnly)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setItemDelegate(IdeaCardDelegate(self))

    def mimeTypes(self) -> list[str]:
        return [MIME_IDEA]

    def mimeData(self, items: Sequence[QListWidgetItem]) -> QMimeData:
        idea = items[0].data(IdeaRole) if items else None
        if not isinstance(idea, IdeaRow):
            return QMimeData()
        return idea_mime(idea.id, idea.text)

    def supportedDragActions(self) -> Qt.DropAction:
        return Qt.DropAction.CopyAction


class IdeasView(QWidget):
    changed = Signal()
    plan_requested = Signal(int, object)  # idea id, naive wall time: plan it there

    def __init__(
        self,
        board: IdeaBoard,
        parent: QWidget | None = None,
        *,
        tasks: Tasks | None = None,
        today: Callable[[], date] = date.today,
    ) -> None:
        """``tasks``: where the ideas are read (the Plan page's worker); without it, at once
        on this thread. ``today``: today in the plan's zone, by the window's clock (an idea
        put on a day is offered the next one)."""
        super().__init__(parent)
        self._board = board
        self._today = today
        self._tasks = tasks or Tasks(self, synchronous=True)
        self._generation = 0
        self.cards = IdeaCards()
        self.cards.setAccessibleName(self.tr("Ideas"))
        self._shown_id: int | None = None  # the idea in the form
        self.cards.currentItemChanged.connect(self._show_current)
        self.empty = QLabel(
            self.tr("No ideas yet. Write one below; drag a card onto the calendar to plan it.")
        )
        self.empty.setWordWrap(True)
        self.empty.hide()  # until the ideas are read: no "no ideas" before that is known
        self.text = QPlainTextEdit()
        self.text.setObjectName("IdeaText")
        self.text.setTabChangesFocus(True)  # Tab goes on to the next field (it typed a tab)
        self.text.setPlaceholderText(self.tr("What could you post about?"))
        self.text.setMaximumHeight(self.fontMetrics().lineSpacing() * 5)
        self.link = QLineEdit()
        self.link.setPlaceholderText(self.tr("https://… (optional)"))
        self.image = QLineEdit()
        self.image.setPlaceholderText(self.tr("an image file (optional)"))
        choose = QPushButton(self.tr("Choose…"))
        choose.clicked.connect(self._choose_image)
        image_row = QHBoxLayout()
        image_row.addWidget(self.image, 1)
        image_row.addWidget(choose)
        self.add_button = QPushButton(self.tr("Add idea"))
        self.add_button.clicked.connect(self.add_idea)
        self.save_button = QPushButton(self.tr("Save changes"))
        self.save_button.clicked.connect(self.save_idea)
        self.delete_button = QPushButton(self.tr("Delete idea"))
        self.delete_button.clicked.connect(self.delete_idea)
        # The keyboard's way to the calendar (the drag is the mouse's).
        self.plan_button = QPushButton(self.tr("Put on a day…"))
        self.plan_button.setObjectName("PlanIdea")
        self.plan_button.setToolTip(self.tr("Make the idea a draft on a day and time you choose"))
        self.plan_button.clicked.connect(self.ask_day)
        self.feedback = QLabel()
        self.feedback.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("Idea:"), self.text)
        form.addRow(self.tr("Link:"), self.link)
        form.addRow(self.tr("Image:"), image_row)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.delete_button)
        buttons.addWidget(self.plan_button)
        buttons.addStretch(1)
        hint = QLabel(
            self.tr("Drag a card onto a day of the calendar (or a time in the week view).")
        )
        hint.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(hint)
        layout.addWidget(self.cards, 1)
        layout.addWidget(self.empty)
        layout.addLayout(form)
        layout.addLayout(buttons)
        layout.addWidget(self.feedback)
        self.reload()

    def reload(self) -> None:
        """Read the ideas again on the worker; the cards change when they are back."""
        self._generation += 1
        generation = self._generation
        board = self._board
        self._tasks.run(lambda: read_ideas(board), lambda ideas: self._show(generation, ideas))

    def _show(self, generation: int, ideas: list[tuple[IdeaRow, QImage | None]]) -> None:
        if generation != self._generation:
            return  # a newer read is on its way
        current = self.current_idea()
        self.cards.clear()
        for idea, image in ideas:
            label = idea.text.strip().splitlines()[0] if idea.text.strip() else idea.link
            item = QListWidgetItem(label[:80] + ("…" if len(label) > 80 else ""))
            item.setData(IdeaRole, idea)
            item.setSizeHint(CARD)
            item.setToolTip("\n".join(p for p in (idea.text, idea.link, idea.image_path) if p))
            if idea.link:  # shown as its site on the card; heard whole
                item.setData(Qt.ItemDataRole.AccessibleDescriptionRole, idea.link)
            item.setTextAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
            if image is not None:
                item.setIcon(QIcon(QPixmap.fromImage(image)))
            self.cards.addItem(item)
            if current is not None and idea.id == current.id:
                self.cards.setCurrentItem(item)
        if current is not None and self.current_idea() is None and self._form_holds(current):
            # Gone from the board (planned on the calendar, deleted elsewhere): its words
            # left the form too (they stayed under "Idea added." beside "No ideas yet").
            # Words being changed in the form stay.
            for field in (self.text, self.link, self.image):
                field.clear()
            self.feedback.clear()
        self.empty.setVisible(self.cards.count() == 0)
        self._update_buttons()

    def _form_holds(self, idea: IdeaRow) -> bool:
        """Whether the form shows ``idea`` as it is kept (nothing changed in it)."""
        shown = (self.text.toPlainText(), self.link.text(), self.image.text())
        return shown == (idea.text, idea.link, idea.image_path)

    def current_idea(self) -> IdeaRow | None:
        item = self.cards.currentItem()
        idea = item.data(IdeaRole) if item is not None else None
        return idea if isinstance(idea, IdeaRow) else None

    def add_idea(self) -> None:
        try:
            self._board.add(self.text.toPlainText(), self.link.text(), self.image.text())
        except ValueError:
            self.feedback.setText(self.tr("Write the idea, or give a link or an image."))
            return
        self.text.clear()
        self.link.clear()
        self.image.clear()
        self.feedback.setText(self.tr("Idea added."))
        self.reload()
        self.changed.emit()

    def save_idea(self) -> None:
        idea = self.current_idea()
        if idea is None:
            return
        self._board.update(idea.id, self.text.toPlainText(), self.link.text(), self.image.text())
        self.feedback.setText(self.tr("Changes saved."))
        self.reload()

    def delete_idea(self) -> None:
        idea = self.current_idea()
        if idea is None:
            return
        self._board.delete(idea.id)
        self.feedback.setText(self.tr("Idea deleted."))
        self.reload()

    def ask_day(self) -> None:
        """Ask a day and a time for the chosen idea; ``plan_requested`` then plans it there
        as a drop on the calendar does."""
        idea = self.current_idea()
        if idea is None:
            return
        tomorrow = self._today() + timedelta(days=1)
        dialog = MoveDialog(  # the day and time asked as Move to… asks them
            datetime.combine(tomorrow, time(9, 0)),
            None,
            self,
            title=self.tr("Put the idea on a day"),
            accept_text=self.tr("Put on the day"),
            today=lambda: qdate(self._today()),
        )
        dialog.setObjectName("PlanIdeaDialog")

        def chosen() -> None:
            wall = dialog.wall()
            if wall is not None:  # (checked before the dialog accepts)
                self.plan_requested.emit(idea.id, wall)

        dialog.accepted.connect(chosen)
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()

    def _show_current(self, *_args: object) -> None:
        idea = self.current_idea()
        if idea is not None:
            self.text.setPlainText(idea.text)
            self.link.setText(idea.link)
            self.image.setText(idea.image_path)
            if idea.id != self._shown_id:  # another idea chosen: what was said was not of it
                self.feedback.clear()  # ("Idea added." stayed beside the idea picked next)
            self._shown_id = idea.id  # (kept while the list is read again and chosen again)
        self._update_buttons()

    def _update_buttons(self) -> None:
        chosen = self.current_idea() is not None
        self.save_button.setEnabled(chosen)
        self.delete_button.setEnabled(chosen)
        self.plan_button.setEnabled(chosen)

    def _choose_image(self) -> None:
        dialog = QFileDialog(self, self.tr("Choose an image"))
        dialog.setNameFilter(self.tr("Images (*.png *.jpg *.jpeg *.gif *.webp)"))
        dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
        dialog.fileSelected.connect(self.image.setText)
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()


__all__ = ["IdeasView"]
