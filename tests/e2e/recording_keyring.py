"""A keyring backend for a test to put in the app's place of the system keyring (through
keyring's ``PYTHON_KEYRING_BACKEND``): it notes in the file ``SOMESTUDIO_TEST_KEYRING_LOG``
names that it was made and every call, so a test can say the app never asked it."""

from __future__ import annotations

import os
from pathlib import Path

from keyring.backend import KeyringBackend

LOG_VARIABLE = "SOMESTUDIO_TEST_KEYRING_LOG"


def _note(what: str) -> None:
    with Path(os.environ[LOG_VARIABLE]).open("a", encoding="utf-8") as log:
        log.write(what + "\n")


class Keyring(KeyringBackend):
    priority = 1

    def __init__(self) -> None:
        super().__init__()
        _note("made")

    def get_password(self, service: str, username: str) -> str | None:
        _note(f"get {service} {username}")
        return None

    def set_password(self, service: str, username: str, password: str) -> None:
        _note(f"set {service} {username}")

    def delete_password(self, service: str, username: str) -> None:
        _note(f"delete {service} {username}")
