"""Where one post stands on each of its accounts: the state, the time, and the last word on
why it did not go out — what the composer shows above an opened post."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from somestudio.domain.delivery_state import DeliveryState
from somestudio.domain.networks import Network


@dataclass(frozen=True, slots=True)
class DeliveryStatus:
    delivery_id: int
    account_id: int
    network: Network
    account_label: str
    state: DeliveryState
    scheduled_at: datetime | None  # aware, UTC
    time_zone: str | None
    last_error: str  # the stored reason (redacted when stored); "" when none
    last_attempt: str  # the latest attempt's message, "" when never tried
    attempts: int  # of the post itself (its first comment's are counted apart)
    comment_state: str = ""  # the first comment's state ("" when it has none)
    comment_error: str = ""  # why the first comment did not go out, as stored

    @property
    def reason(self) -> str:
        """Why it failed or waits for the user, as stored."""
        return self.last_error or self.last_attempt
