"""Each registered network's API as a loopback server for the contract test.

The answers are the ones the per-network tests use (tests/networks/test_*.py and
tests/integration/test_metric_fetchers.py). Publishers and fetchers are built through
``networks.registry`` with their real default addresses (api.x.com, graph.facebook.com/v…):
``LoopbackSession`` sends every request to the one server on 127.0.0.1 instead, under a path
that starts with the host it was meant for, so nothing ever leaves this computer and a handler
sees which host and API version the client chose.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlsplit

import requests
from pytest_httpserver import HTTPServer
from requests.adapters import HTTPAdapter
from werkzeug import Request, Response

from somestudio.domain.networks import Network
from somestudio.domain.posts import Account
from somestudio.networks.http import USER_AGENT
from tests.networks.support import account


class LoopbackSession(requests.Session):
    """http.py's session, with every URL moved onto the loopback server."""

    def __init__(self, server: HTTPServer) -> None:
        super().__init__()
        adapter = HTTPAdapter(max_retries=0)
        self.mount("http://", adapter)
        self.mount("https://", adapter)
        self.headers["User-Agent"] = USER_AGENT
        self.server = server

    def request(self, method: str | bytes, url: str | bytes, *args: Any, **kwargs: Any) -> Any:
        parts = urlsplit(str(url))
        if parts.hostname != "127.0.0.1":
            url = self.server.url_for(f"/{parts.netloc}{parts.path}")
            if parts.query:
                url += f"?{parts.query}"
        assert urlsplit(str(url)).hostname == "127.0.0.1"
        return super().request(method, url, *args, **kwargs)


Handler = Callable[[Request], Response]


def answer(body: object, status: int = 200, headers: dict[str, str] | None = None) -> Handler:
    def handle(_request: Request) -> Response:
        text = json.dumps(body) if body is not None else ""
        return Response(text, status, headers=headers, content_type="application/json")

    return handle


@dataclass
class Api:
    """One network's loopback API: routes by method and path pattern (after the host)."""

    server: HTTPServer
    seen: list[tuple[str, str]] = field(default_factory=list)
    bodies: list[str] = field(default_factory=list)  # each request's body, as sent

    def route(self, method: str, pattern: str, handler: Handler) -> None:
        def recorded(request: Request) -> Response:
            self.seen.append((request.method, request.path))
            self.bodies.append(request.get_data(as_text=True))
            return handler(request)

        self.server.expect_request(re.compile(pattern), method=method).respond_with_handler(
            recorded
        )

    def refuse_everything(self) -> None:
        """Every call answers 401 (a token revoked on the network's side), Graph's code 190."""
        body = {"error": {"message": "Invalid OAuth access token", "code": 190}}
        for method in ("GET", "POST", "PUT"):
            self.route(method, r"/.*", answer(body, 401))


@dataclass(frozen=True)
class Contract:
    """How one network is driven through the contract: its account, a fresh sign-in, a
    sign-in due for renewal, and the routes for each case."""

    network: Network
    account: Account
    fresh: dict[str, str]
    publish: Callable[[Api], None]  # text and media posts
    metrics: Callable[[Api], None]
    remote_id: str  # the post the metric case asks about
    metrics_base: str = ""  # "" → the registry's default
    identify: Callable[[Api], None] = lambda _api: None  # whose sign-in a token is
    handle: str = ""  # what the connect flow names the account
    ids: tuple[str, ...] = ()  # options the connect flow notes
    due_for_renewal: dict[str, str] | None = None
    renew: Callable[[Api], None] | None = None
    refuse_renewal: Callable[[Api], None] | None = None
    comment: Callable[[Api], None] | None = None  # a first comment under ``remote_id``


PUBLIC_MEDIA = "https://kahvila.example/media/"
DID = "did:plc:contract"


def _x_publish(api: Api) -> None:
    api.route("POST", r".*/api\.x\.com/2/media/upload$", answer({"data": {"id": "m1"}}))
    api.route("POST", r".*/api\.x\.com/2/media/metadata$", answer({"data": {"id": "m1"}}))
    api.route(
        "POST", r".*/api\.x\.com/2/tweets$", answer({"data": {"id": "1001", "text": "t"}}, 201)
    )


def _x_metrics(api: Api) -> None:
    counts = {
        "like_count": 7,
        "repost_count": 2,
        "reply_count": 3,
        "quote_count": 4,
        "bookmark_count": 5,
        "impression_count": 600,
    }
    api.route(
        "GET",
        r".*/api\.x\.com/2/tweets$",
        answer({"data": [{"id": "1001", "text": "a", "public_metrics": counts}]}),
    )


def _x_token(status: int) -> Callable[[Api], None]:
    def routes(api: Api) -> None:
        body: object = {
            "access_token": "x-access-2",
            "refresh_token": "x-refresh-2",
            "expires_in": 7200,
        }
        if status != 200:
            body = {
                "error": "invalid_request",
                "error_description": "Value passed for the token was invalid.",
            }
        api.route("POST", r".*/api\.x\.com/2/oauth2/token$", answer(body, status))
        _x_publish(api)

    return routes


def _mastodon_publish(api: Api) -> None:
    status = {
        "id": "101",
        "url": "https://m.example/@aurinko/101",
        "created_at": "2026-11-21T08:00:01.000Z",
        "content": "<p>t</p>",
    }
    api.route("POST", r".*/m\.example/api/v1/statuses$", answer(status))
    media = {"id": "att1", "type": "image", "url": "https://m.example/a.jpg", "description": "alt"}
    api.route("POST", r".*/m\.example/api/v2/media$", answer(media))
    api.route("PUT", r".*/m\.example/api/v1/media/att1$", answer(media))
    api.route("GET", r".*/m\.example/api/v1/media/att1$", answer(media))


def _mastodon_metrics(api: Api) -> None:
    status = {
        "id": "101",
        "favourites_count": 4,
        "reblogs_count": 2,
        "replies_count": 1,
        "quotes_count": 0,
    }
    api.route("GET", r".*/m\.example/api/v1/statuses/101$", answer(status))


def _bluesky_session(status: int) -> Callable[[Api], None]:
    def routes(api: Api) -> None:
        body: object = {
            "accessJwt": "access-jwt-2",
            "refreshJwt": "refresh-jwt-2",
            "did": DID,
            "handle": "aurinko.example",
        }
        if status != 200:
            body = {"error": "ExpiredToken", "message": "Token has expired"}
        api.route("POST", r".*/xrpc/com\.atproto\.server\.refreshSession$", answer(body, status))

    return routes


def _bluesky_publish(api: Api) -> None:
    _bluesky_session(200)(api)
    blob = {"$type": "blob", "ref": {"$link": "bafkblob"}, "mimeType": "image/jpeg", "size": 9}
    api.route(
        "POST", r".*/bsky\.social/xrpc/com\.atproto\.repo\.uploadBlob$", answer({"blob": blob})
    )
    made = {"uri": f"at://{DID}/app.bsky.feed.post/3kcontract", "cid": "bafyrecord"}
    api.route("POST", r".*/bsky\.social/xrpc/com\.atproto\.repo\.createRecord$", answer(made))


def _bluesky_comment(api: Api) -> None:
    _bluesky_publish(api)
    record = {"uri": f"at://{DID}/app.bsky.feed.post/3kcontract", "cid": "bafyrecord"}
    api.route("GET", r".*/bsky\.social/xrpc/com\.atproto\.repo\.getRecord$", answer(record))


def _bluesky_metrics(api: Api) -> None:
    post = {
        "uri": f"at://{DID}/app.bsky.feed.post/3kcontract",
        "cid": "bafyrecord",
        "likeCount": 4,
        "repostCount": 2,
        "replyCount": 1,
        "quoteCount": 0,
        "bookmarkCount": 3,
    }
    api.route(
        "GET",
        r".*/public\.api\.bsky\.app/xrpc/app\.bsky\.feed\.getPosts$",
        answer({"posts": [post]}),
    )


def _linkedin_publish(api: Api) -> None:
    upload = {
        "value": {"uploadUrl": "https://www.linkedin.com/dms-uploads/1", "image": "urn:li:image:C1"}
    }
    api.route("POST", r".*/api\.linkedin\.com/rest/images$", answer(upload))
    api.route("PUT", r".*/www\.linkedin\.com/dms-uploads/1$", answer(None, 201))
    api.route(
        "POST",
        r".*/api\.linkedin\.com/rest/posts$",
        answer(None, 201, {"x-restli-id": "urn:li:share:7"}),
    )


def _linkedin_comment(api: Api) -> None:
    # "Comments API" (Create a Comment): 201, the comment's URN in the body and x-restli-id.
    made = {"$URN": "urn:li:comment:(urn:li:share:7,6)", "object": "urn:li:share:7"}
    api.route(
        "POST",
        r".*/api\.linkedin\.com/rest/socialActions/[^/]+/comments$",
        answer(made, 201, {"x-restli-id": "urn:li:comment:(urn:li:share:7,6)"}),
    )


def _linkedin_metrics(api: Api) -> None:
    element = {
        "share": "urn:li:share:7",
        "organizationalEntity": "urn:li:organization:5",
        "totalShareStatistics": {
            "impressionCount": 900,
            "likeCount": 30,
            "commentCount": 4,
            "shareCount": 2,
            "clickCount": 11,
        },
    }
    api.route(
        "GET",
        r".*/api\.linkedin\.com/rest/organizationalEntityShareStatistics$",
        answer({"elements": [element]}),
    )


def _facebook_publish(api: Api) -> None:
    api.route("POST", r".*/graph\.facebook\.com/v[0-9.]+/99/photos$", answer({"id": "ph1"}))
    api.route("POST", r".*/graph\.facebook\.com/v[0-9.]+/99/feed$", answer({"id": "99_1"}))


def _facebook_comment(api: Api) -> None:
    api.route("POST", r".*/graph\.facebook\.com/v[0-9.]+/99_1/comments$", answer({"id": "99_1_5"}))


def _facebook_metrics(api: Api) -> None:
    body = {
        "id": "99_1",
        "reactions": {"data": [], "summary": {"total_count": 17}},
        "comments": {"data": [], "summary": {"total_count": 4}},
        "shares": {"count": 2},
    }
    api.route("GET", r".*/graph\.facebook\.com/v[0-9.]+/99_1$", answer(body))


# The contract's Instagram account signs in with Instagram Login (the kind Some Studio
# renews): everything goes to graph.instagram.com, the account's id is its ``user_id``.
IG = r".*/graph\.instagram\.com/v[0-9.]+"


def _instagram_publish(api: Api) -> None:
    api.route("POST", IG + r"/17/media$", answer({"id": "c1"}))
    finished = {"id": "c1", "status_code": "FINISHED", "status": "FINISHED"}
    api.route("GET", IG + r"/c1$", answer(finished))
    api.route("POST", IG + r"/17/media_publish$", answer({"id": "m9"}))


def _instagram_comment(api: Api) -> None:
    api.route("POST", IG + r"/m9/comments$", answer({"id": "17890"}))


def _instagram_metrics(api: Api) -> None:
    data = [
        {"name": n, "values": [{"value": v}]}
        for n, v in (("views", 50), ("likes", 5), ("comments", 2), ("shares", 1))
    ] + [{"name": "saved", "total_value": {"value": 4}}]
    api.route("GET", IG + r"/m9/insights$", answer({"data": data}))


def _instagram_refresh(status: int) -> Callable[[Api], None]:
    # "Refresh Access Token" (graph.instagram.com/refresh_access_token, no version).
    def routes(api: Api) -> None:
        body: object = {"access_token": "ig-token-2", "token_type": "bearer", "expires_in": 5183944}
        if status != 200:
            body = {"error": {"message": "Error validating access token", "code": 190}}
        api.route("GET", r".*/graph\.instagram\.com/refresh_access_token$", answer(body, status))
        _instagram_publish(api)

    return routes


def _threads_publish(api: Api) -> None:
    api.route("POST", r".*/graph\.threads\.net/.*/threads$", answer({"id": "c1"}))
    finished = {"id": "c1", "status": "FINISHED"}
    api.route("GET", r".*/graph\.threads\.net/(v[0-9.]+/)?c1$", answer(finished))
    api.route("POST", r".*/graph\.threads\.net/.*/threads_publish$", answer({"id": "t1"}))


def _threads_metrics(api: Api) -> None:
    data = [
        {"name": "views", "period": "lifetime", "values": [{"value": 300}]},
        {"name": "likes", "period": "lifetime", "values": [{"value": 12}]},
        {"name": "replies", "total_value": {"value": 3}},
        {"name": "reposts", "values": [{"value": 1}]},
        {"name": "quotes", "values": [{"value": 0}]},
    ]
    api.route("GET", r".*/graph\.threads\.net/(v[0-9.]+/)?t1/insights$", answer({"data": data}))


def _threads_refresh(status: int) -> Callable[[Api], None]:
    def routes(api: Api) -> None:
        body: object = {
            "access_token": "threads-token-2",
            "token_type": "bearer",
            "expires_in": 5183944,
        }
        if status != 200:
            body = {"error": {"message": "Error validating access token", "code": 190}}
        api.route(
            "GET", r".*/graph\.threads\.net/(v[0-9.]+/)?refresh_access_token$", answer(body, status)
        )
        _threads_publish(api)

    return routes


def _pinterest_publish(api: Api) -> None:
    api.route("POST", r".*/api\.pinterest\.com/v5/pins$", answer({"id": "813744226420795884"}, 201))


def _pinterest_token(status: int) -> Callable[[Api], None]:
    # "Generate OAuth access token" (grant_type refresh_token): a new 30-day access token.
    def routes(api: Api) -> None:
        body: object = {
            "access_token": "pina-2",
            "refresh_token": "pinr-2",
            "token_type": "bearer",
            "expires_in": 2592000,
            "scope": "boards:read pins:write",
        }
        if status != 200:
            body = {"code": 1, "message": "Invalid refresh token"}
        api.route("POST", r".*/api\.pinterest\.com/v5/oauth/token$", answer(body, status))
        _pinterest_publish(api)

    return routes


def _pinterest_metrics(api: Api) -> None:
    body = {
        "all": {
            "daily_metrics": [],
            "summary_metrics": {"IMPRESSION": 1200, "SAVE": 31, "TOTAL_COMMENTS": 1},
            "lifetime_metrics": {"TOTAL_COMMENTS": 2, "TOTAL_REACTIONS": 9},
        }
    }
    api.route("GET", r".*/api\.pinterest\.com/v5/pins/813744226420795884/analytics$", answer(body))


def _me(pattern: str, body: object) -> Callable[[Api], None]:
    def routes(api: Api) -> None:
        api.route("GET", pattern, answer(body))

    return routes


def _threads_me(api: Api) -> None:
    # Connecting does not renew (Meta renews only tokens at least 24 h old): no refresh route.
    me = {"id": "77", "username": "kahvila"}
    api.route("GET", r".*/graph\.threads\.net/(v[0-9.]+/)?me$", answer(me))


TOKEN = {"access_token": "contract-token-123456"}
OLD = "1"  # an expiry long past (epoch seconds)
SOON = "9999999999"

CONTRACTS: dict[Network, Contract] = {
    c.network: c
    for c in (
        Contract(
            Network.X,
            account(Network.X, "aurinko", options={"client_id": "my-app-client-id"}),
            {**TOKEN, "refresh_token": "x-refresh-1", "expires_at": SOON},
            _x_publish,
            _x_metrics,
            "1001",
            identify=_me(
                r".*/api\.x\.com/2/users/me$", {"data": {"id": "1", "username": "aurinko"}}
            ),
            handle="@aurinko",
            due_for_renewal={**TOKEN, "refresh_token": "x-refresh-1", "expires_at": OLD},
            renew=_x_token(200),
            refuse_renewal=_x_token(400),
            comment=_x_publish,
        ),
        Contract(
            Network.MASTODON,
            account(Network.MASTODON, "aurinko", instance_url="https://m.example"),
            dict(TOKEN),
            _mastodon_publish,
            _mastodon_metrics,
            "101",
            identify=_me(
                r".*/m\.example/api/v1/accounts/verify_credentials$", {"id": "9", "acct": "aurinko"}
            ),
            handle="@aurinko@m.example",
            metrics_base="https://m.example",
            comment=_mastodon_publish,
        ),
        Contract(
            Network.BLUESKY,
            account(Network.BLUESKY, "aurinko.example", options={"did": DID}),
            {"refresh_jwt": "refresh-jwt-1", "did": DID},
            _bluesky_publish,
            _bluesky_metrics,
            f"at://{DID}/app.bsky.feed.post/3kcontract",
            identify=_me(
                r".*/bsky\.social/xrpc/com\.atproto\.server\.getSession$",
                {"handle": "aurinko.example", "did": DID},
            ),
            handle="@aurinko.example",
            due_for_renewal={"refresh_jwt": "refresh-jwt-1", "did": DID},
            renew=_bluesky_publish,
            refuse_renewal=_bluesky_session(400),
            comment=_bluesky_comment,
        ),
        Contract(
            Network.LINKEDIN,
            account(
                Network.LINKEDIN,
                "Kahvila",
                options={"organization_id": "5", "organization_urn": "urn:li:organization:5"},
            ),
            dict(TOKEN),
            _linkedin_publish,
            _linkedin_metrics,
            "urn:li:share:7",
            identify=_me(r".*/api\.linkedin\.com/v2/userinfo$", {"sub": "abc", "name": "Kahvila"}),
            handle="Kahvila",
            ids=("person_id",),
            comment=_linkedin_comment,
        ),
        Contract(
            Network.FACEBOOK,
            account(Network.FACEBOOK, "Kahvila", options={"page_id": "99"}),
            dict(TOKEN),
            _facebook_publish,
            _facebook_metrics,
            "99_1",
            identify=_me(r".*/graph\.facebook\.com/v[0-9.]+/me$", {"id": "99", "name": "Kahvila"}),
            handle="Kahvila",
            ids=("page_id",),
            comment=_facebook_comment,
        ),
        Contract(
            Network.INSTAGRAM,
            account(
                Network.INSTAGRAM,
                "kahvila",
                options={
                    "ig_login": "instagram",
                    "ig_user_id": "17",
                    "media_base_url": PUBLIC_MEDIA,
                },
            ),
            {**TOKEN, "expires_at": SOON},
            _instagram_publish,
            _instagram_metrics,
            "m9",
            # Instagram Login, "Me": GET graph.instagram.com/{version}/me?fields=user_id,username
            identify=_me(IG + r"/me$", {"user_id": "17", "username": "kahvila", "id": "9"}),
            handle="kahvila",
            ids=("ig_user_id", "ig_login"),
            # Two days left of a 60-day Instagram Login token: due for renewal.
            due_for_renewal={**TOKEN, "expires_at": "__in_two_days__"},
            renew=_instagram_refresh(200),
            refuse_renewal=_instagram_refresh(400),
            comment=_instagram_comment,
        ),
        Contract(
            Network.THREADS,
            account(
                Network.THREADS,
                "kahvila",
                options={"threads_user_id": "77", "media_base_url": PUBLIC_MEDIA},
            ),
            {**TOKEN, "expires_at": SOON},
            _threads_publish,
            _threads_metrics,
            "t1",
            identify=_threads_me,
            handle="kahvila",
            ids=("threads_user_id",),
            # Two days left of a token issued 58 days ago: due for its next 60 days.
            due_for_renewal={**TOKEN, "expires_at": "__in_two_days__"},
            renew=_threads_refresh(200),
            refuse_renewal=_threads_refresh(400),
            comment=_threads_publish,
        ),
        Contract(
            Network.PINTEREST,
            account(
                Network.PINTEREST,
                "keittio",
                options={"board_id": "549755885175", "app_id": "1484362"},
            ),
            dict(TOKEN),
            _pinterest_publish,
            _pinterest_metrics,
            "813744226420795884",
            identify=_me(r".*/api\.pinterest\.com/v5/user_account$", {"username": "keittio"}),
            handle="keittio",
            # A lapsed 30-day access token with its refresh token and the app's secret.
            due_for_renewal={
                **TOKEN,
                "refresh_token": "pinr-1",
                "app_secret": "pin-app-secret",
                "expires_at": OLD,
            },
            renew=_pinterest_token(200),
            refuse_renewal=_pinterest_token(400),
        ),
    )
}
