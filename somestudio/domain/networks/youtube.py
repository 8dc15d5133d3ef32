"""YouTube: published by hand."""

from __future__ import annotations

from somestudio.domain.networks import Network
from somestudio.domain.networks.descriptor import NetworkDescriptor, SignInKind
from somestudio.domain.networks.feed_style import FeedStyle, Header

DESCRIPTOR = NetworkDescriptor(
    network=Network.YOUTUBE,
    name="YouTube",
    mark="youtube",
    colour="#ff0033",
    channel="youtube",
    sign_in=(SignInKind.NONE,),
    feed=FeedStyle(Header.STACKED, actions="Like · Comment", see_more="… Read more"),
)
