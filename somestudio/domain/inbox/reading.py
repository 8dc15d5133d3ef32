"""What a network client offers the inbox (like ``Commenter`` for first comments)."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime
from typing import Protocol, runtime_checkable

from somestudio.domain.inbox.cursors import InboxCursor
from somestudio.domain.inbox.items import Incoming
from somestudio.domain.networks import PublishMethod
from somestudio.domain.posts import Account


@dataclass(frozen=True, slots=True)
class InboxPage:
    """One page read: its entries and where the collection stands once they are stored.

    ``seen``: entries read again that are older than the stored position (the walk re-reads
    recent posts); the store only updates what may change on them (their hidden state), it
    adds none of them."""

    items: tuple[Incoming, ...]
    cursor: InboxCursor
    seen: tuple[Incoming, ...] = ()


@runtime_checkable
class InboxReader(Protocol):
    """A publisher that can read the account's notifications."""

    def read_inbox(self, account: Account, cursor: InboxCursor, pages: int) -> Iterator[InboxPage]:
        """At most ``pages`` pages after ``cursor``; each page is stored before the next is
        asked for, so a failure (raised as a ``PublishError`` kind) loses nothing."""
        ...

    def mark_inbox_seen(self, account: Account, seen_at: datetime) -> None:
        """Tell the network everything up to ``seen_at`` was seen (where it keeps that)."""
        ...


# Account option: the user turned on reading an inbox the network bills (``opt_in``, X).
READING_OPTION = "inbox_reading"


def has_inbox(account: Account) -> bool:
    """Replies can come in for this account: its network has an inbox and the account is
    connected through the network's API (none reach an account published by hand). Where
    reading is opt-in, ``reads_inbox`` says whether it is read yet."""
    api = account.publish_method is PublishMethod.API
    return api and account.network.descriptor.inbox is not None


def reads_inbox(account: Account) -> bool:
    """The inbox reads this account: its network has an inbox, and where reading is opt-in
    (a network that charges for reads) the user turned it on."""
    capability = account.network.descriptor.inbox
    if capability is None:
        return False
    return not capability.opt_in or account.options.get(READING_OPTION) is True


def as_reader(publisher: object) -> InboxReader | None:
    return publisher if isinstance(publisher, InboxReader) else None
