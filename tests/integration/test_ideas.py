"""The ideas board on a real data folder, planning an idea as a draft and undoing it, and the
month plan with its gaps."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, date, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from PIL import Image

from somestudio.app.ideas import IdeaBoard, month_overview
from somestudio.app.planning import Planner, PlanningError
from somestudio.app.studio import Studio
from somestudio.app.workspace import Workspace, open_workspace
from somestudio.domain.month_plan import month_weeks
from somestudio.domain.networks import Network
from somestudio.domain.timeplan import NonexistentLocalTimeError
from somestudio.store import accounts as account_rows
from somestudio.store.database import transaction

ZONE = "Europe/Helsinki"


@pytest.fixture
def workspace(home: Path) -> Iterator[Workspace]:
    ws = open_workspace(home)
    conn = ws.writable_connection()
    with transaction(conn):
        account_rows.add_account(conn, Network.X, "kahvila")
        account_rows.add_account(conn, Network.MASTODON, "@aroma")
    yield ws
    ws.close()


def test_an_idea_becomes_a_draft_on_the_calendar_and_comes_back(
    workspace: Workspace, tmp_path: Path
) -> None:
    picture = tmp_path / "idea.png"
    Image.new("RGB", (30, 30), "brown").save(picture)
    board = IdeaBoard(workspace)
    first = board.add("Joulun leivonnaiset", "https://aroma.fi/joulu", str(picture))
    second = board.add("Henkilökuva: Maija")
    with pytest.raises(ValueError, match="needs"):
        board.add("  ")
    assert [i.id for i in board.ideas()] == [first, second]
    post = board.plan(first, datetime(2026, 12, 1, 9, 0), ZONE, [1])
    assert [i.id for i in board.ideas()] == [second]
    entry = Studio(workspace).entries_between(
        datetime(2026, 12, 1, tzinfo=UTC), datetime(2026, 12, 2, tzinfo=UTC)
    )[0]
    assert entry.post_id == post and entry.state.value == "draft"
    assert entry.scheduled_at == datetime(2026, 12, 1, 7, tzinfo=UTC)
    assert entry.text == "Joulun leivonnaiset\n\nhttps://aroma.fi/joulu" and entry.media_count == 1
    board.unplan(first)
    assert [i.id for i in board.ideas()] == [first, second]
    assert Studio(workspace).post(post) is None  # the draft is deleted (restorable)
    with pytest.raises(NonexistentLocalTimeError):
        board.plan(second, datetime(2027, 3, 28, 3, 30), ZONE, [1])
    with pytest.raises(PlanningError):
        board.plan(second, datetime(2027, 3, 28, 9), ZONE, [])
    board.update(second, "Henkilökuva: Matti")
    board.delete(first)
    assert [i.text for i in board.ideas()] == ["Henkilökuva: Matti"]


def test_month_weeks_follow_iso_weeks_clipped_to_the_month() -> None:
    weeks = month_weeks(2026, 12)
    assert [(w.number, w.first.day, w.last.day) for w in weeks] == [
        (49, 1, 6),
        (50, 7, 13),
        (51, 14, 20),
        (52, 21, 27),
        (53, 28, 31),
    ]


def test_month_plan_shows_each_accounts_gaps(workspace: Workspace) -> None:
    planner = Planner(workspace, now=lambda: datetime(2026, 11, 1, tzinfo=UTC))
    from somestudio.app.plan_library import PlanLibrary  # noqa: PLC0415

    planner.schedule_post(
        "Viikko 49", [1, 2], at=datetime(2026, 12, 2, 8, tzinfo=UTC), zone=ZONE, labels=["Joulu"]
    )
    planner.schedule_post("Viikko 51", [1], at=datetime(2026, 12, 15, 8, tzinfo=UTC), zone=ZONE)
    # 23:30 on Sunday the 6th in Helsinki is still week 49 there, though Monday in no zone.
    planner.schedule_post("Myöhään", [2], at=datetime(2026, 12, 6, 21, 30, tzinfo=UTC), zone=ZONE)
    PlanLibrary(workspace).save_label("Joulu", "#e53935")
    plan = month_overview(Studio(workspace), 2026, 12, ZoneInfo(ZONE))
    assert plan.cell(1, 0).count == 1 and plan.cell(1, 0).labels == ("Joulu",)
    assert plan.cell(2, 0).count == 2
    assert sorted((a, w.number) for a, w in plan.gaps()) == [
        (1, 50),
        (1, 52),
        (1, 53),
        (2, 50),
        (2, 51),
        (2, 52),
        (2, 53),
    ]
    assert date(2026, 12, 6) == plan.weeks[0].last
    # Looked at on the 15th (a Tuesday): weeks 49 and 50 are over and no longer gaps; the
    # week under way still is (a new user saw "9 gaps" for weeks gone by).
    later = month_overview(Studio(workspace), 2026, 12, ZoneInfo(ZONE), today=date(2026, 12, 15))
    assert sorted((a, w.number) for a, w in later.gaps()) == [
        (1, 52),
        (1, 53),
        (2, 51),
        (2, 52),
        (2, 53),
    ]
    assert later.is_past(1) and not later.is_past(2)
    assert later.cell(2, 1).is_gap and not later.is_gap(2, 1)  # empty, but gone by
