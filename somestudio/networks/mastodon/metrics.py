"""Mastodon: a status's ``favourites_count``, ``reblogs_count``, ``replies_count`` and
``quotes_count`` (no views, no public bookmark count); the account's followers, following
and statuses from ``verify_credentials`` (or a public lookup without a token)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from somestudio.domain.metrics import AccountCounts, PostCounts
from somestudio.networks.metrics.base import (
    AccountRef,
    HttpFetcher,
    PostResults,
    as_int,
    malformed,
)


def status_counts(status: dict[str, Any]) -> PostCounts:
    return PostCounts(
        likes=as_int(status.get("favourites_count")),
        reposts=as_int(status.get("reblogs_count")),
        replies=as_int(status.get("replies_count")),
        quotes=as_int(status.get("quotes_count")),
    )


class MastodonMetrics(HttpFetcher):
    network_name = "Mastodon"
    batch_size = 1

    def fetch_posts(self, remote_ids: Sequence[str]) -> PostResults:
        results: PostResults = {}
        for remote_id in remote_ids:
            body = self.get_json(f"/api/v1/statuses/{remote_id}", allow_404=True)
            if body is None:
                results[remote_id] = None
            elif isinstance(body, dict):
                results[remote_id] = status_counts(body)
            else:
                raise malformed("Mastodon")
        return results

    def fetch_account(self, account: AccountRef) -> AccountCounts:
        if self.token:
            body = self.get_json("/api/v1/accounts/verify_credentials")
        else:
            body = self.get_json("/api/v1/accounts/lookup", {"acct": account.handle.lstrip("@")})
        if not isinstance(body, dict):
            raise malformed("Mastodon")
        return AccountCounts(
            followers=as_int(body.get("followers_count")),
            following=as_int(body.get("following_count")),
            posts_count=as_int(body.get("statuses_count")),
        )
