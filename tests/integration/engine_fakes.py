"""A clock tests move by hand and alarms that fire when it passes them (no real waiting)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta

Action = Callable[[], None]


class FakeClock:
    def __init__(self, start: datetime) -> None:
        self.wall = start
        self.steady = 1000.0

    def now(self) -> datetime:
        return self.wall

    def monotonic(self) -> float:
        return self.steady

    def move(self, seconds: float) -> None:
        self.wall += timedelta(seconds=seconds)
        self.steady += seconds

    def jump_wall(self, seconds: float) -> None:
        """The wall clock moves, the monotonic one does not (suspend/resume)."""
        self.wall += timedelta(seconds=seconds)


class ManualAlarms:
    """The ``Alarms`` protocol on a ``FakeClock``: ``advance`` runs what falls due, in order."""

    def __init__(self, clock: FakeClock) -> None:
        self.clock = clock
        self.timers: dict[str, tuple[datetime, Action, float | None]] = {}
        self.started = False
        self.fired: list[str] = []

    def start(self) -> None:
        self.started = True

    def shutdown(self, *, wait: bool = True) -> None:
        self.started = False
        self.timers.clear()

    def set(self, key: str, when: datetime, action: Action) -> None:
        self.timers[key] = (when, action, None)

    def cancel(self, key: str) -> None:
        self.timers.pop(key, None)

    def every(self, key: str, seconds: float, first: datetime, action: Action) -> None:
        self.timers[key] = (first, action, seconds)

    def submit(self, action: Action) -> None:
        action()

    def delivery_keys(self) -> frozenset[str]:
        return frozenset(k for k in self.timers if k.startswith("delivery-"))

    def run_due(self) -> None:
        while self.started:
            due = [
                (when, key) for key, (when, _, _) in self.timers.items() if when <= self.clock.now()
            ]
            if not due:
                return
            _, key = min(due)
            when, action, interval = self.timers.pop(key)
            if interval is not None:
                step = timedelta(seconds=interval)
                following = when + step
                while following <= self.clock.now():
                    following += step
                self.timers[key] = (following, action, interval)
            self.fired.append(key)
            action()

    def advance(self, seconds: float) -> None:
        """Move the clock forward, stopping at each alarm on the way to run it."""
        target = self.clock.now() + timedelta(seconds=seconds)
        while True:
            self.run_due()
            upcoming = [when for when, _, _ in self.timers.values() if when <= target]
            if not upcoming or not self.started:
                break
            self.clock.move((min(upcoming) - self.clock.now()).total_seconds())
        self.clock.move((target - self.clock.now()).total_seconds())
        self.run_due()
