"""Which publisher serves an account: a registry keyed by publish method and network.

The network clients plug in with ``register_network_publishers`` (``method=API`` per
network); the engine only ever asks ``find(account)``.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import TYPE_CHECKING

from somestudio.domain.networks import Network, PublishMethod
from somestudio.domain.posts import Account
from somestudio.domain.publish_result import Publisher
from somestudio.domain.utc import utc_now

if TYPE_CHECKING:
    from somestudio.networks.http import SessionFactory
    from somestudio.networks.publishing import CredentialStore


class PublisherRegistry:
    def __init__(self) -> None:
        self._exact: dict[tuple[PublishMethod, Network], Publisher] = {}
        self._any_network: dict[PublishMethod, Publisher] = {}

    def register(
        self, publisher: Publisher, *, method: PublishMethod, network: Network | None = None
    ) -> None:
        """Serve accounts with ``method`` on ``network`` (on every network when None)."""
        if network is None:
            self._any_network[method] = publisher
        else:
            self._exact[(method, network)] = publisher

    def find(self, account: Account) -> Publisher | None:
        exact = self._exact.get((account.publish_method, account.network))
        return exact if exact is not None else self._any_network.get(account.publish_method)


def default_publishers(now: Callable[[], datetime] = utc_now) -> PublisherRegistry:
    """The channels that work without any network client: Local archive and by hand."""
    from somestudio.scheduling.local_archive import LocalArchivePublisher  # noqa: PLC0415
    from somestudio.scheduling.manual import ManualPublisher  # noqa: PLC0415

    registry = PublisherRegistry()
    registry.register(
        LocalArchivePublisher(now=now), method=PublishMethod.FOLDER, network=Network.LOCAL
    )
    registry.register(ManualPublisher(), method=PublishMethod.MANUAL)
    return registry


def register_network_publishers(
    registry: PublisherRegistry,
    credentials: CredentialStore,
    *,
    session_factory: SessionFactory | None = None,
    now: Callable[[], datetime] = utc_now,
) -> PublisherRegistry:
    """Add the network clients for ``publish_method='api'`` accounts. TikTok and YouTube have
    none: their accounts publish by hand."""
    # Imported here: requests and the clients load only when an engine is built.
    from somestudio.networks.http import create_session  # noqa: PLC0415
    from somestudio.networks.registry import REGISTRY  # noqa: PLC0415

    factory = session_factory or create_session
    for network, code in REGISTRY.items():
        publisher = code.build_publisher(factory, credentials, now)
        registry.register(publisher, method=PublishMethod.API, network=network)
    return registry
