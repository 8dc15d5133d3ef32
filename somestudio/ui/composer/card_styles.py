"""How each network draws a post in its feed, as data: the header (name and handle on one
line, stacked, LinkedIn's headline, Instagram's compact one), whether media come before the
text, how links show (full, shortened, or not as links at all), which entities are coloured,
the fold's words. The preview cards are built from these and a few shared parts."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from enum import Enum
from urllib.parse import urlsplit

from PySide6.QtCore import QCoreApplication

from somestudio.app.composer import Target
from somestudio.domain.entities import EntityKind
from somestudio.domain.networks import Network


class Header(Enum):
    INLINE = "inline"  # Name @handle · now (X, Bluesky, Threads)
    STACKED = "stacked"  # Name / @user@server (Mastodon), Name / now (Facebook, YouTube)
    HEADLINE = "headline"  # Name / headline / now (LinkedIn)
    COMPACT = "compact"  # handle alone, small avatar, media under it (Instagram, TikTok...)


ALL = frozenset(EntityKind)
TAGS = frozenset({EntityKind.MENTION, EntityKind.HASHTAG})


@dataclass(frozen=True, slots=True)
class CardStyle:
    header: Header
    media_first: bool = False  # the image above everything but the header (Instagram)
    caption_after_name: bool = False  # "handle caption…" in one paragraph (Instagram)
    square_avatar: bool = False  # Mastodon's rounded square
    link_length: int | None = None  # links shown without scheme, cut after this many; None: whole
    linked: frozenset[EntityKind] = ALL  # coloured; the others show as plain text
    bold_tags: bool = False  # LinkedIn's hashtags and mentions
    link_cards: bool = True  # a link unfolds into a card (not on Instagram, TikTok...)
    actions: Callable[[], str] = lambda: "↩   ⇄   ♡"
    see_more: Callable[[], str] = lambda: QCoreApplication.translate("PostCard", "… see more")


STYLES: dict[Network, CardStyle] = {
    Network.X: CardStyle(Header.INLINE, link_length=23, actions=lambda: "↩   ⇄   ♡   ▮▮"),
    Network.MASTODON: CardStyle(Header.STACKED, square_avatar=True, link_length=30),
    Network.BLUESKY: CardStyle(Header.INLINE, link_length=26),
    Network.THREADS: CardStyle(Header.INLINE, link_length=30, actions=lambda: "♡   ↩   ⇄   ➤"),
    Network.LINKEDIN: CardStyle(
        Header.HEADLINE,
        bold_tags=True,
        actions=lambda: QCoreApplication.translate("PostCard", "Like · Comment · Repost · Send"),
        see_more=lambda: QCoreApplication.translate("PostCard", "…see more"),
    ),
    Network.FACEBOOK: CardStyle(
        Header.STACKED,
        actions=lambda: QCoreApplication.translate("PostCard", "Like · Comment · Share"),
        see_more=lambda: QCoreApplication.translate("PostCard", "… See more"),
    ),
    Network.INSTAGRAM: CardStyle(
        Header.COMPACT,
        media_first=True,
        caption_after_name=True,
        linked=TAGS,
        link_cards=False,
        actions=lambda: "♡   ◯   ➤",
        see_more=lambda: QCoreApplication.translate("PostCard", "… more"),
    ),
    Network.TIKTOK: CardStyle(
        Header.COMPACT, media_first=True, caption_after_name=True, linked=TAGS, link_cards=False
    ),
    Network.PINTEREST: CardStyle(
        Header.COMPACT, media_first=True, linked=TAGS, link_cards=False, actions=str
    ),
    Network.YOUTUBE: CardStyle(
        Header.STACKED,
        actions=lambda: QCoreApplication.translate("PostCard", "Like · Comment"),
        see_more=lambda: QCoreApplication.translate("PostCard", "… Read more"),
    ),
    Network.LOCAL: CardStyle(Header.STACKED, actions=str),
}


def style_of(network: Network) -> CardStyle:
    return STYLES.get(network, STYLES[Network.LOCAL])


def handle_of(target: Target) -> str:
    """The handle as the network writes it under or beside the name ("" where it shows
    none): @name on X, @user@server on Mastodon, @name.bsky.social on Bluesky."""
    handle = target.handle.strip().lstrip("@")
    if not handle:
        return ""
    network = target.network
    if network is Network.MASTODON:
        server = urlsplit(target.instance_url).hostname or ""
        if "@" not in handle and server:
            handle = f"{handle}@{server}"
        return "@" + handle
    if network is Network.BLUESKY:
        return "@" + (handle if "." in handle else handle + ".bsky.social")
    if network in (Network.X, Network.THREADS, Network.TIKTOK):
        return "@" + handle
    if network in (Network.INSTAGRAM, Network.PINTEREST):
        return handle
    return ""


def name_of(target: Target) -> str:
    return target.display_name or target.handle.strip().lstrip("@") or target.label


def initials(name: str) -> str:
    """Up to two letters for the avatar disc: "Kahvila Aurinko" → "KA", "@aurinko" → "A"."""
    words = [w for w in name.replace("@", " ").replace(".", " ").split() if w[:1].isalnum()]
    return "".join(w[0] for w in words[:2]).upper() or "?"


def shown_link(url: str, length: int | None) -> str:
    """A link as the feed writes it: without ``https://`` and ``www.``, cut with "…"."""
    if length is None:
        return url
    bare = url.split("://", 1)[-1]
    bare = bare.removeprefix("www.")
    return bare if len(bare) <= length else bare[:length] + "…"
