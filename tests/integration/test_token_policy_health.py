"""How a sign-in's health reads the descriptors' token policy, per account where renewal
depends on the account (networks/registry.renews_for): an Instagram token is renewed only with
Instagram Login, so with Facebook Login its last week is warned about; Threads always renews
but still shows the days left; X's short access token is never counted down."""

from __future__ import annotations

import os
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from somestudio.app.accounts import folder_health, health_of, renews_itself
from somestudio.domain.networks import Network, PublishMethod
from somestudio.domain.posts import Account
from somestudio.secrets import KeyringStatus

NOW = datetime(2027, 3, 28, 0, 59, tzinfo=UTC)
SECURE = KeyringStatus(secure=True, backend="test", reason="")


def _lapsing(days: float) -> dict[str, str]:
    return {"access_token": "t", "expires_at": str(int((NOW + timedelta(days=days)).timestamp()))}


def _account(network: Network, **options: object) -> Account:
    return Account(id=1, network=network, handle="kahvila", options=dict(options))


def test_instagram_login_renews_and_facebook_login_warns() -> None:
    by_instagram = _account(Network.INSTAGRAM, ig_login="instagram", ig_user_id="17")
    by_facebook = _account(Network.INSTAGRAM, ig_login="facebook", page_id="99")
    assert renews_itself(by_instagram) and not renews_itself(by_facebook)
    renewed = health_of(by_instagram, SECURE, _lapsing(5), NOW)
    assert renewed.state == "ok" and "5 more days" in renewed.message
    warned = health_of(by_facebook, SECURE, _lapsing(5), NOW)
    assert warned.state == "expiring" and "5 days" in warned.message


def test_threads_counts_down_without_warning_and_x_is_never_counted() -> None:
    threads = health_of(_account(Network.THREADS), SECURE, _lapsing(3), NOW)
    assert threads.state == "ok" and "3 more days" in threads.message
    x = health_of(_account(Network.X), SECURE, _lapsing(0.05), NOW)
    assert x.message == "Connected (renewed automatically)."


def test_a_linkedin_token_is_never_renewed_here() -> None:
    linkedin = _account(Network.LINKEDIN, person_id="abc")
    assert not renews_itself(linkedin)
    assert health_of(linkedin, SECURE, _lapsing(2), NOW).state == "expiring"


def test_a_local_archives_folder_is_checked_where_it_is(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "arkisto"
    account = Account(
        id=2,
        network=Network.LOCAL,
        handle="Arkisto",
        publish_method=PublishMethod.FOLDER,
        options={"folder": str(folder)},
    )
    assert (folder_health(account).state, folder_health(account).where) == (
        "folder_missing",
        str(folder),
    )
    folder.mkdir()
    assert folder_health(account).state == "folder"
    assert not folder_health(account).needs_user
    # Stood in for: the suite runs as root, whom no folder permission stops.
    real_access = os.access
    monkeypatch.setattr(
        os, "access", lambda p, mode: False if str(p) == str(folder) else real_access(p, mode)
    )
    health = folder_health(account)
    assert health.state == "folder_read_only" and health.needs_user
    unset = Account(id=3, network=Network.LOCAL, handle="x", publish_method=PublishMethod.FOLDER)
    assert folder_health(unset).state == "folder_missing"
