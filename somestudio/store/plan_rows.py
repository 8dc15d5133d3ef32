"""Planned posts read whole for the exports (CSV and the calendar feed): each live post's
unsent deliveries with their text, time and zone, its media and its labels."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from somestudio.domain.delivery_state import DeliveryState
from somestudio.domain.utc import parse_utc
from somestudio.store.sql import Conn, Sql, run

# Published (or being published) deliveries are history: exporting them to re-import would
# publish them twice.
_UNSENT = ("draft", "scheduled", "failed", "needs_attention", "missed")
_SELECT = (
    "SELECT p.id, p.base_text, p.updated_at, d.id, d.account_id, d.state,"
    " COALESCE(d.text_override, p.base_text), d.scheduled_at, d.time_zone"
    " FROM deliveries d JOIN posts p ON p.id = d.post_id WHERE p.deleted_at IS NULL"
    " AND d.state IN :states"
)
_ORDER = " ORDER BY d.scheduled_at NULLS LAST, p.id, d.account_id"  # undated last
_ALL_ACCOUNTS = Sql(_SELECT + _ORDER, expanding=("states",))
_ONE_ACCOUNT = Sql(_SELECT + " AND d.account_id = :account" + _ORDER, expanding=("states",))
_MEDIA = Sql(
    "SELECT post_id, path, alt_text FROM media WHERE post_id IN :ids ORDER BY post_id, position",
    expanding=("ids",),
)
_LABELS = Sql(
    "SELECT pl.post_id, l.name FROM post_labels pl JOIN labels l ON l.id = pl.label_id"
    " WHERE pl.post_id IN :ids",
    expanding=("ids",),
)


@dataclass(frozen=True, slots=True)
class PlannedDelivery:
    id: int
    account_id: int
    state: DeliveryState
    text: str  # its own text, or the post's base text
    scheduled_at: datetime | None
    time_zone: str | None


@dataclass(frozen=True, slots=True)
class PlannedPost:
    id: int
    base_text: str
    updated_at: str
    deliveries: tuple[PlannedDelivery, ...]
    media: tuple[tuple[str, str], ...]  # (path, alt text) in order
    labels: tuple[str, ...]


def planned_posts(
    conn: Conn, *, account_id: int | None = None, include_sent: bool = False
) -> list[PlannedPost]:
    """Live posts with at least one matching delivery, earliest first (undated last)."""
    states = tuple(s.value for s in DeliveryState) if include_sent else _UNSENT
    if account_id is None:
        rows = run(conn, _ALL_ACCOUNTS, {"states": states}).fetchall()
    else:
        rows = run(conn, _ONE_ACCOUNT, {"states": states, "account": account_id}).fetchall()
    order: list[int] = []
    found: dict[int, tuple[str, str, list[PlannedDelivery]]] = {}
    for post_id, base, updated, d_id, acc, state, text, at, zone in rows:
        if post_id not in found:
            order.append(post_id)
            found[post_id] = (str(base), str(updated), [])
        found[post_id][2].append(
            PlannedDelivery(
                int(d_id),
                int(acc),
                DeliveryState(state),
                str(text),
                parse_utc(at) if at is not None else None,
                str(zone) if zone is not None else None,
            )
        )
    media = _media(conn, order)
    labels = _labels(conn, order)
    return [
        PlannedPost(
            post_id,
            found[post_id][0],
            found[post_id][1],
            tuple(found[post_id][2]),
            tuple(media.get(post_id, ())),
            tuple(sorted(labels.get(post_id, ()), key=str.casefold)),
        )
        for post_id in order
    ]


def _media(conn: Conn, post_ids: list[int]) -> dict[int, list[tuple[str, str]]]:
    out: dict[int, list[tuple[str, str]]] = {}
    for chunk in _chunks(post_ids):
        for post_id, path, alt in run(conn, _MEDIA, {"ids": chunk}).fetchall():
            out.setdefault(int(post_id), []).append((str(path), str(alt)))
    return out


def _labels(conn: Conn, post_ids: list[int]) -> dict[int, list[str]]:
    out: dict[int, list[str]] = {}
    for chunk in _chunks(post_ids):
        for post_id, name in run(conn, _LABELS, {"ids": chunk}).fetchall():
            out.setdefault(int(post_id), []).append(str(name))
    return out


def _chunks(ids: list[int], size: int = 500) -> list[list[int]]:
    return [ids[i : i + size] for i in range(0, len(ids), size)]
