"""A send's result before it is recorded, and what a look at one due delivery decided.

Outcomes are recorded in groups: the writes of several sends share one transaction (one
fsync), and only once it committed are they announced. A send whose outcome was never
recorded stays 'publishing' and is reconciled at the next start, as after any crash.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from somestudio.domain.delivery_state import DeliveryState
from somestudio.store.sql import Conn


def _nothing() -> None:
    return None


@dataclass(frozen=True, slots=True)
class Outcome:
    """``write`` records it inside a transaction (None: nothing to record, e.g. a send cut
    short by shutdown, left for the next start); ``after`` announces it once committed."""

    delivery_id: int
    state: DeliveryState
    write: Callable[[Conn], object] | None = None
    after: Callable[[], None] = _nothing


@dataclass(frozen=True, slots=True)
class Verdict:
    """What a look at one delivery found or did. ``early``: the due time of a delivery not yet
    due. ``due_account``: the delivery is due now, to go out with its account's others."""

    state: DeliveryState | None
    early: datetime | None = None
    due_account: int | None = None
