"""Read models over metric snapshots: the latest numbers per delivery, summed per channel."""

from __future__ import annotations

import sqlite3
from datetime import datetime

from somestudio.domain.metrics import ChannelTotals
from somestudio.domain.networks import Network
from somestudio.domain.utc import utc_text

_TOTALS = """
WITH latest AS (
    SELECT s.delivery_id, s.likes, s.reposts, s.replies, s.views,
           row_number() OVER (PARTITION BY s.delivery_id ORDER BY s.fetched_at DESC, s.id DESC)
             AS newest
    FROM metric_snapshots s
)
SELECT a.network, count(DISTINCT d.id),
       coalesce(sum(l.likes), 0), coalesce(sum(l.reposts), 0), coalesce(sum(l.replies), 0),
       sum(l.views)
FROM deliveries d
JOIN posts p ON p.id = d.post_id AND p.deleted_at IS NULL
JOIN accounts a ON a.id = d.account_id
LEFT JOIN latest l ON l.delivery_id = d.id AND l.newest = 1
WHERE d.state = 'published' AND d.published_at >= ? AND d.published_at < ?
GROUP BY a.network
ORDER BY count(DISTINCT d.id) DESC, a.network
"""


def channel_totals(conn: sqlite3.Connection, start: datetime, end: datetime) -> list[ChannelTotals]:
    rows = conn.execute(_TOTALS, (utc_text(start), utc_text(end))).fetchall()
    return [
        ChannelTotals(Network(r[0]), int(r[1]), int(r[2]), int(r[3]), int(r[4]), r[5]) for r in rows
    ]
