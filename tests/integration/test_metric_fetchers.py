"""Each network's metric fetcher against a real HTTP server on 127.0.0.1: the official
response shapes parsed, and failures (429, 5xx, 401, timeouts, refused connections, bad
JSON, deleted posts) mapped to retryable, final, auth or gone."""

from __future__ import annotations

import json
import socket
import time
from datetime import date

import pytest
import requests
from pytest_httpserver import HTTPServer
from werkzeug import Request, Response

from somestudio.domain.metrics import AccountCounts, PostCounts
from somestudio.networks.bluesky.metrics import BlueskyMetrics
from somestudio.networks.linkedin.metrics import LinkedInMetrics
from somestudio.networks.mastodon.metrics import MastodonMetrics
from somestudio.networks.meta.metrics import FacebookMetrics, InstagramMetrics, ThreadsMetrics
from somestudio.networks.metrics import AccountRef, FetchError, FetchErrorKind
from somestudio.networks.metrics.base import retry_after
from somestudio.networks.pinterest.metrics import PinterestMetrics
from somestudio.networks.x.metrics import XMetrics


@pytest.fixture(scope="session")
def httpserver_listen_address() -> tuple[str, int]:
    return ("127.0.0.1", 0)


@pytest.fixture
def session():
    with requests.Session() as s:
        yield s


def base(server: HTTPServer) -> str:
    return server.url_for("").rstrip("/")


def x_metrics(like: int) -> dict[str, int]:
    return {
        "like_count": like,
        "repost_count": 2,
        "reply_count": 3,
        "quote_count": 4,
        "bookmark_count": 5,
        "impression_count": 600,
    }


def test_x_reads_public_metrics_and_deleted_posts(httpserver: HTTPServer, session) -> None:
    httpserver.expect_request(
        "/2/tweets",
        query_string={"ids": "11,12,13", "post.fields": "public_metrics"},
        headers={"Authorization": "Bearer tok"},
    ).respond_with_json(
        {
            "data": [{"id": "11", "text": "a", "public_metrics": x_metrics(7)}],
            "errors": [
                {
                    "resource_id": "12",
                    "type": "https://api.twitter.com/2/problems/resource-not-found",
                    "title": "Not Found Error",
                }
            ],
        }
    )
    httpserver.expect_request("/2/users/me").respond_with_json(
        {
            "data": {
                "id": "1",
                "public_metrics": {
                    "followers_count": 120,
                    "following_count": 40,
                    "tweet_count": 900,
                    "listed_count": 1,
                },
            }
        }
    )
    fetcher = XMetrics(session, base(httpserver), "tok")
    results = fetcher.fetch_posts(["11", "12", "13"])
    assert results == {"11": PostCounts(7, 2, 3, 4, 5, 600), "12": None}  # 13: unknown
    assert fetcher.fetch_account(AccountRef("me")) == AccountCounts(120, 40, 900)


def test_x_rate_limit_is_retryable_at_the_reset(httpserver: HTTPServer, session) -> None:
    reset = int(time.time()) + 120
    httpserver.expect_request("/2/tweets").respond_with_json(
        {"title": "Too Many Requests"},
        status=429,
        headers={"x-rate-limit-reset": str(reset), "x-rate-limit-remaining": "0"},
    )
    with pytest.raises(FetchError) as caught:
        XMetrics(session, base(httpserver), "tok").fetch_posts(["1"])
    assert caught.value.kind is FetchErrorKind.RETRYABLE
    assert caught.value.status == 429
    assert caught.value.retry_after is not None and 100 < caught.value.retry_after <= 120


def status(likes: int) -> dict[str, object]:
    return {
        "id": "1",
        "favourites_count": likes,
        "reblogs_count": 2,
        "replies_count": 1,
        "quotes_count": 0,
    }


def test_mastodon_status_counts_gone_and_account(httpserver: HTTPServer, session) -> None:
    httpserver.expect_request("/api/v1/statuses/100").respond_with_json(status(9))
    httpserver.expect_request("/api/v1/statuses/101").respond_with_json(
        {"error": "Record not found"}, status=404
    )
    httpserver.expect_request(
        "/api/v1/accounts/verify_credentials", headers={"Authorization": "Bearer t"}
    ).respond_with_json({"followers_count": 50, "following_count": 5, "statuses_count": 77})
    fetcher = MastodonMetrics(session, base(httpserver), "t")
    assert fetcher.fetch_posts(["100", "101"]) == {
        "100": PostCounts(likes=9, reposts=2, replies=1, quotes=0),
        "101": None,
    }
    assert fetcher.fetch_account(AccountRef("@me")) == AccountCounts(50, 5, 77)


def test_mastodon_without_token_looks_the_account_up(httpserver: HTTPServer, session) -> None:
    httpserver.expect_request(
        "/api/v1/accounts/lookup", query_string={"acct": "aurinko"}
    ).respond_with_json({"followers_count": 3, "following_count": 2, "statuses_count": 1})
    assert MastodonMetrics(session, base(httpserver)).fetch_account(
        AccountRef("@aurinko")
    ) == AccountCounts(3, 2, 1)


@pytest.mark.parametrize(
    ("status_code", "kind"),
    [
        (401, FetchErrorKind.AUTH),
        (403, FetchErrorKind.AUTH),
        (422, FetchErrorKind.FINAL),
        (500, FetchErrorKind.RETRYABLE),
        (503, FetchErrorKind.RETRYABLE),
    ],
)
def test_http_failures_are_classified(
    httpserver: HTTPServer, session, status_code: int, kind: FetchErrorKind
) -> None:
    httpserver.expect_request("/api/v1/statuses/1").respond_with_data(
        "trouble", status=status_code, headers={"Retry-After": "30"}
    )
    with pytest.raises(FetchError) as caught:
        MastodonMetrics(session, base(httpserver), "t").fetch_posts(["1"])
    assert caught.value.kind is kind
    assert caught.value.status == status_code
    assert "trouble" in str(caught.value)
    if kind is FetchErrorKind.RETRYABLE:
        assert caught.value.retry_after == 30


def test_a_page_that_is_not_json_is_retryable(httpserver: HTTPServer, session) -> None:
    httpserver.expect_request("/api/v1/statuses/1").respond_with_data(
        "<html>maintenance</html>", content_type="text/html"
    )
    with pytest.raises(FetchError) as caught:
        MastodonMetrics(session, base(httpserver)).fetch_posts(["1"])
    assert caught.value.kind is FetchErrorKind.RETRYABLE


def test_a_stalled_server_is_a_retryable_timeout(httpserver: HTTPServer, session) -> None:
    def slow(_request: Request) -> Response:
        time.sleep(1.0)
        return Response(json.dumps(status(1)), content_type="application/json")

    httpserver.expect_request("/api/v1/statuses/1").respond_with_handler(slow)
    fetcher = MastodonMetrics(session, base(httpserver))
    fetcher.timeout = (1.0, 0.2)
    started = time.monotonic()
    with pytest.raises(FetchError) as caught:
        fetcher.fetch_posts(["1"])
    assert caught.value.kind is FetchErrorKind.RETRYABLE
    assert "in time" in str(caught.value)
    assert time.monotonic() - started < 1.0


def test_a_refused_connection_is_retryable(session) -> None:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    with pytest.raises(FetchError) as caught:
        MastodonMetrics(session, f"http://127.0.0.1:{port}").fetch_posts(["1"])
    assert caught.value.kind is FetchErrorKind.RETRYABLE


def test_bluesky_get_posts_and_profile(httpserver: HTTPServer, session) -> None:
    did = "did:plc:abc"
    uri1 = f"at://{did}/app.bsky.feed.post/3kaaa"
    uri2 = f"at://{did}/app.bsky.feed.post/3kbbb"

    def posts(request: Request) -> Response:
        assert request.args.getlist("uris") == [uri1, uri2]
        body = {
            "posts": [
                {
                    "uri": uri1,
                    "cid": "bafy",
                    "likeCount": 4,
                    "repostCount": 2,
                    "replyCount": 1,
                    "quoteCount": 0,
                }
            ]
        }
        return Response(json.dumps(body), content_type="application/json")

    httpserver.expect_request("/xrpc/app.bsky.feed.getPosts").respond_with_handler(posts)
    httpserver.expect_request(
        "/xrpc/app.bsky.actor.getProfile", query_string={"actor": did}
    ).respond_with_json({"did": did, "followersCount": 8, "followsCount": 3, "postsCount": 21})
    account = AccountRef("me.test", did, {"did": did})
    fetcher = BlueskyMetrics(session, base(httpserver), account=account)
    assert fetcher.fetch_posts([uri1, "3kbbb"]) == {
        uri1: PostCounts(likes=4, reposts=2, replies=1, quotes=0),
        "3kbbb": None,  # a record key, made into the URI; missing from the answer: deleted
    }
    assert fetcher.fetch_account(account) == AccountCounts(8, 3, 21)


def test_threads_and_instagram_insights(httpserver: HTTPServer, session) -> None:
    httpserver.expect_request(
        "/555/insights", query_string={"metric": "views,likes,replies,reposts,quotes"}
    ).respond_with_json(
        {
            "data": [
                {"name": "views", "period": "lifetime", "values": [{"value": 300}]},
                {"name": "likes", "period": "lifetime", "values": [{"value": 12}]},
                {"name": "replies", "total_value": {"value": 3}},
                {"name": "reposts", "values": [{"value": 1}]},
                {"name": "quotes", "values": [{"value": 0}]},
            ]
        }
    )
    httpserver.expect_request(
        "/77/threads_insights", query_string={"metric": "followers_count"}
    ).respond_with_json({"data": [{"name": "followers_count", "total_value": {"value": 410}}]})
    threads = ThreadsMetrics(session, base(httpserver), "t")
    assert threads.fetch_posts(["555"]) == {"555": PostCounts(12, 1, 3, 0, None, 300)}
    assert threads.fetch_account(AccountRef("me", "77")) == AccountCounts(followers=410)

    httpserver.expect_request("/900/insights").respond_with_json(
        {
            "data": [
                {"name": n, "values": [{"value": v}]}
                for n, v in (("views", 50), ("likes", 5), ("comments", 2), ("shares", 1))
            ]
            + [{"name": "saved", "total_value": {"value": 4}}]
        }
    )
    httpserver.expect_request("/901/insights").respond_with_json(
        {"error": {"message": "does not exist"}}, status=404
    )
    insta = InstagramMetrics(session, base(httpserver), "t")
    assert insta.fetch_posts(["900", "901"]) == {
        "900": PostCounts(5, 1, 2, None, 4, 50),
        "901": None,
    }


def test_instagram_and_facebook_accounts_and_facebook_posts(
    httpserver: HTTPServer, session
) -> None:
    httpserver.expect_request(
        "/ig1", query_string={"fields": "followers_count,follows_count,media_count"}
    ).respond_with_json({"followers_count": 1000, "follows_count": 10, "media_count": 55})
    assert InstagramMetrics(session, base(httpserver), "t").fetch_account(
        AccountRef("x", "ig1")
    ) == AccountCounts(1000, 10, 55)
    httpserver.expect_request("/page_1").respond_with_json(
        {
            "id": "page_1",
            "reactions": {"data": [], "summary": {"total_count": 17}},
            "comments": {"data": [], "summary": {"total_count": 4}},
            "shares": {"count": 2},
        }
    )
    httpserver.expect_request(
        "/page", query_string={"fields": "followers_count"}
    ).respond_with_json({"followers_count": 321})
    facebook = FacebookMetrics(session, base(httpserver), "t")
    assert facebook.fetch_posts(["page_1"]) == {"page_1": PostCounts(17, 2, 4)}
    assert facebook.fetch_account(AccountRef("p", "page")) == AccountCounts(followers=321)
    with pytest.raises(FetchError) as caught:
        facebook.fetch_account(AccountRef("p"))
    assert caught.value.kind is FetchErrorKind.FINAL


def test_linkedin_page_statistics_and_followers(httpserver: HTTPServer, session) -> None:
    org = "urn:li:organization:42"
    share = "urn:li:share:7000"
    ugc = "urn:li:ugcPost:8000"

    def stats(request: Request) -> Response:
        query = request.query_string.decode()
        assert "shares=List(urn%3Ali%3Ashare%3A7000)" in query
        assert "ugcPosts=List(urn%3Ali%3AugcPost%3A8000)" in query
        assert request.headers["X-Restli-Protocol-Version"] == "2.0.0"
        assert request.headers["Linkedin-Version"]
        elements = [
            {
                "share": share,
                "organizationalEntity": org,
                "totalShareStatistics": {
                    "impressionCount": 900,
                    "likeCount": 30,
                    "commentCount": 4,
                    "shareCount": 2,
                    "clickCount": 11,
                },
            },
            {"ugcPost": ugc, "totalShareStatistics": {"impressionCount": 5, "likeCount": 1}},
        ]
        return Response(json.dumps({"elements": elements}), content_type="application/json")

    httpserver.expect_request("/rest/organizationalEntityShareStatistics").respond_with_handler(
        stats
    )
    httpserver.expect_request(f"/rest/networkSizes/{org}").respond_with_json(
        {"firstDegreeSize": 77}
    )
    account = AccountRef("page", options={"organization_urn": org})
    fetcher = LinkedInMetrics(session, base(httpserver), "t", account=account)
    assert fetcher.fetch_posts([share, ugc]) == {
        share: PostCounts(likes=30, reposts=2, replies=4, views=900),
        ugc: PostCounts(likes=1, views=5),
    }
    assert fetcher.fetch_account(account) == AccountCounts(followers=77)


def test_linkedin_profile_is_refused_with_advice(session) -> None:
    fetcher = LinkedInMetrics(session, "http://127.0.0.1:9", "t", account=AccountRef("me"))
    with pytest.raises(FetchError) as caught:
        fetcher.fetch_posts(["urn:li:share:1"])
    assert caught.value.kind is FetchErrorKind.FINAL
    assert "by hand" in str(caught.value)


def test_pinterest_pin_analytics_and_user_account(httpserver: HTTPServer, session) -> None:
    httpserver.expect_request(
        "/pins/p1/analytics",
        query_string={
            "start_date": "2026-01-02",
            "end_date": "2026-04-01",
            "metric_types": "IMPRESSION,SAVE,TOTAL_COMMENTS,TOTAL_REACTIONS",
        },
    ).respond_with_json(
        {
            "all": {
                "daily_metrics": [],
                "summary_metrics": {"IMPRESSION": 1200, "SAVE": 31, "TOTAL_COMMENTS": 1},
                "lifetime_metrics": {"TOTAL_COMMENTS": 2, "TOTAL_REACTIONS": 9},
            }
        }
    )
    httpserver.expect_request("/user_account").respond_with_json(
        {"username": "a", "follower_count": 66, "following_count": 7, "pin_count": 40}
    )
    fetcher = PinterestMetrics(session, base(httpserver), "t", today=lambda: date(2026, 4, 1))
    assert fetcher.fetch_posts(["p1"]) == {
        "p1": PostCounts(likes=9, replies=2, bookmarks=31, views=1200)
    }
    assert fetcher.fetch_account(AccountRef("a")) == AccountCounts(66, 7, 40)


def test_retry_after_forms() -> None:
    now = 1_800_000_000.0
    assert retry_after({"Retry-After": "12"}, now=now) == 12
    dated = retry_after({"Retry-After": "Fri, 15 Jan 2027 08:00:10 GMT"}, now=1_800_000_000)
    assert dated is not None and dated >= 0
    assert retry_after({"x-rate-limit-reset": str(int(now) + 60)}, now=now) == 60
    assert retry_after({"X-RateLimit-Reset": "2027-01-15T08:01:00.000Z"}, now=now) is not None
    assert retry_after({"RateLimit-Reset": "30"}, now=now) == 30
    assert retry_after({}, now=now) is None
