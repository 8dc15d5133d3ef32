"""The keyring the screenshots run with: empty and in memory, standing in for a desktop's
system keyring (the demo stores no sign-in), so that the pictures show a usual computer
rather than one without any keyring. Chosen by PYTHON_KEYRING_BACKEND in scripts/screenshots;
never used by the app itself."""

from __future__ import annotations

from keyring.backend import KeyringBackend
from keyring.errors import PasswordDeleteError


class EmptyKeyring(KeyringBackend):
    priority = 1  # counts as a real keyring, as a desktop's would

    def __init__(self) -> None:
        super().__init__()  # type: ignore[no-untyped-call]
        self._secrets: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self._secrets.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self._secrets[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        if self._secrets.pop((service, username), None) is None:
            raise PasswordDeleteError(username)
