"""Bluesky: handle + app password, session JWTs renewed with the refresh JWT."""

from __future__ import annotations

from somestudio.domain.networks import Network
from somestudio.domain.networks.descriptor import NetworkDescriptor, SignInKind, TokenPolicy

DESCRIPTOR = NetworkDescriptor(
    network=Network.BLUESKY,
    name="Bluesky",
    colour="#1185fe",
    channel="bluesky",
    sign_in=(SignInKind.APP_PASSWORD,),
    token=TokenPolicy(
        lifetime_days=2 / 24,
        renews=True,
        expiry_matters=False,
        renewal="com.atproto.server.refreshSession",
    ),
    threads=True,
    first_comment=True,
    metrics=frozenset({"likes", "reposts", "replies", "quotes", "bookmarks"}),
    public_metrics=True,
    api_version=None,  # XRPC lexicons evolve without dated versions
)
