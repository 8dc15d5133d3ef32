"""Metric figures as the app reports them."""

from __future__ import annotations

from dataclasses import dataclass

from somestudio.domain.networks import Network


@dataclass(frozen=True, slots=True)
class ChannelTotals:
    """Latest known numbers of a channel's published posts in a period, summed."""

    network: Network
    posts: int
    likes: int
    reposts: int
    replies: int
    views: int | None  # None when no post on this channel reports views
