"""Read models for the metrics view: totals per channel, posts with their newest numbers,
snapshot series of one post, followers over time. All read ``metric_latest`` (one row per
delivery, kept by triggers) rather than scanning every snapshot."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import datetime
from typing import Any

from somestudio.domain.dashboard import MetricsFilter, PeriodTotals, PostRow
from somestudio.domain.metrics import AccountPoint, PostCounts, Snapshot
from somestudio.domain.networks import Network
from somestudio.domain.utc import parse_utc, utc_text
from somestudio.store.sql import Conn, Sql, run

_PUBLISHED = """
FROM deliveries d
JOIN accounts a ON a.id = d.account_id
JOIN posts p ON p.id = d.post_id AND p.deleted_at IS NULL
LEFT JOIN metric_latest m ON m.delivery_id = d.id
WHERE d.state = 'published' AND d.published_at >= :start AND d.published_at < :end
"""


_STATEMENTS: dict[tuple[str, str], Sql] = {}


def _where(flt: MetricsFilter) -> tuple[str, dict[str, object]]:
    sql: list[str] = []
    args: dict[str, object] = {}
    if flt.networks:
        sql.append(" AND a.network IN :networks")
        args["networks"] = sorted(n.value for n in flt.networks)
    if flt.account_ids:
        sql.append(" AND d.account_id IN :accounts")
        args["accounts"] = sorted(flt.account_ids)
    if flt.label:
        sql.append(
            " AND EXISTS (SELECT 1 FROM post_labels pl JOIN labels l ON l.id = pl.label_id"
            " WHERE pl.post_id = d.post_id AND l.name = :label)"
        )
        args["label"] = flt.label
    return "".join(sql), args


def _statement(kind: str, text: str) -> Sql:
    """One statement per kind and filter shape, made once."""
    found = _STATEMENTS.get((kind, text))
    if found is None:
        names = tuple(n for n in ("networks", "accounts") if f":{n}" in text)
        found = Sql(text, expanding=names)
        _STATEMENTS[(kind, text)] = found
    return found


def _period(start: datetime, end: datetime, args: dict[str, object]) -> dict[str, object]:
    return {"start": utc_text(start), "end": utc_text(end), **args}


def period_totals(
    conn: Conn, flt: MetricsFilter, start: datetime, end: datetime
) -> list[PeriodTotals]:
    where, args = _where(flt)
    # CAST: PostgreSQL's sum of integers is a numeric (a Decimal in Python).
    sums = ", ".join(
        f"CAST(sum(m.{c}) AS BIGINT)"
        for c in ("likes", "reposts", "replies", "quotes", "bookmarks", "views")
    )
    text = (
        f"SELECT a.network, count(*), {sums}"
        + _PUBLISHED
        + where
        + " GROUP BY a.network ORDER BY count(*) DESC, a.network"
    )
    rows = run(conn, _statement("totals", text), _period(start, end, args)).fetchall()
    return [PeriodTotals(Network(r[0]), int(r[1]), *r[2:]) for r in rows]


_POST_COLUMNS = (
    "SELECT d.id, d.post_id, d.account_id, a.network,"
    " CASE WHEN a.display_name != '' THEN a.display_name ELSE a.handle END,"
    " d.published_at, coalesce(d.text_override, p.base_text),"
    " (SELECT count(*) FROM media md WHERE md.post_id = d.post_id),"
    " m.likes, m.reposts, m.replies, m.quotes, m.bookmarks, m.views, d.remote_url"
)


def _post_row(r: tuple[Any, ...]) -> PostRow:
    return PostRow(
        delivery_id=int(r[0]),
        post_id=int(r[1]),
        account_id=int(r[2]),
        network=Network(r[3]),
        account_label=str(r[4]),
        published_at=parse_utc(str(r[5])),
        text=str(r[6]),
        media_count=int(r[7]),
        counts=PostCounts(*r[8:14]),
        remote_url=r[14] if isinstance(r[14], str) else None,
    )


_ORDER = (
    " ORDER BY coalesce(m.likes,0) + coalesce(m.reposts,0) + coalesce(m.replies,0)"
    " + coalesce(m.quotes,0) + coalesce(m.bookmarks,0) DESC, d.published_at DESC, d.id"
)


def published_posts(
    conn: Conn,
    flt: MetricsFilter,
    start: datetime,
    end: datetime,
    *,
    limit: int | None = None,
) -> list[PostRow]:
    """Published posts of the period, most engaged first (``limit``: the top ones only)."""
    where, args = _where(flt)
    text = _POST_COLUMNS + _PUBLISHED + where + _ORDER
    if limit is not None:
        text += f" LIMIT {int(limit)}"
    rows = run(conn, _statement("posts", text), _period(start, end, args)).fetchall()
    return [_post_row(r) for r in rows]


_OBSERVATION_COLUMNS = (
    "SELECT d.account_id, a.network, d.published_at, coalesce(d.text_override, p.base_text),"
    # 0/1 on both backends (a bare EXISTS is a boolean on PostgreSQL)
    " CASE WHEN EXISTS (SELECT 1 FROM media md WHERE md.post_id = d.post_id) THEN 1 ELSE 0 END,"
    " m.likes, m.reposts, m.replies, m.quotes, m.bookmarks, m.views, d.id"
)


def observation_rows(
    conn: Conn, flt: MetricsFilter, start: datetime, end: datetime
) -> list[tuple[Any, ...]]:
    """The period's published posts as insights read them, in ``published_posts``' order,
    as plain rows: (account id, network, published_at text, text, has media, likes,
    reposts, replies, quotes, bookmarks, views, delivery id)."""
    where, args = _where(flt)
    text = _OBSERVATION_COLUMNS + _PUBLISHED + where
    rows = list(run(conn, _statement("observations", text), _period(start, end, args)).fetchall())
    # ``_ORDER``, sorted here: SQLite would sort the whole rows, texts and all, in a
    # temporary tree (a quarter of the query's time).
    rows.sort(key=_most_engaged, reverse=True)
    return rows


def _most_engaged(r: tuple[Any, ...]) -> tuple[int, str, int]:
    """Reversed: engagements descending, newest first, then delivery id ascending."""
    return (r[5] or 0) + (r[6] or 0) + (r[7] or 0) + (r[8] or 0) + (r[9] or 0), r[2], -r[11]


_BY_ID = """
FROM deliveries d
JOIN accounts a ON a.id = d.account_id
JOIN posts p ON p.id = d.post_id
LEFT JOIN metric_latest m ON m.delivery_id = d.id
WHERE d.id IN :ids
"""
_POSTS_BY_ID = Sql(_POST_COLUMNS + _BY_ID, expanding=("ids",))
_SNAPSHOTS = Sql(
    "SELECT fetched_at, likes, reposts, replies, quotes, bookmarks, views"
    " FROM metric_snapshots WHERE delivery_id = :delivery ORDER BY fetched_at, id"
)
_FOLLOWERS = Sql(
    "SELECT fetched_at, followers FROM account_snapshots"
    " WHERE account_id = :account AND fetched_at >= :start AND fetched_at < :end"
    " AND followers IS NOT NULL ORDER BY fetched_at, id"
)
_FOLLOWERS_BEFORE = Sql(
    "SELECT followers FROM account_snapshots WHERE account_id = :account AND fetched_at <= :at"
    " AND followers IS NOT NULL ORDER BY fetched_at DESC, id DESC LIMIT 1"
)
_FOLLOWERS_AFTER = Sql(
    "SELECT followers FROM account_snapshots WHERE account_id = :account AND fetched_at > :at"
    " AND followers IS NOT NULL ORDER BY fetched_at, id LIMIT 1"
)
_LABELS_IN_USE = Sql(
    "SELECT DISTINCT l.name FROM labels l JOIN post_labels pl ON pl.label_id = l.id ORDER BY l.name"
)


def posts_by_delivery(conn: Conn, delivery_ids: Sequence[int]) -> list[PostRow]:
    """These deliveries as rows, in the order given (the top of ``observation_rows``)."""
    if not delivery_ids:
        return []
    rows = run(conn, _POSTS_BY_ID, {"ids": list(delivery_ids)}).fetchall()
    found = {r[0]: r for r in rows}
    return [_post_row(found[i]) for i in delivery_ids if i in found]


def post_snapshots(conn: Conn, delivery_id: int) -> list[Snapshot]:
    rows = run(conn, _SNAPSHOTS, {"delivery": delivery_id}).fetchall()
    return [Snapshot(parse_utc(r[0]), PostCounts(*r[1:])) for r in rows]


def follower_series(
    conn: Conn, account_ids: Iterable[int], start: datetime, end: datetime
) -> dict[int, list[AccountPoint]]:
    series: dict[int, list[AccountPoint]] = {}
    for account_id in account_ids:
        params = {"account": account_id, "start": utc_text(start), "end": utc_text(end)}
        rows = run(conn, _FOLLOWERS, params).fetchall()
        series[account_id] = [AccountPoint(parse_utc(r[0]), int(r[1])) for r in rows]
    return series


def followers_before(conn: Conn, account_id: int, moment: datetime) -> int | None:
    """The newest follower count at or before ``moment`` (the first one after, if none)."""
    params = {"account": account_id, "at": utc_text(moment)}
    row = run(conn, _FOLLOWERS_BEFORE, params).fetchone()
    if row is None:
        row = run(conn, _FOLLOWERS_AFTER, params).fetchone()
    return None if row is None else int(row[0])


def labels_in_use(conn: Conn) -> list[str]:
    return [str(r[0]) for r in run(conn, _LABELS_IN_USE).fetchall()]
