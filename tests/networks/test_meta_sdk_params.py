"""Our Facebook Page and Instagram requests, judged by Meta's own SDK (PyPI
``facebook-business``, a test-only dependency): every parameter we send must be one its
generated tables name for that endpoint, with a value of the type they give.

The tables are read from the SDK itself: each ``create_*`` method, asked for a pending
request, hands back the request with its ``TypeChecker`` built from the method's own
``param_types`` and ``enums`` (nothing is copied here, nothing is sent).
"""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from facebook_business import api as sdk_api
from facebook_business.adobjects.iguser import IGUser
from facebook_business.adobjects.page import Page
from pytest_httpserver import HTTPServer
from werkzeug import Request, Response

from somestudio.domain.networks import Network
from somestudio.domain.posts import MediaItem
from somestudio.networks.http import create_session
from somestudio.networks.meta.publish import FacebookPublisher, InstagramPublisher
from tests.networks.support import NOW, MemoryCredentials, account, delivery


def _checker(method: Callable[..., Any]) -> Any:
    """The SDK's TypeChecker for one endpoint, built from the method's own param_types."""
    request = method(pending=True)
    assert isinstance(request, sdk_api.FacebookRequest)
    return request._param_checker  # the table the SDK itself checks against


def _judge(checker: Any, sent: dict[str, str], endpoint: str) -> None:
    assert sent, f"nothing was sent to {endpoint}"
    for key, value in sent.items():
        assert checker.is_valid_key(key), f"{endpoint}: the SDK has no parameter {key!r}"
        kind = checker.get_type(key)
        typed: Any = value
        if kind.startswith("list") and not value.startswith("["):
            typed = value.split(",")  # Graph also takes a list as comma-separated values
        elif kind.startswith(("list", "map")) or kind == "Object":
            typed = json.loads(value)  # the SDK sends collections as one JSON value
        assert checker.is_type(kind, typed), f"{endpoint}: {key}={value!r} is not a {kind}"


def _creds() -> MemoryCredentials:
    return MemoryCredentials({1: {"access_token": "page-token"}})


def test_the_sdk_tables_are_there_and_reject_a_made_up_parameter() -> None:
    """The judge can fail: a name Meta does not list is refused."""
    feed = _checker(Page("99").create_feed)
    assert feed.is_valid_key("message") and not feed.is_valid_key("text")
    media = _checker(IGUser("17").create_media)
    assert media.is_valid_key("image_url") and not media.is_valid_key("caption_text")
    assert _checker(IGUser("17").create_media_publish).get_type("creation_id") == "unsigned int"
    with pytest.raises(AssertionError, match="no parameter 'status'"):
        _judge(feed, {"status": "x"}, "feed")


def test_facebook_feed_and_photos_use_the_sdks_parameters(
    httpserver: HTTPServer, tmp_path: Path
) -> None:
    image = tmp_path / "pulla.jpg"
    image.write_bytes(b"jpeg-bytes")
    photos: list[dict[str, str]] = []
    files: list[list[str]] = []
    feeds: list[dict[str, str]] = []

    def photo(request: Request) -> Response:
        photos.append(request.form.to_dict())
        files.append(list(request.files))
        return Response(json.dumps({"id": f"ph{len(photos)}"}))

    def feed(request: Request) -> Response:
        feeds.append(request.form.to_dict())
        return Response(json.dumps({"id": "99_1"}))

    httpserver.expect_request("/99/photos", method="POST").respond_with_handler(photo)
    httpserver.expect_request("/99/feed", method="POST").respond_with_handler(feed)
    acct = account(Network.FACEBOOK, "K", options={"page_id": "99", "server_scheduling": True})
    pub = FacebookPublisher(create_session, _creds(), base=httpserver.url_for(""), now=lambda: NOW)
    later = NOW + timedelta(days=1)
    pub.publish(delivery(acct, "Pullaa example.com", at=later))
    media = [MediaItem(str(image), "image/jpeg", "Pulla")]
    pub.publish(delivery(acct, "Kuvia", media=media, at=later))

    feed_types = _checker(Page("99").create_feed)
    for sent in feeds:
        _judge(feed_types, sent, "POST /{page-id}/feed")
    assert json.loads(feeds[1]["attached_media"]) == [{"media_fbid": "ph1"}]
    _judge(_checker(Page("99").create_photo), photos[0], "POST /{page-id}/photos")
    # The image itself is the multipart part "source" ("Page Photos", https://developers.
    # facebook.com/docs/graph-api/reference/page/photos/); the SDK's generated table lists
    # form fields only (its add_file refuses this endpoint), so it cannot judge the file part.
    assert files == [["source"]]


def test_instagram_container_and_publish_use_the_sdks_parameters(httpserver: HTTPServer) -> None:
    containers: list[dict[str, str]] = []
    published: list[dict[str, str]] = []

    def media(request: Request) -> Response:
        containers.append(request.form.to_dict())
        return Response(json.dumps({"id": str(9000 + len(containers))}))

    def publish(request: Request) -> Response:
        published.append(request.form.to_dict())
        return Response(json.dumps({"id": "17900"}))

    httpserver.expect_request("/17/media", method="POST").respond_with_handler(media)
    for container in ("9001", "9002", "9003"):
        httpserver.expect_request(f"/{container}").respond_with_json({"status_code": "FINISHED"})
    httpserver.expect_request("/17/media_publish", method="POST").respond_with_handler(publish)
    options = {"ig_user_id": "17", "media_base_url": "https://kahvila.example/kuvat"}
    pub = InstagramPublisher(
        create_session,
        MemoryCredentials({1: {"access_token": "fb-token"}}),
        base=httpserver.url_for(""),
        sleep=lambda _s: None,
    )
    items = [MediaItem(f"/kuvat/{n}.jpg", "image/jpeg", f"Kuva {n}") for n in (1, 2)]
    pub.publish(delivery(account(Network.INSTAGRAM, "k", options=options), "Kaksi", media=items))

    media_types = _checker(IGUser("17").create_media)
    assert len(containers) == 3  # two carousel items, then the carousel
    for sent in containers:
        _judge(media_types, sent, "POST /{ig-user-id}/media")
    _judge(
        _checker(IGUser("17").create_media_publish),
        published[0],
        "POST /{ig-user-id}/media_publish",
    )


def test_an_instagram_carousel_of_an_image_and_a_video_and_a_reel_use_the_sdks_parameters(
    httpserver: HTTPServer,
) -> None:
    """ "Content Publishing": carousels of images and videos; a video alone is a reel
    (https://developers.facebook.com/docs/instagram-platform/content-publishing/). A video
    was sent as image_url before."""
    containers: list[dict[str, str]] = []

    def media(request: Request) -> Response:
        containers.append(request.form.to_dict())
        return Response(json.dumps({"id": str(9000 + len(containers))}))

    httpserver.expect_request("/17/media", method="POST").respond_with_handler(media)
    for container in ("9001", "9002", "9003", "9004"):
        httpserver.expect_request(f"/{container}").respond_with_json({"status_code": "FINISHED"})
    httpserver.expect_request("/17/media_publish", method="POST").respond_with_json({"id": "17900"})
    options = {"ig_user_id": "17", "media_base_url": "https://kahvila.example/kuvat"}
    pub = InstagramPublisher(
        create_session,
        MemoryCredentials({1: {"access_token": "fb-token"}}),
        base=httpserver.url_for(""),
        sleep=lambda _s: None,
    )
    items = [
        MediaItem("/kuvat/pulla.jpg", "image/jpeg", "Korvapuusti"),
        MediaItem("/kuvat/leivonta.mp4", "video/mp4", ""),
    ]
    acct = account(Network.INSTAGRAM, "k", options=options)
    pub.publish(delivery(acct, "Kaksi", media=items))
    pub.publish(delivery(acct, "Reel", media=items[1:], key="f" * 32))

    media_types = _checker(IGUser("17").create_media)
    for sent in containers:
        _judge(media_types, sent, "POST /{ig-user-id}/media")
    image, video, carousel, reel = containers
    assert image["image_url"].endswith("/pulla.jpg") and image["alt_text"] == "Korvapuusti"
    assert (video["media_type"], video["is_carousel_item"]) == ("VIDEO", "true")
    assert video["video_url"].endswith("/leivonta.mp4") and "image_url" not in video
    assert carousel["children"] == "9001,9002"
    assert reel["media_type"] == "REELS" and reel["video_url"].endswith("/leivonta.mp4")
    assert "alt_text" not in reel  # "Reels and stories are not supported"
    assert media_types.get_type("media_type") == "string"
