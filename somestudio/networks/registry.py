"""Which code serves which network: its publisher, metrics fetcher and connect flows (the
connect form's sign-in, the browser sign-in, testing a sign-in, lists a form loads).

One registration per network (the ``NetworkEntry`` lines in ``REGISTRY`` below); the
scheduler's publishers, the metric rounds and the Accounts use cases all look networks up
here, and the network's descriptor (``domain/networks/<name>.py``) says what it can do.
Networks with no entry (TikTok, YouTube, the Local archive) have no API client: they publish
by hand or into a folder. A test checks that exactly the networks whose descriptor has an API
sign-in are registered, and tests/networks/test_contract.py runs over every entry.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
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
from somestudio.networks.bluesky.metrics import metrics_base as bluesky_metrics_base
from somestudio.networks.bluesky.publish import BlueskyPublisher
from somestudio.networks.connect import (
    BrowserFlow,
    CheckFlow,
    ChoiceLoader,
    Identify,
    SignInFlow,
    by_token,
    check_by_identify,
)
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
    # The connect flows (networks/connect.py). ``sign_in``: the form's Connect button (None:
    # a pasted token named by ``identify``); ``browser``: the system browser's sign-in, for a
    # descriptor that offers it; ``check``: testing a stored sign-in (None: by ``identify``);
    # ``loaders``: the lists a form's LOADED fields offer, by field key.
    sign_in: SignInFlow | None = None
    browser: BrowserFlow | None = None
    check: CheckFlow | None = None
    loaders: Mapping[str, ChoiceLoader] = field(default_factory=dict)

    @property
    def descriptor(self) -> NetworkDescriptor:
        return self.network.descriptor

    @property
    def connect_flow(self) -> SignInFlow:
        return self.sign_in if self.sign_in is not None else by_token(self.identify)

    @property
    def check_flow(self) -> CheckFlow:
        return self.check if self.check is not None else check_by_identify(self.identify)

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


def _entries(*entries: NetworkEntry) -> dict[Network, NetworkEntry]:
    found: dict[Network, NetworkEntry] = {}
    for entry in entries:
        if entry.network in found:
            raise ValueError(f"{entry.network} is registered twice")
        found[entry.network] = entry
    return found


# fmt: off
_REGISTERED = _entries(
    NetworkEntry(Network.BLUESKY, BlueskyPublisher, BlueskyMetrics, "https://public.api.bsky.app", bluesky_connect.identify, takes_clock=True, fetcher_takes_account=True, metrics_base_for=bluesky_metrics_base, sign_in=bluesky_connect.sign_in, check=bluesky_connect.check),  # noqa: E501
    NetworkEntry(Network.MASTODON, MastodonPublisher, MastodonMetrics, "", mastodon_connect.identify, takes_clock=True, sign_in=mastodon_connect.sign_in, browser=mastodon_connect.browser, check=mastodon_connect.check),  # noqa: E501
    NetworkEntry(Network.X, XPublisher, XMetrics, X_API, x_connect.identify, browser=x_connect.browser),  # noqa: E501
    NetworkEntry(Network.LINKEDIN, LinkedInPublisher, LinkedInMetrics, LINKEDIN_API, linkedin_connect.identify, fetcher_takes_account=True, check=linkedin_connect.check),  # noqa: E501
    NetworkEntry(Network.FACEBOOK, FacebookPublisher, FacebookMetrics, GRAPH, meta_connect.identify_facebook, takes_clock=True),  # noqa: E501
    NetworkEntry(Network.INSTAGRAM, InstagramPublisher, InstagramMetrics, GRAPH, meta_connect.identify_instagram, metrics_base_for=instagram_metrics_base, renews_for=meta_connect.renews),  # noqa: E501
    NetworkEntry(Network.THREADS, ThreadsPublisher, ThreadsMetrics, THREADS, meta_connect.identify_threads),  # noqa: E501
    NetworkEntry(Network.PINTEREST, PinterestPublisher, PinterestMetrics, PINTEREST_API, pinterest_connect.identify, fetcher_takes_account=True, renews_for=pinterest_connect.renews, loaders={"board": pinterest_connect.boards}),  # noqa: E501
)
# fmt: on
REGISTRY: Mapping[Network, NetworkEntry] = MappingProxyType(_REGISTERED)


def entry(network: Network) -> NetworkEntry | None:
    """The network's code, or None when it has no API client."""
    return REGISTRY.get(network)
