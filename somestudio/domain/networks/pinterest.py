"""Pinterest: a pasted token and a board; API v5."""

from __future__ import annotations

from datetime import timedelta

from somestudio.domain.networks import Network
from somestudio.domain.networks.connect_form import (
    TOKEN,
    ConnectField,
    ConnectForm,
    FieldKind,
    Loaded,
    valid_days,
)
from somestudio.domain.networks.descriptor import Budget, NetworkDescriptor, SignInKind, TokenPolicy
from somestudio.domain.networks.feed_style import TAGS, FeedStyle, HandleForm, Header

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
    connect=ConnectForm(
        intro="Paste an access token made with your Pinterest app, load your boards and choose "
        "the one to pin to. A pin needs an image.\n\n"
        "A newly approved Pinterest app has Trial access: Pinterest refuses its pins on the "
        "real site and takes them only in its API Sandbox, where only you see them. Until "
        "Pinterest grants your app Standard access, tick “Use Pinterest's API Sandbox” and use "
        "a sandbox token from your app's page.\n\n"
        "Tokens expire (usually after 30 days). With your app's id and secret and a refresh "
        "token, Some Studio renews the token itself; otherwise the Accounts page warns a week "
        "before it lapses.",
        fields=(
            TOKEN,
            ConnectField(
                "sandbox",
                FieldKind.CHECK,
                "Use Pinterest's API Sandbox (Trial access)",
                option="sandbox",
                help="Pins go to Pinterest's API Sandbox, where only you see them. Needed while "
                "your Pinterest app has Trial access; needs a sandbox token.",
                cli_help="pin to the API Sandbox (an app with Trial access; a sandbox token)",
            ),
            ConnectField(
                "board",
                FieldKind.LOADED,
                "Board",
                option="board_id",
                required=True,
                missing="Load your boards and choose one.",
                loaded=Loaded(
                    button="Load boards",
                    busy="Loading boards…",
                    choose="Choose the board to pin to.",
                    none="No boards found.",
                    needs="token",
                    needs_text="Paste the access token first.",
                    cleared_by="sandbox",  # one environment's boards are unknown to the other
                ),
                cli_help="the board to pin to (its id)",
                cli_missing="choose the board to pin to: --board ID",
            ),
            valid_days(30),
            ConnectField(
                "app_id",
                FieldKind.TEXT,
                "App id (optional, for renewal)",
                option="app_id",
                in_cli=False,
            ),
            ConnectField(
                "app_secret",
                FieldKind.SECRET,
                "App secret (optional, for renewal)",
                in_cli=False,
            ),
            ConnectField(
                "refresh_token",
                FieldKind.SECRET,
                "Refresh token (optional, for renewal)",
                in_cli=False,
            ),
        ),
    ),
    feed=FeedStyle(
        Header.COMPACT,
        HandleForm.BARE,
        media_first=True,
        linked=TAGS,
        link_cards=False,
        actions="",
    ),
)
