"""Planned posts read whole for the exports (CSV and the calendar feed): each live post's
unsent deliveries with their text, time and zone, its media and its labels."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from datetime import datetime

from somestudio.domain.delivery_state import DeliveryState
from somestudio.domain.utc import parse_utc

# Published (or being published) deliveries are history: exporting them to re-import would
# publish them twice.
_UNSENT = ("draft", "scheduled", "failed", "needs_attention", "missed")
_SELECT = (
    "SELECT p.id, p.base_text, p.updated_at, d.id, d.account_id, d.state,"
    " COALESCE(d.text_override, p.base_text), d.scheduled_at, d.time_zone"
    " FROM deliveries d JOIN posts p ON p.id = d.post_id WHERE p.deleted_at IS NULL AND "
)
_MEDIA = "SELECT post_id, path, alt_text FROM media WHERE post_id IN "
_LABELS = (
    "SELECT pl.post_id, l.name FROM post_labels pl JOIN labels l ON l.id = pl.label_id"
    " WHERE pl.post_id IN "
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
    conn: sqlite3.Connection, *, account_id: int | None = None, include_sent: bool = False
) -> list[PlannedPost]:
    """Live posts with at least one matching delivery, earliest first (undated last)."""
    states = tuple(s.value for s in DeliveryState) if include_sent else _UNSENT
    marks = ", ".join("?" * len(states))
    where = f"d.state IN ({marks})" + (" AND d.account_id = ?" if account_id is not None else "")
    params: tuple[object, ...] = (*states, account_id) if account_id is not None else states
    rows = conn.execute(
        _SELECT + where + " ORDER BY d.scheduled_at IS NULL, d.scheduled_at, p.id, d.account_id",
        params,
    ).fetchall()
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


def _media(conn: sqlite3.Connection, post_ids: list[int]) -> dict[int, list[tuple[str, str]]]:
    out: dict[int, list[tuple[str, str]]] = {}
    for chunk in _chunks(post_ids):
        marks = ", ".join("?" * len(chunk))
        for post_id, path, alt in conn.execute(
            _MEDIA + f"({marks}) ORDER BY post_id, position",
            chunk,
        ):
            out.setdefault(int(post_id), []).append((str(path), str(alt)))
    return out


def _labels(conn: sqlite3.Connection, post_ids: list[int]) -> dict[int, list[str]]:
    out: dict[int, list[str]] = {}
    for chunk in _chunks(post_ids):
        marks = ", ".join("?" * len(chunk))
        for post_id, name in conn.execute(
            _LABELS + f"({marks})",
            chunk,
        ):
            out.setdefault(int(post_id), []).append(str(name))
    return out


def _chunks(ids: list[int], size: int = 500) -> list[list[int]]:
    return [ids[i : i + size] for i in range(0, len(ids), size)]
