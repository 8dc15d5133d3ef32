"""Account secrets in the operating system's keyring, and nowhere else.

A backend that would keep secrets in a plain or weakly protected file, or that does not work
at all, counts as *no secure storage*: the app says so and stores no token.
"""

from __future__ import annotations

from dataclasses import dataclass

_INSECURE: dict[str, str] = {
    "keyring.backends.fail": "no keyring service is available (e.g. no Secret Service running)",
    "keyring.backends.null": "the keyring is switched off (null backend)",
    "keyrings.alt": "this backend keeps secrets in a file, not in a protected keyring",
}


@dataclass(frozen=True, slots=True)
class KeyringStatus:
    backend: str
    secure: bool
    reason: str


def _describe(backend: object) -> str:
    cls = type(backend)
    return f"{cls.__module__}.{cls.__qualname__}"


def _is_secure(backend: object) -> tuple[bool, str]:
    children = getattr(backend, "backends", None)
    if children is not None:  # keyring's ChainerBackend: secure if any member is
        if any(_is_secure(child)[0] for child in children):
            return True, "chained keyring with a secure member"
        return False, "no secure keyring among the chained backends"
    module = type(backend).__module__
    for prefix, reason in _INSECURE.items():
        if module == prefix or module.startswith(prefix + "."):
            return False, reason
    priority = getattr(backend, "priority", 0)
    if not isinstance(priority, int | float) or priority < 1:
        return False, "keyring reports this backend as not recommended"
    return True, "system keyring"


def keyring_status() -> KeyringStatus:
    """Which keyring backend is active, and whether secrets may be stored in it."""
    import keyring  # noqa: PLC0415 - keyring probes D-Bus on import of its backends; only when asked
    import keyring.errors  # noqa: PLC0415

    try:
        backend = keyring.get_keyring()
    except keyring.errors.KeyringError as exc:
        return KeyringStatus("unavailable", secure=False, reason=str(exc))
    secure, reason = _is_secure(backend)
    return KeyringStatus(_describe(backend), secure=secure, reason=reason)
