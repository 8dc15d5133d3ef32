"""The Inbox page's Like and Hide buttons (keys f and h): on for an entry whose network
allows it, off with the reason in the tooltip otherwise; the network is asked on a worker
and the entry says what happened (``InboxService.act``)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QPushButton, QWidget

from somestudio.app.inbox.service import InboxError, InboxService
from somestudio.domain.inbox.actions import InboxAction, unavailable
from somestudio.domain.inbox.items import InboxItem
from somestudio.ui.inbox.texts import (
    action_failed_text,
    action_unavailable_text,
    reply_error_text,
)
from somestudio.ui.tasks import Tasks


class EntryActions(QObject):
    acted = Signal(int)  # the entry whose row and conversation should be read again
    said = Signal(str)  # a sentence for the user (a refusal, a reason)

    def __init__(
        self,
        inbox: Callable[[], InboxService],
        current: Callable[[], InboxItem | None],
        tasks: Tasks,
        parent: QWidget,
    ) -> None:
        super().__init__(parent)
        self._inbox = inbox
        self._current = current
        self._tasks = tasks
        self._busy: set[tuple[int, InboxAction]] = set()
        self.like_button = self._button("InboxLike", self.tr("Like"), InboxAction.LIKE)
        self.hide_button = self._button("InboxHide", self.tr("Hide"), InboxAction.HIDE)

    def _button(self, name: str, text: str, action: InboxAction) -> QPushButton:
        button = QPushButton(text)
        button.setObjectName(name)
        button.setAccessibleName(text)
        button.clicked.connect(lambda: self.run(action))
        return button

    def buttons(self) -> tuple[QPushButton, QPushButton]:
        return self.like_button, self.hide_button

    def show_item(self, item: InboxItem | None) -> None:
        """Each button as the entry allows: on, done, or off with why."""
        self._show(self.like_button, item, InboxAction.LIKE)
        self._show(self.hide_button, item, InboxAction.HIDE)

    def _show(self, button: QPushButton, item: InboxItem | None, action: InboxAction) -> None:
        like = action is InboxAction.LIKE
        text, tip = (
            (self.tr("Like"), self.tr("Like their post on the network (f)"))
            if like
            else (self.tr("Hide"), self.tr("Hide the comment from everyone but its author (h)"))
        )
        enabled = item is not None
        if item is not None:
            why = unavailable(item, action)
            done = item.liked_at if like else item.hidden_at
            if why is not None:
                enabled, tip = False, action_unavailable_text(action.value, why.value, item.network)
            elif done is not None:
                enabled = False
                text = self.tr("Liked") if like else self.tr("Hidden")
                tip = (
                    self.tr("You liked this from Some Studio.")
                    if like
                    else self.tr("Hidden: only its author still sees it.")
                )
            elif (item.id, action) in self._busy:
                enabled = False
        button.setText(text)
        button.setAccessibleName(text)
        button.setToolTip(tip)
        button.setAccessibleDescription(tip)
        button.setEnabled(enabled)

    def run(self, action: InboxAction) -> None:
        """Like or hide the current entry (a key or a button); an entry that cannot be says
        why instead."""
        item = self._current()
        if item is None:
            return
        why = unavailable(item, action)
        if why is not None:
            self.said.emit(action_unavailable_text(action.value, why.value, item.network))
            return
        if (item.liked_at if action is InboxAction.LIKE else item.hidden_at) is not None:
            return  # done already: nothing to ask
        if (item.id, action) in self._busy:
            return
        self._busy.add((item.id, action))
        self.show_item(item)
        inbox, item_id = self._inbox(), item.id
        self._tasks.run(
            lambda: inbox.act(item_id, action),
            on_done=lambda _asked: self._finished(item_id, action, ""),
            on_error=lambda exc: self._finished(item_id, action, self._why(exc, item, action)),
        )

    def _why(self, exc: BaseException, item: InboxItem, action: InboxAction) -> str:
        code = exc.code if isinstance(exc, InboxError) else ""
        if code.startswith("action."):  # this account cannot (published by hand, say)
            return action_unavailable_text(action.value, code, item.network)
        if code == "item.missing":
            return reply_error_text(code)
        return action_failed_text(action.value, code, item.network)

    def _finished(self, item_id: int, action: InboxAction, problem: str) -> None:
        self._busy.discard((item_id, action))
        if problem:
            self.said.emit(problem)
        self.acted.emit(item_id)
