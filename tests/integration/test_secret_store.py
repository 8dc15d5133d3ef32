"""The secret store against a real gnome-keyring on a private D-Bus session, and without one."""

from __future__ import annotations

import gc
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
import secretstorage
from keyring.backends import SecretService, fail, null

from somestudio.secrets import (
    MAX_PARTS,
    PART_CHARS,
    KeyringFailedError,
    KeyringTimeoutError,
    MemoryKeyring,
    NoSecureStorageError,
    SecretStore,
    SecretTooLargeError,
)
from tests.e2e.conftest import xvfb_display
from tests.secret_service import secret_service

__all__ = ["xvfb_display"]

JWT = "eyJhbGciOiJFUzI1NksifQ." + "a" * 1400 + ".sig"


def _items() -> list[tuple[str, str]]:
    """(label, secret) of every item in the private keyring's default collection."""

    conn = secretstorage.dbus_init()
    try:
        collection = secretstorage.get_default_collection(conn)
        return sorted(
            (item.get_label(), item.get_secret().decode()) for item in collection.get_all_items()
        )
    finally:
        conn.close()


@pytest.fixture
def keyring_env(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    with secret_service(tmp_path) as service:
        monkeypatch.setenv("DBUS_SESSION_BUS_ADDRESS", service.environ["DBUS_SESSION_BUS_ADDRESS"])
        yield


@pytest.fixture
def store(keyring_env: None) -> SecretStore:

    return SecretStore(backend=SecretService.Keyring(), timeout=10)


def test_store_load_delete_round_trip(store: SecretStore) -> None:
    seen: list[str] = []
    store._on_secret = seen.append
    assert store.status().secure
    assert store.load(7) is None
    bundle = {"access_token": "tok-ÄÖ-✓-123456", "expires_at": "2026-12-01T00:00:00Z"}
    store.store(7, bundle)
    assert seen == ["tok-ÄÖ-✓-123456"]  # secrets only, not the expiry time
    assert store.load(7) == bundle
    (only,) = _items()
    assert only[0] == "Password for 'account-7' on 'somestudio'"
    store.delete(7)
    assert store.load(7) is None
    assert _items() == []
    store.delete(7)  # nothing left: still fine


def test_the_demos_memory_keyring_keeps_bundles_as_the_system_keyring_does(
    store: SecretStore,
) -> None:
    """The ``--demo`` window's store: secure, round trips a split bundle, and leaves the
    system keyring (the real Secret Service here) as it was."""
    memory = SecretStore(backend=MemoryKeyring())
    assert memory.status().secure
    bundle = {"access_token": "t" * (PART_CHARS * 3), "expires_at": "2026-12-01T00:00:00Z"}
    memory.store(1, bundle)
    assert memory.load(1) == bundle
    assert _items() == []  # nothing in the system keyring
    assert store.load(1) is None
    memory.delete(1)
    assert memory.load(1) is None


def test_large_bundle_is_split_under_the_windows_limit(store: SecretStore) -> None:
    bundle = {"access_jwt": JWT, "refresh_jwt": JWT.replace("a", "b"), "did": "did:plc:x"}
    store.store(3, bundle)
    items = _items()
    assert len(items) == 3  # about 2,900 characters: three entries
    for _label, secret in items:
        assert len(secret.encode("utf-16-le")) <= 2560
    assert store.load(3) == bundle
    # A smaller bundle replaces it and leaves no stale parts behind.
    store.store(3, {"access_jwt": "short-token"})
    assert len(_items()) == 1
    assert store.load(3) == {"access_jwt": "short-token"}
    # Each account keeps its own entries.
    store.store(4, bundle)
    store.delete(3)
    assert store.load(4) == bundle and store.load(3) is None
    assert len(_items()) == 3


def test_oversize_secret_is_refused_before_anything_is_written(store: SecretStore) -> None:
    huge = {"access_token": "x" * (MAX_PARTS * PART_CHARS)}
    with pytest.raises(SecretTooLargeError, match="Nothing was stored"):
        store.store(1, huge)
    assert _items() == []


def test_damaged_entry_is_reported_not_guessed(store: SecretStore) -> None:

    SecretService.Keyring().set_password("somestudio", "account-9", "not ours")
    with pytest.raises(KeyringFailedError, match="damaged"):
        store.load(9)
    store.store(9, {"access_token": "fresh-token"})  # reconnecting repairs it
    assert store.load(9) == {"access_token": "fresh-token"}


# keyring's Secret Service backend leaves its D-Bus connection open when unlocking fails.
@pytest.mark.filterwarnings("ignore::pytest.PytestUnraisableExceptionWarning")
def test_dismissed_unlock_prompt_is_a_clear_error(store: SecretStore) -> None:

    store.store(2, {"access_token": "secret-token"})
    conn = secretstorage.dbus_init()
    secretstorage.get_default_collection(conn).lock()
    conn.close()
    # No display for the unlock prompt: gnome-keyring gives up at once.
    with pytest.raises(KeyringFailedError, match="refused reading"):
        store.load(2)
    gc.collect()


@pytest.mark.xvfb
# The abandoned keyring call keeps its D-Bus socket until the bus goes away; collected below.
@pytest.mark.filterwarnings("ignore::pytest.PytestUnraisableExceptionWarning")
def test_locked_keyring_waiting_on_its_prompt_times_out(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, xvfb_display: str
) -> None:
    """The unlock prompt really shows (on a private Xvfb) and nobody answers it."""

    monkeypatch.setenv("DISPLAY", xvfb_display)  # the prompter inherits it via dbus-daemon
    with secret_service(tmp_path / "kr") as service:
        monkeypatch.setenv("DBUS_SESSION_BUS_ADDRESS", service.environ["DBUS_SESSION_BUS_ADDRESS"])
        store = SecretStore(backend=SecretService.Keyring(), timeout=2)
        store.store(5, {"access_token": "secret-token"})
        conn = secretstorage.dbus_init()
        secretstorage.get_default_collection(conn).lock()
        conn.close()
        started = time.monotonic()
        with pytest.raises(KeyringTimeoutError, match="did not answer within 2 s"):
            store.load(5)
        assert 1.9 < time.monotonic() - started < 5
    # The bus is gone: the stuck call ends with an error nobody waits for.
    for thread in threading.enumerate():
        if thread.name == "keyring":
            thread.join(timeout=10)
    gc.collect()


@pytest.mark.parametrize("backend", [fail.Keyring(), null.Keyring()], ids=["fail", "null"])
def test_no_secure_backend_stores_nothing(backend: object) -> None:
    store = SecretStore(backend=backend)
    assert not store.status().secure
    with pytest.raises(NoSecureStorageError, match="not stored anywhere"):
        store.store(1, {"access_token": "t0ken-value"})
    assert store.load(1) is None
    store.delete(1)  # nothing to remove, no error


def test_plaintext_backend_is_refused() -> None:
    written: list[str] = []

    class PlaintextKeyring:
        priority = 0.5

        def set_password(self, service: str, user: str, value: str) -> None:
            written.append(value)

    PlaintextKeyring.__module__ = "keyrings.alt.file"
    store = SecretStore(backend=PlaintextKeyring())
    with pytest.raises(NoSecureStorageError, match="keeps secrets in a file"):
        store.store(1, {"access_token": "t0ken-value"})
    assert written == []
