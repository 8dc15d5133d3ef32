"""The built-in Local archive: publishing writes a folder; no network, no sign-in."""

from __future__ import annotations

from somestudio.domain.networks import Network
from somestudio.domain.networks.descriptor import NetworkDescriptor, PublishPace, SignInKind
from somestudio.domain.networks.feed_style import FeedStyle, Header

DESCRIPTOR = NetworkDescriptor(
    network=Network.LOCAL,
    name="Local archive",
    name_is_brand=False,
    colour="#2e7d32",
    sign_in=(SignInKind.FOLDER,),
    # Folder writes wait on the disk (fsync), not on a server's limit: several at once, and
    # many posts per send, made durable together (LocalArchivePublisher.publish_batch).
    publish_pace=PublishPace(parallel=2, claimed=256, batch=32),
    feed=FeedStyle(Header.STACKED, actions=""),
)
