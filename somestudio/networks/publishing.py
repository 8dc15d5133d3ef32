"""What every network publisher shares: per-thread HTTP, the account's sign-in, checks.

A publisher knows nothing of the database or the keyring module: it is handed a session
factory and a ``CredentialStore`` (the app passes ``secrets.SecretStore``). Sign-ins are
bundles of strings; a publisher that renews a token saves the new bundle at once, and one
whose renewal is refused marks the bundle ``reconnect`` (the Accounts page shows it) and
raises ``AuthExpired``.
"""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Callable, Mapping
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, Protocol

from somestudio.domain.channels import RULES
from somestudio.domain.findings import Severity
from somestudio.domain.posts import Account, MediaItem
from somestudio.domain.publish_result import (
    NOT_CONNECTED,
    AuthExpired,
    Final,
    OutgoingDelivery,
    PublishResult,
    Retryable,
    not_connected_reason,
)
from somestudio.networks.http import DEFAULT_TIMEOUT, Http, SessionFactory

RECONNECT = "reconnect"  # bundle key: why the sign-in must be renewed by the user


class CredentialStore(Protocol):
    def load(self, account_id: int) -> dict[str, str] | None: ...

    def save(self, account_id: int, bundle: Mapping[str, str]) -> None: ...


class ApiPublisher:
    """Base of the network publishers (see the module docstring)."""

    network_name = "the network"
    channel = ""  # the domain channel rule checked before sending ("" for none)
    reconcile_is_conclusive = False

    def __init__(
        self,
        session_factory: SessionFactory,
        credentials: CredentialStore,
        *,
        timeout: tuple[float, float] = DEFAULT_TIMEOUT,
    ) -> None:
        self._session_factory = session_factory
        self.credentials = credentials
        self.timeout = timeout
        self._local = threading.local()
        self._account_locks: dict[int, threading.Lock] = {}
        self._locks_lock = threading.Lock()

    def http(self) -> Http:
        """This thread's client (a requests session is not shared between threads)."""
        http: Http | None = getattr(self._local, "http", None)
        if http is None:
            http = Http(self._session_factory(), self.network_name, timeout=self.timeout)
            self._local.http = http
        return http

    def account_lock(self, account_id: int) -> threading.Lock:
        """Serialises token renewal per account (a renewed refresh token replaces the old)."""
        with self._locks_lock:
            return self._account_locks.setdefault(account_id, threading.Lock())

    # ------------------------------------------------------------------ sign-in

    def sign_in(self, account: Account) -> dict[str, str]:
        try:
            bundle = self.credentials.load(account.id)
        except Exception as exc:  # the keyring is locked or failing: nothing was sent
            raise Retryable(
                f"the sign-in could not be read from the system keyring: {exc}",
                error_kind="keyring",
            ) from exc
        if bundle is None:
            raise AuthExpired(
                not_connected_reason(self.network_name, account.label),
                error_kind=NOT_CONNECTED,
            )
        if bundle.get(RECONNECT):
            raise AuthExpired(
                f"{self.network_name} needs the account {account.label} reconnected "
                f"({bundle[RECONNECT]}). Reconnect it in Accounts, then try again."
            )
        return bundle

    def save_sign_in(self, account: Account, bundle: Mapping[str, str]) -> None:
        try:
            self.credentials.save(account.id, bundle)
        except Exception as exc:
            # The renewed token works for this send; the next one renews again.
            raise Retryable(
                f"the renewed sign-in could not be saved in the system keyring: {exc}",
                error_kind="keyring",
            ) from exc

    def needs_reconnect(
        self, account: Account, bundle: Mapping[str, str], reason: str, status: int | None = None
    ) -> AuthExpired:
        """Mark the stored sign-in as needing the user, and the error to raise."""
        # A failed save changes nothing: the error below tells the user all the same.
        with contextlib.suppress(Exception):
            self.credentials.save(account.id, {**bundle, RECONNECT: reason})
        return AuthExpired(
            f"{self.network_name} refused to renew the sign-in of {account.label} ({reason}). "
            "Reconnect the account in Accounts, then try again.",
            http_status=status,
        )

    # ------------------------------------------------------------------ checks

    def check_parts(self, delivery: OutgoingDelivery, *, limit: int | None = None) -> None:
        """The channel's own rule on each part: a post the network would refuse never leaves."""
        rule = RULES.get(self.channel) if self.channel else None
        if rule is None:
            return
        for number, part in enumerate(delivery.parts, start=1):
            result = rule.check(part, limit_override=limit)
            errors = [f for f in result.findings if f.severity is Severity.ERROR]
            if errors:
                where = f"part {number} of the thread" if len(delivery.parts) > 1 else "the text"
                raise Final(
                    f"{where} breaks {self.network_name}'s rule: {errors[0].message} "
                    f"[{errors[0].code}]",
                    error_kind="validation",
                )


def read_media(item: MediaItem, *, max_bytes: int, network: str) -> bytes:
    path = Path(item.path)
    try:
        size = path.stat().st_size
        if size > max_bytes:
            raise Final(
                f"{path.name} is {size:,} bytes; {network} takes at most {max_bytes:,}",
                error_kind="validation",
            )
        return path.read_bytes()
    except OSError as exc:
        raise Final(
            f"the media file {path} cannot be read ({exc.strerror or exc}); "
            "attach it again, then retry",
            error_kind="media",
        ) from exc


def mime_of(item: MediaItem) -> str:
    if item.mime_type:
        return item.mime_type
    suffix = Path(item.path).suffix.lower()
    return {
        ".jpg": "image/jpeg",
        ".jpeg": "image/jpeg",
        ".png": "image/png",
        ".gif": "image/gif",
        ".webp": "image/webp",
        ".mp4": "video/mp4",
        ".mov": "video/quicktime",
    }.get(suffix, "application/octet-stream")


def parse_time(value: object) -> datetime | None:
    """An ISO 8601 time from a network's answer, aware (UTC when it names no offset)."""
    if not isinstance(value, str) or not value:
        return None
    try:
        moment = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return None
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def option(account: Account, name: str, default: str = "") -> str:
    value = account.options.get(name, default)
    return value if isinstance(value, str) else str(value)


_COMMENT_METHODS = frozenset({"comment", "reconcile_comment"})


class MarksReconnect:
    """A network publisher whose refused sign-in marks the account for reconnecting.

    A network that answers "this sign-in is no longer valid" (``AuthExpired``: HTTP 401, a
    Graph API code 190, a refused renewal) leaves the stored bundle marked ``reconnect`` with
    the reason, so the Accounts page says "Reconnect" and no further send tries it again until
    the user connects the account anew. Publishers that renew tokens mark the bundle themselves;
    this covers the rest. Everything else is the wrapped publisher's (``inner``).
    """

    def __init__(self, inner: ApiPublisher) -> None:
        self.inner = inner
        self.reconcile_is_conclusive = inner.reconcile_is_conclusive

    def __getattr__(self, name: str) -> object:
        found = getattr(self.inner, name)
        if name in _COMMENT_METHODS and callable(found):
            # Only where the network has them (``as_commenter`` asks by attribute), and a
            # first comment's refused sign-in marks the account just as the post's does.
            return self._marking(found)
        return found

    def _marking(self, call: Callable[[Any], Any]) -> Callable[[Any], Any]:
        def marked(comment: Any) -> Any:
            try:
                return call(comment)
            except AuthExpired as exc:
                self._mark(comment.account, exc)
                raise

        return marked

    def publish(self, delivery: OutgoingDelivery) -> PublishResult:
        try:
            return self.inner.publish(delivery)  # type: ignore[attr-defined, no-any-return]
        except AuthExpired as exc:
            self._mark(delivery.account, exc)
            raise

    def reconcile(self, delivery: OutgoingDelivery) -> PublishResult | None:
        try:
            return self.inner.reconcile(delivery)  # type: ignore[attr-defined, no-any-return]
        except AuthExpired as exc:
            self._mark(delivery.account, exc)
            raise

    def _mark(self, account: Account, error: AuthExpired) -> None:
        if error.http_status is None:  # raised before any network call (nothing stored, ...)
            return
        with contextlib.suppress(Exception):  # the error itself tells the user all the same
            bundle = self.inner.credentials.load(account.id)
            if bundle is not None and not bundle.get(RECONNECT):
                reason = f"{self.inner.network_name} refused the sign-in (HTTP {error.http_status})"
                self.inner.credentials.save(account.id, {**bundle, RECONNECT: reason})
