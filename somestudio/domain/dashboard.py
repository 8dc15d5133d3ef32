"""What the metrics view shows: a filter, a post's row, a channel's totals for a period."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from somestudio.domain.metrics import PostCounts
from somestudio.domain.networks import Network
from somestudio.domain.networks.catalogue import descriptor

# The PostCounts fields that make up engagements.
ENGAGEMENT_FIELDS: tuple[str, ...] = ("likes", "reposts", "replies", "quotes", "bookmarks")


@dataclass(frozen=True, slots=True)
class MetricsFilter:
    """Empty sets mean "all"; ``label`` narrows to posts carrying that label (campaign)."""

    networks: frozenset[Network] = field(default_factory=frozenset)
    account_ids: frozenset[int] = field(default_factory=frozenset)
    label: str | None = None


@dataclass(frozen=True, slots=True)
class PostRow:
    """A published delivery with its newest numbers."""

    delivery_id: int
    post_id: int
    account_id: int
    network: Network
    account_label: str
    published_at: datetime
    text: str
    media_count: int
    counts: PostCounts
    remote_url: str | None = None

    @property
    def engagements(self) -> int:
        return self.counts.engagements


@dataclass(frozen=True, slots=True)
class PeriodTotals:
    """One channel's published posts in a period, their newest numbers summed. A figure no
    post of the channel reports is None (not offered), never 0."""

    network: Network
    posts: int
    likes: int | None
    reposts: int | None
    replies: int | None
    quotes: int | None
    bookmarks: int | None
    views: int | None

    @property
    def engagements(self) -> int:
        return sum(
            v or 0 for v in (self.likes, self.reposts, self.replies, self.quotes, self.bookmarks)
        )

    @property
    def offers_engagements(self) -> bool:
        """Whether any figure that makes up engagements is reported (else 0 would lie)."""
        figures = (self.likes, self.reposts, self.replies, self.quotes, self.bookmarks)
        return any(v is not None for v in figures)

    def network_offers(self, figure: str) -> bool:
        """Whether the network's API reports ``figure`` (a ``PostCounts`` field) at all. A
        figure that is None on a channel whose network does report it is one no post of the
        period has numbers for yet (published by hand, not fetched yet), not one it lacks."""
        return figure in descriptor(self.network).metrics

    @property
    def network_offers_engagements(self) -> bool:
        return any(self.network_offers(figure) for figure in ENGAGEMENT_FIELDS)


@dataclass(frozen=True, slots=True)
class TotalsWithChange:
    current: PeriodTotals
    previous: PeriodTotals | None
