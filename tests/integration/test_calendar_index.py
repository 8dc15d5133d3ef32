"""Schema 10: the calendar's month reads its day counts and first posts from an index
(issue 15, point 4). The month overview gives what reading every delivery gives, on the
demo database pressed so that days hold more posts than a cell shows, with a deleted post
and filters; and the count reads no delivery's or post's row."""

from __future__ import annotations

from collections import defaultdict
from datetime import UTC, date, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from somestudio.app.calendar import CalendarFilter, month_entries, month_overview
from somestudio.app.demo import DEMO_ZONE, build_demo_home
from somestudio.app.studio import Studio
from somestudio.app.workspace import open_workspace
from somestudio.domain.delivery_state import DeliveryState
from somestudio.store.post_edits import soft_delete

HELSINKI = ZoneInfo(DEMO_ZONE)
PER_DAY = 3


def _pressed_demo(home: Path) -> Studio:
    """The demo's November, with every delivery moved into its first ten days."""
    build_demo_home(home, today=date(2026, 11, 21))
    workspace = open_workspace(home)
    conn = workspace.connection()
    conn.execute(
        "UPDATE deliveries SET scheduled_at = '2026-11-0' || ((CAST(substr(scheduled_at, 9, 2)"
        " AS INTEGER) % 9) + 1) || substr(scheduled_at, 11)"
        " WHERE scheduled_at LIKE '2026-11-%'"
    )
    conn.commit()
    return Studio(workspace)


def _expected(
    studio: Studio, where: CalendarFilter
) -> tuple[dict[date, int], dict[date, list[int]]]:
    """Counts and first posts from every delivery of the grid, read one by one."""
    days, by_day = month_entries(studio, 2026, 11, first_weekday=1, zone=HELSINKI, where=where)
    counts: dict[date, int] = {}
    firsts: dict[date, list[int]] = defaultdict(list)
    for day in days:
        first_at: dict[int, datetime] = {}
        for entry in by_day.get(day, []):
            first_at.setdefault(entry.post_id, entry.scheduled_at)
        if first_at:
            counts[day] = len(first_at)
            ranked = sorted(first_at, key=lambda post: (first_at[post], post))
            firsts[day] = ranked[:PER_DAY]
    return counts, dict(firsts)


@pytest.mark.parametrize(
    "where",
    [
        CalendarFilter(),
        CalendarFilter(states=frozenset({DeliveryState.PUBLISHED})),
        CalendarFilter(account_ids=frozenset({1})),
    ],
)
def test_month_overview_counts_and_first_posts_as_every_delivery_tells(
    home: Path, where: CalendarFilter
) -> None:
    studio = _pressed_demo(home)
    _, by_day = month_entries(studio, 2026, 11, first_weekday=1, zone=HELSINKI)
    busy = max(by_day, key=lambda day: len({e.post_id for e in by_day[day]}))
    assert len({e.post_id for e in by_day[busy]}) > PER_DAY  # the test needs a busy day
    deleted = by_day[busy][0].post_id
    assert soft_delete(studio.workspace.connection(), deleted, datetime(2026, 11, 21, tzinfo=UTC))

    month = month_overview(
        studio, 2026, 11, first_weekday=1, zone=HELSINKI, per_day=PER_DAY, where=where
    )
    counts, firsts = _expected(studio, where)
    assert month.post_counts == counts
    shown: dict[date, list[int]] = {}
    for day, entries in month.entries.items():
        shown[day] = list(dict.fromkeys(e.post_id for e in entries))
        assert all(where.admits(e) for e in entries)
    assert shown == firsts
    assert all(deleted not in posts for posts in shown.values())


def test_the_day_counts_read_the_calendar_index_alone(home: Path) -> None:
    studio = _pressed_demo(home)
    conn = studio.workspace.connection()
    traced: list[str] = []
    conn.set_trace_callback(traced.append)
    month_overview(studio, 2026, 11, first_weekday=1, zone=HELSINKI, per_day=PER_DAY)
    conn.set_trace_callback(None)
    counting = next(sql for sql in traced if "count(DISTINCT d.post_id)" in sql)
    plan = [str(row[3]) for row in conn.execute("EXPLAIN QUERY PLAN " + counting)]
    assert any("COVERING INDEX deliveries_calendar" in step for step in plan), plan
    assert any("posts_deleted" in step for step in plan), plan
    assert not any(step.startswith("SEARCH p ") for step in plan), plan
    firsts = next(sql for sql in traced if sql.startswith("SELECT d.post_id FROM deliveries"))
    plan = [str(row[3]) for row in conn.execute("EXPLAIN QUERY PLAN " + firsts)]
    assert any("COVERING INDEX deliveries_calendar" in step for step in plan), plan
    assert not any("TEMP B-TREE" in step for step in plan), plan
