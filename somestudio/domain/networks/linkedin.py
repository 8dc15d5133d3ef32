"""LinkedIn: a pasted 60-day token (no refresh for most apps), Linkedin-Version pinned."""

from __future__ import annotations

from datetime import date, timedelta

from somestudio.domain.networks import Network
from somestudio.domain.networks.descriptor import (
    ApiVersion,
    Budget,
    NetworkDescriptor,
    SignInKind,
    TokenPolicy,
)

# "Marketing API migrations", LinkedIn (Microsoft Learn),
# https://learn.microsoft.com/en-us/linkedin/marketing/integrations/migrations :
# version 202603 (March 2026) is sunset on March 16, 2027; a sunset version answers HTTP 426.
API_VERSION = ApiVersion(
    "202603",
    date(2027, 3, 16),
    "Marketing API migrations — "
    "https://learn.microsoft.com/en-us/linkedin/marketing/integrations/migrations",
)

DESCRIPTOR = NetworkDescriptor(
    network=Network.LINKEDIN,
    name="LinkedIn",
    monogram="in",
    colour="#0a66c2",
    channel="linkedin",
    sign_in=(SignInKind.TOKEN,),
    token=TokenPolicy(
        lifetime_days=60,
        renews=False,
        renewal="none: reconnect before expiry",
        pasted_lifetime_days=60,
    ),
    first_comment=True,
    metrics=frozenset({"likes", "reposts", "replies", "views"}),
    metrics_budget=Budget(100, timedelta(days=1), 20),  # share statistics, shares[] list
    api_version=API_VERSION,
)
