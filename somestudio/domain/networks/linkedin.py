"""LinkedIn: a pasted 60-day token (no refresh for most apps), Linkedin-Version pinned."""

from __future__ import annotations

from datetime import date, timedelta

from somestudio.domain.networks import Network
from somestudio.domain.networks.connect_form import (
    TOKEN,
    ConnectField,
    ConnectForm,
    FieldKind,
    valid_days,
)
from somestudio.domain.networks.descriptor import (
    ApiVersion,
    Budget,
    NetworkDescriptor,
    SignInKind,
    TokenPolicy,
)
from somestudio.domain.networks.feed_style import FeedStyle, Header

# "Marketing API migrations", LinkedIn (Microsoft Learn),
# https://learn.microsoft.com/en-us/linkedin/marketing/integrations/migrations :
# version 202603 (March 2026) is sunset on March 16, 2027; a sunset version answers HTTP 426.
API_VERSION = ApiVersion(
    "202603",
    date(2027, 3, 16),
    "Marketing API migrations — "
    "https://learn.microsoft.com/en-us/linkedin/marketing/integrations/migrations",
)

DESCRIPTOR = NetworkDescriptor(
    network=Network.LINKEDIN,
    name="LinkedIn",
    monogram="in",
    colour="#0a66c2",
    channel="linkedin",
    sign_in=(SignInKind.TOKEN,),
    token=TokenPolicy(
        lifetime_days=60,
        renews=False,
        renewal="none: reconnect before expiry",
        pasted_lifetime_days=60,
    ),
    first_comment=True,
    metrics=frozenset({"likes", "reposts", "replies", "views"}),
    metrics_budget=Budget(100, timedelta(days=1), 20),  # share statistics, shares[] list
    api_version=API_VERSION,
    connect=ConnectForm(
        intro="Paste an access token made with your LinkedIn app's token generator: scope "
        "w_member_social to post as yourself, or w_organization_social to post as a page (and "
        "enter its page id).\n\n"
        "To post as yourself, either add the scopes openid and profile to the token, so Some "
        "Studio can read your member id, or enter your member id below. LinkedIn tokens last "
        "60 days and cannot be renewed here: the Accounts page counts down and warns a week "
        "ahead.",
        fields=(
            TOKEN,
            ConnectField(
                "person_id",
                FieldKind.TEXT,
                "Member id (optional)",
                option="person_id",
                placeholder="urn:li:person:… or just the id",
                cli_help="your member id (urn:li:person:…), for a token without openid profile",
            ),
            ConnectField(
                "organization_id",
                FieldKind.TEXT,
                "Page id (optional)",
                option="organization_id",
                cli_help="post as this page",
            ),
            valid_days(60),
        ),
    ),
    # Organization comments (socialActions/comments) need the Community Management API, a
    # separate product LinkedIn approves for few apps; a user's own app rarely has it.
    inbox_note="LinkedIn has no inbox here: reading and answering comments through the API "
    "needs LinkedIn's Community Management API, a separate product LinkedIn approves for few "
    "apps, which your own app rarely has. Read and answer comments on LinkedIn itself.",
    feed=FeedStyle(
        Header.HEADLINE,
        bold_tags=True,
        actions="Like · Comment · Repost · Send",
        see_more="…see more",
    ),
)
