"""Naming a Bluesky session (the app-password sign-in lives in app/accounts.py)."""

from __future__ import annotations

from somestudio.networks.bluesky.publish import DEFAULT_SERVICE, BlueskyClient
from somestudio.networks.connect import WhoseToken


def identify(ask: WhoseToken) -> str:
    client = BlueskyClient(ask.http, ask.base or DEFAULT_SERVICE)
    info = client.get_session(ask.token)
    return f"@{info.get('handle', '')}"
