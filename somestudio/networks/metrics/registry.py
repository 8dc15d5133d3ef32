"""Which fetcher serves which network, and where each network's API lives by default."""

from __future__ import annotations

import requests

from somestudio.domain.networks import Network
from somestudio.networks.bluesky.metrics import BlueskyMetrics
from somestudio.networks.linkedin.metrics import LinkedInMetrics
from somestudio.networks.mastodon.metrics import MastodonMetrics
from somestudio.networks.meta.metrics import FacebookMetrics, InstagramMetrics, ThreadsMetrics
from somestudio.networks.meta.publish import GRAPH
from somestudio.networks.metrics.base import AccountRef, HttpFetcher, MetricFetcher
from somestudio.networks.pinterest.metrics import PinterestMetrics
from somestudio.networks.x.metrics import XMetrics

# Mastodon has none: each account names its instance.
DEFAULT_BASE_URLS: dict[Network, str] = {
    Network.X: "https://api.x.com",
    Network.BLUESKY: "https://public.api.bsky.app",
    Network.THREADS: "https://graph.threads.net/v1.0",
    Network.FACEBOOK: GRAPH,
    Network.INSTAGRAM: GRAPH,
    Network.LINKEDIN: "https://api.linkedin.com",
    Network.PINTEREST: "https://api.pinterest.com/v5",
}

_SIMPLE: dict[Network, type[HttpFetcher]] = {
    Network.X: XMetrics,
    Network.MASTODON: MastodonMetrics,
    Network.THREADS: ThreadsMetrics,
    Network.INSTAGRAM: InstagramMetrics,
    Network.FACEBOOK: FacebookMetrics,
    Network.PINTEREST: PinterestMetrics,
}


def supported(network: Network) -> bool:
    return network in _SIMPLE or network in (Network.BLUESKY, Network.LINKEDIN)


def create_fetcher(
    network: Network,
    session: requests.Session,
    base_url: str,
    token: str,
    account: AccountRef,
) -> MetricFetcher:
    if network is Network.BLUESKY:
        return BlueskyMetrics(session, base_url, token, account=account)
    if network is Network.LINKEDIN:
        return LinkedInMetrics(session, base_url, token, account=account)
    cls = _SIMPLE.get(network)
    if cls is None:
        raise ValueError(f"no metrics API for {network.display_name}")
    fetcher: MetricFetcher = cls(session, base_url, token)  # type: ignore[assignment]
    return fetcher
