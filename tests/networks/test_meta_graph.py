"""Threads and Instagram as Meta documents them, against a real HTTP server on 127.0.0.1.

Threads has no SDK: the answers served here are Meta's documented examples, quoted with the
page they come from. Graph errors follow "Handling Errors"
(https://developers.facebook.com/docs/graph-api/guides/error-handling): an ``error`` object
with ``message``, ``type``, ``code``, ``error_subcode``, ``error_user_title``.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping, Sequence
from urllib.parse import parse_qs

import pytest
from pytest_httpserver import HTTPServer
from werkzeug import Request, Response

from somestudio.domain.networks import Network
from somestudio.domain.posts import MediaItem
from somestudio.domain.publish_result import AuthExpired, Final, Retryable, UnknownOutcome
from somestudio.networks.http import create_session
from somestudio.networks.meta.publish import (
    EXPIRY_GUESSED,
    GRAPH_API_VERSION,
    ISSUED_AT,
    POLL_DELAYS_S,
    PROGRESS,
    FacebookPublisher,
    InstagramPublisher,
    ThreadsPublisher,
    new_bundle,
    permission_sentence,
    revoked_sentence,
)
from tests.networks.support import MemoryCredentials, account, delivery

T0 = 1_790_000_000.0  # a fixed clock (epoch seconds); no test reads the machine's time
HOUR = 3600.0

# Threads API Troubleshooting, "Example Response" and "Example Response (in case of error)"
# https://developers.facebook.com/docs/threads/troubleshooting
FINISHED = {"status": "FINISHED", "id": "17889615691921648"}
FAILED = {
    "status": "ERROR",
    "id": "17889615691921648",
    "error_message": "FAILED_DOWNLOADING_VIDEO",
}
# Threads "Long-Lived Access Tokens", refresh response
# https://developers.facebook.com/docs/threads/get-started/long-lived-tokens/
REFRESHED = {"access_token": "renewed-threads-token", "token_type": "bearer", "expires_in": 5183944}
# Instagram Platform "Refresh Access Token", response contents (access_token, token_type,
# expires_in) https://developers.facebook.com/documentation/instagram-platform/reference/refresh_access_token
IG_REFRESHED = {"access_token": "renewed-ig-token", "token_type": "bearer", "expires_in": 5183944}
# Issue 12 / Meta's community reports: publishing before the container is ready.
MEDIA_NOT_FOUND = {
    "error": {
        "message": "The requested resource does not exist",
        "type": "OAuthException",
        "code": 24,
        "error_subcode": 4279009,
        "is_transient": False,
        "error_user_title": "Media Not Found",
        "error_user_msg": "The media with id 2 cannot be found.",
    }
}
# "Handling Errors", the access token example (code 190, subcode 460: password changed)
REVOKED = {
    "error": {
        "message": "Error validating access token: The session has been invalidated because "
        "the user changed their password.",
        "type": "OAuthException",
        "code": 190,
        "error_subcode": 460,
    }
}
PERMISSION = {
    "error": {
        "message": "(#200) The user hasn't authorized the application to perform this action",
        "type": "OAuthException",
        "code": 200,
    }
}


def _threads(
    server: HTTPServer, creds: MemoryCredentials, sleeps: list[float], clock: float = T0
) -> ThreadsPublisher:
    return ThreadsPublisher(
        create_session,
        creds,
        base=server.url_for("/v1.0"),
        sleep=sleeps.append,
        clock=lambda: clock,
    )


def _creds(**extra: str) -> MemoryCredentials:
    return MemoryCredentials({1: {"access_token": "threads-token", **extra}})


def _counter(
    answers: Sequence[tuple[Mapping[str, object], int]], seen: list[str]
) -> Callable[[Request], Response]:
    """Serves ``answers`` in turn (the last one for ever), noting each path."""

    def handle(request: Request) -> Response:
        seen.append(request.path)
        body, status = answers[min(len(seen) - 1, len(answers) - 1)]
        return Response(json.dumps(body), status, content_type="application/json")

    return handle


def _serve_thread(server: HTTPServer, made: list[dict[str, str]]) -> None:
    def create(request: Request) -> Response:
        made.append(request.form.to_dict())
        return Response(json.dumps({"id": f"c{len(made)}"}))

    server.expect_request("/v1.0/me/threads", method="POST").respond_with_handler(create)


def test_threads_polls_the_container_until_finished_before_publishing(
    httpserver: HTTPServer,
) -> None:
    made: list[dict[str, str]] = []
    _serve_thread(httpserver, made)
    polls: list[str] = []
    answers = [({"status": "IN_PROGRESS", "id": "c1"}, 200)] * 2 + [(FINISHED, 200)]
    httpserver.expect_request("/v1.0/c1").respond_with_handler(_counter(answers, polls))
    httpserver.expect_request("/v1.0/me/threads_publish", method="POST").respond_with_json(
        {"id": "1234567"}  # "Publishing" reference, the threads_publish example response
    )
    sleeps: list[float] = []
    result = _threads(httpserver, _creds(), sleeps).publish(
        delivery(account(Network.THREADS), "Hei")
    )
    assert result.remote_id == "1234567"
    assert len(polls) == 3 and sleeps == list(POLL_DELAYS_S[:2])
    order = [(e[0].method, e[0].path) for e in httpserver.log]
    assert order.index(("POST", "/v1.0/me/threads_publish")) > order.index(("GET", "/v1.0/c1"))
    assert [q for e in httpserver.log if (q := e[0].args.get("fields"))] == [
        "status,error_message"
    ] * 3


def test_a_failed_container_is_final_with_metas_reason(httpserver: HTTPServer) -> None:
    made: list[dict[str, str]] = []
    _serve_thread(httpserver, made)
    httpserver.expect_request("/v1.0/c1").respond_with_json(FAILED)
    with pytest.raises(Final, match="FAILED_DOWNLOADING_VIDEO") as caught:
        _threads(httpserver, _creds(), []).publish(delivery(account(Network.THREADS), "Hei"))
    assert caught.value.error_kind == "media"
    assert all(e[0].path != "/v1.0/me/threads_publish" for e in httpserver.log)


def test_the_wait_is_bounded_and_a_retry_reuses_the_container(httpserver: HTTPServer) -> None:
    made: list[dict[str, str]] = []
    _serve_thread(httpserver, made)
    polls: list[str] = []
    answers = [({"status": "IN_PROGRESS"}, 200)] * (len(POLL_DELAYS_S) + 1) + [(FINISHED, 200)]
    httpserver.expect_request("/v1.0/c1").respond_with_handler(_counter(answers, polls))
    httpserver.expect_request("/v1.0/me/threads_publish", method="POST").respond_with_json(
        {"id": "t1"}
    )
    creds, sleeps = _creds(), list[float]()
    pub = _threads(httpserver, creds, sleeps)
    with pytest.raises(Retryable, match="still preparing"):
        pub.publish(delivery(account(Network.THREADS), "Hei"))
    assert sum(sleeps) <= 5 * 60 and sleeps == sorted(sleeps)  # backoff, about 5 minutes
    assert json.loads(creds.bundles[1][PROGRESS]) == {
        delivery(account(Network.THREADS)).idempotency_key: [{"container": "c1"}]
    }
    assert pub.publish(delivery(account(Network.THREADS), "Hei")).remote_id == "t1"
    assert len(made) == 1  # the container was reused, not made again
    assert PROGRESS not in creds.bundles[1]  # done: nothing left over


def test_media_not_found_before_publish_is_retried_and_the_thread_continues(
    httpserver: HTTPServer,
) -> None:
    made: list[dict[str, str]] = []
    _serve_thread(httpserver, made)
    for container in ("c1", "c2", "c3"):
        httpserver.expect_request(f"/v1.0/{container}").respond_with_json(FINISHED)
    published: list[str] = []

    def publish(request: Request) -> Response:
        creation = request.form["creation_id"]
        published.append(creation)
        if creation == "c2" and published.count("c2") == 1:
            return Response(json.dumps(MEDIA_NOT_FOUND), 400, content_type="application/json")
        return Response(json.dumps({"id": "t" + creation}))

    httpserver.expect_request("/v1.0/me/threads_publish", method="POST").respond_with_handler(
        publish
    )
    creds = _creds()
    pub = _threads(httpserver, creds, [])
    thread = delivery(account(Network.THREADS), thread=["Yksi", "Kaksi", "Kolme"])
    with pytest.raises(Retryable) as caught:
        pub.publish(thread)
    assert caught.value.error_kind == "not_ready"
    assert caught.value.reason.endswith(
        "Parts 1–1 of 3 are published on Threads; a retry continues with part 2."
    )
    again = ThreadsPublisher(  # a new process: the progress comes from the stored sign-in
        create_session, creds, base=httpserver.url_for("/v1.0"), sleep=lambda _s: None
    )
    result = again.publish(thread)
    assert result.details["thread_ids"] == "tc1,tc2,tc3"
    assert published == ["c1", "c2", "c2", "c3"]  # part 1 never twice
    assert [m.get("reply_to_id") for m in made] == [None, "tc1", "tc2"]


def test_an_unknown_publish_outcome_is_never_resent(httpserver: HTTPServer) -> None:
    made: list[dict[str, str]] = []
    _serve_thread(httpserver, made)
    states = [(FINISHED, 200), ({"status": "PUBLISHED", "id": "c1"}, 200)]
    httpserver.expect_request("/v1.0/c1").respond_with_handler(_counter(states, []))
    httpserver.expect_request("/v1.0/me/threads_publish", method="POST").respond_with_json(
        {"error": {"message": "An unknown error occurred", "code": 1}}, status=500
    )
    creds = _creds()
    pub = _threads(httpserver, creds, [])
    post = delivery(account(Network.THREADS), "Hei")
    with pytest.raises(UnknownOutcome):
        pub.publish(post)
    assert pub.reconcile(post) is None
    with pytest.raises(UnknownOutcome, match="publish the rest by hand"):
        pub.publish(post)
    assert sum(e[0].path == "/v1.0/me/threads_publish" for e in httpserver.log) == 1


def test_a_threads_token_is_renewed_only_once_a_day_old(httpserver: HTTPServer) -> None:
    httpserver.expect_request("/refresh_access_token").respond_with_json(REFRESHED)
    httpserver.expect_request("/v1.0/me/threads", method="POST").respond_with_json({"id": "c1"})
    httpserver.expect_request("/v1.0/c1").respond_with_json(FINISHED)
    httpserver.expect_request("/v1.0/me/threads_publish", method="POST").respond_with_json(
        {"id": "t1"}
    )
    creds = MemoryCredentials({1: new_bundle("threads-token", T0)})
    post = delivery(account(Network.THREADS), "Hei")
    _threads(httpserver, creds, [], clock=T0 + 23 * HOUR).publish(post)
    assert not [e for e in httpserver.log if e[0].path == "/refresh_access_token"]
    _threads(httpserver, creds, [], clock=T0 + 25 * HOUR).publish(post)
    (refresh,) = [e[0] for e in httpserver.log if e[0].path == "/refresh_access_token"]
    assert parse_qs(refresh.query_string.decode()) == {
        "grant_type": ["th_refresh_token"],
        "access_token": ["threads-token"],
    }
    bundle = creds.bundles[1]
    assert bundle["access_token"] == "renewed-threads-token" and EXPIRY_GUESSED not in bundle
    assert bundle[ISSUED_AT] == str(int(T0 + 25 * HOUR))
    assert bundle["expires_at"] == str(int(T0 + 25 * HOUR + 5183944))
    last = httpserver.log[-1][0]
    assert last.headers["Authorization"] == "Bearer renewed-threads-token"
    _threads(httpserver, creds, [], clock=T0 + 50 * HOUR).publish(post)  # 58 days left
    assert len([e for e in httpserver.log if e[0].path == "/refresh_access_token"]) == 1


def test_a_refused_renewal_asks_for_reconnecting(httpserver: HTTPServer) -> None:
    httpserver.expect_request("/refresh_access_token").respond_with_json(REVOKED, status=400)
    creds = MemoryCredentials({1: new_bundle("threads-token", T0)})
    with pytest.raises(AuthExpired, match="Reconnect"):
        _threads(httpserver, creds, [], clock=T0 + 2 * 24 * HOUR).publish(
            delivery(account(Network.THREADS), "Hei")
        )
    assert creds.bundles[1]["reconnect"]


def _instagram(server: HTTPServer, creds: MemoryCredentials, clock: float) -> InstagramPublisher:
    return InstagramPublisher(
        create_session,
        creds,
        base=server.url_for(f"/fb/{GRAPH_API_VERSION}"),
        instagram_base=server.url_for(f"/{GRAPH_API_VERSION}"),
        sleep=lambda _s: None,
        clock=lambda: clock,
    )


def _serve_instagram(server: HTTPServer, root: str) -> None:
    server.expect_request(f"{root}/17/media", method="POST").respond_with_json({"id": "c9"})
    server.expect_request(f"{root}/c9").respond_with_json({"status_code": "FINISHED", "id": "c9"})
    server.expect_request(f"{root}/17/media_publish", method="POST").respond_with_json({"id": "m1"})


IG_OPTIONS = {"ig_user_id": "17", "media_base_url": "https://kahvila.example/kuvat"}
IMAGE = [MediaItem("/kuvat/pulla.jpg", "image/jpeg", "Pulla")]


def test_instagram_login_publishes_on_graph_instagram_and_renews(httpserver: HTTPServer) -> None:
    httpserver.expect_request("/refresh_access_token").respond_with_json(IG_REFRESHED)
    _serve_instagram(httpserver, f"/{GRAPH_API_VERSION}")
    creds = MemoryCredentials({1: new_bundle("ig-token", T0)})
    acct = account(Network.INSTAGRAM, "k", options={**IG_OPTIONS, "ig_login": "instagram"})
    result = _instagram(httpserver, creds, T0 + 3 * 24 * HOUR).publish(
        delivery(acct, "Pullaa", media=IMAGE)
    )
    assert result.remote_id == "m1"
    (refresh,) = [e[0] for e in httpserver.log if e[0].path == "/refresh_access_token"]
    assert refresh.args["grant_type"] == "ig_refresh_token"
    assert creds.bundles[1]["access_token"] == "renewed-ig-token"
    paths = [e[0].path for e in httpserver.log]
    assert paths[1:] == [
        f"/{GRAPH_API_VERSION}/17/media",
        f"/{GRAPH_API_VERSION}/c9",
        f"/{GRAPH_API_VERSION}/17/media_publish",
    ]


def test_instagram_facebook_login_publishes_on_graph_facebook_without_renewing(
    httpserver: HTTPServer,
) -> None:
    _serve_instagram(httpserver, f"/fb/{GRAPH_API_VERSION}")
    creds = MemoryCredentials({1: {"access_token": "fb-token"}})
    acct = account(Network.INSTAGRAM, "k", options={**IG_OPTIONS, "ig_login": "facebook"})
    assert (
        _instagram(httpserver, creds, T0).publish(delivery(acct, "Pullaa", media=IMAGE)).remote_id
        == "m1"
    )
    assert all(e[0].path.startswith("/fb/") for e in httpserver.log)


@pytest.mark.parametrize(
    ("body", "status", "kind", "said"),
    [
        (
            REVOKED,
            400,
            AuthExpired,
            revoked_sentence("Facebook", "Meta error 190/460"),
        ),
        (
            PERMISSION,
            403,
            Final,
            permission_sentence("Facebook", "pages_manage_posts"),
        ),
    ],
    ids=["revoked", "permission"],
)
def test_a_revoked_token_or_a_missing_permission_is_one_plain_sentence(
    httpserver: HTTPServer, body: dict[str, object], status: int, kind: type[Exception], said: str
) -> None:
    httpserver.expect_request("/99/feed").respond_with_json(body, status=status)
    pub = FacebookPublisher(
        create_session,
        MemoryCredentials({1: {"access_token": "page-token"}}),
        base=httpserver.url_for(""),
    )
    with pytest.raises(kind) as caught:
        pub.publish(delivery(account(Network.FACEBOOK, "K", options={"page_id": "99"}), "x"))
    assert str(caught.value) == said
    assert not isinstance(caught.value, Retryable)
    assert len(httpserver.log) == 1


def test_a_thread_reply_without_threads_manage_replies_names_that_permission(
    httpserver: HTTPServer,
) -> None:
    made: list[dict[str, str]] = []

    def create(request: Request) -> Response:
        made.append(request.form.to_dict())
        if "reply_to_id" in request.form:
            return Response(json.dumps(PERMISSION), 403, content_type="application/json")
        return Response(json.dumps({"id": "c1"}))

    httpserver.expect_request("/v1.0/me/threads", method="POST").respond_with_handler(create)
    httpserver.expect_request("/v1.0/c1").respond_with_json(FINISHED)
    httpserver.expect_request("/v1.0/me/threads_publish", method="POST").respond_with_json(
        {"id": "t1"}
    )
    with pytest.raises(Final) as caught:
        _threads(httpserver, _creds(), []).publish(
            delivery(account(Network.THREADS), thread=["Yksi", "Kaksi"])
        )
    assert caught.value.reason == (
        permission_sentence("Threads", "threads_manage_replies")
        + " Parts 1–1 of 2 are published on Threads; a retry continues with part 2."
    )
    assert caught.value.error_kind == "permission"


def test_publishing_and_metrics_share_one_graph_api_version() -> None:
    from somestudio.app.metrics import base_url_for  # noqa: PLC0415
    from somestudio.networks.meta.publish import GRAPH, INSTAGRAM_GRAPH  # noqa: PLC0415
    from somestudio.networks.registry import entry  # noqa: PLC0415

    assert f"https://graph.facebook.com/{GRAPH_API_VERSION}" == GRAPH
    assert f"https://graph.instagram.com/{GRAPH_API_VERSION}" == INSTAGRAM_GRAPH
    creds = MemoryCredentials()
    assert FacebookPublisher(create_session, creds).base == GRAPH
    instagram = InstagramPublisher(create_session, creds)
    assert (instagram.base, instagram.instagram_base) == (GRAPH, INSTAGRAM_GRAPH)
    facebook, instagram_code = entry(Network.FACEBOOK), entry(Network.INSTAGRAM)
    assert facebook is not None and instagram_code is not None
    assert facebook.metrics_base == instagram_code.metrics_base == GRAPH
    assert instagram_code.metrics_address({"ig_login": "instagram"}) == INSTAGRAM_GRAPH
    by_instagram = account(Network.INSTAGRAM, options={"ig_login": "instagram"})
    by_facebook = account(Network.INSTAGRAM, options={"ig_login": "facebook"})
    assert base_url_for(by_instagram) == INSTAGRAM_GRAPH
    assert base_url_for(by_facebook) == GRAPH


def test_metrics_find_the_account_id_the_connect_flow_stored(httpserver: HTTPServer) -> None:
    from somestudio.networks.meta.metrics import InstagramMetrics, ThreadsMetrics  # noqa: PLC0415
    from somestudio.networks.metrics.base import AccountRef  # noqa: PLC0415

    httpserver.expect_request("/17").respond_with_json(
        {"followers_count": 10, "follows_count": 2, "media_count": 3}
    )
    httpserver.expect_request("/7/threads_insights").respond_with_json(
        {"data": [{"name": "followers_count", "total_value": {"value": 41}}]}
    )
    session = create_session()
    base = httpserver.url_for("")
    ig = InstagramMetrics(session, base, "t").fetch_account(
        AccountRef("k", options={"ig_user_id": "17", "page_id": "99"})
    )
    assert ig.followers == 10
    threads = ThreadsMetrics(session, base, "t").fetch_account(
        AccountRef("k", options={"threads_user_id": "7"})
    )
    assert threads.followers == 41


def test_a_failed_renewal_never_tells_the_token() -> None:
    import socket  # noqa: PLC0415

    with socket.socket() as probe:  # a port nobody listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    creds = MemoryCredentials({1: new_bundle("secret-threads-token-987", T0)})
    pub = ThreadsPublisher(
        create_session, creds, base=f"http://127.0.0.1:{port}/v1.0", clock=lambda: T0 + 2 * 86400
    )
    with pytest.raises(Retryable) as caught:
        pub.access(account(Network.THREADS))
    assert "refresh_access_token" in str(caught.value)  # the message still says where
    assert "secret" not in str(caught.value)  # not even a cut-short part of it
    assert "secret" not in caught.value.reason


def test_progress_of_threads_given_up_long_ago_is_not_kept_for_ever(
    httpserver: HTTPServer,
) -> None:
    from somestudio.networks.meta.publish import MAX_KEPT_THREADS  # noqa: PLC0415

    old = {f"key{n}": [{"container": f"c{n}"}] for n in range(MAX_KEPT_THREADS)}
    creds = _creds(**{PROGRESS: json.dumps(old)})
    made: list[dict[str, str]] = []
    _serve_thread(httpserver, made)
    httpserver.expect_request("/v1.0/c1").respond_with_json({"status": "ERROR"})
    with pytest.raises(Final):
        _threads(httpserver, creds, []).publish(delivery(account(Network.THREADS), "Hei"))
    kept = json.loads(creds.bundles[1][PROGRESS])
    assert len(kept) == MAX_KEPT_THREADS and "key0" not in kept
    assert list(kept)[-1] == delivery(account(Network.THREADS)).idempotency_key


def test_threads_sends_every_image_and_video_as_a_carousel_with_their_alt_text(
    httpserver: HTTPServer,
) -> None:
    """ "Threads Posts", carousel posts: an item container per image or video
    (is_carousel_item=true), then media_type=CAROUSEL with the children's ids
    (https://developers.facebook.com/documentation/threads/posts); "Accessibility": alt_text
    for images and videos (https://developers.facebook.com/documentation/threads/posts/
    accessibility). Only the first image went out before, and a video as an IMAGE."""
    made: list[dict[str, str]] = []
    _serve_thread(httpserver, made)
    for container in ("c1", "c2", "c3"):
        httpserver.expect_request(f"/v1.0/{container}").respond_with_json(FINISHED)
    httpserver.expect_request("/v1.0/me/threads_publish", method="POST").respond_with_json(
        {"id": "1234567"}
    )
    options = {"media_base_url": "https://kahvila.example/media"}
    media = [
        MediaItem("/k/pulla.jpg", "image/jpeg", "Korvapuusti lautasella"),
        MediaItem("/k/leivonta.mp4", "video/mp4", "Taikinan vaivaamista"),
    ]
    pub = _threads(httpserver, _creds(), [])
    result = pub.publish(
        delivery(account(Network.THREADS, options=options), "Leivontapäivä", media=media)
    )
    assert result.remote_id == "1234567"
    assert made[0] == {
        "media_type": "IMAGE",
        "image_url": "https://kahvila.example/media/pulla.jpg",
        "alt_text": "Korvapuusti lautasella",
        "is_carousel_item": "true",
    }
    assert made[1] == {
        "media_type": "VIDEO",
        "video_url": "https://kahvila.example/media/leivonta.mp4",
        "alt_text": "Taikinan vaivaamista",
        "is_carousel_item": "true",
    }
    assert made[2] == {"media_type": "CAROUSEL", "children": "c1,c2", "text": "Leivontapäivä"}


def test_threads_sends_a_single_video_as_a_video(httpserver: HTTPServer) -> None:
    made: list[dict[str, str]] = []
    _serve_thread(httpserver, made)
    httpserver.expect_request("/v1.0/c1").respond_with_json(FINISHED)
    httpserver.expect_request("/v1.0/me/threads_publish", method="POST").respond_with_json(
        {"id": "1234567"}
    )
    options = {"media_base_url": "https://kahvila.example/media"}
    video = [MediaItem("/k/leivonta.mp4", "video/mp4", "")]
    _threads(httpserver, _creds(), []).publish(
        delivery(account(Network.THREADS, options=options), "Hei", media=video)
    )
    assert made == [
        {
            "media_type": "VIDEO",
            "video_url": "https://kahvila.example/media/leivonta.mp4",
            "text": "Hei",
        }
    ]
