"""A collaboration's life: offered → agreed → delivered → invoiced → paid, one step at a
time. A step back is allowed (a mistake corrected), nothing is skipped."""

from __future__ import annotations

from enum import StrEnum


class CollabState(StrEnum):
    OFFERED = "offered"
    AGREED = "agreed"
    DELIVERED = "delivered"
    INVOICED = "invoiced"
    PAID = "paid"


ORDER: tuple[CollabState, ...] = tuple(CollabState)


class StateError(ValueError):
    def __init__(self, current: CollabState, wanted: CollabState) -> None:
        super().__init__(f"a collaboration cannot go from {current} to {wanted}")
        self.current = current
        self.wanted = wanted


def next_state(state: CollabState) -> CollabState | None:
    index = ORDER.index(state)
    return ORDER[index + 1] if index + 1 < len(ORDER) else None


def check_move(current: CollabState, wanted: CollabState) -> None:
    """Raises StateError unless ``wanted`` is the next state or the one before."""
    step = ORDER.index(wanted) - ORDER.index(current)
    if step not in (1, -1):
        raise StateError(current, wanted)
