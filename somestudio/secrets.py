"""Account secrets in the operating system's keyring, and nowhere else.

A backend that would keep secrets in a plain or weakly protected file, or that does not work
at all, counts as *no secure storage*: the app says so and stores no token (there is no
plaintext fallback).

Each account's secrets are one small JSON object (a *bundle*: tokens, JWTs, an app
password, and their non-secret expiry times) kept under the service ``somestudio``, user
``account-<id>``. Every keyring call runs on a worker thread with a timeout: a locked keyring
whose unlock prompt nobody answers costs the caller ``timeout`` seconds, never a frozen
window or a hung scheduler.

Windows' Credential Manager holds at most 2,560 bytes per credential (stored as UTF-16, so
1,280 characters); an OAuth bundle with two long JWTs is larger. A bundle is therefore split
into parts of ``PART_CHARS`` ASCII characters: the first entry names a generation and the
part count, the others are ``account-<id>.<generation>.<n>``. New parts are written before
the first entry switches to them, so an interrupted store leaves the old secret readable.
A bundle that would need more than ``MAX_PARTS`` parts is refused before anything is
written, with a message that says so.
"""

from __future__ import annotations

import contextlib
import json
import os
import threading
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any, TypeVar

SERVICE = "somestudio"
PART_CHARS = 1000  # ASCII: 2,000 bytes as UTF-16, under Windows' 2,560-byte limit
MAX_PARTS = 16
DEFAULT_TIMEOUT_S = 10.0
_HEADER = "somestudio-secret/1"
# Bundle keys whose values are secret (the rest, such as expiry times, are not).
SECRET_SUFFIXES = ("token", "jwt", "password", "secret", "verifier")

T = TypeVar("T")
Bundle = dict[str, str]

_INSECURE: dict[str, str] = {
    "keyring.backends.fail": "no keyring service is available (e.g. no Secret Service running)",
    "keyring.backends.null": "the keyring is switched off (null backend)",
    "keyrings.alt": "this backend keeps secrets in a file, not in a protected keyring",
}
_CHAIN_INSECURE = "no secure keyring among the chained backends"
_NOT_RECOMMENDED = "keyring reports this backend as not recommended"
# Each reason's stable code, for the window to word in its own language.
_REASON_CODES: dict[str, str] = {
    _INSECURE["keyring.backends.fail"]: "no_service",
    _INSECURE["keyring.backends.null"]: "switched_off",
    _INSECURE["keyrings.alt"]: "file_backend",
    _CHAIN_INSECURE: "no_secure_member",
    _NOT_RECOMMENDED: "not_recommended",
}


@dataclass(frozen=True, slots=True)
class KeyringStatus:
    backend: str
    secure: bool
    reason: str
    # Why, as a stable code: ok, no_service, switched_off, file_backend, no_secure_member,
    # not_recommended or unavailable (the keyring library failed; ``reason`` says how).
    code: str = "ok"


class SecretStoreError(Exception):
    """A keyring problem, with a message the user can act on."""


class NoSecureStorageError(SecretStoreError):
    """There is no secure keyring: the secret was not stored anywhere."""


class KeyringTimeoutError(SecretStoreError):
    """The keyring did not answer in time (locked, or an unlock prompt is waiting)."""


class SecretTooLargeError(SecretStoreError):
    """The secret is larger than this app will split across keyring entries."""


class KeyringFailedError(SecretStoreError):
    """The keyring refused the call, or an entry is damaged."""


def _describe(backend: object) -> str:
    cls = type(backend)
    return f"{cls.__module__}.{cls.__qualname__}"


def _is_secure(backend: object) -> tuple[bool, str]:
    children = getattr(backend, "backends", None)
    if children is not None:  # keyring's ChainerBackend: secure if any member is
        if any(_is_secure(child)[0] for child in children):
            return True, "chained keyring with a secure member"
        return False, _CHAIN_INSECURE
    module = type(backend).__module__
    for prefix, reason in _INSECURE.items():
        if module == prefix or module.startswith(prefix + "."):
            return False, reason
    priority = getattr(backend, "priority", 0)
    if not isinstance(priority, int | float) or priority < 1:
        return False, _NOT_RECOMMENDED
    return True, "system keyring"


def _status_of(backend: object) -> KeyringStatus:
    secure, reason = _is_secure(backend)
    code = "ok" if secure else _REASON_CODES.get(reason, "unavailable")
    return KeyringStatus(_describe(backend), secure=secure, reason=reason, code=code)


def keyring_status() -> KeyringStatus:
    """Which keyring backend is active, and whether secrets may be stored in it."""
    import keyring  # noqa: PLC0415 - keyring probes D-Bus on import of its backends; only when asked
    import keyring.errors  # noqa: PLC0415

    try:
        backend = keyring.get_keyring()
    except keyring.errors.KeyringError as exc:
        return KeyringStatus("unavailable", secure=False, reason=str(exc), code="unavailable")
    return _status_of(backend)


def probe_keyring() -> None:
    """Read an entry that does not exist: raises if the keyring service does not answer."""
    import keyring  # noqa: PLC0415

    keyring.get_password(f"{SERVICE}-doctor", "probe")


def is_secret_key(name: str) -> bool:
    return name.lower().endswith(SECRET_SUFFIXES)


def secret_values(bundle: Mapping[str, str]) -> list[str]:
    """The values of ``bundle`` that are secrets (for log redaction)."""
    return [v for k, v in bundle.items() if is_secret_key(k) and v]


def split_parts(text: str, size: int = PART_CHARS) -> list[str]:
    return [text[i : i + size] for i in range(0, len(text), size)] or [""]


def encode_bundle(bundle: Mapping[str, str]) -> str:
    """ASCII JSON (non-ASCII escaped): every character is one UTF-16 unit on Windows."""
    return json.dumps(dict(bundle), ensure_ascii=True, sort_keys=True, separators=(",", ":"))


def _user(account_id: int) -> str:
    return f"account-{account_id}"


def _part_user(account_id: int, generation: str, number: int) -> str:
    return f"account-{account_id}.{generation}.{number}"


def _parse_head(value: str) -> tuple[str, int, str]:
    """(generation, part count, first part) of a first entry."""
    header, sep, rest = value.partition("\n")
    words = header.split(" ")
    if not sep or len(words) != 3 or words[0] != _HEADER:
        raise ValueError("not a Some Studio secret")
    generation = words[1]
    count = int(words[2])
    if not generation.isalnum() or not 1 <= count <= MAX_PARTS:
        raise ValueError("damaged header")
    return generation, count, rest


class SecretStore:
    """Store, load and delete one bundle of secrets per account (see the module docstring).

    Thread-safe. Every method may raise ``KeyringTimeoutError``; ``store`` also raises
    ``NoSecureStorageError`` and ``SecretTooLargeError`` before writing anything.
    ``on_secret`` is called with every secret value stored or loaded (the app passes the
    log redactor's ``register_secret``).
    """

    def __init__(
        self,
        *,
        backend: object | None = None,
        service: str = SERVICE,
        timeout: float = DEFAULT_TIMEOUT_S,
        on_secret: Callable[[str], None] | None = None,
    ) -> None:
        self._backend = backend
        self._service = service
        self.timeout = timeout
        self._on_secret = on_secret
        self._status: KeyringStatus | None = None
        self._lock = threading.Lock()

    # ------------------------------------------------------------------ public

    def status(self) -> KeyringStatus:
        """The backend's verdict (asked once, then remembered)."""
        if self._status is None:
            self._status = self._run(lambda: _status_of(self._get_backend()), "checking")
        return self._status

    def store(self, account_id: int, bundle: Mapping[str, str]) -> None:
        text = encode_bundle(bundle)
        parts = split_parts(text)
        if len(parts) > MAX_PARTS:
            raise SecretTooLargeError(
                f"The sign-in data is {len(text):,} characters, more than the "
                f"{MAX_PARTS * PART_CHARS:,} this app keeps in the system keyring. "
                "Nothing was stored; the account was not connected."
            )
        status = self.status()
        if not status.secure:
            raise NoSecureStorageError(
                f"No secure keyring is available ({status.reason}), so the sign-in was not "
                "stored anywhere. Set up the system keyring (GNOME Keyring, KWallet, macOS "
                "Keychain or Windows Credential Manager), then connect again."
            )
        self._remember(bundle)
        self._run(lambda: self._store_sync(account_id, parts), "storing the sign-in")

    save = store  # the networks' CredentialStore protocol

    def load(self, account_id: int) -> Bundle | None:
        """The account's bundle, or None when none is stored (or no secure keyring exists)."""
        if not self.status().secure:
            return None
        bundle = self._run(lambda: self._load_sync(account_id), "reading the sign-in")
        if bundle is not None:
            self._remember(bundle)
        return bundle

    def delete(self, account_id: int) -> None:
        """Remove every keyring entry of the account (no error when there is none)."""
        if not self.status().secure:
            return
        self._run(lambda: self._delete_sync(account_id), "removing the sign-in")

    # ------------------------------------------------------------------ workspace passwords

    def store_password(self, name: str, password: str) -> None:
        """A shared workspace's database password, under ``name`` (``WorkspaceUrl``'s
        ``keyring_user()``, ``workspace:postgresql://…``: never an account's entry)."""
        if not name.startswith("workspace:"):
            raise ValueError("a workspace password's keyring name starts with 'workspace:'")
        status = self.status()
        if not status.secure:
            raise NoSecureStorageError(
                f"No secure keyring is available ({status.reason}), so the password was not "
                "stored anywhere. Set up the system keyring, then try again."
            )
        self._remember({"password": password})
        backend = self._get_backend()
        self._run(lambda: backend.set_password(self._service, name, password), "storing it")

    def load_password(self, name: str) -> str | None:
        """The password stored under ``name``, or None (none stored, or no secure keyring)."""
        if not self.status().secure:
            return None
        backend = self._get_backend()
        found = self._run(lambda: backend.get_password(self._service, name), "reading it")
        if found is None:
            return None
        self._remember({"password": str(found)})
        return str(found)

    def delete_password(self, name: str) -> None:
        if not self.status().secure:
            return
        import keyring.errors  # noqa: PLC0415

        backend = self._get_backend()

        def delete() -> None:
            with contextlib.suppress(keyring.errors.PasswordDeleteError):
                backend.delete_password(self._service, name)

        self._run(delete, "removing it")

    # ------------------------------------------------------------------ on the worker

    def _get_backend(self) -> Any:
        if self._backend is None:
            import keyring  # noqa: PLC0415

            self._backend = keyring.get_keyring()
        return self._backend

    def _store_sync(self, account_id: int, parts: list[str]) -> None:
        backend = self._get_backend()
        with self._lock:
            old = self._head(account_id)
            generation = os.urandom(4).hex()
            for number, part in enumerate(parts[1:], start=1):
                backend.set_password(
                    self._service, _part_user(account_id, generation, number), part
                )
            head = f"{_HEADER} {generation} {len(parts)}\n{parts[0]}"
            backend.set_password(self._service, _user(account_id), head)
            if old is not None:
                self._delete_parts(account_id, old[0], old[1])

    def _load_sync(self, account_id: int) -> Bundle | None:
        backend = self._get_backend()
        with self._lock:
            head = backend.get_password(self._service, _user(account_id))
            if head is None:
                return None
            try:
                generation, count, first = _parse_head(head)
            except ValueError as exc:
                raise KeyringFailedError(
                    f"The keyring entry of account {account_id} is damaged ({exc}); "
                    "reconnect the account."
                ) from None
            texts = [first]
            for number in range(1, count):
                part = backend.get_password(
                    self._service, _part_user(account_id, generation, number)
                )
                if part is None:
                    raise KeyringFailedError(
                        f"Part {number + 1} of {count} of account {account_id}'s sign-in is "
                        "missing from the keyring; reconnect the account."
                    )
                texts.append(part)
        try:
            data = json.loads("".join(texts))
        except ValueError:
            raise KeyringFailedError(
                f"The keyring entry of account {account_id} is damaged; reconnect the account."
            ) from None
        if not isinstance(data, dict):
            raise KeyringFailedError(f"The keyring entry of account {account_id} is damaged.")
        return {str(k): str(v) for k, v in data.items()}

    def _delete_sync(self, account_id: int) -> None:
        import keyring.errors  # noqa: PLC0415

        backend = self._get_backend()
        with self._lock:
            old = self._head(account_id)
            if old is None:
                return
            with contextlib.suppress(keyring.errors.PasswordDeleteError):
                backend.delete_password(self._service, _user(account_id))
            self._delete_parts(account_id, old[0], old[1])

    def _head(self, account_id: int) -> tuple[str, int] | None:
        head = self._get_backend().get_password(self._service, _user(account_id))
        if head is None:
            return None
        try:
            generation, count, _ = _parse_head(head)
        except ValueError:
            return ("", 0)  # damaged: overwrite or delete it, nothing else to clean
        return generation, count

    def _delete_parts(self, account_id: int, generation: str, count: int) -> None:
        import keyring.errors  # noqa: PLC0415

        backend = self._get_backend()
        for number in range(1, count):
            with contextlib.suppress(keyring.errors.PasswordDeleteError):
                backend.delete_password(self._service, _part_user(account_id, generation, number))

    # ------------------------------------------------------------------ helpers

    def _remember(self, bundle: Mapping[str, str]) -> None:
        if self._on_secret is not None:
            for value in secret_values(bundle):
                self._on_secret(value)

    def _run(self, fn: Callable[[], T], what: str) -> T:
        """``fn()`` on a daemon thread, waiting at most ``timeout`` seconds for it."""
        box: dict[str, Any] = {}
        done = threading.Event()

        def work() -> None:
            try:
                box["result"] = fn()
            except BaseException as exc:  # handed to the caller
                box["error"] = exc
            finally:
                done.set()

        # A daemon thread: a keyring call stuck on a prompt must not keep the app from exiting.
        threading.Thread(target=work, name="keyring", daemon=True).start()
        if not done.wait(self.timeout):
            raise KeyringTimeoutError(
                f"The system keyring did not answer within {self.timeout:g} s while "
                f"{what}. It may be locked, with an unlock prompt waiting; unlock it and "
                "try again."
            )
        error = box.get("error")
        if error is not None:
            if isinstance(error, SecretStoreError):
                raise error
            import keyring.errors  # noqa: PLC0415

            if isinstance(error, keyring.errors.KeyringError):
                # Its own words end in a full stop or not ("Prompt dismissed."): one stop.
                detail = str(error).strip().rstrip(".") or type(error).__name__
                raise KeyringFailedError(f"The system keyring refused {what}: {detail}.") from error
            raise error
        result: T = box["result"]
        return result


class MemoryKeyring:
    """A keyring in this process's memory, gone when it ends: the ``--demo`` window's, so that
    nothing a demo does reads or changes the system keyring (whose entries for this
    program's own accounts have the same names as the demo's: ``account-1``…), and no
    system keyring prompt opens for a throw-away window. It counts as secure storage: the
    demo can connect accounts as the real window does."""

    priority = 1  # keyring's scale: a backend to use (``_is_secure``)

    def __init__(self) -> None:
        self._entries: dict[tuple[str, str], str] = {}
        self._lock = threading.Lock()

    def get_password(self, service: str, username: str) -> str | None:
        with self._lock:
            return self._entries.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        with self._lock:
            self._entries[service, username] = password

    def delete_password(self, service: str, username: str) -> None:
        with self._lock:
            self._entries.pop((service, username), None)


_default_store: SecretStore | None = None
_default_lock = threading.Lock()


def set_default_store(store: SecretStore) -> None:
    """The store ``default_store`` returns (the app's, which redacts what it loads)."""
    global _default_store  # noqa: PLW0603 - one keyring per process
    with _default_lock:
        _default_store = store


def default_store() -> SecretStore:
    global _default_store  # noqa: PLW0603
    with _default_lock:
        if _default_store is None:
            _default_store = SecretStore()
        return _default_store


def get_token(account_id: int) -> str | None:
    """The account's stored access token, if it has a usable one (for metric fetchers)."""
    bundle = default_store().load(account_id)
    if not bundle or bundle.get("reconnect"):
        return None
    return bundle.get("access_token") or None
