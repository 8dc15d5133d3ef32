"""The delivery state machine: which moves are legal, and what each state means.

The database enforces the *current* state; this module decides which transitions the
application may ask for. Keeping it pure makes every path testable without a clock or disk.
"""

from __future__ import annotations

from enum import StrEnum


class DeliveryState(StrEnum):
    DRAFT = "draft"
    SCHEDULED = "scheduled"
    PUBLISHING = "publishing"  # claimed: a send may be in flight
    PUBLISHED = "published"
    FAILED = "failed"  # final error; the user must act
    NEEDS_ATTENTION = "needs_attention"  # outcome unknown or blocked; never resent blindly
    MISSED = "missed"  # overdue past the catch-up window, waiting for the user's decision

    @property
    def is_terminal(self) -> bool:
        return self is DeliveryState.PUBLISHED

    @property
    def wants_user(self) -> bool:
        """States that are counted in the "needs you" badge until the user has looked."""
        return self in _WANTS_USER


_WANTS_USER = frozenset({DeliveryState.FAILED, DeliveryState.NEEDS_ATTENTION, DeliveryState.MISSED})

S = DeliveryState
# Not out and not being sent: what can still be moved, rescheduled or sent.
UNSENT = frozenset({S.DRAFT, S.SCHEDULED, S.FAILED, S.NEEDS_ATTENTION, S.MISSED})
TRANSITIONS: dict[DeliveryState, frozenset[DeliveryState]] = {
    S.DRAFT: frozenset({S.SCHEDULED}),
    S.SCHEDULED: frozenset({S.DRAFT, S.PUBLISHING, S.MISSED}),
    # A claimed delivery ends published, failed, or unknown; a retryable error puts it back
    # on the schedule with a later next-attempt time.
    S.PUBLISHING: frozenset({S.PUBLISHED, S.FAILED, S.NEEDS_ATTENTION, S.SCHEDULED}),
    S.PUBLISHED: frozenset(),
    # Into published from failed, held or missed only when the user says they published it
    # by hand (nothing is sent then).
    S.FAILED: frozenset({S.DRAFT, S.SCHEDULED, S.PUBLISHED}),
    S.NEEDS_ATTENTION: frozenset({S.DRAFT, S.SCHEDULED, S.PUBLISHED, S.FAILED}),
    S.MISSED: frozenset({S.DRAFT, S.SCHEDULED, S.PUBLISHING, S.PUBLISHED}),
}


class IllegalTransitionError(ValueError):
    def __init__(self, current: DeliveryState, target: DeliveryState) -> None:
        super().__init__(f"a delivery cannot go from {current.value} to {target.value}")
        self.current = current
        self.target = target


def can_transition(current: DeliveryState, target: DeliveryState) -> bool:
    return target in TRANSITIONS[current]


def check_transition(current: DeliveryState, target: DeliveryState) -> None:
    if not can_transition(current, target):
        raise IllegalTransitionError(current, target)


def states_leading_to(target: DeliveryState) -> frozenset[DeliveryState]:
    """The states from which ``target`` may be reached (for conditional SQL updates)."""
    return frozenset(s for s, targets in TRANSITIONS.items() if target in targets)
