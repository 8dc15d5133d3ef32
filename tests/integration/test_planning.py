"""Planning use cases that are not about one alarm: queue slots, recurring posts, seen flags."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path

import pytest

from somestudio.app.planning import PlanningError, RecurrenceProblemsError
from somestudio.app.studio import Studio
from somestudio.domain.delivery_state import DeliveryState
from somestudio.domain.recurrence import MonthlyRule, WeeklyRule
from somestudio.domain.timeplan import to_local
from somestudio.store import deliveries as delivery_rows
from somestudio.store import series as series_rows
from somestudio.store.sql import Sql, run
from tests.integration.scheduling_setup import START, ZONE, Rig

POSTS = Sql("SELECT count(*) FROM posts")

S = DeliveryState


def _draft(rig: Rig) -> int:
    post = Studio(rig.workspace).save_draft("queued", [rig.archive_account])
    (row,) = delivery_rows.of_post(rig.workspace.connection(), post)
    return row.id


def test_add_to_queue_takes_the_next_free_slot(rig: Rig) -> None:
    # START is Saturday 2026-11-21 10:00 in Helsinki.
    slots = rig.plan.set_posting_slots(rig.archive_account, "Mon, Wed, Fri 09:00", ZONE)
    assert len(slots) == 3
    assert rig.plan.posting_slots(rig.archive_account) == (slots, ZONE)
    first, second, third = _draft(rig), _draft(rig), _draft(rig)
    at = [rig.plan.add_to_queue(d) for d in (first, second, third)]
    assert [to_local(a, ZONE) for a in at] == [
        datetime(2026, 11, 23, 9, 0),
        datetime(2026, 11, 25, 9, 0),
        datetime(2026, 11, 27, 9, 0),
    ]
    assert rig.state(first) is S.SCHEDULED
    assert rig.column(first, "time_zone") == ZONE
    # Queueing an already queued delivery again keeps its own slot free for itself.
    assert rig.plan.add_to_queue(first) == at[0]


def test_queue_needs_slots_and_valid_text(rig: Rig) -> None:
    with pytest.raises(PlanningError, match="no posting slots"):
        rig.plan.add_to_queue(_draft(rig))
    with pytest.raises(PlanningError, match="day name"):
        rig.plan.set_posting_slots(rig.archive_account, "Someday 09:00", ZONE)


def test_recurring_posts_become_scheduled_deliveries(rig: Rig) -> None:
    rig.engine.start()
    posts = rig.plan.schedule_recurring(
        "Viikon vinkki",
        [rig.archive_account, rig.manual_account],
        WeeklyRule(frozenset({0}), time(9)),
        ZONE,
        date(2026, 11, 22),
        count=3,
    )
    assert len(posts) == 3
    conn = rig.workspace.connection()
    times = sorted(
        {d.scheduled_at for p in posts for d in delivery_rows.of_post(conn, p) if d.scheduled_at}
    )
    assert times == [
        datetime(2026, 11, 23, 7, tzinfo=UTC),
        datetime(2026, 11, 30, 7, tzinfo=UTC),
        datetime(2026, 12, 7, 7, tzinfo=UTC),
    ]
    assert all(d.state is S.SCHEDULED for p in posts for d in delivery_rows.of_post(conn, p))
    _assert_one_series(rig, posts, "weekly 0 09:00 1")


def _assert_one_series(rig: Rig, posts: list[int], rule: str) -> None:
    """``posts`` are one series in that order, made from ``rule``."""
    conn = rig.workspace.connection()
    found = [series_rows.of_post(conn, p) for p in posts]
    assert all(f is not None for f in found)
    assert {f[0] for f in found if f} == {found[0][0] if found[0] else None}
    assert [f[1] for f in found if f] == list(range(1, len(posts) + 1))
    info = found[0][0] if found[0] else None
    assert info is not None and (info.rule, info.time_zone, info.total) == (rule, ZONE, len(posts))


def test_recurring_with_a_dst_problem_writes_nothing(rig: Rig) -> None:
    before = run(rig.workspace.store_connection(), POSTS).fetchone()[0]
    with pytest.raises(RecurrenceProblemsError) as problems:
        rig.plan.schedule_recurring(
            "x", [rig.archive_account], MonthlyRule(29, time(3, 30)), ZONE, date(2026, 1, 1),
            count=12,
        )  # fmt: skip
    assert len(problems.value.problems) == 1  # 29 March 2026 03:30 does not exist
    after = run(rig.workspace.store_connection(), POSTS).fetchone()[0]
    assert after == before


def test_seen_flags_and_the_badge_count(rig: Rig) -> None:
    rig.engine.start()
    missed = rig.schedule(-3600)
    manual = rig.schedule(10, account=rig.manual_account)
    rig.alarms.advance(10)
    studio = Studio(rig.workspace)
    # The missed post waits for a decision; the one to publish by hand is a reminder.
    assert studio.count_wanting_user() == 1
    assert studio.count_waiting_by_hand() == 1
    rig.plan.mark_seen([missed])
    assert studio.count_unseen_missed() == 0
    assert studio.count_wanting_user() == 1  # looking is not deciding
    rig.plan.confirm_published_by_hand(manual)
    assert studio.count_waiting_by_hand() == 0
    rig.plan.skip(missed)
    assert studio.count_wanting_user() == 0


def test_schedule_post_checks_its_input(rig: Rig) -> None:
    at = rig.clock.now() + timedelta(hours=1)
    with pytest.raises(PlanningError, match="empty"):
        rig.plan.schedule_post(" ", [rig.archive_account], at=at, zone=ZONE)
    with pytest.raises(PlanningError, match="account"):
        rig.plan.schedule_post("x", [], at=at, zone=ZONE)
    with pytest.raises(PlanningError, match="account 999"):
        rig.plan.schedule_post("x", [999], at=at, zone=ZONE)
    with pytest.raises(PlanningError, match="time zone"):
        rig.plan.schedule_post("x", [rig.archive_account], at=at.replace(tzinfo=None), zone=ZONE)
    with pytest.raises(PlanningError, match="IANA"):
        rig.plan.schedule_post("x", [rig.archive_account], at=at, zone="Mars/Base")


def test_a_saved_post_made_recurring_keeps_its_image_and_each_accounts_text(
    rig: Rig, tmp_path: Path
) -> None:
    """A weekly series from a saved draft: each post is the draft (its image, an account's
    own text, its language), not its text alone (a new user's photo was lost from all four,
    and a channel that needs an image refused the series with nothing said)."""
    from PIL import Image  # noqa: PLC0415

    from somestudio.app.composer import Composer  # noqa: PLC0415
    from somestudio.domain.drafts import Attachment, Draft  # noqa: PLC0415

    image = tmp_path / "ruisleipa.png"
    Image.new("RGB", (40, 30), "brown").save(image)
    draft = Draft(
        base_text="Perjantain viikon leipä",
        account_ids=(rig.archive_account, rig.manual_account),
        variants={rig.manual_account: "Perjantain viikon leipä #leipomo"},
        attachments=(Attachment(str(image), "Ruisleipä"),),
        language="fi",
    )
    post = Composer(rig.workspace).save(draft)
    assert post is not None
    rig.engine.start()
    posts = rig.plan.schedule_existing_recurring(
        post, WeeklyRule(frozenset({4}), time(8)), ZONE, date(2026, 11, 22), count=2
    )
    assert len(posts) == 2
    for copy in posts:
        loaded = Composer(rig.workspace).load(copy)
        assert loaded is not None
        assert loaded.base_text == "Perjantain viikon leipä" and loaded.language == "fi"
        assert [a.alt_text for a in loaded.attachments] == ["Ruisleipä"]
        assert loaded.variants == {rig.manual_account: "Perjantain viikon leipä #leipomo"}
    conn = rig.workspace.connection()
    times = sorted(d.scheduled_at or START for p in posts for d in delivery_rows.of_post(conn, p))
    assert (
        times
        == [datetime(2026, 11, 27, 6, tzinfo=UTC)] * 2 + [datetime(2026, 12, 4, 6, tzinfo=UTC)] * 2
    )
    assert all(d.state is S.SCHEDULED for p in posts for d in delivery_rows.of_post(conn, p))
    assert Composer(rig.workspace).load(post) is None  # the draft became the series
    _assert_one_series(rig, posts, "weekly 4 08:00 1")
    assert series_rows.of_post(conn, post) is None  # the draft itself is in no series
    # One post deleted: the other stays in the series; undo puts it back in its place.
    rig.plan.delete_post(posts[0])
    found = series_rows.of_post(conn, posts[1])
    assert found is not None
    assert [m.post_id for m in series_rows.members(conn, found[0].series_id)] == [posts[1]]
    rig.plan.restore_post(posts[0])
    assert [m.post_id for m in series_rows.members(conn, found[0].series_id)] == posts


def test_a_draft_planned_for_a_later_day_is_queued_from_that_day(rig: Rig) -> None:
    """A draft put on 2 December (START is 21 November): its account's first free slot
    from that day, not next week's (a post planned for January went into next week)."""
    rig.plan.set_posting_slots(rig.archive_account, "Mon, Wed, Fri 09:00", ZONE)
    draft = _draft(rig)
    rig.plan.move(draft, datetime(2026, 12, 2, 6, tzinfo=UTC), ZONE)  # planned, still a draft
    assert rig.state(draft) is S.DRAFT
    assert to_local(rig.plan.add_to_queue(draft), ZONE) == datetime(2026, 12, 2, 9, 0)
    assert rig.state(draft) is S.SCHEDULED
