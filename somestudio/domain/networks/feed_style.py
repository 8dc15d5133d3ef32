"""How a network draws a post in its own feed, as data: the composer's preview cards are
built from this and a few shared parts, so a new network's card comes with its descriptor.

Texts (the action row, the fold's "see more") are in English; the UI translates them by
their English words (``ui/composer/card_texts.py``). Glyph-only action rows are not words.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum
from urllib.parse import urlsplit

from somestudio.domain.entities import EntityKind


class Header(Enum):
    INLINE = "inline"  # Name @handle · now (X, Bluesky, Threads)
    STACKED = "stacked"  # Name / @user@server (Mastodon), Name / now (Facebook, YouTube)
    HEADLINE = "headline"  # Name / headline / now (LinkedIn)
    COMPACT = "compact"  # handle alone, small avatar, media under it (Instagram, TikTok...)


class HandleForm(Enum):
    """How the network writes an account's handle beside or under its name."""

    NONE = "none"  # no handle shown (LinkedIn, Facebook, YouTube)
    AT = "at"  # @name (X, Threads, TikTok)
    AT_SERVER = "at_server"  # @user@server (Mastodon: the server from the account's address)
    AT_DOMAIN = "at_domain"  # @name.domain, a bare name gets ``handle_domain`` (Bluesky)
    BARE = "bare"  # name, no @ (Instagram, Pinterest)


ALL = frozenset(EntityKind)
TAGS = frozenset({EntityKind.MENTION, EntityKind.HASHTAG})


@dataclass(frozen=True, slots=True)
class FeedStyle:
    header: Header = Header.STACKED
    handle: HandleForm = HandleForm.NONE
    handle_domain: str = ""  # AT_DOMAIN: added to a handle without a dot
    media_first: bool = False  # the image above everything but the header (Instagram)
    caption_after_name: bool = False  # "handle caption…" in one paragraph (Instagram)
    square_avatar: bool = False  # Mastodon's rounded square
    link_length: int | None = None  # links shown without scheme, cut after this many; None: whole
    linked: frozenset[EntityKind] = ALL  # coloured; the others show as plain text
    bold_tags: bool = False  # LinkedIn's hashtags and mentions
    link_cards: bool = True  # a link unfolds into a card (not on Instagram, TikTok...)
    actions: str = "↩   ⇄   ♡"  # glyphs are not translated; words are
    see_more: str = "… see more"


def shown_handle(style: FeedStyle, handle: str, instance_url: str = "") -> str:
    """The handle as the network writes it ("" where it shows none)."""
    handle = handle.strip().lstrip("@")
    if not handle:
        return ""
    match style.handle:
        case HandleForm.NONE:
            return ""
        case HandleForm.AT:
            return "@" + handle
        case HandleForm.BARE:
            return handle
        case HandleForm.AT_SERVER:
            server = urlsplit(instance_url).hostname or ""
            if "@" not in handle and server:
                handle = f"{handle}@{server}"
            return "@" + handle
        case HandleForm.AT_DOMAIN:
            return "@" + (handle if "." in handle else handle + style.handle_domain)
