"""The publishing contract: what a publisher is handed, what it returns, how it fails.

Every channel (the Local archive, publish-by-hand, and each network client) implements
``Publisher``. The engine claims a delivery, calls ``publish`` and records the outcome:

- a ``PublishResult``: the post exists; ``remote_id``/``remote_url`` say where.
- ``Retryable(retry_after)``: nothing was created and trying again later may work
  (connection refused before sending, 429, 5xx on an idempotent call). ``retry_after`` is
  the server's Retry-After or rate-limit reset, in seconds, when it gave one.
- ``Final(reason)``: nothing was created and trying again will not help (validation, auth).
  ``AuthExpired`` is the final outcome whose cure is to reconnect the account.
- ``UnknownOutcome(reason)``: the request may or may not have created the post (a timeout
  after sending). The engine never resends blindly: it asks ``reconcile`` and otherwise
  marks the delivery *needs attention*.
- ``WaitingForUser(reason)``: the channel hands the post to the user (publish by hand); the
  delivery waits in *needs attention* until the user confirms.

Any other exception from ``publish`` counts as an unknown outcome: a bug must not resend.

A channel that can publish several posts of one account more cheaply together (the Local
archive: one flush of the disk for the lot) also implements ``BatchPublisher``; each post's
entry in its answer is judged exactly as ``publish``'s return or exception would be.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import ClassVar, Protocol

from somestudio.domain.link_cards import LinkCard
from somestudio.domain.posts import Account, MediaItem


@dataclass(frozen=True, slots=True)
class OutgoingDelivery:
    """Everything a publisher needs for one delivery; no database handle, no secret."""

    delivery_id: int
    post_id: int
    account: Account
    text: str
    media: Sequence[MediaItem]
    scheduled_at: datetime  # aware, UTC
    time_zone: str
    idempotency_key: str
    attempt: int  # 1 for the first try
    thread: Sequence[str] = ()  # the posts of a thread, in order; empty: one post of ``text``
    # The post's language (ISO 639-1), "" when not said: Bluesky langs, Mastodon language.
    # Threads takes none (no such parameter on POST /{threads-user-id}/threads in "Threads
    # Posts", https://developers.facebook.com/documentation/threads/posts, April 2026).
    language: str = ""
    link_card: LinkCard | None = None  # the first link's card (never a hidden one)

    @property
    def parts(self) -> Sequence[str]:
        """What goes out, post by post."""
        return self.thread or (self.text,)


@dataclass(frozen=True, slots=True)
class PublishResult:
    remote_id: str = ""
    remote_url: str = ""
    published_at: datetime | None = None  # when the channel says it went out, if it says
    details: dict[str, str] = field(default_factory=dict)


class PublishError(Exception):
    """Base of the outcomes that are not a published post."""

    kind: ClassVar[str] = "error"

    def __init__(
        self, reason: str, *, http_status: int | None = None, error_kind: str | None = None
    ) -> None:
        super().__init__(reason)
        self.reason = reason
        self.http_status = http_status
        # What the attempt log records: "auth", "rate_limit", "validation", "duplicate", ...
        self.error_kind = error_kind


class Retryable(PublishError):  # noqa: N818 - the issue's names for the outcomes
    kind = "retryable"

    def __init__(
        self,
        reason: str = "temporary problem",
        retry_after: float | None = None,
        *,
        http_status: int | None = None,
        error_kind: str | None = None,
    ) -> None:
        super().__init__(reason, http_status=http_status, error_kind=error_kind)
        self.retry_after = retry_after


class Final(PublishError):  # noqa: N818 - the issue's names for the outcomes
    kind = "final"


class AuthExpired(Final):
    """The sign-in expired or was revoked and could not be renewed: the user must reconnect."""

    kind = "auth"

    def __init__(
        self, reason: str, *, http_status: int | None = None, error_kind: str = "auth"
    ) -> None:
        # ``NOT_CONNECTED``: no sign-in was ever stored here (not one that expired).
        super().__init__(reason, http_status=http_status, error_kind=error_kind)


NOT_CONNECTED = "not_connected"  # AuthExpired's error kind when no sign-in is stored at all


def not_connected_reason(network: str, account: str) -> str:
    """Why a post could not go out to an account with no sign-in stored on this computer
    (the engine says it; the demo's failed posts say the same). The network is named with
    the account: one name ("Kahvila Aurinko") can be on five networks."""
    return (
        f"no sign-in is stored for {network} · {account} (it was never connected, or this "
        "computer has no secure keyring). Connect the account in Accounts."
    )


class UnknownOutcome(PublishError):  # noqa: N818 - the issue's names for the outcomes
    kind = "unknown"


class WaitingForUser(PublishError):  # noqa: N818 - the issue's names for the outcomes
    kind = "manual"


class Publisher(Protocol):
    """One channel's way of publishing. Implementations must be safe to call from threads."""

    # True when ``reconcile`` returning None proves nothing was created (e.g. an atomic
    # folder write), so the engine may send again; False for networks whose lookup can lag.
    reconcile_is_conclusive: bool

    def publish(self, delivery: OutgoingDelivery) -> PublishResult:
        """Create the post, or raise one of the ``PublishError`` kinds."""
        ...

    def reconcile(self, delivery: OutgoingDelivery) -> PublishResult | None:
        """The post this delivery's idempotency key already created, or None if none is found."""
        ...


class BatchPublisher(Publisher, Protocol):
    def publish_batch(
        self, deliveries: Sequence[OutgoingDelivery]
    ) -> list[PublishResult | Exception]:
        """Publish these deliveries of one account; for each, in order, its result or the
        error ``publish`` would have raised. Returns once every result is durable."""
        ...
