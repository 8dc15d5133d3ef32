"""Account use cases for the window and the command line: connect, test, health, disconnect.

Every method may touch the network or the keyring: the window calls them on its background
tasks (``ui/tasks.py``), never on the GUI thread. Secrets go to the keyring only; the
account row keeps the non-secret parts (handle, instance, client id, board, page id). An
account is added only once its sign-in is stored: with no secure keyring, nothing is kept.
"""

from __future__ import annotations

import logging
import os
import sqlite3
import threading
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import TypeVar

from somestudio.app.logs import register_secret
from somestudio.app.machines import Machines, Publisher
from somestudio.app.offline_accounts import (
    OfflineAccountError,
    add_offline_account,
    prepare_archive_folder,
    suggested_archive_folder,
)
from somestudio.app.workspace import Workspace
from somestudio.domain.networks import Network, PublishMethod
from somestudio.domain.networks.catalogue import AgeingVersion, ageing_versions, folder_archive
from somestudio.domain.networks.connect_form import (
    MEDIA_BASE_URL,
    SANDBOX_OPTION,
    ConnectField,
    FieldKind,
    options_of,
)
from somestudio.domain.networks.descriptor import SignInKind
from somestudio.domain.posts import Account
from somestudio.domain.publish_result import PublishError
from somestudio.networks.connect import (
    BrowserRequest,
    CheckRequest,
    Connected,
    SignInFlow,
    SignInForm,
)
from somestudio.networks.http import Http, SessionFactory, create_session
from somestudio.networks.oauth import LoopbackRedirect, SignInError, new_state, pkce_pair
from somestudio.networks.publishing import RECONNECT
from somestudio.networks.registry import NetworkEntry
from somestudio.networks.registry import entry as network_entry
from somestudio.networks.secure_url import plain_http_problem
from somestudio.secrets import (
    KeyringStatus,
    MemoryKeyring,
    SecretStore,
    SecretStoreError,
    set_default_store,
)
from somestudio.store import accounts as rows
from somestudio.store import machines as machine_rows
from somestudio.store.database import transaction

log = logging.getLogger(__name__)
T = TypeVar("T")
__all__ = [
    "AccountError",
    "Accounts",
    "Health",
    "KeyringStatus",
    "OfflineAccountError",
    "SignIn",
    "health_of",
]
APP_NAME = "Some Studio"
WARN_DAYS = 7
SIGN_IN_TIMEOUT_S = 600.0

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


def use_throwaway_keyring() -> None:
    """From now on this process keeps account secrets in its own memory only
    (``MemoryKeyring``): the ``--demo`` window's, before anything asks for a secret."""
    global _store  # noqa: PLW0603 - one keyring per process
    with _store_lock:
        _store = SecretStore(backend=MemoryKeyring(), on_secret=register_secret)
        set_default_store(_store)


def warm_keyring() -> None:
    """Load the system keyring's modules and ask which of its backends answers, once, on the
    calling thread (the window's start-up thread, after the engine is built). Their imports
    (every backend keyring knows, ``cryptography``'s native library) keep Python's lock for
    tens of milliseconds; the first open of the Accounts page or the schedule dialog's check
    otherwise waited for them with the window frozen (``benchmarks/watchdog.py``). The answer
    is kept (``SecretStore.status``); nothing is read, so a locked keyring asks nothing."""
    try:
        secret_store().status()
    except Exception:  # a keyring that fails says so where it is used
        log.info("the keyring could not be asked at start-up", exc_info=True)


class AccountError(Exception):
    """Connecting or testing did not work; the message says why, for the user.
    ``keyring``: the system keyring refused or did not answer (an account published by hand
    needs no keyring: the dialog can say so)."""

    def __init__(self, message: str, *, keyring: bool = False) -> None:
        super().__init__(message)
        self.keyring = keyring


@dataclass(frozen=True, slots=True)
class Health:
    """How an account's sign-in stands. ``state``: ok, expiring, reconnect, not_connected,
    no_secure_storage, by_hand, folder, folder_missing, folder_read_only or unknown (the
    keyring did not answer). ``where``: a Local archive's folder."""

    state: str
    message: str
    expires_at: datetime | None = None
    note: str = ""
    where: str = ""

    @property
    def needs_user(self) -> bool:
        return self.state in (
            "reconnect",
            "not_connected",
            "no_secure_storage",
            "expiring",
            "folder_missing",
            "folder_read_only",
        )


def folder_health(account: Account) -> Health:
    """A Local archive's folder as this computer finds it now: there, and writable (posts
    to it fail otherwise: ``scheduling/local_archive.py``)."""
    raw = account.options.get("folder")
    folder = raw if isinstance(raw, str) else ""
    if not folder or not Path(folder).is_dir():
        return Health(
            "folder_missing",
            f"The archive folder {folder or '(none set)'} is not there.",
            where=folder,
        )
    if not os.access(folder, os.W_OK | os.X_OK):
        return Health(
            "folder_read_only", f"The archive folder {folder} cannot be written to.", where=folder
        )
    return Health("folder", "Writes each post into its own folder.", where=folder)


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
    public_media = account.network.descriptor.media_from_public_url
    if public_media and not account.options.get(MEDIA_BASE_URL.option):
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
        self.machines = Machines(workspace, now=now)

    def _http(self, network: Network) -> Http:
        return Http(self._session_factory(), network.display_name)

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

    def publishers(self) -> dict[int, list[Publisher]] | None:
        """Which machines can publish each account of a shared workspace (this computer
        first); None on a solo workspace, where this computer is the only one."""
        if not self.workspace.is_shared:
            return None
        return self.machines.publishers()

    def _held_here(self, account_id: int) -> None:
        """An account was connected (or reconnected) on this machine: it can publish it."""
        if not self.workspace.is_shared:
            return
        try:
            self.machines.hold(account_id, True)
        except Exception:  # only the Accounts page's line: never a failed connect
            log.warning("recording that this machine holds account %s failed", account_id)

    def health(self, account: Account) -> Health:
        if account.publish_method is PublishMethod.FOLDER:
            return folder_health(account)
        try:
            status = self.secrets.status()
            needs_token = account.publish_method is PublishMethod.API
            bundle = self.secrets.load(account.id) if status.secure and needs_token else None
        except SecretStoreError as exc:
            return Health("unknown", str(exc))
        return health_of(account, status, bundle, self._now())

    # ------------------------------------------------------------------ connecting

    def connect(
        self,
        network: Network,
        values: Mapping[str, object],
        *,
        name: str = "",
        handle: str = "",
        into: int | None = None,
    ) -> Account:
        """Connect (or reconnect) an account with its network's connect form as filled in:
        ``values`` by field key (``domain/networks/<name>.py``), its sign-in secret among them.
        The window's Connect button and ``account add`` both come here; the network's
        registered flow does the rest. ``handle`` names the account where the form does not
        (a pasted token's account, from the command line). ``into``: the account this sign-in
        is for (a reconnect, or an account published by hand until now), which must then be
        the one signed in to. Raises ``AccountError``."""
        code = self._code(network)
        form = network.descriptor.connect
        values = dict(values)
        primary = self._primary_secret(network)
        secret = str(values.get(primary.key) or "").strip() if primary else ""
        extra = {
            f.key: str(values[f.key]).strip()
            for f in form.fields
            if f.secret and f is not primary and str(values.get(f.key) or "").strip()
        }
        days = values.get("valid_days") if form.field("valid_days") is not None else None
        return self._connect(
            network,
            code.connect_flow,
            secret,
            values,
            options_of(form, values),
            extra=extra,
            handle=handle,
            name=name,
            valid_days=float(days) if isinstance(days, int | float) else None,
            into=into,
        )

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
        """A pasted access token with the account's options as they are kept: checked with the
        network by its registered flow, then stored. A LinkedIn token with only the posting
        scope cannot be checked: given the member id or page id, it is stored unchecked."""
        if SignInKind.TOKEN not in network.descriptor.sign_in:
            raise AccountError(f"{network.display_name} has no sign-in by token here")
        code = self._code(network)
        primary = self._primary_secret(network)
        values: dict[str, object] = {primary.key if primary else "token": token}
        return self._connect(
            network,
            code.connect_flow,
            token,
            values,
            dict(options or {}),
            extra=dict(extra or {}),
            handle=handle,
            name=name,
            valid_days=valid_days,
        )

    def _connect(
        self,
        network: Network,
        flow: SignInFlow,
        secret: str,
        values: Mapping[str, object],
        options: dict[str, object],
        *,
        extra: dict[str, str],
        handle: str,
        name: str,
        valid_days: float | None,
        into: int | None = None,
    ) -> Account:
        register_secret(secret)
        for value in extra.values():
            register_secret(value)
        self._require_https_fields(network, values)  # before anything is sent or stored
        self._require_secure()
        form = self._form(network, secret, values, options, extra)
        connected = self._call(lambda: flow(form))
        return self._keep(
            network,
            connected,
            options,
            handle=handle,
            name=name,
            valid_days=valid_days,
            into=into,
        )

    def _keep(
        self,
        network: Network,
        connected: Connected,
        options: Mapping[str, object],
        *,
        handle: str = "",
        name: str = "",
        valid_days: float | None = None,
        into: int | None = None,
    ) -> Account:
        """Store what a sign-in found: the row (``into``'s, if given), the keyring bundle,
        the server's limits."""
        bundle = dict(connected.bundle)
        for key, value in bundle.items():
            if "token" in key or "secret" in key:
                register_secret(value)
        if valid_days is not None:
            bundle["expires_at"] = str(int(self._now().timestamp() + valid_days * 86400))
        elif "expires_at" not in bundle:
            lifetime = network.descriptor.token.pasted_lifetime_days
            if lifetime is not None:  # LinkedIn 60 days, Pinterest 30 unless the user says
                bundle["expires_at"] = str(int(self._now().timestamp() + lifetime * 86400))
        account = self._save(
            network,
            handle or connected.handle,
            bundle,
            instance_url=connected.instance_url,
            name=name or connected.name,
            options=options,
            into=into,
        )
        if connected.limits is not None:
            self._set_limits(account.id, connected.limits)
        self._held_here(account.id)
        return account

    def load_choices(
        self, network: Network, key: str, values: Mapping[str, object]
    ) -> list[tuple[str, str]]:
        """(value, name) pairs for the form's list field ``key`` (Pinterest's boards), read
        with the form's sign-in as filled in so far."""
        code = self._code(network)
        field = network.descriptor.connect.field(key)
        loader = code.loaders.get(key)
        if field is None or field.loaded is None or loader is None:
            raise AccountError(f"{network.display_name} has no list {key!r} to load")
        secret = str(values.get(field.loaded.needs) or "").strip()
        register_secret(secret)
        options = options_of(network.descriptor.connect, dict(values))
        form = self._form(network, secret, values, options, {})
        return self._call(lambda: loader(form))

    def _code(self, network: Network) -> NetworkEntry:
        code = network_entry(network)
        if code is None:
            raise AccountError(f"{network.display_name} has no sign-in here")
        return code

    @staticmethod
    def _primary_secret(network: Network) -> ConnectField | None:
        """The form's sign-in secret: its first required secret field."""
        return next((f for f in network.descriptor.connect.fields if f.secret and f.required), None)

    def _base(self, network: Network, options: Mapping[str, object]) -> str | None:
        """The API's address when tests point it at 127.0.0.1 (a network's test environment,
        its ``sandbox`` option, has its own); None for the network's own."""
        if options.get(SANDBOX_OPTION) is True:
            return self._sandbox_endpoints.get(network)
        return self._endpoints.get(network)

    def _form(
        self,
        network: Network,
        secret: str,
        values: Mapping[str, object],
        options: dict[str, object],
        extra: Mapping[str, str],
    ) -> SignInForm:
        return SignInForm(
            self._http(network),
            self._base(network, options),
            secret,
            values,
            options,
            self._now().timestamp(),
            extra,
        )

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
            conn, folder_archive(), name, PublishMethod.FOLDER, options={"folder": str(where)}
        )
        log.info("added a Local archive (id %s) writing to %s", account_id, where)
        self._held_here(account_id)
        return self.get(account_id)

    # ------------------------------------------------------------------ browser sign-in

    def begin_browser_sign_in(
        self,
        network: Network,
        values: Mapping[str, object],
        *,
        name: str = "",
        into: int | None = None,
    ) -> SignIn:
        """Start the network's browser sign-in (its registered flow) for the form as filled
        in: open ``url`` of the result, then ``finish`` waits for the redirect. ``into`` as
        for ``connect``."""
        code = self._code(network)
        if code.browser is None:
            raise AccountError(f"{network.display_name} has no sign-in with the browser here")
        browser = code.browser
        form = network.descriptor.connect
        values = dict(values)
        self._require_https_fields(network, values)
        self._require_secure()
        options = options_of(form, values)
        port_field = next((f for f in form.fields if f.kind is FieldKind.PORT), None)
        port = values.get(port_field.key) if port_field is not None else 0
        port = port if isinstance(port, int) else 0
        state = new_state()
        try:
            redirect = LoopbackRedirect(state, port=port)
        except OSError as exc:
            raise AccountError(f"port {port} on 127.0.0.1 is in use ({exc})") from exc
        verifier, challenge = pkce_pair()
        register_secret(verifier)
        request = BrowserRequest(
            self._form(network, "", values, options, {}),
            redirect.redirect_uri,
            challenge,
            verifier,
            state,
            APP_NAME,
        )
        try:
            start = self._call(lambda: browser(request))
        except AccountError:
            redirect.close()
            raise
        for secret in start.secrets:
            register_secret(secret)

        def complete(code: str) -> Account:
            register_secret(code)
            connected = self._call(lambda: start.finish(code))
            return self._keep(network, connected, options, name=name, into=into)

        return SignIn(start.url, redirect, complete)

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
        network = account.network
        code = self._code(network)
        request = CheckRequest(
            registry.find(account),
            account,
            self._http(network),
            self._base(network, account.options),
            self._now().timestamp(),
        )

        def check() -> str:
            checked = code.check_flow(request)
            if checked.limits is not None:
                self._set_limits(account.id, checked.limits)
            return checked.message

        return self._call(check)

    def set_options(self, account_id: int, changes: Mapping[str, object]) -> Account:
        account = self.get(account_id)
        options = {**account.options, **changes}
        conn = self.workspace.writable_connection()
        with transaction(conn):
            rows.set_options(conn, account_id, options)
        return self.get(account_id)

    # ------------------------------------------------------------------ removing

    def posts_still_to_go(self, account_id: int) -> int:
        """Deliveries still to go out (or being sent) to the account: removing it waits for
        them to be unscheduled or moved (``disconnect``)."""
        return rows.pending_deliveries(self.workspace.connection(), account_id)

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
            machine_rows.forget_account(conn, account_id)

    # ------------------------------------------------------------------ helpers

    def _require_secure(self) -> None:
        try:
            status = self.secrets.status()
        except SecretStoreError as exc:
            raise AccountError(str(exc), keyring=True) from exc
        if not status.secure:
            raise AccountError(
                f"No secure keyring is available ({status.reason}). Some Studio keeps sign-ins "
                "only in the system keyring, so it cannot connect this account. Set up the "
                "keyring (GNOME Keyring, KWallet, macOS Keychain or Windows Credential "
                "Manager), then try again."
            )

    def _require_https_fields(self, network: Network, values: Mapping[str, object]) -> None:
        """Refuse a server address over plain http (loopback aside) before any secret is
        sent; an address without a scheme is taken as https."""
        for f in network.descriptor.connect.fields:
            value = values.get(f.key)
            if f.kind is FieldKind.ADDRESS and isinstance(value, str) and value.strip():
                self._require_https(value.strip())

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

    @staticmethod
    def _signed_in_as(
        conn: sqlite3.Connection,
        network: Network,
        into: int,
        handle: str,
        instance_url: str,
    ) -> Account:
        """The account ``into`` that a sign-in as ``handle`` on ``instance_url`` is for.
        An account published by hand until now takes that identity (the user named it
        freely); one that already signs in must be signed in to as the same account, or its
        posts would go to another. Raises ``AccountError`` when the sign-in cannot be it."""
        old = rows.get_account(conn, into)
        if old is None or old.network is not network:
            raise AccountError("the account to connect is no longer here")
        same = old.handle.casefold() == handle.casefold() and old.instance_url.rstrip(
            "/"
        ) == instance_url.rstrip("/")
        if old.publish_method is PublishMethod.API and not same:
            raise AccountError(
                f"this sign-in is for {handle}, not for {old.handle}: sign in as {old.handle}, "
                f"or add {handle} as a new account"
            )
        found = rows.find_account(conn, network, handle, instance_url)
        if found is not None and found[0] != into:
            other_id, removed = found
            if removed:  # an account removed earlier, with no posts: its row goes
                rows.delete_unused_account(conn, other_id)
            if not removed or rows.find_account(conn, network, handle, instance_url):
                raise AccountError(
                    f"{handle} is already another account here: remove one of the two first"
                )
        return old

    def _row_for(
        self,
        conn: sqlite3.Connection,
        network: Network,
        handle: str,
        instance_url: str,
        *,
        name: str,
        options: dict[str, object],
    ) -> tuple[int, bool, bool, Account | None]:
        """The row a sign-in as ``handle`` goes to, added or brought back if need be: (id,
        added, brought back, the live account as it was)."""
        found = rows.find_account(conn, network, handle, instance_url)
        if found is None:
            account_id = rows.add_account(
                conn, network, handle, display_name=name, instance_url=instance_url, options=options
            )
            return account_id, True, False, None
        account_id, was_removed = found
        if was_removed:  # brought back now; removed again if the keyring fails
            self._update(conn, account_id, name, options, None)
            return account_id, False, True, None
        return account_id, False, False, rows.get_account(conn, account_id)

    def _save(
        self,
        network: Network,
        handle: str,
        bundle: Mapping[str, str],
        *,
        instance_url: str = "",
        name: str = "",
        options: Mapping[str, object] | None = None,
        into: int | None = None,
    ) -> Account:
        """Add (or bring back, or update) the row, then store the sign-in; undone if the
        keyring refuses. With ``into``, that row is the one (see ``_signed_in_as``)."""
        conn = self.workspace.writable_connection()
        opts = dict(options or {})
        with transaction(conn):
            old: Account | None
            if into is not None:
                old = self._signed_in_as(conn, network, into, handle, instance_url)
                account_id, created, was_removed = into, False, False
            else:
                account_id, created, was_removed, old = self._row_for(
                    conn, network, handle, instance_url, name=name, options=opts
                )
        try:
            self.secrets.store(account_id, bundle)
        except SecretStoreError as exc:
            with transaction(conn):
                if created:
                    rows.delete_unused_account(conn, account_id)
                elif was_removed:
                    rows.remove_account(conn, account_id)
            raise AccountError(str(exc), keyring=True) from exc
        if old is not None:
            # A reconnect renames (and re-options) the account only once its new sign-in is
            # stored: a keyring that timed out leaves the account exactly as it was.
            with transaction(conn):
                if into is not None:
                    rows.set_identity(conn, account_id, handle, instance_url)
                self._update(conn, account_id, name, opts, old)
        log.info("connected %s account %s (id %s)", network.value, handle, account_id)
        return self.get(account_id)
