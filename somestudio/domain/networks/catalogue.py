"""Every network's descriptor, in the order people are offered them; the one list of networks.

``descriptor(network)`` is the way in. A test checks that each ``Network`` member has exactly
one descriptor here, and that nothing in app/, commands/ or ui/ lists networks by hand.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from types import MappingProxyType

from somestudio.domain.networks import (
    Network,
    bluesky,
    facebook,
    instagram,
    linkedin,
    local,
    mastodon,
    pinterest,
    threads,
    tiktok,
    x,
    youtube,
)
from somestudio.domain.networks.descriptor import ApiVersion, NetworkDescriptor, SignInKind

# The one dict (a test adds a network to it for a moment); everyone reads DESCRIPTORS.
_DESCRIBED: dict[Network, NetworkDescriptor] = {
    d.network: d
    for d in (
        bluesky.DESCRIPTOR,
        mastodon.DESCRIPTOR,
        x.DESCRIPTOR,
        linkedin.DESCRIPTOR,
        facebook.DESCRIPTOR,
        instagram.DESCRIPTOR,
        threads.DESCRIPTOR,
        pinterest.DESCRIPTOR,
        tiktok.DESCRIPTOR,
        youtube.DESCRIPTOR,
        local.DESCRIPTOR,
    )
}
DESCRIPTORS: Mapping[Network, NetworkDescriptor] = MappingProxyType(_DESCRIBED)


def descriptor(network: Network) -> NetworkDescriptor:
    return DESCRIPTORS[network]


def connectable() -> tuple[Network, ...]:
    """Networks an account can be added for from the Accounts page (all but the archive)."""
    return tuple(n for n, d in DESCRIPTORS.items() if d.network is not Network.LOCAL)


def folder_archive() -> Network:
    """The built-in destination that publishes into a folder (the Local archive)."""
    return next(n for n, d in DESCRIPTORS.items() if SignInKind.FOLDER in d.sign_in)


def with_api() -> tuple[Network, ...]:
    return tuple(n for n, d in DESCRIPTORS.items() if d.has_api)


def by_hand_only() -> tuple[Network, ...]:
    return tuple(n for n, d in DESCRIPTORS.items() if d.by_hand_only)


@dataclass(frozen=True, slots=True)
class AgeingVersion:
    """A pinned API version within the warning time of its sunset (``ended``: past it)."""

    network: Network
    version: ApiVersion
    sunset: date
    ended: bool


def ageing_versions(
    networks: set[Network] | frozenset[Network], today: date
) -> list[AgeingVersion]:
    """The pinned API versions among ``networks`` within the warning time of their sunset,
    in the descriptors' order."""
    found = []
    for network, d in DESCRIPTORS.items():
        version = d.api_version
        if network not in networks or version is None or version.sunset is None:
            continue
        if version.warns(today):
            found.append(AgeingVersion(network, version, version.sunset, today >= version.sunset))
    return found
