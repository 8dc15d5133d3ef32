"""Why a delivery did not go out as planned: its stored reason and its latest attempts.

The calendar's tooltip, the attention dialog and the opened post show this until the user
acts on the delivery; the text is the stored English reason, which the window translates.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from datetime import datetime

from somestudio.domain.delivery_state import DeliveryState
from somestudio.store import deliveries as delivery_rows

LAST_ATTEMPTS = 3


@dataclass(frozen=True, slots=True)
class AttemptRecord:
    at: datetime  # aware, UTC: when the attempt ended (or began, if it never ended)
    outcome: str  # published, retryable, final, unknown, reconciled, skipped
    kind: str  # e.g. validation, network, manual ("" when none)
    message: str
    retry_at: datetime | None


@dataclass(frozen=True, slots=True)
class DeliveryHistory:
    delivery_id: int
    state: DeliveryState
    reason: str  # deliveries.last_error ("" when none)
    attempts: tuple[AttemptRecord, ...]  # the latest few, oldest first
    attempt_total: int

    @property
    def earlier_attempts(self) -> int:
        """Attempts older than the ones kept here."""
        return self.attempt_total - len(self.attempts)


def load_history(
    conn: sqlite3.Connection, delivery_id: int, last: int = LAST_ATTEMPTS
) -> DeliveryHistory | None:
    row = delivery_rows.get(conn, delivery_id)
    if row is None:
        return None
    every = delivery_rows.attempts(conn, delivery_id)
    kept = every[-last:] if last > 0 else []
    return DeliveryHistory(
        delivery_id=delivery_id,
        state=row.state,
        reason=row.last_error,
        attempts=tuple(
            AttemptRecord(
                at=a.finished_at or a.started_at,
                outcome=a.outcome,
                kind=a.error_kind or "",
                message=a.message,
                retry_at=a.retry_at,
            )
            for a in kept
        ),
        attempt_total=len(every),
    )
