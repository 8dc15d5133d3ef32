"""Posts, their media and labels, and one delivery per post × account."""

from __future__ import annotations

import sqlite3
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from somestudio.domain.delivery_state import DeliveryState
from somestudio.domain.networks import Network
from somestudio.domain.posts import MediaItem, ScheduledEntry, new_idempotency_key
from somestudio.domain.utc import parse_utc, utc_now, utc_text


def create_post(
    conn: sqlite3.Connection,
    text: str,
    *,
    notes: str = "",
    media: Sequence[MediaItem] = (),
    labels: Sequence[str] = (),
) -> int:
    now = utc_text(utc_now())
    cur = conn.execute(
        "INSERT INTO posts (base_text, notes, created_at, updated_at) VALUES (?, ?, ?, ?)",
        (text, notes, now, now),
    )
    post_id = cur.lastrowid
    assert post_id is not None
    conn.executemany(
        "INSERT INTO media (post_id, position, path, mime_type, alt_text) VALUES (?, ?, ?, ?, ?)",
        [(post_id, i, m.path, m.mime_type, m.alt_text) for i, m in enumerate(media)],
    )
    for name in labels:
        conn.execute("INSERT OR IGNORE INTO labels (name) VALUES (?)", (name,))
        conn.execute(
            "INSERT INTO post_labels (post_id, label_id) SELECT ?, id FROM labels WHERE name = ?",
            (post_id, name),
        )
    return post_id


def add_delivery(
    conn: sqlite3.Connection,
    post_id: int,
    account_id: int,
    *,
    scheduled_at: datetime | None,
    time_zone: str | None,
    state: DeliveryState,
    text_override: str | None = None,
) -> int:
    cur = conn.execute(
        "INSERT INTO deliveries (post_id, account_id, text_override, scheduled_at, time_zone,"
        " state, idempotency_key, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        (
            post_id,
            account_id,
            text_override,
            utc_text(scheduled_at) if scheduled_at else None,
            time_zone,
            state.value,
            new_idempotency_key(),
            utc_text(utc_now()),
        ),
    )
    assert cur.lastrowid is not None
    return cur.lastrowid


_ENTRY_SELECT = """
SELECT d.id, d.post_id, d.account_id, a.network,
       CASE WHEN a.display_name <> '' THEN a.display_name ELSE a.handle END,
       d.state, d.scheduled_at, d.time_zone,
       substr(COALESCE(d.text_override, p.base_text), 1, 160),  -- a calendar snippet
       (SELECT count(*) FROM media m WHERE m.post_id = p.id),
       (SELECT group_concat(l.name, char(31)) FROM post_labels pl
          JOIN labels l ON l.id = pl.label_id WHERE pl.post_id = p.id),
       EXISTS (SELECT 1 FROM first_comments c WHERE c.delivery_id = d.id),
       d.state = 'needs_attention' AND (SELECT t.error_kind FROM attempts t
          WHERE t.delivery_id = d.id ORDER BY t.id DESC LIMIT 1) = 'manual'
FROM deliveries d
JOIN posts p ON p.id = d.post_id
JOIN accounts a ON a.id = d.account_id
WHERE p.deleted_at IS NULL AND d.scheduled_at IS NOT NULL
"""


_NETWORKS = {n.value: n for n in Network}
_STATES = {s.value: s for s in DeliveryState}
_EntryRow = tuple[int, int, int, str, str, str, str, str, str, int, str | None, int, int | None]


def _entry(row: _EntryRow) -> ScheduledEntry:
    # A calendar month is a thousand of these: plain lookups, no conversions that are not needed.
    (
        delivery_id,
        post_id,
        account_id,
        network,
        label,
        state,
        at,
        zone,
        text,
        media,
        labels,
        comment,
        by_hand,
    ) = row
    return ScheduledEntry(
        delivery_id=delivery_id,
        post_id=post_id,
        account_id=account_id,
        network=_NETWORKS[network],
        account_label=label,
        state=_STATES[state],
        scheduled_at=parse_utc(at),
        time_zone=zone,
        text=text,
        media_count=media,
        labels=tuple(sorted(labels.split("\x1f"))) if labels else (),
        first_comment=bool(comment),
        waiting_by_hand=bool(by_hand),
    )


def entries_between(
    conn: sqlite3.Connection, start: datetime, end: datetime
) -> list[ScheduledEntry]:
    """Deliveries with a time in [start, end), earliest first."""
    rows = conn.execute(
        _ENTRY_SELECT + " AND d.scheduled_at >= ? AND d.scheduled_at < ?"
        " ORDER BY d.scheduled_at, d.id",
        (utc_text(start), utc_text(end)),
    ).fetchall()
    return [_entry(r) for r in rows]


@dataclass(frozen=True, slots=True)
class DaysWanted:
    """Local days as UTC ranges, each day's first ``per_day`` posts, through these filters."""

    days: Sequence[tuple[str, datetime, datetime]]  # (key, start, end) per day
    per_day: int
    account_ids: Sequence[int] = ()
    states: Sequence[str] = ()
    label: str | None = None


def first_posts_by_day(
    conn: sqlite3.Connection, wanted: DaysWanted
) -> tuple[dict[str, int], list[tuple[str, ScheduledEntry]]]:
    """How many posts each day holds, and the deliveries (on that day) of its first
    ``per_day`` posts by their first time: a calendar month costs the same however busy."""
    if not wanted.days:
        return {}, []
    filters, params = _filters(wanted)
    values = ",".join("(?, ?, ?)" for _ in wanted.days)
    # Each day's bounds as stored text, made once (formatting is most of the Python's time).
    texts = [(key, utc_text(start), utc_text(end)) for key, start, end in wanted.days]
    bounds: list[object] = [part for day in texts for part in day]
    # Both read the index deliveries_calendar alone (scheduled_at, post_id, account_id, state);
    # a deleted post is told by the small index of the deleted ones (posts_deleted).
    live = "d.post_id NOT IN (SELECT id FROM posts WHERE deleted_at IS NOT NULL)" + filters  # noqa: S608 - fixed SQL
    totals = {
        str(day): int(total)
        for day, total in conn.execute(
            f"""
            WITH days(day, s, e) AS (VALUES {values})
            SELECT days.day, count(DISTINCT d.post_id)
            FROM days
            JOIN deliveries d ON d.scheduled_at >= days.s AND d.scheduled_at < days.e
            WHERE {live}
            GROUP BY days.day
            """,  # noqa: S608 - only placeholders and fixed SQL are formatted in
            [*bounds, *params],
        )
    }
    # Each busy day's first posts by their first time there: read in time order, stopped
    # as soon as ``per_day`` posts are seen (the rest of a busy day is never read).
    chosen: set[tuple[str, int]] = set()
    first_sql = (
        "SELECT d.post_id FROM deliveries d WHERE d.scheduled_at >= ? AND d.scheduled_at < ?"  # noqa: S608 - fixed SQL
        f" AND {live} ORDER BY d.scheduled_at, d.post_id"
    )
    for key, start_text, end_text in texts:
        if key not in totals:
            continue
        seen: list[int] = []
        cursor = conn.execute(first_sql, [start_text, end_text, *params])
        for (post,) in cursor:
            if post not in seen:
                seen.append(post)
                if len(seen) >= wanted.per_day:
                    break
        cursor.close()
        chosen.update((key, post) for post in seen)
    found: list[tuple[str, ScheduledEntry]] = []
    post_ids = sorted({post for _day, post in chosen})
    spans = sorted((start_text, end_text, key) for key, start_text, end_text in texts)
    starts = [span[0] for span in spans]
    first_at, last_at = spans[0][0], max(span[1] for span in spans)
    for offset in range(0, len(post_ids), 500):
        chunk = post_ids[offset : offset + 500]
        marks = ",".join("?" * len(chunk))
        rows = conn.execute(
            _ENTRY_SELECT + f" AND d.post_id IN ({marks}) AND d.scheduled_at >= ?"
            f" AND d.scheduled_at < ? {filters} ORDER BY d.scheduled_at, d.id",
            [*chunk, first_at, last_at, *params],
        ).fetchall()
        for row in rows:
            at = row[6]
            place = bisect_right(starts, at) - 1
            if place < 0 or at >= spans[place][1]:
                continue
            day = spans[place][2]
            if (day, row[1]) in chosen:
                found.append((day, _entry(row)))
    found.sort(key=lambda pair: (pair[1].scheduled_at, pair[1].delivery_id))
    return totals, found


def _filters(wanted: DaysWanted) -> tuple[str, list[object]]:
    sql, params = "", list[object]()
    if wanted.account_ids:
        sql += f" AND d.account_id IN ({','.join('?' * len(wanted.account_ids))})"
        params += list(wanted.account_ids)
    if wanted.states:
        sql += f" AND d.state IN ({','.join('?' * len(wanted.states))})"
        params += list(wanted.states)
    if wanted.label is not None:
        sql += (
            " AND EXISTS (SELECT 1 FROM post_labels pl JOIN labels l ON l.id = pl.label_id"
            " WHERE pl.post_id = d.post_id AND l.name = ?)"
        )
        params.append(wanted.label)
    return sql, params


def first_images(conn: sqlite3.Connection, post_ids: Sequence[int]) -> dict[int, str]:
    """Each post's first image file (by position), for calendar thumbnails."""
    found: dict[int, str] = {}
    ids = list(dict.fromkeys(post_ids))
    for start in range(0, len(ids), 500):  # SQLite's variable limit, with room to spare
        chunk = ids[start : start + 500]
        marks = ",".join("?" * len(chunk))
        rows = conn.execute(
            "SELECT post_id, path FROM media WHERE post_id IN (" + marks + ")"  # noqa: S608 - only "?"
            " AND mime_type LIKE 'image/%' ORDER BY post_id, position",
            chunk,
        ).fetchall()
        for post_id, path in rows:
            found.setdefault(int(post_id), str(path))
    return found


def entry_by_delivery(conn: sqlite3.Connection, delivery_id: int) -> ScheduledEntry | None:
    row = conn.execute(_ENTRY_SELECT + " AND d.id = ?", (delivery_id,)).fetchone()
    return _entry(row) if row else None


def next_due(conn: sqlite3.Connection) -> ScheduledEntry | None:
    row = conn.execute(
        _ENTRY_SELECT + " AND d.state = 'scheduled' ORDER BY d.scheduled_at, d.id LIMIT 1"
    ).fetchone()
    return _entry(row) if row else None


# A delivery held for the user to publish by hand: its latest attempt is the reminder.
WAITING_BY_HAND = (
    "d.state = 'needs_attention' AND (SELECT error_kind FROM attempts t"
    " WHERE t.delivery_id = d.id ORDER BY t.id DESC LIMIT 1) = 'manual'"
)


def count_wanting_user(conn: sqlite3.Connection) -> int:
    """Failed, needs-attention and missed deliveries, until the user decides on each (looking
    is not deciding). Posts waiting to be published by hand are counted as reminders."""
    row = conn.execute(
        f"SELECT count(*) FROM deliveries d JOIN posts p ON p.id = d.post_id"  # noqa: S608 - a fixed condition
        f" WHERE p.deleted_at IS NULL AND d.state IN ('failed', 'needs_attention', 'missed')"
        f" AND NOT ({WAITING_BY_HAND})"
    ).fetchone()
    return int(row[0])


def wanting_decision(conn: sqlite3.Connection) -> list[ScheduledEntry]:
    """The deliveries ``count_wanting_user`` counts, earliest first."""
    rows = conn.execute(
        _ENTRY_SELECT + " AND d.state IN ('failed', 'needs_attention', 'missed')"
        f" AND NOT ({WAITING_BY_HAND}) ORDER BY d.scheduled_at, d.id"
    ).fetchall()
    return [_entry(r) for r in rows]


def count_waiting_by_hand(conn: sqlite3.Connection) -> int:
    row = conn.execute(
        f"SELECT count(*) FROM deliveries d JOIN posts p ON p.id = d.post_id"  # noqa: S608 - a fixed condition
        f" WHERE p.deleted_at IS NULL AND {WAITING_BY_HAND}"
    ).fetchone()
    return int(row[0])


def waiting_by_hand(conn: sqlite3.Connection) -> list[int]:
    """Deliveries of live posts waiting to be published by hand, earliest first."""
    rows = conn.execute(
        f"SELECT d.id FROM deliveries d JOIN posts p ON p.id = d.post_id"  # noqa: S608 - a fixed condition
        f" WHERE p.deleted_at IS NULL AND {WAITING_BY_HAND} ORDER BY d.scheduled_at, d.id"
    ).fetchall()
    return [int(r[0]) for r in rows]


def count_posts_due_by(conn: sqlite3.Connection, until: datetime) -> int:
    """Live posts with a scheduled delivery due (or a retry planned) at or before ``until``."""
    row = conn.execute(
        "SELECT count(DISTINCT d.post_id) FROM deliveries d JOIN posts p ON p.id = d.post_id"
        " WHERE p.deleted_at IS NULL AND d.state = 'scheduled'"
        " AND COALESCE(d.next_attempt_at, d.scheduled_at) <= ?",
        (utc_text(until),),
    ).fetchone()
    return int(row[0])


def count_unseen_missed(conn: sqlite3.Connection) -> int:
    row = conn.execute(
        "SELECT count(*) FROM deliveries d JOIN posts p ON p.id = d.post_id"
        " WHERE p.deleted_at IS NULL AND d.seen_by_user = 0 AND d.state = 'missed'"
    ).fetchone()
    return int(row[0])


def count_posts(conn: sqlite3.Connection) -> int:
    return int(conn.execute("SELECT count(*) FROM posts WHERE deleted_at IS NULL").fetchone()[0])


def post_text_and_accounts(conn: sqlite3.Connection, post_id: int) -> tuple[str, list[int]] | None:
    """A live post's base text and the accounts it has deliveries for."""
    row = conn.execute(
        "SELECT base_text FROM posts WHERE id = ? AND deleted_at IS NULL", (post_id,)
    ).fetchone()
    if row is None:
        return None
    accounts = [
        int(r[0])
        for r in conn.execute(
            "SELECT account_id FROM deliveries WHERE post_id = ? ORDER BY account_id", (post_id,)
        )
    ]
    return str(row[0]), accounts


def update_post_text(conn: sqlite3.Connection, post_id: int, text: str) -> bool:
    cur = conn.execute(
        "UPDATE posts SET base_text = ?, updated_at = ? WHERE id = ? AND deleted_at IS NULL",
        (text, utc_text(utc_now()), post_id),
    )
    return cur.rowcount == 1


def duplicate_post(conn: sqlite3.Connection, post_id: int) -> int | None:
    """A copy of a live post (text, notes, media, labels) as undated drafts for its accounts."""
    row = conn.execute(
        "SELECT base_text, notes FROM posts WHERE id = ? AND deleted_at IS NULL", (post_id,)
    ).fetchone()
    if row is None:
        return None
    media = [
        MediaItem(str(m[0]), str(m[1]), str(m[2]))
        for m in conn.execute(
            "SELECT path, mime_type, alt_text FROM media WHERE post_id = ? ORDER BY position",
            (post_id,),
        )
    ]
    labels = [
        str(r[0])
        for r in conn.execute(
            "SELECT l.name FROM post_labels pl JOIN labels l ON l.id = pl.label_id"
            " WHERE pl.post_id = ?",
            (post_id,),
        )
    ]
    copy = create_post(conn, str(row[0]), notes=str(row[1]), media=media, labels=labels)
    # The language and the link card go with the text (the card's picture file is shared).
    conn.execute(
        "UPDATE posts SET language = (SELECT language FROM posts WHERE id = ?) WHERE id = ?",
        (post_id, copy),
    )
    conn.execute(
        "INSERT INTO link_cards (post_id, url, title, description, image_url, thumb_path, hidden)"
        " SELECT ?, url, title, description, image_url, thumb_path, hidden FROM link_cards"
        " WHERE post_id = ?",
        (copy, post_id),
    )
    for account_id, override in conn.execute(
        "SELECT account_id, text_override FROM deliveries WHERE post_id = ?", (post_id,)
    ).fetchall():
        add_delivery(
            conn,
            copy,
            int(account_id),
            scheduled_at=None,
            time_zone=None,
            state=DeliveryState.DRAFT,
            text_override=override,
        )
    return copy


def entries_in_states(conn: sqlite3.Connection, states: Sequence[str]) -> list[ScheduledEntry]:
    """Live posts' deliveries in any of ``states``, earliest first."""
    marks = ", ".join("?" * len(states))
    rows = conn.execute(
        _ENTRY_SELECT + f" AND d.state IN ({marks}) ORDER BY d.scheduled_at, d.id",
        tuple(states),
    ).fetchall()
    return [_entry(r) for r in rows]
