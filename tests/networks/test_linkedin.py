"""LinkedIn's Posts API against a real HTTP server on 127.0.0.1, checked against the examples
LinkedIn documents (there is no OpenAPI description for it), quoted with their source."""

from __future__ import annotations

from typing import Any

import pytest
import requests
from pytest_httpserver import HTTPServer
from werkzeug import Request, Response

from somestudio.domain.networks import Network
from somestudio.domain.publish_result import Final, Retryable, UnknownOutcome
from somestudio.networks.http import Http, create_session
from somestudio.networks.linkedin.metrics import LinkedInMetrics
from somestudio.networks.linkedin.publish import VERSION, LinkedInClient, LinkedInPublisher
from somestudio.networks.metrics.base import AccountRef, FetchError, FetchErrorKind
from tests.networks.support import MemoryCredentials, account, delivery

# "Posts API" — Text-Only Post Creation Sample Request,
# https://learn.microsoft.com/en-us/linkedin/marketing/community-management/shares/posts-api
#   POST https://api.linkedin.com/rest/posts
DOCUMENTED_TEXT_POST: dict[str, Any] = {
    "author": "urn:li:organization:5515715",
    "commentary": "Sample text Post",
    "visibility": "PUBLIC",
    "distribution": {
        "feedDistribution": "MAIN_FEED",
        "targetEntities": [],
        "thirdPartyDistributionChannels": [],
    },
    "lifecycleState": "PUBLISHED",
    "isReshareDisabledByAuthor": False,
}
# ... and its response: "201 Created", the new post's id in the x-restli-id header.
DOCUMENTED_POST_ID = "urn:li:share:6844785523593134080"

# "Sign In with LinkedIn using OpenID Connect" — sample response of GET /v2/userinfo,
# https://learn.microsoft.com/en-us/linkedin/consumer/integrations/self-serve/sign-in-with-linkedin-v2
DOCUMENTED_USERINFO = {
    "sub": "782bbtaQ",
    "name": "John Doe",
    "given_name": "John",
    "family_name": "Doe",
    "locale": "en-US",
}

# A token without a scope a call needs gets 403 with LinkedIn's usual error body, e.g. as
# quoted in "How to create new LinkedIn text post using LinkedIn API?" (Microsoft Q&A,
# https://learn.microsoft.com/en-ie/answers/questions/1621489/).
NOT_ENOUGH_PERMISSIONS = {
    "serviceErrorCode": 100,
    "message": "Not enough permissions to access: POST /rest/posts",
    "status": 403,
}


def _creds() -> MemoryCredentials:
    return MemoryCredentials({1: {"access_token": "li-token"}})


def _pub(server: HTTPServer) -> LinkedInPublisher:
    return LinkedInPublisher(create_session, _creds(), api=server.url_for(""))


def test_the_documented_text_post_with_a_supported_version(httpserver: HTTPServer) -> None:
    seen: list[Request] = []

    def create(request: Request) -> Response:
        seen.append(request)
        return Response("", 201, headers={"x-restli-id": DOCUMENTED_POST_ID})

    httpserver.expect_request("/rest/posts", method="POST").respond_with_handler(create)
    acct = account(Network.LINKEDIN, "page", options={"organization_id": "5515715"})
    result = _pub(httpserver).publish(delivery(acct, "Sample text Post"))
    (request,) = seen
    assert request.get_json() == DOCUMENTED_TEXT_POST
    # 202510 was sunset on 15 Oct 2026; 202603 is supported until 16 Mar 2027 (LinkedIn's
    # "Marketing API migrations" table).
    assert request.headers["Linkedin-Version"] == VERSION == "202603"
    assert request.headers["X-Restli-Protocol-Version"] == "2.0.0"
    assert result.remote_id == DOCUMENTED_POST_ID


def test_a_sunset_version_says_an_update_is_needed_and_is_final(httpserver: HTTPServer) -> None:
    httpserver.expect_request("/rest/posts").respond_with_json(
        {"status": 426, "message": "Requested version 202510 is not active"}, status=426
    )
    acct = account(Network.LINKEDIN, "me", options={"person_id": "782bbtaQ"})
    with pytest.raises(Final) as caught:
        _pub(httpserver).publish(delivery(acct, "Hei"))
    error = caught.value
    assert not isinstance(error, Retryable | UnknownOutcome)
    assert error.error_kind == "needs_update" and error.http_status == 426
    assert error.reason.startswith("Some Studio needs an update for LinkedIn")
    assert len(httpserver.log) == 1


@pytest.mark.parametrize(
    ("options", "scope"),
    [
        ({"person_id": "urn:li:person:782bbtaQ"}, "w_member_social"),
        ({"organization_id": "5515715"}, "w_organization_social"),
    ],
    ids=["person", "page"],
)
def test_a_missing_scope_is_named(
    httpserver: HTTPServer, options: dict[str, object], scope: str
) -> None:
    httpserver.expect_request("/rest/posts").respond_with_json(NOT_ENOUGH_PERMISSIONS, status=403)
    with pytest.raises(Final) as caught:
        _pub(httpserver).publish(delivery(account(Network.LINKEDIN, "me", options=options), "x"))
    assert caught.value.error_kind == "missing_scope"
    assert f"lacks the {scope} permission" in caught.value.reason
    posted = httpserver.log[0][0].get_json()
    assert posted["author"].endswith(":782bbtaQ") or posted["author"].endswith(":5515715")


def test_userinfo_needs_openid_profile(httpserver: HTTPServer) -> None:
    client = LinkedInClient(Http(create_session(), "LinkedIn"), httpserver.url_for(""))
    httpserver.expect_oneshot_request("/v2/userinfo").respond_with_json(DOCUMENTED_USERINFO)
    assert client.userinfo("li-token")["sub"] == "782bbtaQ"
    httpserver.expect_oneshot_request("/v2/userinfo").respond_with_json(
        {
            "serviceErrorCode": 100,
            "message": "Not enough permissions to access: GET /userinfo",
            "status": 403,
        },
        status=403,
    )
    with pytest.raises(Final, match="lacks the openid and profile permissions"):
        client.userinfo("li-token")
    assert "Linkedin-Version" not in httpserver.log[0][0].headers  # an unversioned endpoint


def test_page_statistics_use_the_same_version_and_426_is_final(httpserver: HTTPServer) -> None:
    httpserver.expect_request("/rest/networkSizes/urn:li:organization:5515715").respond_with_json(
        {}, status=426
    )
    ref = AccountRef("page", options={"organization_id": "5515715"})
    fetcher = LinkedInMetrics(requests.Session(), httpserver.url_for(""), "t", account=ref)
    with pytest.raises(FetchError) as caught:
        fetcher.fetch_account(ref)
    assert caught.value.kind is FetchErrorKind.FINAL
    assert str(caught.value).startswith("Some Studio needs an update for LinkedIn")
    assert httpserver.log[0][0].headers["Linkedin-Version"] == VERSION
