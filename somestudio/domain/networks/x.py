"""X: weighted text, OAuth 2 with PKCE in the browser, 2-hour tokens renewed by refresh."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta

from somestudio.domain.networks import Network
from somestudio.domain.networks.connect_form import TOKEN, ConnectField, ConnectForm, FieldKind
from somestudio.domain.networks.descriptor import (
    Budget,
    InboxCapability,
    NetworkDescriptor,
    SignInKind,
    TokenPolicy,
)
from somestudio.domain.networks.feed_style import FeedStyle, HandleForm, Header

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
    connect=ConnectForm(
        intro="X needs your own app from the X developer portal (type: native app, a public "
        "client). Add the callback address below to the app, enter its client id and sign in "
        "with the browser. No client secret is needed or stored.\n\n"
        "The X API is pay-per-use: every post and upload is paid from the credits of your own "
        "app, so buy credits in X's Developer Console first, or posts are refused.",
        fields=(
            ConnectField(
                "client_id",
                FieldKind.TEXT,
                "Your app's client id",
                option="client_id",
                cli_help="your own app's client id",
            ),
            ConnectField(
                "port",
                FieldKind.PORT,
                "Callback port",
                option="redirect_port",
                default="8737",
                cli_help="loopback port for --browser",
            ),
            replace(TOKEN, in_form=False),  # the window signs in with the browser only
        ),
    ),
    # Mentions (and replies, which mention us): GET /2/users/:id/mentions, 100 a page, only
    # when the user turns reading on, as X bills every post read to the user's own app
    # (pay-per-use: "Pricing", https://docs.x.com/x-api/getting-started/pricing). X's own
    # table gives it 300 requests / 15 min per user and 450 per app ("Rate limits",
    # https://docs.x.com/x-api/fundamentals/rate-limits). The rate limit is not what binds
    # here, the bill is: the inbox takes 1 % of it, three requests (at most 300 posts read)
    # a quarter hour, counted in the database for every collector (store/inbox/reads.py).
    inbox=InboxCapability(
        kinds=frozenset({"mention", "reply", "quote"}),
        budget=Budget(300, timedelta(minutes=15), 100, share=0.01),
        endpoint="GET /2/users/:id/mentions",
        opt_in=True,
        # X has both (POST /2/users/:id/likes, PUT /2/tweets/:id/hidden), each call billed.
        no_like="Some Studio does not like posts on X, where every call is billed to your own "
        "app: like it on X.",
        no_hide="Some Studio does not hide replies on X, where every call is billed to your "
        "own app: hide it on X.",
    ),
    feed=FeedStyle(Header.INLINE, HandleForm.AT, link_length=23, actions="↩   ⇄   ♡   ▮▮"),
)
