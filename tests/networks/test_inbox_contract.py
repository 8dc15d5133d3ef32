"""The inbox part of the network contract, over ``networks.registry``: a network's
descriptor promises an inbox exactly when its publisher can read one (``InboxReader``), the
entries it promises are kinds the inbox knows, and only networks whose publisher answers a
post (``Commenter``) promise entries that take an answer."""

from __future__ import annotations

import pytest

from somestudio.domain.first_comment import as_commenter
from somestudio.domain.inbox.items import InboxKind
from somestudio.domain.inbox.reading import as_reader
from somestudio.domain.networks import Network
from somestudio.networks.http import create_session
from somestudio.networks.registry import REGISTRY
from tests.networks.support import MemoryCredentials

REGISTERED = sorted(REGISTRY, key=lambda n: n.value)


@pytest.mark.parametrize("network", REGISTERED, ids=lambda n: n.value)
def test_an_inbox_is_promised_exactly_where_the_publisher_reads_one(network: Network) -> None:
    publisher = REGISTRY[network].build_publisher(create_session, MemoryCredentials())
    capability = network.descriptor.inbox
    assert (capability is not None) == (as_reader(publisher) is not None)
    if capability is None:
        return
    kinds = {InboxKind(k) for k in capability.kinds}
    if any(k.answerable for k in kinds):
        assert as_commenter(publisher) is not None  # an answer goes out as a reply
    assert capability.endpoint and capability.budget.batch > 0


def test_the_networks_of_issue_16_first_part_read_an_inbox() -> None:
    readers = {n for n in REGISTERED if n.descriptor.inbox is not None}
    assert readers == {
        Network.MASTODON,
        Network.BLUESKY,
        Network.THREADS,
        Network.FACEBOOK,
        Network.INSTAGRAM,
        Network.X,
    }
    # Only X bills reads: read only when the user turns it on.
    assert {n for n in readers if n.descriptor.inbox and n.descriptor.inbox.opt_in} == {Network.X}
