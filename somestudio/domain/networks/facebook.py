"""Facebook Page: a pasted Page token, Graph API, server-side scheduling."""

from __future__ import annotations

from datetime import timedelta

from somestudio.domain.networks import Network
from somestudio.domain.networks.connect_form import (
    SERVER_SCHEDULING,
    TOKEN,
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
)
from somestudio.domain.networks.feed_style import FeedStyle, Header
from somestudio.domain.networks.graph_api import GRAPH_API

DESCRIPTOR = NetworkDescriptor(
    network=Network.FACEBOOK,
    name="Facebook Page",
    mark="facebook",
    name_is_brand=False,
    colour="#1877f2",
    channel="facebook",
    sign_in=(SignInKind.TOKEN,),
    first_comment=True,
    # scheduled_publish_time: 10 minutes to 30 days ahead (Graph API, Page feed).
    server_scheduling=ServerScheduling(timedelta(minutes=15), timedelta(days=29)),
    metrics=frozenset({"likes", "reposts", "replies"}),
    metrics_budget=Budget(200, timedelta(hours=1), 1),
    api_version=GRAPH_API,
    connect=ConnectForm(
        intro="Paste a long-lived Page access token made with your Meta app, with the "
        "permissions pages_manage_posts and pages_read_engagement, and for the inbox "
        "pages_read_user_content (to read comments) and pages_manage_engagement (to answer "
        "them as the Page). Optionally let Facebook publish scheduled posts itself, so they "
        "go out while this computer is off.",
        fields=(
            TOKEN,
            ConnectField(
                "page_id",
                FieldKind.TEXT,
                "Page id (optional)",
                option="page_id",
                cli_help="the Page id",
            ),
            SERVER_SCHEDULING,
        ),
    ),
    # Comments under the Page's recent posts: GET /{page-post-id}/comments
    # (pages_read_user_content), 25 a page; a quarter of the 200 calls / hour.
    inbox=InboxCapability(
        kinds=frozenset({"comment"}),
        budget=Budget(200, timedelta(hours=1), 25, share=0.25),
        endpoint="GET /{page-post-id}/comments",
        actions=frozenset({"hide"}),  # POST /{comment-id} is_hidden=true
    ),
    feed=FeedStyle(Header.STACKED, actions="Like · Comment · Share", see_more="… See more"),
)
