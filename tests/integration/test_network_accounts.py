"""Connecting LinkedIn and Pinterest accounts: the app's use cases against HTTP servers on
127.0.0.1 and a real gnome-keyring (the networks' own rules are tested in tests/networks)."""

from __future__ import annotations

import socket
from datetime import UTC, datetime, timedelta

import pytest
import requests
from pytest_httpserver import HTTPServer

from somestudio.app.accounts import AccountError, Accounts, health_of
from somestudio.app.workspace import Workspace
from somestudio.domain.networks import Network
from somestudio.domain.posts import Account
from somestudio.secrets import KeyringStatus, SecretStore

NOW = datetime(2026, 12, 3, 9, 0, tzinfo=UTC)


@pytest.fixture(scope="session")
def httpserver_listen_address() -> tuple[str, int]:
    return ("127.0.0.1", 0)


def _accounts(workspace: Workspace, keyring_store: SecretStore, server: HTTPServer) -> Accounts:
    return Accounts(
        workspace,
        keyring_store,
        endpoints={
            Network.LINKEDIN: server.url_for("/li"),
            Network.PINTEREST: server.url_for("/v5"),
        },
        sandbox_endpoints={Network.PINTEREST: server.url_for("/sandbox/v5")},
    )


def test_linkedin_with_only_the_posting_scope_connects_by_member_id(
    workspace: Workspace, keyring_store: SecretStore, httpserver: HTTPServer
) -> None:
    accounts = _accounts(workspace, keyring_store, httpserver)
    account = accounts.connect_token(
        Network.LINKEDIN,
        "li-token-w-member-social",
        options={"person_id": "urn:li:person:782bbtaQ"},
        valid_days=60,
    )
    assert httpserver.log == []  # /v2/userinfo would answer 403 to such a token: not asked
    assert account.options["person_id"] == "782bbtaQ"
    assert account.handle == "urn:li:person:782bbtaQ"
    page = accounts.connect_token(
        Network.LINKEDIN, "li-token-w-org-social", options={"organization_id": "5515715"}
    )
    assert page.handle == "urn:li:organization:5515715" and "person_id" not in page.options
    assert keyring_store.load(page.id) is not None


def test_linkedin_without_ids_asks_userinfo_and_says_which_scopes_are_missing(
    workspace: Workspace, keyring_store: SecretStore, httpserver: HTTPServer
) -> None:
    httpserver.expect_oneshot_request("/li/v2/userinfo").respond_with_json(
        {"serviceErrorCode": 100, "message": "Not enough permissions", "status": 403}, status=403
    )
    accounts = _accounts(workspace, keyring_store, httpserver)
    with pytest.raises(AccountError, match="lacks the openid and profile permissions"):
        accounts.connect_token(Network.LINKEDIN, "li-token-w-member-social")
    assert accounts.all() == []
    # With openid profile the member id is read ("Sign In with LinkedIn using OpenID Connect").
    httpserver.expect_oneshot_request("/li/v2/userinfo").respond_with_json(
        {"sub": "782bbtaQ", "name": "John Doe", "locale": "en-US"}
    )
    account = accounts.connect_token(Network.LINKEDIN, "li-token-openid-profile")
    assert account.options["person_id"] == "782bbtaQ" and account.handle == "John Doe"


def test_pinterest_in_the_sandbox_with_renewal(
    workspace: Workspace, keyring_store: SecretStore, httpserver: HTTPServer
) -> None:
    httpserver.expect_request("/sandbox/v5/boards").respond_with_json(
        {"items": [{"id": "9", "name": "Testi"}], "bookmark": None}
    )
    httpserver.expect_request("/sandbox/v5/user_account").respond_with_json(
        {"username": "keittio", "account_type": "BUSINESS"}
    )
    accounts = _accounts(workspace, keyring_store, httpserver)
    assert accounts.load_choices(
        Network.PINTEREST, "board", {"token": "pina_sandbox", "sandbox": True}
    ) == [("9", "Testi")]
    account = accounts.connect_token(
        Network.PINTEREST,
        "pina_sandbox",
        options={"board_id": "9", "sandbox": True, "app_id": "1234567"},
        extra={"app_secret": "app-secret-xyz", "refresh_token": "pinr_1"},
        valid_days=30,
    )
    assert {r[0].path for r in httpserver.log} == {"/sandbox/v5/boards", "/sandbox/v5/user_account"}
    assert account.handle == "keittio" and account.options["sandbox"] is True
    bundle = keyring_store.load(account.id)
    assert bundle is not None and bundle["refresh_token"] == "pinr_1"
    assert "app-secret-xyz" not in str(account.options)  # the secret only in the keyring
    status = KeyringStatus(secure=True, backend="test", reason="")
    assert health_of(account, status, bundle, NOW).message == "Connected (renewed automatically)."


def test_a_pinterest_token_that_cannot_renew_warns_before_it_lapses() -> None:
    account = Account(id=1, network=Network.PINTEREST, handle="k", options={"board_id": "9"})
    status = KeyringStatus(secure=True, backend="test", reason="")
    lapses = str(int((NOW + timedelta(days=5)).timestamp()))
    health = health_of(account, status, {"access_token": "a", "expires_at": lapses}, NOW)
    assert health.state == "expiring"


def test_testing_a_linkedin_posting_only_token_says_what_can_be_known(
    workspace: Workspace, keyring_store: SecretStore, httpserver: HTTPServer
) -> None:
    accounts = _accounts(workspace, keyring_store, httpserver)
    account = accounts.connect_token(
        Network.LINKEDIN, "li-token-w-member-social", options={"person_id": "782bbtaQ"}
    )
    httpserver.expect_oneshot_request("/li/v2/userinfo").respond_with_json(
        {"serviceErrorCode": 100, "message": "Not enough permissions", "status": 403}, status=403
    )
    said = accounts.test_connection(account.id)
    assert said.startswith("The sign-in is stored.") and "only by posting" in said
    httpserver.expect_oneshot_request("/li/v2/userinfo").respond_with_json(
        {"sub": "782bbtaQ", "name": "John Doe"}
    )
    assert accounts.test_connection(account.id) == "Connected as John Doe."


def test_pinterest_metrics_follow_the_accounts_sandbox() -> None:
    from somestudio.networks.metrics.base import AccountRef  # noqa: PLC0415
    from somestudio.networks.pinterest.publish import API, SANDBOX_API  # noqa: PLC0415
    from somestudio.networks.registry import entry  # noqa: PLC0415

    code = entry(Network.PINTEREST)
    assert code is not None and code.metrics_base == API
    session = requests.Session()
    sandboxed = AccountRef("k", options={"sandbox": True})
    fetcher = code.build_fetcher(session, API, "t", sandboxed)
    assert fetcher.base_url == SANDBOX_API  # type: ignore[attr-defined]
    production = code.build_fetcher(session, API, "t", AccountRef("k"))
    assert production.base_url == API  # type: ignore[attr-defined]
    elsewhere = code.build_fetcher(session, "http://127.0.0.1:9/v5", "t", sandboxed)
    assert elsewhere.base_url == "http://127.0.0.1:9/v5"  # type: ignore[attr-defined]


def test_mastodon_browser_sign_in_runs_the_registered_flow_to_a_stored_account(
    workspace: Workspace, keyring_store: SecretStore, httpserver: HTTPServer
) -> None:
    """The form's values go to the network's registered browser flow: the app is registered
    on the server for this sign-in, the redirect brings the code, the account is kept with the
    app's id and secret beside the token in the keyring, and the server's secret is redacted
    from the moment it is known."""
    from somestudio.domain.redaction import redact  # noqa: PLC0415

    httpserver.expect_request("/api/v1/apps", method="POST").respond_with_json(
        {"client_id": "cid", "client_secret": "csecret-123456"}
    )
    httpserver.expect_request("/oauth/token", method="POST").respond_with_json(
        {"access_token": "new-token-abcdef", "token_type": "Bearer"}
    )
    httpserver.expect_request("/api/v1/accounts/verify_credentials").respond_with_json(
        {"id": "1", "acct": "kahvila", "display_name": "Kahvila Aurinko"}
    )
    httpserver.expect_request("/api/v2/instance").respond_with_json(
        {"title": "t", "configuration": {"statuses": {"max_characters": 1000}}}
    )
    accounts = _accounts(workspace, keyring_store, httpserver)
    sign_in = accounts.begin_browser_sign_in(
        Network.MASTODON, {"service": httpserver.url_for(""), "server_scheduling": True}
    )
    assert sign_in.url.startswith(httpserver.url_for("/oauth/authorize"))
    assert "csecret-123456" not in redact("the server said csecret-123456")
    state = dict(p.split("=", 1) for p in sign_in.url.split("?", 1)[1].split("&"))["state"]
    requests.get(sign_in.redirect.redirect_uri, params={"code": "c1", "state": state}, timeout=5)
    account = sign_in.finish(timeout=10)
    assert (account.network, account.handle) == (
        Network.MASTODON,
        f"@kahvila@{httpserver.host}:{httpserver.port}",
    )
    assert account.display_name == "Kahvila Aurinko"
    assert account.options == {"server_scheduling": True}
    (limits,) = (
        workspace.connection()
        .execute("SELECT limits_json FROM accounts WHERE id = ?", (account.id,))
        .fetchone()
    )
    assert '"max_characters": 1000' in limits  # the server's own, for the composer
    assert keyring_store.load(account.id) == {
        "access_token": "new-token-abcdef",
        "client_id": "cid",
        "client_secret": "csecret-123456",
    }


def test_a_browser_sign_in_is_refused_for_a_network_that_offers_none(
    workspace: Workspace, keyring_store: SecretStore, httpserver: HTTPServer
) -> None:
    with pytest.raises(AccountError, match="no sign-in with the browser"):
        _accounts(workspace, keyring_store, httpserver).begin_browser_sign_in(Network.LINKEDIN, {})


def test_x_browser_sign_in_listens_on_the_forms_port_and_keeps_the_client_id(
    workspace: Workspace, keyring_store: SecretStore, httpserver: HTTPServer
) -> None:
    httpserver.expect_request("/2/oauth2/token", method="POST").respond_with_json(
        {"access_token": "x-access-123456", "refresh_token": "x-refresh-123456"}
    )
    httpserver.expect_request("/2/users/me").respond_with_json(
        {"data": {"id": "42", "username": "kahvila"}}
    )
    accounts = Accounts(workspace, keyring_store, endpoints={Network.X: httpserver.url_for("")})
    with pytest.raises(AccountError, match="client id"):
        accounts.begin_browser_sign_in(Network.X, {"client_id": " ", "port": 0})
    free = socket.socket()
    free.bind(("127.0.0.1", 0))
    port = free.getsockname()[1]
    free.close()
    sign_in = accounts.begin_browser_sign_in(Network.X, {"client_id": " cid ", "port": port})
    assert sign_in.redirect.redirect_uri == f"http://127.0.0.1:{port}/callback"
    assert "client_id=cid" in sign_in.url
    state = dict(p.split("=", 1) for p in sign_in.url.split("?", 1)[1].split("&"))["state"]
    requests.get(sign_in.redirect.redirect_uri, params={"code": "c1", "state": state}, timeout=5)
    account = sign_in.finish(timeout=10)
    assert (account.network, account.handle) == (Network.X, "@kahvila")
    assert account.options == {"client_id": "cid", "redirect_port": port}
    bundle = keyring_store.load(account.id) or {}
    assert (bundle["access_token"], bundle["refresh_token"]) == (
        "x-access-123456",
        "x-refresh-123456",
    )


def _mastodon_answers(server: HTTPServer, token: str, acct: str) -> dict[str, object]:
    server.expect_request(
        "/api/v1/accounts/verify_credentials", headers={"Authorization": f"Bearer {token}"}
    ).respond_with_json({"id": "9", "acct": acct, "display_name": acct.title()})
    server.expect_request("/api/v2/instance").respond_with_json(
        {"configuration": {"statuses": {"max_characters": 500}}}
    )
    return {"service": server.url_for("").rstrip("/"), "token": token}


def test_signing_in_a_by_hand_account_keeps_it_and_refuses_another_accounts_sign_in(
    workspace: Workspace, keyring_store: SecretStore, httpserver: HTTPServer
) -> None:
    accounts = _accounts(workspace, keyring_store, httpserver)
    kunta = accounts.add_by_hand(Network.MASTODON, "Kunta")
    kirjasto = accounts.add_by_hand(Network.MASTODON, "Kirjasto")
    form = _mastodon_answers(httpserver, "token-kunta", "kunta")
    signed_in = accounts.connect(Network.MASTODON, form, into=kunta.id)
    assert signed_in.id == kunta.id and signed_in.publish_method.value == "api"
    host = httpserver.url_for("").split("://")[1].rstrip("/")
    assert signed_in.handle == f"@kunta@{host}"
    # The same Mastodon account cannot become a second one: the library's stays by hand.
    with pytest.raises(AccountError, match=f"@kunta@{host} is already another account here"):
        accounts.connect(Network.MASTODON, form, into=kirjasto.id)
    assert accounts.get(kirjasto.id).publish_method.value == "manual"
    assert keyring_store.load(kirjasto.id) is None
    # An account that signs in already is reconnected only as itself.
    other = _mastodon_answers(httpserver, "token-other", "joku")
    with pytest.raises(AccountError, match=f"this sign-in is for @joku@{host}, not for"):
        accounts.connect(Network.MASTODON, other, into=kunta.id)
    assert accounts.get(kunta.id).handle == f"@kunta@{host}"
    assert keyring_store.load(kunta.id) == {"access_token": "token-kunta"}


def test_a_by_hand_account_stays_as_it_was_when_the_keyring_cannot_store(
    workspace: Workspace, httpserver: HTTPServer
) -> None:
    from keyring.backends import fail  # noqa: PLC0415

    accounts = Accounts(workspace, SecretStore(backend=fail.Keyring()))
    kunta = accounts.add_by_hand(Network.MASTODON, "Kunta")
    form = _mastodon_answers(httpserver, "token-kunta", "kunta")
    with pytest.raises(AccountError):
        accounts.connect(Network.MASTODON, form, into=kunta.id)
    assert accounts.all() == [kunta]
