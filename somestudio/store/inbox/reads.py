"""The inbox's requests per account, for its read budget (``InboxCapability.budget``): one
count every collector shares (the engine's, the Inbox page's, the command line's)."""

from __future__ import annotations

import sqlite3
from datetime import datetime, timedelta

from somestudio.domain.utc import utc_text

KEPT = timedelta(days=1)  # longer than any inbox budget's window


def spent(conn: sqlite3.Connection, account_id: int, since: datetime) -> int:
    """Requests made for the account's inbox since ``since``."""
    r = conn.execute(
        "SELECT COUNT(*) FROM inbox_reads WHERE account_id = ? AND at > ?",
        (account_id, utc_text(since)),
    ).fetchone()
    return int(r[0])


def spend(conn: sqlite3.Connection, account_id: int, at: datetime) -> None:
    """One request made at ``at`` (in the caller's transaction, with the page it read)."""
    conn.execute(
        "INSERT INTO inbox_reads (account_id, at) VALUES (?, ?)", (account_id, utc_text(at))
    )
    conn.execute(
        "DELETE FROM inbox_reads WHERE account_id = ? AND at < ?",
        (account_id, utc_text(at - KEPT)),
    )
