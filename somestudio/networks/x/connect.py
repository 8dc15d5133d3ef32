"""Connecting an X account: the OAuth 2 sign-in lives in app/accounts.py; this names the user."""

from __future__ import annotations

from somestudio.networks.http import Http
from somestudio.networks.x.publish import API, XClient


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
    # "User lookup: Integration Guide" (GET /2/users/me, user context only), X API v2 —
    # https://docs.x.com/x-api/users/lookup/integrate
    me = XClient(http, base or API).me(token)
    return f"@{me.get('username', me['id'])}"
