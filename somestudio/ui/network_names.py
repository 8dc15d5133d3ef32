"""Channel names as the user reads them: brand names stay, descriptive ones are translated."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from somestudio.domain.networks import Network


def network_name(network: Network) -> str:
    if network is Network.LOCAL:
        return QCoreApplication.translate("Network", "Local archive")
    if network is Network.FACEBOOK:
        return QCoreApplication.translate("Network", "Facebook Page")
    return network.display_name
