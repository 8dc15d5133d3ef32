"""The Drafts panel: the list of undated posts beside Compose and the Calendar.

Enter or a double-click opens a draft in the composer, Delete deletes it (Ctrl+Z brings it
back), and a row dragged onto a calendar day or week slot schedules it there — or, by
keyboard, Put on a day… asks the day and the time. The row's menu (the Menu key, Shift+F10
or a right click) has the three; Escape closes the panel (``drafts_dock``). The list is
read (with each draft's checks) off the GUI thread.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QModelIndex, QPoint, QSize, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QLabel,
    QListView,
    QMenu,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from somestudio.ui.composer.flow_layout import FlowLayout
from somestudio.ui.drafts.drafts_delegate import DraftsDelegate
from somestudio.ui.drafts.drafts_model import DraftsModel, PostIdRole
from somestudio.ui.keyboard import shift_f10_opens_menu
from somestudio.ui.tasks import Tasks
from somestudio.ui.theme import SPACE

if TYPE_CHECKING:
    from somestudio.app.draft_shelf import ShelvedDraft


class DraftsPanel(QWidget):
    open_requested = Signal(int)  # post id
    delete_requested = Signal(int)  # post id
    schedule_requested = Signal(int)  # post id: a day and a time asked, as a drop gives
    loaded = Signal()  # the list shows the data as it is now (for tests and tools)

    def __init__(
        self,
        load: Callable[[], list[ShelvedDraft]],
        parent: QWidget | None = None,
        *,
        tasks: Tasks | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("DraftsPanel")
        self._load = load
        self._tasks = tasks or Tasks(self)
        self._generation = 0
        self._following: int | None = None  # the post in the composer (``follow``)
        self.model = DraftsModel()

        self.heading = QLabel(self.tr("Drafts"))
        self.heading.setObjectName("DraftsHeading")
        font = self.heading.font()
        font.setBold(True)
        self.heading.setFont(font)
        self.hint = QLabel(
            self.tr(
                "Posts not yet on a day. Drag one onto a day or a time in the calendar, or "
                "choose Put on a day…, to schedule it."
            )
        )
        self.hint.setWordWrap(True)
        self.list = QListView()
        self.list.setObjectName("DraftsList")
        self.list.setAccessibleName(self.tr("Drafts"))
        self.list.setModel(self.model)
        self.list.setItemDelegate(DraftsDelegate(self.list))
        self.list.setResizeMode(QListView.ResizeMode.Adjust)  # rows re-wrap to a new width
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.setWordWrap(True)
        self.list.setSpacing(SPACE.xxs)
        self.list.setAlternatingRowColors(True)
        self.list.setUniformItemSizes(False)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list.setDragEnabled(True)
        self.list.setDragDropMode(QAbstractItemView.DragDropMode.DragOnly)
        self.list.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.list.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.list.customContextMenuRequested.connect(self._show_menu)
        shift_f10_opens_menu(
            self.list,
            lambda: self._show_menu(QPoint(-1, -1)),
            self.tr("Actions of the chosen draft"),
        )
        self.list.doubleClicked.connect(self._open_index)
        self.list.activated.connect(self._open_index)  # Enter
        self.heading.setBuddy(self.list)
        self.empty = QLabel(
            self.tr(
                "No drafts without a day. Write in Compose and choose Save draft: the post "
                "waits here until you schedule it. (Drafts put on a day are in the calendar, "
                "marked ✎.)"
            )
        )
        self.empty.setObjectName("DraftsEmpty")
        self.empty.setWordWrap(True)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)

        self.open_button = QPushButton(self.tr("Open"))
        self.open_button.setObjectName("OpenDraft")
        self.open_button.setAccessibleName(self.tr("Open draft"))
        self.open_button.setToolTip(self.tr("Open the draft in Compose (Enter)"))
        self.open_button.clicked.connect(lambda: self._open_index(self.list.currentIndex()))
        # The keyboard's way to what dragging a draft onto the calendar does (a keyboard
        # user had to open the draft and schedule it from Compose).
        self.schedule_button = QPushButton(self.tr("Put on a day…"))
        self.schedule_button.setObjectName("ScheduleDraft")
        self.schedule_button.setAccessibleName(self.tr("Put draft on a day"))
        self.schedule_button.setToolTip(
            self.tr("Choose a day and a time for the draft, as dropping it on the calendar does")
        )
        self.schedule_button.clicked.connect(self.schedule_current)
        self.delete_button = QPushButton(self.tr("Delete"))
        self.delete_button.setObjectName("DeleteDraft")
        self.delete_button.setAccessibleName(self.tr("Delete draft"))
        delete_keys = QKeySequence(QKeySequence.StandardKey.Delete)
        self.delete_button.setToolTip(
            self.tr("Delete the draft (%1); Undo brings it back").replace(
                "%1", delete_keys.toString(QKeySequence.SequenceFormat.NativeText)
            )
        )
        self.delete_button.clicked.connect(self.delete_current)
        delete_shortcut = QShortcut(delete_keys, self.list, self.delete_current)
        delete_shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)
        delete_shortcut.setWhatsThis(self.tr("Delete the selected draft"))

        # The buttons wrap onto a second line in a narrow panel (three in a row widened the
        # panel, and the window past 1024 px beside the calendar in a long language).
        buttons = QWidget()
        buttons.setObjectName("DraftButtons")
        row = FlowLayout(buttons, spacing=SPACE.s)
        row.addWidget(self.open_button)
        row.addWidget(self.schedule_button)
        row.addWidget(self.delete_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(SPACE.s, SPACE.s, SPACE.s, SPACE.s)
        layout.addWidget(self.heading)
        layout.addWidget(self.hint)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.empty, 1)
        layout.addWidget(buttons)
        self.model.modelReset.connect(self._update)
        self.list.selectionModel().currentChanged.connect(lambda *_: self._update())
        self._update()

    def sizeHint(self) -> QSize:
        """As wide with no drafts (the sentence instead of the list) as with some: the
        calendar beside it does not move when the last draft goes or one comes."""
        hint = super().sizeHint()
        listed = self.list.sizeHint().width() + self._margins_across()
        return QSize(max(hint.width(), listed), hint.height())

    def minimumSizeHint(self) -> QSize:
        hint = super().minimumSizeHint()
        listed = self.list.minimumSizeHint().width() + self._margins_across()
        return QSize(max(hint.width(), listed), hint.height())

    def _margins_across(self) -> int:
        margins = self.contentsMargins()
        layout = self.layout()
        if layout is not None:
            margins += layout.contentsMargins()
        return margins.left() + margins.right()

    # -- public
    def reload(self) -> None:
        """Read the drafts again (off the GUI thread); ``loaded`` follows."""
        self._generation += 1
        generation = self._generation
        self._tasks.run(self._load, lambda drafts: self._show(generation, drafts), self._failed)

    def current_post_id(self) -> int | None:
        index = self.list.currentIndex()
        return int(index.data(PostIdRole)) if index.isValid() else None

    def select_post(self, post_id: int) -> bool:
        row = self.model.row_of(post_id)
        if row is None:
            return False
        self.list.setCurrentIndex(self.model.index(row))
        return True

    def follow(self, post_id: int | None) -> None:
        """The post in the composer (None: a new one): highlighted while it is a draft in the
        list, and again when the list is read anew; nothing is highlighted for another."""
        self._following = post_id
        if post_id is None or not self.select_post(post_id):
            self.list.setCurrentIndex(QModelIndex())

    def _show_menu(self, where: QPoint) -> None:
        """The row's menu: Open, Put on a day…, Delete (for the row under the pointer, or
        the current row when the Menu key or Shift+F10 asked)."""
        index = self.list.indexAt(where)
        if index.isValid():
            self.list.setCurrentIndex(index)
        elif not self.list.currentIndex().isValid():
            return
        else:  # from the keyboard: at the current row
            where = self.list.visualRect(self.list.currentIndex()).center()
        menu = QMenu(self.list)
        menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        opened = menu.addAction(self.tr("&Open"))
        opened.setShortcut(QKeySequence(Qt.Key.Key_Return))  # shown: the list's own key
        opened.triggered.connect(lambda: self._open_index(self.list.currentIndex()))
        menu.addAction(self.tr("&Put on a day…")).triggered.connect(self.schedule_current)
        deleted = menu.addAction(self.tr("&Delete"))
        deleted.setShortcut(QKeySequence(QKeySequence.StandardKey.Delete))
        deleted.triggered.connect(self.delete_current)
        menu.popup(self.list.viewport().mapToGlobal(where))

    def schedule_current(self) -> None:
        post_id = self.current_post_id()
        if post_id is not None:
            self.schedule_requested.emit(post_id)

    def delete_current(self) -> None:
        post_id = self.current_post_id()
        if post_id is not None:
            self.delete_requested.emit(post_id)

    # -- private
    def _show(self, generation: int, drafts: list[ShelvedDraft]) -> None:
        if generation != self._generation:
            return  # a newer read is on its way
        current = self.current_post_id()
        row = self.list.currentIndex().row()
        self.model.set_drafts(drafts)
        # The draft in the composer stays highlighted; else the one that was, or (it left
        # the list) its neighbour.
        followed = self._following is not None and self.select_post(self._following)
        left = not followed and current is not None and not self.select_post(current)
        if left and self.model.rowCount():
            self.list.setCurrentIndex(self.model.index(min(row, self.model.rowCount() - 1)))
        self._update()
        self.loaded.emit()

    def _failed(self, error: BaseException) -> None:
        self.empty.setText(self.tr("Could not read the drafts: %1").replace("%1", str(error)))
        self.empty.setVisible(True)
        self.loaded.emit()

    def _open_index(self, index: QModelIndex) -> None:
        if index.isValid():
            self.open_requested.emit(int(index.data(PostIdRole)))

    def _update(self) -> None:
        count = self.model.rowCount()
        self.list.setVisible(count > 0)
        self.empty.setVisible(count == 0)
        self.hint.setVisible(count > 0)
        has_current = self.list.currentIndex().isValid()
        self.open_button.setEnabled(has_current)
        self.schedule_button.setEnabled(has_current)
        self.delete_button.setEnabled(has_current)
        title = self.tr("Drafts (%1)").replace("%1", str(count)) if count else self.tr("Drafts")
        self.heading.setText(title)
