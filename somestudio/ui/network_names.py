"""Channel names as the user reads them: brand names stay, descriptive ones are translated."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from somestudio.domain.networks import Network


def _translated(name: str) -> str:
    # The descriptors' descriptive names (``name_is_brand=False``), each a literal for lupdate;
    # a test checks that every such descriptor's name is here.
    return {
        "Local archive": QCoreApplication.translate("Network", "Local archive"),
        "Facebook Page": QCoreApplication.translate("Network", "Facebook Page"),
    }.get(name, name)


def network_name(network: Network) -> str:
    descriptor = network.descriptor
    return descriptor.name if descriptor.name_is_brand else _translated(descriptor.name)


def network_of_label(text: str) -> Network | None:
    """The network an account label built as "<network name> · <account>" names, if any."""
    for network in Network:
        if text.startswith(f"{network_name(network)} · "):
            return network
    return None
