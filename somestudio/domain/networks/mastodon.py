"""Mastodon: per-instance limits, OAuth in the browser or a pasted token that does not expire."""

from __future__ import annotations

from datetime import timedelta

from somestudio.domain.networks import Network
from somestudio.domain.networks.connect_form import (
    SERVER_SCHEDULING,
    ConnectField,
    ConnectForm,
    FieldKind,
)
from somestudio.domain.networks.descriptor import (
    Budget,
    InboxCapability,
    NetworkDescriptor,
    ServerScheduling,
    SignInKind,
    TokenPolicy,
)
from somestudio.domain.networks.feed_style import FeedStyle, HandleForm, Header

DESCRIPTOR = NetworkDescriptor(
    network=Network.MASTODON,
    name="Mastodon",
    mark="mastodon",
    colour="#6364ff",
    channel="mastodon",
    sign_in=(SignInKind.OAUTH_BROWSER, SignInKind.TOKEN),
    token=TokenPolicy(lifetime_days=None),
    threads=True,
    first_comment=True,
    # scheduled_at must be at least 5 minutes ahead (PLATFORMS.md; Mastodon API docs, statuses).
    server_scheduling=ServerScheduling(timedelta(minutes=10), timedelta(days=365)),
    metrics=frozenset({"likes", "reposts", "replies", "quotes"}),
    metrics_budget=Budget(300, timedelta(minutes=5), 1),  # 300 / 5 min per account
    public_metrics=True,
    api_version=None,  # /api/v1 and /api/v2 are not retired by date; each server has its own
    connect=ConnectForm(
        intro="Enter your server's address, then sign in with the browser — or paste an access "
        "token from your server's Preferences → Development. The server's own character limit "
        "is read for the composer.",
        fields=(
            ConnectField(
                "service",
                FieldKind.ADDRESS,
                "Server address",
                required=True,
                for_browser=True,
                missing="Enter your server's address first.",
                placeholder="e.g. mastodon.social",
                cli_help="the instance",
                cli_missing="a Mastodon account needs its instance (--service "
                "https://mastodon.example), or add it with --by-hand to publish it yourself",
            ),
            ConnectField(
                "token",
                FieldKind.SECRET,
                "Access token (if not using the browser)",
                required=True,
                missing="Paste the access token.",
            ),
            SERVER_SCHEDULING,
        ),
    ),
    # GET /api/v1/notifications, at most 80 a page; 300 requests / 5 min per account
    # ("Rate limits", docs.joinmastodon.org/api/rate-limits): the inbox takes a fifth.
    inbox=InboxCapability(
        kinds=frozenset({"reply", "mention", "quote", "like", "repost", "follow"}),
        budget=Budget(300, timedelta(minutes=5), 80, share=0.2),
        endpoint="GET /api/v1/notifications",
        actions=frozenset({"like"}),  # POST /api/v1/statuses/:id/favourite
        no_hide="Mastodon has no way to hide a reply under your post: mute or block the person "
        "on your server instead.",
    ),
    feed=FeedStyle(Header.STACKED, HandleForm.AT_SERVER, square_avatar=True, link_length=30),
)
