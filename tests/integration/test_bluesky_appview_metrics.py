"""Bluesky metrics end to end: the real @atproto/dev-env network with its AppView on
127.0.0.1 (PostgreSQL and Redis started for the test). Alice posts; Bob follows her, likes
and reposts the post; the collector fetches through the AppView's public queries and the
counts land in the stored snapshots."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
import requests

from somestudio.app.metrics import MetricsCollector
from somestudio.app.workspace import open_workspace
from somestudio.domain.networks import Network, PublishMethod
from somestudio.store import accounts as account_rows
from somestudio.store.database import transaction
from tests.appview.network import AppViewNetwork, running_appview
from tests.integration.metric_servers import published
from tests.pds.server import Pds, create_account

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def network(tmp_path_factory: pytest.TempPathFactory) -> Iterator[AppViewNetwork]:
    with running_appview(tmp_path_factory.mktemp("appview")) as running:
        yield running


def session(pds: str, handle: str, password: str) -> tuple[str, str]:
    answer = requests.post(
        f"{pds}/xrpc/com.atproto.server.createSession",
        json={"identifier": handle, "password": password},
        timeout=30,
    )
    answer.raise_for_status()
    body = answer.json()
    return str(body["accessJwt"]), str(body["did"])


def create(
    pds: str, jwt: str, did: str, collection: str, record: dict[str, object]
) -> dict[str, str]:
    answer = requests.post(
        f"{pds}/xrpc/com.atproto.repo.createRecord",
        json={"repo": did, "collection": collection, "record": record},
        headers={"Authorization": f"Bearer {jwt}"},
        timeout=30,
    )
    answer.raise_for_status()
    result: dict[str, str] = answer.json()
    return result


def test_likes_and_reposts_by_another_account_reach_the_snapshots(
    network: AppViewNetwork, home: Path
) -> None:
    pds = Pds(network.pds, network.plc)
    alice = create_account(pds, "alice")
    bob = create_account(pds, "bob")
    alice_jwt, alice_did = session(network.pds, alice.handle, alice.app_password)
    bob_jwt, bob_did = session(network.pds, bob.handle, bob.app_password)
    now = datetime.now(UTC).isoformat().replace("+00:00", "Z")
    post = create(
        network.pds,
        alice_jwt,
        alice_did,
        "app.bsky.feed.post",
        {"$type": "app.bsky.feed.post", "text": "Kahvila on auki! ☕", "createdAt": now},
    )
    gone = create(
        network.pds,
        alice_jwt,
        alice_did,
        "app.bsky.feed.post",
        {"$type": "app.bsky.feed.post", "text": "Deleted soon", "createdAt": now},
    )
    subject = {"uri": post["uri"], "cid": post["cid"]}
    for collection in ("app.bsky.feed.like", "app.bsky.feed.repost"):
        create(
            network.pds,
            bob_jwt,
            bob_did,
            collection,
            {"$type": collection, "subject": subject, "createdAt": now},
        )
    create(
        network.pds,
        bob_jwt,
        bob_did,
        "app.bsky.graph.follow",
        {"$type": "app.bsky.graph.follow", "subject": alice_did, "createdAt": now},
    )
    requests.post(
        f"{network.pds}/xrpc/com.atproto.repo.deleteRecord",
        json={
            "repo": alice_did,
            "collection": "app.bsky.feed.post",
            "rkey": gone["uri"].rsplit("/", 1)[-1],
        },
        headers={"Authorization": f"Bearer {alice_jwt}"},
        timeout=30,
    ).raise_for_status()
    network.process()

    workspace = open_workspace(home)
    try:
        conn = workspace.writable_connection()
        with transaction(conn):
            account = account_rows.add_account(
                conn,
                Network.BLUESKY,
                alice.handle,
                instance_url=network.pds,
                publish_method=PublishMethod.API,
                options={"did": alice_did, "appview_url": network.appview},
            )
            delivery = published(conn, account, datetime.now(UTC), post["uri"])
            deleted = published(conn, account, datetime.now(UTC), gone["uri"])
        report = MetricsCollector(
            workspace.writable_connection, token_for=lambda _a: None
        ).refresh()
        assert report.errors == []
        outcome = report.outcomes[0]
        assert (outcome.posts_updated, outcome.posts_gone, outcome.followers) == (1, 1, 1)
        row = conn.execute(
            "SELECT likes, reposts, replies, quotes, source FROM metric_snapshots"
            " WHERE delivery_id = ?",
            (delivery,),
        ).fetchone()
        assert row == (1, 1, 0, 0, "api")
        assert conn.execute(
            "SELECT gone FROM metric_fetch_state WHERE delivery_id = ?", (deleted,)
        ).fetchone() == (1,)
        followers = conn.execute(
            "SELECT followers, posts_count FROM account_snapshots WHERE account_id = ?",
            (account,),
        ).fetchone()
        assert followers == (1, 1)
    finally:
        workspace.close()
