"""Account use cases for the window and the command line: connect, test, health, disconnect.

Every method may touch the network or the keyring: the window calls them on its background
tasks (``ui/tasks.py``), never on the GUI thread. Secrets go to the keyring only; the
account row keeps the non-secret parts (handle, instance, client id, board, page id). An
account is added only once its sign-in is stored: with no secure keyring, nothing is kept.
"""

from __future__ import annotations

import logging
import sqlite3
import threading
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, TypeVar

from somestudio.app.logs import register_secret
from somestudio.app.offline_accounts import (
    OfflineAccountError,
    add_offline_account,
    prepare_archive_folder,
    suggested_archive_folder,
)
from somestudio.app.workspace import Workspace
from somestudio.domain.networks import Network, PublishMethod
from somestudio.domain.networks.catalogue import DESCRIPTORS, AgeingVersion, ageing_versions
from somestudio.domain.networks.descriptor import SignInKind
from somestudio.domain.posts import Account
from somestudio.domain.publish_result import PublishError
from somestudio.networks.bluesky import publish as bluesky
from somestudio.networks.connect import WhoseToken
from somestudio.networks.http import Http, SessionFactory, create_session
from somestudio.networks.linkedin import publish as linkedin
from somestudio.networks.mastodon import publish as mastodon
from somestudio.networks.meta import publish as meta
from somestudio.networks.oauth import LoopbackRedirect, SignInError, new_state, pkce_pair
from somestudio.networks.pinterest import publish as pinterest
from somestudio.networks.publishing import RECONNECT
from somestudio.networks.registry import entry as network_entry
from somestudio.networks.secure_url import plain_http_problem
from somestudio.networks.x import publish as x
from somestudio.secrets import (
    KeyringStatus,
    SecretStore,
    SecretStoreError,
    set_default_store,
)
from somestudio.store import accounts as rows
from somestudio.store.database import transaction

log = logging.getLogger(__name__)
T = TypeVar("T")
__all__ = [
    "FACEBOOK_LOGIN",
    "IG_LOGIN",
    "INSTAGRAM_LOGIN",
    "AccountError",
    "Accounts",
    "Health",
    "KeyringStatus",
    "OfflineAccountError",
    "SignIn",
    "health_of",
]
# Instagram's two sign-in families, for the connect dialog (the ui does not import networks).
IG_LOGIN = meta.IG_LOGIN
INSTAGRAM_LOGIN = meta.INSTAGRAM_LOGIN
FACEBOOK_LOGIN = meta.FACEBOOK_LOGIN

APP_NAME = "Some Studio"
WARN_DAYS = 7
SIGN_IN_TIMEOUT_S = 600.0
# Each derived from the networks' descriptors (domain/networks/<name>.py).
# Networks that fetch images from a public address.
PUBLIC_MEDIA = frozenset(n for n, d in DESCRIPTORS.items() if d.media_from_public_url)
TOKEN_NETWORKS = frozenset(n for n, d in DESCRIPTORS.items() if SignInKind.TOKEN in d.sign_in)

_store: SecretStore | None = None
_store_lock = threading.Lock()


def secret_store() -> SecretStore:
    """The process's keyring store; everything it loads or stores is redacted from logs."""
    global _store  # noqa: PLW0603 - one keyring per process
    with _store_lock:
        if _store is None:
            _store = SecretStore(on_secret=register_secret)
            set_default_store(_store)
        return _store


class AccountError(Exception):
    """Connecting or testing did not work; the message says why, for the user."""


@dataclass(frozen=True, slots=True)
class Health:
    """How an account's sign-in stands. ``state``: ok, expiring, reconnect, not_connected,
    no_secure_storage, by_hand, folder or unknown (the keyring did not answer)."""

    state: str
    message: str
    expires_at: datetime | None = None
    note: str = ""

    @property
    def needs_user(self) -> bool:
        return self.state in ("reconnect", "not_connected", "no_secure_storage", "expiring")


def renews_itself(account: Account, bundle: Mapping[str, str] | None = None) -> bool:
    """True when this app renews the account's token: its descriptor says the network's
    tokens renew, and the account's sign-in allows it where that depends on the account (an
    Instagram token only with Instagram Login; a Pinterest one with its app's secret)."""
    if not account.network.descriptor.token.renews:
        return False
    code = network_entry(account.network)
    if code is None or code.renews_for is None:
        return True
    return code.renews_for(account.options, bundle or {})


def _epoch(value: str | None) -> datetime | None:
    try:
        return datetime.fromtimestamp(float(value), UTC) if value else None
    except ValueError:
        return None


def health_of(  # noqa: PLR0911 - one return per state
    account: Account,
    status: KeyringStatus,
    bundle: Mapping[str, str] | None,
    now: datetime,
) -> Health:
    """The account's health from what the keyring holds (pure: tests need no keyring)."""
    note = ""
    if account.network in PUBLIC_MEDIA and not account.options.get(meta.MEDIA_BASE_URL):
        note = (
            f"{account.network.display_name} fetches images from a public web address and none "
            "is set: posts with images will not go out until you set one (text-only posts do)."
        )
    if account.publish_method is PublishMethod.MANUAL:
        return Health("by_hand", "You publish this one by hand; the app reminds you.")
    if account.publish_method is PublishMethod.FOLDER:
        return Health("folder", "Writes each post into its own folder.")
    if not status.secure:
        return Health(
            "no_secure_storage",
            f"No secure keyring ({status.reason}), so no sign-in is stored and nothing can be "
            "published here. Set up the system keyring, then connect again.",
            note=note,
        )
    if bundle is None:
        return Health("not_connected", "Not connected: no sign-in is stored.", note=note)
    if bundle.get(RECONNECT):
        return Health("reconnect", f"Reconnect needed: {bundle[RECONNECT]}.", note=note)
    expires = _epoch(bundle.get("expires_at"))
    token = account.network.descriptor.token
    renewing = renews_itself(account, bundle)
    if expires is None or (renewing and not token.expiry_matters):
        renew = " (renewed automatically)" if renewing else ""
        return Health("ok", f"Connected{renew}.", expires, note)
    left = expires - now
    days = left.total_seconds() / 86400
    if days <= 0:
        return Health("reconnect", "The sign-in has expired: reconnect.", expires, note)
    if days <= WARN_DAYS and not renewing:
        return Health(
            "expiring",
            f"The sign-in lapses in {max(1, round(days))} days: reconnect before then.",
            expires,
            note,
        )
    return Health("ok", f"Connected; the sign-in lasts {round(days)} more days.", expires, note)


@dataclass
class SignIn:
    """A browser sign-in under way: open ``url``, then ``finish`` waits for the redirect."""

    url: str
    redirect: LoopbackRedirect
    complete: Callable[[str], Account]

    def finish(self, timeout: float = SIGN_IN_TIMEOUT_S) -> Account:
        try:
            code = self.redirect.wait(timeout)
        except SignInError as exc:
            raise AccountError(str(exc)) from exc
        return self.complete(code)

    def cancel(self) -> None:
        self.redirect.cancel()


class Accounts:
    """The use cases (see the module docstring)."""

    def __init__(
        self,
        workspace: Workspace,
        secrets: SecretStore | None = None,
        *,
        session_factory: SessionFactory = create_session,
        now: Callable[[], datetime] = lambda: datetime.now(UTC),
        endpoints: Mapping[Network, str] | None = None,
        sandbox_endpoints: Mapping[Network, str] | None = None,
    ) -> None:
        self.workspace = workspace
        self.secrets = secrets if secrets is not None else secret_store()
        self._session_factory = session_factory
        self._now = now
        # Tests point the networks at 127.0.0.1; users never set these.
        self._endpoints = dict(endpoints or {})
        self._sandbox_endpoints = dict(sandbox_endpoints or {})

    def _http(self, network: Network) -> Http:
        return Http(self._session_factory(), network.display_name)

    def _endpoint(self, network: Network, default: str) -> str:
        return self._endpoints.get(network, default)

    def _pinterest(self, sandbox: bool) -> pinterest.PinterestClient:
        """The Pinterest client for production, or for the API Sandbox (a Trial-access app)."""
        base = (
            self._sandbox_endpoints.get(Network.PINTEREST, pinterest.SANDBOX_API)
            if sandbox
            else self._endpoint(Network.PINTEREST, pinterest.API)
        )
        return pinterest.PinterestClient(self._http(Network.PINTEREST), base)

    # ------------------------------------------------------------------ reading

    def all(self) -> list[Account]:
        return rows.list_accounts(self.workspace.connection())

    def get(self, account_id: int) -> Account:
        account = rows.get_account(self.workspace.connection(), account_id)
        if account is None:
            raise AccountError(f"there is no account {account_id}")
        return account

    def ageing_versions(self) -> list[AgeingVersion]:
        """The API versions of connected networks within 60 days of (or past) their documented
        sunset: Some Studio needs an update before then (read from the database only)."""
        connected = {a.network for a in self.all() if a.publish_method is PublishMethod.API}
        return ageing_versions(connected, self._now().date())

    def keyring(self) -> KeyringStatus:
        return self.secrets.status()

    def health(self, account: Account) -> Health:
        try:
            status = self.secrets.status()
            needs_token = account.publish_method is PublishMethod.API
            bundle = self.secrets.load(account.id) if status.secure and needs_token else None
        except SecretStoreError as exc:
            return Health("unknown", str(exc))
        return health_of(account, status, bundle, self._now())

    # ------------------------------------------------------------------ connecting

    def connect_bluesky(
        self,
        handle: str,
        app_password: str,
        *,
        service: str = "",
        name: str = "",
        options: Mapping[str, object] | None = None,
    ) -> Account:
        register_secret(app_password)
        service = (service or bluesky.DEFAULT_SERVICE).rstrip("/")
        self._require_https(service)
        self._require_secure()
        client = bluesky.BlueskyClient(self._http(Network.BLUESKY), service)
        handle = handle.strip().lstrip("@")
        session = self._call(lambda: client.create_session(handle, app_password))
        bundle = bluesky.bundle_of(session)  # the app password itself is never stored
        return self._save(
            Network.BLUESKY,
            session.handle or handle,
            bundle,
            instance_url=service if service != bluesky.DEFAULT_SERVICE else "",
            name=name,
            options={**(options or {}), "did": session.did},
        )

    def connect_mastodon(
        self,
        instance: str,
        token: str,
        *,
        name: str = "",
        options: Mapping[str, object] | None = None,
        extra: Mapping[str, str] | None = None,
    ) -> Account:
        register_secret(token)
        base = self._instance(instance)  # an http address is refused before anything else
        self._require_secure()
        client = mastodon.MastodonClient(self._http(Network.MASTODON), base)
        me = self._call(lambda: client.verify(token))
        limits = self._call(client.instance)
        host = base.split("://", 1)[-1]
        account = self._save(
            Network.MASTODON,
            f"@{me['acct']}@{host}" if "@" not in str(me["acct"]) else f"@{me['acct']}",
            {"access_token": token, **(extra or {})},
            instance_url=base,
            name=name or str(me.get("display_name") or ""),
            options=dict(options or {}),
        )
        self._set_limits(account.id, limits.as_json())
        return account

    def connect_token(
        self,
        network: Network,
        token: str,
        *,
        handle: str = "",
        name: str = "",
        options: Mapping[str, object] | None = None,
        extra: Mapping[str, str] | None = None,
        valid_days: float | None = None,
    ) -> Account:
        """A pasted access token (X, LinkedIn, Facebook Page, Instagram, Threads, Pinterest):
        checked with the network, then stored. A LinkedIn token with only the posting scope
        cannot be checked: given the member id or page id, it is stored unchecked."""
        if network is Network.MASTODON:
            raise AccountError("a Mastodon account needs its instance: use connect_mastodon")
        if network not in TOKEN_NETWORKS:
            raise AccountError(f"{network.display_name} has no sign-in by token here")
        register_secret(token)
        for value in (extra or {}).values():
            register_secret(value)
        self._require_secure()
        opts = dict(options or {})
        bundle = {"access_token": token, **(extra or {})}
        who = self._call(lambda: self._whoami(network, token, opts, bundle))
        if valid_days is not None:
            bundle["expires_at"] = str(int(time.time() + valid_days * 86400))
        elif "expires_at" not in bundle:
            lifetime = network.descriptor.token.pasted_lifetime_days
            if lifetime is not None:  # LinkedIn 60 days, Pinterest 30 unless the user says
                bundle["expires_at"] = str(int(time.time() + lifetime * 86400))
        return self._save(network, handle or who, bundle, name=name, options=opts)

    def _whoami(
        self, network: Network, token: str, options: dict[str, object], bundle: dict[str, str]
    ) -> str:
        """Whose sign-in ``token`` is, by the network's connect flow (networks/registry.py);
        it may note the network's ids in ``options`` and renew the token in ``bundle``."""
        code = network_entry(network)
        if code is None:
            raise AccountError(f"{network.display_name} has no sign-in by token here")
        base = self._endpoints.get(network)
        if options.get(pinterest.SANDBOX) is True:  # a Trial-access app: the API Sandbox
            base = self._sandbox_endpoints.get(network)
        now = self._now().timestamp()
        who = code.identify(WhoseToken(self._http(network), base, token, options, bundle, now))
        for key, value in bundle.items():
            if "token" in key or "secret" in key:
                register_secret(value)
        return who

    def add_by_hand(self, network: Network, handle: str, *, name: str = "") -> Account:
        """An account the user publishes to themselves (reminded at each post's time).
        Needs no keyring. Raises ``OfflineAccountError`` (no name, already there)."""
        conn = self.workspace.writable_connection()
        account_id = add_offline_account(
            conn, network, handle, PublishMethod.MANUAL, display_name=name
        )
        log.info("added %s account by hand (id %s)", network.value, account_id)
        return self.get(account_id)

    def suggested_archive_folder(self) -> Path:
        """Where a first Local archive goes unless the user picks another folder."""
        return suggested_archive_folder(self.workspace.home)

    def add_local_archive(self, name: str, folder: Path) -> Account:
        """A Local archive: each post is written into a new subfolder of ``folder`` (made
        if missing). Needs no keyring. Raises ``OfflineAccountError``."""
        if not name.strip():
            raise OfflineAccountError("no_name", "enter the account's name")
        where = prepare_archive_folder(folder)
        conn = self.workspace.writable_connection()
        account_id = add_offline_account(
            conn, Network.LOCAL, name, PublishMethod.FOLDER, options={"folder": str(where)}
        )
        log.info("added a Local archive (id %s) writing to %s", account_id, where)
        return self.get(account_id)

    # ------------------------------------------------------------------ browser sign-in

    def begin_mastodon_sign_in(
        self, instance: str, *, name: str = "", options: Mapping[str, object] | None = None
    ) -> SignIn:
        """Registers the app on the instance for this sign-in's redirect (a network call)."""
        self._require_secure()
        base = self._instance(instance)
        client = mastodon.MastodonClient(self._http(Network.MASTODON), base)
        state = new_state()
        redirect = LoopbackRedirect(state)
        verifier, challenge = pkce_pair()
        register_secret(verifier)
        try:
            client_id, client_secret = self._call(
                lambda: client.register_app(redirect.redirect_uri, APP_NAME)
            )
        except AccountError:
            redirect.close()
            raise
        register_secret(client_secret)

        def complete(code: str) -> Account:
            register_secret(code)
            token = self._call(
                lambda: client.exchange_code(
                    client_id, client_secret, code, redirect.redirect_uri, verifier
                )
            )
            return self.connect_mastodon(
                base,
                token,
                name=name,
                options=options,
                extra={"client_id": client_id, "client_secret": client_secret},
            )

        url = client.authorize_url(client_id, redirect.redirect_uri, challenge, state)
        return SignIn(url, redirect, complete)

    def begin_x_sign_in(
        self,
        client_id: str,
        *,
        port: int = 0,
        name: str = "",
        options: Mapping[str, object] | None = None,
    ) -> SignIn:
        """OAuth 2 with PKCE for the user's own X app (a public client: no secret)."""
        client_id = client_id.strip()
        if not client_id:
            raise AccountError("enter your X app's client id (from the X developer portal)")
        self._require_secure()
        state = new_state()
        try:
            redirect = LoopbackRedirect(state, port=port)
        except OSError as exc:
            raise AccountError(f"port {port} on 127.0.0.1 is in use ({exc})") from exc
        verifier, challenge = pkce_pair()
        register_secret(verifier)
        opts = {**(options or {}), "client_id": client_id}

        def complete(code: str) -> Account:
            register_secret(code)
            client = x.XClient(self._http(Network.X), self._endpoint(Network.X, x.API))
            bundle = self._call(
                lambda: client.exchange_code(client_id, code, redirect.redirect_uri, verifier)
            )
            for value in bundle.values():
                register_secret(value)
            token = bundle.pop("access_token")
            return self.connect_token(Network.X, token, name=name, options=opts, extra=bundle)

        url = x.authorize_url(client_id, redirect.redirect_uri, challenge, state)
        return SignIn(url, redirect, complete)

    # ------------------------------------------------------------------ checking

    def test_connection(self, account_id: int) -> str:
        """Ask the network who this sign-in is (renewing it when due); a message for the user.
        Raises ``AccountError`` saying what is wrong (and marks *reconnect* where renewal was
        refused)."""
        account = self.get(account_id)
        if account.publish_method is not PublishMethod.API:
            return "Nothing to test: this account does not sign in to a network."
        from somestudio.scheduling.publishers import (  # noqa: PLC0415
            PublisherRegistry,
            register_network_publishers,
        )

        registry = register_network_publishers(
            PublisherRegistry(), self.secrets, session_factory=self._session_factory
        )
        publisher: Any = registry.find(account)
        network = account.network

        def check() -> str:
            if network is Network.BLUESKY:
                token, _did = publisher.access(account, renew=True)
                info = publisher.client(account).get_session(token)
                return f"Connected as @{info.get('handle', account.handle)}."
            if network is Network.MASTODON:
                token = publisher.sign_in(account)["access_token"]
                client = publisher.client(account.instance_url)
                me = client.verify(token)
                self._set_limits(account.id, client.instance().as_json())
                return f"Connected as @{me['acct']}; the instance's limits are up to date."
            if network is Network.X:
                token = publisher.access(account)
                me = x.XClient(publisher.http(), self._endpoint(network, x.API)).me(token)
                return f"Connected as @{me.get('username', me['id'])}."
            if network is Network.LINKEDIN:
                return self._test_linkedin(publisher.sign_in(account)["access_token"], account)
            if network.descriptor.token.renews:
                token = publisher.access(account)  # renews a lapsing token where it can
            else:
                token = publisher.sign_in(account)["access_token"]
            who = self._whoami(network, token, dict(account.options), {"access_token": token})
            return f"Connected as {who}."

        return self._call(check)

    def _test_linkedin(self, token: str, account: Account) -> str:
        client = linkedin.LinkedInClient(
            self._http(Network.LINKEDIN), self._endpoint(Network.LINKEDIN, linkedin.API)
        )
        try:
            info = client.userinfo(token)
        except PublishError as exc:
            if exc.error_kind == linkedin.MISSING_SCOPE and (
                account.options.get("person_id") or account.options.get("organization_id")
            ):
                return (
                    "The sign-in is stored. LinkedIn lets Some Studio check a token without "
                    "the openid and profile permissions only by posting with it."
                )
            raise
        return f"Connected as {info.get('name') or info['sub']}."

    def pinterest_boards(self, token: str, *, sandbox: bool = False) -> list[tuple[str, str]]:
        """The boards of the token's user, from the API Sandbox when ``sandbox``."""
        register_secret(token)
        client = self._pinterest(sandbox)
        return self._call(lambda: client.boards(token))

    def set_options(self, account_id: int, changes: Mapping[str, object]) -> Account:
        account = self.get(account_id)
        options = {**account.options, **changes}
        conn = self.workspace.writable_connection()
        with transaction(conn):
            rows.set_options(conn, account_id, options)
        return self.get(account_id)

    # ------------------------------------------------------------------ removing

    def disconnect(self, account_id: int, *, force: bool = False) -> None:
        """Remove the account and its keyring entries. Posts still to go to it block this
        unless ``force`` (they then fail with "no sign-in")."""
        account = self.get(account_id)
        conn = self.workspace.writable_connection()
        pending = rows.pending_deliveries(conn, account_id)
        if pending and not force:
            raise AccountError(
                f"{pending} scheduled post(s) still go to {account.label}; unschedule or "
                "move them first"
            )
        try:
            self.secrets.delete(account_id)
        except SecretStoreError as exc:
            raise AccountError(f"{exc} The account was kept; try again.") from exc
        with transaction(conn):
            rows.remove_account(conn, account_id)

    # ------------------------------------------------------------------ helpers

    def _require_secure(self) -> None:
        try:
            status = self.secrets.status()
        except SecretStoreError as exc:
            raise AccountError(str(exc)) from exc
        if not status.secure:
            raise AccountError(
                f"No secure keyring is available ({status.reason}). Some Studio keeps sign-ins "
                "only in the system keyring, so it cannot connect this account. Set up the "
                "keyring (GNOME Keyring, KWallet, macOS Keychain or Windows Credential "
                "Manager), then try again."
            )

    @staticmethod
    def _instance(instance: str) -> str:
        try:
            base = mastodon.normalise_instance(instance)
        except ValueError as exc:
            raise AccountError(str(exc)) from exc
        Accounts._require_https(base)
        return base

    @staticmethod
    def _require_https(url: str) -> None:
        """Refuse a service over plain http (loopback aside) before any secret is sent."""
        problem = plain_http_problem(url)
        if problem:
            raise AccountError(problem[:1].upper() + problem[1:] + ". Nothing was sent.")

    @staticmethod
    def _call(fn: Callable[[], T]) -> T:
        try:
            return fn()
        except PublishError as exc:
            raise AccountError(exc.reason) from exc
        except (KeyError, TypeError, ValueError) as exc:
            raise AccountError(f"the network's answer was not what was expected ({exc})") from exc

    def _set_limits(self, account_id: int, limits: dict[str, int]) -> None:
        conn = self.workspace.writable_connection()
        with transaction(conn):
            rows.set_limits(conn, account_id, limits)

    @staticmethod
    def _update(
        conn: sqlite3.Connection,
        account_id: int,
        name: str,
        options: Mapping[str, object],
        old: Account | None,
    ) -> None:
        rows.update_account(
            conn,
            account_id,
            display_name=name or (old.display_name if old else ""),
            publish_method=PublishMethod.API,
            options={**(old.options if old else {}), **options},
        )

    def _save(
        self,
        network: Network,
        handle: str,
        bundle: Mapping[str, str],
        *,
        instance_url: str = "",
        name: str = "",
        options: Mapping[str, object] | None = None,
    ) -> Account:
        """Add (or bring back, or update) the row, then store the sign-in; undone if the
        keyring refuses."""
        conn = self.workspace.writable_connection()
        opts = dict(options or {})
        with transaction(conn):
            found = rows.find_account(conn, network, handle, instance_url)
            if found is None:
                account_id = rows.add_account(
                    conn,
                    network,
                    handle,
                    display_name=name,
                    instance_url=instance_url,
                    options=opts,
                )
                created, was_removed, old = True, False, None
            else:
                account_id, was_removed = found
                old = rows.get_account(conn, account_id) if not was_removed else None
                created = False
                if was_removed:  # brought back now; removed again if the keyring fails
                    self._update(conn, account_id, name, opts, None)
        try:
            self.secrets.store(account_id, bundle)
        except SecretStoreError as exc:
            with transaction(conn):
                if created:
                    rows.delete_unused_account(conn, account_id)
                elif was_removed:
                    rows.remove_account(conn, account_id)
            raise AccountError(str(exc)) from exc
        if old is not None:
            # A reconnect renames (and re-options) the account only once its new sign-in is
            # stored: a keyring that timed out leaves the account exactly as it was.
            with transaction(conn):
                self._update(conn, account_id, name, opts, old)
        log.info("connected %s account %s (id %s)", network.value, handle, account_id)
        return self.get(account_id)
