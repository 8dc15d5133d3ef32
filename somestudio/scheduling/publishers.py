"""Which publisher serves an account: a registry keyed by publish method and network.

Issue 5's network clients plug in here (``register(client, method=API, network=MASTODON)``);
the engine only ever asks ``find(account)``.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from somestudio.domain.networks import Network, PublishMethod
from somestudio.domain.posts import Account
from somestudio.domain.publish_result import Publisher
from somestudio.domain.utc import utc_now


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
