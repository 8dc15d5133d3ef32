"""Instagram (business/creator): a pasted token, media fetched from a public address."""

from __future__ import annotations

from datetime import timedelta

from somestudio.domain.networks import Network
from somestudio.domain.networks.connect_form import (
    MEDIA_BASE_URL,
    TOKEN,
    Choice,
    ConnectField,
    ConnectForm,
    FieldKind,
)
from somestudio.domain.networks.descriptor import (
    Budget,
    InboxCapability,
    NetworkDescriptor,
    SignInKind,
    TokenPolicy,
)
from somestudio.domain.networks.feed_style import TAGS, FeedStyle, HandleForm, Header
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
    connect=ConnectForm(
        intro="Your Meta app can sign in to Instagram in one of two ways: choose below the one "
        "your app is set up for.\n\n%1",
        fields=(
            ConnectField(  # first: the token depends on it
                "ig_login",
                FieldKind.CHOICE,
                "Sign-in",
                option="ig_login",
                accessible="How your app signs in to Instagram",
                default="instagram",
                choices=(
                    Choice(
                        "instagram",
                        "Instagram Login (no Page needed)",
                        "Instagram Login: your app uses the “Instagram API with Instagram "
                        "Login”. In the app's dashboard choose Instagram → API setup with "
                        "Instagram business login → Generate token, with the permissions "
                        "instagram_business_basic and instagram_business_content_publish, and for "
                        "the inbox instagram_business_manage_comments. Some Studio renews the "
                        "token before its 60 days run out.",
                    ),
                    Choice(
                        "facebook",
                        "Facebook Login (through a Page)",
                        "Facebook Login: your app uses the “Instagram API with Facebook "
                        "Login”, and your Instagram professional account is connected to a "
                        "Facebook Page. Paste a long-lived token with the permissions "
                        "instagram_basic, instagram_content_publish, pages_show_list and "
                        "pages_read_engagement, and for the inbox instagram_manage_comments, and "
                        "enter the Page's id: Some Studio finds the "
                        "Instagram account through the Page.",
                    ),
                ),
                cli_help="how your app signs in (default: facebook with --page-id, else instagram)",
            ),
            TOKEN,
            ConnectField(
                "page_id",
                FieldKind.TEXT,
                "Facebook Page id",
                option="page_id",
                required=True,
                missing="Enter the id of the Facebook Page.",
                shown_when=("ig_login", "facebook"),
                cli_help="the Page id",
            ),
            ConnectField(
                "ig_user_id",
                FieldKind.TEXT,
                "Instagram account id",
                option="ig_user_id",
                in_form=False,
                cli_help="the business account id",
            ),
            MEDIA_BASE_URL,
        ),
    ),
    # Comments (and their replies) under the recent media: GET /{ig-media-id}/comments
    # (instagram_business_manage_comments / instagram_manage_comments), on the account's own
    # host; a quarter of the 200 calls / hour.
    inbox=InboxCapability(
        kinds=frozenset({"comment"}),
        budget=Budget(200, timedelta(hours=1), 25, share=0.25),
        endpoint="GET /{ig-media-id}/comments",
        actions=frozenset({"hide"}),  # POST /{ig-comment-id} hide=true
        # "Comment Moderation" offers replying, hiding, deleting, not liking.
        no_like="Instagram does not let apps like comments: like it in Instagram.",
    ),
    feed=FeedStyle(
        Header.COMPACT,
        HandleForm.BARE,
        media_first=True,
        caption_after_name=True,
        linked=TAGS,
        link_cards=False,
        actions="♡   ◯   ➤",
        see_more="… more",
    ),
)
