"""Posts, their media and labels, and one delivery per post × account."""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Collection, Sequence
from dataclasses import dataclass
from datetime import datetime

from somestudio.domain.delivery_state import DeliveryState
from somestudio.domain.networks import Network
from somestudio.domain.posts import MediaItem, ScheduledEntry, new_idempotency_key
from somestudio.domain.utc import parse_utc, utc_now, utc_text
from somestudio.store.sql import (
    STRING_LIST_POSTGRESQL,
    STRING_LIST_SQLITE,
    Conn,
    Sql,
    backend,
    changed,
    one_id,
    run,
    run_many,
)
from somestudio.store.text_columns import override_columns, text_columns

_NEW_POST = Sql(
    "INSERT INTO posts (base_text, text_length, text_hashtags, has_media, notes, created_at,"
    " updated_at) VALUES (:text, :text_length, :text_hashtags, :has_media, :notes, :now, :now)"
    " RETURNING id"
)
_NEW_MEDIA = Sql(
    "INSERT INTO media (post_id, position, path, mime_type, alt_text, sha256)"
    " VALUES (:post, :position, :path, :mime_type, :alt_text, :sha256)"
)
_NEW_LABEL = Sql("INSERT INTO labels (name) VALUES (:name) ON CONFLICT DO NOTHING")
_LABEL_POST = Sql(
    "INSERT INTO post_labels (post_id, label_id) SELECT :post, id FROM labels WHERE name = :name"
)


def create_post(
    conn: Conn,
    text: str,
    *,
    notes: str = "",
    media: Sequence[MediaItem] = (),
    labels: Sequence[str] = (),
) -> int:
    now = utc_text(utc_now())
    params = {
        "text": text,
        **text_columns(text),
        "has_media": int(bool(media)),
        "notes": notes,
        "now": now,
    }
    post_id = one_id(run(conn, _NEW_POST, params))
    run_many(
        conn,
        _NEW_MEDIA,
        [
            {
                "post": post_id,
                "position": i,
                "path": m.path,
                "mime_type": m.mime_type,
                "alt_text": m.alt_text,
                "sha256": m.sha256,
            }
            for i, m in enumerate(media)
        ],
    )
    for name in labels:
        run(conn, _NEW_LABEL, {"name": name})
        run(conn, _LABEL_POST, {"post": post_id, "name": name})
    return post_id


_NEW_DELIVERY = Sql(
    "INSERT INTO deliveries (post_id, account_id, text_override, override_length,"
    " override_hashtags, scheduled_at, time_zone, state, idempotency_key, updated_at)"
    " VALUES (:post, :account, :text_override, :override_length, :override_hashtags, :at,"
    " :zone, :state, :key, :now) RETURNING id"
)


def add_delivery(
    conn: Conn,
    post_id: int,
    account_id: int,
    *,
    scheduled_at: datetime | None,
    time_zone: str | None,
    state: DeliveryState,
    text_override: str | None = None,
) -> int:
    params = {
        "post": post_id,
        "account": account_id,
        "text_override": text_override,
        **override_columns(text_override),
        "at": utc_text(scheduled_at) if scheduled_at else None,
        "zone": time_zone,
        "state": state.value,
        "key": new_idempotency_key(),
        "now": utc_text(utc_now()),
    }
    return one_id(run(conn, _NEW_DELIVERY, params))


_ENTRY_SELECT = """
SELECT d.id, d.post_id, d.account_id, a.network,
       CASE WHEN a.display_name <> '' THEN a.display_name ELSE a.handle END,
       d.state, d.scheduled_at, d.time_zone,
       substr(COALESCE(d.text_override, p.base_text), 1, 160),  -- a calendar snippet
       (SELECT count(*) FROM media m WHERE m.post_id = p.id),
       (SELECT {labels} FROM post_labels pl
          JOIN labels l ON l.id = pl.label_id WHERE pl.post_id = p.id),
       EXISTS (SELECT 1 FROM first_comments c WHERE c.delivery_id = d.id),
       (SELECT count(*) FROM thread_parts tp WHERE tp.delivery_id = d.id),
       d.state = 'needs_attention' AND (SELECT t.error_kind FROM attempts t
          WHERE t.delivery_id = d.id ORDER BY t.id DESC LIMIT 1) = 'manual',
       COALESCE((SELECT pa.state FROM post_approvals pa WHERE pa.post_id = p.id), ''),
       d.published_at
FROM deliveries d
JOIN posts p ON p.id = d.post_id
JOIN accounts a ON a.id = d.account_id
WHERE p.deleted_at IS NULL AND d.scheduled_at IS NOT NULL
"""


def _entries(
    condition: str,
    *,
    expanding: Sequence[str] = (),
    order: str = "d.scheduled_at, d.id",
    limit: int | None = None,
) -> Sql:
    """The entry select for live, dated deliveries that also meet ``condition`` (whose
    ``expanding`` parameters take lists, for ``IN``). The labels' string aggregate is the one
    part whose SQL differs between the backends."""
    tail = f" AND {condition} ORDER BY {order}" + (f" LIMIT {limit}" if limit else "")
    return Sql(
        _ENTRY_SELECT.format(labels=STRING_LIST_SQLITE.format("l.name")) + tail,
        expanding=tuple(expanding),
        postgresql=_ENTRY_SELECT.format(labels=STRING_LIST_POSTGRESQL.format("l.name")) + tail,
    )


_NETWORKS = {n.value: n for n in Network}
_STATES = {s.value: s for s in DeliveryState}
_EntryRow = tuple[
    int,
    int,
    int,
    str,
    str,
    str,
    str,
    str,
    str,
    int,
    str | None,
    int,
    int,
    int | None,
    str,
    str | None,
]


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
        thread,
        by_hand,
        approval,
        published,
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
        thread_posts=thread,
        waiting_by_hand=bool(by_hand),
        approval=approval,
        published_at=parse_utc(published) if published else None,
    )


_BETWEEN = _entries("d.scheduled_at >= :start AND d.scheduled_at < :end")


def entries_between(conn: Conn, start: datetime, end: datetime) -> list[ScheduledEntry]:
    """Deliveries with a time in [start, end), earliest first."""
    rows = run(conn, _BETWEEN, {"start": utc_text(start), "end": utc_text(end)}).fetchall()
    return [_entry(r) for r in rows]


@dataclass(frozen=True, slots=True)
class DaysWanted:
    """Local days as UTC ranges, each day's first ``per_day`` posts, through these filters."""

    days: Sequence[tuple[str, datetime, datetime]]  # (key, start, end) per day
    per_day: int
    account_ids: Sequence[int] = ()
    states: Sequence[str] = ()
    label: str | None = None
    awaiting_approval: bool = False  # only posts waiting for an editor's approval


_Shape = tuple[int, int, int, bool, bool]
_DAY_STATEMENTS: dict[_Shape, tuple[Sql, Sql, Sql]] = {}
_CHUNK = 500  # post ids per statement: SQLite's variable limit, with room to spare


def _filters(wanted: DaysWanted) -> tuple[str, dict[str, object]]:
    sql, params = "", dict[str, object]()
    if wanted.account_ids:
        sql += " AND d.account_id IN :accounts"
        params["accounts"] = list(wanted.account_ids)
    if wanted.states:
        sql += " AND d.state IN :states"
        params["states"] = list(wanted.states)
    if wanted.label is not None:
        sql += (
            " AND EXISTS (SELECT 1 FROM post_labels pl JOIN labels l ON l.id = pl.label_id"
            " WHERE pl.post_id = d.post_id AND l.name = :label)"
        )
        params["label"] = wanted.label
    if wanted.awaiting_approval:
        sql += (
            " AND EXISTS (SELECT 1 FROM post_approvals pa"
            " WHERE pa.post_id = d.post_id AND pa.state = 'waiting')"
        )
    return sql, params


def _expanding(filters: str) -> tuple[str, ...]:
    return tuple(n for n in ("accounts", "states") if f":{n}" in filters)


def _day_statements(days: int, filters: str, wanted: DaysWanted) -> tuple[Sql, Sql, Sql]:
    """The totals and the per-day first-posts statements of one shape of month (the number
    of days and which filters), built and compiled once per shape; and both in one
    statement for a database server (PostgreSQL), where each statement is a round trip."""
    shape = (
        days,
        len(wanted.account_ids),
        len(wanted.states),
        wanted.label is not None,
        wanted.awaiting_approval,
    )
    found = _DAY_STATEMENTS.get(shape)
    if found is not None:
        return found
    values = ", ".join(f"(:k{i}, :s{i}, :e{i})" for i in range(days))
    # Both read the index deliveries_calendar alone (scheduled_at, post_id, account_id, state);
    # a deleted post is told by the small index of the deleted ones (posts_deleted).
    live = "d.post_id NOT IN (SELECT id FROM posts WHERE deleted_at IS NOT NULL)" + filters  # noqa: S608 - fixed SQL
    totals = Sql(
        f"WITH days(day, s, e) AS (VALUES {values})"  # noqa: S608 - only placeholders and fixed SQL
        " SELECT days.day, count(DISTINCT d.post_id) FROM days"
        " JOIN deliveries d ON d.scheduled_at >= days.s AND d.scheduled_at < days.e"
        f" WHERE {live} GROUP BY days.day",
        expanding=_expanding(filters),
    )
    first = Sql(
        "SELECT d.post_id FROM deliveries d"  # noqa: S608 - fixed SQL
        " WHERE d.scheduled_at >= :start AND d.scheduled_at < :end"
        f" AND {live} ORDER BY d.scheduled_at, d.post_id",
        expanding=_expanding(filters),
    )
    # Per day (LATERAL: an index range scan each, whatever the server's statistics say),
    # its posts by their first time there, the first ``per_day`` of them and the count of all.
    both = Sql(
        f"WITH days(day, s, e) AS (VALUES {values})"  # noqa: S608 - only placeholders and fixed SQL
        " SELECT days.day, f.post_id, f.total FROM days CROSS JOIN LATERAL ("
        " SELECT d.post_id, min(d.scheduled_at) AS first_at, count(*) OVER () AS total"
        " FROM deliveries d WHERE d.scheduled_at >= days.s AND d.scheduled_at < days.e"
        f" AND {live} GROUP BY d.post_id ORDER BY first_at, d.post_id LIMIT :per_day) f",
        expanding=_expanding(filters),
    )
    _DAY_STATEMENTS[shape] = (totals, first, both)
    return totals, first, both


def _first_posts_at_once(
    conn: Conn, both: Sql, params: dict[str, object]
) -> tuple[dict[str, int], set[tuple[str, int]]]:
    """Each day's post count and its first posts, in one statement (one round trip)."""
    totals: dict[str, int] = {}
    chosen: set[tuple[str, int]] = set()
    for day, post, total in run(conn, both, params):
        totals[str(day)] = int(total)
        chosen.add((str(day), int(post)))
    return totals, chosen


def _first_posts_each_day(
    conn: Conn,
    first_sql: Sql,
    *,
    texts: list[tuple[str, str, str]],
    totals: dict[str, int],
    per_day: int,
    params: dict[str, object],
) -> set[tuple[str, int]]:
    """Each busy day's first posts by their first time there, read in time order and
    stopped as soon as ``per_day`` posts are seen (the rest of a busy day is never read):
    a statement per day, cheap on an embedded SQLite file."""
    chosen: set[tuple[str, int]] = set()
    for key, start_text, end_text in texts:
        if key not in totals:
            continue
        seen: list[int] = []
        cursor = run(conn, first_sql, {"start": start_text, "end": end_text, **params})
        for (post,) in cursor:
            if post not in seen:
                seen.append(post)
                if len(seen) >= per_day:
                    break
        close = getattr(cursor, "close", None)  # stop reading the rest of the day
        if close is not None:
            close()
        chosen.update((key, post) for post in seen)
    return chosen


def first_posts_by_day(
    conn: Conn, wanted: DaysWanted
) -> tuple[dict[str, int], list[tuple[str, ScheduledEntry]]]:
    """How many posts each day holds, and the deliveries (on that day) of its first
    ``per_day`` posts by their first time: a calendar month costs the same however busy."""
    if not wanted.days:
        return {}, []
    filters, params = _filters(wanted)
    # Each day's bounds as stored text, made once (formatting is most of the Python's time).
    texts = [(key, utc_text(start), utc_text(end)) for key, start, end in wanted.days]
    totals_sql, first_sql, both_sql = _day_statements(len(texts), filters, wanted)
    bounds = {
        name: value
        for i, (key, start, end) in enumerate(texts)
        for name, value in ((f"k{i}", key), (f"s{i}", start), (f"e{i}", end))
    }
    if backend(conn) == "postgresql":
        totals, chosen = _first_posts_at_once(
            conn, both_sql, {**bounds, **params, "per_day": wanted.per_day}
        )
    else:
        totals = {str(d): int(n) for d, n in run(conn, totals_sql, {**bounds, **params})}
        chosen = _first_posts_each_day(
            conn, first_sql, texts=texts, totals=totals, per_day=wanted.per_day, params=params
        )
    found: list[tuple[str, ScheduledEntry]] = []
    post_ids = sorted({post for _day, post in chosen})
    spans = sorted((start_text, end_text, key) for key, start_text, end_text in texts)
    starts = [span[0] for span in spans]
    first_at, last_at = spans[0][0], max(span[1] for span in spans)
    chosen_sql = _chosen_entries(filters)
    for offset in range(0, len(post_ids), _CHUNK):
        chunk = post_ids[offset : offset + _CHUNK]
        rows = run(
            conn, chosen_sql, {"posts": chunk, "start": first_at, "end": last_at, **params}
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


_CHOSEN: dict[str, Sql] = {}


def _chosen_entries(filters: str) -> Sql:
    found = _CHOSEN.get(filters)
    if found is None:
        condition = (
            "d.post_id IN :posts AND d.scheduled_at >= :start AND d.scheduled_at < :end" + filters
        )
        names = ["posts", *(n for n in ("accounts", "states") if f":{n}" in filters)]
        found = _entries(condition, expanding=names)
        _CHOSEN[filters] = found
    return found


_FIRST_IMAGES = Sql(
    "SELECT post_id, path, sha256 FROM media WHERE post_id IN :posts"
    " AND mime_type LIKE 'image/%' ORDER BY post_id, position",
    expanding=("posts",),
)


def first_images(conn: Conn, post_ids: Sequence[int]) -> dict[int, tuple[str, str | None]]:
    """Each post's first image file (by position) and its hash in ``media_blobs`` (None on a
    solo workspace), for calendar thumbnails."""
    found: dict[int, tuple[str, str | None]] = {}
    ids = list(dict.fromkeys(post_ids))
    for start in range(0, len(ids), _CHUNK):
        rows = run(conn, _FIRST_IMAGES, {"posts": ids[start : start + _CHUNK]}).fetchall()
        for post_id, path, sha256 in rows:
            found.setdefault(int(post_id), (str(path), sha256))
    return found


_BY_DELIVERY = _entries("d.id = :id")
_NEXT_DUE = _entries(
    "d.state = 'scheduled'"
    " AND NOT EXISTS (SELECT 1 FROM post_approvals pa WHERE pa.post_id = d.post_id)",
    limit=1,
)


def entry_by_delivery(conn: Conn, delivery_id: int) -> ScheduledEntry | None:
    row = run(conn, _BY_DELIVERY, {"id": delivery_id}).fetchone()
    return _entry(row) if row else None


def next_due(conn: Conn) -> ScheduledEntry | None:
    row = run(conn, _NEXT_DUE).fetchone()
    return _entry(row) if row else None


# A delivery held for the user to publish by hand: its latest attempt is the reminder.
WAITING_BY_HAND = (
    "d.state = 'needs_attention' AND (SELECT error_kind FROM attempts t"
    " WHERE t.delivery_id = d.id ORDER BY t.id DESC LIMIT 1) = 'manual'"
)
_WANTING = f"d.state IN ('failed', 'needs_attention', 'missed') AND NOT ({WAITING_BY_HAND})"
_COUNT_WANTING = Sql(
    "SELECT count(*) FROM deliveries d JOIN posts p ON p.id = d.post_id"  # noqa: S608 - a fixed condition
    f" WHERE p.deleted_at IS NULL AND {_WANTING}"
)
_WANTING_DECISION = _entries(_WANTING)


def count_wanting_user(conn: Conn) -> int:
    """Failed, needs-attention and missed deliveries, until the user decides on each (looking
    is not deciding). Posts waiting to be published by hand are counted as reminders."""
    return int(run(conn, _COUNT_WANTING).fetchone()[0])


def wanting_decision(conn: Conn) -> list[ScheduledEntry]:
    """The deliveries ``count_wanting_user`` counts, earliest first."""
    return [_entry(r) for r in run(conn, _WANTING_DECISION).fetchall()]


_BY_HAND = (
    "FROM deliveries d JOIN posts p ON p.id = d.post_id"
    f" WHERE p.deleted_at IS NULL AND {WAITING_BY_HAND}"
)
_COUNT_BY_HAND = Sql(f"SELECT count(*) {_BY_HAND}")
_WAITING_BY_HAND = Sql(f"SELECT d.id {_BY_HAND} ORDER BY d.scheduled_at, d.id")


def count_waiting_by_hand(conn: Conn) -> int:
    return int(run(conn, _COUNT_BY_HAND).fetchone()[0])


_COUNT_SCHEDULED_TO = Sql(
    "SELECT count(DISTINCT d.post_id) FROM deliveries d JOIN posts p ON p.id = d.post_id"
    " WHERE p.deleted_at IS NULL AND d.state = 'scheduled' AND d.account_id IN :accounts",
    expanding=("accounts",),
)


def count_scheduled_to(conn: Conn, account_ids: Collection[int]) -> int:
    """Live posts with a delivery scheduled to one of ``account_ids``."""
    if not account_ids:
        return 0
    return int(run(conn, _COUNT_SCHEDULED_TO, {"accounts": list(account_ids)}).fetchone()[0])


_UPCOMING_BY_HAND = Sql(
    "SELECT d.id FROM deliveries d JOIN posts p ON p.id = d.post_id"
    " JOIN accounts a ON a.id = d.account_id"
    " WHERE p.deleted_at IS NULL AND d.state = 'scheduled' AND a.publish_method = 'manual'"
    " AND d.scheduled_at < :until ORDER BY d.scheduled_at, d.id"
)


def upcoming_by_hand(conn: Conn, until: datetime) -> list[int]:
    """Deliveries of live posts scheduled to accounts published by hand, due before
    ``until``, earliest first (the reminder comes at their time)."""
    return [int(r[0]) for r in run(conn, _UPCOMING_BY_HAND, {"until": utc_text(until)}).fetchall()]


def waiting_by_hand(conn: Conn) -> list[int]:
    """Deliveries of live posts waiting to be published by hand, earliest first."""
    return [int(r[0]) for r in run(conn, _WAITING_BY_HAND).fetchall()]


_COUNT_DUE = Sql(
    "SELECT count(DISTINCT d.post_id) FROM deliveries d JOIN posts p ON p.id = d.post_id"
    " WHERE p.deleted_at IS NULL AND d.state = 'scheduled'"
    " AND COALESCE(d.next_attempt_at, d.scheduled_at) <= :until"
)
_COUNT_UNSEEN_MISSED = Sql(
    "SELECT count(*) FROM deliveries d JOIN posts p ON p.id = d.post_id"
    " WHERE p.deleted_at IS NULL AND d.seen_by_user = 0 AND d.state = 'missed'"
)
_COUNT_POSTS = Sql("SELECT count(*) FROM posts WHERE deleted_at IS NULL")


def count_posts_due_by(conn: Conn, until: datetime) -> int:
    """Live posts with a scheduled delivery due (or a retry planned) at or before ``until``."""
    return int(run(conn, _COUNT_DUE, {"until": utc_text(until)}).fetchone()[0])


def count_unseen_missed(conn: Conn) -> int:
    return int(run(conn, _COUNT_UNSEEN_MISSED).fetchone()[0])


def count_posts(conn: Conn) -> int:
    return int(run(conn, _COUNT_POSTS).fetchone()[0])


_LIVE_TEXT = Sql("SELECT base_text FROM posts WHERE id = :id AND deleted_at IS NULL")
_ACCOUNTS_OF_POST = Sql(
    "SELECT account_id FROM deliveries WHERE post_id = :post ORDER BY account_id"
)


def post_text_and_accounts(conn: Conn, post_id: int) -> tuple[str, list[int]] | None:
    """A live post's base text and the accounts it has deliveries for."""
    row = run(conn, _LIVE_TEXT, {"id": post_id}).fetchone()
    if row is None:
        return None
    accounts = [int(r[0]) for r in run(conn, _ACCOUNTS_OF_POST, {"post": post_id})]
    return str(row[0]), accounts


_UPDATE_TEXT = Sql(
    "UPDATE posts SET base_text = :text, text_length = :text_length,"
    " text_hashtags = :text_hashtags, updated_at = :now, version = version + 1"
    " WHERE id = :id AND deleted_at IS NULL RETURNING id"
)


def update_post_text(conn: Conn, post_id: int, text: str) -> bool:
    params = {"text": text, **text_columns(text), "now": utc_text(utc_now()), "id": post_id}
    return changed(run(conn, _UPDATE_TEXT, params)) == 1


_LIVE_POST = Sql("SELECT base_text, notes FROM posts WHERE id = :id AND deleted_at IS NULL")
_IS_LIVE = Sql("SELECT 1 FROM posts WHERE id = :id AND deleted_at IS NULL")


def is_live(conn: Conn, post_id: int) -> bool:
    """Whether the post exists and is not deleted."""
    return run(conn, _IS_LIVE, {"id": post_id}).fetchone() is not None


_MEDIA_OF_POST = Sql(
    "SELECT path, mime_type, alt_text, sha256 FROM media WHERE post_id = :post ORDER BY position"
)
_LABELS_OF = Sql(
    "SELECT l.name FROM post_labels pl JOIN labels l ON l.id = pl.label_id WHERE pl.post_id = :post"
)
_COPY_LANGUAGE = Sql(
    "UPDATE posts SET language = (SELECT language FROM posts WHERE id = :source),"
    " version = version + 1 WHERE id = :copy"
)
_COPY_CARD = Sql(
    "INSERT INTO link_cards (post_id, url, title, description, image_url, thumb_path, hidden,"
    " thumb_sha256) SELECT :copy, url, title, description, image_url, thumb_path, hidden,"
    " thumb_sha256 FROM link_cards WHERE post_id = :source"
)
_DELIVERIES_TO_COPY = Sql(
    "SELECT account_id, text_override FROM deliveries WHERE post_id = :post ORDER BY id"
)


def duplicate_post(conn: Conn, post_id: int) -> int | None:
    """A copy of a live post (text, notes, media, labels) as undated drafts for its accounts."""
    row = run(conn, _LIVE_POST, {"id": post_id}).fetchone()
    if row is None:
        return None
    media = [
        MediaItem(str(m[0]), str(m[1]), str(m[2]), sha256=m[3])
        for m in run(conn, _MEDIA_OF_POST, {"post": post_id}).fetchall()
    ]
    labels = [str(r[0]) for r in run(conn, _LABELS_OF, {"post": post_id}).fetchall()]
    copy = create_post(conn, str(row[0]), notes=str(row[1]), media=media, labels=labels)
    # The language and the link card go with the text (the card's picture file is shared).
    run(conn, _COPY_LANGUAGE, {"source": post_id, "copy": copy})
    run(conn, _COPY_CARD, {"source": post_id, "copy": copy})
    for account_id, override in run(conn, _DELIVERIES_TO_COPY, {"post": post_id}).fetchall():
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


_IN_STATES = _entries("d.state IN :states", expanding=["states"])


def entries_in_states(conn: Conn, states: Sequence[str]) -> list[ScheduledEntry]:
    """Live posts' deliveries in any of ``states``, earliest first."""
    if not states:
        return []
    return [_entry(r) for r in run(conn, _IN_STATES, {"states": list(states)}).fetchall()]
