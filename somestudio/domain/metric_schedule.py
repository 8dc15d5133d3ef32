"""When to fetch a post's numbers again: often while it is fresh, rarely once it is old.

Numbers move fastest in a post's first hours and hardly at all after a few weeks, so the
interval grows with the post's age and stops at ``FINAL_AGE`` (the numbers are then final
enough). Failures back off on top of that. Each network's request budget caps how many
fetches a round may make; metrics use only a share of it so publishing keeps headroom.
"""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass
from datetime import datetime, timedelta

from somestudio.domain.networks import Network
from somestudio.domain.networks.catalogue import DESCRIPTORS
from somestudio.domain.networks.descriptor import Budget as Budget  # noqa: PLC0414 - re-exported

# (post younger than, fetch every)
TAPER: tuple[tuple[timedelta, timedelta], ...] = (
    (timedelta(hours=2), timedelta(minutes=15)),
    (timedelta(days=1), timedelta(hours=1)),
    (timedelta(days=7), timedelta(hours=6)),
    (timedelta(days=30), timedelta(days=1)),
    (timedelta(days=90), timedelta(days=7)),
)
FINAL_AGE = TAPER[-1][0]
ACCOUNT_INTERVAL = timedelta(hours=6)
MAX_BACKOFF = timedelta(days=1)
# How often the collector wakes to see what is due (the shortest taper step).
ROUND_SECONDS = 5 * 60


def fetch_interval(age: timedelta) -> timedelta | None:
    """How long to wait between fetches of a post this old; None once it is final."""
    for younger_than, every in TAPER:
        if age < younger_than:
            return every
    return None


def next_post_fetch(
    published_at: datetime, fetched_at: datetime, *, failures: int = 0
) -> datetime | None:
    """When to fetch a post next, after a fetch (or failed attempt) at ``fetched_at``."""
    every = fetch_interval(fetched_at - published_at)
    if every is None:
        return None
    return fetched_at + _backoff(every, failures)


def next_account_fetch(fetched_at: datetime, *, failures: int = 0) -> datetime:
    return fetched_at + _backoff(ACCOUNT_INTERVAL, failures)


def _backoff(every: timedelta, failures: int) -> timedelta:
    if failures <= 0:
        return every
    grown: timedelta = max(every, timedelta(minutes=5)) * 2 ** min(failures, 10)
    return min(grown, MAX_BACKOFF)


# Read limits as documented (see PLATFORMS.md), one per network in its descriptor
# (domain/networks/<name>.py ``metrics_budget``), so a change is a one-line edit there.
BUDGETS: dict[Network, Budget] = {
    n: d.metrics_budget for n, d in DESCRIPTORS.items() if d.metrics_budget is not None
}


class RequestWindow:
    """Requests made in the last ``budget.window`` (a sliding window), and a pause until a
    time the server named (``Retry-After`` or a rate-limit reset)."""

    def __init__(self, budget: Budget) -> None:
        self.budget = budget
        self._times: deque[datetime] = deque()
        self.paused_until: datetime | None = None

    def remaining(self, now: datetime) -> int:
        if self.paused_until is not None and now < self.paused_until:
            return 0
        while self._times and now - self._times[0] >= self.budget.window:
            self._times.popleft()
        return max(0, self.budget.allowance - len(self._times))

    def spend(self, now: datetime, requests: int = 1) -> None:
        self._times.extend([now] * requests)

    def pause(self, until: datetime) -> None:
        if self.paused_until is None or until > self.paused_until:
            self.paused_until = until


@dataclass(frozen=True, slots=True)
class Due:
    """A post waiting for its numbers."""

    delivery_id: int
    remote_id: str
    published_at: datetime
    next_fetch_at: datetime | None  # None: never fetched yet


def plan_round(due: list[Due], budget: Budget, remaining: int) -> list[list[Due]]:
    """The requests of one round: batches of posts, freshest first (their numbers move the
    most and their interval is shortest), at most ``remaining`` requests."""
    ordered = sorted(due, key=lambda d: (-d.published_at.timestamp(), d.delivery_id))
    size = max(1, budget.batch)
    batches = [ordered[i : i + size] for i in range(0, len(ordered), size)]
    return batches[: max(0, remaining)]
