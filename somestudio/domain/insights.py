"""Insights from the user's own posts: what went with more engagement, claimed only with
evidence.

Method, and why. Engagement is skewed: a few posts get most of it, so means and t-tests
mislead and a single viral post would decide every comparison. Each statement compares one
group of a channel's posts with the rest of that channel's posts (with media or without;
a length band; a number of hashtags; a weekday; a time of day) with the Mann–Whitney U test:
rank-based, it assumes no distribution shape and one outlier moves it by one rank only.
Ties are corrected and the normal approximation with continuity correction is used (groups
have at least ``MIN_SAMPLE`` posts, where it is accurate enough).

The effect is the *probability of superiority*: the share of (group post, other post) pairs
in which the group's post did better, ties counting half (50 % = no difference). Its 95 %
interval uses the Hanley–McNeil standard error. The medians of both groups and their sizes
are given beside it, so a reader sees the numbers behind every sentence.

Many statements are tested at once (about twenty per channel), and at a 5 % level one of
twenty would look "significant" by chance alone. The p-values of one run are therefore
adjusted with Holm's step-down method, which keeps the chance of *any* false claim in a run
at 5 %. A statement is claimed only when both groups have ``MIN_SAMPLE`` posts or more and
the adjusted p-value is below ``ALPHA``; everything else is "not enough evidence". These are
associations in the user's data, not causes: a weekday that did better may have carried
better posts.

The outcome is the engagement rate (see ``domain.metrics.engagement_rate``) where most of a
channel's posts have one, otherwise the count of engagements.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime, time
from enum import StrEnum
from functools import partial

from somestudio.domain.networks import Network
from somestudio.domain.slots import Slot

MIN_SAMPLE = 10
ALPHA = 0.05
Z_95 = 1.959963984540054
RATE_COVERAGE = 0.8  # share of posts with a rate needed to compare rates


class Factor(StrEnum):
    MEDIA = "media"
    LENGTH = "length"
    HASHTAGS = "hashtags"
    WEEKDAY = "weekday"
    HOUR = "hour"


class Measure(StrEnum):
    RATE = "rate"
    ENGAGEMENTS = "engagements"


@dataclass(frozen=True, slots=True)
class PostObservation:
    """One published post as insights see it; ``posted_local`` is in the user's zone."""

    network: Network
    account_id: int
    posted_local: datetime
    length: int
    hashtags: int
    has_media: bool
    engagements: int
    rate: float | None


# Groups per factor: (key, test). Keys are stable identifiers; the UI words them.
LENGTH_BANDS: tuple[tuple[str, int, int], ...] = (
    ("short", 0, 100),
    ("medium", 101, 250),
    ("long", 251, 1_000_000),
)
HASHTAG_BANDS: tuple[tuple[str, int, int], ...] = (
    ("0", 0, 0),
    ("1-2", 1, 2),
    ("3+", 3, 1_000_000),
)
HOUR_BANDS: tuple[tuple[str, int, int], ...] = (
    ("00-06", 0, 5),
    ("06-09", 6, 8),
    ("09-12", 9, 11),
    ("12-15", 12, 14),
    ("15-18", 15, 17),
    ("18-21", 18, 20),
    ("21-24", 21, 23),
)


# A post's features, computed once: (has media, length, hashtags, weekday, hour).
Features = tuple[bool, int, int, int, int]
Test = Callable[[Features], bool]


def features(obs: PostObservation) -> Features:
    local = obs.posted_local
    return (obs.has_media, obs.length, obs.hashtags, local.weekday(), local.hour)


def _has_media(f: Features) -> bool:
    return f[0]


def _length_in(low: int, high: int, f: Features) -> bool:
    return low <= f[1] <= high


def _hashtags_in(low: int, high: int, f: Features) -> bool:
    return low <= f[2] <= high


def _on_weekday(day: int, f: Features) -> bool:
    return f[3] == day


def _hour_in(low: int, high: int, f: Features) -> bool:
    return low <= f[4] <= high


def _groups() -> list[tuple[Factor, str, Test]]:
    groups: list[tuple[Factor, str, Test]] = [(Factor.MEDIA, "with_media", _has_media)]
    groups += [(Factor.LENGTH, k, partial(_length_in, lo, hi)) for k, lo, hi in LENGTH_BANDS]
    groups += [(Factor.HASHTAGS, k, partial(_hashtags_in, lo, hi)) for k, lo, hi in HASHTAG_BANDS]
    groups += [(Factor.WEEKDAY, str(d), partial(_on_weekday, d)) for d in range(7)]
    groups += [(Factor.HOUR, k, partial(_hour_in, lo, hi)) for k, lo, hi in HOUR_BANDS]
    return groups


@dataclass(frozen=True, slots=True)
class Insight:
    channel: Network
    factor: Factor
    group: str
    measure: Measure
    group_size: int
    rest_size: int
    group_median: float | None
    rest_median: float | None
    superiority: float | None  # P(a group post beats one of the rest); None: too few posts
    low: float | None  # 95 % interval of ``superiority``
    high: float | None
    p_value: float | None
    adjusted_p: float | None
    claimed: bool

    @property
    def enough_posts(self) -> bool:
        return self.group_size >= MIN_SAMPLE and self.rest_size >= MIN_SAMPLE

    @property
    def better(self) -> bool:
        return self.superiority is not None and self.superiority > 0.5


def median(values: Sequence[float]) -> float | None:
    if not values:
        return None
    ordered = sorted(values)
    mid = len(ordered) // 2
    return ordered[mid] if len(ordered) % 2 else (ordered[mid - 1] + ordered[mid]) / 2


class _Ranked:
    """Values ranked once (average ranks for ties), so that each of the many groups of one
    channel is tested in linear time: the pooled sample is always the whole channel."""

    def __init__(self, values: Sequence[float]) -> None:
        n = len(values)
        self.values = values
        self.order = sorted(range(n), key=values.__getitem__)
        self.ranks = [0.0] * n
        self.tie_term = 0.0
        i = 0
        while i < n:
            j = i
            while j + 1 < n and values[self.order[j + 1]] == values[self.order[i]]:
                j += 1
            average = (i + j) / 2 + 1
            for k in range(i, j + 1):
                self.ranks[self.order[k]] = average
            size = j - i + 1
            self.tie_term += size**3 - size
            i = j + 1

    def split(self, mask: Sequence[bool]) -> tuple[list[float], list[float]]:
        """The group's values and the rest's, each sorted."""
        a = [self.values[k] for k in self.order if mask[k]]
        b = [self.values[k] for k in self.order if not mask[k]]
        return a, b

    def test(self, mask: Sequence[bool]) -> tuple[float, float]:
        """(probability of superiority of the masked group, two-sided p-value)."""
        n = len(self.values)
        n1 = sum(mask)
        n2 = n - n1
        if n1 == 0 or n2 == 0:
            raise ValueError("both groups need values")
        rank_sum = sum(r for r, inside in zip(self.ranks, mask, strict=True) if inside)
        u_a = rank_sum - n1 * (n1 + 1) / 2
        superiority = u_a / (n1 * n2)
        mean = n1 * n2 / 2
        variance = n1 * n2 / 12 * ((n + 1) - self.tie_term / (n * (n - 1))) if n > 1 else 0.0
        if variance <= 0:
            return superiority, 1.0
        distance = max(0.0, abs(u_a - mean) - 0.5)
        z = distance / math.sqrt(variance)
        return superiority, math.erfc(z / math.sqrt(2))


def mann_whitney(a: Sequence[float], b: Sequence[float]) -> tuple[float, float]:
    """(probability of superiority of ``a`` over ``b``, two-sided p-value)."""
    if not a or not b:
        raise ValueError("both groups need values")
    return _Ranked([*a, *b]).test([True] * len(a) + [False] * len(b))


def superiority_interval(a_hat: float, n1: int, n2: int) -> tuple[float, float]:
    """95 % interval of the probability of superiority (Hanley & McNeil 1982)."""
    q1 = a_hat / (2 - a_hat)
    q2 = 2 * a_hat * a_hat / (1 + a_hat)
    variance = (a_hat * (1 - a_hat) + (n1 - 1) * (q1 - a_hat**2) + (n2 - 1) * (q2 - a_hat**2)) / (
        n1 * n2
    )
    # At 0 or 1 the formula gives no width; half a pair's worth keeps the interval honest.
    se = math.sqrt(max(variance, 0.25 / (n1 * n2)))
    return max(0.0, a_hat - Z_95 * se), min(1.0, a_hat + Z_95 * se)


def holm(p_values: Sequence[float]) -> list[float]:
    """Holm's step-down adjustment, in the input order."""
    m = len(p_values)
    order = sorted(range(m), key=lambda i: p_values[i])
    adjusted = [1.0] * m
    running = 0.0
    for rank, index in enumerate(order):
        running = max(running, min(1.0, (m - rank) * p_values[index]))
        adjusted[index] = running
    return adjusted


def _measure(posts: Sequence[PostObservation]) -> tuple[Measure, list[PostObservation]]:
    with_rate = [p for p in posts if p.rate is not None]
    if posts and len(with_rate) >= RATE_COVERAGE * len(posts):
        return Measure.RATE, with_rate
    return Measure.ENGAGEMENTS, list(posts)


def _value(post: PostObservation, measure: Measure) -> float:
    if measure is Measure.RATE:
        assert post.rate is not None
        return post.rate
    return float(post.engagements)


@dataclass
class _Draft:
    channel: Network
    factor: Factor
    group: str
    measure: Measure
    a: list[float]
    b: list[float]
    superiority: float | None = None
    p_value: float | None = None


def find_insights(
    observations: Iterable[PostObservation], *, min_sample: int = MIN_SAMPLE, alpha: float = ALPHA
) -> list[Insight]:
    """Every statement for every channel, claimed or not, sorted: claims first, strongest
    first. Callers show the claimed ones and may list the rest as "not enough evidence"."""
    by_channel: dict[Network, list[PostObservation]] = {}
    for obs in observations:
        by_channel.setdefault(obs.network, []).append(obs)
    drafts: list[_Draft] = []
    for channel in sorted(by_channel):
        measure, posts = _measure(by_channel[channel])
        ranked = _Ranked([_value(p, measure) for p in posts])
        feats = [features(p) for p in posts]
        for factor, key, test in _groups():
            mask = [test(f) for f in feats]
            a, b = ranked.split(mask)
            if not a:
                continue  # a group the user never posted in says nothing at all
            draft = _Draft(channel, factor, key, measure, a, b)
            if len(a) >= min_sample and len(b) >= min_sample:
                draft.superiority, draft.p_value = ranked.test(mask)
            drafts.append(draft)
    tested = [d for d in drafts if d.p_value is not None]
    p_values = [d.p_value for d in tested if d.p_value is not None]
    adjusted = dict(zip(map(id, tested), holm(p_values), strict=True))
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
        low, high = superiority_interval(draft.superiority, len(draft.a), len(draft.b))
    return Insight(
        channel=draft.channel,
        factor=draft.factor,
        group=draft.group,
        measure=draft.measure,
        group_size=len(draft.a),
        rest_size=len(draft.b),
        group_median=median(draft.a),
        rest_median=median(draft.b),
        superiority=draft.superiority,
        low=low,
        high=high,
        p_value=draft.p_value,
        adjusted_p=adjusted,
        claimed=adjusted is not None and adjusted < alpha,
    )


def suggest_slots(
    insights: Sequence[Insight], observations: Sequence[PostObservation], channel: Network
) -> tuple[Slot, ...]:
    """Posting slots backed by claimed findings for ``channel``: the weekdays and time of day
    that did better. The time is the user's own most common posting time within the better
    band (or on the better days). Nothing claimed, nothing suggested."""
    claims = [i for i in insights if i.channel is channel and i.claimed and i.better]
    days = sorted(int(i.group) for i in claims if i.factor is Factor.WEEKDAY)
    bands = [i.group for i in claims if i.factor is Factor.HOUR]
    if not days and not bands:
        return ()
    posts = [o for o in observations if o.network is channel]
    band_ranges = {key: (low, high) for key, low, high in HOUR_BANDS}
    if bands:
        low, high = band_ranges[bands[0]]
        candidates = [o for o in posts if low <= o.posted_local.hour <= high]
    else:
        candidates = [o for o in posts if o.posted_local.weekday() in days]
    if not days:
        usual = Counter(o.posted_local.weekday() for o in candidates)
        days = sorted(day for day, _ in usual.most_common(3))
    times = Counter(_quarter(o.posted_local) for o in candidates)
    if not times:
        return ()
    at = times.most_common(1)[0][0]
    return tuple(Slot(day, at) for day in days)


def _quarter(moment: datetime) -> time:
    return time(moment.hour, moment.minute - moment.minute % 15)


@dataclass(frozen=True, slots=True)
class HeatCell:
    posts: int
    mean_rate: float | None


def weekday_hour_grid(observations: Iterable[PostObservation]) -> list[list[HeatCell]]:
    """7 × 24 cells (Monday first, local hours) of the mean engagement rate and post count."""
    sums = [[0.0] * 24 for _ in range(7)]
    rated = [[0] * 24 for _ in range(7)]
    counts = [[0] * 24 for _ in range(7)]
    for obs in observations:
        day, hour = obs.posted_local.weekday(), obs.posted_local.hour
        counts[day][hour] += 1
        if obs.rate is not None:
            sums[day][hour] += obs.rate
            rated[day][hour] += 1
    return [
        [
            HeatCell(counts[d][h], sums[d][h] / rated[d][h] if rated[d][h] else None)
            for h in range(24)
        ]
        for d in range(7)
    ]
