"""Repeating series (revision 0020): the posts a weekly or monthly repeat made, kept
together with their positions, so a post can say "2 of 4" and a change can reach the later
ones. A post in the bin keeps its place (undo restores it there); it is left out of what
``members`` returns while it is deleted."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime

from somestudio.domain.utc import utc_text
from somestudio.store import composition
from somestudio.store.sql import Conn, Sql, one_id, run, run_many


@dataclass(frozen=True, slots=True)
class SeriesInfo:
    series_id: int
    rule: str  # domain.recurrence.rule_spec
    time_zone: str
    total: int  # how many posts the series was made with


@dataclass(frozen=True, slots=True)
class SeriesMember:
    post_id: int
    position: int


_NEW = Sql(
    "INSERT INTO post_series (rule, time_zone, total, created_at)"
    " VALUES (:rule, :zone, :total, :now) RETURNING id"
)
_MEMBER = Sql(
    "INSERT INTO series_posts (post_id, series_id, position) VALUES (:post, :series, :position)"
)
_OF_POST = Sql(
    "SELECT s.id, s.rule, s.time_zone, s.total, sp.position FROM series_posts sp"
    " JOIN post_series s ON s.id = sp.series_id WHERE sp.post_id = :post"
)
_MEMBERS = Sql(
    "SELECT sp.post_id, sp.position FROM series_posts sp"
    " JOIN posts p ON p.id = sp.post_id AND p.deleted_at IS NULL"
    " WHERE sp.series_id = :series ORDER BY sp.position"
)


def create(conn: Conn, post_ids: Sequence[int], *, rule: str, zone: str, now: datetime) -> int:
    """A series of ``post_ids`` in that order (positions 1…n); its id."""
    series_id = one_id(
        run(conn, _NEW, {"rule": rule, "zone": zone, "total": len(post_ids), "now": utc_text(now)})
    )
    run_many(
        conn,
        _MEMBER,
        [
            {"post": post_id, "series": series_id, "position": i}
            for i, post_id in enumerate(post_ids, start=1)
        ],
    )
    return series_id


def of_post(conn: Conn, post_id: int) -> tuple[SeriesInfo, int] | None:
    """The series ``post_id`` belongs to and its position there; None when it is in none."""
    row = run(conn, _OF_POST, {"post": post_id}).fetchone()
    if row is None:
        return None
    return SeriesInfo(int(row[0]), str(row[1]), str(row[2]), int(row[3])), int(row[4])


def members(conn: Conn, series_id: int) -> list[SeriesMember]:
    """The series' live posts (not in the bin), first occurrence first."""
    return [
        SeriesMember(int(r[0]), int(r[1]))
        for r in run(conn, _MEMBERS, {"series": series_id}).fetchall()
    ]


def set_texts(
    conn: Conn, post_id: int, base_text: str, variants: Mapping[int, str], now: datetime
) -> bool:
    """The post's text and each account's own text (an account not in ``variants`` then
    sends the post's text), in the caller's transaction; its media, threads and times stay.
    A delivery being sent or sent keeps what it went with. False: the post is deleted."""
    if not composition.replace_text(conn, post_id, base_text, now):
        return False
    at = utc_text(now)
    for delivery_id, account_id in composition.open_deliveries(conn, post_id):
        text = variants.get(account_id)
        composition.set_variant(conn, delivery_id, None if text == base_text else text, at)
    return True
