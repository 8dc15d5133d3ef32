"""Bluesky: ``app.bsky.feed.getPosts`` (up to 25 AT-URIs) for like, repost, reply, quote
and bookmark counts; ``app.bsky.actor.getProfile`` for followers, follows and posts.

Both are public AppView queries: no token is needed, and the base URL is the AppView's.
A URI missing from the answer is a post that no longer exists.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from somestudio.domain.metrics import AccountCounts, PostCounts
from somestudio.networks.metrics.base import (
    AccountRef,
    HttpFetcher,
    PostResults,
    as_int,
    malformed,
)

POST_COLLECTION = "app.bsky.feed.post"
APPVIEW = "https://public.api.bsky.app"


def metrics_base(options: Mapping[str, Any]) -> str:
    """The AppView an account's numbers are read from: its ``appview_url`` option (a test
    network, a self-hosted AppView), else Bluesky's public one (the registry asks)."""
    appview = options.get("appview_url")
    return appview if isinstance(appview, str) and appview else APPVIEW


def post_uri(remote_id: str, account: AccountRef) -> str:
    """The AT-URI of a post: stored as such, or a record key under the account's DID."""
    if remote_id.startswith("at://"):
        return remote_id
    owner = str(account.options.get("did") or account.remote_id or account.handle)
    return f"at://{owner}/{POST_COLLECTION}/{remote_id}"


def view_counts(view: dict[str, Any]) -> PostCounts:
    return PostCounts(
        likes=as_int(view.get("likeCount")),
        reposts=as_int(view.get("repostCount")),
        replies=as_int(view.get("replyCount")),
        quotes=as_int(view.get("quoteCount")),
        bookmarks=as_int(view.get("bookmarkCount")),
    )


class BlueskyMetrics(HttpFetcher):
    network_name = "Bluesky"
    batch_size = 25

    def __init__(self, *args: Any, account: AccountRef | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.account = account or AccountRef(handle="")

    def fetch_posts(self, remote_ids: Sequence[str]) -> PostResults:
        uris = {post_uri(r, self.account): r for r in remote_ids}
        body = self.get_json("/xrpc/app.bsky.feed.getPosts", [("uris", u) for u in uris])
        posts = body.get("posts") if isinstance(body, dict) else None
        if not isinstance(posts, list):
            raise malformed("Bluesky")
        found: PostResults = {}
        by_uri = {str(p.get("uri")): p for p in posts if isinstance(p, dict)}
        # The AppView answers with the DID form of a URI asked for by handle: match on the
        # record key too.
        by_rkey = {uri.rsplit("/", 1)[-1]: p for uri, p in by_uri.items()}
        for uri, remote_id in uris.items():
            view = by_uri.get(uri) or by_rkey.get(uri.rsplit("/", 1)[-1])
            found[remote_id] = view_counts(view) if view is not None else None
        return found

    def fetch_account(self, account: AccountRef) -> AccountCounts:
        actor = str(account.options.get("did") or account.remote_id or account.handle)
        body = self.get_json("/xrpc/app.bsky.actor.getProfile", {"actor": actor})
        if not isinstance(body, dict):
            raise malformed("Bluesky")
        return AccountCounts(
            followers=as_int(body.get("followersCount")),
            following=as_int(body.get("followsCount")),
            posts_count=as_int(body.get("postsCount")),
        )
