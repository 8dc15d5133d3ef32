"""Bluesky: handle + app password, session JWTs renewed with the refresh JWT."""

from __future__ import annotations

from datetime import timedelta

from somestudio.domain.networks import Network
from somestudio.domain.networks.connect_form import ConnectField, ConnectForm, FieldKind
from somestudio.domain.networks.descriptor import (
    Budget,
    InboxCapability,
    NetworkDescriptor,
    SignInKind,
    TokenPolicy,
)
from somestudio.domain.networks.feed_style import FeedStyle, HandleForm, Header

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
    connect=ConnectForm(
        intro="Sign in with your handle and an app password (Bluesky: Settings → Privacy and "
        "security → App passwords). Some Studio signs in once; the system keyring keeps only "
        "the session's renewal token, never the password.",
        fields=(
            ConnectField(
                "handle",
                FieldKind.TEXT,
                "Handle",
                required=True,
                missing="Enter the handle and an app password.",
                placeholder="e.g. aurinko.bsky.social",
                cli_missing="a Bluesky account needs --handle (e.g. me.bsky.social)",
            ),
            ConnectField(
                "password",
                FieldKind.SECRET,
                "App password",
                required=True,
                missing="Enter the handle and an app password.",
            ),
            ConnectField(
                "service",
                FieldKind.ADDRESS,
                "Server (optional)",
                placeholder="https://bsky.social",
                cli_help="its PDS (default https://bsky.social)",
            ),
        ),
        secret_name="app password",  # noqa: S106 - what is asked for, not a secret
    ),
    # app.bsky.notification.listNotifications (limit at most 100) through the PDS, whose
    # documented limit is 3000 requests / 5 min per IP ("Rate Limits", docs.bsky.app/docs/
    # advanced-guides/rate-limits); the inbox takes a tenth of it.
    inbox=InboxCapability(
        kinds=frozenset({"reply", "mention", "quote", "like", "repost", "follow"}),
        budget=Budget(3000, timedelta(minutes=5), 50, share=0.1),
        endpoint="app.bsky.notification.listNotifications",
        actions=frozenset({"like"}),  # an app.bsky.feed.like record
        # Bluesky hides replies through the post's threadgate (hiddenReplies), which a
        # rewrite of the gate record would risk: not done here.
        no_hide="Some Studio does not hide Bluesky replies: hide it in the Bluesky app, from "
        "the reply's menu.",
    ),
    feed=FeedStyle(
        Header.INLINE, HandleForm.AT_DOMAIN, handle_domain=".bsky.social", link_length=26
    ),
)
