"""Instagram (business/creator): a pasted token, media fetched from a public address."""

from __future__ import annotations

from datetime import timedelta

from somestudio.domain.networks import Network
from somestudio.domain.networks.descriptor import Budget, NetworkDescriptor, SignInKind
from somestudio.domain.networks.graph_api import GRAPH_API

DESCRIPTOR = NetworkDescriptor(
    network=Network.INSTAGRAM,
    name="Instagram",
    colour="#d62976",
    channel="instagram",
    sign_in=(SignInKind.TOKEN,),
    first_comment=True,
    metrics=frozenset({"likes", "reposts", "replies", "bookmarks", "views"}),
    metrics_budget=Budget(200, timedelta(hours=1), 1),
    media_from_public_url=True,
    api_version=GRAPH_API,
)
