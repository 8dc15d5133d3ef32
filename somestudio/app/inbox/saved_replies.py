"""Saved replies for the Inbox page: list, add, change, delete (stored in the database)."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable

from somestudio.domain.inbox.saved_replies import SavedReply
from somestudio.scheduling.clock import Clock, SystemClock
from somestudio.store.database import transaction
from somestudio.store.inbox import saved_replies as rows


class SavedReplyError(ValueError):
    """A saved reply the store would refuse; ``code`` is stable ('saved.empty')."""

    def __init__(self, code: str) -> None:
        super().__init__(code)
        self.code = code


class SavedReplies:
    def __init__(
        self, connection: Callable[[], sqlite3.Connection], clock: Clock | None = None
    ) -> None:
        self._connection = connection
        self._clock = clock or SystemClock()

    def list(self) -> list[SavedReply]:
        return rows.list_all(self._connection())

    def add(self, title: str, body: str, language: str = "") -> int:
        title, body = _checked(title, body)
        with transaction(self._connection()) as conn:
            return rows.add(conn, title, body, language, self._clock.now())

    def update(self, reply_id: int, title: str, body: str, language: str = "") -> bool:
        title, body = _checked(title, body)
        with transaction(self._connection()) as conn:
            return rows.update(conn, reply_id, title, body, language, self._clock.now())

    def delete(self, reply_id: int) -> bool:
        with transaction(self._connection()) as conn:
            return rows.delete(conn, reply_id)


def _checked(title: str, body: str) -> tuple[str, str]:
    title, body = title.strip(), body.strip()
    if not body:
        raise SavedReplyError("saved.empty")
    # A reply without a title is named by its first words.
    return (title or " ".join(body.split()[:5]))[:80], body
