"""Connecting a Pinterest account by its access token (the board is chosen after)."""

from __future__ import annotations

from somestudio.networks.http import Http
from somestudio.networks.pinterest.publish import API, PinterestClient


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
    return str(PinterestClient(http, base or API).user(token).get("username") or "pinterest")
