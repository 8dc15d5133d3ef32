"""The previews: every ticked account's post card side by side in a row that scrolls, or one
at a time (the account whose tab is open). Cards are drawn a moment after typing stops —
the counters never wait for them."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QSizePolicy,
    QSpacerItem,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from somestudio.ui.composer.post_card import CardContent, PostCard
from somestudio.ui.theme import SPACE, colours

CARD_WIDTH = 300
PREVIEW_DELAY_MS = 250


class PreviewDeck(QWidget):
    mode_changed = Signal(bool)  # True: side by side

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("PreviewDeck")
        self.cards: dict[int, PostCard] = {}
        self._contents: dict[int, CardContent] = {}
        self._stale: set[int] = set()
        self._current: int | None = None
        self.title = QLabel(self.tr("Previews"))
        self.side_by_side = self._mode_button(self.tr("Side by side"), "PreviewsSideBySide")
        self.one_at_a_time = self._mode_button(self.tr("One at a time"), "PreviewsOneAtATime")
        self.side_by_side.setChecked(True)
        group = QButtonGroup(self)
        group.setExclusive(True)
        group.addButton(self.side_by_side)
        group.addButton(self.one_at_a_time)
        self.side_by_side.toggled.connect(self._mode)
        self._row = QHBoxLayout()
        self._row.setContentsMargins(SPACE.xs, SPACE.xs, SPACE.xs, SPACE.xs)
        self._row.setSpacing(SPACE.m)
        self._end = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)
        self._row.addItem(self._end)  # keeps side-by-side cards at the left
        holder = QWidget()
        holder.setObjectName("PreviewRow")
        holder.setLayout(self._row)
        self.scroller = QScrollArea()
        self.scroller.setObjectName("PreviewScroll")
        self.scroller.setAccessibleName(self.tr("Previews"))
        self.scroller.setWidgetResizable(True)
        self.scroller.setWidget(holder)
        self.scroller.setFrameShape(QScrollArea.Shape.NoFrame)
        self.scroller.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        head = QHBoxLayout()
        head.addWidget(self.title)
        head.addStretch(1)
        head.addWidget(self.side_by_side)
        head.addWidget(self.one_at_a_time)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(head)
        layout.addWidget(self.scroller, 1)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(PREVIEW_DELAY_MS)
        self._timer.timeout.connect(lambda: self.draw(all_now=False))
        self._next = QTimer(self)  # the next card, after any waiting input
        self._next.setSingleShot(True)
        self._next.setInterval(0)
        self._next.timeout.connect(lambda: self.draw(all_now=False))

    def _mode_button(self, text: str, name: str) -> QToolButton:
        button = QToolButton()
        button.setObjectName(name)
        button.setText(text)
        button.setAccessibleName(text)
        button.setCheckable(True)
        button.setAutoRaise(True)
        button.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        return button

    # -- what to show
    def is_side_by_side(self) -> bool:
        return self.side_by_side.isChecked()

    def set_accounts(self, account_ids: list[int], contents: dict[int, CardContent]) -> None:
        """The ticked accounts, in order; cards of the others go."""
        for account_id in list(self.cards):
            if account_id not in account_ids:
                self.cards.pop(account_id).deleteLater()
                self._contents.pop(account_id, None)
        for index, account_id in enumerate(account_ids):
            card = self.cards.get(account_id)
            if card is None and account_id in contents:
                card = PostCard(contents[account_id].target, colours(self.palette()))
                self.cards[account_id] = card
            if card is not None:
                self._row.insertWidget(index, card)
        self._sync_visible()

    def set_current(self, account_id: int | None) -> None:
        self._current = account_id
        self._sync_visible()
        if not self.is_side_by_side():
            self.draw()

    def update_content(self, account_id: int, content: CardContent) -> None:
        """New content for a card, drawn after a short pause (``draw`` draws it now)."""
        self._contents[account_id] = content
        self._stale.add(account_id)
        self._timer.start()

    def draw(self, *, all_now: bool = True) -> None:
        """Draw the cards whose content changed; from the timer one card per turn of the
        event loop, so a key pressed meanwhile waits for one card at most."""
        self._timer.stop()
        scheme = colours(self.palette())
        for account_id in list(self._stale):
            card = self.cards.get(account_id)
            content = self._contents.get(account_id)
            if card is None or content is None:
                self._stale.discard(account_id)
                continue
            if card.isHidden() and not self.is_side_by_side():
                continue  # drawn when it is the one shown
            card.show_content(content, scheme)
            self._stale.discard(account_id)
            if not all_now:
                if self._stale:
                    self._next.start()
                return

    def restyle(self) -> None:
        """The scheme changed: draw every card again."""
        self._stale.update(self._contents)
        self.draw()

    def text_of(self, account_id: int) -> str:
        """What the card for ``account_id`` says, once drawn (for tests and tools)."""
        self._stale.add(account_id)
        card = self.cards.get(account_id)
        if card is not None and card.isHidden():
            self.set_current(account_id)
        self.draw()
        return card.plain_text if card is not None else ""

    # -- private
    def _mode(self, side_by_side: bool) -> None:
        self._sync_visible()
        self.draw()
        self.mode_changed.emit(side_by_side)

    def _sync_visible(self) -> None:
        side = self.is_side_by_side()
        fallback = next(iter(self.cards), None)
        current = self._current if self._current in self.cards else fallback
        grow = QSizePolicy.Policy.Expanding if side else QSizePolicy.Policy.Fixed
        self._end.changeSize(0, 0, grow, QSizePolicy.Policy.Minimum)
        self._row.invalidate()
        for account_id, card in self.cards.items():
            card.setVisible(side or account_id == current)
            if side:
                card.setFixedWidth(CARD_WIDTH)
                card.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Preferred)
            else:
                card.setMinimumWidth(CARD_WIDTH)
                card.setMaximumWidth(CARD_WIDTH * 2)
                card.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
