"""Read models for the metrics view: totals per channel, posts with their newest numbers,
snapshot series of one post, followers over time. All read ``metric_latest`` (one row per
delivery, kept by triggers) rather than scanning every snapshot."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Sequence
from datetime import date, datetime, timedelta
from itertools import pairwise
from operator import itemgetter
from typing import Any

from somestudio.domain.dashboard import MetricsFilter, PeriodTotals, PostRow
from somestudio.domain.metrics import AccountPoint, PostCounts, Snapshot
from somestudio.domain.networks import Network
from somestudio.domain.utc import parse_utc, utc_text

_PUBLISHED = """
FROM deliveries d
JOIN accounts a ON a.id = d.account_id
JOIN posts p ON p.id = d.post_id AND p.deleted_at IS NULL
LEFT JOIN metric_latest m ON m.delivery_id = d.id
WHERE d.state = 'published' AND d.published_at >= ? AND d.published_at < ?
"""


def _where(flt: MetricsFilter) -> tuple[str, list[object]]:
    sql: list[str] = []
    args: list[object] = []
    if flt.networks:
        sql.append(f" AND a.network IN ({','.join('?' * len(flt.networks))})")
        args.extend(sorted(n.value for n in flt.networks))
    if flt.account_ids:
        sql.append(f" AND d.account_id IN ({','.join('?' * len(flt.account_ids))})")
        args.extend(sorted(flt.account_ids))
    if flt.label:
        sql.append(
            " AND EXISTS (SELECT 1 FROM post_labels pl JOIN labels l ON l.id = pl.label_id"
            " WHERE pl.post_id = d.post_id AND l.name = ?)"
        )
        args.append(flt.label)
    return "".join(sql), args


_FIGURES = ("likes", "reposts", "replies", "quotes", "bookmarks", "views")
_RAW_SUMS = "".join(f", coalesce(sum(m.{f}), 0), count(m.{f})" for f in _FIGURES)
_DAY_SUMS = "".join(f", sum(t.{f}), sum(t.{f}_n)" for f in _FIGURES)
_MIDNIGHT = "T00:00:00Z"


def period_totals(
    conn: sqlite3.Connection, flt: MetricsFilter, start: datetime, end: datetime
) -> list[PeriodTotals]:
    """Each channel's published posts of the period and their newest numbers summed: whole
    UTC days from ``metric_day_totals`` (kept by triggers), the part days at the period's
    ends from the posts themselves; a label filter, which the day totals do not know, reads
    the posts throughout."""
    start_text, end_text = utc_text(start), utc_text(end)
    first = start_text[:10]
    if start_text[10:] != _MIDNIGHT:
        first = (date.fromisoformat(first) + timedelta(days=1)).isoformat()
    last = end_text[:10]
    if flt.label or first >= last:
        return _totals(_raw_sums(conn, flt, start_text, end_text))
    found = _raw_sums(conn, flt, start_text, first + _MIDNIGHT)
    for part in (
        _day_sums(conn, flt, first, last),
        _raw_sums(conn, flt, last + _MIDNIGHT, end_text),
    ):
        for network, sums in part.items():
            known = found.setdefault(network, [0] * len(sums))
            found[network] = [a + b for a, b in zip(known, sums, strict=True)]
    return _totals(found)


def posts_period_totals(
    conn: sqlite3.Connection, flt: MetricsFilter, start: datetime, end: datetime
) -> list[PeriodTotals]:
    """``period_totals`` read from the posts alone (what the day totals must agree with)."""
    return _totals(_raw_sums(conn, flt, utc_text(start), utc_text(end)))


def _totals(sums: dict[str, list[int]]) -> list[PeriodTotals]:
    """[posts, then each figure's sum and count of posts reporting it] per network, as
    totals (a figure no post reports is None), most posts first."""
    found = [
        PeriodTotals(
            Network(network),
            int(s[0]),
            *(int(s[k]) if s[k + 1] else None for k in range(1, len(s), 2)),
        )
        for network, s in sums.items()
    ]
    found.sort(key=lambda t: (-t.posts, t.network.value))
    return found


def _raw_sums(
    conn: sqlite3.Connection, flt: MetricsFilter, start: str, end: str
) -> dict[str, list[int]]:
    if start >= end:
        return {}
    where, args = _where(flt)
    rows = conn.execute(
        "SELECT a.network, count(*)" + _RAW_SUMS + _PUBLISHED + where + " GROUP BY a.network",
        [start, end, *args],
    ).fetchall()
    return {str(r[0]): list(r[1:]) for r in rows}


def _day_sums(
    conn: sqlite3.Connection, flt: MetricsFilter, first: str, last: str
) -> dict[str, list[int]]:
    """Sums of the day totals from day ``first`` to before day ``last`` (networks and
    accounts filtered; not labels)."""
    sql = [
        "SELECT a.network, sum(t.posts)"  # noqa: S608 - this module's SQL and placeholders
        + _DAY_SUMS
        + " FROM metric_day_totals t"
        " JOIN accounts a ON a.id = t.account_id WHERE t.day >= ? AND t.day < ?"
    ]
    args: list[object] = [first, last]
    if flt.networks:
        sql.append(f" AND a.network IN ({','.join('?' * len(flt.networks))})")
        args.extend(sorted(n.value for n in flt.networks))
    if flt.account_ids:
        sql.append(f" AND t.account_id IN ({','.join('?' * len(flt.account_ids))})")
        args.extend(sorted(flt.account_ids))
    sql.append(" GROUP BY a.network")
    return {str(r[0]): list(r[1:]) for r in conn.execute("".join(sql), args).fetchall()}


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
    conn: sqlite3.Connection,
    flt: MetricsFilter,
    start: datetime,
    end: datetime,
    *,
    limit: int | None = None,
) -> list[PostRow]:
    """Published posts of the period, most engaged first (``limit``: the top ones only)."""
    where, args = _where(flt)
    sql = _POST_COLUMNS + _PUBLISHED + where + _ORDER
    if limit is not None:
        sql += f" LIMIT {int(limit)}"
    rows = conn.execute(sql, [utc_text(start), utc_text(end), *args]).fetchall()
    return [_post_row(r) for r in rows]


_ENGAGEMENTS = (
    "coalesce(m.likes,0) + coalesce(m.reposts,0) + coalesce(m.replies,0)"
    " + coalesce(m.quotes,0) + coalesce(m.bookmarks,0)"
)


def view_rows(
    conn: sqlite3.Connection,
    flt: MetricsFilter,
    start: datetime,
    end: datetime,
    offsets: Sequence[tuple[datetime | None, int]],
) -> list[tuple[Any, ...]]:
    """The period's published posts as the metrics view reads them, in ``published_posts``'
    order, as plain rows of what insights need and no more (each column of 25,000 rows costs):
    (delivery id, account id, published_at text, local time as seconds since 1970-01-01
    00:00 on the local clock, text, has media, engagements — None when nothing was ever
    measured —, views, engagements as sorted).

    ``offsets``: the user's zone's offsets from UTC over the period, as
    ``domain.utc.utc_offsets`` gives them; SQLite adds them to each instant (stored times
    are whole seconds), so no datetime is made per post."""
    where, args = _where(flt)
    local: list[str] = []
    local_args: list[object] = []
    for (_, before), (changed_at, _) in pairwise(offsets):
        assert changed_at is not None
        local.append(" WHEN d.published_at < ? THEN ?")
        local_args += [utc_text(changed_at), before]
    local = ["CASE", *local, " ELSE ? END"] if local else ["?"]
    local_args.append(offsets[-1][1])
    # Only placeholders and this module's own SQL are joined here.
    sql = (
        "SELECT d.id, d.account_id,"  # noqa: S608
        " d.published_at,"
        " CAST((julianday(d.published_at) - 2440587.5) * 86400 + 0.5 AS INTEGER) + "
        + "".join(local)
        + ", coalesce(d.text_override, p.base_text),"
        " EXISTS (SELECT 1 FROM media md WHERE md.post_id = d.post_id),"
        " CASE WHEN coalesce(m.likes, m.reposts, m.replies, m.quotes, m.bookmarks, m.views)"
        " IS NOT NULL THEN "
        + _ENGAGEMENTS
        + " END, m.views, "
        + _ENGAGEMENTS
        + _PUBLISHED
        + where
        + " ORDER BY d.published_at, d.id"  # the index's own order: no sorting in SQLite
    )
    rows = conn.execute(sql, [*local_args, utc_text(start), utc_text(end), *args]).fetchall()
    # ``_ORDER`` by two stable sorts, cheaper here than SQLite sorting whole rows, texts
    # and all: newest first keeping ids ascending, then most engaged first.
    rows.sort(key=itemgetter(2), reverse=True)
    rows.sort(key=itemgetter(8), reverse=True)
    return rows


_BY_ID = """
FROM deliveries d
JOIN accounts a ON a.id = d.account_id
JOIN posts p ON p.id = d.post_id
LEFT JOIN metric_latest m ON m.delivery_id = d.id
WHERE d.id IN ({})
"""


def posts_by_delivery(conn: sqlite3.Connection, delivery_ids: Sequence[int]) -> list[PostRow]:
    """These deliveries as rows, in the order given (the top of ``view_rows``)."""
    if not delivery_ids:
        return []
    sql = _POST_COLUMNS + _BY_ID.format(",".join("?" * len(delivery_ids)))
    found = {r[0]: r for r in conn.execute(sql, list(delivery_ids)).fetchall()}
    return [_post_row(found[i]) for i in delivery_ids if i in found]


def post_snapshots(conn: sqlite3.Connection, delivery_id: int) -> list[Snapshot]:
    rows = conn.execute(
        "SELECT fetched_at, likes, reposts, replies, quotes, bookmarks, views"
        " FROM metric_snapshots WHERE delivery_id = ? ORDER BY fetched_at, id",
        (delivery_id,),
    ).fetchall()
    return [Snapshot(parse_utc(r[0]), PostCounts(*r[1:])) for r in rows]


def follower_series(
    conn: sqlite3.Connection, account_ids: Iterable[int], start: datetime, end: datetime
) -> dict[int, list[AccountPoint]]:
    series: dict[int, list[AccountPoint]] = {}
    for account_id in account_ids:
        rows = conn.execute(
            "SELECT fetched_at, followers FROM account_snapshots"
            " WHERE account_id = ? AND fetched_at >= ? AND fetched_at < ?"
            " AND followers IS NOT NULL ORDER BY fetched_at, id",
            (account_id, utc_text(start), utc_text(end)),
        ).fetchall()
        series[account_id] = [AccountPoint(parse_utc(r[0]), int(r[1])) for r in rows]
    return series


def follower_counts(
    conn: sqlite3.Connection, account_ids: Iterable[int], start: datetime, end: datetime
) -> dict[int, tuple[list[str], list[int]]]:
    """``follower_series`` as it is stored: per account, (fetched_at texts, follower counts),
    oldest first; no datetime made per row (a year of four fetches a day is 1,460 per
    account)."""
    found: dict[int, tuple[list[str], list[int]]] = {}
    for account_id in account_ids:
        rows = conn.execute(
            "SELECT fetched_at, followers FROM account_snapshots"
            " WHERE account_id = ? AND fetched_at >= ? AND fetched_at < ?"
            " AND followers IS NOT NULL ORDER BY fetched_at, id",
            (account_id, utc_text(start), utc_text(end)),
        ).fetchall()
        times, counts = (list(c) for c in zip(*rows, strict=True)) if rows else ([], [])
        found[account_id] = (times, counts)
    return found


def followers_before(conn: sqlite3.Connection, account_id: int, moment: datetime) -> int | None:
    """The newest follower count at or before ``moment`` (the first one after, if none)."""
    row = conn.execute(
        "SELECT followers FROM account_snapshots WHERE account_id = ? AND fetched_at <= ?"
        " AND followers IS NOT NULL ORDER BY fetched_at DESC, id DESC LIMIT 1",
        (account_id, utc_text(moment)),
    ).fetchone()
    if row is None:
        row = conn.execute(
            "SELECT followers FROM account_snapshots WHERE account_id = ? AND fetched_at > ?"
            " AND followers IS NOT NULL ORDER BY fetched_at, id LIMIT 1",
            (account_id, utc_text(moment)),
        ).fetchone()
    return None if row is None else int(row[0])


def labels_in_use(conn: sqlite3.Connection) -> list[str]:
    return [
        str(r[0])
        for r in conn.execute(
            "SELECT DISTINCT l.name FROM labels l JOIN post_labels pl ON pl.label_id = l.id"
            " ORDER BY l.name"
        )
    ]
