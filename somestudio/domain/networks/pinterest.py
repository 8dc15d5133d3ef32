"""Pinterest: a pasted token and a board; API v5."""

from __future__ import annotations

from somestudio.domain.networks import Network
from somestudio.domain.networks.descriptor import NetworkDescriptor, SignInKind

DESCRIPTOR = NetworkDescriptor(
    network=Network.PINTEREST,
    name="Pinterest",
    colour="#e60023",
    channel="pinterest",
    sign_in=(SignInKind.TOKEN,),
    metrics=frozenset({"likes", "replies", "bookmarks", "views"}),
    api_version=None,  # /v5 has no documented end date
)
