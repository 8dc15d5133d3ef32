"""Undated posts (the Drafts list) and putting a post back there (undo of a drop)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from somestudio.domain.networks import Network
from somestudio.domain.utc import parse_utc, utc_text
from somestudio.store.sql import Conn, Sql, changed, run

_NETWORKS = {n.value: n for n in Network}


@dataclass(frozen=True, slots=True)
class UndatedPost:
    post_id: int
    text: str
    created_at: datetime
    accounts: tuple[tuple[int, Network, str], ...]  # account id, network, label


_UNDATED = Sql(
    "SELECT p.id, p.base_text, p.created_at FROM posts p"
    " WHERE p.deleted_at IS NULL AND NOT EXISTS (SELECT 1 FROM deliveries d"
    "   WHERE d.post_id = p.id AND (d.scheduled_at IS NOT NULL OR d.state <> 'draft'))"
    " ORDER BY p.created_at DESC, p.id DESC"
)
_UNDATED_ACCOUNTS = Sql(
    "SELECT d.post_id, a.id, a.network,"
    " CASE WHEN a.display_name <> '' THEN a.display_name ELSE a.handle END"
    " FROM deliveries d JOIN accounts a ON a.id = d.account_id"
    " JOIN posts p ON p.id = d.post_id"
    " WHERE p.deleted_at IS NULL AND d.scheduled_at IS NULL ORDER BY d.id"
)
_CLEAR = Sql(
    "UPDATE deliveries SET state = 'draft', scheduled_at = NULL, time_zone = NULL,"
    " next_attempt_at = NULL, last_error = NULL, seen_by_user = 1, updated_at = :now"
    " WHERE id = :id AND state IN ('draft', 'scheduled', 'missed', 'failed') RETURNING id"
)


def undated_posts(conn: Conn) -> list[UndatedPost]:
    """Live posts none of whose deliveries has a time (including posts for no account yet),
    newest first (a restored or edited draft keeps its place)."""
    rows = run(conn, _UNDATED).fetchall()
    accounts: dict[int, list[tuple[int, Network, str]]] = {}
    for post_id, account_id, network, label in run(conn, _UNDATED_ACCOUNTS).fetchall():
        known = _NETWORKS.get(str(network))
        if known is not None:
            accounts.setdefault(int(post_id), []).append((int(account_id), known, str(label)))
    return [
        UndatedPost(int(r[0]), str(r[1]), parse_utc(r[2]), tuple(accounts.get(int(r[0]), ())))
        for r in rows
    ]


def clear_times(conn: Conn, delivery_ids: list[int], now: datetime) -> int:
    """Back to undated drafts (only those not sent or being sent); how many changed."""
    at = utc_text(now)
    return sum(changed(run(conn, _CLEAR, {"now": at, "id": d})) for d in delivery_ids)
