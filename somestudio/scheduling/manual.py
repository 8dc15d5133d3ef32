"""Publish by hand: nothing is sent. At the due time the user is reminded (the engine raises a
``ManualReminder`` event) and the delivery waits in needs_attention until they confirm."""

from __future__ import annotations

from somestudio.domain.publish_result import OutgoingDelivery, PublishResult, WaitingForUser

WAITING_REASON = "waiting for you to publish by hand"


class ManualPublisher:
    # Only the user knows whether they posted it; the app cannot look it up.
    reconcile_is_conclusive = False

    def publish(self, delivery: OutgoingDelivery) -> PublishResult:
        raise WaitingForUser(WAITING_REASON)

    def reconcile(self, delivery: OutgoingDelivery) -> PublishResult | None:
        return None
