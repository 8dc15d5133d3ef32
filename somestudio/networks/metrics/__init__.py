"""Metric fetchers, one module per network: read a post's and an account's counts.

Each fetcher takes an injected ``requests.Session``, a base URL and a token, parses the
network's official response shape into ``PostCounts`` / ``AccountCounts`` and raises
``FetchError`` (retryable, final, auth) on failure. ``fetcher_for`` picks the class.
"""

from __future__ import annotations

from somestudio.networks.metrics.base import (
    AccountRef,
    FetchError,
    FetchErrorKind,
    MetricFetcher,
    PostResults,
)
from somestudio.networks.metrics.registry import DEFAULT_BASE_URLS, create_fetcher, supported

__all__ = [
    "DEFAULT_BASE_URLS",
    "AccountRef",
    "FetchError",
    "FetchErrorKind",
    "MetricFetcher",
    "PostResults",
    "create_fetcher",
    "supported",
]
