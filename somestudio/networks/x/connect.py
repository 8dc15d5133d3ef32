"""Connecting an X account: the OAuth 2 sign-in lives in app/accounts.py; this names the user."""

from __future__ import annotations

from somestudio.networks.connect import WhoseToken
from somestudio.networks.x.publish import API, XClient


def identify(ask: WhoseToken) -> str:
    # "User lookup: Integration Guide" (GET /2/users/me, user context only), X API v2 —
    # https://docs.x.com/x-api/users/lookup/integrate
    me = XClient(ask.http, ask.base or API).me(ask.token)
    return f"@{me.get('username', me['id'])}"
