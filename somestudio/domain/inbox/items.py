"""One inbox entry as the app keeps it, whichever network it came from."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from somestudio.domain.networks import Network


class InboxKind(StrEnum):
    """What the person did. Replies, mentions, quotes and comments can be answered."""

    REPLY = "reply"
    MENTION = "mention"
    QUOTE = "quote"
    COMMENT = "comment"
    LIKE = "like"
    REPOST = "repost"
    FOLLOW = "follow"

    @property
    def answerable(self) -> bool:
        return self in _ANSWERABLE


_ANSWERABLE = frozenset({InboxKind.REPLY, InboxKind.MENTION, InboxKind.QUOTE, InboxKind.COMMENT})


@dataclass(frozen=True, slots=True)
class Author:
    handle: str  # as the network shows it (@name@server, name.bsky.social)
    name: str = ""  # display name, may be empty
    remote_id: str = ""  # the network's id for the person (DID, account id)

    @property
    def label(self) -> str:
        return self.name or self.handle


@dataclass(frozen=True, slots=True)
class PostRef:
    """A post on the network: its id (Bluesky AT URI, Mastodon status id), the content hash
    where the network needs one to reply (Bluesky CID), and its web address if known."""

    remote_id: str
    cid: str = ""
    url: str = ""


@dataclass(frozen=True, slots=True)
class Incoming:
    """An entry as a network client read it (before the app stored it).

    ``network_item_id`` is unique per account (the notification's id or URI): the store keeps
    one row per (account, network_item_id), so reading the same entry twice changes nothing.
    ``item_post`` is the person's own post (the reply, the mention, the quote), ``subject`` our
    post it is about, ``root`` the first post of the thread (a reply to it must name it).
    """

    network_item_id: str
    kind: InboxKind
    author: Author
    created_at: datetime  # aware, UTC
    text: str = ""
    item_post: PostRef | None = None
    subject: PostRef | None = None
    root: PostRef | None = None
    # The network says the comment is hidden (Facebook ``is_hidden``, Instagram ``hidden``),
    # by whoever did it: the store tells it from our own hiding (``InboxItem.hidden_at``).
    # None: the network does not say (no hiding there, or not asked), so nothing follows it.
    hidden: bool | None = None


@dataclass(frozen=True, slots=True)
class InboxItem:
    """A stored entry: what was read, plus what the user made of it."""

    id: int
    account_id: int
    network: Network
    incoming: Incoming
    fetched_at: datetime
    read_at: datetime | None = None
    done_at: datetime | None = None
    label: str = ""
    delivery_id: int | None = None  # our delivery the entry is about, when it is ours
    reply_state: str = ""  # the state of our answer ('' none, see ``ReplyState``)
    liked_at: datetime | None = None  # we liked (favourited) their post from here
    hidden_at: datetime | None = None  # we hid their comment under our post from here
    problem: str = ""  # what went wrong acting on it (``domain.inbox.problems``), '' none

    @property
    def kind(self) -> InboxKind:
        return self.incoming.kind

    @property
    def author(self) -> Author:
        return self.incoming.author

    @property
    def created_at(self) -> datetime:
        return self.incoming.created_at

    @property
    def text(self) -> str:
        return self.incoming.text

    @property
    def unread(self) -> bool:
        return self.read_at is None

    @property
    def done(self) -> bool:
        return self.done_at is not None
