"""The month's wins from goals, growth and posts: only what happened inside the month."""

from __future__ import annotations

from datetime import UTC, date, datetime

from somestudio.domain.dashboard import PostRow
from somestudio.domain.growth.cadence import cadence_progress
from somestudio.domain.growth.goals import Goal, Measure, Per
from somestudio.domain.growth.pace import target_progress
from somestudio.domain.growth.wins import Growth, WinKind, month_wins
from somestudio.domain.metrics import PostCounts
from somestudio.domain.networks import Network

MARCH = (date(2026, 3, 1), date(2026, 3, 31))


def post(network: Network, likes: int, day: int, text: str) -> PostRow:
    return PostRow(
        delivery_id=day,
        post_id=day,
        account_id=1,
        network=network,
        account_label="Kahvila",
        published_at=datetime(2026, 3, day, 9, tzinfo=UTC),
        text=text,
        media_count=0,
        counts=PostCounts(likes=likes),
    )


def test_wins_come_from_the_month_only() -> None:
    in_march = Goal("In March", Measure.FOLLOWERS, 110, date(2026, 2, 1), date(2026, 6, 1))
    in_february = Goal("Earlier", Measure.FOLLOWERS, 105, date(2026, 2, 1), date(2026, 6, 1))
    levels = {date(2026, 2, 20): 106.0, date(2026, 3, 5): 111.0}
    targets = [target_progress(g, levels, MARCH[1]) for g in (in_march, in_february)]
    weekly = Goal("Weekly", Measure.POSTS, 1, date(2026, 3, 2), per=Per.WEEK)
    kept = cadence_progress(weekly, [date(2026, 3, d) for d in (3, 10, 17, 24, 31)], MARCH[1])
    missed = cadence_progress(weekly, [date(2026, 3, d) for d in (3, 17, 24, 31)], MARCH[1])
    wins = month_wins(
        *MARCH,
        targets=targets,
        cadences=[kept, missed],
        growth=[
            Growth("Small", Network.BLUESKY, 100, 104),
            Growth("Big", Network.MASTODON, 900, 960),
            Growth("Shrank", Network.X, 500, 400),
        ],
        posts=[
            post(Network.MASTODON, 5, 2, "ok"),
            post(Network.MASTODON, 50, 9, "best  of\nMarch"),
            post(Network.BLUESKY, 0, 4, "nothing"),
        ],
    )
    assert [(w.kind, w.subject) for w in wins] == [
        (WinKind.GOAL_REACHED, "In March"),
        (WinKind.CADENCE_KEPT, "Weekly"),
        (WinKind.BIGGEST_GROWTH, "Big"),
        (WinKind.BEST_POST, "best of March"),
    ]
    assert wins[0].day == date(2026, 3, 5)
    assert wins[1].base == 4  # the weeks wholly in March; the one from 30 March ends in April
    assert wins[2].value == 60 and wins[2].base == 900
    assert wins[3].network is Network.MASTODON and wins[3].value == 50
