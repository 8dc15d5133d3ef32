"""Where the Drafts list lives in the window: a dock beside the Compose and Calendar pages,
shown and hidden by one checkable action (View → Drafts, its shortcut, and a Drafts button
on each of those two pages)."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import QBoxLayout, QDockWidget, QLayout, QToolButton, QWidget

if TYPE_CHECKING:
    from somestudio.app.draft_shelf import ShelvedDraft
    from somestudio.ui.drafts.drafts_panel import DraftsPanel
    from somestudio.ui.tasks import Tasks

DRAFTS_KEYS = "Ctrl+Shift+D"
DRAFT_PAGES = ("compose", "calendar")  # the pages the dock stands beside


class DraftsDock(QDockWidget):
    """The panel itself (its list, delegate and the network marks it draws) is built the
    first time the dock shows or ``panel`` is asked for: the window's first frame has a
    hidden dock and does not pay for it."""

    open_requested = Signal(int)  # post id: the panel's, passed on
    delete_requested = Signal(int)  # post id: the panel's, passed on
    schedule_requested = Signal(int)  # post id: the panel's, passed on

    def __init__(
        self,
        load: Callable[[], list[ShelvedDraft]],
        parent: QWidget | None = None,
        *,
        tasks: Tasks | None = None,
    ) -> None:
        super().__init__(self.tr("Drafts"), parent)
        self.setObjectName("DraftsDock")
        self.setFeatures(QDockWidget.DockWidgetFeature.NoDockWidgetFeatures)
        self.setTitleBarWidget(QWidget())  # the panel's own heading names it (with a count)
        self._load = load
        self._tasks = tasks
        self._panel: DraftsPanel | None = None
        self._following: int | None = None  # the post in the composer (``follow``)
        self.hide()  # the window shows it beside the pages it belongs to
        self._stale = True
        self.action = QAction(self.tr("&Drafts"), self)
        self.action.setObjectName("ShowDrafts")
        self.action.setCheckable(True)
        self.action.setShortcut(QKeySequence(DRAFTS_KEYS))
        self.action.setToolTip(
            self.tr("Show or hide the drafts (%1)").replace(
                "%1", self.action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
            )
        )
        # Escape in the panel closes it, as it does a side panel elsewhere (it did nothing:
        # a keyboard user's finding); the window puts the keyboard back on the page.
        close = QShortcut(QKeySequence(Qt.Key.Key_Escape), self)
        close.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        close.setWhatsThis(self.tr("Close the drafts"))
        close.activated.connect(self._close_by_key)

    def _close_by_key(self) -> None:
        if self.action.isChecked():
            self.action.trigger()  # as View → Drafts does: the window hides it and keeps it so

    @property
    def panel(self) -> DraftsPanel:
        """The list of drafts, built on first use."""
        if self._panel is None:
            from somestudio.ui.drafts.drafts_panel import DraftsPanel  # noqa: PLC0415

            panel = DraftsPanel(self._load, self, tasks=self._tasks)
            panel.open_requested.connect(self.open_requested)
            panel.delete_requested.connect(self.delete_requested)
            panel.schedule_requested.connect(self.schedule_requested)
            panel.follow(self._following)
            self._panel = panel
            self.setWidget(panel)
        return self._panel

    def follow(self, post_id: int | None) -> None:
        """The post in the composer (None: a new one), for the list to highlight."""
        self._following = post_id
        if self._panel is not None:
            self._panel.follow(post_id)

    def refresh(self) -> None:
        """The data changed: read the list now if it shows, else when it next shows."""
        if self.isVisible():
            self._stale = False
            self.panel.reload()
        else:
            self._stale = True

    def toggle_button(self) -> QToolButton:
        """A Drafts button for a page's header, checked while the list shows."""
        button = QToolButton()
        button.setDefaultAction(self.action)
        button.setObjectName("DraftsToggle")
        button.setAccessibleName(self.tr("Show drafts"))
        return button

    def showEvent(self, event: QShowEvent) -> None:
        self.panel  # noqa: B018 - built before it first shows
        super().showEvent(event)
        if self._stale:
            self._stale = False
            self.panel.reload()


def add_to_header(page: QWidget, row: int, button: QToolButton, *, first: bool) -> None:
    """Put ``button`` at the start or end of the ``row``-th row of a page's layout."""
    outer = page.layout()
    item = outer.itemAt(row) if outer is not None else None
    layout = item.layout() if item is not None else None
    if not isinstance(layout, QBoxLayout):
        return
    if first:
        layout.insertWidget(0, button)
        return
    before = _last_tab_stop(layout)
    layout.addWidget(button)
    if before is not None:
        # Made after the page, the button was last in the Tab order: Tab went from it
        # through the status bar before the page's next control (a new user's finding).
        QWidget.setTabOrder(before, button)


def _last_tab_stop(layout: QLayout) -> QWidget | None:
    """The last widget in ``layout`` (or a layout in it) that Tab stops at."""
    for index in reversed(range(layout.count())):
        item = layout.itemAt(index)
        if item is None:
            continue
        inner = item.layout()
        found = _last_tab_stop(inner) if inner is not None else None
        widget = item.widget()
        if found is None and widget is not None and widget.focusPolicy() & Qt.FocusPolicy.TabFocus:
            found = widget
        if found is not None:
            return found
    return None
