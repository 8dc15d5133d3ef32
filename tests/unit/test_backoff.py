"""Retry delays: exponential with jitter, capped, never sooner than the server asked."""

from __future__ import annotations

import random

from hypothesis import given
from hypothesis import strategies as st

from somestudio.domain.backoff import RetryPolicy

POLICY = RetryPolicy()


@given(st.integers(1, 30), st.integers(0, 2**32))
def test_delay_grows_within_bounds(failures: int, seed: int) -> None:
    delay = POLICY.delay(failures, None, random.Random(seed))
    step = min(POLICY.cap_seconds, POLICY.base_seconds * 2 ** (failures - 1))
    assert step / 2 <= delay <= step


@given(st.integers(1, 4), st.floats(0, 6 * 3600), st.integers(0, 2**32))
def test_server_wait_is_a_floor(failures: int, retry_after: float, seed: int) -> None:
    delay = POLICY.delay(failures, retry_after, random.Random(seed))
    assert delay >= retry_after
    assert delay <= max(retry_after + 30, POLICY.cap_seconds)


def test_jitter_spreads_retries() -> None:
    rng = random.Random(7)
    assert len({round(POLICY.delay(3, None, rng), 3) for _ in range(20)}) > 15


def test_gives_up() -> None:
    assert not POLICY.gives_up(4, None)
    assert POLICY.gives_up(5, None)
    assert POLICY.gives_up(1, 7 * 3600)
    assert not POLICY.gives_up(1, 3600)
