"""Pinterest: ``GET /pins/{pin_id}/analytics`` (the last 90 days, which covers a post's whole
measured life) for impressions, saves, comments and reactions; ``GET /user_account`` for
followers, following and pins. An account whose pins go to the API Sandbox (option
``sandbox``) is asked there: its pins exist nowhere else."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import UTC, date, datetime, timedelta
from typing import Any

from somestudio.domain.metrics import AccountCounts, PostCounts
from somestudio.networks.metrics.base import (
    AccountRef,
    HttpFetcher,
    PostResults,
    as_int,
    malformed,
)
from somestudio.networks.pinterest.publish import API, SANDBOX_API, api_for

METRIC_TYPES = "IMPRESSION,SAVE,TOTAL_COMMENTS,TOTAL_REACTIONS"
WINDOW_DAYS = 90


class PinterestMetrics(HttpFetcher):
    network_name = "Pinterest"
    batch_size = 1

    def __init__(
        self,
        *args: Any,
        today: Callable[[], date] | None = None,
        account: AccountRef | None = None,
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        self.today = today or (lambda: datetime.now(UTC).date())
        if account is not None and self.base_url == API:  # the default: follow the account
            self.base_url = api_for(account.options, API, SANDBOX_API)

    def fetch_posts(self, remote_ids: Sequence[str]) -> PostResults:
        end = self.today()
        start = end - timedelta(days=WINDOW_DAYS - 1)
        results: PostResults = {}
        for pin_id in remote_ids:
            # "Get Pin analytics", https://developers.pinterest.com/docs/api/v5/pins-analytics
            body = self.get_json(
                f"/pins/{pin_id}/analytics",
                {
                    "start_date": start.isoformat(),
                    "end_date": end.isoformat(),
                    "metric_types": METRIC_TYPES,
                },
                allow_404=True,
            )
            if body is None:
                results[pin_id] = None
                continue
            part = body.get("all") if isinstance(body, dict) else None
            if not isinstance(part, dict):
                raise malformed("Pinterest")
            summary = part.get("summary_metrics") or {}
            lifetime = part.get("lifetime_metrics") or {}
            results[pin_id] = PostCounts(
                likes=as_int(lifetime.get("TOTAL_REACTIONS", summary.get("TOTAL_REACTIONS"))),
                replies=as_int(lifetime.get("TOTAL_COMMENTS", summary.get("TOTAL_COMMENTS"))),
                bookmarks=as_int(summary.get("SAVE")),
                views=as_int(summary.get("IMPRESSION")),
            )
        return results

    def fetch_account(self, account: AccountRef) -> AccountCounts:
        del account
        body = self.get_json("/user_account")
        if not isinstance(body, dict):
            raise malformed("Pinterest")
        return AccountCounts(
            followers=as_int(body.get("follower_count")),
            following=as_int(body.get("following_count")),
            posts_count=as_int(body.get("pin_count")),
        )
