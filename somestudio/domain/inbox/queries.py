"""The inbox list's filters, as the page and the CLI ask for them."""

from __future__ import annotations

from dataclasses import dataclass

from somestudio.domain.inbox.items import InboxKind
from somestudio.domain.networks import Network


@dataclass(frozen=True, slots=True)
class InboxQuery:
    """Empty fields filter nothing. ``done`` None: both; ``search`` matches the text, the
    author's handle and name (case-insensitive). Newest first; ``before_id`` pages on."""

    networks: frozenset[Network] = frozenset()
    account_ids: frozenset[int] = frozenset()
    kinds: frozenset[InboxKind] = frozenset()
    unread_only: bool = False
    done: bool | None = False
    label: str = ""
    search: str = ""
    limit: int = 200
    before: tuple[str, int] | None = None  # (created_at text, id) of the last row shown


@dataclass(frozen=True, slots=True)
class InboxCounts:
    unread: int
    open: int  # not done
    unread_answerable: int  # replies, mentions, quotes, comments not yet read
