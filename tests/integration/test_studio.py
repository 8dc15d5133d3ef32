"""Use cases over a real database filled with the demo data."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

from somestudio.app.calendar import month_entries
from somestudio.app.demo import DEMO_ZONE, SOON_TEXTS, build_demo_home
from somestudio.app.studio import Studio
from somestudio.app.workspace import open_workspace
from somestudio.domain.delivery_state import DeliveryState
from somestudio.domain.networks import Network, PublishMethod
from tests.conftest import FIXED_DAY

HELSINKI = ZoneInfo(DEMO_ZONE)
NOON = datetime.combine(FIXED_DAY, time(12), HELSINKI)  # the demo's "now"


def studio_for(home: Path) -> Studio:
    return Studio(open_workspace(home))


def test_demo_is_a_living_month(home: Path) -> None:
    build_demo_home(home, today=date(2026, 11, 21))
    studio = studio_for(home)
    accounts = studio.accounts()
    assert {a.network for a in accounts} >= {Network.LOCAL, Network.MASTODON, Network.BLUESKY}
    # Future posts go only where publishing works without a network client.
    days, by_day = month_entries(studio, 2026, 11, first_weekday=1, zone=HELSINKI)
    entries = [e for day in days for e in by_day.get(day, [])]
    states = {e.state for e in entries}
    assert {DeliveryState.PUBLISHED, DeliveryState.SCHEDULED, DeliveryState.DRAFT} <= states
    assert states & {DeliveryState.FAILED, DeliveryState.NEEDS_ATTENTION, DeliveryState.MISSED}
    texts = " ".join(e.text for e in entries)
    assert "Huomenta" in texts and "Good morning" in texts  # Finnish and English
    assert "https://" in texts and "☀️" in texts  # links and emoji
    assert any(e.media_count for e in entries)  # images
    methods = {a.id: a.publish_method for a in accounts}
    for entry in entries:
        if entry.state is DeliveryState.SCHEDULED:
            assert methods[entry.account_id] in (PublishMethod.FOLDER, PublishMethod.MANUAL)
    assert (home / "media" / "korvapuusti.jpg").stat().st_size > 10_000
    assert (home / "archive").is_dir()  # the Local archive account can publish at once


def test_month_grid_groups_by_local_day(home: Path) -> None:
    build_demo_home(home, today=date(2026, 11, 21))
    studio = studio_for(home)
    days, by_day = month_entries(studio, 2026, 11, first_weekday=1, zone=HELSINKI)
    assert days[0] == date(2026, 10, 26) and days[0].isoweekday() == 1
    for day, entries in by_day.items():
        assert day in days
        for entry in entries:
            assert entry.scheduled_at.astimezone(HELSINKI).date() == day
        assert [e.scheduled_at for e in entries] == sorted(e.scheduled_at for e in entries)


def test_next_due_and_attention(home: Path) -> None:
    build_demo_home(home, today=FIXED_DAY)
    studio = studio_for(home)
    upcoming = studio.next_due()
    assert upcoming is not None
    assert upcoming.state is DeliveryState.SCHEDULED
    assert upcoming.scheduled_at > NOON
    assert studio.count_wanting_user() > 0


def test_save_draft_creates_a_draft_per_account(home: Path) -> None:
    build_demo_home(home, today=FIXED_DAY)
    studio = studio_for(home)
    before = studio.post_count()
    ids = [a.id for a in studio.accounts()[:2]]
    when = datetime(2030, 5, 4, 9, 0, tzinfo=HELSINKI)
    studio.save_draft("Kesä tulee ☀️", ids, scheduled_at=when, time_zone=DEMO_ZONE)
    assert studio.post_count() == before + 1
    entries = studio.entries_between(when - timedelta(minutes=1), when + timedelta(minutes=1))
    assert {e.account_id for e in entries} == set(ids)
    assert {e.state for e in entries} == {DeliveryState.DRAFT}
    assert all(e.time_zone == DEMO_ZONE for e in entries)


def test_live_demo_has_posts_going_out_within_minutes(home: Path) -> None:
    """The live demo's two posts due minutes after it opens (one to the Local archive, one to
    publish by hand) are scheduled. Other demo posts may fall in the same minutes, in any
    state, at some hours of the day: they are not these two (a run at 09:05 UTC met one)."""
    build_demo_home(home, now=NOON)  # live, around the instant given
    studio = studio_for(home)
    soon = studio.entries_between(NOON, NOON + timedelta(minutes=5))
    methods = {a.id: a.publish_method for a in studio.accounts()}
    going_out = [e for e in soon if e.text and any(t.startswith(e.text[:40]) for t in SOON_TEXTS)]
    assert len(going_out) == len(SOON_TEXTS)
    assert {methods[e.account_id] for e in going_out} == {
        PublishMethod.FOLDER,
        PublishMethod.MANUAL,
    }
    assert all(e.state is DeliveryState.SCHEDULED for e in going_out)
