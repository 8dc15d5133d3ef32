"""Naming a Bluesky session (the app-password sign-in lives in app/accounts.py)."""

from __future__ import annotations

from somestudio.networks.bluesky.publish import DEFAULT_SERVICE, BlueskyClient
from somestudio.networks.http import Http


def identify(
    http: Http,
    base: str | None,
    token: str,
    options: dict[str, object],
    bundle: dict[str, str],
    *,
    now: float,
) -> str:
    del options, bundle, now
    info = BlueskyClient(http, base or DEFAULT_SERVICE).get_session(token)
    return f"@{info.get('handle', '')}"
