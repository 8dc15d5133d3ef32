from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from somestudio.domain.delivery_state import (
    TRANSITIONS,
    DeliveryState,
    IllegalTransitionError,
    can_transition,
    check_transition,
)

states = st.sampled_from(list(DeliveryState))


def test_every_state_has_a_transition_row() -> None:
    assert set(TRANSITIONS) == set(DeliveryState)


def test_published_is_final() -> None:
    assert DeliveryState.PUBLISHED.is_terminal
    assert not any(can_transition(DeliveryState.PUBLISHED, s) for s in DeliveryState)


def test_only_a_claim_leads_to_published_or_unknown() -> None:
    # Exactly-once: nothing but a claimed (publishing) delivery can become published, except
    # a held, failed or missed one the user says they published by hand.
    into_published = {s for s in DeliveryState if can_transition(s, DeliveryState.PUBLISHED)}
    assert into_published == {
        DeliveryState.PUBLISHING,
        DeliveryState.NEEDS_ATTENTION,
        DeliveryState.FAILED,
        DeliveryState.MISSED,
    }
    assert not can_transition(DeliveryState.SCHEDULED, DeliveryState.PUBLISHED)
    assert not can_transition(DeliveryState.DRAFT, DeliveryState.PUBLISHED)


def test_unknown_outcome_is_never_rescheduled_by_the_machine_alone() -> None:
    # publishing -> scheduled exists for retryable errors; needs_attention -> scheduled only
    # by the user's decision. Drafts can never be claimed directly.
    assert not can_transition(DeliveryState.DRAFT, DeliveryState.PUBLISHING)
    assert can_transition(DeliveryState.MISSED, DeliveryState.PUBLISHING)


@given(states, states)
def test_check_agrees_with_can(current: DeliveryState, target: DeliveryState) -> None:
    if can_transition(current, target):
        check_transition(current, target)
    else:
        with pytest.raises(IllegalTransitionError, match=target.value):
            check_transition(current, target)


def test_wanting_user_states() -> None:
    wanting = {s for s in DeliveryState if s.wants_user}
    assert wanting == {DeliveryState.FAILED, DeliveryState.NEEDS_ATTENTION, DeliveryState.MISSED}


def test_states_leading_to_agrees_with_the_table() -> None:
    from somestudio.domain.delivery_state import states_leading_to  # noqa: PLC0415

    for target in DeliveryState:
        assert states_leading_to(target) == {s for s in DeliveryState if can_transition(s, target)}
    assert states_leading_to(DeliveryState.PUBLISHING) == {
        DeliveryState.SCHEDULED,
        DeliveryState.MISSED,
    }
