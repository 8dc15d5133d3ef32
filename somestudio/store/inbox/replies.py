"""Our answers to inbox entries: the text, the atomic claim, outcomes, the attempts log.

The same shape as ``store.first_comments`` (the sender in ``scheduling.first_comments`` runs
both): every state change is a conditional UPDATE whose rowcount says whether this caller
won, and each try is one line in the append-only ``inbox_reply_attempts``.
"""

from __future__ import annotations

import secrets
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

from somestudio.domain.first_comment import CommentState, OutgoingComment, ReplyTarget
from somestudio.domain.utc import parse_utc, utc_text
from somestudio.store.accounts import account_of
from somestudio.store.comment_state import move_state
from somestudio.store.sql import Conn, Sql, changed, run

# An answer may change while it has not started on its way out.
_EDITABLE = (CommentState.PENDING.value, CommentState.FAILED.value)


@dataclass(frozen=True, slots=True)
class ReplyRow:
    item_id: int
    text: str
    state: CommentState
    attempt_count: int
    remote_id: str
    remote_url: str
    last_error: str


_GET = Sql(
    "SELECT item_id, text, state, attempt_count, COALESCE(remote_id, ''),"
    " COALESCE(remote_url, ''), COALESCE(last_error, '') FROM inbox_replies"
    " WHERE item_id = :item"
)
_EDIT = Sql(
    "UPDATE inbox_replies SET text = :text, state = 'pending', last_error = NULL,"
    " next_attempt_at = NULL, updated_at = :now WHERE item_id = :item AND state IN :editable",
    expanding=("editable",),
)
_INSERT = Sql(
    "INSERT INTO inbox_replies (item_id, text, idempotency_key, created_at, updated_at)"
    " VALUES (:item, :text, :key, :now, :now)"
)


def get(conn: Conn, item_id: int) -> ReplyRow | None:
    r = run(conn, _GET, {"item": item_id}).fetchone()
    if r is None:
        return None
    return ReplyRow(r[0], r[1], CommentState(r[2]), r[3], r[4], r[5], r[6])


def put(conn: Conn, item_id: int, text: str, now: datetime) -> bool:
    """Write the answer to send (a new one, or new text for one not yet on its way); a
    failed answer given text again is pending again. False when one is on its way or sent."""
    text = text.strip()
    current = get(conn, item_id)
    if current is not None:
        if current.state.value not in _EDITABLE:
            return False
        params = {"text": text, "now": utc_text(now), "item": item_id, "editable": _EDITABLE}
        run(conn, _EDIT, params)
        return True
    key = f"inbox-{item_id}-{secrets.token_hex(8)}"
    run(conn, _INSERT, {"item": item_id, "text": text, "key": key, "now": utc_text(now)})
    return True


_DUE = Sql(
    "SELECT item_id FROM inbox_replies WHERE state = 'pending'"
    " AND (next_attempt_at IS NULL OR next_attempt_at <= :now) ORDER BY item_id"
)
_IN_STATE = Sql("SELECT item_id FROM inbox_replies WHERE state = :state ORDER BY item_id")
# A claim sets updated_at, and nothing else writes a row while it is 'sending': its claim time.
_SENDING_SINCE = Sql(
    "SELECT item_id FROM inbox_replies WHERE state = 'sending' AND updated_at <= :before"
    " ORDER BY item_id"
)
# One statement, as the post's claim (docs/workspace-backends.md, section 5).
_CLAIM = Sql(
    "UPDATE inbox_replies SET state = 'sending', attempt_count = attempt_count + 1,"
    " first_tried_at = COALESCE(first_tried_at, :now), updated_at = :now"
    " WHERE item_id = :item AND state = 'pending'"
    " AND (next_attempt_at IS NULL OR next_attempt_at <= :now) RETURNING item_id"
)
_ANSWERED = Sql(
    "UPDATE inbox_items SET done_at = COALESCE(done_at, :now),"
    " read_at = COALESCE(read_at, :now) WHERE id = :item"
)


def due(conn: Conn, now: datetime) -> list[int]:
    """Pending answers whose retry time (if any) has come."""
    return [int(r[0]) for r in run(conn, _DUE, {"now": utc_text(now)}).fetchall()]


def in_state(conn: Conn, state: CommentState) -> list[int]:
    return [int(r[0]) for r in run(conn, _IN_STATE, {"state": state.value}).fetchall()]


def sending_since(conn: Conn, before: datetime) -> list[int]:
    """Rows claimed (left 'sending') at ``before`` or earlier: on a shared workspace the ones
    no machine can still be sending (as ``deliveries.publishing_since``)."""
    return [int(r[0]) for r in run(conn, _SENDING_SINCE, {"before": utc_text(before)})]


def claim(conn: Conn, item_id: int, now: datetime) -> bool:
    """Take a pending answer for sending; True only for the one winner."""
    return changed(run(conn, _CLAIM, {"now": utc_text(now), "item": item_id})) == 1


def move(
    conn: Conn,
    item_id: int,
    target: CommentState,
    now: datetime,
    *,
    only_from: Iterable[CommentState],
    last_error: str | None = None,
    next_attempt_at: datetime | None = None,
    remote_id: str | None = None,
    remote_url: str | None = None,
    sent_at: datetime | None = None,
) -> bool:
    moved = move_state(
        conn,
        "inbox_replies",
        "item_id",
        item_id,
        target=target,
        now=now,
        only_from=only_from,
        last_error=last_error,
        next_attempt_at=next_attempt_at,
        remote_id=remote_id,
        remote_url=remote_url,
        sent_at=sent_at,
    )
    if moved and target is CommentState.SENT:
        # Answered: the entry is done (and read); the user may open it again.
        run(conn, _ANSWERED, {"now": utc_text(now), "item": item_id})
    return moved


_APPEND = Sql(
    "INSERT INTO inbox_reply_attempts (item_id, started_at, finished_at, outcome,"
    " error_kind, message, http_status, retry_at) VALUES (:item, :started, :finished,"
    " :outcome, :error_kind, :message, :http_status, :retry_at)"
)
_RECENT_OUTCOMES = Sql(
    "SELECT outcome FROM inbox_reply_attempts WHERE item_id = :item ORDER BY id DESC LIMIT 100"
)
_ATTEMPTS = Sql(
    "SELECT started_at, outcome, message FROM inbox_reply_attempts WHERE item_id = :item"
    " ORDER BY id"
)
_OUTGOING = Sql(
    "SELECT r.item_id, r.text, r.idempotency_key, r.attempt_count, i.item_post_id,"
    " i.item_post_cid, i.item_post_url, i.root_id, i.root_cid, i.author_handle,"
    " a.id, a.network, a.handle, a.display_name, a.instance_url, a.publish_method,"
    " a.options_json, r.created_at, r.first_tried_at"
    " FROM inbox_replies r JOIN inbox_items i ON i.id = r.item_id"
    " JOIN accounts a ON a.id = i.account_id WHERE r.item_id = :item"
)


def append_attempt(
    conn: Conn,
    item_id: int,
    *,
    started_at: datetime,
    finished_at: datetime | None,
    outcome: str,
    error_kind: str | None = None,
    message: str = "",
    http_status: int | None = None,
    retry_at: datetime | None = None,
) -> None:
    params = {
        "item": item_id,
        "started": utc_text(started_at),
        "finished": utc_text(finished_at) if finished_at else None,
        "outcome": outcome,
        "error_kind": error_kind,
        "message": message,
        "http_status": http_status,
        "retry_at": utc_text(retry_at) if retry_at else None,
    }
    run(conn, _APPEND, params)


def retryable_failures_in_a_row(conn: Conn, item_id: int) -> int:
    count = 0
    for (outcome,) in run(conn, _RECENT_OUTCOMES, {"item": item_id}).fetchall():
        if outcome != "retryable":
            break
        count += 1
    return count


def attempts(conn: Conn, item_id: int) -> list[tuple[str, str, str]]:
    """(started_at text, outcome, message) of each try, oldest first."""
    return [
        (str(r[0]), str(r[1]), str(r[2]))
        for r in run(conn, _ATTEMPTS, {"item": item_id}).fetchall()
    ]


_LAST_FAILURE = Sql(
    "SELECT outcome, COALESCE(error_kind, ''), http_status, message FROM inbox_reply_attempts"
    " WHERE item_id = :item AND outcome IN ('retryable', 'final') ORDER BY id DESC LIMIT 1"
)


def last_failure(conn: Conn, item_id: int) -> tuple[str, str, int | None, str] | None:
    """(outcome, error kind, HTTP status, message) of the answer's last try that failed
    (None: no try failed), for the entry to say what happened."""
    r = run(conn, _LAST_FAILURE, {"item": item_id}).fetchone()
    return (str(r[0]), str(r[1]), r[2], str(r[3])) if r else None


def load_outgoing(conn: Conn, item_id: int) -> OutgoingComment | None:
    """The answer as a reply for the network's commenter: its parent is the person's post,
    its root the thread's first post (the person's post itself when it starts one)."""
    r = run(conn, _OUTGOING, {"item": item_id}).fetchone()
    if r is None:
        return None
    root_id, root_cid = (r[7], r[8]) if r[7] else (r[4], r[5])
    return OutgoingComment(
        delivery_id=r[0],
        post_id=r[0],
        account=account_of(r[10:17]),
        text=r[1],
        idempotency_key=r[2],
        attempt=r[3],
        post_remote_id=r[4],
        post_remote_url=r[6],
        scheduled_at=parse_utc(r[17]),
        first_tried_at=parse_utc(r[18]) if r[18] else None,
        reply_to=ReplyTarget(
            parent_id=r[4], parent_cid=r[5], root_id=root_id, root_cid=root_cid, author=r[9]
        ),
    )
