"""Our answers to inbox entries: the text, the atomic claim, outcomes, the attempts log.

The same shape as ``store.first_comments`` (the sender in ``scheduling.first_comments`` runs
both): every state change is a conditional UPDATE whose rowcount says whether this caller
won, and each try is one line in the append-only ``inbox_reply_attempts``.
"""

from __future__ import annotations

import secrets
import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

from somestudio.domain.first_comment import CommentState, OutgoingComment, ReplyTarget
from somestudio.domain.utc import parse_utc, utc_text
from somestudio.store.accounts import account_of
from somestudio.store.comment_state import move_state

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


def get(conn: sqlite3.Connection, item_id: int) -> ReplyRow | None:
    r = conn.execute(
        "SELECT item_id, text, state, attempt_count, COALESCE(remote_id, ''),"
        " COALESCE(remote_url, ''), COALESCE(last_error, '') FROM inbox_replies"
        " WHERE item_id = ?",
        (item_id,),
    ).fetchone()
    if r is None:
        return None
    return ReplyRow(r[0], r[1], CommentState(r[2]), r[3], r[4], r[5], r[6])


def put(conn: sqlite3.Connection, item_id: int, text: str, now: datetime) -> bool:
    """Write the answer to send (a new one, or new text for one not yet on its way); a
    failed answer given text again is pending again. False when one is on its way or sent."""
    text = text.strip()
    current = get(conn, item_id)
    if current is not None:
        if current.state.value not in _EDITABLE:
            return False
        conn.execute(
            "UPDATE inbox_replies SET text = ?, state = 'pending', last_error = NULL,"
            " next_attempt_at = NULL, updated_at = ? WHERE item_id = ? AND state IN (?, ?)",
            (text, utc_text(now), item_id, *_EDITABLE),
        )
        return True
    conn.execute(
        "INSERT INTO inbox_replies (item_id, text, idempotency_key, created_at, updated_at)"
        " VALUES (?, ?, ?, ?, ?)",
        (item_id, text, f"inbox-{item_id}-{secrets.token_hex(8)}", utc_text(now), utc_text(now)),
    )
    return True


def due(conn: sqlite3.Connection, now: datetime) -> list[int]:
    """Pending answers whose retry time (if any) has come."""
    return [
        int(r[0])
        for r in conn.execute(
            "SELECT item_id FROM inbox_replies WHERE state = 'pending'"
            " AND (next_attempt_at IS NULL OR next_attempt_at <= ?) ORDER BY item_id",
            (utc_text(now),),
        )
    ]


def in_state(conn: sqlite3.Connection, state: CommentState) -> list[int]:
    return [
        int(r[0])
        for r in conn.execute(
            "SELECT item_id FROM inbox_replies WHERE state = ? ORDER BY item_id", (state.value,)
        )
    ]


def claim(conn: sqlite3.Connection, item_id: int, now: datetime) -> bool:
    """Take a pending answer for sending; True only for the one winner."""
    cur = conn.execute(
        "UPDATE inbox_replies SET state = 'sending', attempt_count = attempt_count + 1,"
        " first_tried_at = COALESCE(first_tried_at, ?), updated_at = ?"
        " WHERE item_id = ? AND state = 'pending'"
        " AND (next_attempt_at IS NULL OR next_attempt_at <= ?)",
        (utc_text(now), utc_text(now), item_id, utc_text(now)),
    )
    return cur.rowcount == 1


def move(
    conn: sqlite3.Connection,
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
        conn.execute(
            "UPDATE inbox_items SET done_at = COALESCE(done_at, ?),"
            " read_at = COALESCE(read_at, ?) WHERE id = ?",
            (utc_text(now), utc_text(now), item_id),
        )
    return moved


def append_attempt(
    conn: sqlite3.Connection,
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
    conn.execute(
        "INSERT INTO inbox_reply_attempts (item_id, started_at, finished_at, outcome,"
        " error_kind, message, http_status, retry_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        (
            item_id,
            utc_text(started_at),
            utc_text(finished_at) if finished_at else None,
            outcome,
            error_kind,
            message,
            http_status,
            utc_text(retry_at) if retry_at else None,
        ),
    )


def retryable_failures_in_a_row(conn: sqlite3.Connection, item_id: int) -> int:
    count = 0
    for (outcome,) in conn.execute(
        "SELECT outcome FROM inbox_reply_attempts WHERE item_id = ? ORDER BY id DESC LIMIT 100",
        (item_id,),
    ):
        if outcome != "retryable":
            break
        count += 1
    return count


def attempts(conn: sqlite3.Connection, item_id: int) -> list[tuple[str, str, str]]:
    """(started_at text, outcome, message) of each try, oldest first."""
    return [
        (str(r[0]), str(r[1]), str(r[2]))
        for r in conn.execute(
            "SELECT started_at, outcome, message FROM inbox_reply_attempts WHERE item_id = ?"
            " ORDER BY id",
            (item_id,),
        )
    ]


def last_failure(conn: sqlite3.Connection, item_id: int) -> tuple[str, str, int | None, str] | None:
    """(outcome, error kind, HTTP status, message) of the answer's last try that failed
    (None: no try failed), for the entry to say what happened."""
    r = conn.execute(
        "SELECT outcome, COALESCE(error_kind, ''), http_status, message FROM inbox_reply_attempts"
        " WHERE item_id = ? AND outcome IN ('retryable', 'final') ORDER BY id DESC LIMIT 1",
        (item_id,),
    ).fetchone()
    return (str(r[0]), str(r[1]), r[2], str(r[3])) if r else None


def load_outgoing(conn: sqlite3.Connection, item_id: int) -> OutgoingComment | None:
    """The answer as a reply for the network's commenter: its parent is the person's post,
    its root the thread's first post (the person's post itself when it starts one)."""
    r = conn.execute(
        "SELECT r.item_id, r.text, r.idempotency_key, r.attempt_count, i.item_post_id,"
        " i.item_post_cid, i.item_post_url, i.root_id, i.root_cid, i.author_handle,"
        " a.id, a.network, a.handle, a.display_name, a.instance_url, a.publish_method,"
        " a.options_json, r.created_at, r.first_tried_at"
        " FROM inbox_replies r JOIN inbox_items i ON i.id = r.item_id"
        " JOIN accounts a ON a.id = i.account_id WHERE r.item_id = ?",
        (item_id,),
    ).fetchone()
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
