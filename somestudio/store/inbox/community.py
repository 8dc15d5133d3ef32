"""The rows behind the community numbers (``domain.inbox.community``)."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable
from datetime import datetime

from somestudio.domain.inbox.community import Received
from somestudio.domain.utc import parse_utc, utc_text


def received(
    conn: sqlite3.Connection,
    since: datetime,
    networks: Iterable[str] = (),
    account_ids: Iterable[int] = (),
) -> list[Received]:
    """Answerable entries created since ``since``, plus every older one still open and
    unanswered (they count as unanswered, whatever their age); only those of ``networks``
    and ``account_ids`` when given (empty: all), of accounts not removed."""
    where = [
        "a.removed_at IS NULL",
        "i.kind IN ('reply', 'mention', 'quote', 'comment')",
        "(i.created_at >= ? OR (i.done_at IS NULL AND r.sent_at IS NULL))",
    ]
    params: list[object] = [utc_text(since)]
    for column, values in (("a.network", sorted(networks)), ("i.account_id", sorted(account_ids))):
        if values:
            where.append(f"{column} IN ({', '.join('?' for _ in values)})")
            params.extend(values)
    rows = conn.execute(
        "SELECT i.created_at, r.sent_at, i.done_at FROM inbox_items i"  # noqa: S608 - marks only
        " JOIN accounts a ON a.id = i.account_id"
        " LEFT JOIN inbox_replies r ON r.item_id = i.id AND r.state = 'sent'"
        " WHERE " + " AND ".join(where),
        params,
    ).fetchall()
    return [
        Received(
            parse_utc(str(r[0])),
            parse_utc(str(r[1])) if r[1] else None,
            parse_utc(str(r[2])) if r[2] else None,
        )
        for r in rows
    ]
