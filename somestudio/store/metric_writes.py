"""Writing metrics: snapshots (fetched, entered or imported), the fetch schedule's state,
and which posts and accounts are due for a fetch."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from somestudio.domain.metric_schedule import Due
from somestudio.domain.metrics import AccountCounts, PostCounts
from somestudio.domain.utc import parse_utc, utc_text
from somestudio.store.sql import Conn, Sql, one_id, run

SOURCES = ("api", "manual", "csv")

_DROP_POST_SNAPSHOT = Sql(
    "DELETE FROM metric_snapshots WHERE delivery_id = :delivery AND fetched_at = :at"
    " AND source = :source"
)
_ADD_POST_SNAPSHOT = Sql(
    "INSERT INTO metric_snapshots (delivery_id, fetched_at, likes, reposts, replies, quotes,"
    " bookmarks, views, source) VALUES (:delivery, :at, :likes, :reposts, :replies, :quotes,"
    " :bookmarks, :views, :source) RETURNING id"
)
_DROP_ACCOUNT_SNAPSHOT = Sql(
    "DELETE FROM account_snapshots WHERE account_id = :account AND fetched_at = :at"
    " AND source = :source"
)
_ADD_ACCOUNT_SNAPSHOT = Sql(
    "INSERT INTO account_snapshots (account_id, fetched_at, followers, following,"
    " posts_count, source) VALUES (:account, :at, :followers, :following, :posts, :source)"
)
_DUE_POSTS = Sql(
    "SELECT d.id, d.remote_id, d.published_at, f.next_fetch_at"
    " FROM deliveries d LEFT JOIN metric_fetch_state f ON f.delivery_id = d.id"
    " WHERE d.account_id = :account AND d.state = 'published' AND d.remote_id IS NOT NULL"
    " AND d.published_at >= :oldest AND coalesce(f.gone, 0) = 0"
    " AND (f.next_fetch_at IS NULL OR f.next_fetch_at <= :now)"
)
# CAST(:error AS TEXT): PostgreSQL cannot tell a parameter's type from "IS NULL" alone.
_OK = "CAST(:error AS TEXT) IS NULL"
_RECORD_POST = Sql(
    "INSERT INTO metric_fetch_state (delivery_id, last_attempt_at, last_success_at,"  # noqa: S608 - a fixed expression
    f" next_fetch_at, failures, last_error, gone) VALUES (:delivery, :at, CASE WHEN {_OK}"
    f" THEN :at END, :next, CASE WHEN {_OK} THEN 0 ELSE 1 END, :error, :gone)"
    " ON CONFLICT (delivery_id) DO UPDATE SET last_attempt_at = :at,"
    f" last_success_at = CASE WHEN {_OK} THEN :at ELSE metric_fetch_state.last_success_at END,"
    " next_fetch_at = :next,"
    f" failures = CASE WHEN {_OK} THEN 0 ELSE metric_fetch_state.failures + 1 END,"
    " last_error = :error, gone = :gone"
)
_POST_FAILURES = Sql("SELECT failures FROM metric_fetch_state WHERE delivery_id = :delivery")
_ACCOUNT_STATE = Sql(
    "SELECT next_fetch_at, failures, last_error FROM account_fetch_state"
    " WHERE account_id = :account"
)
_RECORD_ACCOUNT = Sql(
    "INSERT INTO account_fetch_state (account_id, last_attempt_at, last_success_at,"  # noqa: S608 - a fixed expression
    f" next_fetch_at, failures, last_error) VALUES (:account, :at, CASE WHEN {_OK} THEN :at"
    f" END, :next, CASE WHEN {_OK} THEN 0 ELSE 1 END, :error)"
    " ON CONFLICT (account_id) DO UPDATE SET last_attempt_at = :at,"
    f" last_success_at = CASE WHEN {_OK} THEN :at ELSE account_fetch_state.last_success_at END,"
    " next_fetch_at = :next,"
    f" failures = CASE WHEN {_OK} THEN 0 ELSE account_fetch_state.failures + 1 END,"
    " last_error = :error"
)
_BY_POST_AND_ACCOUNT = Sql(
    "SELECT id FROM deliveries WHERE post_id = :post AND account_id = :account"
)
_OF_POST = Sql("SELECT id FROM deliveries WHERE post_id = :post ORDER BY id")
_BY_REMOTE = Sql(
    "SELECT id FROM deliveries WHERE remote_url = :ref OR remote_id = :ref ORDER BY id LIMIT 1"
)


def add_post_snapshot(
    conn: Conn,
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
        run(conn, _DROP_POST_SNAPSHOT, {"delivery": delivery_id, "at": when, "source": source})
    likes, reposts, replies, quotes, bookmarks, views = counts.as_tuple()
    params = {
        "delivery": delivery_id,
        "at": when,
        "likes": likes,
        "reposts": reposts,
        "replies": replies,
        "quotes": quotes,
        "bookmarks": bookmarks,
        "views": views,
        "source": source,
    }
    return one_id(run(conn, _ADD_POST_SNAPSHOT, params))


def add_account_snapshot(
    conn: Conn,
    account_id: int,
    fetched_at: datetime,
    counts: AccountCounts,
    source: str = "api",
) -> None:
    if source not in SOURCES:
        raise ValueError(f"unknown snapshot source {source!r}")
    when = utc_text(fetched_at)
    if source != "api":
        run(conn, _DROP_ACCOUNT_SNAPSHOT, {"account": account_id, "at": when, "source": source})
    params = {
        "account": account_id,
        "at": when,
        "followers": counts.followers,
        "following": counts.following,
        "posts": counts.posts_count,
        "source": source,
    }
    run(conn, _ADD_ACCOUNT_SNAPSHOT, params)


def due_posts(conn: Conn, account_id: int, now: datetime, oldest: datetime) -> list[Due]:
    """The account's published posts (with a remote id, younger than ``oldest``, not gone
    from the network) whose next fetch time has come or that were never fetched."""
    params = {"account": account_id, "oldest": utc_text(oldest), "now": utc_text(now)}
    rows = run(conn, _DUE_POSTS, params).fetchall()
    return [
        Due(int(r[0]), str(r[1]), parse_utc(r[2]), parse_utc(r[3]) if r[3] else None) for r in rows
    ]


def record_post_fetch(
    conn: Conn,
    delivery_id: int,
    at: datetime,
    next_at: datetime | None,
    *,
    error: str | None = None,
    gone: bool = False,
) -> None:
    """Note an attempt: success resets the failure count, an error adds to it."""
    params = {
        "delivery": delivery_id,
        "at": utc_text(at),
        "next": utc_text(next_at) if next_at else None,
        "error": error,
        "gone": int(gone),
    }
    run(conn, _RECORD_POST, params)


def post_failures(conn: Conn, delivery_id: int) -> int:
    row = run(conn, _POST_FAILURES, {"delivery": delivery_id}).fetchone()
    return 0 if row is None else int(row[0])


@dataclass(frozen=True, slots=True)
class AccountFetchState:
    next_fetch_at: datetime | None
    failures: int
    last_error: str | None


def account_fetch_state(conn: Conn, account_id: int) -> AccountFetchState:
    row = run(conn, _ACCOUNT_STATE, {"account": account_id}).fetchone()
    if row is None:
        return AccountFetchState(None, 0, None)
    return AccountFetchState(parse_utc(row[0]) if row[0] else None, int(row[1]), row[2])


def record_account_fetch(
    conn: Conn,
    account_id: int,
    at: datetime,
    next_at: datetime,
    *,
    error: str | None = None,
) -> None:
    params = {
        "account": account_id,
        "at": utc_text(at),
        "next": utc_text(next_at),
        "error": error,
    }
    run(conn, _RECORD_ACCOUNT, params)


def delivery_by_post_and_account(conn: Conn, post_id: int, account_id: int) -> int | None:
    row = run(conn, _BY_POST_AND_ACCOUNT, {"post": post_id, "account": account_id}).fetchone()
    return None if row is None else int(row[0])


def deliveries_of_post(conn: Conn, post_id: int) -> list[int]:
    """The post's deliveries (one per account it went or goes to)."""
    return [int(r[0]) for r in run(conn, _OF_POST, {"post": post_id})]


def delivery_by_remote(conn: Conn, ref: str) -> int | None:
    """A delivery named by its remote URL or remote id."""
    row = run(conn, _BY_REMOTE, {"ref": ref}).fetchone()
    return None if row is None else int(row[0])
