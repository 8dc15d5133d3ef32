"""Delivery rows as the scheduler sees them: due work, the atomic claim, outcomes, attempts.

Every state change is a conditional UPDATE (``WHERE state IN (…)``) whose source states come
from the domain's state machine, so two writers racing for one delivery cannot both win.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from enum import Enum

from somestudio.domain.delivery_state import DeliveryState, states_leading_to
from somestudio.domain.posts import MediaItem
from somestudio.domain.publish_result import OutgoingDelivery
from somestudio.domain.utc import parse_utc, utc_text
from somestudio.store.accounts import account_of
from somestudio.store.composition import link_card
from somestudio.store.sql import Conn, Sql, changed, run

_DUE = "COALESCE(d.next_attempt_at, d.scheduled_at)"


@dataclass(frozen=True, slots=True)
class DeliveryRow:
    id: int
    post_id: int
    account_id: int
    state: DeliveryState
    scheduled_at: datetime | None
    time_zone: str | None
    next_attempt_at: datetime | None
    post_deleted: bool
    last_error: str

    @property
    def due_at(self) -> datetime | None:
        return self.next_attempt_at or self.scheduled_at


_ROW_SELECT = (
    "SELECT d.id, d.post_id, d.account_id, d.state, d.scheduled_at, d.time_zone,"
    " d.next_attempt_at, p.deleted_at IS NOT NULL, COALESCE(d.last_error, '')"
    " FROM deliveries d JOIN posts p ON p.id = d.post_id"
)


def _row(r: Sequence[object]) -> DeliveryRow:
    return DeliveryRow(
        id=int(str(r[0])),
        post_id=int(str(r[1])),
        account_id=int(str(r[2])),
        state=DeliveryState(str(r[3])),
        scheduled_at=parse_utc(str(r[4])) if r[4] is not None else None,
        time_zone=str(r[5]) if r[5] is not None else None,
        next_attempt_at=parse_utc(str(r[6])) if r[6] is not None else None,
        post_deleted=bool(r[7]),
        last_error=str(r[8]),
    )


_GET = Sql(_ROW_SELECT + " WHERE d.id = :id")
_OF_POST = Sql(_ROW_SELECT + " WHERE d.post_id = :post ORDER BY d.id")
# A post waiting for approval (or returned) is never due, whatever its deliveries' state:
# the database keeps it from the engine, not only the window's buttons.
_NOT_AWAITING = " AND NOT EXISTS (SELECT 1 FROM post_approvals pa WHERE pa.post_id = {post})"
_NOT_AWAITING_D = _NOT_AWAITING.format(post="d.post_id")
_DUE_BY = Sql(
    _ROW_SELECT
    + f" WHERE d.state = 'scheduled' AND p.deleted_at IS NULL AND {_DUE} <= :until"
    + _NOT_AWAITING_D
    + f" ORDER BY {_DUE}, d.id"
)
_IN_STATE = Sql(_ROW_SELECT + " WHERE d.state = :state ORDER BY d.id")


_PUBLISHING_SINCE = Sql(
    "SELECT id FROM deliveries WHERE state = 'publishing' AND updated_at <= :before ORDER BY id"
)


def publishing_since(conn: Conn, before: datetime) -> list[int]:
    """Deliveries claimed (left 'publishing') at ``before`` or earlier: on a shared workspace
    the ones no machine can still be sending (``Engine``'s ``recover_after``)."""
    return [int(r[0]) for r in run(conn, _PUBLISHING_SINCE, {"before": utc_text(before)})]


_REMOTE_WHERE = Sql("SELECT COALESCE(remote_url, remote_id, '') FROM deliveries WHERE id = :id")


def remote_where(conn: Conn, delivery_id: int) -> str:
    """Where the delivery went out: its URL, else its remote id ("" when not out)."""
    found = run(conn, _REMOTE_WHERE, {"id": delivery_id}).fetchone()
    return str(found[0]) if found else ""


def get(conn: Conn, delivery_id: int) -> DeliveryRow | None:
    row = run(conn, _GET, {"id": delivery_id}).fetchone()
    return _row(row) if row else None


def of_post(conn: Conn, post_id: int) -> list[DeliveryRow]:
    return [_row(r) for r in run(conn, _OF_POST, {"post": post_id})]


def scheduled_due_by(conn: Conn, until: datetime) -> list[DeliveryRow]:
    """Scheduled deliveries of live posts due at or before ``until``, earliest first."""
    return [_row(r) for r in run(conn, _DUE_BY, {"until": utc_text(until)})]


def in_state(conn: Conn, state: DeliveryState) -> list[DeliveryRow]:
    return [_row(r) for r in run(conn, _IN_STATE, {"state": state.value})]


# The claim is one statement (docs/workspace-backends.md, section 5): on PostgreSQL a second
# machine's UPDATE of the row waits for the first to commit, re-reads ``state`` and changes
# nothing; on SQLite the write lock serialises them.
_CLAIM = Sql(
    "UPDATE deliveries SET state = 'publishing', attempt_count = attempt_count + 1,"  # noqa: S608 - a fixed expression
    " updated_at = :now WHERE id = :id AND state = 'scheduled'"
    " AND COALESCE(next_attempt_at, scheduled_at) <= :now"
    " AND (SELECT deleted_at FROM posts WHERE posts.id = deliveries.post_id) IS NULL"
    + _NOT_AWAITING.format(post="deliveries.post_id")
    + " RETURNING id"
)


def claim(conn: Conn, delivery_id: int, now: datetime) -> bool:
    """Take a due delivery for sending. True only for the one caller that moved it.

    Refuses a delivery that is not scheduled, not yet due, whose post is (soft-)deleted (a
    delete racing with the alarm can never be published) or waits for approval.
    """
    return changed(run(conn, _CLAIM, {"now": utc_text(now), "id": delivery_id})) == 1


_CANDIDATES = Sql(
    "SELECT d.id FROM deliveries d JOIN posts p ON p.id = d.post_id"  # noqa: S608 - a fixed expression
    f" WHERE d.account_id = :account AND d.state = 'scheduled' AND p.deleted_at IS NULL"
    f" AND {_DUE} <= :now AND {_DUE} >= :since"
    + _NOT_AWAITING_D
    + f" ORDER BY {_DUE}, d.id LIMIT :limit"
)


def claim_due(conn: Conn, account_id: int, now: datetime, since: datetime, limit: int) -> list[int]:
    """Take up to ``limit`` of an account's deliveries due between ``since`` and ``now``
    (earliest first) for sending; the ids this caller moved.

    Call it inside one write transaction: the batch is claimed, and made durable, at once.
    Each row still goes through ``claim``'s single conditional statement, so a delivery
    claimed elsewhere, or whose post was deleted, is refused here as it is there.
    """
    candidates = run(
        conn,
        _CANDIDATES,
        {"account": account_id, "now": utc_text(now), "since": utc_text(since), "limit": limit},
    ).fetchall()
    return [int(r[0]) for r in candidates if claim(conn, int(r[0]), now)]


_RELEASE = Sql(
    "UPDATE deliveries SET state = 'scheduled', attempt_count = attempt_count - 1,"
    " updated_at = :now WHERE id = :id AND state = 'publishing' RETURNING id"
)


def release(conn: Conn, delivery_id: int, now: datetime) -> bool:
    """Give back a claimed delivery nothing was sent for (the engine is stopping before its
    turn): scheduled again, its claim not counted as an attempt."""
    return changed(run(conn, _RELEASE, {"now": utc_text(now), "id": delivery_id})) == 1


_NETWORK = Sql("SELECT network FROM accounts WHERE id = :id")


def account_network(conn: Conn, account_id: int) -> str | None:
    row = run(conn, _NETWORK, {"id": account_id}).fetchone()
    return str(row[0]) if row else None


class _Keep(Enum):
    KEEP = 0


_KEEP = _Keep.KEEP


# A moved delivery's columns are chosen from these fixed names only (never from input).
_MOVABLE = frozenset(
    {
        "state",
        "updated_at",
        "scheduled_at",
        "time_zone",
        "next_attempt_at",
        "last_error",
        "seen_by_user",
        "remote_id",
        "remote_url",
        "published_at",
    }
)
_MOVES: dict[tuple[str, ...], Sql] = {}


def _move_statement(names: tuple[str, ...]) -> Sql:
    """One statement per set of columns (a handful), made once."""
    found = _MOVES.get(names)
    if found is None:
        assert _MOVABLE.issuperset(names)
        assignments = ", ".join(f"{name} = :{name}" for name in names)
        found = Sql(
            f"UPDATE deliveries SET {assignments} WHERE id = :id AND state IN :sources"  # noqa: S608 - names are fixed above
            " RETURNING id",
            expanding=("sources",),
        )
        _MOVES[names] = found
    return found


def move(
    conn: Conn,
    delivery_id: int,
    target: DeliveryState,
    now: datetime,
    *,
    only_from: Iterable[DeliveryState] | None = None,
    scheduled_at: datetime | _Keep | None = _KEEP,
    time_zone: str | _Keep | None = _KEEP,
    next_attempt_at: datetime | _Keep | None = _KEEP,
    last_error: str | _Keep | None = _KEEP,
    seen_by_user: bool | _Keep = _KEEP,
    remote_id: str | _Keep | None = _KEEP,
    remote_url: str | _Keep | None = _KEEP,
    published_at: datetime | _Keep | None = _KEEP,
) -> bool:
    """Move a delivery to ``target`` if the state machine allows it from its current state
    (narrowed by ``only_from``); set the given columns too. True if the row changed."""
    sources = set(states_leading_to(target))
    if only_from is not None:
        sources &= set(only_from)
    if not sources:
        return False
    columns: dict[str, object] = {"state": target.value, "updated_at": utc_text(now)}
    for name, value in (
        ("scheduled_at", scheduled_at),
        ("time_zone", time_zone),
        ("next_attempt_at", next_attempt_at),
        ("last_error", last_error),
        ("seen_by_user", seen_by_user),
        ("remote_id", remote_id),
        ("remote_url", remote_url),
        ("published_at", published_at),
    ):
        if value is _KEEP:
            continue
        if isinstance(value, datetime):
            columns[name] = utc_text(value)
        elif isinstance(value, bool):
            columns[name] = int(value)
        else:
            columns[name] = value
    statement = _move_statement(tuple(columns))
    params = {**columns, "id": delivery_id, "sources": sorted(s.value for s in sources)}
    return changed(run(conn, statement, params)) == 1


_RESCHEDULE = Sql(
    "UPDATE deliveries SET state = 'scheduled', scheduled_at = :at, time_zone = :zone,"
    " next_attempt_at = NULL, last_error = NULL, seen_by_user = 1, updated_at = :now"
    " WHERE id = :id AND state IN ('draft', 'scheduled', 'failed', 'needs_attention', 'missed')"
    " RETURNING id"
)
_MOVE_DRAFT = Sql(
    "UPDATE deliveries SET scheduled_at = :at, time_zone = :zone, updated_at = :now"
    " WHERE id = :id AND state = 'draft' RETURNING id"
)


def reschedule(conn: Conn, delivery_id: int, at: datetime, time_zone: str, now: datetime) -> bool:
    """A new time for a delivery that is not in flight or done (scheduled stays scheduled)."""
    params = {"at": utc_text(at), "zone": time_zone, "now": utc_text(now), "id": delivery_id}
    return changed(run(conn, _RESCHEDULE, params)) == 1


def move_draft(conn: Conn, delivery_id: int, at: datetime, time_zone: str, now: datetime) -> bool:
    """A new planned time for a draft; it stays a draft (nothing will be published)."""
    params = {"at": utc_text(at), "zone": time_zone, "now": utc_text(now), "id": delivery_id}
    return changed(run(conn, _MOVE_DRAFT, params)) == 1


_APPEND_ATTEMPT = Sql(
    "INSERT INTO attempts (delivery_id, started_at, finished_at, outcome, error_kind,"
    " message, http_status, retry_at, subject) VALUES (:delivery, :started, :finished,"
    " :outcome, :error_kind, :message, :http_status, :retry_at, :subject)"
)


def append_attempt(
    conn: Conn,
    delivery_id: int,
    *,
    started_at: datetime,
    finished_at: datetime | None,
    outcome: str,
    error_kind: str | None = None,
    message: str = "",
    http_status: int | None = None,
    retry_at: datetime | None = None,
    subject: str = "post",
) -> None:
    """One line of the append-only attempts log: of the post, or (``subject='comment'``)
    of its first comment."""
    run(
        conn,
        _APPEND_ATTEMPT,
        {
            "delivery": delivery_id,
            "started": utc_text(started_at),
            "finished": utc_text(finished_at) if finished_at else None,
            "outcome": outcome,
            "error_kind": error_kind,
            "message": message,
            "http_status": http_status,
            "retry_at": utc_text(retry_at) if retry_at else None,
            "subject": subject,
        },
    )


_RECENT_OUTCOMES = Sql(
    "SELECT outcome FROM attempts WHERE delivery_id = :delivery AND subject = :subject"
    " ORDER BY id DESC LIMIT 100"
)


def retryable_failures_in_a_row(conn: Conn, delivery_id: int, subject: str = "post") -> int:
    """Retryable outcomes of the post (or of its first comment: ``subject='comment'``) since
    its last attempt that was anything else; the two are counted apart."""
    outcomes = run(conn, _RECENT_OUTCOMES, {"delivery": delivery_id, "subject": subject}).fetchall()
    count = 0
    for (outcome,) in outcomes:
        if outcome != "retryable":
            break
        count += 1
    return count


@dataclass(frozen=True, slots=True)
class Attempt:
    started_at: datetime
    finished_at: datetime | None
    outcome: str
    error_kind: str | None
    message: str
    retry_at: datetime | None
    subject: str = "post"  # or "comment": the post's first comment


_ATTEMPTS = Sql(
    "SELECT started_at, finished_at, outcome, error_kind, message, retry_at, subject"
    " FROM attempts WHERE delivery_id = :delivery ORDER BY id"
)


def attempts(conn: Conn, delivery_id: int) -> list[Attempt]:
    rows = run(conn, _ATTEMPTS, {"delivery": delivery_id})
    return [
        Attempt(
            parse_utc(r[0]),
            parse_utc(r[1]) if r[1] else None,
            r[2],
            r[3],
            r[4],
            parse_utc(r[5]) if r[5] else None,
            r[6],
        )
        for r in rows
    ]


_OUTGOING = Sql(
    "SELECT d.id, d.post_id, COALESCE(d.text_override, p.base_text), d.scheduled_at,"
    " d.time_zone, d.idempotency_key, d.attempt_count, a.id, a.network, a.handle,"
    " a.display_name, a.instance_url, a.publish_method, a.options_json, p.language"
    " FROM deliveries d JOIN posts p ON p.id = d.post_id"
    " JOIN accounts a ON a.id = d.account_id WHERE d.id = :id"
)
_OUTGOING_MEDIA = Sql(
    "SELECT path, mime_type, alt_text, width, height, sha256 FROM media WHERE post_id = :post"
    " ORDER BY position"
)
_OUTGOING_THREAD = Sql(
    "SELECT text FROM thread_parts WHERE delivery_id = :delivery ORDER BY position"
)


def load_outgoing(conn: Conn, delivery_id: int) -> OutgoingDelivery | None:
    """The claimed delivery with its post's text and media and its account."""
    row = run(conn, _OUTGOING, {"id": delivery_id}).fetchone()
    if row is None:
        return None
    media = [
        MediaItem(path=r[0], mime_type=r[1], alt_text=r[2], width=r[3], height=r[4], sha256=r[5])
        for r in run(conn, _OUTGOING_MEDIA, {"post": row[1]})
    ]
    account = account_of(row[7:14])
    thread = [str(r[0]) for r in run(conn, _OUTGOING_THREAD, {"delivery": row[0]})]
    card = link_card(conn, int(row[1]))
    return OutgoingDelivery(
        delivery_id=row[0],
        post_id=row[1],
        account=account,
        text=row[2],
        media=tuple(media),
        scheduled_at=parse_utc(row[3]),
        time_zone=row[4],
        idempotency_key=row[5],
        attempt=row[6],
        thread=tuple(thread),
        language=str(row[14]),
        link_card=card if card is not None and card.shown else None,
    )


_NEXT_DUE = Sql(
    f"SELECT d.id, {_DUE} FROM deliveries d JOIN posts p ON p.id = d.post_id"  # noqa: S608 - a fixed expression
    " WHERE d.state = 'scheduled' AND p.deleted_at IS NULL"
    + _NOT_AWAITING_D
    + f" ORDER BY {_DUE}, d.id LIMIT 1"
)


def next_due_at(conn: Conn) -> tuple[int, datetime] | None:
    """The scheduled delivery of a live post due first (retries by their next attempt)."""
    row = run(conn, _NEXT_DUE).fetchone()
    return (int(row[0]), parse_utc(row[1])) if row else None
