"""Network client tests: a real HTTP server on 127.0.0.1 (pytest-httpserver)."""

from __future__ import annotations

import pytest


@pytest.fixture(scope="session")
def httpserver_listen_address() -> tuple[str, int]:
    return ("127.0.0.1", 0)
