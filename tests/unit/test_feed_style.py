"""Handles are written as each network's feed writes them, from its descriptor's feed style."""

from __future__ import annotations

import pytest

from somestudio.domain.networks import Network
from somestudio.domain.networks.catalogue import descriptor
from somestudio.domain.networks.feed_style import shown_handle


@pytest.mark.parametrize(
    ("network", "handle", "instance", "shown"),
    [
        (Network.X, "@kahvila", "", "@kahvila"),
        (Network.THREADS, "kahvila", "", "@kahvila"),
        (Network.MASTODON, "kahvila", "https://mastodon.social", "@kahvila@mastodon.social"),
        (Network.MASTODON, "@kahvila@toot.fi", "https://mastodon.social", "@kahvila@toot.fi"),
        (Network.BLUESKY, "kahvila", "", "@kahvila.bsky.social"),
        (Network.BLUESKY, "kahvila.fi", "", "@kahvila.fi"),
        (Network.INSTAGRAM, "@kahvila", "", "kahvila"),
        (Network.LINKEDIN, "kahvila", "", ""),
        (Network.X, "  ", "", ""),
    ],
)
def test_each_network_writes_handles_its_own_way(
    network: Network, handle: str, instance: str, shown: str
) -> None:
    assert shown_handle(descriptor(network).feed, handle, instance) == shown


def test_picture_networks_put_media_first_and_show_no_link_cards() -> None:
    for network in (Network.INSTAGRAM, Network.TIKTOK, Network.PINTEREST):
        feed = descriptor(network).feed
        assert feed.media_first and not feed.link_cards
    assert descriptor(Network.BLUESKY).feed.link_cards
