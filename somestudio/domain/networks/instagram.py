"""Instagram (business/creator): a pasted token, media fetched from a public address."""

from __future__ import annotations

from datetime import timedelta

from somestudio.domain.networks import Network
from somestudio.domain.networks.descriptor import Budget, NetworkDescriptor, SignInKind, TokenPolicy
from somestudio.domain.networks.graph_api import GRAPH_API

DESCRIPTOR = NetworkDescriptor(
    network=Network.INSTAGRAM,
    name="Instagram",
    mark="instagram",
    colour="#d62976",
    channel="instagram",
    sign_in=(SignInKind.TOKEN,),
    # Instagram Login tokens (60 days) are renewed with GET graph.instagram.com/
    # refresh_access_token (grant_type ig_refresh_token); Facebook Login ones are not.
    token=TokenPolicy(
        lifetime_days=60,
        renews=True,
        expiry_matters=True,
        renewal="refresh_access_token, ig_refresh_token (Instagram Login only)",
    ),
    first_comment=True,
    metrics=frozenset({"likes", "reposts", "replies", "bookmarks", "views"}),
    metrics_budget=Budget(200, timedelta(hours=1), 1),
    media_from_public_url=True,
    api_version=GRAPH_API,
)
