"""TikTok: published by hand (unaudited apps may post privately only)."""

from __future__ import annotations

from somestudio.domain.networks import Network
from somestudio.domain.networks.descriptor import NetworkDescriptor, SignInKind

DESCRIPTOR = NetworkDescriptor(
    network=Network.TIKTOK,
    name="TikTok",
    mark="tiktok",
    colour="#111111",
    channel="tiktok",
    sign_in=(SignInKind.NONE,),
)
