"""What the metric fetchers share (``base``); each network's fetcher is its package's
``metrics`` module (``networks/<name>/metrics.py``), found through ``networks.registry``.

Each fetcher takes an injected ``requests.Session``, a base URL and a token, parses the
network's official response shape into ``PostCounts`` / ``AccountCounts`` and raises
``FetchError`` (retryable, final, auth) on failure.
"""

from __future__ import annotations

from somestudio.networks.metrics.base import (
    AccountRef,
    FetchError,
    FetchErrorKind,
    MetricFetcher,
    PostResults,
)

__all__ = [
    "AccountRef",
    "FetchError",
    "FetchErrorKind",
    "MetricFetcher",
    "PostResults",
]
