"""Pinterest: a pasted token and a board; API v5."""

from __future__ import annotations

from datetime import timedelta

from somestudio.domain.networks import Network
from somestudio.domain.networks.descriptor import Budget, NetworkDescriptor, SignInKind, TokenPolicy

DESCRIPTOR = NetworkDescriptor(
    network=Network.PINTEREST,
    name="Pinterest",
    mark="pinterest",
    colour="#e60023",
    channel="pinterest",
    sign_in=(SignInKind.TOKEN,),
    # A 30-day access token behind a refresh token: renewed with POST /v5/oauth/token
    # (grant_type refresh_token) when the account has its app's id and secret.
    token=TokenPolicy(
        lifetime_days=30,
        renews=True,
        expiry_matters=False,
        renewal="POST /v5/oauth/token, refresh_token (needs the app's id and secret)",
        pasted_lifetime_days=30,
    ),
    metrics=frozenset({"likes", "replies", "bookmarks", "views"}),
    metrics_budget=Budget(100, timedelta(minutes=1), 1),
    api_version=None,  # /v5 has no documented end date
)
