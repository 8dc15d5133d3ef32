"""The Pinterest client on 127.0.0.1; the pin body checked against Pinterest's OpenAPI."""

from __future__ import annotations

import base64
import json
from pathlib import Path

import pytest
from jsonschema import Draft202012Validator
from pytest_httpserver import HTTPServer
from werkzeug import Request, Response

from somestudio.domain.networks import Network
from somestudio.domain.posts import MediaItem
from somestudio.domain.publish_result import AuthExpired, Final
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


# --------------------------------------------------------------------- sandbox, Trial, renewal

# What Pinterest answers a Trial-access app's pin in production, as quoted from the API in
# "Need support pinterest API sanbox" (gitroomhq/postiz-app#1084); the access tiers are on
# "Understanding our access tiers", https://developers.pinterest.com/docs/key-concepts/access-tiers/
TRIAL_REFUSAL = {
    "code": 29,
    "message": "Apps with Trial access may not create Pins in production "
    "https://api.pinterest.com - use API Sandbox https://api-sandbox.pinterest.com instead.",
}


def _image(tmp_path: Path) -> list[MediaItem]:
    image = tmp_path / "pin.png"
    image.write_bytes(b"\x89PNG\r\n\x1a\npng")
    return [MediaItem(str(image), "image/png", "Pulla")]


def _pinning(server: HTTPServer, prefix: str, made: list[str]) -> None:
    def create(request: Request) -> Response:
        spec("pinterest.yaml").check("POST", "/pins", request.get_json())
        made.append(prefix)
        return Response(json.dumps({"id": "77"}), 201, content_type="application/json")

    server.expect_request(f"{prefix}/pins", method="POST").respond_with_handler(create)


def _publisher(
    server: HTTPServer, bundle: dict[str, str], now: float = 1_800_000_000.0
) -> tuple[PinterestPublisher, MemoryCredentials]:
    credentials = MemoryCredentials({1: dict(bundle)})
    pub = PinterestPublisher(
        create_session,
        credentials,
        api=server.url_for("/v5"),
        sandbox_api=server.url_for("/sandbox/v5"),
        clock=lambda: now,
    )
    return pub, credentials


def test_the_sandbox_option_sends_pins_to_the_api_sandbox(
    httpserver: HTTPServer, tmp_path: Path
) -> None:
    made: list[str] = []
    _pinning(httpserver, "/v5", made)
    _pinning(httpserver, "/sandbox/v5", made)
    pub, _ = _publisher(httpserver, {"access_token": "pina_sandbox"})
    for sandbox in (True, False):
        options = {"board_id": "5", "sandbox": sandbox}
        pub.publish(
            delivery(account(Network.PINTEREST, "k", options=options), "x", media=_image(tmp_path))
        )
    assert made == ["/sandbox/v5", "/v5"]


@pytest.mark.parametrize("status", [401, 403])
def test_a_trial_app_refused_in_production_is_told_what_to_do(
    httpserver: HTTPServer, tmp_path: Path, status: int
) -> None:
    httpserver.expect_request("/v5/pins", method="POST").respond_with_json(
        TRIAL_REFUSAL, status=status
    )
    pub, credentials = _publisher(httpserver, {"access_token": "pina_prod"})
    acct = account(Network.PINTEREST, "k", options={"board_id": "5"})
    with pytest.raises(Final) as caught:
        pub.publish(delivery(acct, "x", media=_image(tmp_path)))
    error = caught.value
    assert not isinstance(error, AuthExpired)  # the sign-in is fine: nothing to reconnect
    assert error.error_kind == "trial_access"
    assert "Trial access" in error.reason and "API Sandbox" in error.reason
    assert "reconnect" not in credentials.bundles[1]


def _check_refresh_request(request: Request) -> None:
    body = request.form.to_dict()
    api = spec("pinterest.yaml")
    api.check("POST", "/oauth/token", body, "application/x-www-form-urlencoded")
    # The discriminator's branch for grant_type=refresh_token, checked too:
    refresh = {"$ref": "urn:openapi#/components/schemas/OauthAccessTokenRequestRefresh"}
    assert not list(Draft202012Validator(refresh, registry=api.registry).iter_errors(body))
    assert body == {"grant_type": "refresh_token", "refresh_token": "pinr_old"}
    expected = base64.b64encode(b"1234567:app-secret-xyz").decode()
    assert request.headers["Authorization"] == f"Basic {expected}"  # security: basic


def test_a_token_about_to_lapse_is_renewed_and_saved(
    httpserver: HTTPServer, tmp_path: Path
) -> None:
    now = 1_800_000_000.0

    def token(request: Request) -> Response:
        _check_refresh_request(request)
        answer = {  # the OauthAccessTokenResponseRefresh shape
            "access_token": "pina_new",
            "token_type": "bearer",
            "expires_in": 2_592_000,
            "scope": "boards:read pins:write",
            "response_type": "refresh_token",
            "refresh_token": "pinr_new",
            "refresh_token_expires_in": 31_536_000,
            "refresh_token_expires_at": int(now) + 31_536_000,
        }
        return Response(json.dumps(answer), 200, content_type="application/json")

    made: list[str] = []
    httpserver.expect_request("/v5/oauth/token", method="POST").respond_with_handler(token)
    _pinning(httpserver, "/v5", made)
    bundle = {
        "access_token": "pina_old",
        "expires_at": str(int(now) + 3600),  # an hour left
        "refresh_token": "pinr_old",
        "app_secret": "app-secret-xyz",
    }
    pub, credentials = _publisher(httpserver, bundle, now)
    options = {"board_id": "5", "app_id": "1234567"}
    pub.publish(
        delivery(account(Network.PINTEREST, "k", options=options), "x", media=_image(tmp_path))
    )
    saved = credentials.bundles[1]
    assert saved["access_token"] == "pina_new" and saved["refresh_token"] == "pinr_new"
    assert saved["expires_at"] == str(int(now) + 2_592_000)
    assert saved["app_secret"] == "app-secret-xyz"
    assert httpserver.log[-1][0].headers["Authorization"] == "Bearer pina_new"


def test_a_refused_renewal_or_a_lapsed_token_means_reconnect(
    httpserver: HTTPServer, tmp_path: Path
) -> None:
    now = 1_800_000_000.0
    httpserver.expect_request("/v5/oauth/token").respond_with_json(
        {"code": 2, "message": "Authentication failed."}, status=401
    )
    options = {"board_id": "5", "app_id": "1234567"}
    acct = account(Network.PINTEREST, "k", options=options)
    bundle = {
        "access_token": "pina_old",
        "expires_at": str(int(now) - 10),
        "refresh_token": "pinr_old",
        "app_secret": "app-secret-xyz",
    }
    pub, credentials = _publisher(httpserver, bundle, now)
    with pytest.raises(AuthExpired, match="Reconnect"):
        pub.publish(delivery(acct, "x", media=_image(tmp_path)))
    assert credentials.bundles[1]["reconnect"]
    with pytest.raises(AuthExpired):  # no renewal loop: it waits for the user
        pub.publish(delivery(acct, "x", media=_image(tmp_path)))
    assert len(httpserver.log) == 1
    # Without a way to renew, a lapsed token is not even sent.
    lapsed, _ = _publisher(httpserver, {"access_token": "a", "expires_at": str(int(now) - 1)}, now)
    with pytest.raises(AuthExpired, match="expired"):
        lapsed.publish(delivery(acct, "x", media=_image(tmp_path)))
    assert len(httpserver.log) == 1
