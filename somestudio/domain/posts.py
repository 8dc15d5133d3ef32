"""Accounts, posts and deliveries as the rest of the app sees them."""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime

from somestudio.domain.delivery_state import DeliveryState
from somestudio.domain.networks import Network, PublishMethod


@dataclass(frozen=True, slots=True)
class Account:
    id: int
    network: Network
    handle: str
    display_name: str = ""
    instance_url: str = ""
    publish_method: PublishMethod = PublishMethod.API
    options: Mapping[str, object] = field(default_factory=dict)

    @property
    def label(self) -> str:
        return self.display_name or self.handle


@dataclass(frozen=True, slots=True)
class MediaItem:
    path: str
    mime_type: str = ""
    alt_text: str = ""
    width: int | None = None  # pixels, as probed when attached (None: not known)
    height: int | None = None
    # The file's content hash when the workspace keeps its bytes (a shared workspace): a
    # machine where ``path`` does not exist publishes its own copy (app/shared_media.py).
    sha256: str | None = None


@dataclass(frozen=True, slots=True)
class ScheduledEntry:
    """One delivery as a calendar or status line shows it."""

    delivery_id: int
    post_id: int
    account_id: int
    network: Network
    account_label: str
    state: DeliveryState
    scheduled_at: datetime  # aware, UTC
    time_zone: str
    text: str
    media_count: int
    labels: tuple[str, ...] = ()
    first_comment: bool = False  # a first comment goes out as a reply after the post
    thread_posts: int = 0  # a thread of this many posts to this account (0: one post)
    # Due and waiting for the user to publish it by hand: a reminder, not a failure.
    waiting_by_hand: bool = False
    # "waiting" for an editor's approval, "returned" to its writer with a comment, or "".
    approval: str = ""
    # When it went out (aware, UTC), for a published delivery: later than planned when the
    # computer was off, or a missed post was sent at the user's word.
    published_at: datetime | None = None


def new_idempotency_key() -> str:
    """A key that identifies one delivery to the network for every retry of it."""
    return os.urandom(16).hex()
