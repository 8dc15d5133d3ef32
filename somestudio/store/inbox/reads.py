"""The inbox's requests per account, for its read budget (``InboxCapability.budget``): one
count every collector shares (the engine's, the Inbox page's, the command line's)."""

from __future__ import annotations

from datetime import datetime, timedelta

from somestudio.domain.utc import utc_text
from somestudio.store.sql import Conn, Sql, run

KEPT = timedelta(days=1)  # longer than any inbox budget's window

_SPENT = Sql("SELECT COUNT(*) FROM inbox_reads WHERE account_id = :account AND at > :since")
_SPEND = Sql("INSERT INTO inbox_reads (account_id, at) VALUES (:account, :at)")
_PRUNE = Sql("DELETE FROM inbox_reads WHERE account_id = :account AND at < :before")


def spent(conn: Conn, account_id: int, since: datetime) -> int:
    """Requests made for the account's inbox since ``since``."""
    r = run(conn, _SPENT, {"account": account_id, "since": utc_text(since)}).fetchone()
    return int(r[0])


def spend(conn: Conn, account_id: int, at: datetime) -> None:
    """One request made at ``at`` (in the caller's transaction, with the page it read)."""
    run(conn, _SPEND, {"account": account_id, "at": utc_text(at)})
    run(conn, _PRUNE, {"account": account_id, "before": utc_text(at - KEPT)})
