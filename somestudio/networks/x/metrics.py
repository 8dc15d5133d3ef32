"""X: ``GET /2/tweets?ids=…`` (up to 100) with ``public_metrics``; the user's own
``public_metrics`` from ``/2/users/me`` (or ``/2/users/{id}``)."""

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

# The field-selection parameters as named in X's own OpenAPI document (2.167, in
# shared/reference/openapi/x.json) and as X's official Python SDK `xdk` 0.10.6 sends them:
# "post.fields". Some docs.x.com pages still show the older "tweet.fields"; we keep what X's
# own SDK sends. ("Get Posts by IDs", GET /2/tweets, https://docs.x.com/x-api/posts/
# get-posts-by-ids; "Get User by ID", https://docs.x.com/x-api/users/get-user-by-id)
POST_FIELDS_PARAM = "post.fields"
USER_FIELDS_PARAM = "user.fields"
# Errors that mean the post is not there for us any more (deleted, or its author protected
# or suspended): stop asking.
_GONE_TYPES = ("resource-not-found", "not-authorized-for-resource")


def post_counts(metrics: Mapping[str, Any]) -> PostCounts:
    return PostCounts(
        likes=as_int(metrics.get("like_count")),
        reposts=as_int(metrics.get("repost_count", metrics.get("retweet_count"))),
        replies=as_int(metrics.get("reply_count")),
        quotes=as_int(metrics.get("quote_count")),
        bookmarks=as_int(metrics.get("bookmark_count")),
        views=as_int(metrics.get("impression_count")),
    )


class XMetrics(HttpFetcher):
    network_name = "X"
    batch_size = 100

    def fetch_posts(self, remote_ids: Sequence[str]) -> PostResults:
        body = self.get_json(
            "/2/tweets", {"ids": ",".join(remote_ids), POST_FIELDS_PARAM: "public_metrics"}
        )
        if not isinstance(body, dict):
            raise malformed("X")
        results: PostResults = {}
        for item in body.get("data") or []:
            metrics = item.get("public_metrics") if isinstance(item, dict) else None
            if isinstance(metrics, dict) and str(item.get("id", "")) in remote_ids:
                results[str(item["id"])] = post_counts(metrics)
        for error in body.get("errors") or []:
            if not isinstance(error, dict):
                continue
            resource = str(error.get("resource_id") or error.get("value") or "")
            kind = str(error.get("type", ""))
            if resource in remote_ids and any(t in kind for t in _GONE_TYPES):
                results.setdefault(resource, None)
        return results

    def fetch_account(self, account: AccountRef) -> AccountCounts:
        path = f"/2/users/{account.remote_id}" if account.remote_id else "/2/users/me"
        body = self.get_json(path, {USER_FIELDS_PARAM: "public_metrics"})
        data = body.get("data") if isinstance(body, dict) else None
        metrics = data.get("public_metrics") if isinstance(data, dict) else None
        if not isinstance(metrics, dict):
            raise malformed("X")
        return AccountCounts(
            followers=as_int(metrics.get("followers_count")),
            following=as_int(metrics.get("following_count")),
            posts_count=as_int(metrics.get("post_count", metrics.get("tweet_count"))),
        )
