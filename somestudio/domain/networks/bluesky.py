"""Bluesky: handle + app password, session JWTs renewed with the refresh JWT."""

from __future__ import annotations

from datetime import timedelta

from somestudio.domain.networks import Network
from somestudio.domain.networks.descriptor import (
    Budget,
    InboxCapability,
    NetworkDescriptor,
    SignInKind,
    TokenPolicy,
)

DESCRIPTOR = NetworkDescriptor(
    network=Network.BLUESKY,
    name="Bluesky",
    mark="bluesky",
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
    metrics_budget=Budget(3000, timedelta(minutes=5), 25),  # AppView per IP; 25 uris/call
    public_metrics=True,
    api_version=None,  # XRPC lexicons evolve without dated versions
    # app.bsky.notification.listNotifications (limit at most 100) through the PDS, whose
    # documented limit is 3000 requests / 5 min per IP ("Rate Limits", docs.bsky.app/docs/
    # advanced-guides/rate-limits); the inbox takes a tenth of it.
    inbox=InboxCapability(
        kinds=frozenset({"reply", "mention", "quote", "like", "repost", "follow"}),
        budget=Budget(3000, timedelta(minutes=5), 50, share=0.1),
        endpoint="app.bsky.notification.listNotifications",
    ),
)
