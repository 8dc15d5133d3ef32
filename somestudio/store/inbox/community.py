"""The rows behind the community numbers (``domain.inbox.community``)."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from functools import cache

from somestudio.domain.inbox.community import Received
from somestudio.domain.utc import parse_utc, utc_text
from somestudio.store.sql import Conn, Sql, run

_SELECT = (
    "SELECT i.created_at, r.sent_at, i.done_at FROM inbox_items i"
    " JOIN accounts a ON a.id = i.account_id"
    " LEFT JOIN inbox_replies r ON r.item_id = i.id AND r.state = 'sent'"
    " WHERE a.removed_at IS NULL"
    " AND i.kind IN ('reply', 'mention', 'quote', 'comment')"
    " AND (i.created_at >= :since OR (i.done_at IS NULL AND r.sent_at IS NULL))"
)


@cache
def _received(by_network: bool, by_account: bool) -> Sql:
    """The statement for the filters given (an empty list filters nothing; PostgreSQL cannot
    type an empty list, so it is left out rather than passed)."""
    text, lists = _SELECT, []
    if by_network:
        text += " AND a.network IN :networks"
        lists.append("networks")
    if by_account:
        text += " AND i.account_id IN :accounts"
        lists.append("accounts")
    return Sql(text, tuple(lists))


def received(
    conn: Conn,
    since: datetime,
    networks: Iterable[str] = (),
    account_ids: Iterable[int] = (),
) -> list[Received]:
    """Answerable entries created since ``since``, plus every older one still open and
    unanswered (they count as unanswered, whatever their age); only those of ``networks``
    and ``account_ids`` when given (empty: all), of accounts not removed."""
    wanted_networks = sorted(str(n) for n in networks)
    wanted_accounts = sorted(int(a) for a in account_ids)
    params: dict[str, object] = {"since": utc_text(since)}
    if wanted_networks:
        params["networks"] = wanted_networks
    if wanted_accounts:
        params["accounts"] = wanted_accounts
    statement = _received(bool(wanted_networks), bool(wanted_accounts))
    rows = run(conn, statement, params).fetchall()
    return [
        Received(
            parse_utc(str(r[0])),
            parse_utc(str(r[1])) if r[1] else None,
            parse_utc(str(r[2])) if r[2] else None,
        )
        for r in rows
    ]
