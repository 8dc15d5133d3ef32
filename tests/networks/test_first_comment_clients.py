"""The first comment of each HTTP client against a real server on 127.0.0.1, checked against
the networks' own artefacts where they exist: X's OpenAPI description, Meta's
``facebook-business`` SDK parameter tables (Post/IGMedia ``create_comment``), and the
documented examples of LinkedIn's Comments API and Threads' Create Replies.
(Mastodon: tests/integration/test_first_comment.py; Bluesky: test_bluesky_pds_comment.py.)"""

from __future__ import annotations

import inspect
import json
import re
from urllib.parse import parse_qs

import pytest
from pytest_httpserver import HTTPServer
from werkzeug import Request, Response

from somestudio.domain.first_comment import FIRST_COMMENT_NETWORKS, as_commenter
from somestudio.domain.networks import Network
from somestudio.domain.publish_result import UnknownOutcome
from somestudio.networks.http import create_session
from somestudio.networks.linkedin.publish import VERSION, LinkedInPublisher
from somestudio.networks.meta.publish import FacebookPublisher, InstagramPublisher, ThreadsPublisher
from somestudio.networks.pinterest.publish import PinterestPublisher
from somestudio.networks.x.publish import XPublisher
from somestudio.scheduling.publishers import PublisherRegistry, register_network_publishers
from tests.networks.openapi import spec
from tests.networks.support import MemoryCredentials, account, comment_of

TOKEN = {"access_token": "tok-abcdef", "refresh_token": "r", "expires_at": "9999999999"}


def _creds() -> MemoryCredentials:
    return MemoryCredentials({1: dict(TOKEN)})


def _sdk_params(class_path: str) -> tuple[set[str], str]:
    """The parameter names and edge of ``create_comment`` in Meta's own SDK."""
    module_name, _, class_name = class_path.rpartition(".")
    module = pytest.importorskip(module_name)  # facebook-business: a test-only dependency
    source = inspect.getsource(getattr(module, class_name).create_comment)
    table = source[source.index("param_types = {") : source.index("}", source.index("param_types"))]
    edge = re.search(r"endpoint='([^']+)'", source)
    assert edge is not None
    return set(re.findall(r"'(\w+)':", table)), edge.group(1)


def test_every_network_that_offers_the_field_has_a_client_that_comments() -> None:
    registry = register_network_publishers(PublisherRegistry(), _creds())
    able = {
        network
        for network in Network
        if as_commenter(registry.find(account(network, options={}))) is not None
    }
    assert able == set(FIRST_COMMENT_NETWORKS)
    assert as_commenter(PinterestPublisher(create_session, _creds())) is None


def test_x_reply_fits_the_openapi_and_reconciles_by_our_recent_posts(
    httpserver: HTTPServer,
) -> None:
    made: list[dict[str, object]] = []

    def tweets(request: Request) -> Response:
        body = request.get_json()
        spec("x.json").check("POST", "/2/tweets", body)
        made.append(body)
        return Response(json.dumps({"data": {"id": "2001", "text": body["text"]}}), 201)

    httpserver.expect_request("/2/tweets", method="POST").respond_with_handler(tweets)
    acct = account(Network.X, "aurinko", options={"client_id": "cid"})
    publisher = XPublisher(create_session, _creds(), api=httpserver.url_for(""))
    result = publisher.comment(comment_of(acct, "Lue lisää: example.com", post_id="1999"))
    assert made == [{"text": "Lue lisää: example.com", "reply": {"in_reply_to_tweet_id": "1999"}}]
    assert result.remote_id == "2001" and result.remote_url.endswith("/status/2001")

    httpserver.expect_request("/2/users/me").respond_with_json({"data": {"id": "42"}})
    httpserver.expect_request("/2/users/42/tweets").respond_with_json(
        {
            "data": [
                {"id": "2001", "text": "Lue lisää: https://t.co/abc"},
                {"id": "1999", "text": "The post"},
            ]
        }
    )
    found = publisher.reconcile_comment(comment_of(acct, "Lue lisää: example.com", post_id="1999"))
    assert found is not None and found.remote_id == "2001"
    other = comment_of(acct, "Never sent", post_id="1999")
    assert publisher.reconcile_comment(other) is None


@pytest.mark.parametrize(
    ("publisher_class", "network", "sdk"),
    [
        (FacebookPublisher, Network.FACEBOOK, "facebook_business.adobjects.post.Post"),
        (InstagramPublisher, Network.INSTAGRAM, "facebook_business.adobjects.igmedia.IGMedia"),
    ],
)
def test_meta_comment_parameters_are_the_sdks(
    httpserver: HTTPServer, publisher_class: type, network: Network, sdk: str
) -> None:
    allowed, edge = _sdk_params(sdk)
    sent: list[tuple[str, dict[str, list[str]]]] = []

    def comments(request: Request) -> Response:
        sent.append((request.path, parse_qs(request.get_data(as_text=True))))
        return Response(json.dumps({"id": "17870913679156914"}), 200)

    httpserver.expect_request("/123_456/comments", method="POST").respond_with_handler(comments)
    acct = account(network, "kahvila", options={"page_id": "123"})
    publisher = publisher_class(create_session, _creds(), base=httpserver.url_for(""))
    result = publisher.comment(
        comment_of(acct, "Varaa pöytä!", post_id="123_456", post_url="https://fb/123_456")
    )
    ((path, form),) = sent
    assert path == f"/123_456{edge}"
    assert set(form) <= allowed, f"not in the SDK's create_comment table: {set(form) - allowed}"
    assert form["message"] == ["Varaa pöytä!"]
    assert (result.remote_id, result.remote_url) == ("17870913679156914", "https://fb/123_456")


def test_facebook_comment_lost_in_transit_is_found_among_the_pages_comments(
    httpserver: HTTPServer,
) -> None:
    httpserver.expect_request("/9_1/comments", method="POST").respond_with_data("", 500)
    httpserver.expect_request("/9_1/comments", method="GET").respond_with_json(
        {
            "data": [
                {"id": "c1", "message": "Varaa pöytä!", "from": {"id": "someone-else"}},
                {"id": "c2", "message": "Varaa pöytä!", "from": {"id": "9"}},
            ]
        }
    )
    acct = account(Network.FACEBOOK, "kahvila", options={"page_id": "9"})
    publisher = FacebookPublisher(create_session, _creds(), base=httpserver.url_for(""))
    comment = comment_of(acct, "Varaa pöytä!", post_id="9_1")
    with pytest.raises(UnknownOutcome):  # a non-idempotent create: never blindly resent
        publisher.comment(comment)
    found = publisher.reconcile_comment(comment)
    assert found is not None and found.remote_id == "c2"  # ours, not a visitor's same words


def test_linkedin_comment_follows_the_documented_example(httpserver: HTTPServer) -> None:
    """LinkedIn docs, "Comments API" — Create a Comment:
    POST https://api.linkedin.com/rest/socialActions/{shareUrn|ugcPostUrn|commentUrn}/comments
    {"actor": "urn:li:person:...", "object": "urn:li:activity:...", "message": {"text": "..."}}
    (https://learn.microsoft.com/en-us/linkedin/marketing/integrations/community-management/shares/comments-api)
    """
    sent: list[Request] = []

    def create(request: Request) -> Response:
        sent.append(request)
        body = {"$URN": "urn:li:comment:(urn:li:share:7,99)", "id": "99"}
        return Response(json.dumps(body), 201, content_type="application/json")

    path = "/rest/socialActions/urn:li:share:7/comments"
    httpserver.expect_request(path, method="POST").respond_with_handler(create)
    acct = account(Network.LINKEDIN, "firma", options={"organization_id": "5"})
    publisher = LinkedInPublisher(create_session, _creds(), api=httpserver.url_for(""))
    result = publisher.comment(comment_of(acct, "Hae paikkaa (linkki)", post_id="urn:li:share:7"))
    (request,) = sent
    assert "urn%3Ali%3Ashare%3A7" in request.full_path or request.path == path  # URN encoded
    assert request.headers["Linkedin-Version"] == VERSION
    assert request.headers["X-Restli-Protocol-Version"] == "2.0.0"
    assert request.get_json() == {
        "actor": "urn:li:organization:5",
        "object": "urn:li:share:7",
        "message": {"text": "Hae paikkaa (linkki)"},  # plain text: no little-text escapes
    }
    assert result.remote_id == "urn:li:comment:(urn:li:share:7,99)"


def test_threads_reply_container_waits_for_finished_then_publishes(httpserver: HTTPServer) -> None:
    """Threads docs, "Create Replies": POST /me/threads with media_type, text, reply_to_id,
    then POST /{threads-user-id}/threads_publish with creation_id
    (https://developers.facebook.com/documentation/threads/retrieve-and-manage-replies/create-replies).
    """
    calls: list[tuple[str, dict[str, list[str]]]] = []
    statuses = iter(["IN_PROGRESS", "FINISHED"])

    def record(answer: dict[str, str]):
        def handle(request: Request) -> Response:
            calls.append((request.path, parse_qs(request.get_data(as_text=True))))
            return Response(json.dumps(answer), 200)

        return handle

    def status(request: Request) -> Response:
        calls.append((request.path, {"fields": [request.args["fields"]]}))
        return Response(json.dumps({"status": next(statuses), "id": "c-1"}), 200)

    httpserver.expect_request("/77/threads", method="POST").respond_with_handler(
        record({"id": "c-1"})
    )
    httpserver.expect_request("/c-1", method="GET").respond_with_handler(status)
    httpserver.expect_request("/77/threads_publish", method="POST").respond_with_handler(
        record({"id": "r-9"})
    )
    acct = account(Network.THREADS, "kahvila", options={"threads_user_id": "77"})
    publisher = ThreadsPublisher(create_session, _creds(), base=httpserver.url_for(""))
    naps: list[float] = []
    publisher.comment_sleep = naps.append
    result = publisher.comment(comment_of(acct, "Lisää tietoa", post_id="p-5"))
    assert [c[0] for c in calls] == ["/77/threads", "/c-1", "/c-1", "/77/threads_publish"]
    assert calls[0][1] == {
        "media_type": ["TEXT"],
        "text": ["Lisää tietoa"],
        "reply_to_id": ["p-5"],
    }
    assert calls[-1][1] == {"creation_id": ["c-1"]}
    assert naps == [1.0] and result.remote_id == "r-9"
