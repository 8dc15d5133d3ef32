"""The people of a shared workspace and what each role may do (issue 17, point 5).

A workspace without members (every solo one) has no roles: whoever uses it is the owner.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass
from datetime import datetime


class Role(enum.StrEnum):
    OWNER = "owner"  # manages the members, approves, schedules
    EDITOR = "editor"  # approves and schedules
    CONTRIBUTOR = "contributor"  # writes; asks for approval instead of scheduling

    @property
    def approves(self) -> bool:
        """Whether this role schedules directly and approves others' posts."""
        return self is not Role.CONTRIBUTOR

    @property
    def manages_members(self) -> bool:
        return self is Role.OWNER


class ApprovalState(enum.StrEnum):
    WAITING = "waiting"  # asked for; an editor has not decided
    RETURNED = "returned"  # sent back with a comment; the contributor may ask again


class ApprovalAction(enum.StrEnum):
    REQUESTED = "requested"
    APPROVED = "approved"
    RETURNED = "returned"


@dataclass(frozen=True, slots=True)
class Member:
    id: int
    name: str
    role: Role


@dataclass(frozen=True, slots=True)
class Approval:
    """Where a post stands in approval (a post without one needs none)."""

    post_id: int
    state: ApprovalState
    requested_by: str  # the member's name ("" when removed since)
    requested_at: datetime
    comment: str  # the editor's, when returned


@dataclass(frozen=True, slots=True)
class ApprovalEvent:
    id: int
    post_id: int
    action: ApprovalAction
    member_name: str
    comment: str
    at: datetime


class MemberRuleError(ValueError):
    """A change to the members that would break a rule; ``code`` names which:
    ``members.empty_name``, ``members.name_taken``, ``members.last_owner``,
    ``members.unknown``."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code


def clean_name(name: str) -> str:
    """A member's name as kept: surrounding space dropped, inner runs of space made one."""
    cleaned = " ".join(name.split())
    if not cleaned:
        raise MemberRuleError("members.empty_name", "a member needs a name")
    return cleaned


def check_owners_left(members: list[Member], changed_id: int, new_role: Role | None) -> None:
    """Refuse a change (``new_role`` None: removal) that would leave members but no owner."""
    after = [
        (new_role if m.id == changed_id else m.role)
        for m in members
        if not (m.id == changed_id and new_role is None)
    ]
    if after and Role.OWNER not in after:
        raise MemberRuleError(
            "members.last_owner", "a workspace with members keeps at least one owner"
        )
