"""The review pack's contents (app/review_pack.py): the posts the calendar shows in the week or
month, in the user's zone, each account checked as the composer checks it."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from somestudio.app.review_pack import (
    build_review_pack,
    month_period,
    parse_month,
    parse_week,
    week_period,
)
from somestudio.app.workspace import Workspace
from somestudio.domain.delivery_state import DeliveryState
from tests.integration.review_pack_plan import HELSINKI, NOW, THREAD, X_TOO_LONG, make_plan


def test_a_month_holds_its_posts_in_the_users_zone_and_none_outside(
    workspace: Workspace, tmp_path: Path
) -> None:
    plan = make_plan(workspace, tmp_path)
    pack = build_review_pack(plan.studio, parse_month("2026-12"), HELSINKI, language="fi", now=NOW)
    assert [p.post_id for p in pack.posts] == [
        plan.thread,
        plan.hostile,
        plan.folded,
        plan.last_minute,
    ]
    assert pack.posts[-1].when.date() == date(2026, 12, 31)  # 23.59 in Helsinki
    assert pack.made_at.tzinfo == HELSINKI


def test_a_week_is_monday_to_sunday_by_iso_week(workspace: Workspace, tmp_path: Path) -> None:
    plan = make_plan(workspace, tmp_path)
    week = parse_week("2026-W49")
    assert (week.first, week.last) == (date(2026, 11, 30), date(2026, 12, 6))
    pack = build_review_pack(plan.studio, week, HELSINKI, language="fi", now=NOW)
    assert [p.post_id for p in pack.posts] == [plan.before, plan.thread]
    assert week.file_stem == "review-2026-W49"
    # A Sunday-first week holding the same Thursday has the same number.
    assert week_period(date(2026, 12, 3), 7).file_stem == "review-2026-W49"
    assert month_period(date(2026, 12, 17)).file_stem == "review-2026-12"


def test_each_account_is_checked_as_the_composer_checks_it(
    workspace: Workspace, tmp_path: Path
) -> None:
    plan = make_plan(workspace, tmp_path)
    pack = build_review_pack(plan.studio, parse_month("2026-12"), HELSINKI, language="fi", now=NOW)
    thread, hostile, folded, _ = pack.posts
    assert folded.targets[0].report.fold is not None  # LinkedIn folds it behind "see more"
    (bluesky,) = thread.targets
    assert bluesky.report.thread == THREAD
    assert bluesky.state is DeliveryState.DRAFT
    (picture,) = thread.images
    assert picture.mime == "image/jpeg" and picture.alt_text == "Pulla uunipellillä"
    assert len(picture.data) < 60_000  # made small: 640 pixels across, not 1600
    by_account = {t.report.target.account_id: t for t in hostile.targets}
    x = by_account[plan.x].report
    assert x.text == X_TOO_LONG and not x.ok
    assert any(f.code.endswith("too_long") and f.lang == "fi" for f in x.posts[0].findings)
    assert by_account[plan.mastodon].report.ok


@pytest.mark.parametrize("text", ["2026-13", "joulukuu", "2026-W54", "2026W49"])
def test_a_period_that_is_not_one_says_what_it_should_look_like(text: str) -> None:
    with pytest.raises(ValueError, match="like 2026-"):
        parse_week(text) if "W" in text else parse_month(text)
