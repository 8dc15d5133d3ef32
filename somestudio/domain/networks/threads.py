"""Threads (Meta): a pasted long-lived token (60 days), refreshed once it is a day old."""

from __future__ import annotations

from datetime import timedelta

from somestudio.domain.networks import Network
from somestudio.domain.networks.connect_form import MEDIA_BASE_URL, TOKEN, ConnectForm
from somestudio.domain.networks.descriptor import (
    Budget,
    InboxCapability,
    NetworkDescriptor,
    SignInKind,
    TokenPolicy,
)
from somestudio.domain.networks.feed_style import FeedStyle, HandleForm, Header

DESCRIPTOR = NetworkDescriptor(
    network=Network.THREADS,
    name="Threads",
    mark="threads",
    colour="#5b5b5b",
    channel="threads",
    sign_in=(SignInKind.TOKEN,),
    token=TokenPolicy(
        lifetime_days=60,
        renews=True,
        expiry_matters=True,
        renewal="GET graph.threads.net/refresh_access_token (token at least 24 h old)",
    ),
    threads=True,
    first_comment=True,
    metrics=frozenset({"likes", "reposts", "replies", "quotes", "views"}),
    metrics_budget=Budget(200, timedelta(hours=1), 1),  # 200 calls / hour / user
    media_from_public_url=True,
    # graph.threads.net/v1.0: Meta documents no end date for it.
    api_version=None,
    connect=ConnectForm(
        intro="Paste a long-lived Threads access token made with your Meta app, with the "
        "permissions threads_basic, threads_content_publish, threads_manage_replies (the later "
        "posts of a thread are replies to the first), threads_manage_insights (for the "
        "numbers) and threads_read_replies (for the inbox). Some Studio renews the token before "
        "its 60 days run out, once it is a day old.\n\n%1",
        fields=(TOKEN, MEDIA_BASE_URL),
    ),
    # Replies under the recent posts: GET /{media-id}/conversation (threads_read_replies),
    # 25 a page; a quarter of the 200 calls / hour beside the metric rounds' half.
    inbox=InboxCapability(
        kinds=frozenset({"reply"}),
        budget=Budget(200, timedelta(hours=1), 25, share=0.25),
        endpoint="GET /{media-id}/conversation",
        actions=frozenset({"hide"}),  # POST /{reply-id}/manage_reply hide=true
        # "Reply Management" offers hiding and reply controls, no liking.
        no_like="Threads does not let apps like replies: like it in Threads.",
        hides_top_level_only=True,  # "Hide Replies": nested replies go with their top one
    ),
    feed=FeedStyle(Header.INLINE, HandleForm.AT, link_length=30, actions="♡   ↩   ⇄   ➤"),
)
