"""Read models for the metrics view: totals per channel, posts with their newest numbers,
snapshot series of one post, followers over time. All read ``metric_latest`` (one row per
delivery, kept by triggers) rather than scanning every snapshot."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date, datetime, timedelta
from operator import itemgetter
from typing import Any

from somestudio.domain.dashboard import MetricsFilter, PeriodTotals, PostRow
from somestudio.domain.entities import text_facts
from somestudio.domain.metrics import AccountPoint, PostCounts, Snapshot
from somestudio.domain.networks import Network
from somestudio.domain.utc import parse_utc, utc_text
from somestudio.store.sql import Conn, Sql, backend, run

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


def _statement(kind: str, text: str, postgresql: str | None = None) -> Sql:
    """One statement per kind and filter shape, made once."""
    found = _STATEMENTS.get((kind, text))
    if found is None:
        names = tuple(n for n in ("networks", "accounts") if f":{n}" in text)
        found = Sql(text, expanding=names, postgresql=postgresql)
        _STATEMENTS[(kind, text)] = found
    return found


def _period(start: datetime, end: datetime, args: dict[str, object]) -> dict[str, object]:
    return {"start": utc_text(start), "end": utc_text(end), **args}


_FIGURES = ("likes", "reposts", "replies", "quotes", "bookmarks", "views")
# CAST: PostgreSQL's sum of integers is a numeric (a Decimal in Python).
_RAW_SUMS = "".join(f", CAST(coalesce(sum(m.{f}), 0) AS BIGINT), count(m.{f})" for f in _FIGURES)
_DAY_SUMS = "".join(f", CAST(sum(t.{f}) AS BIGINT), CAST(sum(t.{f}_n) AS BIGINT)" for f in _FIGURES)
_MIDNIGHT = "T00:00:00Z"


def period_totals(
    conn: Conn, flt: MetricsFilter, start: datetime, end: datetime
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
    conn: Conn, flt: MetricsFilter, start: datetime, end: datetime
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


def _raw_sums(conn: Conn, flt: MetricsFilter, start: str, end: str) -> dict[str, list[int]]:
    if start >= end:
        return {}
    where, args = _where(flt)
    text = "SELECT a.network, count(*)" + _RAW_SUMS + _PUBLISHED + where + " GROUP BY a.network"
    rows = run(conn, _statement("totals", text), {"start": start, "end": end, **args}).fetchall()
    return {str(r[0]): list(r[1:]) for r in rows}


def _day_sums(conn: Conn, flt: MetricsFilter, first: str, last: str) -> dict[str, list[int]]:
    """Sums of the day totals from day ``first`` to before day ``last`` (networks and
    accounts filtered; not labels)."""
    sql = [
        "SELECT a.network, CAST(sum(t.posts) AS BIGINT)"  # noqa: S608 - this module's SQL
        + _DAY_SUMS
        + " FROM metric_day_totals t"
        " JOIN accounts a ON a.id = t.account_id WHERE t.day >= :first AND t.day < :last"
    ]
    args: dict[str, object] = {"first": first, "last": last}
    if flt.networks:
        sql.append(" AND a.network IN :networks")
        args["networks"] = sorted(n.value for n in flt.networks)
    if flt.account_ids:
        sql.append(" AND t.account_id IN :accounts")
        args["accounts"] = sorted(flt.account_ids)
    sql.append(" GROUP BY a.network")
    rows = run(conn, _statement("day sums", "".join(sql)), args).fetchall()
    return {str(r[0]): list(r[1:]) for r in rows}


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


_ENGAGEMENTS = (
    "coalesce(m.likes,0) + coalesce(m.reposts,0) + coalesce(m.replies,0)"
    " + coalesce(m.quotes,0) + coalesce(m.bookmarks,0)"
)
# The view's posts: the accounts are joined only for a filter by network (every delivery's
# account exists: a foreign key that refuses to delete an account with deliveries).
_VIEW_FROM = """
FROM deliveries d
JOIN posts p ON p.id = d.post_id AND p.deleted_at IS NULL
LEFT JOIN metric_latest m ON m.delivery_id = d.id
WHERE d.state = 'published' AND d.published_at >= :start AND d.published_at < :end
"""
_VIEW_COLUMNS = (
    "SELECT d.id, d.account_id, d.published_at,"  # noqa: S608 - this module's own SQL
    " CASE WHEN d.text_override IS NULL THEN p.text_length ELSE d.override_length END,"
    " CASE WHEN d.text_override IS NULL THEN p.text_hashtags ELSE d.override_hashtags END,"
    # As written with the post's media; where it is not known (NULL), looked for (0/1 on
    # both backends: a bare EXISTS is a boolean on PostgreSQL; coalesce looks only then).
    " coalesce(p.has_media, CASE WHEN EXISTS (SELECT 1 FROM media md"
    " WHERE md.post_id = d.post_id) THEN 1 ELSE 0 END), "
    + _ENGAGEMENTS
    + ", m.views, CASE WHEN coalesce(m.likes, m.reposts, m.replies, m.quotes, m.bookmarks,"
    " m.views) IS NOT NULL THEN 1 ELSE 0 END"
)


def view_rows(
    conn: Conn, flt: MetricsFilter, start: datetime, end: datetime, *, ordered: bool = True
) -> list[tuple[Any, ...]]:
    """The period's published posts as the metrics view reads them, in ``published_posts``'
    order, as plain rows of what insights need and no more (each column of 25,000 rows costs):
    (delivery id, account id, published_at text, the text's length, its hashtags, has media,
    engagements as sorted — 0 when nothing was ever measured —, views — None if not
    counted —, 1 if anything was ever measured else 0). The text's length and hashtags are
    the ones stored with it (store/text_columns.py), not the text: a row without them
    (written by an older build) has its text read and counted here. The engagements are
    read once (the engagements per view are the caller's: each further expression on them
    here cost more than reading them), and so is the publishing time: the caller turns the
    texts into instants (a date function per row here cost more than that).

    ``ordered=False``: in the order published (published_at, then id) instead;
    ``in_view_order`` sorts them later."""
    where, args = _where(flt)
    params: dict[str, object] = {"start": utc_text(start), "end": utc_text(end), **args}
    source = _VIEW_FROM
    if flt.networks:
        source = _PUBLISHED
    # Only named parameters and this module's own SQL are joined here.
    text = _VIEW_COLUMNS + source + where + " ORDER BY d.published_at, d.id"
    # (the index's own order: no sorting in SQLite)
    statement = _statement("view", text)
    rows = list(run(conn, statement, params).fetchall())
    if None in map(itemgetter(4), rows) or None in map(itemgetter(3), rows):
        _count_texts(conn, rows)
    return in_view_order(rows) if ordered else rows


# The view's rows as two texts (SQLite only): every row's integers joined by commas, nine a
# row (as ``view_rows`` has them, a NULL length, hashtags or views as -1 with a flag after the
# views: 1 where they are NULL), and the publishing times joined with nothing between them.
# Python then makes no tuple, int or str per row: a year's 25,000 rows, turned into Python
# values one by one, cost more than SQLite's join itself.
_VIEW_PACKED_COLUMNS = (
    "SELECT count(*), group_concat(printf('%d,%d,%d,%d,%d,%d,%d,%d,%d',"  # noqa: S608
    " d.id, d.account_id,"
    " coalesce(CASE WHEN d.text_override IS NULL THEN p.text_length"
    " ELSE d.override_length END, -1),"
    " coalesce(CASE WHEN d.text_override IS NULL THEN p.text_hashtags"
    " ELSE d.override_hashtags END, -1),"
    " coalesce(p.has_media, EXISTS (SELECT 1 FROM media md WHERE md.post_id = d.post_id)), "
    + _ENGAGEMENTS
    + ", coalesce(m.views, -1), m.views IS NULL,"
    " coalesce(m.likes, m.reposts, m.replies, m.quotes, m.bookmarks, m.views) IS NOT NULL)),"
    " group_concat(d.published_at, '')"
)
VIEW_PACKED_WIDTH = 9  # integers per row in ``view_packed``


def view_packed(
    conn: Conn, flt: MetricsFilter, start: datetime, end: datetime
) -> tuple[int, str, str] | None:
    """``view_rows`` (in no particular order) as (the count of rows, their integers, their
    publishing times) for a caller that reads them as arrays: the integers of each row —
    delivery id, account id, length, hashtags, has media, engagements, views, 1 if the
    views are NULL, 1 if anything was ever measured — joined by commas (a length, hashtags
    or views that are NULL as -1), and the times joined as they are stored. None on a
    backend other than SQLite. A length or hashtags of -1 is a row without them stored: its
    text is to be read, which ``view_rows`` does."""
    if backend(conn) != "sqlite":
        return None
    where, args = _where(flt)
    params: dict[str, object] = {"start": utc_text(start), "end": utc_text(end), **args}
    source = _PUBLISHED if flt.networks else _VIEW_FROM
    statement = _statement("view packed", _VIEW_PACKED_COLUMNS + source + where)
    count, numbers, times = run(conn, statement, params).fetchone()
    if not count:
        return (0, "", "")
    return int(count), str(numbers), str(times)


_TEXTS_BY_ID = Sql(
    "SELECT d.id, coalesce(d.text_override, p.base_text) FROM deliveries d"
    " JOIN posts p ON p.id = d.post_id WHERE d.id IN :ids",
    expanding=("ids",),
)


def _count_texts(conn: Conn, rows: list[tuple[Any, ...]]) -> None:
    """The length and hashtags of the rows that have none stored, from their texts (in
    place)."""
    missing = [i for i, r in enumerate(rows) if r[3] is None or r[4] is None]
    texts: dict[int, str] = {}
    for k in range(0, len(missing), 500):
        ids = [rows[i][0] for i in missing[k : k + 500]]
        texts.update((int(r[0]), str(r[1])) for r in run(conn, _TEXTS_BY_ID, {"ids": ids}))
    for i in missing:
        row = rows[i]
        rows[i] = (*row[:3], *text_facts(texts[row[0]]), *row[5:])


def in_view_order(rows: list[tuple[Any, ...]]) -> list[tuple[Any, ...]]:
    """``view_rows`` read in the order published, put in ``published_posts``' order (in
    place): by two stable sorts, cheaper here than SQLite sorting whole rows, texts and all:
    newest first keeping ids ascending, then most engaged first."""
    rows.sort(key=itemgetter(2), reverse=True)
    rows.sort(key=itemgetter(6), reverse=True)
    return rows


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
    """These deliveries as rows, in the order given (the top of ``view_rows``)."""
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


def follower_counts(
    conn: Conn, account_ids: Iterable[int], start: datetime, end: datetime
) -> dict[int, tuple[list[str], list[int]]]:
    """``follower_series`` as it is stored: per account, (fetched_at texts, follower counts),
    oldest first; no datetime made per row (a year of four fetches a day is 1,460 per
    account)."""
    found: dict[int, tuple[list[str], list[int]]] = {}
    for account_id in account_ids:
        params = {"account": account_id, "start": utc_text(start), "end": utc_text(end)}
        rows = run(conn, _FOLLOWERS, params).fetchall()
        times, counts = (list(c) for c in zip(*rows, strict=True)) if rows else ([], [])
        found[account_id] = (times, counts)
    return found


_FOLLOWERS_PACKED = Sql(
    "SELECT count(*), group_concat(fetched_at, ''), group_concat(followers) FROM ("
    "SELECT fetched_at, followers FROM account_snapshots"
    " WHERE account_id = :account AND fetched_at >= :start AND fetched_at < :end"
    " AND followers IS NOT NULL ORDER BY fetched_at, id)"
)


def follower_counts_packed(
    conn: Conn, account_ids: Iterable[int], start: datetime, end: datetime
) -> dict[int, tuple[int, str, str]] | None:
    """``follower_counts`` (SQLite only, else None) for a caller that reads them as arrays:
    per account, (how many, the fetched_at texts joined with nothing between them, the
    counts joined by commas), oldest first (the inner query's order, which SQLite keeps for
    an aggregate over it; the caller checks the times ascend)."""
    if backend(conn) != "sqlite":
        return None
    found: dict[int, tuple[int, str, str]] = {}
    for account_id in account_ids:
        params = {"account": account_id, "start": utc_text(start), "end": utc_text(end)}
        count, times, counts = run(conn, _FOLLOWERS_PACKED, params).fetchone()
        found[account_id] = (int(count), str(times or ""), str(counts or ""))
    return found


def followers_before(conn: Conn, account_id: int, moment: datetime) -> int | None:
    """The newest follower count at or before ``moment`` (the first one after, if none)."""
    params = {"account": account_id, "at": utc_text(moment)}
    row = run(conn, _FOLLOWERS_BEFORE, params).fetchone()
    if row is None:
        row = run(conn, _FOLLOWERS_AFTER, params).fetchone()
    return None if row is None else int(row[0])


def labels_in_use(conn: Conn) -> list[str]:
    return [str(r[0]) for r in run(conn, _LABELS_IN_USE).fetchall()]
