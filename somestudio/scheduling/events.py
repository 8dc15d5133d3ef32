"""What the engine tells its listeners. Small immutable values, safe to pass across threads.

Listeners are called on the engine's worker threads; a UI wraps them in a QObject bridge
that re-emits them as queued signals on its own thread.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from somestudio.domain.delivery_state import DeliveryState
from somestudio.domain.first_comment import CommentState
from somestudio.domain.networks import Network


@dataclass(frozen=True, slots=True)
class DeliveryStateChanged:
    """Any state change the engine made (the specific events below come in addition)."""

    delivery_id: int
    post_id: int
    old: DeliveryState
    new: DeliveryState


@dataclass(frozen=True, slots=True)
class DeliveryPublished:
    delivery_id: int
    post_id: int
    remote_id: str
    remote_url: str
    reconciled: bool = False  # found by reconcile after an unknown outcome or a crash


@dataclass(frozen=True, slots=True)
class DeliveryFailed:
    delivery_id: int
    post_id: int
    reason: str


@dataclass(frozen=True, slots=True)
class DeliveryNeedsAttention:
    delivery_id: int
    post_id: int
    reason: str


@dataclass(frozen=True, slots=True)
class DeliveryMissed:
    delivery_id: int
    post_id: int
    due_at: datetime
    reason: str


@dataclass(frozen=True, slots=True)
class RetryScheduled:
    delivery_id: int
    post_id: int
    retry_at: datetime
    failures: int  # retryable failures in a row so far
    reason: str


@dataclass(frozen=True, slots=True)
class ManualReminder:
    """Publish this by hand now: show a notification, copy the text, open the media folder.

    The delivery waits in needs_attention until ``Planner.confirm_published_by_hand``.
    """

    delivery_id: int
    post_id: int
    network: Network
    account_label: str
    text: str
    media_paths: Sequence[str]


@dataclass(frozen=True, slots=True)
class NextDueChanged:
    delivery_id: int | None
    due_at: datetime | None


@dataclass(frozen=True, slots=True)
class EngineStateChanged:
    running: bool


@dataclass(frozen=True, slots=True)
class ClockJumped:
    """The wall clock moved unlike the monotonic clock (suspend/resume, a manual change)."""

    wall_seconds: float
    monotonic_seconds: float


@dataclass(frozen=True, slots=True)
class CommentChanged:
    """A delivery's first comment moved: sent, retrying, failed or needing attention."""

    delivery_id: int
    post_id: int
    state: CommentState
    reason: str = ""
    remote_url: str = ""


@dataclass(frozen=True, slots=True)
class InboxChanged:
    """A collecting round stored new inbox entries (``answerable``: replies, mentions,
    quotes, comments among them: what a desktop notification is about)."""

    account_id: int
    added: int
    answerable: int


@dataclass(frozen=True, slots=True)
class InboxReplyChanged:
    """An answer to an inbox entry moved: sent, retrying, failed or needing attention."""

    item_id: int
    state: CommentState
    reason: str = ""
    remote_url: str = ""


EngineEvent = (
    DeliveryStateChanged
    | DeliveryPublished
    | DeliveryFailed
    | DeliveryNeedsAttention
    | DeliveryMissed
    | RetryScheduled
    | ManualReminder
    | NextDueChanged
    | EngineStateChanged
    | ClockJumped
    | CommentChanged
    | InboxChanged
    | InboxReplyChanged
)
