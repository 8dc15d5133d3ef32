"""Pinterest: a pasted token and a board; API v5."""

from __future__ import annotations

from datetime import timedelta

from somestudio.domain.networks import Network
from somestudio.domain.networks.descriptor import Budget, NetworkDescriptor, SignInKind

DESCRIPTOR = NetworkDescriptor(
    network=Network.PINTEREST,
    name="Pinterest",
    colour="#e60023",
    channel="pinterest",
    sign_in=(SignInKind.TOKEN,),
    metrics=frozenset({"likes", "replies", "bookmarks", "views"}),
    metrics_budget=Budget(100, timedelta(minutes=1), 1),
    api_version=None,  # /v5 has no documented end date
)
