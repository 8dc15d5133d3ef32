"""First-comment rows: the text per delivery, the atomic claim, outcomes, due work.

Like ``deliveries``, every state change is a conditional UPDATE whose rowcount says whether
this caller won; the comment's attempts go into the same append-only ``attempts`` log with
``subject = 'comment'``.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from functools import partial

from somestudio.domain.first_comment import CommentState, OutgoingComment, comment_key
from somestudio.domain.utc import parse_utc, utc_text
from somestudio.store import deliveries
from somestudio.store.accounts import account_of
from somestudio.store.comment_state import move_state
from somestudio.store.sql import Conn, Sql, changed, run

# A comment may change while it has not started on its way out.
_EDITABLE = (CommentState.PENDING.value, CommentState.FAILED.value)


@dataclass(frozen=True, slots=True)
class CommentRow:
    delivery_id: int
    text: str
    state: CommentState
    attempt_count: int
    next_attempt_at: datetime | None
    remote_id: str
    remote_url: str
    last_error: str


_SELECT = (
    "SELECT delivery_id, text, state, attempt_count, next_attempt_at,"
    " COALESCE(remote_id, ''), COALESCE(remote_url, ''), COALESCE(last_error, '')"
    " FROM first_comments"
)


def _row(r: tuple[object, ...]) -> CommentRow:
    return CommentRow(
        delivery_id=int(str(r[0])),
        text=str(r[1]),
        state=CommentState(str(r[2])),
        attempt_count=int(str(r[3])),
        next_attempt_at=parse_utc(str(r[4])) if r[4] is not None else None,
        remote_id=str(r[5]),
        remote_url=str(r[6]),
        last_error=str(r[7]),
    )


_GET = Sql(_SELECT + " WHERE delivery_id = :delivery")
_TEXTS_OF_POST = Sql(
    "SELECT d.account_id, c.text FROM first_comments c"
    " JOIN deliveries d ON d.id = c.delivery_id WHERE d.post_id = :post"
)
_DELETE = Sql("DELETE FROM first_comments WHERE delivery_id = :delivery")
_POST_KEY = Sql(
    "SELECT idempotency_key FROM deliveries WHERE id = :delivery"
    " AND state NOT IN ('publishing', 'published')"  # "first": only before the post
)
_INSERT = Sql(
    "INSERT INTO first_comments (delivery_id, text, idempotency_key, updated_at)"
    " VALUES (:delivery, :text, :key, :now)"
)
_EDIT = Sql(
    "UPDATE first_comments SET text = :text, state = 'pending', last_error = NULL,"
    " next_attempt_at = NULL, updated_at = :now WHERE delivery_id = :delivery"
    " AND state IN :editable",
    expanding=("editable",),
)


def get(conn: Conn, delivery_id: int) -> CommentRow | None:
    r = run(conn, _GET, {"delivery": delivery_id}).fetchone()
    return _row(tuple(r)) if r else None


def texts_of_post(conn: Conn, post_id: int) -> dict[int, str]:
    """The first comment of each of a post's deliveries that has one, by account id."""
    return {
        int(account_id): str(text)
        for account_id, text in run(conn, _TEXTS_OF_POST, {"post": post_id}).fetchall()
    }


def set_text(conn: Conn, delivery_id: int, text: str, now: datetime) -> bool:
    """Give a delivery its first comment (empty text: none). A comment on its way out or
    sent keeps its text; a post already out gets no new one; a failed comment whose text is
    changed is pending again (the way to send it once more). True if the row now says what
    was asked."""
    text = text.strip()
    current = get(conn, delivery_id)
    if current is not None and (current.state.value not in _EDITABLE or current.text == text):
        return current.text == text  # unchanged, or on its way out / sent: left as it is
    if not text:
        run(conn, _DELETE, {"delivery": delivery_id})
        return True
    if current is None:
        key = run(conn, _POST_KEY, {"delivery": delivery_id}).fetchone()
        if key is None:
            return False
        params = {
            "delivery": delivery_id,
            "text": text,
            "key": comment_key(str(key[0])),
            "now": utc_text(now),
        }
        run(conn, _INSERT, params)
        return True
    params = {
        "text": text,
        "now": utc_text(now),
        "delivery": delivery_id,
        "editable": list(_EDITABLE),
    }
    run(conn, _EDIT, params)
    return True


_DUE = Sql(
    "SELECT c.delivery_id FROM first_comments c JOIN deliveries d ON d.id = c.delivery_id"
    " JOIN posts p ON p.id = d.post_id"
    " WHERE c.state = 'pending' AND d.state = 'published' AND p.deleted_at IS NULL"
    # a post handed to the server's schedule is replied to once it is out
    " AND (d.published_at IS NULL OR d.published_at <= :now)"
    " AND (c.next_attempt_at IS NULL OR c.next_attempt_at <= :now) ORDER BY c.delivery_id"
)
_IN_STATE = Sql("SELECT delivery_id FROM first_comments WHERE state = :state ORDER BY delivery_id")
# A claim sets updated_at, and nothing else writes a row while it is 'sending': its claim time.
_SENDING_SINCE = Sql(
    "SELECT delivery_id FROM first_comments WHERE state = 'sending' AND updated_at <= :before"
    " ORDER BY delivery_id"
)
# One statement, as the post's claim (docs/workspace-backends.md, section 5).
_CLAIM = Sql(
    "UPDATE first_comments SET state = 'sending', attempt_count = attempt_count + 1,"
    " first_tried_at = COALESCE(first_tried_at, :now),"
    " updated_at = :now WHERE delivery_id = :delivery AND state = 'pending'"
    " AND (next_attempt_at IS NULL OR next_attempt_at <= :now)"
    " AND EXISTS (SELECT 1 FROM deliveries d WHERE d.id = first_comments.delivery_id"
    " AND d.state = 'published' AND (d.published_at IS NULL OR d.published_at <= :now)"
    " AND (SELECT deleted_at FROM posts WHERE posts.id = d.post_id) IS NULL)"
    " RETURNING delivery_id"
)


def due(conn: Conn, now: datetime) -> list[int]:
    """Pending comments whose post is published and whose retry time (if any) has come."""
    return [int(r[0]) for r in run(conn, _DUE, {"now": utc_text(now)}).fetchall()]


def in_state(conn: Conn, state: CommentState) -> list[int]:
    return [int(r[0]) for r in run(conn, _IN_STATE, {"state": state.value}).fetchall()]


def sending_since(conn: Conn, before: datetime) -> list[int]:
    """Rows claimed (left 'sending') at ``before`` or earlier: on a shared workspace the ones
    no machine can still be sending (as ``deliveries.publishing_since``)."""
    return [int(r[0]) for r in run(conn, _SENDING_SINCE, {"before": utc_text(before)})]


def claim(conn: Conn, delivery_id: int, now: datetime) -> bool:
    """Take a pending comment of a published post for sending; True only for the one winner."""
    return changed(run(conn, _CLAIM, {"now": utc_text(now), "delivery": delivery_id})) == 1


def move(
    conn: Conn,
    delivery_id: int,
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
        "first_comments",
        "delivery_id",
        delivery_id,
        target=target,
        now=now,
        only_from=only_from,
        last_error=last_error,
        next_attempt_at=next_attempt_at,
        remote_id=remote_id,
        remote_url=remote_url,
        sent_at=sent_at,
    )
    return moved


# The comment's attempts and its failures in a row: the post's, under subject 'comment'.
append_attempt = partial(deliveries.append_attempt, subject="comment")
retryable_failures_in_a_row = partial(deliveries.retryable_failures_in_a_row, subject="comment")


_OUTGOING = Sql(
    "SELECT d.id, d.post_id, c.text, c.idempotency_key, c.attempt_count,"
    " COALESCE(d.remote_id, ''), COALESCE(d.remote_url, ''), a.id, a.network, a.handle,"
    " a.display_name, a.instance_url, a.publish_method, a.options_json, d.scheduled_at,"
    " c.first_tried_at, p.language"
    " FROM first_comments c JOIN deliveries d ON d.id = c.delivery_id"
    " JOIN accounts a ON a.id = d.account_id JOIN posts p ON p.id = d.post_id"
    " WHERE c.delivery_id = :delivery"
)


def load_outgoing(conn: Conn, delivery_id: int) -> OutgoingComment | None:
    r = run(conn, _OUTGOING, {"delivery": delivery_id}).fetchone()
    if r is None:
        return None
    account = account_of(r[7:14])
    return OutgoingComment(
        delivery_id=r[0],
        post_id=r[1],
        account=account,
        text=r[2],
        idempotency_key=r[3],
        attempt=r[4],
        post_remote_id=r[5],
        post_remote_url=r[6],
        scheduled_at=parse_utc(r[14]),
        first_tried_at=parse_utc(r[15]) if r[15] else None,
        language=str(r[16] or ""),
    )
