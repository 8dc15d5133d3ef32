"""The first comment: an optional reply from the same account right after a post.

It travels like the post itself, exactly once: its own idempotency key, its own atomic
claim (``pending → sending``, rowcount 1) and its own rows in the attempts log (marked
``subject='comment'``). It is sent only once the post's remote id is known; a failed or
unknown comment never republishes the post.

A publisher that can comment has ``comment`` and ``reconcile_comment`` (``Commenter``).
Which networks offer the field in the composer is each network's descriptor's
``first_comment`` (``domain/networks/<name>.py``); ``FIRST_COMMENT_NETWORKS`` is derived from
them.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from typing import Protocol, runtime_checkable

from somestudio.domain.networks import Network
from somestudio.domain.networks.catalogue import DESCRIPTORS
from somestudio.domain.posts import Account
from somestudio.domain.publish_result import PublishResult

# The networks whose API client sends a first comment, from their descriptors.
FIRST_COMMENT_NETWORKS = frozenset(n for n, d in DESCRIPTORS.items() if d.first_comment)
COMMENT_KEY_SUFFIX = "-comment"


class CommentState(StrEnum):
    PENDING = "pending"  # waiting for its post, or for a retry
    SENDING = "sending"  # claimed: a send may be in flight
    SENT = "sent"
    FAILED = "failed"  # final error; the post itself stays published
    NEEDS_ATTENTION = "needs_attention"  # outcome unknown; never resent blindly


def takes_first_comment(network: Network) -> bool:
    """Whether the composer offers a first comment for this network."""
    return DESCRIPTORS[network].first_comment


def comment_key(delivery_key: str) -> str:
    """The comment's own idempotency key, derived from its delivery's (stable per delivery)."""
    return f"{delivery_key}{COMMENT_KEY_SUFFIX}"


@dataclass(frozen=True, slots=True)
class ReplyTarget:
    """Someone else's post we answer (an inbox entry): the parent, and the thread's first
    post (the parent itself when it starts the thread). Bluesky needs both refs with their
    CIDs; Mastodon only the parent's id. ``author`` is the handle of the parent's author."""

    parent_id: str
    parent_cid: str = ""
    root_id: str = ""
    root_cid: str = ""
    author: str = ""


@dataclass(frozen=True, slots=True)
class OutgoingComment:
    """What a publisher needs to reply to a published post; no database handle, no secret."""

    delivery_id: int
    post_id: int
    account: Account
    text: str
    idempotency_key: str
    attempt: int  # 1 for the first try
    post_remote_id: str  # the published post this comment answers
    post_remote_url: str
    scheduled_at: datetime  # the delivery's time (aware, UTC): stable across retries
    # When the comment was first claimed for sending (survives a restart): a network that
    # remembers an idempotency key for a while may be asked again within that while.
    first_tried_at: datetime | None = None
    # The post's language (ISO 639-1; "" when not said): a comment is in its post's language,
    # not the account's usual one (Bluesky ``langs``, Mastodon ``language``).
    language: str = ""
    # Set for an answer to an inbox entry: the post replied to is not our own
    # (``post_remote_id`` is the parent's id, ``delivery_id`` and ``post_id`` the entry's).
    reply_to: ReplyTarget | None = None


@runtime_checkable
class Commenter(Protocol):
    """A publisher that can add a first comment under its own post."""

    def comment(self, comment: OutgoingComment) -> PublishResult:
        """Create the reply, or raise one of the ``PublishError`` kinds."""
        ...

    def reconcile_comment(self, comment: OutgoingComment) -> PublishResult | None:
        """The reply this comment's key already created, or None if none is found."""
        ...


def as_commenter(publisher: object) -> Commenter | None:
    """The publisher as a commenter, or None where the channel takes no first comment."""
    return publisher if isinstance(publisher, Commenter) else None
