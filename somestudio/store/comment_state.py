"""Moving a comment's row (a first comment, an inbox answer) from one sending state to
another: one guarded UPDATE, shared by the tables that keep such rows."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable
from datetime import datetime

from somestudio.domain.first_comment import CommentState
from somestudio.domain.utc import utc_text


def move_state(
    conn: sqlite3.Connection,
    table: str,
    key_column: str,
    key: int,
    *,
    target: CommentState,
    now: datetime,
    only_from: Iterable[CommentState],
    last_error: str | None = None,
    next_attempt_at: datetime | None = None,
    remote_id: str | None = None,
    remote_url: str | None = None,
    sent_at: datetime | None = None,
) -> bool:
    """Move row ``key`` of ``table`` to ``target`` only if it is in one of ``only_from``;
    True when it moved. ``table`` and ``key_column`` are the callers' constants."""
    sources = sorted(s.value for s in only_from)
    marks = ", ".join("?" for _ in sources)
    cur = conn.execute(
        f"UPDATE {table} SET state = ?, last_error = ?, next_attempt_at = ?,"  # noqa: S608 - names are constants
        " remote_id = COALESCE(?, remote_id), remote_url = COALESCE(?, remote_url),"
        " sent_at = COALESCE(?, sent_at), updated_at = ?"
        f" WHERE {key_column} = ? AND state IN ({marks})",
        (
            target.value,
            last_error,
            utc_text(next_attempt_at) if next_attempt_at else None,
            remote_id,
            remote_url,
            utc_text(sent_at) if sent_at else None,
            utc_text(now),
            key,
            *sources,
        ),
    )
    return cur.rowcount == 1
