"""Fixtures for the integration tests (the scheduling rig lives in its own module)."""

from __future__ import annotations

from tests.integration.cli_run import cli_home
from tests.integration.either_backend import backend, either_cli_home, either_workspace
from tests.integration.scheduling_setup import rig

__all__ = ["backend", "cli_home", "either_cli_home", "either_workspace", "rig"]
