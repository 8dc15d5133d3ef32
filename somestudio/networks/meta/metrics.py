"""Meta's Graph APIs: Threads and Instagram media insights, Facebook Page post fields.

- Threads: ``GET /{media-id}/insights?metric=views,likes,replies,reposts,quotes``; followers
  from ``GET /{user-id}/threads_insights?metric=followers_count``.
- Instagram: ``GET /{media-id}/insights?metric=views,likes,comments,shares,saved``; the
  account's ``followers_count``, ``follows_count``, ``media_count``.
- Facebook Page: reactions, comments and shares of a post from its fields (view counts were
  renamed in Nov 2025 and are not read until confirmed); the Page's ``followers_count``.

Insight values come either as ``values[0].value`` or as ``total_value.value``.

Facebook and Instagram are read on the same Graph API version as they are published
(``domain/networks/graph_api.GRAPH_API``); an Instagram account connected with Instagram Login
is read on graph.instagram.com, one with Facebook Login on graph.facebook.com.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any

from somestudio.domain.metrics import AccountCounts, PostCounts
from somestudio.networks.meta.publish import (
    GRAPH,
    IG_LOGIN,
    INSTAGRAM_GRAPH,
    INSTAGRAM_LOGIN,
)
from somestudio.networks.metrics.base import (
    AccountRef,
    FetchError,
    FetchErrorKind,
    HttpFetcher,
    PostResults,
    as_int,
    malformed,
)

# Where each network's connect flow keeps the account's own id among the account options.
_OWNER_OPTIONS = ("user_id", "ig_user_id", "threads_user_id", "page_id")


def instagram_metrics_base(options: Mapping[str, Any]) -> str:
    """The API root for an Instagram account: Instagram Login accounts live on
    graph.instagram.com, Facebook Login ones on graph.facebook.com (the registry asks)."""
    return INSTAGRAM_GRAPH if options.get(IG_LOGIN) == INSTAGRAM_LOGIN else GRAPH


def insight_values(body: Any) -> dict[str, int | None]:
    data = body.get("data") if isinstance(body, dict) else None
    if not isinstance(data, list):
        raise malformed("the Graph API")
    found: dict[str, int | None] = {}
    for item in data:
        if not isinstance(item, dict):
            continue
        value: Any = None
        total = item.get("total_value")
        values = item.get("values")
        if isinstance(total, dict):
            value = total.get("value")
        elif isinstance(values, list) and values and isinstance(values[-1], dict):
            value = values[-1].get("value")
        found[str(item.get("name"))] = as_int(value)
    return found


def _media_insights(
    fetcher: HttpFetcher,
    media_ids: Sequence[str],
    metrics: str,
    to_counts: Callable[[dict[str, int | None]], PostCounts],
) -> PostResults:
    """One insights request per media (Threads and Instagram); None for a deleted one."""
    results: PostResults = {}
    for media_id in media_ids:
        # Threads: "Threads Insights API", https://developers.facebook.com/docs/threads/insights
        # Instagram: "Instagram Media Insights", https://developers.facebook.com/documentation/
        # instagram-platform/reference/instagram-media/insights (views replaced impressions)
        body = fetcher.get_json(f"/{media_id}/insights", {"metric": metrics}, allow_404=True)
        results[media_id] = None if body is None else to_counts(insight_values(body))
    return results


def _owner_id(account: AccountRef) -> str:
    found = (account.options.get(key) for key in _OWNER_OPTIONS)
    owner = str(next((v for v in found if v), "") or account.remote_id)
    if not owner:
        raise FetchError(FetchErrorKind.FINAL, "the account's id on the network is not known")
    return owner


class ThreadsMetrics(HttpFetcher):
    network_name = "Threads"
    batch_size = 1

    def fetch_posts(self, remote_ids: Sequence[str]) -> PostResults:
        return _media_insights(
            self,
            remote_ids,
            "views,likes,replies,reposts,quotes",
            lambda v: PostCounts(
                likes=v.get("likes"),
                reposts=v.get("reposts"),
                replies=v.get("replies"),
                quotes=v.get("quotes"),
                views=v.get("views"),
            ),
        )

    def fetch_account(self, account: AccountRef) -> AccountCounts:
        # "Threads Insights API", user insights: GET /{threads-user-id}/threads_insights
        # https://developers.facebook.com/docs/threads/insights (needs threads_manage_insights)
        body = self.get_json(
            f"/{_owner_id(account)}/threads_insights", {"metric": "followers_count"}
        )
        return AccountCounts(followers=insight_values(body).get("followers_count"))


class InstagramMetrics(HttpFetcher):
    network_name = "Instagram"
    batch_size = 1

    def fetch_posts(self, remote_ids: Sequence[str]) -> PostResults:
        return _media_insights(
            self,
            remote_ids,
            "views,likes,comments,shares,saved",
            lambda v: PostCounts(
                likes=v.get("likes"),
                reposts=v.get("shares"),
                replies=v.get("comments"),
                bookmarks=v.get("saved"),
                views=v.get("views"),
            ),
        )

    def fetch_account(self, account: AccountRef) -> AccountCounts:
        # "IG User": GET /{ig-user-id}?fields=... on either host
        # https://developers.facebook.com/docs/instagram-platform/instagram-graph-api/reference/ig-user
        body = self.get_json(
            f"/{_owner_id(account)}", {"fields": "followers_count,follows_count,media_count"}
        )
        if not isinstance(body, dict):
            raise malformed("Instagram")
        return AccountCounts(
            followers=as_int(body.get("followers_count")),
            following=as_int(body.get("follows_count")),
            posts_count=as_int(body.get("media_count")),
        )


def _summary_count(body: dict[str, Any], edge: str) -> int | None:
    part = body.get(edge)
    summary = part.get("summary") if isinstance(part, dict) else None
    return as_int(summary.get("total_count")) if isinstance(summary, dict) else None


class FacebookMetrics(HttpFetcher):
    network_name = "Facebook"
    batch_size = 1
    FIELDS = "reactions.summary(total_count).limit(0),comments.summary(total_count).limit(0),shares"

    def fetch_posts(self, remote_ids: Sequence[str]) -> PostResults:
        results: PostResults = {}
        for post_id in remote_ids:
            # "Object Reactions" (reactions.summary(total_count)) on a Page post
            # https://developers.facebook.com/docs/graph-api/reference/object/reactions
            body = self.get_json(f"/{post_id}", {"fields": self.FIELDS}, allow_404=True)
            if body is None:
                results[post_id] = None
                continue
            if not isinstance(body, dict):
                raise malformed("Facebook")
            shares = body.get("shares")
            results[post_id] = PostCounts(
                likes=_summary_count(body, "reactions"),
                replies=_summary_count(body, "comments"),
                # No "shares" field at all means nobody shared it yet.
                reposts=as_int(shares.get("count")) if isinstance(shares, dict) else 0,
            )
        return results

    def fetch_account(self, account: AccountRef) -> AccountCounts:
        # "Page" reference, field followers_count
        # https://developers.facebook.com/docs/graph-api/reference/page/
        body = self.get_json(f"/{_owner_id(account)}", {"fields": "followers_count"})
        if not isinstance(body, dict):
            raise malformed("Facebook")
        return AccountCounts(followers=as_int(body.get("followers_count")))
