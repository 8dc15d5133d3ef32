"""Journey fixtures: a private world (X, D-Bus, AT-SPI, optionally a keyring) per journey."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import ExitStack
from pathlib import Path

import pytest

from .program import Program
from .world import world

StartWorld = Callable[..., Program]


@pytest.fixture
def start_world(tmp_path: Path, request: pytest.FixtureRequest) -> Iterator[StartWorld]:
    """``start_world(keyring=False)`` → a Program not yet started, in its own world."""
    name = request.node.name.removeprefix("test_")
    with ExitStack() as stack:

        def start(*, keyring: bool = False) -> Program:
            return stack.enter_context(world(name, tmp_path, keyring=keyring))

        yield start


@pytest.fixture(scope="session")
def httpserver_listen_address() -> tuple[str, int]:
    """Servers the journeys talk to listen on loopback only."""
    return ("127.0.0.1", 0)
