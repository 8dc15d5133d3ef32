"""The networks (channels) an account can belong to and how a delivery reaches them.

Each network's descriptor (what it is and can do) is ``domain/networks/<name>.py``, listed
once in ``catalogue.py``."""

from __future__ import annotations

from enum import StrEnum
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from somestudio.domain.networks.descriptor import NetworkDescriptor


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
        return self.descriptor.name

    @property
    def colour(self) -> str:
        """Brand-like colour for calendar chips (never the only signal of anything)."""
        return self.descriptor.colour

    @property
    def descriptor(self) -> NetworkDescriptor:
        """What this network is and can do (``domain/networks/<name>.py``)."""
        from somestudio.domain.networks.catalogue import descriptor  # noqa: PLC0415 - cycle

        return descriptor(self)


class PublishMethod(StrEnum):
    """How a delivery leaves the app."""

    API = "api"  # through the network's API
    MANUAL = "manual"  # a reminder; the user copies the text and publishes it by hand
    FOLDER = "folder"  # the Local archive writes a subfolder
