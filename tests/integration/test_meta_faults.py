"""Meta's refusals through the real engine: the Facebook and Threads clients against
pytest-httpserver on 127.0.0.1. A revoked token or a missing permission fails at once with one
plain sentence in the attempt log and is never retried; Threads' "Media Not Found" before
publishing is retried, and the post is made once."""

from __future__ import annotations

import json

import pytest
from pytest_httpserver import HTTPServer
from werkzeug import Request, Response

from somestudio.domain.delivery_state import DeliveryState
from somestudio.domain.networks import Network, PublishMethod
from somestudio.networks.http import create_session
from somestudio.networks.meta.publish import (
    FacebookPublisher,
    ThreadsPublisher,
    permission_sentence,
    revoked_sentence,
)
from somestudio.store import accounts as account_rows
from somestudio.store.database import transaction
from somestudio.store.sql import Sql, run
from tests.integration.scheduling_setup import Rig
from tests.networks.support import MemoryCredentials
from tests.networks.test_meta_graph import FINISHED, MEDIA_NOT_FOUND, PERMISSION, REVOKED

S = DeliveryState


@pytest.fixture(scope="session")
def httpserver_listen_address() -> tuple[str, int]:
    return ("127.0.0.1", 0)


def _account(rig: Rig, network: Network, options: dict[str, object]) -> int:
    conn = rig.workspace.writable_connection()
    with transaction(conn):
        return account_rows.add_account(
            conn, network, "kahvila", publish_method=PublishMethod.API, options=options
        )


def _attempts(rig: Rig, delivery: int) -> list[tuple[str, str, str]]:
    rows = run(
        rig.workspace.store_connection(),
        Sql(
            "SELECT outcome, error_kind, message FROM attempts WHERE delivery_id = :id ORDER BY id"
        ),
        {"id": delivery},
    )
    return [(r[0], r[1], r[2]) for r in rows]


@pytest.mark.parametrize(
    "case",
    [
        (REVOKED, 400, "auth", revoked_sentence("Facebook", "Meta error 190/460")),
        (PERMISSION, 403, "permission", permission_sentence("Facebook", "pages_manage_posts")),
    ],
    ids=["revoked", "permission"],
)
def test_a_refusal_that_cannot_change_fails_once_with_one_sentence(
    rig: Rig, httpserver: HTTPServer, case: tuple[dict[str, object], int, str, str]
) -> None:
    body, status, kind, said = case
    httpserver.expect_request("/99/feed", method="POST").respond_with_json(body, status=status)
    account_id = _account(rig, Network.FACEBOOK, {"page_id": "99"})
    credentials = MemoryCredentials({account_id: {"access_token": "page-token-123"}})
    rig.publishers.register(
        FacebookPublisher(
            create_session, credentials, base=httpserver.url_for(""), now=rig.clock.now
        ),
        method=PublishMethod.API,
        network=Network.FACEBOOK,
    )
    rig.engine.start()
    delivery = rig.schedule(10, account=account_id, text="Avoinna tänään")
    rig.alarms.advance(10)
    assert rig.state(delivery) is S.FAILED
    assert _attempts(rig, delivery) == [("final", kind, said)]
    assert rig.column(delivery, "last_error") == said
    rig.alarms.advance(6 * 3600)
    # Nothing retried that cannot succeed (the inbox's rounds also GET the Page's posts).
    posted = [e for e in httpserver.log if e[0].method == "POST"]
    assert len(posted) == 1


def test_media_not_found_before_publishing_is_retried_and_made_once(
    rig: Rig, httpserver: HTTPServer
) -> None:
    httpserver.expect_request("/v1.0/7/threads", method="POST").respond_with_json({"id": "c1"})
    httpserver.expect_request("/v1.0/c1").respond_with_json(FINISHED)
    tries: list[str] = []

    def publish(request: Request) -> Response:
        tries.append(request.form["creation_id"])
        if len(tries) == 1:
            return Response(json.dumps(MEDIA_NOT_FOUND), 400, content_type="application/json")
        return Response(json.dumps({"id": "t1"}))

    httpserver.expect_request("/v1.0/7/threads_publish", method="POST").respond_with_handler(
        publish
    )
    account_id = _account(rig, Network.THREADS, {"threads_user_id": "7"})
    credentials = MemoryCredentials({account_id: {"access_token": "threads-token-123"}})
    rig.publishers.register(
        ThreadsPublisher(
            create_session, credentials, base=httpserver.url_for("/v1.0"), sleep=lambda _s: None
        ),
        method=PublishMethod.API,
        network=Network.THREADS,
    )
    rig.engine.start()
    delivery = rig.schedule(10, account=account_id, text="Hei")
    rig.alarms.advance(10)
    assert rig.state(delivery) is S.SCHEDULED
    (first,) = _attempts(rig, delivery)
    assert first[:2] == ("retryable", "not_ready")
    for _ in range(10):
        if rig.state(delivery) is not S.SCHEDULED:
            break
        rig.alarms.advance(60)
    assert rig.state(delivery) is S.PUBLISHED
    assert rig.column(delivery, "remote_id") == "t1"
    assert tries == ["c1", "c1"]  # the same container, published once
    # One container made (the inbox's round may also GET /7/threads to list recent posts).
    made = [e for e in httpserver.log if e[0].method == "POST" and e[0].path == "/v1.0/7/threads"]
    assert len(made) == 1
