"""Network client tests: a real HTTP server on 127.0.0.1 (pytest-httpserver)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.pds.server import Pds, running_pds


@pytest.fixture(scope="session")
def httpserver_listen_address() -> tuple[str, int]:
    return ("127.0.0.1", 0)


@pytest.fixture(scope="module")
def pds(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Pds]:
    """The real Bluesky PDS on 127.0.0.1, one for each test module that asks for it."""
    with running_pds(tmp_path_factory.mktemp("pds")) as server:
        yield server
