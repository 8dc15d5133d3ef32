"""TikTok: published by hand (unaudited apps may post privately only)."""

from __future__ import annotations

from somestudio.domain.networks import Network
from somestudio.domain.networks.descriptor import NetworkDescriptor, SignInKind
from somestudio.domain.networks.feed_style import TAGS, FeedStyle, HandleForm, Header

DESCRIPTOR = NetworkDescriptor(
    network=Network.TIKTOK,
    name="TikTok",
    mark="tiktok",
    colour="#111111",
    channel="tiktok",
    sign_in=(SignInKind.NONE,),
    feed=FeedStyle(
        Header.COMPACT,
        HandleForm.AT,
        media_first=True,
        caption_after_name=True,
        linked=TAGS,
        link_cards=False,
    ),
)
