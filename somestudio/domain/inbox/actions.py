"""What the user can do to an entry on the network itself, beside answering it: like it
(Mastodon favourite, Bluesky like) or hide it (a comment or reply under our post on a
Facebook Page, Instagram or Threads). Which network offers which is in its descriptor
(``InboxCapability.actions``); a client that does it implements ``Liker`` or ``Hider``.

Both are idempotent rather than exactly once: the store keeps when it was done and a second
press asks the network nothing; the networks themselves treat a repeat as the same state
(a favourite is a set member, a Bluesky like sits at a record key made from the entry,
``is_hidden``/``hide`` set a flag).
"""

from __future__ import annotations

from enum import StrEnum
from typing import Protocol, runtime_checkable

from somestudio.domain.inbox.items import InboxItem, InboxKind, PostRef
from somestudio.domain.posts import Account


class InboxAction(StrEnum):
    LIKE = "like"
    HIDE = "hide"


# Hiding is for what people wrote under our own posts (comments, replies); liking for any
# entry that is someone's post (a reply, a mention, a quote, a comment).
_HIDEABLE = frozenset({InboxKind.COMMENT, InboxKind.REPLY})


class Unavailable(StrEnum):
    """Why an action cannot be taken on an entry (the page words it, the CLI prints it)."""

    NETWORK = "action.network"  # the network (or Some Studio for it) has no such action
    KIND = "action.kind"  # a like, repost or follow has no post of theirs to act on
    NESTED = "action.nested"  # the network hides only replies made to our post itself


def unavailable(item: InboxItem, action: InboxAction) -> Unavailable | None:
    """None when ``action`` can be taken on ``item``; else why not."""
    capability = item.network.descriptor.inbox
    if capability is None or action.value not in capability.actions:
        return Unavailable.NETWORK
    if item.incoming.item_post is None:
        return Unavailable.KIND
    if action is InboxAction.HIDE and item.kind not in _HIDEABLE:
        return Unavailable.KIND
    if action is InboxAction.LIKE and not item.kind.answerable:
        return Unavailable.KIND
    subject, root = item.incoming.subject, item.incoming.root
    nested = subject is not None and root is not None and subject.remote_id != root.remote_id
    if action is InboxAction.HIDE and capability.hides_top_level_only and nested:
        return Unavailable.NESTED
    return None


@runtime_checkable
class Liker(Protocol):
    def like_entry(self, account: Account, post: PostRef) -> None:
        """Like (favourite) the person's post; liking it again changes nothing. Raises a
        ``PublishError`` kind when the network refuses."""
        ...


@runtime_checkable
class Hider(Protocol):
    def hide_entry(self, account: Account, post: PostRef) -> None:
        """Hide the comment or reply under our post from everyone but its author; hiding it
        again changes nothing. Raises a ``PublishError`` kind when the network refuses."""
        ...
