"""Connecting a Facebook Page, an Instagram account or a Threads profile by its token.

A refusal is a ``Final`` (or the Graph error ``GraphClient`` maps) whose reason is the one
sentence the app shows; the app turns it into its ``AccountError``.
"""

from __future__ import annotations

from collections.abc import Mapping

from somestudio.domain.publish_result import Final
from somestudio.networks.connect import WhoseToken
from somestudio.networks.meta.publish import (
    EXPIRY_GUESSED,
    FACEBOOK_LOGIN,
    GRAPH,
    IG_LOGIN,
    INSTAGRAM_GRAPH,
    INSTAGRAM_LOGIN,
    ISSUED_AT,
    THREADS,
    GraphClient,
    new_bundle,
)


def extra_of(bundle: Mapping[str, str]) -> dict[str, str]:
    """A bundle's keys other than the token and its times (e.g. a client id)."""
    skip = {"access_token", "expires_at", ISSUED_AT, EXPIRY_GUESSED}
    return {k: v for k, v in bundle.items() if k not in skip}


def identify_facebook(ask: WhoseToken) -> str:
    # With a Page token, "me" is the Page ("Page" reference, GET /{page-id}):
    # https://developers.facebook.com/docs/graph-api/reference/page/
    client = GraphClient(ask.http, ask.base or GRAPH, permission="pages_show_list")
    me = client.me(ask.token, "id,name")
    ask.options.setdefault("page_id", str(me["id"]))
    return str(me.get("name") or me["id"])


def identify_threads(ask: WhoseToken) -> str:
    # "Threads Profiles": GET /me?fields=id,username with the user's Threads token
    # https://developers.facebook.com/docs/threads/threads-profiles
    client = GraphClient(ask.http, ask.base or THREADS, permission="threads_basic")
    me = client.me(ask.token, "id,username")
    ask.options.setdefault("threads_user_id", str(me["id"]))
    # Not renewed now: Meta renews only tokens at least 24 h old; the publisher does it.
    _note_token(ask)
    return str(me.get("username") or me["id"])


def renews(options: Mapping[str, object], bundle: Mapping[str, str]) -> bool:
    """An Instagram token is renewed by Some Studio only with Instagram Login."""
    del bundle
    return options.get(IG_LOGIN) == INSTAGRAM_LOGIN


def identify_instagram(ask: WhoseToken) -> str:
    """Instagram's two sign-in families, as the connect dialog chose (``ig_login``; without
    a choice, as the command line may leave it: Facebook Login when a Page id is given)."""
    options = ask.options
    if not options.get(IG_LOGIN):
        options[IG_LOGIN] = FACEBOOK_LOGIN if options.get("page_id") else INSTAGRAM_LOGIN
    if options.get(IG_LOGIN) == INSTAGRAM_LOGIN:
        # Instagram Login, "Me": GET graph.instagram.com/{version}/me?fields=user_id,username
        # https://developers.facebook.com/documentation/instagram-platform/reference/me
        client = GraphClient(
            ask.http, ask.base or INSTAGRAM_GRAPH, permission="instagram_business_basic"
        )
        me = client.me(ask.token, "user_id,username")
        user_id = str(me.get("user_id") or me["id"])
        options["ig_user_id"] = user_id
        _note_token(ask)
        return str(me.get("username") or user_id)
    return _instagram_by_page(ask)


def _note_token(ask: WhoseToken) -> None:
    """The bundle as the token's own: when it was issued, with the bundle's other keys."""
    ask.bundle.update(new_bundle(ask.token, ask.now, **extra_of(ask.bundle)))


def _instagram_by_page(ask: WhoseToken) -> str:
    token, options = ask.token, ask.options
    page = str(options.get("page_id") or "").strip()
    if not page:
        raise Final(
            "With Facebook Login, enter the id of the Facebook Page your Instagram account "
            "is connected to."
        )
    client = GraphClient(ask.http, ask.base or GRAPH, permission="instagram_basic")
    # Facebook Login, "Page": GET /{page-id}?fields=instagram_business_account
    # https://developers.facebook.com/documentation/instagram-platform/instagram-graph-api/reference/page
    body = client.call(
        "GET", page, token, idempotent=True, params={"fields": "instagram_business_account"}
    )
    linked = body.get("instagram_business_account") if isinstance(body, dict) else None
    if not isinstance(linked, dict) or not linked.get("id"):
        raise Final(
            f"The Facebook Page {page} has no Instagram professional account connected: "
            "connect one to the Page in Meta Business Suite, then try again."
        )
    user_id = str(linked["id"])
    options["ig_user_id"] = user_id
    # "IG User": GET /{ig-user-id}?fields=username
    # https://developers.facebook.com/docs/instagram-platform/instagram-graph-api/reference/ig-user
    who = client.call("GET", user_id, token, idempotent=True, params={"fields": "username"})
    return str(who.get("username") or user_id) if isinstance(who, dict) else user_id
