"""The Mastodon client against a real HTTP server on 127.0.0.1; bodies checked against the
community OpenAPI description of Mastodon 4.7."""

from __future__ import annotations

import json
from datetime import timedelta
from pathlib import Path

import pytest
from pytest_httpserver import HTTPServer
from werkzeug import Request, Response

from somestudio.domain.networks import Network
from somestudio.domain.posts import MediaItem
from somestudio.domain.publish_result import AuthExpired, Final, Retryable
from somestudio.networks.http import Http, create_session
from somestudio.networks.mastodon.publish import MastodonClient, MastodonPublisher
from tests.networks.openapi import spec
from tests.networks.support import NOW, MemoryCredentials, account, delivery

TOKEN = "mastodon-token-1234567890"
KEY = "0123456789abcdef0123456789abcdef"


@pytest.fixture
def publisher() -> tuple[MastodonPublisher, MemoryCredentials]:
    credentials = MemoryCredentials({1: {"access_token": TOKEN}})
    pub = MastodonPublisher(create_session, credentials, now=lambda: NOW, sleep=lambda _s: None)
    return pub, credentials


def _acct(server: HTTPServer, **options: object):
    return account(Network.MASTODON, "aurinko", instance_url=server.url_for(""), options=options)


def _status_handler(created: list[dict[str, object]], keys: list[str]):
    def handle(request: Request) -> Response:
        assert request.headers["Authorization"] == f"Bearer {TOKEN}"
        body = request.get_json()
        spec("mastodon.json").check("POST", "/api/v1/statuses", body)
        keys.append(request.headers["Idempotency-Key"])
        created.append(body)
        number = len(created)
        reply = {
            "id": str(100 + number),
            "url": f"https://m.example/@aurinko/{100 + number}",
            "created_at": "2026-11-21T08:00:01.000Z",
            "content": f"<p>{body.get('status', '')}</p>",
        }
        if "scheduled_at" in body:
            reply = {"id": "s1", "scheduled_at": body["scheduled_at"], "params": body}
        return Response(json.dumps(reply), 200, content_type="application/json")

    return handle


def test_instance_limits_feed_the_composer(httpserver: HTTPServer) -> None:
    httpserver.expect_request("/api/v2/instance").respond_with_json(
        {
            "title": "Aurinko",
            "configuration": {
                "statuses": {
                    "max_characters": 1000,
                    "characters_reserved_per_url": 23,
                    "max_media_attachments": 6,
                }
            },
        }
    )
    client = MastodonClient(Http(create_session(), "Mastodon"), httpserver.url_for(""))
    limits = client.instance()
    assert limits.title == "Aurinko"
    assert limits.as_json() == {
        "max_characters": 1000,
        "characters_reserved_per_url": 23,
        "max_media_attachments": 6,
    }


def test_text_post_with_idempotency_key(httpserver: HTTPServer, publisher) -> None:
    pub, _ = publisher
    created: list[dict[str, object]] = []
    keys: list[str] = []
    httpserver.expect_request("/api/v1/statuses", method="POST").respond_with_handler(
        _status_handler(created, keys)
    )
    result = pub.publish(delivery(_acct(httpserver, language="fi"), "Hei maailma ✓", key=KEY))
    assert created == [{"status": "Hei maailma ✓", "visibility": "public", "language": "fi"}]
    assert keys == [KEY]
    assert result.remote_id == "101"
    assert result.remote_url == "https://m.example/@aurinko/101"
    assert result.published_at is not None
    (request, _response) = httpserver.log[0]
    assert request.headers["User-Agent"].startswith("SomeStudio/")


def test_the_posts_own_language_wins_over_the_accounts(httpserver: HTTPServer, publisher) -> None:
    pub, _ = publisher
    created: list[dict[str, object]] = []
    keys: list[str] = []
    httpserver.expect_request("/api/v1/statuses", method="POST").respond_with_handler(
        _status_handler(created, keys)  # each body checked against the OpenAPI document
    )
    pub.publish(delivery(_acct(httpserver, language="en"), "Hyvää joulua", key=KEY, language="fi"))
    pub.publish(delivery(_acct(httpserver), "Merry Christmas", key=KEY[::-1], language="en"))
    pub.publish(delivery(_acct(httpserver), "Ei kieltä", key="f" * 32))
    assert [c.get("language") for c in created] == ["fi", "en", None]


def test_thread_replies_in_order_with_a_key_per_part(httpserver: HTTPServer, publisher) -> None:
    pub, _ = publisher
    created: list[dict[str, object]] = []
    keys: list[str] = []
    httpserver.expect_request("/api/v1/statuses", method="POST").respond_with_handler(
        _status_handler(created, keys)
    )
    result = pub.publish(delivery(_acct(httpserver), thread=["One 1/3", "Two 2/3", "Three 3/3"]))
    assert [b["status"] for b in created] == ["One 1/3", "Two 2/3", "Three 3/3"]
    assert [b.get("in_reply_to_id") for b in created] == [None, "101", "102"]
    assert keys == [KEY, f"{KEY}-2", f"{KEY}-3"]
    assert result.remote_id == "101" and result.details["thread_ids"] == "101,102,103"


def test_media_waits_for_processing_and_carries_alt_text(
    httpserver: HTTPServer, publisher, tmp_path: Path
) -> None:
    pub, _ = publisher
    image = tmp_path / "kuva.png"
    image.write_bytes(b"\x89PNG\r\n\x1a\n" + b"0" * 100)
    polls: list[int] = []

    def upload(request: Request) -> Response:
        fields = {"file": "<binary>", **request.form.to_dict()}
        spec("mastodon.json").check("POST", "/api/v2/media", fields, "multipart/form-data")
        assert request.files["file"].read() == image.read_bytes()
        assert request.files["file"].mimetype == "image/png"
        assert request.form["description"] == "Aurinko laskee järven yllä"
        return Response(json.dumps({"id": "m7", "url": None}), 202, content_type="application/json")

    def poll(request: Request) -> Response:
        polls.append(1)
        if len(polls) < 3:
            return Response(json.dumps({"id": "m7", "url": None}), 206)
        return Response(json.dumps({"id": "m7", "url": "https://m.example/m7.png"}), 200)

    created: list[dict[str, object]] = []
    httpserver.expect_request("/api/v2/media", method="POST").respond_with_handler(upload)
    httpserver.expect_request("/api/v1/media/m7", method="GET").respond_with_handler(poll)
    httpserver.expect_request("/api/v1/statuses", method="POST").respond_with_handler(
        _status_handler(created, [])
    )
    media = [MediaItem(str(image), "image/png", "Aurinko laskee järven yllä")]
    pub.publish(delivery(_acct(httpserver), "Kuva", media=media))
    assert len(polls) == 3
    assert created[0]["media_ids"] == ["m7"]


def test_server_scheduling_hands_the_post_over(httpserver: HTTPServer, publisher) -> None:
    pub, _ = publisher
    created: list[dict[str, object]] = []
    httpserver.expect_request("/api/v1/statuses", method="POST").respond_with_handler(
        _status_handler(created, [])
    )
    later = NOW + timedelta(hours=3)
    result = pub.publish(delivery(_acct(httpserver, server_scheduling=True), "Later", at=later))
    assert created[0]["scheduled_at"] == "2026-11-21T11:00:00Z"
    assert result.remote_id == "scheduled:s1" and result.published_at == later
    # Too close to its time (the server wants five minutes): published at once instead.
    soon = NOW + timedelta(minutes=3)
    pub.publish(delivery(_acct(httpserver, server_scheduling=True), "Soon", at=soon, key="k2"))
    assert "scheduled_at" not in created[1]


@pytest.mark.parametrize(
    "case",
    [
        (
            422,
            {"error": "Validation failed: Text character limit of 500 exceeded"},
            {},
            Final,
            "character limit of 500",
        ),
        (401, {"error": "The access token is invalid"}, {}, AuthExpired, "Reconnect"),
        (
            429,
            {"error": "Too many requests"},
            {"X-RateLimit-Reset": "2099-01-01T00:00:00Z"},
            Retryable,
            "rate limit",
        ),
        (503, {"error": "busy"}, {"Retry-After": "30"}, Retryable, "unavailable"),
    ],
)
def test_errors_say_what_to_do(httpserver: HTTPServer, publisher, case) -> None:
    status, body, headers, kind, words = case
    pub, _ = publisher
    httpserver.expect_request("/api/v1/statuses").respond_with_json(
        body, status=status, headers=headers
    )
    with pytest.raises(kind, match=words) as caught:
        pub.publish(delivery(_acct(httpserver)))
    assert caught.value.http_status == status
    if status == 503:
        assert caught.value.retry_after == 30.0
    if status == 429:
        assert caught.value.retry_after > 3600 and caught.value.error_kind == "rate_limit"
    if status == 422:
        assert caught.value.error_kind == "validation"


def test_missing_sign_in_asks_to_connect(httpserver: HTTPServer) -> None:
    pub = MastodonPublisher(create_session, MemoryCredentials())
    with pytest.raises(AuthExpired, match="Connect the account"):
        pub.publish(delivery(_acct(httpserver)))
    assert httpserver.log == []


def test_oauth_app_registration_and_code_exchange(httpserver: HTTPServer) -> None:
    registered: list[dict[str, object]] = []

    def apps(request: Request) -> Response:
        body = request.get_json()
        registered.append(body)
        # Mastodon's "apps API methods" page (https://docs.joinmastodon.org/methods/apps/):
        # "redirect_uris: String or Array of Strings", with "4.3.0 - added support for multiple
        # redirect_uris". Servers before 4.3 answer 422 to an array, so one redirect goes as a
        # string. The community OpenAPI (4.7) knows only the array form: the rest of the body is
        # checked against it with the string in the one-element array the server makes of it.
        assert isinstance(body["redirect_uris"], str)
        spec("mastodon.json").check(
            "POST", "/api/v1/apps", {**body, "redirect_uris": [body["redirect_uris"]]}
        )
        return Response(json.dumps({"client_id": "cid", "client_secret": "csecret-123456"}), 200)

    def token(request: Request) -> Response:
        body = request.get_json()
        spec("mastodon.json").check("POST", "/oauth/token", body)
        assert body["code_verifier"] == "v" * 50 and body["grant_type"] == "authorization_code"
        return Response(json.dumps({"access_token": "new-token-abcdef", "token_type": "Bearer"}))

    httpserver.expect_request("/api/v1/apps", method="POST").respond_with_handler(apps)
    httpserver.expect_request("/oauth/token", method="POST").respond_with_handler(token)
    client = MastodonClient(Http(create_session(), "Mastodon"), httpserver.url_for(""))
    redirect = "http://127.0.0.1:5555/callback"
    client_id, secret = client.register_app(redirect, "Some Studio")
    assert registered[0]["redirect_uris"] == redirect
    url = client.authorize_url(client_id, redirect, "challenge", "state1")
    assert "code_challenge_method=S256" in url and "client_id=cid" in url
    assert (
        client.exchange_code(client_id, secret, "code1", redirect, "v" * 50) == "new-token-abcdef"
    )
