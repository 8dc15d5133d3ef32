"""Writing metrics: snapshots (fetched, entered or imported), the fetch schedule's state,
and which posts and accounts are due for a fetch."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from datetime import datetime

from somestudio.domain.metric_schedule import Due
from somestudio.domain.metrics import AccountCounts, PostCounts
from somestudio.domain.utc import parse_utc, utc_text

SOURCES = ("api", "manual", "csv")


def add_post_snapshot(
    conn: sqlite3.Connection,
    delivery_id: int,
    fetched_at: datetime,
    counts: PostCounts,
    source: str = "api",
) -> int:
    """Store a post's counts. An entered or imported snapshot replaces one of the same source
    at the same moment, so importing a file twice changes nothing."""
    if source not in SOURCES:
        raise ValueError(f"unknown snapshot source {source!r}")
    when = utc_text(fetched_at)
    if source != "api":
        conn.execute(
            "DELETE FROM metric_snapshots WHERE delivery_id = ? AND fetched_at = ? AND source = ?",
            (delivery_id, when, source),
        )
    cursor = conn.execute(
        "INSERT INTO metric_snapshots (delivery_id, fetched_at, likes, reposts, replies, quotes,"
        " bookmarks, views, source) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (delivery_id, when, *counts.as_tuple(), source),
    )
    assert cursor.lastrowid is not None
    return cursor.lastrowid


def add_account_snapshot(
    conn: sqlite3.Connection,
    account_id: int,
    fetched_at: datetime,
    counts: AccountCounts,
    source: str = "api",
) -> None:
    if source not in SOURCES:
        raise ValueError(f"unknown snapshot source {source!r}")
    when = utc_text(fetched_at)
    if source != "api":
        conn.execute(
            "DELETE FROM account_snapshots WHERE account_id = ? AND fetched_at = ? AND source = ?",
            (account_id, when, source),
        )
    conn.execute(
        "INSERT INTO account_snapshots (account_id, fetched_at, followers, following,"
        " posts_count, source) VALUES (?, ?, ?, ?, ?, ?)",
        (account_id, when, counts.followers, counts.following, counts.posts_count, source),
    )


def due_posts(
    conn: sqlite3.Connection, account_id: int, now: datetime, oldest: datetime
) -> list[Due]:
    """The account's published posts (with a remote id, younger than ``oldest``, not gone
    from the network) whose next fetch time has come or that were never fetched."""
    rows = conn.execute(
        "SELECT d.id, d.remote_id, d.published_at, f.next_fetch_at"
        " FROM deliveries d LEFT JOIN metric_fetch_state f ON f.delivery_id = d.id"
        " WHERE d.account_id = ? AND d.state = 'published' AND d.remote_id IS NOT NULL"
        " AND d.published_at >= ? AND coalesce(f.gone, 0) = 0"
        " AND (f.next_fetch_at IS NULL OR f.next_fetch_at <= ?)",
        (account_id, utc_text(oldest), utc_text(now)),
    ).fetchall()
    return [
        Due(int(r[0]), str(r[1]), parse_utc(r[2]), parse_utc(r[3]) if r[3] else None) for r in rows
    ]


def record_post_fetch(
    conn: sqlite3.Connection,
    delivery_id: int,
    at: datetime,
    next_at: datetime | None,
    *,
    error: str | None = None,
    gone: bool = False,
) -> None:
    """Note an attempt: success resets the failure count, an error adds to it."""
    conn.execute(
        "INSERT INTO metric_fetch_state (delivery_id, last_attempt_at, last_success_at,"
        " next_fetch_at, failures, last_error, gone) VALUES (?1, ?2, CASE WHEN ?4 IS NULL"
        " THEN ?2 END, ?3, CASE WHEN ?4 IS NULL THEN 0 ELSE 1 END, ?4, ?5)"
        " ON CONFLICT (delivery_id) DO UPDATE SET last_attempt_at = ?2,"
        " last_success_at = CASE WHEN ?4 IS NULL THEN ?2 ELSE last_success_at END,"
        " next_fetch_at = ?3,"
        " failures = CASE WHEN ?4 IS NULL THEN 0 ELSE failures + 1 END,"
        " last_error = ?4, gone = ?5",
        (delivery_id, utc_text(at), utc_text(next_at) if next_at else None, error, int(gone)),
    )


def post_failures(conn: sqlite3.Connection, delivery_id: int) -> int:
    row = conn.execute(
        "SELECT failures FROM metric_fetch_state WHERE delivery_id = ?", (delivery_id,)
    ).fetchone()
    return 0 if row is None else int(row[0])


@dataclass(frozen=True, slots=True)
class AccountFetchState:
    next_fetch_at: datetime | None
    failures: int
    last_error: str | None


def account_fetch_state(conn: sqlite3.Connection, account_id: int) -> AccountFetchState:
    row = conn.execute(
        "SELECT next_fetch_at, failures, last_error FROM account_fetch_state WHERE account_id = ?",
        (account_id,),
    ).fetchone()
    if row is None:
        return AccountFetchState(None, 0, None)
    return AccountFetchState(parse_utc(row[0]) if row[0] else None, int(row[1]), row[2])


def record_account_fetch(
    conn: sqlite3.Connection,
    account_id: int,
    at: datetime,
    next_at: datetime,
    *,
    error: str | None = None,
) -> None:
    conn.execute(
        "INSERT INTO account_fetch_state (account_id, last_attempt_at, last_success_at,"
        " next_fetch_at, failures, last_error) VALUES (?1, ?2, CASE WHEN ?4 IS NULL THEN ?2"
        " END, ?3, CASE WHEN ?4 IS NULL THEN 0 ELSE 1 END, ?4)"
        " ON CONFLICT (account_id) DO UPDATE SET last_attempt_at = ?2,"
        " last_success_at = CASE WHEN ?4 IS NULL THEN ?2 ELSE last_success_at END,"
        " next_fetch_at = ?3,"
        " failures = CASE WHEN ?4 IS NULL THEN 0 ELSE failures + 1 END, last_error = ?4",
        (account_id, utc_text(at), utc_text(next_at), error),
    )


def delivery_by_post_and_account(
    conn: sqlite3.Connection, post_id: int, account_id: int
) -> int | None:
    row = conn.execute(
        "SELECT id FROM deliveries WHERE post_id = ? AND account_id = ?", (post_id, account_id)
    ).fetchone()
    return None if row is None else int(row[0])


def delivery_by_remote(conn: sqlite3.Connection, ref: str) -> int | None:
    """A delivery named by its remote URL or remote id."""
    row = conn.execute(
        "SELECT id FROM deliveries WHERE remote_url = ?1 OR remote_id = ?1 ORDER BY id LIMIT 1",
        (ref,),
    ).fetchone()
    return None if row is None else int(row[0])
