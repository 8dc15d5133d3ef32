"""The rows behind the community numbers (``domain.inbox.community``)."""

from __future__ import annotations

import sqlite3
from datetime import datetime

from somestudio.domain.inbox.community import Received
from somestudio.domain.utc import parse_utc, utc_text


def received(conn: sqlite3.Connection, since: datetime) -> list[Received]:
    """Answerable entries created since ``since``, plus every older one still open and
    unanswered (they count as unanswered, whatever their age)."""
    rows = conn.execute(
        "SELECT i.created_at, r.sent_at, i.done_at FROM inbox_items i"
        " LEFT JOIN inbox_replies r ON r.item_id = i.id AND r.state = 'sent'"
        " WHERE i.kind IN ('reply', 'mention', 'quote', 'comment')"
        " AND (i.created_at >= ? OR (i.done_at IS NULL AND r.sent_at IS NULL))",
        (utc_text(since),),
    ).fetchall()
    return [
        Received(
            parse_utc(str(r[0])),
            parse_utc(str(r[1])) if r[1] else None,
            parse_utc(str(r[2])) if r[2] else None,
        )
        for r in rows
    ]
