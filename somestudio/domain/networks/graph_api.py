"""The one Graph API version Facebook Page and Instagram use (publishing and metrics alike)."""

from __future__ import annotations

from somestudio.domain.networks.descriptor import ApiVersion

# "Graph API Changelog — Versions", Meta for Developers,
# https://developers.facebook.com/docs/graph-api/changelog/versions/ : v26.0 introduced
# July 29, 2026, "Available Until" TBD (v25.0 until July 29, 2028; v21.0 until January 21,
# 2027). Meta's own SDK, facebook-business 26.0.x, targets v26.0. networks/meta/ reads this
# one constant (publishing and metrics). Put the date here once Meta names it; the Accounts
# page and `somestudio doctor` then warn 60 days ahead.
GRAPH_API = ApiVersion(
    "v26.0",
    None,
    "Graph API Changelog, Versions — "
    "https://developers.facebook.com/docs/graph-api/changelog/versions/",
)
