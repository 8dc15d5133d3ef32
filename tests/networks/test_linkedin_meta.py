"""LinkedIn and Meta's Graph APIs (Facebook Page, Instagram, Threads) against a real HTTP
server on 127.0.0.1 standing in for them (no public OpenAPI description exists for these)."""

from __future__ import annotations

import json
from datetime import timedelta
from pathlib import Path

import pytest
from pytest_httpserver import HTTPServer
from werkzeug import Request, Response

from somestudio.domain.networks import Network
from somestudio.domain.posts import MediaItem
from somestudio.domain.publish_result import AuthExpired, Final, Retryable, UnknownOutcome
from somestudio.networks.http import create_session
from somestudio.networks.linkedin.publish import VERSION, LinkedInPublisher
from somestudio.networks.meta.publish import FacebookPublisher, InstagramPublisher, ThreadsPublisher
from tests.networks.support import NOW, MemoryCredentials, account, delivery


def _creds() -> MemoryCredentials:
    return MemoryCredentials({1: {"access_token": "meta-or-li-token"}})


def test_linkedin_escapes_little_text_and_sends_its_headers(
    httpserver: HTTPServer, tmp_path: Path
) -> None:
    image = tmp_path / "kuva.png"
    image.write_bytes(b"png-bytes")
    posts: list[dict[str, object]] = []

    def init(request: Request) -> Response:
        assert request.args["action"] == "initializeUpload"
        assert request.get_json() == {"initializeUploadRequest": {"owner": "urn:li:organization:5"}}
        upload = httpserver.url_for("/upload/1")
        return Response(json.dumps({"value": {"uploadUrl": upload, "image": "urn:li:image:C1"}}))

    def put(request: Request) -> Response:
        assert request.get_data() == b"png-bytes"
        return Response("", 201)

    def create(request: Request) -> Response:
        assert request.headers["Linkedin-Version"] == VERSION
        assert request.headers["X-Restli-Protocol-Version"] == "2.0.0"
        posts.append(request.get_json())
        return Response("", 201, headers={"x-restli-id": "urn:li:share:7"})

    httpserver.expect_request("/rest/images", method="POST").respond_with_handler(init)
    httpserver.expect_request("/upload/1", method="PUT").respond_with_handler(put)
    httpserver.expect_request("/rest/posts", method="POST").respond_with_handler(create)
    acct = account(Network.LINKEDIN, "firma", options={"organization_id": "5"})
    pub = LinkedInPublisher(create_session, _creds(), api=httpserver.url_for(""))
    media = [MediaItem(str(image), "image/png", "Tiimi")]
    result = pub.publish(delivery(acct, "Uutta (beta) #julkaisu @tiimi *heti*", media=media))
    (post,) = posts
    assert post["commentary"] == r"Uutta \(beta\) \#julkaisu \@tiimi \*heti\*"
    assert post["author"] == "urn:li:organization:5"
    assert post["content"] == {"media": {"id": "urn:li:image:C1", "altText": "Tiimi"}}
    assert result.remote_id == "urn:li:share:7"


def test_linkedin_server_error_on_create_is_an_unknown_outcome(httpserver: HTTPServer) -> None:
    httpserver.expect_request("/rest/posts").respond_with_json({"message": "oops"}, status=500)
    acct = account(Network.LINKEDIN, "me", options={"person_id": "abc"})
    pub = LinkedInPublisher(create_session, _creds(), api=httpserver.url_for(""))
    with pytest.raises(UnknownOutcome):
        pub.publish(delivery(acct, "Hei"))
    assert pub.reconcile(delivery(acct, "Hei")) is None  # no lookup: the user checks


def test_facebook_hands_a_later_post_to_its_own_scheduler(httpserver: HTTPServer) -> None:
    feeds: list[dict[str, str]] = []

    def feed(request: Request) -> Response:
        assert request.headers["Authorization"] == "Bearer meta-or-li-token"
        feeds.append(request.form.to_dict())
        return Response(json.dumps({"id": "123_456"}))

    httpserver.expect_request("/99/feed", method="POST").respond_with_handler(feed)
    acct = account(
        Network.FACEBOOK, "Kahvila", options={"page_id": "99", "server_scheduling": True}
    )
    pub = FacebookPublisher(create_session, _creds(), base=httpserver.url_for(""), now=lambda: NOW)
    later = NOW + timedelta(days=2)
    result = pub.publish(delivery(acct, "Avoinna huomenna example.com", at=later))
    assert feeds[0] == {
        "message": "Avoinna huomenna example.com",
        "link": "https://example.com",
        "published": "false",
        "scheduled_publish_time": str(int(later.timestamp())),
    }
    assert result.published_at == later and result.details["handed_off"]
    pub.publish(delivery(acct, "Nyt", at=NOW + timedelta(minutes=2)))  # too soon: at once
    assert "scheduled_publish_time" not in feeds[1]


@pytest.mark.parametrize(
    ("code", "kind"), [(190, AuthExpired), (4, Retryable), (100, Final)], ids=["190", "4", "100"]
)
def test_graph_error_codes(httpserver: HTTPServer, code: int, kind: type[Exception]) -> None:
    httpserver.expect_request("/me/feed").respond_with_json(
        {
            "error": {
                "message": "Error validating access token",
                "type": "OAuthException",
                "code": code,
            }
        },
        status=400,
    )
    pub = FacebookPublisher(create_session, _creds(), base=httpserver.url_for(""))
    with pytest.raises(kind):
        pub.publish(delivery(account(Network.FACEBOOK, "K"), "x"))


def test_instagram_needs_a_public_address_before_sending(httpserver: HTTPServer) -> None:
    pub = InstagramPublisher(create_session, _creds(), base=httpserver.url_for(""))
    media = [MediaItem("/home/me/kuva.jpg", "image/jpeg", "alt")]
    with pytest.raises(Final, match="public web address") as caught:
        pub.publish(delivery(account(Network.INSTAGRAM, "k"), "x", media=media))
    assert caught.value.error_kind == "setup"
    assert httpserver.log == []


def test_instagram_container_then_publish(httpserver: HTTPServer) -> None:
    forms: list[dict[str, str]] = []

    def media(request: Request) -> Response:
        forms.append(request.form.to_dict())
        return Response(json.dumps({"id": "c1"}))

    httpserver.expect_request("/17/media", method="POST").respond_with_handler(media)
    httpserver.expect_request("/c1").respond_with_json({"status_code": "FINISHED", "id": "c1"})
    httpserver.expect_request("/17/media_publish", method="POST").respond_with_json({"id": "m9"})
    options = {"ig_user_id": "17", "media_base_url": "https://kahvila.example/media/"}
    pub = InstagramPublisher(
        create_session, _creds(), base=httpserver.url_for(""), sleep=lambda _s: None
    )
    items = [MediaItem("/home/me/pulla kuva.jpg", "image/jpeg", "Pulla")]
    result = pub.publish(
        delivery(account(Network.INSTAGRAM, "k", options=options), "Kuva", media=items)
    )
    assert forms == [
        {
            "image_url": "https://kahvila.example/media/pulla%20kuva.jpg",
            "caption": "Kuva",
            "alt_text": "Pulla",
        }
    ]
    assert result.remote_id == "m9"


def test_threads_chain_of_replies(httpserver: HTTPServer) -> None:
    made: list[dict[str, str]] = []

    def create(request: Request) -> Response:
        made.append(request.form.to_dict())
        return Response(json.dumps({"id": f"c{len(made)}"}))

    def publish(request: Request) -> Response:
        return Response(json.dumps({"id": "t" + request.form["creation_id"]}))

    httpserver.expect_request("/me/threads", method="POST").respond_with_handler(create)
    for container in ("c1", "c2"):  # each container is ready before it is published
        httpserver.expect_request(f"/{container}").respond_with_json({"status": "FINISHED"})
    httpserver.expect_request("/me/threads_publish", method="POST").respond_with_handler(publish)
    pub = ThreadsPublisher(create_session, _creds(), base=httpserver.url_for(""))
    result = pub.publish(delivery(account(Network.THREADS, "k"), thread=["Eka", "Toka"]))
    assert made == [
        {"media_type": "TEXT", "text": "Eka"},
        {"media_type": "TEXT", "text": "Toka", "reply_to_id": "tc1"},
    ]
    assert result.details["thread_ids"] == "tc1,tc2"
