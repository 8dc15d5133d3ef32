"""The Pinterest client on 127.0.0.1; the pin body checked against Pinterest's OpenAPI."""

from __future__ import annotations

import base64
import json
from pathlib import Path

import pytest
from pytest_httpserver import HTTPServer
from werkzeug import Request, Response

from somestudio.domain.networks import Network
from somestudio.domain.posts import MediaItem
from somestudio.domain.publish_result import Final
from somestudio.networks.http import Http, create_session
from somestudio.networks.pinterest.publish import PinterestClient, PinterestPublisher
from tests.networks.openapi import spec
from tests.networks.support import MemoryCredentials, account, delivery


def test_pin_to_the_chosen_board(httpserver: HTTPServer, tmp_path: Path) -> None:
    image = tmp_path / "pin.jpg"
    image.write_bytes(b"\xff\xd8\xff\xe0jpeg")
    pins: list[dict[str, object]] = []

    def create(request: Request) -> Response:
        body = request.get_json()
        spec("pinterest.yaml").check("POST", "/pins", body)
        pins.append(body)
        return Response(json.dumps({"id": "813744226420795884"}), 201)

    httpserver.expect_request("/boards").respond_with_json(
        {"items": [{"id": "549755885175", "name": "Reseptit"}], "bookmark": None}
    )
    httpserver.expect_request("/pins", method="POST").respond_with_handler(create)
    client = PinterestClient(Http(create_session(), "Pinterest"), httpserver.url_for(""))
    assert client.boards("pin-token") == [("549755885175", "Reseptit")]
    acct = account(Network.PINTEREST, "keittio", options={"board_id": "549755885175"})
    pub = PinterestPublisher(
        create_session,
        MemoryCredentials({1: {"access_token": "pin-token"}}),
        api=httpserver.url_for(""),
    )
    media = [MediaItem(str(image), "image/jpeg", "Korvapuusteja pellillä")]
    result = pub.publish(delivery(acct, "Resepti: korvapuustit example.com/pullat", media=media))
    (pin,) = pins
    assert pin["board_id"] == "549755885175"
    assert pin["alt_text"] == "Korvapuusteja pellillä"
    assert pin["link"] == "https://example.com/pullat"
    assert base64.b64decode(pin["media_source"]["data"]) == image.read_bytes()  # type: ignore[index]
    assert result.remote_url == "https://www.pinterest.com/pin/813744226420795884/"


def test_no_board_chosen_is_a_setup_problem(httpserver: HTTPServer) -> None:
    pub = PinterestPublisher(
        create_session, MemoryCredentials({1: {"access_token": "t"}}), api=httpserver.url_for("")
    )
    with pytest.raises(Final, match="choose the board"):
        pub.publish(delivery(account(Network.PINTEREST, "k"), "x"))
