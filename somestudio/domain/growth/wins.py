"""The month's wins, for the report's first page: goals reached, cadences kept, the account
that grew most, each channel's best post."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from somestudio.domain.dashboard import PostRow
from somestudio.domain.growth.cadence import CadenceProgress
from somestudio.domain.growth.pace import TargetProgress
from somestudio.domain.networks import Network


class WinKind(StrEnum):
    GOAL_REACHED = "goal_reached"
    CADENCE_KEPT = "cadence_kept"
    BIGGEST_GROWTH = "biggest_growth"
    BEST_POST = "best_post"


@dataclass(frozen=True, slots=True)
class Win:
    kind: WinKind
    subject: str  # the goal's title, the account's label, the post's text
    value: float | None = None  # the target, the gain, the engagements
    network: Network | None = None
    day: date | None = None  # when the goal was reached, when the post went out
    base: float | None = None  # followers at the month's start (growth), periods (cadence)


@dataclass(frozen=True, slots=True)
class Growth:
    label: str
    network: Network
    first: int
    last: int

    @property
    def gain(self) -> int:
        return self.last - self.first


def month_wins(
    first: date,
    last: date,
    *,
    targets: Sequence[TargetProgress],
    cadences: Sequence[CadenceProgress],
    growth: Sequence[Growth],
    posts: Sequence[PostRow],
) -> list[Win]:
    """Wins between ``first`` and ``last`` (local days, both included). ``posts``: the
    month's published posts with their numbers."""
    wins: list[Win] = []
    for progress in targets:
        day = progress.reached_on
        if day is not None and first <= day <= last:
            goal = progress.goal
            wins.append(Win(WinKind.GOAL_REACHED, goal.title, goal.target, day=day))
    for cadence in cadences:
        inside = [p for p in cadence.periods if first <= p.first and p.last <= last]
        if inside and all(p.met for p in inside):
            goal = cadence.goal
            wins.append(Win(WinKind.CADENCE_KEPT, goal.title, goal.target, base=float(len(inside))))
    grown = [g for g in growth if g.gain > 0]
    if grown:
        best = max(grown, key=lambda g: (g.gain, g.label))
        wins.append(
            Win(WinKind.BIGGEST_GROWTH, best.label, best.gain, best.network, base=best.first)
        )
    best_posts: dict[Network, PostRow] = {}
    for post in posts:
        held = best_posts.get(post.network)
        if post.engagements > 0 and (held is None or post.engagements > held.engagements):
            best_posts[post.network] = post
    for network, post in sorted(best_posts.items(), key=lambda item: item[0].value):
        wins.append(
            Win(
                WinKind.BEST_POST,
                " ".join(post.text.split()),
                post.engagements,
                network,
                day=post.published_at.date(),
            )
        )
    return wins
