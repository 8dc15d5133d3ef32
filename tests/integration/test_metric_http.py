"""Metrics and publishing share one HTTP stack (networks/http.py): the same session factory,
User-Agent, Retry-After parsing and failure mapping, restated as the metric rounds' kinds."""

from __future__ import annotations

import pytest
from pytest_httpserver import HTTPServer

from somestudio.app.metrics import new_session
from somestudio.networks import http
from somestudio.networks.mastodon.metrics import MastodonMetrics
from somestudio.networks.metrics import FetchError, FetchErrorKind
from somestudio.networks.metrics import base as metrics_base


def test_one_parser_of_retry_after() -> None:
    assert metrics_base.retry_after is http.retry_after_seconds


def test_the_metric_session_is_the_publishing_one(httpserver: HTTPServer) -> None:
    session = new_session()
    assert session.headers["User-Agent"] == http.USER_AGENT
    httpserver.expect_request(
        "/api/v1/statuses/1", headers={"User-Agent": http.USER_AGENT}
    ).respond_with_json({"id": "1", "favourites_count": 2})
    counts = MastodonMetrics(session, httpserver.url_for("").rstrip("/")).fetch_posts(["1"])
    assert counts["1"] is not None and counts["1"].likes == 2


def test_a_rate_limit_says_the_servers_wait_in_http_dates_too(httpserver: HTTPServer) -> None:
    # http.py reads an HTTP-date Retry-After; in the past it means "now" (0 s), not None.
    httpserver.expect_request("/api/v1/statuses/1").respond_with_data(
        "", status=429, headers={"Retry-After": "Fri, 01 Jan 2021 00:00:00 GMT"}
    )
    fetcher = MastodonMetrics(new_session(), httpserver.url_for("").rstrip("/"))
    with pytest.raises(FetchError) as caught:
        fetcher.fetch_posts(["1"])
    assert caught.value.kind is FetchErrorKind.RETRYABLE
    assert caught.value.retry_after == 0.0
    assert "Mastodon rate limit reached (HTTP 429)" in str(caught.value)
