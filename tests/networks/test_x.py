"""The X client against a real HTTP server on 127.0.0.1; bodies checked against X's
official OpenAPI description."""

from __future__ import annotations

import base64
import json
import time
from pathlib import Path

import pytest
from pytest_httpserver import HTTPServer
from werkzeug import Request, Response

from somestudio.domain.networks import Network
from somestudio.domain.posts import MediaItem
from somestudio.domain.publish_result import AuthExpired, Final, UnknownOutcome
from somestudio.networks.http import create_session
from somestudio.networks.x.publish import XPublisher
from tests.networks.openapi import spec
from tests.networks.support import MemoryCredentials, account, delivery

FRESH = {"access_token": "x-access-1", "refresh_token": "x-refresh-1", "expires_at": "9999999999"}


def _pub(server: HTTPServer, bundle: dict[str, str]) -> tuple[XPublisher, MemoryCredentials]:
    credentials = MemoryCredentials({1: dict(bundle)})
    return XPublisher(create_session, credentials, api=server.url_for("")), credentials


def _x():
    return account(Network.X, "aurinko", options={"client_id": "my-app-client-id"})


def _tweets(created: list[dict[str, object]]):
    def handle(request: Request) -> Response:
        body = request.get_json()
        spec("x.json").check("POST", "/2/tweets", body)
        created.append(body)
        data = {"data": {"id": str(1000 + len(created)), "text": body["text"]}}
        return Response(json.dumps(data), 201, content_type="application/json")

    return handle


def test_thread_with_an_image_and_alt_text(httpserver: HTTPServer, tmp_path: Path) -> None:
    image = tmp_path / "a.png"
    image.write_bytes(b"\x89PNG\r\n\x1a\nimage")
    uploads: list[dict[str, object]] = []

    def upload(request: Request) -> Response:
        body = request.get_json()
        spec("x.json").check("POST", "/2/media/upload", body)
        uploads.append(body)
        return Response(json.dumps({"data": {"id": "1455952740635586573"}}), 200)

    def metadata(request: Request) -> Response:
        body = request.get_json()
        spec("x.json").check("POST", "/2/media/metadata", body)
        uploads.append(body)
        return Response(json.dumps({"data": {"id": body["id"]}}), 200)

    created: list[dict[str, object]] = []
    httpserver.expect_request("/2/media/upload", method="POST").respond_with_handler(upload)
    httpserver.expect_request("/2/media/metadata", method="POST").respond_with_handler(metadata)
    httpserver.expect_request("/2/tweets", method="POST").respond_with_handler(_tweets(created))
    pub, _ = _pub(httpserver, FRESH)
    media = [MediaItem(str(image), "image/png", "Kuvateksti")]
    result = pub.publish(delivery(_x(), thread=["Yksi 1/2", "Kaksi 2/2"], media=media))
    assert uploads[1] == {
        "id": "1455952740635586573",
        "metadata": {"alt_text": {"text": "Kuvateksti"}},
    }
    assert created[0] == {"text": "Yksi 1/2", "media": {"media_ids": ["1455952740635586573"]}}
    assert created[1] == {"text": "Kaksi 2/2", "reply": {"in_reply_to_tweet_id": "1001"}}
    assert result.remote_url == "https://x.com/aurinko/status/1001"
    assert httpserver.log[0][0].headers["Authorization"] == "Bearer x-access-1"


def test_expired_access_token_is_renewed_and_saved(httpserver: HTTPServer) -> None:
    def token(request: Request) -> Response:
        assert request.form["grant_type"] == "refresh_token"
        assert request.form["client_id"] == "my-app-client-id"
        assert request.form["refresh_token"] == "x-refresh-1"
        assert "client_secret" not in request.form  # a public client: no secret anywhere
        body = {"access_token": "x-access-2", "refresh_token": "x-refresh-2", "expires_in": 7200}
        return Response(json.dumps(body), 200)

    created: list[dict[str, object]] = []
    httpserver.expect_request("/2/oauth2/token", method="POST").respond_with_handler(token)
    httpserver.expect_request("/2/tweets", method="POST").respond_with_handler(_tweets(created))
    pub, credentials = _pub(httpserver, {**FRESH, "expires_at": str(int(time.time()) - 5)})
    pub.publish(delivery(_x(), "Uusi"))
    saved = credentials.bundles[1]
    assert saved["access_token"] == "x-access-2" and saved["refresh_token"] == "x-refresh-2"
    assert int(saved["expires_at"]) > time.time() + 7000
    assert httpserver.log[-1][0].headers["Authorization"] == "Bearer x-access-2"


def test_refused_renewal_means_reconnect(httpserver: HTTPServer) -> None:
    httpserver.expect_request("/2/oauth2/token").respond_with_json(
        {
            "error": "invalid_request",
            "error_description": "Value passed for the token was invalid.",
        },
        status=400,
    )
    pub, credentials = _pub(httpserver, {**FRESH, "expires_at": "0"})
    with pytest.raises(AuthExpired, match="Reconnect"):
        pub.publish(delivery(_x(), "Ei"))
    assert credentials.bundles[1]["reconnect"]
    with pytest.raises(AuthExpired, match="reconnected"):  # no renewal loop: it waits for you
        pub.publish(delivery(_x(), "Ei"))
    assert len(httpserver.log) == 1


def test_duplicate_content_is_final(httpserver: HTTPServer) -> None:
    httpserver.expect_request("/2/tweets").respond_with_json(
        {
            "detail": "You are not allowed to create a Tweet with duplicate content.",
            "type": "about:blank",
            "title": "Forbidden",
            "status": 403,
        },
        status=403,
    )
    pub, _ = _pub(httpserver, FRESH)
    with pytest.raises(Final, match="duplicate content") as caught:
        pub.publish(delivery(_x(), "Sama taas"))
    assert caught.value.error_kind == "duplicate"


def test_too_long_text_never_leaves(httpserver: HTTPServer) -> None:
    pub, _ = _pub(httpserver, FRESH)
    with pytest.raises(Final, match=r"x\.too_long") as caught:
        pub.publish(delivery(_x(), "ä" * 281))
    assert caught.value.error_kind == "validation"
    assert httpserver.log == []


def test_server_error_on_create_is_unknown_and_reconciled(httpserver: HTTPServer) -> None:
    httpserver.expect_request("/2/tweets", method="POST").respond_with_json({}, status=500)
    httpserver.expect_request("/2/users/me").respond_with_json({"data": {"id": "42"}})
    httpserver.expect_request("/2/users/42/tweets").respond_with_json(
        {"data": [{"id": "77", "text": "Katso https://t.co/abc uutiset"}]}
    )
    pub, _ = _pub(httpserver, FRESH)
    outgoing = delivery(_x(), "Katso https://example.com/x uutiset")
    with pytest.raises(UnknownOutcome):
        pub.publish(outgoing)
    found = pub.reconcile(outgoing)
    assert found is not None and found.remote_id == "77"
    assert pub.reconcile(delivery(_x(), "Jotain muuta")) is None


def test_a_gif_goes_through_the_chunked_upload(httpserver: HTTPServer, tmp_path: Path) -> None:
    """INIT, APPEND per chunk, FINALIZE, STATUS until succeeded ("Chunked media upload",
    https://docs.x.com/x-api/media/quickstart/media-upload-chunked); each body checked against
    X's OpenAPI. The one-shot upload's media types do not include image/gif."""
    gif = tmp_path / "anim.gif"
    data = b"GIF89a" + bytes(range(256)) * 10_000  # ~2.5 MB: two chunks
    gif.write_bytes(data)
    media_id = "1880028106020515840"
    calls: list[str] = []
    appended: dict[int, bytes] = {}

    def init(request: Request) -> Response:
        body = request.get_json()
        spec("x.json").check("POST", "/2/media/upload/initialize", body)
        assert body == {
            "media_type": "image/gif",
            "total_bytes": len(data),
            "media_category": "tweet_gif",
        }
        calls.append("INIT")
        answer = {"data": {"id": media_id, "media_key": f"16_{media_id}"}}
        return Response(json.dumps(answer), 200, content_type="application/json")

    def append(request: Request) -> Response:
        body = request.get_json()
        spec("x.json").check("POST", "/2/media/upload/{id}/append", body)
        appended[body["segment_index"]] = base64.b64decode(body["media"])
        calls.append("APPEND")
        return Response(json.dumps({"data": {"expires_at": 1}}), 200)

    def finalize(request: Request) -> Response:
        assert not request.get_data()  # the spec gives FINALIZE no body
        calls.append("FINALIZE")
        info = {"state": "pending", "check_after_secs": 1}
        return Response(json.dumps({"data": {"id": media_id, "processing_info": info}}), 200)

    statuses = iter(["in_progress", "succeeded"])

    def status(request: Request) -> Response:
        assert request.args.to_dict() == {"command": "STATUS", "media_id": media_id}
        calls.append("STATUS")
        info = {"state": next(statuses), "check_after_secs": 2}
        return Response(json.dumps({"data": {"id": media_id, "processing_info": info}}), 200)

    created: list[dict[str, object]] = []
    httpserver.expect_request("/2/media/upload/initialize", method="POST").respond_with_handler(
        init
    )
    httpserver.expect_request(f"/2/media/upload/{media_id}/append").respond_with_handler(append)
    httpserver.expect_request(f"/2/media/upload/{media_id}/finalize").respond_with_handler(finalize)
    httpserver.expect_request("/2/media/upload", method="GET").respond_with_handler(status)
    httpserver.expect_request("/2/tweets", method="POST").respond_with_handler(_tweets(created))
    slept: list[float] = []
    pub = XPublisher(
        create_session,
        MemoryCredentials({1: dict(FRESH)}),
        api=httpserver.url_for(""),
        sleep=slept.append,
    )
    pub.publish(delivery(_x(), "Liikkuva kuva", media=[MediaItem(str(gif), "image/gif", "")]))
    assert calls == ["INIT", "APPEND", "APPEND", "FINALIZE", "STATUS", "STATUS"]
    assert b"".join(appended[i] for i in sorted(appended)) == data
    assert slept == [1.0, 2.0]  # as X asked with check_after_secs
    assert created == [{"text": "Liikkuva kuva", "media": {"media_ids": [media_id]}}]


def test_a_gif_with_other_images_never_leaves(httpserver: HTTPServer, tmp_path: Path) -> None:
    gif, png = tmp_path / "a.gif", tmp_path / "b.png"
    gif.write_bytes(b"GIF89a")
    png.write_bytes(b"\x89PNG")
    pub, _ = _pub(httpserver, FRESH)
    media = [MediaItem(str(gif), "image/gif", ""), MediaItem(str(png), "image/png", "")]
    with pytest.raises(Final, match="one GIF") as caught:
        pub.publish(delivery(_x(), "x", media=media))
    assert caught.value.error_kind == "media"
    assert httpserver.log == []
