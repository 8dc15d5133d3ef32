"""Where each account's inbox collection stands, and how its last round went."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from datetime import datetime

from somestudio.domain.inbox.cursors import NOTIFICATIONS, InboxCursor
from somestudio.domain.utc import parse_utc, utc_text


@dataclass(frozen=True, slots=True)
class ReadState:
    cursor: InboxCursor
    failures: int = 0
    next_read_at: datetime | None = None
    last_error: str = ""
    last_read_at: datetime | None = None
    problem: str = ""  # the last error's code ('' after a good round)


def load(conn: sqlite3.Connection, account_id: int, source: str = NOTIFICATIONS) -> ReadState:
    r = conn.execute(
        "SELECT position, resume, resume_top, failures, next_read_at, COALESCE(last_error, ''),"
        " last_read_at, COALESCE(last_problem, '') FROM inbox_cursors"
        " WHERE account_id = ? AND source = ?",
        (account_id, source),
    ).fetchone()
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


def save(conn: sqlite3.Connection, cursor: InboxCursor, now: datetime) -> None:
    """A page was stored: the cursor moves with it (same transaction), the errors clear."""
    conn.execute(
        "INSERT INTO inbox_cursors (account_id, source, position, resume, resume_top,"
        " last_read_at, failures) VALUES (?, ?, ?, ?, ?, ?, 0)"
        " ON CONFLICT (account_id, source) DO UPDATE SET position = excluded.position,"
        " resume = excluded.resume, resume_top = excluded.resume_top,"
        " last_read_at = excluded.last_read_at, last_error = NULL, last_problem = NULL,"
        " failures = 0, next_read_at = NULL",
        (
            cursor.account_id,
            cursor.source,
            cursor.position,
            cursor.resume,
            cursor.resume_top,
            utc_text(now),
        ),
    )


def record_failure(
    conn: sqlite3.Connection,
    account_id: int,
    source: str,
    *,
    now: datetime,
    next_read_at: datetime,
    error: str,
    problem: str,
) -> None:
    """A round failed: the cursor stays where the last stored page left it."""
    conn.execute(
        "INSERT INTO inbox_cursors (account_id, source, last_read_at, last_error, last_problem,"
        " failures, next_read_at) VALUES (?, ?, ?, ?, ?, 1, ?)"
        " ON CONFLICT (account_id, source) DO UPDATE SET last_read_at = excluded.last_read_at,"
        " last_error = excluded.last_error, last_problem = excluded.last_problem,"
        " failures = inbox_cursors.failures + 1, next_read_at = excluded.next_read_at",
        (account_id, source, utc_text(now), error, problem, utc_text(next_read_at)),
    )


def record_success(conn: sqlite3.Connection, account_id: int, source: str, now: datetime) -> None:
    """A round went well but brought no page to store (nothing new): the errors clear."""
    conn.execute(
        "INSERT INTO inbox_cursors (account_id, source, last_read_at) VALUES (?, ?, ?)"
        " ON CONFLICT (account_id, source) DO UPDATE SET last_read_at = excluded.last_read_at,"
        " last_error = NULL, last_problem = NULL, failures = 0, next_read_at = NULL",
        (account_id, source, utc_text(now)),
    )
