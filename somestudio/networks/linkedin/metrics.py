"""LinkedIn Pages: ``organizationalEntityShareStatistics`` for a page's posts (impressions,
likes, comments, reshares) and ``networkSizes`` for its followers.

A personal profile's post analytics need permissions most apps do not get; such accounts
are entered by hand or imported from CSV, and the fetcher says so.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any
from urllib.parse import quote

from somestudio.domain.metrics import AccountCounts, PostCounts
from somestudio.networks.linkedin.publish import VERSION, needs_update_error, organization_id_of
from somestudio.networks.metrics.base import (
    AccountRef,
    FetchError,
    FetchErrorKind,
    HttpFetcher,
    PostResults,
    as_int,
    malformed,
)

API_VERSION = VERSION  # the one pinned Linkedin-Version (domain/networks/linkedin.py)


def _restli_list(urns: Sequence[str]) -> str:
    return "List(" + ",".join(quote(u, safe="") for u in urns) + ")"


class LinkedInMetrics(HttpFetcher):
    network_name = "LinkedIn"
    batch_size = 20

    def __init__(self, *args: Any, account: AccountRef | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.account = account or AccountRef(handle="")

    def headers(self) -> dict[str, str]:
        return super().headers() | {
            "Linkedin-Version": API_VERSION,
            "X-Restli-Protocol-Version": "2.0.0",
        }

    def get_json(self, path: str, params: Any = None, *, allow_404: bool = False) -> Any:
        try:
            return super().get_json(path, params, allow_404=allow_404)
        except FetchError as exc:
            if exc.status == 426:  # the pinned version is sunset: nothing to retry
                raise FetchError(
                    FetchErrorKind.FINAL, needs_update_error().reason, status=426
                ) from exc
            raise

    def _organization(self) -> str:
        options = self.account.options
        org = str(options.get("organization_urn") or "")
        if not org and options.get("organization_id"):  # as the connect dialog stores it
            org = "urn:li:organization:" + organization_id_of(str(options["organization_id"]))
        if not org.startswith("urn:li:organization:"):
            raise FetchError(
                FetchErrorKind.FINAL,
                "LinkedIn gives post statistics for Pages only; enter a profile's numbers by "
                "hand or import them from CSV",
            )
        return org

    def fetch_posts(self, remote_ids: Sequence[str]) -> PostResults:
        org = self._organization()
        shares = [r for r in remote_ids if r.startswith("urn:li:share:")]
        ugc = [r for r in remote_ids if not r.startswith("urn:li:share:")]
        # "Organization Share Statistics", https://learn.microsoft.com/en-us/linkedin/marketing/
        # community-management/organizations/share-statistics
        query = f"q=organizationalEntity&organizationalEntity={quote(org, safe='')}"
        if shares:
            query += "&shares=" + _restli_list(shares)
        if ugc:
            query += "&ugcPosts=" + _restli_list(ugc)
        body = self.get_json("/rest/organizationalEntityShareStatistics", query)
        elements = body.get("elements") if isinstance(body, dict) else None
        if not isinstance(elements, list):
            raise malformed("LinkedIn")
        results: PostResults = {}
        for element in elements:
            if not isinstance(element, dict):
                continue
            urn = str(element.get("share") or element.get("ugcPost") or "")
            stats = element.get("totalShareStatistics")
            if urn in remote_ids and isinstance(stats, dict):
                results[urn] = PostCounts(
                    likes=as_int(stats.get("likeCount")),
                    reposts=as_int(stats.get("shareCount")),
                    replies=as_int(stats.get("commentCount")),
                    views=as_int(stats.get("impressionCount")),
                )
        return results

    def fetch_account(self, account: AccountRef) -> AccountCounts:
        del account
        org = quote(self._organization(), safe="")
        # "Organization Follower Count" (networkSizes), https://learn.microsoft.com/en-us/
        # linkedin/marketing/community-management/organizations/follower-statistics
        body = self.get_json(f"/rest/networkSizes/{org}", "edgeType=COMPANY_FOLLOWED_BY_MEMBER")
        if not isinstance(body, dict):
            raise malformed("LinkedIn")
        return AccountCounts(followers=as_int(body.get("firstDegreeSize")))
