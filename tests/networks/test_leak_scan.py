"""A whole session with real secrets, then every file the app wrote is searched for them.

Connect a Bluesky account on the real PDS (app password) and a Mastodon account on a
loopback server (access token), both through the real gnome-keyring; publish to both
through the engine; test the connections; fetch metrics; export CSV and iCalendar; log at
DEBUG level (urllib3 included). Then the data folder (database, WAL, logs, settings) and the
exports must not contain a single secret value; the keyring must hold them.
"""

from __future__ import annotations

import json
import logging
import re
import time
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest
from keyring.backends import SecretService
from pytest_httpserver import HTTPServer
from werkzeug import Request, Response

from somestudio.app.accounts import Accounts
from somestudio.app.calendar_feed import export_ics
from somestudio.app.csv_export import export_csv
from somestudio.app.logs import register_secret, setup_logging
from somestudio.app.metrics import MetricsCollector
from somestudio.app.planning import Planner
from somestudio.app.scheduler import create_engine
from somestudio.app.workspace import open_workspace
from somestudio.domain.delivery_state import DeliveryState
from somestudio.domain.networks import Network
from somestudio.domain.utc import utc_now
from somestudio.scheduling.publishers import default_publishers, register_network_publishers
from somestudio.secrets import SecretStore, set_default_store
from somestudio.store import deliveries as delivery_rows
from tests.pds.server import Pds, create_account, running_pds
from tests.secret_service import secret_service

pytestmark = pytest.mark.slow
MASTODON_TOKEN = "mastodon-leak-probe-token-8f3a1c"
JWT = re.compile(rb"eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]*")


@pytest.fixture
def pds(tmp_path: Path) -> Iterator[Pds]:
    with running_pds(tmp_path / "pds") as server:
        yield server


def _mastodon(server: HTTPServer) -> None:
    def authorised(request: Request) -> bool:
        return request.headers.get("Authorization") == f"Bearer {MASTODON_TOKEN}"

    def statuses(request: Request) -> Response:
        assert authorised(request)
        status = {
            "id": "555",
            "url": "https://m.example/@me/555",
            "created_at": "2026-11-21T08:00:00Z",
            "replies_count": 1,
            "reblogs_count": 2,
            "favourites_count": 3,
        }
        return Response(json.dumps(status), 200, content_type="application/json")

    def me(request: Request) -> Response:
        assert authorised(request)
        return Response(json.dumps({"id": "9", "acct": "me", "followers_count": 5}), 200)

    server.expect_request("/api/v1/accounts/verify_credentials").respond_with_handler(me)
    server.expect_request("/api/v2/instance").respond_with_json(
        {"title": "Loop", "configuration": {"statuses": {"max_characters": 700}}}
    )
    server.expect_request("/api/v1/statuses", method="POST").respond_with_handler(statuses)
    server.expect_request("/api/v1/statuses/555").respond_with_handler(statuses)
    server.expect_request(re.compile("/api/v1/accounts/.*")).respond_with_handler(me)


def test_no_secret_reaches_any_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, pds: Pds, httpserver: HTTPServer
) -> None:
    _mastodon(httpserver)
    who = create_account(pds, "vuoto")
    home = tmp_path / "data"
    home.mkdir()
    exports = tmp_path / "exports"
    exports.mkdir()
    with secret_service(tmp_path / "keyring") as service:
        monkeypatch.setenv("DBUS_SESSION_BUS_ADDRESS", service.environ["DBUS_SESSION_BUS_ADDRESS"])
        setup_logging(home, level=logging.DEBUG)
        workspace = open_workspace(home)
        workspace.verified.result(timeout=60)
        store = SecretStore(backend=SecretService.Keyring(), on_secret=register_secret)
        set_default_store(store)
        accounts = Accounts(workspace, store)
        bluesky = accounts.connect(
            Network.BLUESKY,
            {"handle": who.handle, "password": who.app_password, "service": pds.url},
        )
        # Metrics read the PDS, never a public server.
        accounts.set_options(bluesky.id, {"appview_url": pds.url})
        mastodon = accounts.connect(
            Network.MASTODON, {"service": httpserver.url_for(""), "token": MASTODON_TOKEN}
        )
        bundles = {bluesky.id: store.load(bluesky.id), mastodon.id: store.load(mastodon.id)}
        assert bundles[mastodon.id] == {"access_token": MASTODON_TOKEN}
        assert "refresh_jwt" in (bundles[bluesky.id] or {})

        engine = create_engine(
            workspace,
            publishers=register_network_publishers(default_publishers(), store),
            collect_metrics=False,
        )
        engine.start()
        planner = Planner(workspace, engine)
        post_id = planner.schedule_post(
            "Vuototesti #turva https://example.com",
            [bluesky.id, mastodon.id],
            at=utc_now() + timedelta(seconds=2),
            zone="Europe/Helsinki",
        )
        deadline = time.monotonic() + 60
        conn = workspace.connection()
        while time.monotonic() < deadline:
            states = {r.state for r in delivery_rows.of_post(conn, post_id)}
            if states == {DeliveryState.PUBLISHED}:
                break
            time.sleep(0.2)
        assert states == {DeliveryState.PUBLISHED}, [
            r.last_error for r in delivery_rows.of_post(conn, post_id)
        ]
        assert accounts.test_connection(bluesky.id).startswith("Connected as @vuoto.test")
        assert "Connected as @me" in accounts.test_connection(mastodon.id)
        MetricsCollector(workspace.writable_connection).refresh()
        export_csv(workspace, exports / "plan.csv")
        export_ics(workspace, exports / "plan.ics")
        engine.shutdown(wait=True)
        secrets = [who.app_password, MASTODON_TOKEN]
        for bundle in [*bundles.values(), store.load(bluesky.id)]:
            secrets += [v for k, v in (bundle or {}).items() if k.endswith(("jwt", "token"))]
        workspace.close()
        for handler in logging.getLogger().handlers:
            handler.flush()

    files = [p for p in [*home.rglob("*"), *exports.rglob("*")] if p.is_file()]
    log_text = (home / "logs" / "somestudio.log").read_text(encoding="utf-8")
    assert "published" in log_text and "urllib3" in log_text  # the scan has something to scan
    assert {"somestudio.db", "somestudio.log", "plan.csv", "plan.ics"} <= {p.name for p in files}
    leaks = [
        (path.name, secret[:6])
        for path in files
        for secret in set(secrets)
        if secret.encode() in path.read_bytes()
    ]
    assert leaks == []
    jwts = [(path.name, m.group()[:12]) for path in files for m in JWT.finditer(path.read_bytes())]
    assert jwts == []
    assert len(set(secrets)) >= 4  # app password, token, at least two refresh JWTs
