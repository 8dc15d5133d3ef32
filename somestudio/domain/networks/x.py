"""X: weighted text, OAuth 2 with PKCE in the browser, 2-hour tokens renewed by refresh."""

from __future__ import annotations

from datetime import timedelta

from somestudio.domain.networks import Network
from somestudio.domain.networks.descriptor import Budget, NetworkDescriptor, SignInKind, TokenPolicy

DESCRIPTOR = NetworkDescriptor(
    network=Network.X,
    name="X",
    mark="x",
    colour="#1f1f1f",
    channel="x",
    sign_in=(SignInKind.OAUTH_BROWSER, SignInKind.TOKEN),
    token=TokenPolicy(
        lifetime_days=2 / 24,
        renews=True,
        expiry_matters=False,
        renewal="refresh token (scope offline.access)",
    ),
    threads=True,
    first_comment=True,
    metrics=frozenset({"likes", "reposts", "replies", "quotes", "bookmarks", "views"}),
    metrics_budget=Budget(15, timedelta(minutes=15), 100),  # GET /2/tweets, lowest paid tier
    api_version=None,  # /2 has no dated versions
)
