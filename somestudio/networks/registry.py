"""Which code serves which network: its publisher, metrics fetcher and connect flow.

One registration per network (the ``NetworkEntry`` lines in ``REGISTRY`` below); the
scheduler's publishers, the metric rounds and the Accounts use cases all look networks up
here, and the network's descriptor (``domain/networks/<name>.py``) says what it can do.
Networks with no entry (TikTok, YouTube, the Local archive) have no API client: they publish
by hand or into a folder. A test checks that exactly the networks whose descriptor has an API
sign-in are registered, and tests/networks/test_contract.py runs over every entry.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import datetime
from types import MappingProxyType
from typing import Any

import requests

from somestudio.domain.networks import Network
from somestudio.domain.networks.descriptor import NetworkDescriptor
from somestudio.domain.publish_result import Publisher
from somestudio.domain.utc import utc_now
from somestudio.networks.bluesky import connect as bluesky_connect
from somestudio.networks.bluesky.metrics import BlueskyMetrics
from somestudio.networks.bluesky.publish import BlueskyPublisher
from somestudio.networks.connect import Identify
from somestudio.networks.http import SessionFactory
from somestudio.networks.linkedin import connect as linkedin_connect
from somestudio.networks.linkedin.metrics import LinkedInMetrics
from somestudio.networks.linkedin.publish import API as LINKEDIN_API
from somestudio.networks.linkedin.publish import LinkedInPublisher
from somestudio.networks.mastodon import connect as mastodon_connect
from somestudio.networks.mastodon.metrics import MastodonMetrics
from somestudio.networks.mastodon.publish import MastodonPublisher
from somestudio.networks.meta import connect as meta_connect
from somestudio.networks.meta.metrics import (
    FacebookMetrics,
    InstagramMetrics,
    ThreadsMetrics,
    instagram_metrics_base,
)
from somestudio.networks.meta.publish import (
    GRAPH,
    THREADS,
    FacebookPublisher,
    InstagramPublisher,
    ThreadsPublisher,
)
from somestudio.networks.metrics.base import AccountRef, MetricFetcher
from somestudio.networks.pinterest import connect as pinterest_connect
from somestudio.networks.pinterest.metrics import PinterestMetrics
from somestudio.networks.pinterest.publish import API as PINTEREST_API
from somestudio.networks.pinterest.publish import PinterestPublisher
from somestudio.networks.publishing import ApiPublisher, CredentialStore, MarksReconnect
from somestudio.networks.x import connect as x_connect
from somestudio.networks.x.metrics import XMetrics
from somestudio.networks.x.publish import API as X_API
from somestudio.networks.x.publish import XPublisher


@dataclass(frozen=True, slots=True)
class NetworkEntry:
    """One network's code. ``publisher`` is the publisher class (built with a session
    factory and the credential store; ``takes_clock`` when it also takes ``now``);
    ``fetcher`` the metrics class (``fetcher_takes_account`` when it needs the account to ask
    about); ``metrics_base`` the metric API's default address ("" where each account names
    it: a Mastodon instance); ``identify`` the connect flow's "whose sign-in is this"."""

    network: Network
    publisher: Callable[..., ApiPublisher]
    fetcher: type[Any]
    metrics_base: str
    identify: Identify
    takes_clock: bool = False
    fetcher_takes_account: bool = False
    # The metric API's address for one account when its sign-in decides it (an Instagram
    # account with Instagram Login is read on graph.instagram.com); None: ``metrics_base``.
    metrics_base_for: Callable[[Mapping[str, Any]], str] | None = None
    # Whether this account's sign-in renews, where the descriptor's "renews" depends on the
    # account (its options, its keyring bundle); None: as the descriptor says.
    renews_for: Callable[[Mapping[str, object], Mapping[str, str]], bool] | None = None

    @property
    def descriptor(self) -> NetworkDescriptor:
        return self.network.descriptor

    def build_publisher(
        self,
        session_factory: SessionFactory,
        credentials: CredentialStore,
        now: Callable[[], datetime] = utc_now,
    ) -> Publisher:
        if self.takes_clock:
            inner = self.publisher(session_factory, credentials, now=now)
        else:
            inner = self.publisher(session_factory, credentials)
        return MarksReconnect(inner)

    def metrics_address(self, options: Mapping[str, Any]) -> str:
        """Where this account's metrics are read by default."""
        if self.metrics_base_for is not None:
            return self.metrics_base_for(options)
        return self.metrics_base

    def build_fetcher(
        self, session: requests.Session, base_url: str, token: str, account: AccountRef
    ) -> MetricFetcher:
        if self.fetcher_takes_account:
            fetcher: MetricFetcher = self.fetcher(session, base_url, token, account=account)
        else:
            fetcher = self.fetcher(session, base_url, token)
        return fetcher


def _entries(*entries: NetworkEntry) -> Mapping[Network, NetworkEntry]:
    found: dict[Network, NetworkEntry] = {}
    for entry in entries:
        if entry.network in found:
            raise ValueError(f"{entry.network} is registered twice")
        found[entry.network] = entry
    return MappingProxyType(found)


# fmt: off
REGISTRY: Mapping[Network, NetworkEntry] = _entries(
    NetworkEntry(Network.BLUESKY, BlueskyPublisher, BlueskyMetrics, "https://public.api.bsky.app", bluesky_connect.identify, takes_clock=True, fetcher_takes_account=True),  # noqa: E501
    NetworkEntry(Network.MASTODON, MastodonPublisher, MastodonMetrics, "", mastodon_connect.identify, takes_clock=True),  # noqa: E501
    NetworkEntry(Network.X, XPublisher, XMetrics, X_API, x_connect.identify),
    NetworkEntry(Network.LINKEDIN, LinkedInPublisher, LinkedInMetrics, LINKEDIN_API, linkedin_connect.identify, fetcher_takes_account=True),  # noqa: E501
    NetworkEntry(Network.FACEBOOK, FacebookPublisher, FacebookMetrics, GRAPH, meta_connect.identify_facebook, takes_clock=True),  # noqa: E501
    NetworkEntry(Network.INSTAGRAM, InstagramPublisher, InstagramMetrics, GRAPH, meta_connect.identify_instagram, metrics_base_for=instagram_metrics_base, renews_for=meta_connect.renews),  # noqa: E501
    NetworkEntry(Network.THREADS, ThreadsPublisher, ThreadsMetrics, THREADS, meta_connect.identify_threads),  # noqa: E501
    NetworkEntry(Network.PINTEREST, PinterestPublisher, PinterestMetrics, PINTEREST_API, pinterest_connect.identify, fetcher_takes_account=True, renews_for=pinterest_connect.renews),  # noqa: E501
)
# fmt: on


def entry(network: Network) -> NetworkEntry | None:
    """The network's code, or None when it has no API client."""
    return REGISTRY.get(network)
