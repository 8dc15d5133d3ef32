"""Metric figures as the app reports them: counts per post and per account, engagement."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

# The per-post counts a snapshot can hold, in the order of the metric_snapshots columns.
POST_FIELDS: tuple[str, ...] = ("likes", "reposts", "replies", "quotes", "bookmarks", "views")
ACCOUNT_FIELDS: tuple[str, ...] = ("followers", "following", "posts_count")


@dataclass(frozen=True, slots=True)
class PostCounts:
    """One post's numbers at one moment; None where the network does not offer the figure."""

    likes: int | None = None
    reposts: int | None = None
    replies: int | None = None
    quotes: int | None = None
    bookmarks: int | None = None
    views: int | None = None

    @property
    def engagements(self) -> int:
        """Likes, reposts, replies, quotes and bookmarks: every act of someone engaging."""
        return sum(
            v or 0 for v in (self.likes, self.reposts, self.replies, self.quotes, self.bookmarks)
        )

    @property
    def engagements_known(self) -> int | None:
        """``engagements``, or None when none of the figures it sums is known (a post whose
        numbers were never entered, a network that gives none): shown as "–", not 0."""
        figures = (self.likes, self.reposts, self.replies, self.quotes, self.bookmarks)
        if all(v is None for v in figures):
            return None
        return self.engagements

    def as_tuple(self) -> tuple[int | None, ...]:
        return (self.likes, self.reposts, self.replies, self.quotes, self.bookmarks, self.views)

    def offers_anything(self) -> bool:
        return any(v is not None for v in self.as_tuple())


@dataclass(frozen=True, slots=True)
class AccountCounts:
    followers: int | None = None
    following: int | None = None
    posts_count: int | None = None


@dataclass(frozen=True, slots=True)
class Snapshot:
    """A post's counts as fetched (or entered) at ``fetched_at``."""

    fetched_at: datetime
    counts: PostCounts


@dataclass(frozen=True, slots=True)
class AccountPoint:
    fetched_at: datetime
    followers: int | None


def engagement_rate(counts: PostCounts, followers: int | None) -> float | None:
    """Engagements per view where the network reports views, otherwise per follower at the
    time of posting; None when neither is known.

    The two denominators differ (a view is a narrower audience than a follower), so rates
    are compared within one channel, where the same denominator applies to every post.
    """
    if counts.views:
        return counts.engagements / counts.views
    if followers:
        return counts.engagements / followers
    return None


def change(current: float, previous: float | None) -> float | None:
    """Relative change from ``previous`` to ``current`` (0.25 = +25 %); None without a base."""
    if previous is None or previous == 0:
        return None
    return (current - previous) / previous
