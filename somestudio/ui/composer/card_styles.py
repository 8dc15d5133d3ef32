"""Each network's feed style comes with its descriptor (``domain/networks/feed_style.py``);
here it is read for a target, and its words (action rows, the fold's "see more") are put in
the user's language. The preview cards are built from these and a few shared parts."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from somestudio.app.composer import Target
from somestudio.domain.networks import Network
from somestudio.domain.networks.catalogue import descriptor
from somestudio.domain.networks.feed_style import FeedStyle, Header, shown_handle

__all__ = ["FeedStyle", "Header", "actions_text", "handle_of", "see_more_text", "style_of"]


def _words() -> dict[str, str]:
    # Literal so lupdate finds them; keyed by the descriptors' English (a network added
    # without its translations shows its words in English).
    return {
        "… see more": QCoreApplication.translate("PostCard", "… see more"),
        "…see more": QCoreApplication.translate("PostCard", "…see more"),
        "… See more": QCoreApplication.translate("PostCard", "… See more"),
        "… more": QCoreApplication.translate("PostCard", "… more"),
        "… Read more": QCoreApplication.translate("PostCard", "… Read more"),
        "Like · Comment · Repost · Send": QCoreApplication.translate(
            "PostCard", "Like · Comment · Repost · Send"
        ),
        "Like · Comment · Share": QCoreApplication.translate("PostCard", "Like · Comment · Share"),
        "Like · Comment": QCoreApplication.translate("PostCard", "Like · Comment"),
    }


def _in_language(text: str) -> str:
    return _words().get(text, text)


def style_of(network: Network) -> FeedStyle:
    return descriptor(network).feed


def actions_text(style: FeedStyle) -> str:
    return _in_language(style.actions)


def see_more_text(style: FeedStyle) -> str:
    return _in_language(style.see_more)


def handle_of(target: Target) -> str:
    """The handle as the network writes it under or beside the name ("" where it shows
    none): @name on X, @user@server on Mastodon, @name.bsky.social on Bluesky."""
    return shown_handle(style_of(target.network), target.handle, target.instance_url)


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
