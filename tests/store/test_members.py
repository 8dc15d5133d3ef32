"""store.members on both backends: members with a role, posts waiting for approval, the
approval log, and a waiting post that the engine's claim and due queries never return."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from somestudio.domain.delivery_state import DeliveryState
from somestudio.domain.members import ApprovalAction, ApprovalState, Role
from somestudio.domain.networks import Network
from somestudio.store import deliveries
from somestudio.store import members as rows
from somestudio.store.accounts import add_account
from somestudio.store.posts import add_delivery, create_post, entries_between, next_due
from somestudio.store.sql import Conn

NOW = datetime(2026, 3, 29, 0, 30, tzinfo=UTC)


def _post(conn: Conn, at: datetime, state: DeliveryState = DeliveryState.SCHEDULED) -> int:
    account = add_account(conn, Network.MASTODON, f"me{at.timestamp()}{state}")
    post = create_post(conn, "for approval")
    add_delivery(conn, post, account, scheduled_at=at, time_zone="Europe/Helsinki", state=state)
    return post


def test_members_are_kept_with_their_role(conn: Conn) -> None:
    assert rows.list_members(conn) == []
    anna = rows.add_member(conn, "Anna", Role.OWNER, NOW)
    ben = rows.add_member(conn, "ben", Role.CONTRIBUTOR, NOW)
    assert [(m.name, m.role) for m in rows.list_members(conn)] == [
        ("Anna", Role.OWNER),
        ("ben", Role.CONTRIBUTOR),
    ]
    assert rows.set_role(conn, ben, Role.EDITOR) is True
    assert rows.list_members(conn)[1].role is Role.EDITOR
    assert rows.remove_member(conn, anna) is True
    assert rows.remove_member(conn, anna) is False
    assert [m.name for m in rows.list_members(conn)] == ["ben"]


def test_a_request_waits_then_is_returned_then_approved_and_each_step_is_logged(
    conn: Conn,
) -> None:
    writer = rows.add_member(conn, "Cecilia", Role.CONTRIBUTOR, NOW)
    editor = rows.add_member(conn, "Dan", Role.EDITOR, NOW)
    people = {m.id: m for m in rows.list_members(conn)}
    post = _post(conn, NOW + timedelta(days=1), DeliveryState.DRAFT)
    assert rows.approval(conn, post) is None

    rows.put_waiting(conn, post, writer, NOW)
    rows.log_event(conn, post, ApprovalAction.REQUESTED, member=people[writer], comment="", now=NOW)
    found = rows.approval(conn, post)
    assert found is not None
    assert (found.state, found.requested_by, found.requested_at) == (
        ApprovalState.WAITING,
        "Cecilia",
        NOW,
    )
    assert [a.post_id for a in rows.waiting(conn)] == [post]

    assert rows.mark_returned(conn, post, "Add the venue, please") is True
    assert rows.mark_returned(conn, post, "again") is False  # not waiting any more
    rows.log_event(
        conn, post, ApprovalAction.RETURNED, member=people[editor], comment="Add the venue", now=NOW
    )
    found = rows.approval(conn, post)
    assert found is not None and found.state is ApprovalState.RETURNED
    assert found.comment == "Add the venue, please"
    assert rows.waiting(conn) == []
    assert rows.clear_waiting(conn, post) is False  # a returned post is not approved

    later = NOW + timedelta(minutes=5)
    rows.put_waiting(conn, post, writer, later)  # asked again: the comment is cleared
    found = rows.approval(conn, post)
    assert found is not None and (found.state, found.comment) == (ApprovalState.WAITING, "")
    assert rows.clear_waiting(conn, post) is True
    rows.log_event(
        conn, post, ApprovalAction.APPROVED, member=people[editor], comment="", now=later
    )
    assert rows.approval(conn, post) is None
    log = rows.events(conn, post)
    assert [(e.action, e.member_name, e.at) for e in log] == [
        (ApprovalAction.REQUESTED, "Cecilia", NOW),
        (ApprovalAction.RETURNED, "Dan", NOW),
        (ApprovalAction.APPROVED, "Dan", later),
    ]
    assert log[1].comment == "Add the venue"


def test_requests_after_an_event_name_only_posts_still_waiting(conn: Conn) -> None:
    writer = rows.add_member(conn, "Eve", Role.CONTRIBUTOR, NOW)
    member = rows.list_members(conn)[0]
    first, second = (_post(conn, NOW + timedelta(days=d), DeliveryState.DRAFT) for d in (1, 2))
    start = rows.last_event_id(conn)
    for post in (first, second):
        rows.put_waiting(conn, post, writer, NOW)
        rows.log_event(conn, post, ApprovalAction.REQUESTED, member=member, comment="", now=NOW)
    rows.mark_returned(conn, first, "no")
    assert [e.post_id for e in rows.requests_after(conn, start)] == [second]
    assert rows.requests_after(conn, rows.last_event_id(conn)) == []


def test_a_removed_member_leaves_the_log_readable(conn: Conn) -> None:
    writer = rows.add_member(conn, "Frank", Role.CONTRIBUTOR, NOW)
    post = _post(conn, NOW + timedelta(days=1), DeliveryState.DRAFT)
    rows.put_waiting(conn, post, writer, NOW)
    rows.log_event(
        conn, post, ApprovalAction.REQUESTED, member=rows.list_members(conn)[0], comment="", now=NOW
    )
    rows.remove_member(conn, writer)
    found = rows.approval(conn, post)
    assert found is not None and found.requested_by == ""
    assert rows.events(conn, post)[0].member_name == "Frank"


@pytest.mark.parametrize("state", [ApprovalState.WAITING, ApprovalState.RETURNED])
def test_a_post_awaiting_approval_is_never_due_nor_claimed(
    conn: Conn, state: ApprovalState
) -> None:
    """Even a delivery someone set to 'scheduled' behind the window's back stays unsent
    while its post waits: the claim itself refuses it."""
    post = _post(conn, NOW - timedelta(minutes=1))
    (delivery,) = deliveries.of_post(conn, post)
    rows.put_waiting(conn, post, None, NOW)
    if state is ApprovalState.RETURNED:
        rows.mark_returned(conn, post, "not yet")
    assert deliveries.scheduled_due_by(conn, NOW) == []
    assert deliveries.next_due_at(conn) is None
    assert next_due(conn) is None
    assert deliveries.claim_due(conn, delivery.account_id, NOW, NOW - timedelta(hours=1), 10) == []
    assert deliveries.claim(conn, delivery.id, NOW) is False
    (entry,) = entries_between(conn, NOW - timedelta(hours=1), NOW)
    assert entry.approval == state.value

    if state is ApprovalState.WAITING:  # approved: due as any other
        assert rows.clear_waiting(conn, post) is True
        assert [r.id for r in deliveries.scheduled_due_by(conn, NOW)] == [delivery.id]
        assert deliveries.claim(conn, delivery.id, NOW) is True
