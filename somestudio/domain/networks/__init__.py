"""The networks (channels) an account can belong to and how a delivery reaches them."""

from __future__ import annotations

from enum import StrEnum


class Network(StrEnum):
    """A social network, or a built-in destination that needs no network at all."""

    X = "x"
    MASTODON = "mastodon"
    BLUESKY = "bluesky"
    THREADS = "threads"
    LINKEDIN = "linkedin"
    FACEBOOK = "facebook"
    INSTAGRAM = "instagram"
    TIKTOK = "tiktok"
    YOUTUBE = "youtube"
    PINTEREST = "pinterest"
    LOCAL = "local"  # the built-in Local archive: publishing writes a folder

    @property
    def display_name(self) -> str:
        return _DISPLAY_NAMES[self]

    @property
    def colour(self) -> str:
        """Brand-like colour for calendar chips (never the only signal of anything)."""
        return _COLOURS[self]


class PublishMethod(StrEnum):
    """How a delivery leaves the app."""

    API = "api"  # through the network's API
    MANUAL = "manual"  # a reminder: text to clipboard, media folder opened
    FOLDER = "folder"  # the Local archive writes a subfolder


_DISPLAY_NAMES: dict[Network, str] = {
    Network.X: "X",
    Network.MASTODON: "Mastodon",
    Network.BLUESKY: "Bluesky",
    Network.THREADS: "Threads",
    Network.LINKEDIN: "LinkedIn",
    Network.FACEBOOK: "Facebook Page",
    Network.INSTAGRAM: "Instagram",
    Network.TIKTOK: "TikTok",
    Network.YOUTUBE: "YouTube",
    Network.PINTEREST: "Pinterest",
    Network.LOCAL: "Local archive",
}

_COLOURS: dict[Network, str] = {
    Network.X: "#1f1f1f",
    Network.MASTODON: "#6364ff",
    Network.BLUESKY: "#1185fe",
    Network.THREADS: "#5b5b5b",
    Network.LINKEDIN: "#0a66c2",
    Network.FACEBOOK: "#1877f2",
    Network.INSTAGRAM: "#d62976",
    Network.TIKTOK: "#111111",
    Network.YOUTUBE: "#ff0033",
    Network.PINTEREST: "#e60023",
    Network.LOCAL: "#2e7d32",
}
