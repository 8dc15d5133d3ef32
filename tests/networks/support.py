"""What the client tests share: an in-memory credential store, deliveries, a publisher."""

from __future__ import annotations

import threading
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime

from somestudio.domain.first_comment import OutgoingComment
from somestudio.domain.link_cards import LinkCard
from somestudio.domain.networks import Network
from somestudio.domain.posts import Account, MediaItem
from somestudio.domain.publish_result import OutgoingDelivery

NOW = datetime(2026, 11, 21, 8, 0, tzinfo=UTC)


@dataclass
class MemoryCredentials:
    """The networks' CredentialStore, in a dict (the keyring's own tests cover the keyring)."""

    bundles: dict[int, dict[str, str]] = field(default_factory=dict)
    saves: int = 0
    lock: threading.Lock = field(default_factory=threading.Lock)

    def load(self, account_id: int) -> dict[str, str] | None:
        with self.lock:
            found = self.bundles.get(account_id)
            return dict(found) if found is not None else None

    def save(self, account_id: int, bundle: Mapping[str, str]) -> None:
        with self.lock:
            self.bundles[account_id] = dict(bundle)
            self.saves += 1


def account(
    network: Network,
    handle: str = "me",
    *,
    instance_url: str = "",
    options: Mapping[str, object] | None = None,
    account_id: int = 1,
) -> Account:
    return Account(
        id=account_id,
        network=network,
        handle=handle,
        instance_url=instance_url,
        options=dict(options or {}),
    )


def delivery(
    acct: Account,
    text: str = "Hello",
    *,
    key: str = "0123456789abcdef0123456789abcdef",
    media: Sequence[MediaItem] = (),
    thread: Sequence[str] = (),
    at: datetime = NOW,
    attempt: int = 1,
    language: str = "",
    link_card: LinkCard | None = None,
) -> OutgoingDelivery:
    return OutgoingDelivery(
        delivery_id=1,
        post_id=1,
        account=acct,
        text=text,
        media=tuple(media),
        scheduled_at=at,
        time_zone="Europe/Helsinki",
        idempotency_key=key,
        attempt=attempt,
        thread=tuple(thread),
        language=language,
        link_card=link_card,
    )


def comment_of(
    acct: Account,
    text: str,
    *,
    post_id: str,
    post_url: str = "",
    key: str = "0123456789abcdef0123456789abcdef-comment",
    at: datetime = NOW,
    language: str = "",
) -> OutgoingComment:
    """A first comment under the published post ``post_id`` (``language``: the post's)."""
    return OutgoingComment(
        delivery_id=1,
        post_id=1,
        account=acct,
        text=text,
        idempotency_key=key,
        attempt=1,
        post_remote_id=post_id,
        post_remote_url=post_url,
        scheduled_at=at,
        language=language,
    )
