"""Members of a workspace and the approval of contributors' posts (tables ``members``,
``post_approvals``, ``approval_events``), on either backend."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from somestudio.domain.members import (
    Approval,
    ApprovalAction,
    ApprovalEvent,
    ApprovalState,
    Member,
    Role,
)
from somestudio.domain.utc import parse_utc, utc_text
from somestudio.store.sql import Conn, Sql, one_id, run

_MEMBERS = Sql("SELECT id, name, role FROM members ORDER BY lower(name), id")
_ADD = Sql("INSERT INTO members (name, role, created_at) VALUES (:name, :role, :now) RETURNING id")
_SET_ROLE = Sql("UPDATE members SET role = :role WHERE id = :id")
_REMOVE = Sql("DELETE FROM members WHERE id = :id")


def _member(r: Sequence[object]) -> Member:
    return Member(int(str(r[0])), str(r[1]), Role(str(r[2])))


def list_members(conn: Conn) -> list[Member]:
    return [_member(r) for r in run(conn, _MEMBERS).fetchall()]


def add_member(conn: Conn, name: str, role: Role, now: datetime) -> int:
    return one_id(run(conn, _ADD, {"name": name, "role": role.value, "now": utc_text(now)}))


def set_role(conn: Conn, member_id: int, role: Role) -> bool:
    return run(conn, _SET_ROLE, {"id": member_id, "role": role.value}).rowcount == 1


def remove_member(conn: Conn, member_id: int) -> bool:
    return run(conn, _REMOVE, {"id": member_id}).rowcount == 1


# ------------------------------------------------------------------ approval

_APPROVAL_SELECT = (
    "SELECT pa.post_id, pa.state, COALESCE(m.name, ''), pa.requested_at, pa.comment"
    " FROM post_approvals pa LEFT JOIN members m ON m.id = pa.requested_by"
)
_APPROVAL = Sql(_APPROVAL_SELECT + " WHERE pa.post_id = :post")
_WAITING = Sql(
    _APPROVAL_SELECT + " JOIN posts p ON p.id = pa.post_id"
    " WHERE pa.state = 'waiting' AND p.deleted_at IS NULL ORDER BY pa.requested_at, pa.post_id"
)
_PUT = Sql(
    "INSERT INTO post_approvals (post_id, state, requested_by, requested_at, comment)"
    " VALUES (:post, :state, :member, :now, :comment)"
    " ON CONFLICT (post_id) DO UPDATE SET state = excluded.state,"
    " requested_by = excluded.requested_by, requested_at = excluded.requested_at,"
    " comment = excluded.comment"
)
_RETURN = Sql(
    "UPDATE post_approvals SET state = 'returned', comment = :comment"
    " WHERE post_id = :post AND state = 'waiting'"
)
_CLEAR = Sql("DELETE FROM post_approvals WHERE post_id = :post AND state = 'waiting'")
_LOG = Sql(
    "INSERT INTO approval_events (post_id, action, member_id, member_name, comment, at)"
    " VALUES (:post, :action, :member, :name, :comment, :now) RETURNING id"
)
_EVENTS = Sql(
    "SELECT id, post_id, action, member_name, comment, at FROM approval_events"
    " WHERE post_id = :post ORDER BY id"
)
_REQUESTS_AFTER = Sql(
    "SELECT e.id, e.post_id, e.action, e.member_name, e.comment, e.at FROM approval_events e"
    " JOIN post_approvals pa ON pa.post_id = e.post_id AND pa.state = 'waiting'"
    " WHERE e.id > :after AND e.action = 'requested' ORDER BY e.id"
)
_LAST_EVENT = Sql("SELECT COALESCE(max(id), 0) FROM approval_events")


def _approval(r: Sequence[object]) -> Approval:
    return Approval(
        post_id=int(str(r[0])),
        state=ApprovalState(str(r[1])),
        requested_by=str(r[2]),
        requested_at=parse_utc(str(r[3])),
        comment=str(r[4]),
    )


def _event(r: Sequence[object]) -> ApprovalEvent:
    return ApprovalEvent(
        id=int(str(r[0])),
        post_id=int(str(r[1])),
        action=ApprovalAction(str(r[2])),
        member_name=str(r[3]),
        comment=str(r[4]),
        at=parse_utc(str(r[5])),
    )


def approval(conn: Conn, post_id: int) -> Approval | None:
    row = run(conn, _APPROVAL, {"post": post_id}).fetchone()
    return _approval(row) if row is not None else None


def waiting(conn: Conn) -> list[Approval]:
    """Posts waiting for an editor's decision, the longest waiting first."""
    return [_approval(r) for r in run(conn, _WAITING).fetchall()]


def put_waiting(conn: Conn, post_id: int, member_id: int | None, now: datetime) -> None:
    """The post waits for approval (again: a returned post's comment is cleared)."""
    params = {
        "post": post_id,
        "state": ApprovalState.WAITING.value,
        "member": member_id,
        "now": utc_text(now),
        "comment": "",
    }
    run(conn, _PUT, params)


def mark_returned(conn: Conn, post_id: int, comment: str) -> bool:
    """Back to the contributor with ``comment``; False when the post was not waiting."""
    return run(conn, _RETURN, {"post": post_id, "comment": comment}).rowcount == 1


def clear_waiting(conn: Conn, post_id: int) -> bool:
    """Approved: the post needs approval no more; False when it was not waiting."""
    return run(conn, _CLEAR, {"post": post_id}).rowcount == 1


def log_event(
    conn: Conn,
    post_id: int,
    action: ApprovalAction,
    *,
    member: Member | None,
    comment: str,
    now: datetime,
) -> int:
    params = {
        "post": post_id,
        "action": action.value,
        "member": member.id if member else None,
        "name": member.name if member else "",
        "comment": comment,
        "now": utc_text(now),
    }
    return one_id(run(conn, _LOG, params))


def events(conn: Conn, post_id: int) -> list[ApprovalEvent]:
    return [_event(r) for r in run(conn, _EVENTS, {"post": post_id}).fetchall()]


def requests_after(conn: Conn, after: int) -> list[ApprovalEvent]:
    """Requests logged after event ``after`` whose post still waits (for notifications)."""
    return [_event(r) for r in run(conn, _REQUESTS_AFTER, {"after": after}).fetchall()]


def last_event_id(conn: Conn) -> int:
    row = run(conn, _LAST_EVENT).fetchone()
    return int(str(row[0])) if row is not None else 0
