"""Connecting Instagram (both sign-in families) and Threads: the real use case, a real
gnome-keyring, Meta's documented answers served on 127.0.0.1."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from pytest_httpserver import HTTPServer

from somestudio.app.accounts import AccountError, Accounts
from somestudio.app.workspace import Workspace
from somestudio.domain.networks import Network
from somestudio.networks.meta.publish import EXPIRY_GUESSED, ISSUED_AT
from somestudio.secrets import SecretStore

NOW = datetime(2026, 12, 3, 9, 30, tzinfo=UTC)
TOKEN = "meta-connect-token-123456"


@pytest.fixture(scope="session")
def httpserver_listen_address() -> tuple[str, int]:
    return ("127.0.0.1", 0)


def _accounts(workspace: Workspace, keyring_store: SecretStore, server: HTTPServer) -> Accounts:
    base = server.url_for("")
    return Accounts(
        workspace,
        keyring_store,
        now=lambda: NOW,
        endpoints={Network.INSTAGRAM: base, Network.THREADS: base},
    )


def test_instagram_login_reads_user_id_and_keeps_the_token_age(
    workspace: Workspace, keyring_store: SecretStore, httpserver: HTTPServer
) -> None:
    # Instagram Platform "Me": GET /me?fields={fields}; user_id is the professional account's
    # id (https://developers.facebook.com/documentation/instagram-platform/reference/me)
    httpserver.expect_request(
        "/me",
        query_string={"fields": "user_id,username"},
        headers={"Authorization": f"Bearer {TOKEN}"},
    ).respond_with_json({"user_id": "17841400000000001", "username": "kahvila", "id": "24"})
    accounts = _accounts(workspace, keyring_store, httpserver)
    acct = accounts.connect_token(Network.INSTAGRAM, TOKEN, options={"ig_login": "instagram"})
    assert acct.handle == "kahvila"
    assert acct.options["ig_user_id"] == "17841400000000001"
    assert acct.options["ig_login"] == "instagram"
    bundle = keyring_store.load(acct.id)
    assert bundle is not None
    assert bundle[ISSUED_AT] == str(int(NOW.timestamp())) and bundle[EXPIRY_GUESSED] == "1"
    assert len(httpserver.log) == 1  # no renewal at connect: the token may be minutes old
    health = accounts.health(acct)
    assert health.state == "ok" and health.expires_at == NOW + timedelta(days=60)


def test_facebook_login_reads_the_instagram_account_from_the_page(
    workspace: Workspace, keyring_store: SecretStore, httpserver: HTTPServer
) -> None:
    # Instagram Platform "Page": sample request and response
    # https://developers.facebook.com/documentation/instagram-platform/instagram-graph-api/reference/page
    httpserver.expect_request(
        "/134895793791914", query_string={"fields": "instagram_business_account"}
    ).respond_with_json(
        {"instagram_business_account": {"id": "17841405822304914"}, "id": "134895793791914"}
    )
    httpserver.expect_request(
        "/17841405822304914", query_string={"fields": "username"}
    ).respond_with_json({"username": "kahvila.aurinko", "id": "17841405822304914"})
    accounts = _accounts(workspace, keyring_store, httpserver)
    acct = accounts.connect_token(
        Network.INSTAGRAM, TOKEN, options={"ig_login": "facebook", "page_id": "134895793791914"}
    )
    assert acct.handle == "kahvila.aurinko"
    assert acct.options["ig_user_id"] == "17841405822304914"
    assert acct.options["ig_login"] == "facebook"
    assert accounts.health(acct).message == "Connected."  # no expiry to count down


def test_facebook_login_needs_a_page_with_an_instagram_account(
    workspace: Workspace, keyring_store: SecretStore, httpserver: HTTPServer
) -> None:
    accounts = _accounts(workspace, keyring_store, httpserver)
    with pytest.raises(AccountError, match="enter the id of the Facebook Page"):
        accounts.connect_token(Network.INSTAGRAM, TOKEN, options={"ig_login": "facebook"})
    assert httpserver.log == []
    httpserver.expect_request("/55").respond_with_json({"id": "55"})
    with pytest.raises(AccountError, match="no Instagram professional account connected"):
        accounts.connect_token(
            Network.INSTAGRAM, TOKEN, options={"ig_login": "facebook", "page_id": "55"}
        )
    assert accounts.all() == []


def test_threads_connect_does_not_renew_at_once(
    workspace: Workspace, keyring_store: SecretStore, httpserver: HTTPServer
) -> None:
    # Threads "Threads Profiles": GET /me?fields=id,username,...
    # https://developers.facebook.com/docs/threads/threads-profiles
    httpserver.expect_request("/me", query_string={"fields": "id,username"}).respond_with_json(
        {"id": "1234567", "username": "kahvila"}
    )
    accounts = _accounts(workspace, keyring_store, httpserver)
    acct = accounts.connect_token(Network.THREADS, TOKEN)
    assert acct.options["threads_user_id"] == "1234567"
    assert [e[0].path for e in httpserver.log] == ["/me"]
    bundle = keyring_store.load(acct.id)
    assert bundle is not None and bundle["access_token"] == TOKEN
    assert bundle[ISSUED_AT] == str(int(NOW.timestamp()))


def test_without_a_choice_a_page_id_means_facebook_login(
    workspace: Workspace, keyring_store: SecretStore, httpserver: HTTPServer
) -> None:
    """As `somestudio account add instagram --page-id …` leaves it."""
    httpserver.expect_request("/me", query_string={"fields": "user_id,username"}).respond_with_json(
        {"user_id": "1784", "username": "ig"}
    )
    httpserver.expect_request("/99").respond_with_json(
        {"instagram_business_account": {"id": "1785"}, "id": "99"}
    )
    httpserver.expect_request("/1785").respond_with_json({"username": "fb-ig"})
    accounts = _accounts(workspace, keyring_store, httpserver)
    by_page = accounts.connect_token(Network.INSTAGRAM, TOKEN, options={"page_id": "99"})
    assert (by_page.handle, by_page.options["ig_login"]) == ("fb-ig", "facebook")
    plain = accounts.connect_token(Network.INSTAGRAM, TOKEN + "2")
    assert (plain.handle, plain.options["ig_login"]) == ("ig", "instagram")
