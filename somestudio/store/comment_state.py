"""Moving a comment's row (a first comment, an inbox answer) from one sending state to
another: one guarded UPDATE, shared by the tables that keep such rows."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime

from somestudio.domain.first_comment import CommentState
from somestudio.domain.utc import utc_text
from somestudio.store.sql import Conn, Sql, changed, run

_MOVES: dict[tuple[str, str], Sql] = {}


def _statement(table: str, key_column: str) -> Sql:
    found = _MOVES.get((table, key_column))
    if found is None:
        found = Sql(
            f"UPDATE {table} SET state = :target, last_error = :last_error,"  # noqa: S608 - names are constants
            " next_attempt_at = :next_attempt_at, remote_id = COALESCE(:remote_id, remote_id),"
            " remote_url = COALESCE(:remote_url, remote_url),"
            " sent_at = COALESCE(:sent_at, sent_at), updated_at = :now"
            f" WHERE {key_column} = :key AND state IN :sources RETURNING {key_column}",
            expanding=("sources",),
        )
        _MOVES[(table, key_column)] = found
    return found


def move_state(
    conn: Conn,
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
    params = {
        "target": target.value,
        "last_error": last_error,
        "next_attempt_at": utc_text(next_attempt_at) if next_attempt_at else None,
        "remote_id": remote_id,
        "remote_url": remote_url,
        "sent_at": utc_text(sent_at) if sent_at else None,
        "now": utc_text(now),
        "key": key,
        "sources": sorted(s.value for s in only_from),
    }
    return changed(run(conn, _statement(table, key_column), params)) == 1
