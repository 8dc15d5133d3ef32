"""Insights, heatmap and posting slots from posts held column by column.

The same statements and numbers as ``domain.insights`` gives for a list of
``PostObservation`` (its method is described there), computed without an object per post
and from aggregates: each channel's values are ranked once (a stable sort, so ties keep the
posts' order as ``sorted`` does), then every group's ranked positions and rank sum come from
array operations (numpy) per factor, and each median is picked from the ranked order (the
rest's median by counting, without building the rest). Rank sums are sums of halves, so
exact in any order; floating-point sums (the heatmap's mean rates) keep the posts' order
(``numpy.bincount`` adds its weights one after another).
"""

from __future__ import annotations

import math
from bisect import bisect_right
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import time
from functools import partial
from itertools import repeat
from operator import is_not

import numpy as np

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
    # The same columns as the arrays insights compare, when the caller had them at hand
    # (``of_arrays``): not made again from the lists.
    arrays: _Arrays | None = field(default=None, compare=False, repr=False)

    def __len__(self) -> int:
        return len(self.network)

    @classmethod
    def of_arrays(  # noqa: PLR0917 - one argument per column
        cls,
        network: list[Network],
        account_id: list[int],
        weekday: np.ndarray,
        hour: np.ndarray,
        minute: np.ndarray,
        length: np.ndarray,
        hashtags: np.ndarray,
        has_media: np.ndarray,
        engagements: np.ndarray,
        rate: np.ndarray,
        has_rate: np.ndarray,
    ) -> ObservedPosts:
        """From columns as arrays (integers; ``has_media`` and ``has_rate`` booleans;
        ``rate`` floats, whatever where ``has_rate`` is false), kept for the insights."""
        rates: list[float | None] = rate.tolist()
        for i in np.flatnonzero(~has_rate).tolist():
            rates[i] = None
        hours = hour.astype(np.int64)
        return cls(
            network=network,
            account_id=account_id,
            weekday=weekday.tolist(),
            hour=hours.tolist(),
            minute=minute.tolist(),
            length=length.tolist(),
            hashtags=hashtags.tolist(),
            has_media=has_media.tolist(),
            engagements=engagements.tolist(),
            rate=rates,
            arrays=_Arrays(
                has_rate=has_rate.astype(bool),
                rate=np.where(has_rate, rate, np.nan).astype(np.float64),
                engagements=engagements.astype(np.float64),
                media=has_media.astype(bool),
                length_band=_band_lookup(LENGTH_BANDS, length.astype(np.int64)),
                tag_band=_band_lookup(HASHTAG_BANDS, hashtags.astype(np.int64)),
                weekday=weekday.astype(np.int64),
                hour_band=_HOUR_BAND[hours],
            ),
        )

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
        return cls(*columns)  # type: ignore[arg-type] # the ten columns, no arrays

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
_HOUR_BAND = np.array(
    [-1 if (b := _band_index(HOUR_BANDS)(h)) is None else b for h in range(24)], dtype=np.int64
)


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


@dataclass(frozen=True, slots=True)
class _Arrays:
    """The columns insights compare, as arrays (index ``i`` is one post), made once."""

    has_rate: np.ndarray  # bool
    rate: np.ndarray  # float, NaN where there is none
    engagements: np.ndarray  # float (exact: counts are far below 2**53)
    media: np.ndarray  # bool
    length_band: np.ndarray  # each an index into its bands, -1 for none
    tag_band: np.ndarray
    weekday: np.ndarray
    hour_band: np.ndarray

    @classmethod
    def of(cls, posts: ObservedPosts) -> _Arrays:
        if posts.arrays is not None:
            return posts.arrays
        n = len(posts)
        return cls(
            has_rate=np.fromiter(map(is_not, posts.rate, repeat(None)), dtype=bool, count=n),
            rate=np.array(posts.rate, dtype=np.float64),
            engagements=np.array(posts.engagements, dtype=np.float64),
            media=np.array(posts.has_media, dtype=bool),
            length_band=_band_lookup(LENGTH_BANDS, np.array(posts.length, dtype=np.int64)),
            tag_band=_band_lookup(HASHTAG_BANDS, np.array(posts.hashtags, dtype=np.int64)),
            weekday=np.array(posts.weekday, dtype=np.int64),
            hour_band=_HOUR_BAND[np.array(posts.hour, dtype=np.int64)],
        )


def _channel_drafts(
    channel: Network, posts: _Arrays, indices: np.ndarray, min_sample: int
) -> list[_Draft]:
    with_rate = indices[posts.has_rate[indices]]
    if len(indices) and len(with_rate) >= RATE_COVERAGE * len(indices):
        measure, chosen = Measure.RATE, with_rate
        values = posts.rate[chosen]
    else:
        measure, chosen = Measure.ENGAGEMENTS, indices
        values = posts.engagements[chosen]
    n = len(values)
    # The ranked order: smallest first, ties in the posts' order (a stable sort, as
    # ``sorted`` is).
    order = np.argsort(values, kind="stable")
    sorted_values = values[order]
    ordered: list[float] = sorted_values.tolist()
    # Average ranks for ties, by ranked position: each run of equal values shares the mean
    # of its ranks (halves, so every sum of them below is exact in any order).
    starts = np.flatnonzero(np.concatenate(([True], sorted_values[1:] != sorted_values[:-1])))
    sizes = np.diff(np.append(starts, n))
    rank_at = np.repeat((2 * starts + sizes - 1) / 2 + 1, sizes)
    # Summed as a float run by run, smallest values first, as the object path sums it (runs
    # of one add nothing).
    tie_term = 0.0
    for size in sizes[sizes > 1].tolist():
        tie_term += size**3 - size
    drafts = []
    for factor, key, members in _groups(posts, chosen[order]):
        n1 = len(members)
        if n1 == 0:
            continue  # a group the user never posted in says nothing at all
        n2 = n - n1
        positions: list[int] = members.tolist()
        draft = _Draft(
            channel,
            factor,
            key,
            measure,
            n1,
            n2,
            _median_at(ordered, positions.__getitem__, n1),
            _median_at(ordered, partial(_kth_outside, positions), n2),
        )
        if n1 >= min_sample and n2 >= min_sample:
            rank_sum = float(rank_at[members].sum())
            draft.superiority, draft.p_value = _test(n, n1, rank_sum, tie_term)
        drafts.append(draft)
    return drafts


def _band_lookup(bands: tuple[tuple[str, int, int], ...], values: np.ndarray) -> np.ndarray:
    """Each value's band index, the first band holding it (-1: in none), as ``_band_index``
    finds it: the bands are marked last to first, so an earlier one wins."""
    found = np.full(len(values), -1, dtype=np.int64)
    for k in reversed(range(len(bands))):
        _key, low, high = bands[k]
        found[(values >= low) & (values <= high)] = k
    return found


def _groups(posts: _Arrays, ranked: np.ndarray) -> list[tuple[Factor, str, np.ndarray]]:
    """Every group of ``domain.insights._groups``, in its order, with the ranked positions of
    its posts (ascending). ``ranked``: the posts' indices in ranked order."""
    length_band, tag_band = posts.length_band[ranked], posts.tag_band[ranked]
    weekday, hour_band = posts.weekday[ranked], posts.hour_band[ranked]
    groups = [(Factor.MEDIA, "with_media", np.flatnonzero(posts.media[ranked]))]
    groups += [
        (Factor.LENGTH, key, np.flatnonzero(length_band == b))
        for b, (key, _, _) in enumerate(LENGTH_BANDS)
    ]
    groups += [
        (Factor.HASHTAGS, key, np.flatnonzero(tag_band == b))
        for b, (key, _, _) in enumerate(HASHTAG_BANDS)
    ]
    groups += [(Factor.WEEKDAY, str(d), np.flatnonzero(weekday == d)) for d in range(7)]
    groups += [
        (Factor.HOUR, key, np.flatnonzero(hour_band == b))
        for b, (key, _, _) in enumerate(HOUR_BANDS)
    ]
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
    channels = sorted(set(posts.network))
    code = {network: k for k, network in enumerate(channels)}
    codes = np.fromiter(map(code.__getitem__, posts.network), dtype=np.int64, count=len(posts))
    arrays = _Arrays.of(posts)
    drafts: list[_Draft] = []
    for k, channel in enumerate(channels):
        drafts += _channel_drafts(channel, arrays, np.flatnonzero(codes == k), min_sample)
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
    """``insights.weekday_hour_grid`` for posts held column by column. Each cell's rates are
    summed in the posts' order, as the object path sums them (``bincount`` adds its weights
    one after another)."""
    cells = np.array(posts.weekday, dtype=np.int64) * 24 + np.array(posts.hour, dtype=np.int64)
    counts = np.bincount(cells, minlength=168).tolist()
    if posts.arrays is not None:
        has_rate, rates = posts.arrays.has_rate, posts.arrays.rate
    else:
        has_rate = np.fromiter(map(is_not, posts.rate, repeat(None)), dtype=bool, count=len(posts))
        rates = np.array(posts.rate, dtype=np.float64)
    rated_cells = cells[has_rate]
    weights = rates[has_rate]
    sums = np.bincount(rated_cells, weights=weights, minlength=168).tolist()
    rated = np.bincount(rated_cells, minlength=168).tolist()
    return [
        [
            HeatCell(counts[c], sums[c] / rated[c] if rated[c] else None)
            for c in range(d * 24, d * 24 + 24)
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
