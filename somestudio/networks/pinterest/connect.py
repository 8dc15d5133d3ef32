"""Connecting a Pinterest account by its access token (the board is chosen after)."""

from __future__ import annotations

from collections.abc import Mapping

from somestudio.networks.http import Http
from somestudio.networks.pinterest.publish import APP_ID, PinterestClient, api_for


def identify(
    http: Http,
    base: str | None,
    token: str,
    options: dict[str, object],
    bundle: dict[str, str],
    *,
    now: float,
) -> str:
    """The token's user, asked in production or, with the ``sandbox`` option, in the API
    Sandbox (``base`` is then the sandbox's address when given)."""
    del bundle, now
    client = PinterestClient(http, base or api_for(options))
    return str(client.user(token).get("username") or "pinterest")


def renews(options: Mapping[str, object], bundle: Mapping[str, str]) -> bool:
    """A Pinterest sign-in with its app's id, secret and a refresh token renews itself."""
    return bool(bundle.get("refresh_token") and bundle.get("app_secret")) and bool(
        options.get(APP_ID)
    )
