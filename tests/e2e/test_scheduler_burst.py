"""200 posts due a few seconds ahead, each to the Local archive and to an HTTP network, through
the real engine (a real BackgroundScheduler): every delivery goes out exactly once."""

from __future__ import annotations

import json
import time
from datetime import timedelta
from pathlib import Path

import pytest

from somestudio.app.planning import Planner
from somestudio.app.scheduler import create_engine
from somestudio.app.workspace import open_workspace
from somestudio.domain.backoff import RetryPolicy
from somestudio.domain.networks import Network, PublishMethod
from somestudio.domain.utc import parse_utc, utc_now
from somestudio.scheduling.events import DeliveryPublished, EngineEvent
from somestudio.scheduling.publishers import default_publishers
from somestudio.store import accounts as account_rows
from somestudio.store import deliveries as delivery_rows
from somestudio.store.database import transaction
from tests.e2e.http_publisher import HttpTestPublisher, fake_network

pytestmark = pytest.mark.slow

POSTS = 200


def test_burst_to_archive_and_http_goes_out_exactly_once(home: Path, tmp_path: Path) -> None:
    archive = tmp_path / "archive"
    archive.mkdir()
    workspace = open_workspace(home)
    conn = workspace.writable_connection()
    with transaction(conn):
        local = account_rows.add_account(
            conn,
            Network.LOCAL,
            "archive",
            publish_method=PublishMethod.FOLDER,
            options={"folder": str(archive)},
        )
        api = account_rows.add_account(conn, Network.MASTODON, "@burst", instance_url="http://x")
    events: list[EngineEvent] = []
    with fake_network() as network:
        publishers = default_publishers()
        publishers.register(
            HttpTestPublisher(network.base_url), method=PublishMethod.API, network=Network.MASTODON
        )
        engine = create_engine(
            workspace, publishers=publishers, policy=RetryPolicy(base_seconds=0.5, cap_seconds=1)
        )
        engine.add_listener(events.append)
        planner = Planner(workspace, engine)
        engine.start()
        base = utc_now() + timedelta(seconds=6)
        for i in range(POSTS):
            planner.schedule_post(
                f"Burst post {i} 🚀", [local, api], at=base + timedelta(seconds=i % 3), zone="UTC"
            )
        api_rows = conn.execute(
            "SELECT id, idempotency_key FROM deliveries WHERE account_id = ? ORDER BY id", (api,)
        ).fetchall()
        busy = {key for i, (_, key) in enumerate(api_rows) if i % 10 == 3}
        stalled = {key for i, (_, key) in enumerate(api_rows) if i % 25 == 7}
        network.busy_first |= busy
        network.stall_after_create |= stalled
        assert utc_now() < base, "scheduling 200 posts took longer than the lead time"
        deadline = time.monotonic() + 90
        while conn.execute(
            "SELECT count(*) FROM deliveries WHERE state IN ('scheduled', 'publishing')"
        ).fetchone()[0]:
            assert time.monotonic() < deadline, "deliveries still pending after 90 s"
            time.sleep(0.2)
        engine.shutdown()

    states = dict(conn.execute("SELECT state, count(*) FROM deliveries GROUP BY state").fetchall())
    assert states == {"published": 2 * POSTS}

    # Local archive: one folder per delivery, named by its key, holding that key.
    local_keys = {
        key
        for (key,) in conn.execute(
            "SELECT idempotency_key FROM deliveries WHERE account_id = ?", (local,)
        )
    }
    folders = [p for p in archive.iterdir()]
    assert not [p for p in folders if p.name.startswith(".")]  # no half-written leftovers
    written = [json.loads((p / "metadata.json").read_text())["idempotency_key"] for p in folders]
    assert len(written) == POSTS and set(written) == local_keys
    assert all(
        p.name.endswith(json.loads((p / "metadata.json").read_text())["idempotency_key"][:8])
        for p in folders
    )

    # HTTP: exactly one post created per key; a request repeated only after a 503.
    api_keys = {key for _, key in api_rows}
    assert set(network.created_per_key) == api_keys
    assert set(network.created_per_key.values()) == {1}
    for key in api_keys:
        assert network.requests_per_key[key] == (2 if key in busy else 1), key
    for delivery_id, key in api_rows:
        outcomes = [a.outcome for a in delivery_rows.attempts(conn, delivery_id)]
        if key in busy:
            assert outcomes == ["retryable", "published"]
        elif key in stalled:
            assert outcomes == ["reconciled"]  # found by its key, never resent
        else:
            assert outcomes == ["published"]

    # On time: the archive's deliveries went out within a few seconds of their minute.
    lateness = sorted(
        (parse_utc(p) - parse_utc(s)).total_seconds()
        for s, p in conn.execute(
            "SELECT scheduled_at, published_at FROM deliveries WHERE account_id = ?", (local,)
        )
    )
    assert lateness[0] >= 0
    assert lateness[int(len(lateness) * 0.99) - 1] <= 5, lateness[-10:]
    assert len([e for e in events if isinstance(e, DeliveryPublished)]) == 2 * POSTS
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    workspace.close()
