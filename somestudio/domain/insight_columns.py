"""Insights, heatmap and posting slots from posts held column by column.

The same statements and numbers as ``domain.insights`` gives for a list of
``PostObservation`` (its method is described there), computed without an object per post
and from aggregates: each channel's values are ranked once, then every group's rank sum and
size come from one pass per factor, and each median is picked from the ranked order (the
rest's median by counting, without building the rest). Rank sums are sums of halves, so
exact in any order; floating-point sums (the heatmap's mean rates) keep the posts' order.
"""

from __future__ import annotations

import math
from bisect import bisect_right
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import time
from functools import partial

from somestudio.domain.insights import (
    ALPHA,
    HASHTAG_BANDS,
    HOUR_BANDS,
    LENGTH_BANDS,
    MIN_SAMPLE,
    RATE_COVERAGE,
    Factor,
    HeatCell,
    Insight,
    Measure,
    PostObservation,
    holm,
    superiority_interval,
)
from somestudio.domain.networks import Network
from somestudio.domain.slots import Slot

# One post's columns: network, account id, local weekday, hour and minute, length, hashtags,
# has media, engagements, rate.
PostFeatures = tuple[Network, int, int, int, int, int, int, bool, int, float | None]


@dataclass(slots=True)
class ObservedPosts:
    """Posts as insights see them, one list per feature (index ``i`` is one post), in the
    order the caller read them. Times are local to the user's zone."""

    network: list[Network] = field(default_factory=list)
    account_id: list[int] = field(default_factory=list)
    weekday: list[int] = field(default_factory=list)
    hour: list[int] = field(default_factory=list)
    minute: list[int] = field(default_factory=list)
    length: list[int] = field(default_factory=list)
    hashtags: list[int] = field(default_factory=list)
    has_media: list[bool] = field(default_factory=list)
    engagements: list[int] = field(default_factory=list)
    rate: list[float | None] = field(default_factory=list)

    def __len__(self) -> int:
        return len(self.network)

    def add(  # noqa: PLR0917 - one argument per column
        self,
        network: Network,
        account_id: int,
        weekday: int,
        hour: int,
        minute: int,
        length: int,
        hashtags: int,
        has_media: bool,
        engagements: int,
        rate: float | None,
    ) -> None:
        self.network.append(network)
        self.account_id.append(account_id)
        self.weekday.append(weekday)
        self.hour.append(hour)
        self.minute.append(minute)
        self.length.append(length)
        self.hashtags.append(hashtags)
        self.has_media.append(has_media)
        self.engagements.append(engagements)
        self.rate.append(rate)

    @classmethod
    def of_rows(cls, rows: Sequence[PostFeatures]) -> ObservedPosts:
        """From one tuple per post, in the order of the columns."""
        if not rows:
            return cls()
        columns = [list(c) for c in zip(*rows, strict=True)]
        return cls(*columns)

    @classmethod
    def of(cls, observations: Iterable[PostObservation]) -> ObservedPosts:
        posts = cls()
        for o in observations:
            local = o.posted_local
            posts.add(
                o.network,
                o.account_id,
                local.weekday(),
                local.hour,
                local.minute,
                o.length,
                o.hashtags,
                o.has_media,
                o.engagements,
                o.rate,
            )
        return posts


def _band_index(bands: tuple[tuple[str, int, int], ...]) -> Callable[[int], int | None]:
    def index(value: int) -> int | None:
        for k, (_key, low, high) in enumerate(bands):
            if low <= value <= high:
                return k
        return None

    return index


_LENGTH = _band_index(LENGTH_BANDS)
_HASHTAGS = _band_index(HASHTAG_BANDS)
_HOUR_OF = [_band_index(HOUR_BANDS)(h) for h in range(24)]


@dataclass(slots=True)
class _Group:
    factor: Factor
    key: str
    positions: list[int]  # ranked positions (0 = smallest value) of the group's posts


@dataclass(slots=True)
class _Draft:
    channel: Network
    factor: Factor
    group: str
    measure: Measure
    size: int
    rest: int
    group_median: float | None
    rest_median: float | None
    superiority: float | None = None
    p_value: float | None = None


def _median_at(ordered: Sequence[float], pick: Callable[[int], int], size: int) -> float | None:
    """Median of ``size`` values, the k-th smallest of which is ``ordered[pick(k)]``."""
    if size == 0:
        return None
    mid = size // 2
    if size % 2:
        return ordered[pick(mid)]
    return (ordered[pick(mid - 1)] + ordered[pick(mid)]) / 2


def _kth_outside(positions: Sequence[int], k: int) -> int:
    """The ranked position of the k-th (from 0) post *not* in ``positions`` (ascending)."""
    low, high = k, k + len(positions)
    while low < high:  # smallest x with x + 1 - (members <= x) > k
        mid = (low + high) // 2
        if mid + 1 - bisect_right(positions, mid) > k:
            high = mid
        else:
            low = mid + 1
    return low


def _channel_drafts(
    channel: Network, posts: ObservedPosts, indices: list[int], min_sample: int
) -> list[_Draft]:
    rates = posts.rate
    with_rate = [i for i in indices if rates[i] is not None]
    if indices and len(with_rate) >= RATE_COVERAGE * len(indices):
        measure, chosen = Measure.RATE, with_rate
        values: list[float] = [rates[i] for i in chosen]  # type: ignore[misc]
    else:
        measure, chosen = Measure.ENGAGEMENTS, indices
        values = [float(posts.engagements[i]) for i in chosen]
    n = len(values)
    order = sorted(range(n), key=values.__getitem__)
    ordered = [values[k] for k in order]
    # Average ranks for ties, by ranked position.
    rank_at = [0.0] * n
    tie_term = 0.0
    i = 0
    while i < n:
        j = i
        while j + 1 < n and ordered[j + 1] == ordered[i]:
            j += 1
        average = (i + j) / 2 + 1
        for k in range(i, j + 1):
            rank_at[k] = average
        size = j - i + 1
        tie_term += size**3 - size
        i = j + 1
    groups = _groups(posts, chosen, order)
    drafts = []
    for group in groups:
        n1 = len(group.positions)
        if n1 == 0:
            continue  # a group the user never posted in says nothing at all
        n2 = n - n1
        members = group.positions
        draft = _Draft(
            channel,
            group.factor,
            group.key,
            measure,
            n1,
            n2,
            _median_at(ordered, members.__getitem__, n1),
            _median_at(ordered, partial(_kth_outside, members), n2),
        )
        if n1 >= min_sample and n2 >= min_sample:
            rank_sum = sum(map(rank_at.__getitem__, members))
            draft.superiority, draft.p_value = _test(n, n1, rank_sum, tie_term)
        drafts.append(draft)
    return drafts


def _groups(posts: ObservedPosts, chosen: list[int], order: list[int]) -> list[_Group]:
    """Every group of ``domain.insights._groups``, in its order, with the ranked positions of
    its posts (ascending)."""
    media: list[int] = []
    lengths: list[list[int]] = [[] for _ in LENGTH_BANDS]
    tags: list[list[int]] = [[] for _ in HASHTAG_BANDS]
    days: list[list[int]] = [[] for _ in range(7)]
    hours: list[list[int]] = [[] for _ in HOUR_BANDS]
    has_media, length, hashtags = posts.has_media, posts.length, posts.hashtags
    weekday, hour = posts.weekday, posts.hour
    # Bands looked up once per distinct value (a few hundred lengths, a few tag counts).
    length_band = {v: _LENGTH(v) for v in {length[i] for i in chosen}}
    tag_band = {v: _HASHTAGS(v) for v in {hashtags[i] for i in chosen}}
    for position, k in enumerate(order):
        i = chosen[k]
        if has_media[i]:
            media.append(position)
        band = length_band[length[i]]
        if band is not None:
            lengths[band].append(position)
        band = tag_band[hashtags[i]]
        if band is not None:
            tags[band].append(position)
        days[weekday[i]].append(position)
        band = _HOUR_OF[hour[i]]
        if band is not None:
            hours[band].append(position)
    groups = [_Group(Factor.MEDIA, "with_media", media)]
    groups += [_Group(Factor.LENGTH, key, lengths[b]) for b, (key, _, _) in enumerate(LENGTH_BANDS)]
    groups += [_Group(Factor.HASHTAGS, key, tags[b]) for b, (key, _, _) in enumerate(HASHTAG_BANDS)]
    groups += [_Group(Factor.WEEKDAY, str(d), days[d]) for d in range(7)]
    groups += [_Group(Factor.HOUR, key, hours[b]) for b, (key, _, _) in enumerate(HOUR_BANDS)]
    return groups


def _test(n: int, n1: int, rank_sum: float, tie_term: float) -> tuple[float, float]:
    """As ``insights._Ranked.test``: (probability of superiority, two-sided p-value)."""
    n2 = n - n1
    u_a = rank_sum - n1 * (n1 + 1) / 2
    superiority = u_a / (n1 * n2)
    mean = n1 * n2 / 2
    variance = n1 * n2 / 12 * ((n + 1) - tie_term / (n * (n - 1))) if n > 1 else 0.0
    if variance <= 0:
        return superiority, 1.0
    distance = max(0.0, abs(u_a - mean) - 0.5)
    z = distance / math.sqrt(variance)
    return superiority, math.erfc(z / math.sqrt(2))


def find_insights_in(
    posts: ObservedPosts, *, min_sample: int = MIN_SAMPLE, alpha: float = ALPHA
) -> list[Insight]:
    """``insights.find_insights`` for posts held column by column: the same list."""
    by_channel: dict[Network, list[int]] = {}
    for i, network in enumerate(posts.network):
        by_channel.setdefault(network, []).append(i)
    drafts: list[_Draft] = []
    for channel in sorted(by_channel):
        drafts += _channel_drafts(channel, posts, by_channel[channel], min_sample)
    tested = [d for d in drafts if d.p_value is not None]
    adjusted = dict(
        zip(
            map(id, tested), holm([d.p_value for d in tested if d.p_value is not None]), strict=True
        )
    )
    insights = [_finish(d, adjusted.get(id(d)), alpha) for d in drafts]
    insights.sort(
        key=lambda i: (
            not i.claimed,
            -abs((i.superiority if i.superiority is not None else 0.5) - 0.5),
            i.channel,
            i.factor,
            i.group,
        )
    )
    return insights


def _finish(draft: _Draft, adjusted: float | None, alpha: float) -> Insight:
    low = high = None
    if draft.superiority is not None:
        low, high = superiority_interval(draft.superiority, draft.size, draft.rest)
    return Insight(
        channel=draft.channel,
        factor=draft.factor,
        group=draft.group,
        measure=draft.measure,
        group_size=draft.size,
        rest_size=draft.rest,
        group_median=draft.group_median,
        rest_median=draft.rest_median,
        superiority=draft.superiority,
        low=low,
        high=high,
        p_value=draft.p_value,
        adjusted_p=adjusted,
        claimed=adjusted is not None and adjusted < alpha,
    )


def heat_grid(posts: ObservedPosts) -> list[list[HeatCell]]:
    """``insights.weekday_hour_grid`` for posts held column by column."""
    sums = [[0.0] * 24 for _ in range(7)]
    rated = [[0] * 24 for _ in range(7)]
    counts = [[0] * 24 for _ in range(7)]
    for day, hour, rate in zip(posts.weekday, posts.hour, posts.rate, strict=True):
        counts[day][hour] += 1
        if rate is not None:
            sums[day][hour] += rate
            rated[day][hour] += 1
    return [
        [
            HeatCell(counts[d][h], sums[d][h] / rated[d][h] if rated[d][h] else None)
            for h in range(24)
        ]
        for d in range(7)
    ]


def slots_in(
    insights: Sequence[Insight], posts: ObservedPosts, indices: Sequence[int], channel: Network
) -> tuple[Slot, ...]:
    """``insights.suggest_slots`` for the posts at ``indices`` (one account's)."""
    claims = [i for i in insights if i.channel is channel and i.claimed and i.better]
    days = sorted(int(i.group) for i in claims if i.factor is Factor.WEEKDAY)
    bands = [i.group for i in claims if i.factor is Factor.HOUR]
    if not days and not bands:
        return ()
    own = [i for i in indices if posts.network[i] is channel]
    band_ranges = {key: (low, high) for key, low, high in HOUR_BANDS}
    if bands:
        low, high = band_ranges[bands[0]]
        candidates = [i for i in own if low <= posts.hour[i] <= high]
    else:
        candidates = [i for i in own if posts.weekday[i] in days]
    if not days:
        usual = Counter(posts.weekday[i] for i in candidates)
        days = sorted(day for day, _ in usual.most_common(3))
    times = Counter(time(posts.hour[i], posts.minute[i] - posts.minute[i] % 15) for i in candidates)
    if not times:
        return ()
    at = times.most_common(1)[0][0]
    return tuple(Slot(day, at) for day in days)
