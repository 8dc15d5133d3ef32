"""The one Graph API version Facebook Page and Instagram use (publishing and metrics alike)."""

from __future__ import annotations

from datetime import date

from somestudio.domain.networks.descriptor import ApiVersion

# "Graph API changelog — Versions", Meta for Developers,
# https://developers.facebook.com/docs/graph-api/changelog/versions/ :
# v25.0 released February 18, 2026, available until July 29, 2028 (v21.0 ends January 21, 2027).
# PLACEHOLDER for the merge: the net-meta branch picks the Graph version; put its name and
# documented end date here (one constant for every Meta client and metric fetcher).
GRAPH_API = ApiVersion(
    "v25.0",
    date(2028, 7, 29),
    "Graph API changelog, Versions — https://developers.facebook.com/docs/graph-api/changelog/versions/",
)
