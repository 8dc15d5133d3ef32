"""A post waiting for approval is never sent by the engine, whatever its deliveries say;
approved, it goes out at the time asked for, once (real SQLite file, hand-moved clock)."""

from __future__ import annotations

from datetime import timedelta

import pytest

from somestudio.app.approval import ApprovalError, Approvals
from somestudio.app.team import Team
from somestudio.domain.delivery_state import DeliveryState
from somestudio.domain.members import Role
from somestudio.store import deliveries as delivery_rows
from somestudio.store.database import transaction
from somestudio.store.sql import Sql, run
from tests.integration.scheduling_setup import ZONE, Rig

S = DeliveryState


def _team(rig: Rig) -> tuple[Team, int, int]:
    """An owner (Olli), a contributor (Cia); this computer is Cia's."""
    team = Team(rig.workspace)
    team.add_member("Olli", Role.OWNER)  # the first member: this computer's, an owner
    contributor = team.add_member("Cia", Role.CONTRIBUTOR)
    team.choose_me(contributor.id)
    return team, team.find("Olli").id, contributor.id


def _draft(rig: Rig) -> int:
    from somestudio.app.studio import Studio  # noqa: PLC0415

    return Studio(rig.workspace).save_draft("Hei", [rig.archive_account])


def test_a_waiting_post_is_never_sent_and_an_approved_one_goes_out_once(rig: Rig) -> None:
    team, owner, _contributor = _team(rig)
    approvals = Approvals(rig.plan, team, now=rig.clock.now)
    rig.engine.start()
    post = _draft(rig)
    at = (rig.clock.now() + timedelta(seconds=60)).replace(microsecond=0)

    with pytest.raises(ApprovalError) as refused:  # a contributor cannot schedule
        rig.plan.schedule_existing(post, at, ZONE)
    assert refused.value.code == "approval.needed"
    approvals.request(post, at, ZONE)
    (row,) = delivery_rows.of_post(rig.workspace.connection(), post)
    assert (row.state, row.scheduled_at) == (S.DRAFT, at)

    # Someone sets the delivery to 'scheduled' behind the app's back: the database still
    # keeps the waiting post from every engine.
    conn = rig.workspace.writable_connection()
    with transaction(conn):
        run(conn, Sql("UPDATE deliveries SET state = 'scheduled' WHERE id = :id"), {"id": row.id})
    rig.engine.sweep()
    rig.alarms.advance(120)
    assert rig.engine.dispatch(row.id) is None  # the claim refused it: nothing sent
    assert rig.folders() == []
    assert rig.state(row.id) is S.SCHEDULED
    with transaction(conn):
        run(conn, Sql("UPDATE deliveries SET state = 'draft' WHERE id = :id"), {"id": row.id})

    with pytest.raises(ApprovalError) as not_editor:  # the contributor cannot approve
        approvals.approve(post)
    assert not_editor.value.code == "approval.not_editor"
    team.choose_me(owner)
    with pytest.raises(ApprovalError) as passed:  # the time asked for went by meanwhile
        approvals.approve(post)
    assert passed.value.code == "approval.time_passed"
    later = (rig.clock.now() + timedelta(seconds=60)).replace(microsecond=0)
    rig.plan.move(row.id, later, ZONE)  # the editor moves the waiting draft, then approves
    assert approvals.approve(post) == [row.id]
    assert approvals.state(post) is None
    assert rig.state(row.id) is S.SCHEDULED
    rig.alarms.advance(60)
    assert rig.state(row.id) is S.PUBLISHED
    assert len(rig.folders()) == 1
    actions = [(e.action.value, e.member_name) for e in approvals.history(post)]
    assert actions == [("requested", "Cia"), ("approved", "Olli")]


def test_a_solo_workspace_schedules_as_before(rig: Rig) -> None:
    """No members: the person is the owner, nothing asks for approval."""
    assert Team(rig.workspace).role() is Role.OWNER
    rig.engine.start()
    delivery = rig.schedule(30)
    rig.alarms.advance(30)
    assert rig.state(delivery) is S.PUBLISHED
