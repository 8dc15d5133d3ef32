"""Where each account's inbox collection stands, and how its last round went."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from somestudio.domain.inbox.cursors import NOTIFICATIONS, InboxCursor
from somestudio.domain.utc import parse_utc, utc_text
from somestudio.store.sql import Conn, Sql, run

_LOAD = Sql(
    "SELECT position, resume, resume_top, failures, next_read_at, COALESCE(last_error, ''),"
    " last_read_at, COALESCE(last_problem, '') FROM inbox_cursors"
    " WHERE account_id = :account AND source = :source"
)
_SAVE = Sql(
    "INSERT INTO inbox_cursors (account_id, source, position, resume, resume_top,"
    " last_read_at, failures) VALUES (:account, :source, :position, :resume, :resume_top,"
    " :now, 0)"
    " ON CONFLICT (account_id, source) DO UPDATE SET position = excluded.position,"
    " resume = excluded.resume, resume_top = excluded.resume_top,"
    " last_read_at = excluded.last_read_at, last_error = NULL, last_problem = NULL,"
    " failures = 0, next_read_at = NULL"
)
_FAILURE = Sql(
    "INSERT INTO inbox_cursors (account_id, source, last_read_at, last_error, last_problem,"
    " failures, next_read_at) VALUES (:account, :source, :now, :error, :problem, 1, :next)"
    " ON CONFLICT (account_id, source) DO UPDATE SET last_read_at = excluded.last_read_at,"
    " last_error = excluded.last_error, last_problem = excluded.last_problem,"
    " failures = inbox_cursors.failures + 1, next_read_at = excluded.next_read_at"
)
_SUCCESS = Sql(
    "INSERT INTO inbox_cursors (account_id, source, last_read_at) VALUES (:account, :source,"
    " :now) ON CONFLICT (account_id, source) DO UPDATE SET last_read_at = excluded.last_read_at,"
    " last_error = NULL, last_problem = NULL, failures = 0, next_read_at = NULL"
)


@dataclass(frozen=True, slots=True)
class ReadState:
    cursor: InboxCursor
    failures: int = 0
    next_read_at: datetime | None = None
    last_error: str = ""
    last_read_at: datetime | None = None
    problem: str = ""  # the last error's code ('' after a good round)


def load(conn: Conn, account_id: int, source: str = NOTIFICATIONS) -> ReadState:
    r = run(conn, _LOAD, {"account": account_id, "source": source}).fetchone()
    if r is None:
        return ReadState(InboxCursor(account_id, source))
    return ReadState(
        InboxCursor(account_id, source, r[0], r[1], r[2]),
        failures=int(r[3]),
        next_read_at=parse_utc(r[4]) if r[4] else None,
        last_error=str(r[5]),
        last_read_at=parse_utc(r[6]) if r[6] else None,
        problem=str(r[7]),
    )


def save(conn: Conn, cursor: InboxCursor, now: datetime) -> None:
    """A page was stored: the cursor moves with it (same transaction), the errors clear."""
    params = {
        "account": cursor.account_id,
        "source": cursor.source,
        "position": cursor.position,
        "resume": cursor.resume,
        "resume_top": cursor.resume_top,
        "now": utc_text(now),
    }
    run(conn, _SAVE, params)


def record_failure(
    conn: Conn,
    account_id: int,
    source: str,
    *,
    now: datetime,
    next_read_at: datetime,
    error: str,
    problem: str,
) -> None:
    """A round failed: the cursor stays where the last stored page left it."""
    params = {
        "account": account_id,
        "source": source,
        "now": utc_text(now),
        "error": error,
        "problem": problem,
        "next": utc_text(next_read_at),
    }
    run(conn, _FAILURE, params)


def record_success(conn: Conn, account_id: int, source: str, now: datetime) -> None:
    """A round went well but brought no page to store (nothing new): the errors clear."""
    run(conn, _SUCCESS, {"account": account_id, "source": source, "now": utc_text(now)})
