"""The member rules (domain/members.py): names as kept, what each role may do, and that a
workspace with members keeps an owner."""

from __future__ import annotations

import pytest

from somestudio.domain.members import (
    Member,
    MemberRuleError,
    Role,
    check_owners_left,
    clean_name,
)


def test_a_name_is_kept_without_stray_space_and_never_empty() -> None:
    assert clean_name("  Anna   Maria ") == "Anna Maria"
    with pytest.raises(MemberRuleError) as empty:
        clean_name(" \t ")
    assert empty.value.code == "members.empty_name"


def test_what_each_role_may_do() -> None:
    assert [r for r in Role if r.approves] == [Role.OWNER, Role.EDITOR]
    assert [r for r in Role if r.manages_members] == [Role.OWNER]


TEAM = [Member(1, "Anna", Role.OWNER), Member(2, "Ben", Role.EDITOR)]


@pytest.mark.parametrize(
    ("changed", "role", "refused"),
    [
        (1, Role.EDITOR, True),  # the only owner made an editor
        (1, None, True),  # the only owner removed while Ben stays
        (2, Role.OWNER, False),
        (2, None, False),
    ],
)
def test_a_workspace_with_members_keeps_an_owner(
    changed: int, role: Role | None, refused: bool
) -> None:
    if refused:
        with pytest.raises(MemberRuleError) as caught:
            check_owners_left(TEAM, changed, role)
        assert caught.value.code == "members.last_owner"
    else:
        check_owners_left(TEAM, changed, role)


def test_the_last_member_may_leave_and_the_workspace_is_solo_again() -> None:
    check_owners_left([Member(1, "Anna", Role.OWNER)], 1, None)
