"""When to try a retryable delivery again: exponential backoff with jitter, never sooner than
the server asked (Retry-After, rate-limit reset)."""

from __future__ import annotations

import random
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class RetryPolicy:
    base_seconds: float = 30.0
    cap_seconds: float = 3600.0
    max_attempts: int = 5  # retryable failures in a row before the delivery fails for good
    max_server_wait_seconds: float = 6 * 3600.0  # a longer Retry-After fails the delivery

    def delay(self, failures: int, retry_after: float | None, rng: random.Random) -> float:
        """Seconds to wait after the ``failures``-th retryable failure in a row (1, 2, …).

        "Equal jitter": half the exponential step is fixed, half random, so retries spread
        out but never come back at once. A server's own wait is a floor, plus a little
        jitter so many deliveries limited by one reset do not stampede together.
        """
        step = min(self.cap_seconds, self.base_seconds * 2.0 ** max(0, failures - 1))
        delay = step / 2 + rng.uniform(0, step / 2)
        if retry_after is not None and retry_after >= 0:
            delay = max(delay, retry_after + rng.uniform(0, min(30.0, 0.1 * retry_after + 1)))
        return delay

    def gives_up(self, failures: int, retry_after: float | None) -> bool:
        if failures >= self.max_attempts:
            return True
        return retry_after is not None and retry_after > self.max_server_wait_seconds
